/// One row of a pick list: an ID, a title and a detail line (words the front end puts into its
/// language), and the text typing filters on (names and IDs, the same in every language).
public struct PickerRow: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: Text
    public var detail: Text
    /// What a filter is matched against, besides the ID (names; never translated words).
    public var searchText: String
    public init(id: String, title: Text, detail: Text = .verbatim(""), searchText: String) {
        self.id = id; self.title = title; self.detail = detail; self.searchText = searchText
    }
}

/// A filterable pick list: rows, the filter typed so far, and the highlighted row among the
/// filtered ones. Filtering matches the search text (names) and the ID (so an ID can be typed directly),
/// case-insensitively; the detail column is not searched.
public struct Picker: Sendable, Hashable {
    public private(set) var rows: [PickerRow]
    public private(set) var filter: String = ""
    /// Indexes into `rows` of the rows that match `filter`, in order.
    public private(set) var visible: [Int]
    /// Position in `visible` of the highlighted row.
    public private(set) var highlighted: Int = 0

    public init(rows: [PickerRow], highlightedID: String? = nil) {
        self.rows = rows
        self.visible = Array(rows.indices)
        if let id = highlightedID, let i = rows.firstIndex(where: { $0.id == id }) { highlighted = i }
    }

    /// The highlighted row, or nil when nothing matches.
    public var selection: PickerRow? {
        visible.indices.contains(highlighted) ? rows[visible[highlighted]] : nil
    }

    /// Applies a navigation or filter key; returns false when the key is not for the list.
    public mutating func apply(_ key: Key, pageSize: Int = 10) -> Bool {
        switch key {
        case .up: highlighted = max(0, highlighted - 1)
        case .down: highlighted = min(max(0, visible.count - 1), highlighted + 1)
        case .pageUp: highlighted = max(0, highlighted - pageSize)
        case .pageDown: highlighted = min(max(0, visible.count - 1), highlighted + pageSize)
        case .home: highlighted = 0
        case .end: highlighted = max(0, visible.count - 1)
        case .character(let c): setFilter(filter + String(c))
        case .backspace:
            guard !filter.isEmpty else { return true }
            setFilter(String(filter.dropLast()))
        case .control("u"): setFilter("")
        default: return false
        }
        return true
    }

    /// Replaces the filter and keeps the highlighted row when it still matches.
    public mutating func setFilter(_ newFilter: String) {
        let keep = selection?.id
        filter = newFilter
        let needle = newFilter.lowercased()
        visible = rows.indices.filter { i in
            needle.isEmpty || rows[i].searchText.lowercased().contains(needle) || rows[i].id.lowercased().contains(needle)
        }
        highlighted = keep.flatMap { id in visible.firstIndex { rows[$0].id == id } } ?? 0
    }
}
