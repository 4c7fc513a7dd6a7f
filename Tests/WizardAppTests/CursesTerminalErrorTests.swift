import Testing
@testable import CursesTerminal

/// What the curses terminal says when it cannot open, and how it paints a cell on an ASCII terminal.
/// (Opening a real terminal is covered by the end-to-end tests in tmux.)
@Suite struct CursesTerminalErrorTests {
    @Test func eachUnusableTerminalGetsItsOwnExplanation() {
        let unset = CursesTerminal.OpenError.terminalTypeUnset.description
        let dumb = CursesTerminal.OpenError.dumbTerminal.description
        let unknown = CursesTerminal.OpenError.unknownTerminal("no-such-terminal-xyz").description
        #expect(unset.contains("TERM is not set"))
        #expect(dumb.contains("TERM=dumb cannot draw screens"))
        #expect(dumb.contains("--plain"))
        #expect(!dumb.contains("unknown to curses"))
        #expect(unknown.contains("\"no-such-terminal-xyz\" is unknown to curses"))
        for text in [unset, dumb, unknown] { #expect(text.contains("TERM=xterm-256color")) }
    }

    @Test func anASCIITerminalGetsOneASCIICharacterPerColumn() {
        #expect(CursesTerminal.asciiCell("a") == "a")
        #expect(CursesTerminal.asciiCell("✓") == "+")
        #expect(CursesTerminal.asciiCell("…") == ".")
        #expect(CursesTerminal.asciiCell("가") == "? ")
    }
}
