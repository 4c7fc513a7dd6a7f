/// The symbols screens draw, in two sets: ``unicode`` for UTF-8 terminals and ``ascii`` for terminals
/// whose locale cannot show anything but ASCII (`LC_ALL=C`, a Latin-1 locale).
///
/// Screens take their symbols from `frame.glyphs` instead of writing "…" or "✓" literally, so the
/// ASCII set is chosen in one place (``Frame/init(size:asciiOnly:)``). Every glyph is one terminal
/// column wide except ``ellipsis`` in the ASCII set ("...", three columns).
public struct Glyphs: Sendable, Hashable {
    /// Marks text that was cut: "…" (ASCII "...").
    public var ellipsis: String
    /// Hides one character of a secret: "•" (ASCII "*").
    public var bullet: String
    /// Separates items on one line, e.g. in the help bar: "·" (ASCII "-").
    public var separator: String
    /// The highlighted row of a list: "›" (ASCII ">").
    public var selection: String
    /// The current step in the rail: "▸" (ASCII ">").
    public var current: String
    /// A step or item not reached yet: "·" (ASCII "-").
    public var pending: String
    /// Done / accepted: "✓" (ASCII "+").
    public var check: String
    /// Failed / refused: "✗" (ASCII "x").
    public var cross: String
    /// A warning: "!" in both sets.
    public var warning: String
    /// Resuming an earlier run: "↻" (ASCII "~").
    public var resume: String
    /// Scroll or move up: "↑" (ASCII "^").
    public var up: String
    /// Scroll or move down: "↓" (ASCII "v").
    public var down: String
    /// Dimensions, as in "80×24": "×" (ASCII "x").
    public var times: String
    /// One cell of a horizontal rule: "─" (ASCII "-").
    public var rule: String
    /// The busy spinner, one frame per tick: braille dots (ASCII `|`, `/`, `-`, `\`).
    public var spinner: [String]

    /// Creates a set; most code uses ``unicode`` or ``ascii``.
    public init(ellipsis: String, bullet: String, separator: String, selection: String, current: String,
                pending: String, check: String, cross: String, warning: String, resume: String, up: String,
                down: String, times: String, rule: String, spinner: [String]) {
        self.ellipsis = ellipsis; self.bullet = bullet; self.separator = separator; self.selection = selection
        self.current = current; self.pending = pending; self.check = check; self.cross = cross
        self.warning = warning; self.resume = resume; self.up = up; self.down = down; self.times = times
        self.rule = rule; self.spinner = spinner
    }

    /// The symbols for UTF-8 terminals (what the screens draw today).
    public static let unicode = Glyphs(
        ellipsis: "…", bullet: "•", separator: "·", selection: "›", current: "▸", pending: "·", check: "✓",
        cross: "✗", warning: "!", resume: "↻", up: "↑", down: "↓", times: "×", rule: "─",
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"])

    /// The symbols for terminals that can only show ASCII.
    public static let ascii = Glyphs(
        ellipsis: "...", bullet: "*", separator: "-", selection: ">", current: ">", pending: "-", check: "+",
        cross: "x", warning: "!", resume: "~", up: "^", down: "v", times: "x", rule: "-",
        spinner: ["|", "/", "-", "\\"])

    /// ``unicode`` when the terminal's locale is UTF-8, else ``ascii``.
    public static func forTerminal(utf8: Bool) -> Glyphs { utf8 ? .unicode : .ascii }

    /// The spinner frame for tick `n` (any integer; wraps around).
    public func spinnerFrame(_ n: Int) -> String {
        guard !spinner.isEmpty else { return "" }
        let count = spinner.count
        return spinner[((n % count) + count) % count]
    }

    /// ASCII stand-ins for the Unicode glyphs and a little typography that English text uses.
    static let asciiReplacements: [Character: String] = {
        var table: [Character: String] = [
            "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2013}": "-", "\u{2014}": "-",
            "\u{00A0}": " ", "\u{2192}": "->", "\u{2190}": "<-", "\u{2500}": "-", "\u{2502}": "|",
            "\u{250C}": "+", "\u{2510}": "+", "\u{2514}": "+", "\u{2518}": "+",
        ]
        let u = Glyphs.unicode, a = Glyphs.ascii
        let pairs: [(String, String)] = [
            (u.ellipsis, a.ellipsis), (u.bullet, a.bullet), (u.separator, a.separator), (u.selection, a.selection),
            (u.current, a.current), (u.pending, a.pending), (u.check, a.check), (u.cross, a.cross),
            (u.warning, a.warning), (u.resume, a.resume), (u.up, a.up), (u.down, a.down), (u.times, a.times),
            (u.rule, a.rule),
        ]
        for (unicode, ascii) in pairs { if let c = unicode.first { table[c] = ascii } }
        for (i, frame) in u.spinner.enumerated() { if let c = frame.first { table[c] = a.spinnerFrame(i) } }
        return table
    }()

    /// `text` with every non-ASCII character replaced: known glyphs by their ASCII stand-in ("…" by
    /// "...", "✓" by "+"), anything else visible by one "?" per character. Characters of zero width
    /// (combining marks, zero-width spaces) are dropped. The result contains only ASCII.
    public static func asciiTransliterated(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = ""
        for character in text {
            if character.unicodeScalars.allSatisfy({ $0.isASCII }) { out.append(character); continue }
            if let replacement = asciiReplacements[character] { out += replacement; continue }
            // A base letter with combining marks (e + U+0301): keep the ASCII base.
            if let first = character.unicodeScalars.first, first.isASCII, DisplayWidth.of(first) > 0 {
                out.unicodeScalars.append(first); continue
            }
            if DisplayWidth.of(character) == 0 { continue }
            out += "?"
        }
        return out
    }
}
