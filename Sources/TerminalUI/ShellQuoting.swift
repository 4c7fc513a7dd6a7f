/// Quoting for text pasted into a POSIX shell.
public enum ShellQuoting {
    /// `text` as one shell word: unchanged when it holds only safe characters
    /// (`A-Z a-z 0-9 _ - . / : @ % + = ,`), else in single quotes with `'` written as `'\''`.
    public static func quote(_ text: String) -> String {
        let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./:@%+=,")
        if !text.isEmpty, text.allSatisfy({ safe.contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
