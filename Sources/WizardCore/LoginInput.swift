import Foundation

/// Cleans what a user pastes into a login field.
public enum LoginInput {
    /// Trims whitespace, a stray `Bearer ` prefix, and surrounding quotes from a pasted API key or passcode.
    public static func cleanAPIKey(_ raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        for quote in ["\"", "'"] where text.hasPrefix(quote) && text.hasSuffix(quote) && text.count >= 2 {
            text = String(text.dropFirst().dropLast())
        }
        if text.lowercased().hasPrefix("bearer ") { text = String(text.dropFirst(7)) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Checks names before they are sent, so IAM's rejection is the exception, not the rule.
public enum NameRules {
    /// A sentence saying what is wrong with `name`, or nil when it may be sent.
    /// Rules (our choice, see docs/DECISIONS.md): 1–100 characters, no control characters.
    public static func problem(withName name: String, what: String) -> String? {
        if name.isEmpty { return "The \(what) needs a name." }
        if name.count > 100 { return "The \(what) name is too long (\(name.count) characters; at most 100)." }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            return "The \(what) name has control characters."
        }
        return nil
    }

    /// `name` reduced to letters, digits, `-` and `_` (spaces become `-`), for default names and file names.
    public static func slug(_ name: String) -> String {
        var out = ""
        for c in name.lowercased() {
            if c.isLetter || c.isNumber || c == "-" || c == "_" { out.append(c) } else if !out.hasSuffix("-") { out.append("-") }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "key-protect" : trimmed
    }
}
