/// Terminal column widths of text: 2 for East Asian wide and most emoji, 0 for combining marks
/// and zero-width characters, 1 otherwise. A compact table in the spirit of `wcwidth`.
public enum DisplayWidth {
    /// Columns taken by one grapheme.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(first)
    }

    /// Columns taken by one scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7f..<0xa0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Columns taken by a string.
    public static func of(_ string: String) -> Int { string.reduce(0) { $0 + of($1) } }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
            // Transport and map emoji (🚀), symbols and pictographs extended-A (🫠), flags (🇰🇷).
            || (0x1F680...0x1F6FF).contains(v) || (0x1FA70...0x1FAFF).contains(v) || (0x1F1E6...0x1F1FF).contains(v)
    }
}

extension String {
    /// This text with control characters and escape sequences removed, safe to draw.
    /// Server text goes through here before it reaches the screen (no terminal injection).
    public var sanitizedForTerminal: String {
        var out = String.UnicodeScalarView()
        var iterator = unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar.value == 0x1B {
                // Drop an escape sequence: ESC [ … final byte, ESC ] … BEL/ST, or ESC + one char.
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let c = iterator.next(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" || next == "P" || next == "_" || next == "^" {
                    while let c = iterator.next(), c.value != 0x07, c.value != 0x9C {
                        if c.value == 0x1B { _ = iterator.next(); break }
                    }
                }
                continue
            }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                if scalar == "\t" || scalar == "\n" { out.append(" ") }
                continue
            }
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { continue }
            out.append(scalar)
        }
        return String(out)
    }
}
