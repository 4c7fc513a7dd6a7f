import Testing
@testable import TerminalUI

/// Wrapping, truncation, field windows and label columns, by display width, with ASCII, Hangul,
/// emoji and hostile text.
@Suite struct TextLayoutTests {
    static let korean = "서비스 ID에 액세스 정책을 지정합니다"

    // MARK: wrap

    @Test func wrapsAtWordBoundaries() {
        #expect(TextLayout.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextLayout.wrap("the  quick   brown", width: 80) == ["the quick brown"])
        #expect(TextLayout.wrap("", width: 10) == [])
        #expect(TextLayout.wrap("anything", width: 0) == [])
        let text = "Account Sandbox Development chosen for you: an API key works only in its own account."
        let lines = TextLayout.wrap(text, width: 30)
        #expect(lines.count == 3)
        for line in lines {
            #expect(DisplayWidth.of(line) <= 30)
            #expect(!line.hasPrefix(" ") && !line.hasSuffix(" "))
        }
        #expect(lines.joined(separator: " ") == text)
    }

    @Test func newlinesStartNewLines() {
        #expect(TextLayout.wrap("one\ntwo words\n\nthree\n", width: 20) == ["one", "two words", "", "three"])
    }

    @Test func breaksAWordWiderThanTheLineBetweenGraphemes() {
        let url = "http://127.0.0.1:46455/endpoints.json"
        let lines = TextLayout.wrap(url, width: 10)
        #expect(lines == ["http://127", ".0.0.1:464", "55/endpoin", "ts.json"])
        // The long word starts on the current line when there is room.
        #expect(TextLayout.wrap("at \(url)", width: 10).first == "at http://")
    }

    @Test func wrapsHangulByDisplayWidth() {
        // 서비스 = 6 columns, ID에 = 4, 액세스 = 6, 정책을 = 6, 지정합니다 = 10.
        #expect(TextLayout.wrap(Self.korean, width: 14) == ["서비스 ID에", "액세스 정책을", "지정합니다"])
        #expect(TextLayout.wrap(Self.korean, width: 12) == ["서비스 ID에", "액세스", "정책을", "지정합니다"])
        // A run without spaces still breaks, never inside a syllable.
        #expect(TextLayout.wrap("가나다라마바사", width: 5) == ["가나", "다라", "마바", "사"])
        // A syllable wider than the whole line cannot be drawn: it becomes "…", one column.
        #expect(TextLayout.wrap("가나", width: 1) == ["…", "…"])
    }

    @Test func wrapsEmoji() {
        #expect(TextLayout.wrap("ok 😀😀😀", width: 4) == ["ok", "😀😀", "😀"])
        #expect(TextLayout.wrap("ok ❤️ done", width: 5) == ["ok ❤️", "done"])
    }

    @Test func wrapDropsEscapeSequencesAndCountsZeroWidthAsNothing() {
        #expect(TextLayout.wrap("a\u{1B}[31mred\u{1B}[0m b", width: 10) == ["ared b"])
        #expect(TextLayout.wrap("a\u{200B}b c", width: 4) == ["a\u{200B}b c"])
        #expect(TextLayout.wrap("a\u{200B}b c", width: 3) == ["a\u{200B}b", "c"])
        #expect(TextLayout.wrap("e\u{301}e\u{301}e\u{301} x", width: 3) == ["e\u{301}e\u{301}e\u{301}", "x"])
        #expect(TextLayout.wrap("\u{202E}evil\u{1B}]0;title\u{07} x", width: 20) == ["evil x"])
    }

    @Test(arguments: [31, 32, 33] as [UInt64])
    func wrappedLinesNeverExceedTheWidth(seed: UInt64) {
        var rng = UntrustedInputPropertyTests.Seeded(state: seed)
        for _ in 0..<200 {
            let text = UntrustedInputPropertyTests.randomText(&rng, length: Int(rng.next() % 80))
            let width = 1 + Int(rng.next() % 20)
            for line in TextLayout.wrap(text, width: width) {
                #expect(DisplayWidth.of(line) <= width, "\(line.debugDescription) in \(width)")
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{202E}" })
            }
        }
    }

    // MARK: truncated

    @Test func truncatesTheEndWithAnEllipsis() {
        let cut = TextLayout.truncated("Key Protect said 503 INTERNAL_SERVER_ERROR", width: 20)
        #expect(cut == "Key Protect said 50…")
        #expect(DisplayWidth.of(cut) == 20)
        #expect(TextLayout.truncated("short", width: 20) == "short")
        #expect(TextLayout.truncated("exactly", width: 7) == "exactly")
        #expect(TextLayout.truncated("anything", width: 0) == "")
    }

    @Test func truncatesTheStartOfAPath() {
        #expect(TextLayout.truncated("/does/not/exist/endpoints.json", width: 16, at: .start) == "…/endpoints.json")
    }

    @Test func truncatesTheMiddle() {
        #expect(TextLayout.truncated("abcdefghij", width: 5, at: .middle) == "ab…ij")
        #expect(TextLayout.truncated("abcdefghij", width: 6, at: .middle) == "abc…ij")
    }

    @Test func neverSplitsAWideCharacterAndPadsInstead() {
        // 서비스 ID에 is 11 columns; 5 are left for text before "…", and 스 would straddle.
        #expect(TextLayout.truncated("서비스 ID에", width: 6) == "서비… ")
        #expect(TextLayout.truncated("가나다", width: 4, at: .start) == "…다 ")
        #expect(TextLayout.truncated("😀😀😀", width: 4) == "😀… ")
        for width in 1...12 {
            for side in [TextLayout.Side.end, .start, .middle] {
                let cut = TextLayout.truncated(Self.korean, width: width, at: side)
                #expect(DisplayWidth.of(cut) == width, "\(cut) at \(side) in \(width)")
                #expect(cut.contains("…"))
            }
        }
    }

    @Test func cutsTheEllipsisItselfWhenTheWidthIsTiny() {
        #expect(TextLayout.truncated("abcdef", width: 2, ellipsis: "...") == "..")
        #expect(TextLayout.truncated("abcdef", width: 5, ellipsis: "...") == "ab...")
        #expect(TextLayout.truncated("abcdef", width: 1) == "…")
    }

    @Test func truncationIgnoresEscapeSequences() {
        #expect(TextLayout.truncated("\u{1B}[2Jabcdef", width: 4) == "abc…")
        #expect(TextLayout.truncated("\u{1B}[2Jabcd", width: 4) == "abcd")
    }

    @Test(arguments: [41, 42] as [UInt64])
    func truncatedTextNeverExceedsTheWidth(seed: UInt64) {
        var rng = UntrustedInputPropertyTests.Seeded(state: seed)
        for _ in 0..<200 {
            let text = UntrustedInputPropertyTests.randomText(&rng, length: Int(rng.next() % 60))
            let width = 1 + Int(rng.next() % 20)
            for side in [TextLayout.Side.end, .start, .middle] {
                let cut = TextLayout.truncated(text, width: width, at: side)
                let fits = DisplayWidth.of(text.sanitizedForTerminal) <= width
                #expect(fits ? cut == text.sanitizedForTerminal : DisplayWidth.of(cut) == width)
            }
        }
    }

    @Test func endingWithEllipsisAlwaysEndsWithIt() {
        #expect(TextLayout.endingWithEllipsis("short", width: 10) == "short…")
        #expect(TextLayout.endingWithEllipsis("exactly10!", width: 10) == "exactly10…")
        #expect(TextLayout.endingWithEllipsis("two words", width: 5) == "two…")
    }

    // MARK: fieldWindow

    @Test func anUnfocusedFieldShowsTheStartOfItsValue() {
        let path = "/does/not/exist/keys/apikey.json"
        let window = TextLayout.fieldWindow(text: path, cursor: path.count, width: 12, focused: false)
        #expect(window.visible == "/does/not/e…")
        #expect(window.cursorColumn == 0)
        let name = "Key Protect access to Key Protect-dev"
        #expect(TextLayout.fieldWindow(text: name, cursor: name.count, width: 20, focused: false).visible
            == "Key Protect access …")
        #expect(TextLayout.fieldWindow(text: "short", cursor: 5, width: 12, focused: false).visible == "short")
    }

    @Test func aFocusedFieldScrollsToKeepTheCursorVisible() {
        let text = "abcdefghijklmnopqrstuvwxyz0123"
        let atEnd = TextLayout.fieldWindow(text: text, cursor: text.count, width: 10, focused: true)
        #expect(atEnd.visible == String(text.suffix(9)))
        #expect(atEnd.cursorColumn == 9)
        let atStart = TextLayout.fieldWindow(text: text, cursor: 0, width: 10, focused: true)
        #expect(atStart.visible == "abcdefghij")
        #expect(atStart.cursorColumn == 0)
        let inside = TextLayout.fieldWindow(text: text, cursor: 4, width: 10, focused: true)
        #expect(inside.visible == "abcdefghij")
        #expect(inside.cursorColumn == 4)
    }

    @Test func aFocusedHangulFieldKeepsWholeSyllables() {
        let atEnd = TextLayout.fieldWindow(text: "가나다라마", cursor: 5, width: 6, focused: true)
        #expect(atEnd.visible == "라마")
        #expect(atEnd.cursorColumn == 4)
        let onWide = TextLayout.fieldWindow(text: "가나다라마", cursor: 2, width: 4, focused: true)
        #expect(onWide.visible == "나다")
        #expect(onWide.cursorColumn == 2)
        let unfocused = TextLayout.fieldWindow(text: "가나다라마", cursor: 0, width: 6, focused: false)
        #expect(unfocused.visible == "가나… ")
    }

    @Test func aFieldHidesControlCharactersWithoutLosingTheCursor() {
        let window = TextLayout.fieldWindow(text: "ab\u{1B}cd", cursor: 5, width: 10, focused: true)
        #expect(window.visible == "abcd")
        #expect(window.cursorColumn == 4)
        let none = TextLayout.fieldWindow(text: "x", cursor: 99, width: 0, focused: true)
        #expect(none.visible == "")
        #expect(none.cursorColumn == 0)
    }

    @Test(arguments: [51, 52] as [UInt64])
    func fieldWindowsAlwaysFitAndShowTheCursor(seed: UInt64) {
        var rng = UntrustedInputPropertyTests.Seeded(state: seed)
        for _ in 0..<200 {
            let text = UntrustedInputPropertyTests.randomText(&rng, length: Int(rng.next() % 60))
            let width = 1 + Int(rng.next() % 20)
            let cursor = Int(rng.next() % UInt64(text.count + 1))
            let window = TextLayout.fieldWindow(text: text, cursor: cursor, width: width, focused: rng.next() % 2 == 0)
            #expect(DisplayWidth.of(window.visible) <= width)
            #expect((0..<width).contains(window.cursorColumn))
        }
    }

    // MARK: label columns

    @Test func labelColumnsAreMeasuredByDisplayWidth() {
        #expect(TextLayout.labelColumnWidth(["API key", "Name"]) == 9)
        #expect(TextLayout.labelColumnWidth(["API key", "서비스 ID"], gap: 1) == 10)
        #expect(TextLayout.labelColumnWidth([]) == 2)
    }
}
