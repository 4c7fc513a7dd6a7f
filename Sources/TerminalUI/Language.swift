/// The language the front ends speak. English and Korean (the language of IBM's document the
/// wizard follows) are both complete; every message has a string in each.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case english = "en"
    case korean = "ko"

    /// The language asked for: `flag` (`--lang en|ko`) when given, else the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty (`ko…` → Korean), else English.
    /// Returns nil only for a `flag` that names no language here.
    public static func resolve(flag: String?, environment: [String: String]) -> Language? {
        if let flag {
            switch flag.lowercased() {
            case "en", "english": return .english
            case "ko", "korean", "kr": return .korean
            default: return nil
            }
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("ko") ? .korean : .english
        }
        return .english
    }

    /// The words of this language.
    public var strings: any Strings {
        switch self {
        case .english: English()
        case .korean: Korean()
        }
    }
}
