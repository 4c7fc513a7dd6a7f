import Foundation

/// An editable one-line text field: its text, cursor (in characters) and whether it holds a secret.
///
/// A secret field is drawn masked; its text is still plain here because the state machine must send it.
public struct TextField: Sendable, Hashable {
    /// Which field this is; the front end draws its label in its language.
    public var label: FieldLabel
    public var text: String
    /// Cursor position, 0...text.count, in characters.
    public var cursor: Int
    public var isSecret: Bool
    /// Longest text accepted, in characters. Typing stops there; a paste that would not fit is
    /// refused whole (see ``paste(_:)``), never cut.
    public var maxLength: Int

    public init(label: FieldLabel, text: String = "", isSecret: Bool = false, maxLength: Int = 4096) {
        self.label = label
        self.text = text
        self.cursor = text.count
        self.isSecret = isSecret
        self.maxLength = maxLength
    }

    /// Why a paste was refused: it would make the text longer than ``maxLength``.
    public struct PasteRefusal: Sendable, Hashable {
        /// Characters in the paste (after control characters and newlines are dropped).
        public var pastedLength: Int
        /// Characters already in the field.
        public var existingLength: Int
        /// The field's limit.
        public var maxLength: Int

        /// What to say about it.
        public var phrase: Phrase {
            .pasteTooLong(pasted: pastedLength, existing: existingLength, limit: maxLength)
        }
    }

    /// Pastes `string` at the cursor (as ``insert(_:)``) when all of it fits; otherwise changes
    /// nothing and says why: a key or path cut short would be wrong without anything showing it.
    public mutating func paste(_ string: String) -> PasteRefusal? {
        let clean = Self.printable(string)
        if text.count + clean.count > maxLength {
            return PasteRefusal(pastedLength: clean.count, existingLength: text.count, maxLength: maxLength)
        }
        insert(clean)
        return nil
    }

    /// `string` without control characters and newlines, as a paste puts it in a field.
    public static func printable(_ string: String) -> String {
        String(string.filter { !$0.isNewline && !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f || (0x80...0x9f).contains($0.value) } })
    }

    /// Inserts `string` at the cursor, dropping control characters and newlines; what does not fit
    /// in ``maxLength`` is dropped (typing stops at the limit).
    public mutating func insert(_ string: String) {
        let clean = Self.printable(string)
        guard !clean.isEmpty else { return }
        let room = max(0, maxLength - text.count)
        let piece = String(clean.prefix(room))
        // Combining marks merge with their neighbours, so count again rather than add.
        let clamped = min(cursor, text.count)
        let before = String(text.prefix(clamped)) + piece
        text = before + String(text.dropFirst(clamped))
        cursor = min(text.count, before.count)
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func apply(_ key: Key) -> Bool {
        cursor = min(max(0, cursor), text.count)
        switch key {
        case .character(let c):
            insert(String(c))
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text = ""
            cursor = 0
        default:
            return false
        }
        return true
    }

    /// The text with surrounding whitespace removed.
    public var trimmed: String { text.trimmingCharacters(in: .whitespaces) }
}

