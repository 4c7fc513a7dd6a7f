import Testing
@testable import TerminalUI

/// What is wrong with the layout of `frame`, one sentence per problem (empty when it fits):
///
/// - every recorded ``Frame/Overflow`` (text clipped without asking for truncation);
/// - every recorded ``Frame/Overlap`` (text drawn over text already there);
/// - every row whose last cell (at the right edge) holds a visible character other than the
///   ellipsis ("…", or the last "." of "..." in an ASCII-only frame): text that ends at the edge
///   without "…" was most likely cut. Box-drawing and block characters (rules, QR codes) and rows
///   made only of "-" are exempt: they are meant to reach the edge.
func fitProblems(_ frame: Frame) -> [String] {
    var problems = frame.overflows.map { "overflow at \($0)" } + frame.overlaps.map { "overlap at \($0)" }
    let last = frame.size.columns - 1
    guard last >= 0 else { return problems }
    for row in 0..<frame.size.rows {
        var cell = frame[last, row]
        if cell.isContinuation, last > 0 { cell = frame[last - 1, row] }
        let text = cell.text
        guard text != " ", !text.isEmpty else { continue }
        if text == "…" { continue }
        let line = frame.line(row)
        if frame.asciiOnly, text == ".", line.hasSuffix("...") { continue }
        if let scalar = text.unicodeScalars.first, (0x2500...0x259F).contains(scalar.value) { continue }
        if !line.isEmpty, line.allSatisfy({ $0 == "-" }) { continue }
        problems.append("row \(row) ends at the right edge without \"…\": \(line)")
    }
    return problems
}

/// Fails the current test when `frame` has a recorded overflow or overlap, or a row that ends at the right edge
/// without "…" (see ``fitProblems(_:)``). Run it over every rendered screen.
func assertFits(_ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) {
    for problem in fitProblems(frame) {
        Issue.record("Frame does not fit: \(problem)\n\(frame.plainText)", sourceLocation: sourceLocation)
    }
}
