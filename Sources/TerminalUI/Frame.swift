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

/// A grid of cells plus a cursor: what one screen looks like. Pure data; terminals paint it.
public struct Frame: Sendable, Hashable {
    public let size: Size
    public private(set) var cells: [Cell]
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

    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: Cell(), count: max(0, size.columns * size.rows))
    }

    public subscript(column: Int, row: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// Writes `text` at (column, row), clipped to `maxWidth` columns (default: to the right edge).
    /// Returns the column after the last one written. Text is sanitized and measured by display width.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, style: CellStyle = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < size.rows, column < size.columns else { return column }
        let limit = min(size.columns, column + (maxWidth ?? size.columns))
        var x = max(0, column)
        for character in text.sanitizedForTerminal {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if x + width > limit { break }
            cells[row * size.columns + x] = Cell(text: String(character), style: style)
            if width == 2 { cells[row * size.columns + x + 1] = Cell(text: "", style: style, isContinuation: true) }
            x += width
        }
        return x
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

    public static func == (a: Frame, b: Frame) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursorStorage == b.cursorStorage
    }
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
