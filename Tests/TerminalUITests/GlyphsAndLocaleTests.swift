import Testing
@testable import TerminalUI

/// The two glyph sets and the locale decisions the curses terminal makes at start-up.
@Suite struct GlyphsAndLocaleTests {
    static func allGlyphs(_ g: Glyphs) -> [String] {
        [g.ellipsis, g.bullet, g.separator, g.selection, g.current, g.pending, g.check, g.cross, g.warning,
         g.resume, g.up, g.down, g.times, g.rule] + g.spinner
    }

    @Test func theASCIISetIsASCIIAndOneColumnPerGlyph() {
        for glyph in Self.allGlyphs(.ascii) {
            #expect(glyph.unicodeScalars.allSatisfy { $0.isASCII }, "\(glyph)")
            #expect(glyph == Glyphs.ascii.ellipsis || DisplayWidth.of(glyph) == 1, "\(glyph)")
        }
        for glyph in Self.allGlyphs(.unicode) { #expect(DisplayWidth.of(glyph) == 1, "\(glyph)") }
        #expect(Glyphs.forTerminal(utf8: false) == .ascii)
        #expect(Glyphs.forTerminal(utf8: true) == .unicode)
    }

    @Test func everyUnicodeGlyphHasItsASCIIStandIn() {
        let u = Glyphs.unicode, a = Glyphs.ascii
        #expect(Glyphs.asciiTransliterated(u.ellipsis) == "...")
        #expect(Glyphs.asciiTransliterated(u.check + u.cross + u.selection + u.rule) == a.check + a.cross + a.selection + a.rule)
        for (i, frame) in u.spinner.enumerated() {
            #expect(Glyphs.asciiTransliterated(frame) == a.spinnerFrame(i))
        }
        #expect(a.spinnerFrame(5) == "/")
        #expect(a.spinnerFrame(-1) == "\\")
    }

    @Test func transliterationLeavesOnlyASCII() {
        let text = "TokenWizard · IBM Cloud ✓ 서비스 😀 e\u{301} \u{200B}x “q” — end"
        let ascii = Glyphs.asciiTransliterated(text)
        #expect(ascii == "TokenWizard - IBM Cloud + ??? ? e x \"q\" - end")
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(Glyphs.asciiTransliterated("plain ascii") == "plain ascii")
    }

    // MARK: locale

    @Test func aMissingUTF8LocaleFallsBackToCUTF8() {
        #expect(TerminalLocale.fallback(afterFailureIn: ["LANG": "ko_KR.UTF-8"]) == "C.UTF-8")
        #expect(TerminalLocale.fallback(afterFailureIn: ["LC_CTYPE": "ko_KR.utf8", "LANG": "C"]) == "C.UTF-8")
        #expect(TerminalLocale.fallback(afterFailureIn: ["LC_ALL": "", "LANG": "ko_KR.UTF-8"]) == "C.UTF-8")
    }

    @Test func nonUTF8OrUnsetLocalesDoNotFallBack() {
        #expect(TerminalLocale.fallback(afterFailureIn: ["LC_ALL": "C"]) == nil)
        #expect(TerminalLocale.fallback(afterFailureIn: ["LC_ALL": "C", "LANG": "ko_KR.UTF-8"]) == nil)
        #expect(TerminalLocale.fallback(afterFailureIn: ["LANG": "en_US.ISO-8859-1"]) == nil)
        #expect(TerminalLocale.fallback(afterFailureIn: [:]) == nil)
        #expect(TerminalLocale.fallback(afterFailureIn: ["LANG": "ko_KR"]) == nil)
    }

    @Test func localeNamesAndCodesets() {
        #expect(TerminalLocale.requested(in: ["LC_ALL": "C", "LANG": "ko_KR.UTF-8"]) == "C")
        #expect(TerminalLocale.requested(in: ["LC_CTYPE": "en_US.UTF-8", "LANG": "C"]) == "en_US.UTF-8")
        #expect(TerminalLocale.requested(in: [:]) == nil)
        #expect(TerminalLocale.asksForUTF8("C.UTF-8@euro"))
        #expect(TerminalLocale.asksForUTF8("de_DE.Utf8"))
        #expect(!TerminalLocale.asksForUTF8("en_US.ISO-8859-1"))
        #expect(!TerminalLocale.asksForUTF8("UTF-8"))
        #expect(TerminalLocale.isUTF8Codeset("UTF-8"))
        #expect(TerminalLocale.isUTF8Codeset("utf8"))
        #expect(!TerminalLocale.isUTF8Codeset("ANSI_X3.4-1968"))
    }
}
