import Testing
@testable import TerminalUI

/// The frame refuses silent clipping, truncates when asked, wraps paragraphs into rects, and draws
/// ASCII only when the terminal cannot show more.
@Suite struct FrameLayoutTests {
    static let problem = "Key Protect said 503 INTERNAL_SERVER_ERROR"

    // MARK: overflow

    @Test func aTooLongPutIsRecordedAndStillDrawsWhatFits() {
        var frame = Frame(size: Size(columns: 20, rows: 2))
        let end = frame.put(Self.problem, column: 0, row: 0)
        #expect(end == 20)
        #expect(frame.line(0) == "Key Protect said 503")
        #expect(frame.overflows == [Frame.Overflow(row: 0, column: 0, text: Self.problem, available: 20)])
        #expect(!fitProblems(frame).isEmpty)
    }

    @Test func aPutPastItsMaxWidthIsRecorded() {
        var frame = Frame(size: Size(columns: 20, rows: 1))
        #expect(frame.put("abcdefgh", column: 2, row: 0, maxWidth: 4) == 6)
        #expect(frame.line(0) == "  abcd")
        #expect(frame.overflows.map(\.available) == [4])
        #expect(frame.overflows.first?.column == 2)
    }

    @Test func writesThatFitAreNotRecorded() {
        var frame = Frame(size: Size(columns: 10, rows: 2))
        #expect(frame.put("hello", column: 2, row: 0) == 7)
        frame.put("abc   ", column: 6, row: 1)  // trailing spaces past the edge are not text
        frame.put("", column: 3, row: 9)  // nothing written off the frame
        #expect(frame.overflows.isEmpty)
    }

    @Test func aWriteOutsideTheFrameIsRecorded() {
        var frame = Frame(size: Size(columns: 10, rows: 2))
        frame.put("lost", column: 1, row: 2)
        frame.put("gone", column: 10, row: 0)
        #expect(frame.overflows.map(\.available) == [0, 0])
        #expect(frame.overflows.map(\.row) == [2, 0])
    }

    @Test func aWideCharacterAtTheEdgeIsNotSplitAndIsRecorded() {
        var frame = Frame(size: Size(columns: 5, rows: 1))
        frame.put("abcd가", column: 0, row: 0)
        #expect(frame.line(0) == "abcd")
        #expect(frame.overflows.count == 1)
    }

    @Test func aTruncatingPutIsNotRecordedAndEndsWithTheEllipsis() {
        var frame = Frame(size: Size(columns: 20, rows: 1))
        frame.put(Self.problem, column: 0, row: 0, truncation: .end)
        #expect(frame.line(0) == "Key Protect said 50…")
        #expect(frame[19, 0].text == "…")
        #expect(frame.overflows.isEmpty)
        #expect(fitProblems(frame).isEmpty)
    }

    @Test func aTruncatingPutKeepsTheEndOfAPath() {
        var frame = Frame(size: Size(columns: 40, rows: 1))
        frame.put("/does/not/exist/endpoints.json", column: 2, row: 0, maxWidth: 16, truncation: .start)
        #expect(frame.line(0) == "  …/endpoints.json")
        frame.put("ServiceId-1234567890abcdef", column: 20, row: 0, maxWidth: 9, truncation: .middle)
        #expect(frame.line(0).hasSuffix("Serv…cdef"))
        #expect(frame.overflows.isEmpty)
    }

    @Test func aTruncatingPutPadsInsteadOfSplittingAWideCharacter() {
        var frame = Frame(size: Size(columns: 5, rows: 1))
        #expect(frame.put("abc가나", column: 0, row: 0, truncation: .end) == 5)
        #expect(frame.line(0) == "abc…")
        var hangul = Frame(size: Size(columns: 4, rows: 1))
        hangul.put("a가나", column: 0, row: 0, truncation: .end)
        #expect(hangul.line(0) == "a가…")
        #expect(hangul[1, 0].text == "가" && hangul[2, 0].isContinuation)
        #expect(hangul.overflows.isEmpty)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var frame = Frame(size: Size(columns: 6, rows: 1))
        frame.put("가나", column: 0, row: 0)
        frame.put("x", column: 1, row: 0)
        #expect(frame.line(0) == " x나")
        frame.put("y", column: 2, row: 0)
        #expect(frame.line(0) == " xy")
        #expect(!frame[3, 0].isContinuation)
    }

    @Test func equalityIgnoresOverflows() {
        var clipped = Frame(size: Size(columns: 3, rows: 1))
        clipped.put("abcdef", column: 0, row: 0)
        var exact = Frame(size: Size(columns: 3, rows: 1))
        exact.put("abc", column: 0, row: 0)
        #expect(clipped.overflows.count == 1)
        #expect(exact.overflows.isEmpty)
        #expect(clipped == exact)
        #expect(clipped.hashValue == exact.hashValue)
    }

    // MARK: paragraph

    @Test func aParagraphWrapsIntoItsRect() {
        var frame = Frame(size: Size(columns: 30, rows: 6))
        let text = "Account Sandbox Development chosen for you: an API key works only in its own account."
        let used = frame.paragraph(text, in: Rect(column: 1, row: 1, width: 28, height: 4), style: .dim)
        #expect(used == 4)
        #expect(frame.line(1) == " Account Sandbox Development")
        #expect(frame.line(2) == " chosen for you: an API key")
        #expect(frame.line(3) == " works only in its own")
        #expect(frame.line(4) == " account.")
        #expect(frame[1, 1].style == .dim)
        #expect(frame.overflows.isEmpty)
    }

    @Test func aParagraphThatDoesNotFitEndsWithTheEllipsis() {
        var frame = Frame(size: Size(columns: 30, rows: 6))
        let text = "Account Sandbox Development chosen for you: an API key works only in its own account."
        #expect(frame.paragraph(text, in: Rect(column: 0, row: 0, width: 30, height: 6), maxLines: 2) == 2)
        #expect(frame.line(0) == "Account Sandbox Development")
        #expect(frame.line(1) == "chosen for you: an API key…")
        #expect(frame.line(2) == "")
        #expect(frame.paragraph("one two three", in: Rect(column: 0, row: 5, width: 5, height: 1)) == 1)
        #expect(frame.line(5) == "one…")
        #expect(frame.paragraph("", in: Rect(column: 0, row: 3, width: 5, height: 1)) == 0)
        #expect(frame.overflows.isEmpty)
        assertFits(frame)
    }

    @Test func aKoreanParagraphFitsItsRect() {
        var frame = Frame(size: Size(columns: 16, rows: 3))
        let used = frame.paragraph("서비스 ID에 액세스 정책을 지정합니다", in: Rect(column: 1, row: 0, width: 14, height: 3))
        #expect(used == 3)
        #expect((0..<3).map(frame.line) == [" 서비스 ID에", " 액세스 정책을", " 지정합니다"])
        assertFits(frame)
    }

    // MARK: ASCII mode

    @Test func anASCIIFrameHoldsOnlyASCII() {
        var frame = Frame(size: Size(columns: 40, rows: 3), asciiOnly: true)
        #expect(frame.glyphs == .ascii)
        frame.put("✓ saved … 서비스 · ↑↓ ⠋ “quoted” e\u{301}", column: 0, row: 0)
        #expect(frame.line(0) == "+ saved ... ??? - ^v | \"quoted\" e")
        frame.put(Self.problem, column: 0, row: 1, maxWidth: 20, truncation: .end)
        #expect(frame.line(1) == "Key Protect said ...")
        frame.paragraph("안녕하세요 world and more words", in: Rect(column: 0, row: 2, width: 12, height: 1))
        #expect(frame.line(2) == "????? wor...")
        for cell in frame.cells { #expect(cell.text.unicodeScalars.allSatisfy { $0.isASCII }, "\(cell.text)") }
        assertFits(frame)
    }

    @Test func aUnicodeFrameKeepsItsGlyphs() {
        var frame = Frame(size: Size(columns: 20, rows: 1))
        #expect(frame.glyphs == .unicode)
        frame.put("✓ 서비스 …", column: 0, row: 0)
        #expect(frame.line(0) == "✓ 서비스 …")
    }

    // MARK: assertFits

    @Test func fitProblemsFindTextEndingAtTheEdgeWithoutAnEllipsis() {
        var exact = Frame(size: Size(columns: 10, rows: 2))
        exact.put("abcdefghij", column: 0, row: 0)
        #expect(exact.overflows.isEmpty)
        #expect(fitProblems(exact).count == 1)
        var wide = Frame(size: Size(columns: 4, rows: 1))
        wide.put("ab가", column: 0, row: 0)
        #expect(fitProblems(wide).count == 1)
        var rule = Frame(size: Size(columns: 10, rows: 2))
        rule.put(String(repeating: "─", count: 10), column: 0, row: 0)
        rule.put("short", column: 0, row: 1)
        #expect(fitProblems(rule).isEmpty)
        var asciiRule = Frame(size: Size(columns: 10, rows: 1), asciiOnly: true)
        asciiRule.put(String(repeating: "─", count: 10), column: 0, row: 0)
        #expect(fitProblems(asciiRule).isEmpty)
    }
}

/// Text fields drawn through the frame: the start of an unfocused value, the cursor of a focused one.
@Suite struct FrameFieldTests {
    @Test func anUnfocusedFieldShowsTheStartOfAPath() {
        var frame = Frame(size: Size(columns: 40, rows: 1))
        let path = "/does/not/exist/keys/apikey.json"
        frame.field(path, cursor: path.count, focused: false, column: 21, row: 0, width: 14)
        #expect(frame.line(0).hasSuffix("/does/not/exi…"))
        #expect(frame.cursor == nil)
        #expect(frame.overflows.isEmpty)
    }

    @Test func aFocusedFieldPlacesTheCursor() {
        var frame = Frame(size: Size(columns: 40, rows: 2))
        let text = "가나다라마"
        let cursorColumn = frame.field(text, cursor: 5, focused: true, column: 10, row: 1, width: 6)
        #expect(frame.line(1) == String(repeating: " ", count: 10) + "라마")
        #expect(cursorColumn == 14)
        #expect(frame.cursor?.column == 14 && frame.cursor?.row == 1)
    }

    @Test func anASCIIFieldMovesTheCursorWithTheTransliteration() {
        var frame = Frame(size: Size(columns: 20, rows: 1), asciiOnly: true)
        // "→" becomes "->": the cursor after it moves one column further.
        frame.field("a→b", cursor: 2, focused: true, column: 0, row: 0, width: 10)
        #expect(frame.line(0) == "a->b")
        #expect(frame.cursor?.column == 3)
        var unfocused = Frame(size: Size(columns: 20, rows: 1), asciiOnly: true)
        unfocused.field("서비스 ID에 액세스", cursor: 0, focused: false, column: 0, row: 0, width: 8)
        #expect(unfocused.line(0) == "??? I...")
    }

    @Test func emojiOfEveryBlockTakeTwoColumns() {
        for emoji in ["😀", "🚀", "🫠", "🇰🇷", "❤️", "👩‍💻"] { #expect(DisplayWidth.of(emoji) == 2, "\(emoji)") }
    }
}
