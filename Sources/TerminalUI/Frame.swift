/// How a cell is drawn. Terminals without colour show the same through bold, reverse and dim.
public enum CellStyle: Sendable, Hashable {
    case normal, bold, dim, reverse, accent, error, warning, success
}

/// A terminal size in columns and rows.
public struct Size: Sendable, Hashable {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) { self.columns = columns; self.rows = rows }
    /// The smallest size every screen is designed for.
    public static let minimum = Size(columns: 80, rows: 24)
}

/// One cell of the grid. A wide character occupies its cell and a following `.continuation` cell.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: CellStyle
    public var isContinuation: Bool
    public init(text: String = " ", style: CellStyle = .normal, isContinuation: Bool = false) {
        self.text = text; self.style = style; self.isContinuation = isContinuation
    }
}

/// A rectangle of the screen, in terminal columns and rows: where a widget or paragraph draws.
public struct Rect: Sendable, Hashable {
    /// The first column (0 = left edge).
    public var column: Int
    /// The first row (0 = top).
    public var row: Int
    /// Width in columns.
    public var width: Int
    /// Height in rows.
    public var height: Int
    /// Creates a rectangle; negative widths and heights count as 0.
    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column; self.row = row; self.width = max(0, width); self.height = max(0, height)
    }
    /// The column just right of the rectangle.
    public var right: Int { column + width }
    /// The row just below the rectangle.
    public var bottom: Int { row + height }
}

/// A grid of cells plus a cursor: what one screen looks like. Pure data; terminals paint it.
///
/// The frame refuses silent clipping: a ``put(_:column:row:style:maxWidth:truncation:)`` whose text
/// runs past the frame's edge or its `maxWidth`, without asking for truncation, still draws what fits
/// but is recorded in ``overflows``, so tests can fail on it; text drawn over text is recorded in
/// ``overlaps``. Equality and hashing compare the size, the cells and the cursor only: ``overflows``,
/// ``overlaps`` and ``asciiOnly`` are not part of them.
public struct Frame: Sendable, Hashable {
    /// Columns and rows of the grid.
    public let size: Size
    /// The cells, row by row (`row * size.columns + column`).
    public private(set) var cells: [Cell]
    /// True when the terminal can only show ASCII: every write is transliterated
    /// (``Glyphs/asciiTransliterated(_:)``), so the cells hold ASCII only.
    public let asciiOnly: Bool
    /// Writes that ran past their area without asking for truncation, in the order they happened.
    public private(set) var overflows: [Overflow] = []
    /// Writes that drew visible characters over visible characters already there (two texts sharing
    /// cells), in the order they happened. Spaces drawn over text, and text drawn over spaces, are not
    /// recorded.
    public private(set) var overlaps: [Overlap] = []
    /// Where the cursor should blink (column, row), or nil to hide it.
    public var cursor: (column: Int, row: Int)? {
        get { cursorStorage.map { ($0.x, $0.y) } }
        set { cursorStorage = newValue.map { CursorPosition($0.column, $0.row) } }
    }
    private var cursorStorage: CursorPosition?

    struct CursorPosition: Sendable, Hashable {
        var x: Int, y: Int
        init(_ x: Int, _ y: Int) { self.x = x; self.y = y }
        var tuple: (Int, Int) { (x, y) }
    }

    /// One write that did not fit: text that was clipped without being asked to truncate.
    public struct Overflow: Sendable, Hashable, CustomStringConvertible {
        /// The row written to (may lie outside the frame).
        public var row: Int
        /// The column the write started at.
        public var column: Int
        /// The whole text of the write, as drawn (sanitized, and transliterated in ASCII mode).
        public var text: String
        /// Columns the text had: up to the frame's edge or the `maxWidth` given (0 when the write
        /// started outside the frame).
        public var available: Int
        /// Creates a record.
        public init(row: Int, column: Int, text: String, available: Int) {
            self.row = row; self.column = column; self.text = text; self.available = available
        }
        /// "row 3, column 1: 52 columns into 40: Account Sandbox…", for test failures.
        public var description: String {
            "row \(row), column \(column): \(DisplayWidth.of(text)) columns into \(available): \(text)"
        }
    }

    /// One write that covered text already drawn.
    public struct Overlap: Sendable, Hashable, CustomStringConvertible {
        /// The row written to.
        public var row: Int
        /// The column the write started at.
        public var column: Int
        /// The text of the write, as drawn.
        public var text: String
        /// The visible characters it covered, in order.
        public var covered: String
        /// Creates a record.
        public init(row: Int, column: Int, text: String, covered: String) {
            self.row = row; self.column = column; self.text = text; self.covered = covered
        }
        /// "row 18, column 1: \"3 keys listed.\" covered \"1/token.json\"", for test failures.
        public var description: String { "row \(row), column \(column): \"\(text)\" covered \"\(covered)\"" }
    }

    /// What a write does with text wider than its area.
    public enum Truncation: Sendable, Hashable {
        /// Draw what fits and record an ``Overflow`` (the default: clipping is a bug to find).
        case none
        /// Cut the end; the last cell drawn is the ellipsis ("Key Protect said 503 INTERNAL_SER…").
        case end
        /// Keep the end, ellipsis first (paths: "…/endpoints.json").
        case start
        /// Keep both ends, ellipsis in the middle.
        case middle
    }

    /// An empty frame of `size`. With `asciiOnly`, everything written is turned into ASCII (for
    /// terminals whose locale is not UTF-8) and ``glyphs`` is ``Glyphs/ascii``.
    public init(size: Size, asciiOnly: Bool = false) {
        self.size = size
        self.asciiOnly = asciiOnly
        self.cells = Array(repeating: Cell(), count: max(0, size.columns * size.rows))
    }

    /// The symbols to draw with: ``Glyphs/ascii`` in an ASCII-only frame, else ``Glyphs/unicode``.
    public var glyphs: Glyphs { asciiOnly ? .ascii : .unicode }

    /// The cell at (column, row); both must lie inside the frame.
    public subscript(column: Int, row: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// `text` as this frame will draw it: sanitized, and transliterated to ASCII in an ASCII-only
    /// frame. Measure this (not the original) when laying out by hand: "…" takes 3 columns in ASCII.
    public func drawable(_ text: String) -> String {
        let safe = text.sanitizedForTerminal
        return asciiOnly ? Glyphs.asciiTransliterated(safe) : safe
    }

    /// Writes `text` at (column, row) within `maxWidth` columns (default: up to the right edge).
    /// Returns the column after the last one written. Text is sanitized and measured by display width;
    /// a wide character that would straddle the limit is not drawn.
    ///
    /// Text wider than its area is handled by `truncation`: `.none` (default) draws what fits and
    /// records an ``Overflow`` (trailing spaces that do not fit are not an overflow; neither is a write
    /// of nothing); `.end`, `.start` and `.middle` cut it with the frame's ellipsis
    /// (``TextLayout/truncated(_:width:at:ellipsis:)``) and record nothing.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, style: CellStyle = .normal, maxWidth: Int? = nil,
                             truncation: Truncation = .none) -> Int {
        var text = drawable(text)
        guard row >= 0, row < size.rows, column < size.columns else {
            if truncation == .none, hasVisibleText(text[...]) {
                overflows.append(Overflow(row: row, column: column, text: text, available: 0))
            }
            return column
        }
        let limit = min(size.columns, column + (maxWidth ?? size.columns))
        var x = max(0, column)
        let available = max(0, limit - x)
        if truncation != .none, DisplayWidth.of(text) > available {
            let side: TextLayout.Side = switch truncation {
            case .none, .end: .end
            case .start: .start
            case .middle: .middle
            }
            text = TextLayout.truncated(text, width: available, at: side, ellipsis: glyphs.ellipsis)
        }
        var index = text.startIndex
        var covered = ""
        while index < text.endIndex {
            let character = text[index]
            let width = DisplayWidth.of(character)
            if width > 0 {
                if x + width > limit {
                    if truncation == .none, hasVisibleText(text[index...]) {
                        overflows.append(Overflow(row: row, column: column, text: text, available: available))
                    }
                    break
                }
                if character != " " { covered += visibleText(row: row, from: x, width: width) }
                setCell(x, row, Cell(text: String(character), style: style), wide: width == 2)
                x += width
            }
            index = text.index(after: index)
        }
        if !covered.isEmpty { overlaps.append(Overlap(row: row, column: column, text: text, covered: covered)) }
        return x
    }

    /// The visible characters (not spaces) in the `width` cells from (x, row), including a wide
    /// character whose second half lies there.
    private func visibleText(row: Int, from x: Int, width: Int) -> String {
        var out = ""
        for cx in x..<min(size.columns, x + width) {
            var cell = cells[row * size.columns + cx]
            if cell.isContinuation {
                guard cx == x, cx > 0 else { continue }
                cell = cells[row * size.columns + cx - 1]
            }
            if cell.text != " ", !cell.text.isEmpty { out += cell.text }
        }
        return out
    }

    /// Wraps `text` into `rect` at word boundaries (``TextLayout/wrap(_:width:)``) and draws it, one
    /// line per row, from the rect's top. When the lines need more rows than the rect's height (or
    /// `maxLines`, if smaller), the last row drawn ends with the ellipsis. Returns the rows used
    /// (0 for empty text); nothing is recorded as an overflow unless the rect lies outside the frame.
    @discardableResult
    public mutating func paragraph(_ text: String, in rect: Rect, style: CellStyle = .normal, maxLines: Int? = nil) -> Int {
        let capacity = min(rect.height, maxLines ?? rect.height)
        guard capacity > 0, rect.width > 0 else { return 0 }
        var lines = TextLayout.wrap(drawable(text), width: rect.width)
        if lines.count > capacity {
            lines = Array(lines.prefix(capacity))
            lines[capacity - 1] = TextLayout.endingWithEllipsis(lines[capacity - 1], width: rect.width, ellipsis: glyphs.ellipsis)
        }
        for (i, line) in lines.enumerated() {
            put(line, column: rect.column, row: rect.row + i, style: style, maxWidth: rect.width)
        }
        return lines.count
    }

    /// Draws the value of a one-line text field into `width` columns at (column, row), as
    /// ``TextLayout/fieldWindow(text:cursor:width:focused:ellipsis:)`` shows it: the start of the value
    /// with the ellipsis when unfocused, scrolled to the cursor when focused. A focused field also
    /// places the frame's ``cursor``. `cursor` is an index in the characters of `text` (as in
    /// `TextField.cursor`); pass the masked text ("•••") for secrets. Records no overflow.
    /// Returns the column of the cursor in the frame.
    @discardableResult
    public mutating func field(_ text: String, cursor: Int, focused: Bool, column: Int, row: Int, width: Int,
                               style: CellStyle = .normal) -> Int {
        var shown = text, shownCursor = cursor
        if asciiOnly {
            // Transliteration may change the number of characters ("→" → "->"): move the cursor with it.
            shown = Glyphs.asciiTransliterated(text)
            shownCursor = Glyphs.asciiTransliterated(String(text.prefix(max(0, cursor)))).count
        }
        let window = TextLayout.fieldWindow(text: shown, cursor: shownCursor, width: width, focused: focused,
                                            ellipsis: glyphs.ellipsis)
        put(window.visible, column: column, row: row, style: style, maxWidth: max(0, width), truncation: .end)
        if focused { self.cursor = (column + window.cursorColumn, row) }
        return column + window.cursorColumn
    }

    /// True when `text` has something that takes a column besides spaces.
    private func hasVisibleText(_ text: Substring) -> Bool {
        text.contains { $0 != " " && DisplayWidth.of($0) > 0 }
    }

    /// Sets one cell (and the continuation cell of a wide character), blanking the other half of any
    /// wide character it overwrites so no half-character is left behind.
    private mutating func setCell(_ x: Int, _ row: Int, _ cell: Cell, wide: Bool) {
        let base = row * size.columns
        let span = wide ? 2 : 1
        if cells[base + x].isContinuation, x > 0 { cells[base + x - 1] = Cell(style: cells[base + x - 1].style) }
        let after = x + span
        if after < size.columns, cells[base + after].isContinuation { cells[base + after] = Cell(style: cells[base + after].style) }
        cells[base + x] = cell
        if wide { cells[base + x + 1] = Cell(text: "", style: cell.style, isContinuation: true) }
    }

    /// Fills a row segment with one style (e.g. a highlighted bar).
    public mutating func fill(row: Int, from column: Int = 0, width: Int? = nil, style: CellStyle) {
        guard row >= 0, row < size.rows else { return }
        let end = min(size.columns, column + (width ?? size.columns))
        for x in max(0, column)..<max(max(0, column), end) { cells[row * size.columns + x].style = style }
    }

    /// The text of one row, trailing spaces removed.
    public func line(_ row: Int) -> String {
        var s = ""
        for x in 0..<size.columns {
            let cell = self[x, row]
            if !cell.isContinuation { s += cell.text }
        }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// The whole frame as text, one line per row: the form used by snapshots.
    public var plainText: String { (0..<size.rows).map(line).joined(separator: "\n") }

    /// Same size, cells and cursor. ``overflows``, ``overlaps`` and ``asciiOnly`` are not compared
    /// (two frames that look the same are equal, however they were drawn).
    public static func == (a: Frame, b: Frame) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursorStorage == b.cursorStorage
    }
    /// Hashes what ``==`` compares: cells and cursor.
    public func hash(into hasher: inout Hasher) { hasher.combine(cells); hasher.combine(cursorStorage) }

    /// Rows whose cells differ from `previous` (all rows when sizes differ): what a terminal must repaint.
    public func changedRows(since previous: Frame?) -> [Int] {
        guard let previous, previous.size == size else { return Array(0..<size.rows) }
        return (0..<size.rows).filter { row in
            let range = (row * size.columns)..<((row + 1) * size.columns)
            return cells[range] != previous.cells[range]
        }
    }
}
