import Foundation

extension String {
    /// This text made safe to draw in a terminal: ANSI/VT escape sequences (CSI `ESC [ … final`,
    /// OSC `ESC ] … BEL|ESC \`, and two-byte `ESC x`) are removed, the remaining C0 controls
    /// (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F) and Unicode bidirectional
    /// overrides/isolates (U+202A–U+202E, U+2066–U+2069) are dropped, except tab, line feed and
    /// carriage return, which become a space. Leading and trailing whitespace is trimmed.
    ///
    /// Every string CloudCore takes from a server and puts into a model or ``CloudError`` passes
    /// through this; secrets (API keys, tokens) are not altered.
    public var sanitizedForDisplay: String {
        var output = String.UnicodeScalarView()
        var scalars = unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let scalar = next() {
            let value = scalar.value
            if value == 0x1B || value == 0x9B || value == 0x9D {
                // Escape sequence. 0x9B is the 8-bit CSI, 0x9D the 8-bit OSC.
                var kind: UInt32 = value == 0x9B ? 0x5B : (value == 0x9D ? 0x5D : 0)
                if kind == 0 {
                    guard let introducer = next() else { break }
                    if introducer.value == 0x5B || introducer.value == 0x5D || introducer.value == 0x50 || introducer.value == 0x5F || introducer.value == 0x5E {
                        kind = introducer.value
                    } else if introducer.value < 0x20 || introducer.value == 0x7F {
                        pending = introducer  // ESC followed by a control: drop ESC, re-examine.
                        continue
                    } else {
                        continue  // Two-character escape such as ESC c, ESC 7: drop both.
                    }
                }
                if kind == 0x5B {
                    // CSI: parameters and intermediates until a final byte 0x40–0x7E.
                    while let s = next() {
                        if (0x40...0x7E).contains(s.value) { break }
                        if s.value < 0x20 && s.value != 0x1B { continue }
                        if s.value == 0x1B { pending = s; break }
                    }
                } else {
                    // OSC / DCS / PM / APC: until BEL or ST (ESC \ or 0x9C).
                    while let s = next() {
                        if s.value == 0x07 || s.value == 0x9C { break }
                        if s.value == 0x1B {
                            if let t = next(), t.value != 0x5C { pending = t }
                            break
                        }
                    }
                }
                continue
            }
            if value == 0x09 || value == 0x0A || value == 0x0D {
                output.append(" ")
                continue
            }
            if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) { continue }
            if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { continue }
            output.append(scalar)
        }
        return String(output).trimmingCharacters(in: .whitespaces)
    }
}

/// `application/x-www-form-urlencoded` and query encoding with every byte outside the RFC 3986
/// unreserved set (`A–Z a–z 0–9 - . _ ~`) percent-encoded, so `+`, `&`, `=`, `/`, `:` and spaces in
/// values (API keys, passcodes, names) survive intact.
public enum FormEncoding {
    private static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    /// `text` as UTF-8 with every non-unreserved byte written `%XX` (upper-case hex).
    public static func percentEncode(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += String(format: "%%%02X", byte)
            }
        }
        return output
    }

    /// `name=value` pairs joined with `&`, both sides percent-encoded, in the given order.
    public static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(percentEncode($0.0))=\(percentEncode($0.1))" }.joined(separator: "&")
    }

    /// Decodes a form or query string into pairs (`+` read as space unless `plusAsSpace` is false),
    /// for tests and `next_url` parsing.
    public static func decode(_ text: String, plusAsSpace: Bool = true) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func unescape(_ s: Substring) -> String {
                let raw = plusAsSpace ? String(s).replacingOccurrences(of: "+", with: " ") : String(s)
                return raw.removingPercentEncoding ?? raw
            }
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }
}
