import CloudCore
import Foundation

/// What a login field's text was recognised as.
public enum LoginRecognition: Sendable, Hashable {
    case empty
    /// An IBM Cloud API key (the value).
    case apiKey(String)
    /// A one-time passcode from the passcode page (the value).
    case passcode(String)
    /// The path of a downloaded API key JSON file (`ibmcloud login --apikey @file` style).
    case apiKeyFile(path: String)
    /// Text that cannot be used as it is; the reason says why.
    case unusable(reason: Phrase)

    /// True for a key, passcode or key file: something a login can be tried with.
    public var isUsable: Bool {
        switch self {
        case .apiKey, .passcode, .apiKeyFile: true
        case .empty, .unusable: false
        }
    }

    /// What to say on the screen, never the secret itself; nil for empty text.
    public var phrase: Phrase? {
        switch self {
        case .empty: nil
        case .apiKey(let v): .recognisedAPIKey(characters: v.count)
        case .passcode(let v): .recognisedPasscode(characters: v.count)
        case .apiKeyFile(let path): .recognisedKeyFile(path: path)
        case .unusable(let reason): reason
        }
    }
}

/// Choices named on a pasted `ibmcloud login …` line: after login the wizard picks these instead
/// of asking (and says so), or asks with a note when the named one does not exist.
public struct LoginTargets: Sendable, Hashable {
    /// `-c ACCOUNT_ID`.
    public var accountID: String?
    /// `-r REGION`, e.g. `us-south`.
    public var region: String?
    /// `-g RESOURCE_GROUP`: a resource group's name or ID.
    public var resourceGroup: String?
    /// The choices named; nil for a flag the line does not have.
    public init(accountID: String? = nil, region: String? = nil, resourceGroup: String? = nil) {
        self.accountID = accountID; self.region = region; self.resourceGroup = resourceGroup
    }
    /// True when the line named none of them.
    public var isEmpty: Bool { accountID == nil && region == nil && resourceGroup == nil }
}

/// Cleans and recognises what a user pastes into a login field.
public enum LoginInput {
    /// The `-c ACCOUNT_ID`, `-r REGION` and `-g RESOURCE_GROUP` of an `ibmcloud login …` line
    /// (also written `-c=ID`); nil when `raw` is not such a line or names none of them.
    public static func targets(_ raw: String) -> LoginTargets? {
        let words = cleanAPIKey(raw).split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first, ["ibmcloud", "bx", "ic"].contains(first) else { return nil }
        let targets = LoginTargets(accountID: value(after: ["-c"], in: words), region: value(after: ["-r"], in: words),
            resourceGroup: value(after: ["-g"], in: words))
        return targets.isEmpty ? nil : targets
    }

    /// The word after one of `flags` (or after `flag=`), cleaned; nil when absent or when the next
    /// word is another flag.
    static func value(after flags: [String], in words: [String]) -> String? {
        for (i, word) in words.enumerated() {
            for flag in flags {
                if word == flag, i + 1 < words.count {
                    let next = cleanAPIKey(words[i + 1])
                    return next.hasPrefix("-") || next.isEmpty ? nil : next
                }
                if word.hasPrefix(flag + "=") {
                    let next = cleanAPIKey(String(word.dropFirst(flag.count + 1)))
                    return next.isEmpty ? nil : next
                }
            }
        }
        return nil
    }

    /// Recognises an API key, a passcode, an API key file path, or a whole `ibmcloud login …` line
    /// copied from the console (`-u passcode -p CODE`, `--apikey KEY`, `--apikey @FILE`).
    public static func recognize(_ raw: String) -> LoginRecognition {
        let text = cleanAPIKey(raw)
        if text.isEmpty { return .empty }
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.first == "ibmcloud" || words.first == "bx" || words.first == "ic" {
            return recognizeCommand(words)
        }
        if text.hasPrefix("@") { return .apiKeyFile(path: String(text.dropFirst())) }
        if text.hasPrefix("/") || text.hasPrefix("~/") || text.hasPrefix("./") || text.hasPrefix("../")
            || text.lowercased().hasSuffix(".json") {
            return .apiKeyFile(path: text)
        }
        if words.count > 1 { return .unusable(reason: .notRecognisedHasSpaces) }
        if text.count <= 16, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) { return .passcode(text) }
        return .apiKey(text)
    }

    static func recognizeCommand(_ words: [String]) -> LoginRecognition {
        func value(after flags: [String]) -> String? {
            for (i, word) in words.enumerated() {
                for flag in flags {
                    if word == flag, i + 1 < words.count { return cleanAPIKey(words[i + 1]) }
                    if word.hasPrefix(flag + "=") { return cleanAPIKey(String(word.dropFirst(flag.count + 1))) }
                }
            }
            return nil
        }
        if let key = value(after: ["--apikey"]) {
            return key.hasPrefix("@") ? .apiKeyFile(path: String(key.dropFirst())) : .apiKey(key)
        }
        if value(after: ["-u"])?.lowercased() == "passcode", let code = value(after: ["-p"]) { return .passcode(code) }
        if let code = value(after: ["--passcode"]) { return .passcode(code) }
        if words.contains("--sso") {
            return .unusable(reason: .ssoLineNeedsPasscodePage)
        }
        return .unusable(reason: .loginLineWithoutCredentials)
    }

    /// A note for the screen when `raw` holds invisible characters (zero-width spaces, bidi or
    /// control characters) that are removed before anything is sent, e.g.
    /// "1 invisible character (U+200B) removed; it is not sent."; nil when there are none.
    /// Names only the character codes, never the key.
    public static func invisibleNote(_ raw: String) -> Phrase? {
        let spaced = String(String.UnicodeScalarView(raw.unicodeScalars.map { "\t\n\r".unicodeScalars.contains($0) ? " " : $0 }))
        let removed = APIKeyText.clean(spaced).removedInvisible
        guard removed > 0 else { return nil }
        let codes = APIKeyText.invisibleCodes(in: spaced)
        return .invisibleRemoved(count: removed, codes: codes)
    }

    /// Trims whitespace, a stray `Bearer ` prefix, and surrounding quotes from a pasted API key or
    /// passcode, and removes invisible characters (``APIKeyText/clean(_:)``; tabs and line breaks
    /// count as spaces between words).
    public static func cleanAPIKey(_ raw: String) -> String {
        let spaced = String(String.UnicodeScalarView(raw.unicodeScalars.map { "\t\n\r".unicodeScalars.contains($0) ? " " : $0 }))
        var text = APIKeyText.clean(spaced).key
        for quote in ["\"", "'"] where text.hasPrefix(quote) && text.hasSuffix(quote) && text.count >= 2 {
            text = String(text.dropFirst().dropLast())
        }
        if text.lowercased().hasPrefix("bearer ") { text = String(text.dropFirst(7)) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Checks names before they are sent, so IAM's rejection is the exception, not the rule.
public enum NameRules {
    /// What is wrong with `name`, or nil when it may be sent.
    /// Rules (our choice, see docs/DECISIONS.md): 1–100 characters, no control characters.
    public static func problem(withName name: String, what: NamedThing) -> Phrase? {
        if name.isEmpty { return .nameMissing(what) }
        if name.count > 100 { return .nameTooLong(what, characters: name.count, limit: 100) }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            return .nameHasControlCharacters(what)
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
