/// Pure text layout by display width (terminal columns, see ``DisplayWidth``): wrapping at word
/// boundaries, truncation with an ellipsis, the visible window of a text field, label columns.
///
/// Every width here is in terminal columns: Hangul, CJK and most emoji take two, combining marks and
/// zero-width characters none. No function splits a wide character across a limit. Text is made safe
/// to draw first (``Swift/String/sanitizedForTerminal``), so escape sequences never count as width.
public enum TextLayout {
    /// Which part of a text ``truncated(_:width:at:ellipsis:)`` gives up.
    public enum Side: Sendable, Hashable {
        /// Keep the start, cut the end: "Key Protect said 503 INTERNAL_SER…".
        case end
        /// Keep the end, cut the start (paths): "…/endpoints.json".
        case start
        /// Keep both ends, cut the middle (identifiers): "ServiceId-12…9f3a".
        case middle
    }

    // MARK: Wrapping

    /// `text` broken into lines of at most `width` columns each.
    ///
    /// Lines break at spaces; a run of spaces becomes one and lines carry no leading or trailing
    /// space. A word wider than `width` (a URL, a Korean or Chinese run without spaces) fills the rest
    /// of the line and breaks between graphemes. A newline starts a new line (an empty line for
    /// "\n\n"). A single grapheme wider than `width` (a Hangul syllable when `width` is 1) becomes "…".
    /// Returns no lines for empty text or `width` < 1.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        let paragraphs = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for paragraph in paragraphs {
            lines += wrapParagraph(String(paragraph).sanitizedForTerminal, width: width)
        }
        // Empty text, or only newlines at the end: no trailing empty lines.
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines
    }

    private static func wrapParagraph(_ text: String, width: Int) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var lines: [String] = []
        var line = "", used = 0
        func flush() { lines.append(line); line = ""; used = 0 }
        for word in words {
            let wordWidth = DisplayWidth.of(String(word))
            let gap = line.isEmpty ? 0 : 1
            if used + gap + wordWidth <= width {
                if gap == 1 { line += " " }
                line += word; used += gap + wordWidth
                continue
            }
            if wordWidth <= width {
                flush()
                line = String(word); used = wordWidth
                continue
            }
            // Too wide for any line: fill what is left of this one, then break between graphemes.
            if !line.isEmpty {
                let firstWidth = word.first.map { min(DisplayWidth.of($0), width) } ?? 0
                if used + 1 + firstWidth <= width { line += " "; used += 1 } else { flush() }
            }
            for character in word {
                var piece = String(character)
                var w = DisplayWidth.of(character)
                if w > width { piece = "…"; w = 1 }
                if used + w > width { flush() }
                line += piece; used += w
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: Truncation

    /// `text` fitted into `width` columns: unchanged when it fits, else cut on `side` with `ellipsis`.
    ///
    /// A cut result is exactly `width` columns: where a wide character would straddle the limit it is
    /// left out and a space pads the end instead. With `width` narrower than the ellipsis, the
    /// ellipsis itself is cut ("..." becomes ".." in 2 columns). `width` < 1 gives "".
    public static func truncated(_ text: String, width: Int, at side: Side = .end, ellipsis: String = "…") -> String {
        let text = text.sanitizedForTerminal
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard ellipsisWidth <= width else { return prefix(ellipsis, width: width).text }
        let budget = width - ellipsisWidth
        let result: String
        switch side {
        case .end:
            result = prefix(text, width: budget).text + ellipsis
        case .start:
            result = ellipsis + suffix(text, width: budget).text
        case .middle:
            let head = prefix(text, width: (budget + 1) / 2)
            let tail = suffix(text, width: budget - head.width)
            result = head.text + ellipsis + tail.text
        }
        return padded(result, to: width)
    }

    /// `line` ending in `ellipsis` within `width` columns, whether or not it was cut: for the last line
    /// of a paragraph whose following lines do not fit. Trailing spaces before the ellipsis are dropped.
    public static func endingWithEllipsis(_ line: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard ellipsisWidth <= width else { return prefix(ellipsis, width: width).text }
        var head = prefix(line.sanitizedForTerminal, width: width - ellipsisWidth).text
        while head.hasSuffix(" ") { head.removeLast() }
        return head + ellipsis
    }

    /// The longest start of `text` within `width` columns, and its width.
    static func prefix(_ text: String, width: Int) -> (text: String, width: Int) {
        var out = "", used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            out.append(character); used += w
        }
        return (out, used)
    }

    /// The longest end of `text` within `width` columns, and its width.
    static func suffix(_ text: String, width: Int) -> (text: String, width: Int) {
        var out: [Character] = [], used = 0
        for character in text.reversed() {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            out.append(character); used += w
        }
        return (String(out.reversed()), used)
    }

    /// `text` followed by spaces up to `width` columns.
    static func padded(_ text: String, to width: Int) -> String {
        let w = DisplayWidth.of(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }

    // MARK: Fields

    /// What a one-line text field of `width` columns shows, and the column of its cursor in that.
    ///
    /// `cursor` is an index in the characters (graphemes) of `text`, 0...count. An unfocused field
    /// shows the start of its value, cut with `ellipsis` at the end when longer ("/does/not/exi…");
    /// its `cursorColumn` is 0. A focused field shows the value from its start when the cursor fits,
    /// else scrolls so the cursor cell is the last one; `cursorColumn` (0..<width) is where the
    /// terminal cursor goes, relative to the field's first column. Control characters and escape
    /// sequences take no columns and are not shown. `visible` is never wider than `width`.
    public static func fieldWindow(text: String, cursor: Int, width: Int, focused: Bool,
                                   ellipsis: String = "…") -> (visible: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let characters = Array(text).map { isDrawable($0) ? $0 : nil }
        let cursor = min(max(0, cursor), characters.count)
        guard focused else {
            let shown = String(characters.compactMap { $0 })
            return (truncated(shown, width: width, at: .end, ellipsis: ellipsis), 0)
        }
        let widths = characters.map { $0.map { DisplayWidth.of($0) } ?? 0 }
        // The first character shown: the smallest start that leaves the cursor cell inside the window.
        var start = 0
        var beforeCursor = widths[0..<cursor].reduce(0, +)
        let cursorCell = cursor < widths.count ? max(1, widths[cursor]) : 1
        while start < cursor, beforeCursor + cursorCell > width {
            beforeCursor -= widths[start]
            start += 1
        }
        var visible = "", used = 0
        for index in start..<characters.count {
            guard let character = characters[index] else { continue }
            if used + widths[index] > width { break }
            visible.append(character); used += widths[index]
        }
        return (visible, min(beforeCursor, width - 1))
    }

    /// True when `character` can be drawn on its own (no control or bidi-override scalar in it).
    static func isDrawable(_ character: Character) -> Bool {
        !character.unicodeScalars.contains { s in
            s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
                || (0x2066...0x2069).contains(s.value)
        }
    }

    // MARK: Columns

    /// The width of a label column: the widest of `labels` (in columns, as measured in the language
    /// shown) plus `gap` columns before the values start. 0 + `gap` for no labels.
    public static func labelColumnWidth(_ labels: [String], gap: Int = 2) -> Int {
        (labels.map { DisplayWidth.of($0.sanitizedForTerminal) }.max() ?? 0) + gap
    }
}
