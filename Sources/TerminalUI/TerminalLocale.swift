/// Pure decisions about the terminal's locale, made from the environment (so they can be tested
/// without changing the process's locale). `CursesTerminal` applies them.
public enum TerminalLocale {
    /// The locale the user asked for: the first non-empty of `LC_ALL`, `LC_CTYPE` and `LANG` (the
    /// order the C library reads them for character handling), or nil when none is set.
    public static func requested(in environment: [String: String]) -> String? {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return nil
    }

    /// True when a locale name asks for UTF-8: its codeset (after the ".") is "UTF-8" or "utf8" in any
    /// case, with or without a "@modifier" (`ko_KR.UTF-8`, `en_US.utf8`, `C.UTF-8@euro`).
    public static func asksForUTF8(_ locale: String) -> Bool {
        guard let dot = locale.firstIndex(of: ".") else { return false }
        let codeset = locale[locale.index(after: dot)...].prefix { $0 != "@" }.lowercased()
        return codeset == "utf-8" || codeset == "utf8"
    }

    /// The locale to try when `setlocale(LC_ALL, "")` failed (the requested locale was never
    /// generated on this machine, as in most containers): "C.UTF-8" when the request asks for UTF-8,
    /// so Hangul and "…" still draw; nil otherwise (stay in the C locale and draw ASCII).
    ///
    /// `LANG=ko_KR.UTF-8` → "C.UTF-8"; `LC_ALL=C`, `LANG=en_US.ISO-8859-1` or nothing set → nil.
    public static func fallback(afterFailureIn environment: [String: String]) -> String? {
        guard let requested = requested(in: environment), asksForUTF8(requested) else { return nil }
        return "C.UTF-8"
    }

    /// True when a codeset name, as `nl_langinfo(CODESET)` reports it, is UTF-8 ("UTF-8", "utf8").
    public static func isUTF8Codeset(_ codeset: String) -> Bool {
        let c = codeset.lowercased()
        return c == "utf-8" || c == "utf8"
    }
}
