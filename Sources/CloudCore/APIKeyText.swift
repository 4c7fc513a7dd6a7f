import Foundation

/// Cleaning of an API key as pasted or read, before it is sent to IAM.
///
/// A key copied from a web page, a chat or a document can carry characters nobody sees: a
/// zero-width space (U+200B) or joiner, a word joiner (U+2060), a byte order mark (U+FEFF), a soft
/// hyphen (U+00AD), bidirectional controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), or C0/C1
/// control characters. IAM refuses such a key, and in a masked field the user cannot see why. IBM
/// Cloud API keys are plain ASCII, so these characters are never part of a real key: they are removed.
public enum APIKeyText {
    /// The longest API key accepted, in characters. IBM Cloud API keys are 44 characters; a longer
    /// text is something else (a whole file, a token) and is refused rather than cut.
    public static let maxLength = 512

    /// `raw` without surrounding whitespace and without invisible characters (Unicode format and
    /// control characters, line and paragraph separators), and how many invisible characters were
    /// removed from inside it (surrounding whitespace and newlines are not counted).
    public static func clean(_ raw: String) -> (key: String, removedInvisible: Int) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var scalars = String.UnicodeScalarView()
        var removed = 0
        for scalar in trimmed.unicodeScalars {
            if isInvisible(scalar) { removed += 1 } else { scalars.append(scalar) }
        }
        guard removed > 0 else { return (trimmed, 0) }
        return (String(scalars).trimmingCharacters(in: .whitespacesAndNewlines), removed)
    }

    /// The invisible characters in `raw`, as `U+XXXX` codes in order of appearance, each once
    /// (for a message such as "removed U+200B"). Never the key itself.
    public static func invisibleCodes(in raw: String) -> [String] {
        var codes: [String] = []
        for scalar in raw.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars where isInvisible(scalar) {
            let code = "U+" + String(format: "%04X", scalar.value)
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    /// True for a character that takes no visible room: general category Cf (format: zero-width
    /// space and joiners, word joiner, byte order mark, soft hyphen, bidi controls), Cc (C0 and C1
    /// controls, including tab and newline), Zl and Zp (line and paragraph separators).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
