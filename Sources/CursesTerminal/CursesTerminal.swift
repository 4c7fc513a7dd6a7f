import CNCurses
import Foundation
import TerminalUI
import WizardCore

/// The curses terminal: paints frames with ncursesw on the alternate screen, reads keys (with
/// bracketed paste), and restores the terminal on every way out, including fatal signals.
///
/// The only type in the project that calls curses. Use it from one thread.
public final class CursesTerminal: TerminalDevice {
    /// Why the terminal could not be opened.
    public enum OpenError: Error, CustomStringConvertible {
        /// Standard input or output is not a TTY (a pipe, a file, no terminal at all).
        case notATerminal
        /// TERM is unset or empty: curses cannot know what the terminal understands.
        case terminalTypeUnset
        /// TERM=dumb: a known terminal that cannot move the cursor, so it cannot draw screens.
        case dumbTerminal
        /// TERM names a type curses has no description of (the associated value is TERM).
        case unknownTerminal(String)
        /// The message shown before exiting.
        public var description: String {
            switch self {
            case .notATerminal:
                "this wizard needs an interactive terminal: standard input and output must be a TTY."
            case .terminalTypeUnset:
                "TERM is not set, so curses cannot tell what this terminal can do. Try TERM=xterm-256color."
            case .dumbTerminal:
                "TERM=dumb cannot draw screens (it cannot move the cursor). Try TERM=xterm-256color; "
                    + "a plain line mode (--plain) for such terminals is coming."
            case .unknownTerminal(let term):
                "The terminal type \"\(term)\" is unknown to curses. Try TERM=xterm-256color."
            }
        }
    }

    /// True when the locale in force for drawing is UTF-8; when false, draw ASCII only
    /// (`Frame(size:asciiOnly: !terminal.isUTF8)`). Decided once, when the terminal opens.
    public let isUTF8: Bool

    private var screen: OpaquePointer?
    private var previous: Frame?
    private var restored = false
    private let useColor: Bool
    private var pendingInput: [TerminalInput] = []
    /// Reads in a row that came back empty long before their timeout: a closed terminal does that.
    private var earlyEmptyReads = 0

    /// Opens the terminal. Throws ``OpenError`` when stdin/stdout is not a TTY or TERM is unusable.
    /// Sets the process's locale first (``prepareLocale(environment:)``).
    public init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw OpenError.notATerminal }
        let environment = ProcessInfo.processInfo.environment
        let term = environment["TERM"] ?? ""
        if term.isEmpty { throw OpenError.terminalTypeUnset }
        if term == "dumb" { throw OpenError.dumbTerminal }
        isUTF8 = Self.prepareLocale(environment: environment)
        TerminalRestorer.saveAndInstall()
        guard let screen = tw_newterm_stdio() else {
            TerminalRestorer.forget()
            throw OpenError.unknownTerminal(term)
        }
        self.screen = screen
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(tw_stdscr(), true)
        set_escdelay(25)
        let wantsColor = ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        useColor = wantsColor && has_colors()
        if useColor {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_CYAN), -1)
            init_pair(2, Int16(COLOR_RED), -1)
            init_pair(3, Int16(COLOR_YELLOW), -1)
            init_pair(4, Int16(COLOR_GREEN), -1)
        }
        // Bracketed paste: a paste arrives as one piece, never as typed keys (or a stray Enter).
        TerminalRestorer.writeRaw("\u{1B}[?2004h")
        clear()
    }

    deinit { restore() }

    /// Sets the process's locale from the environment (`setlocale(LC_ALL, "")`), as curses needs
    /// before it starts. When that fails because the requested locale was never generated but asked
    /// for UTF-8 (`LANG=ko_KR.UTF-8` in a container), falls back to "C.UTF-8"
    /// (``TerminalLocale/fallback(afterFailureIn:)``). Returns ``localeIsUTF8()`` afterwards.
    @discardableResult
    public static func prepareLocale(environment: [String: String]) -> Bool {
        if setlocale(LC_ALL, "") == nil, let fallback = TerminalLocale.fallback(afterFailureIn: environment) {
            _ = setlocale(LC_ALL, fallback)
        }
        return localeIsUTF8()
    }

    /// True when the process's current locale uses the UTF-8 codeset (`nl_langinfo(CODESET)`).
    public static func localeIsUTF8() -> Bool {
        guard let codeset = tw_codeset() else { return false }
        return TerminalLocale.isUTF8Codeset(String(cString: codeset))
    }

    public var size: Size {
        Size(columns: Int(tw_getmaxx(tw_stdscr())), rows: Int(tw_getmaxy(tw_stdscr())))
    }

    public func draw(_ frame: Frame) {
        guard !restored else { return }
        for row in frame.changedRows(since: previous) {
            move(Int32(row), 0)
            var x = 0
            while x < frame.size.columns {
                let cell = frame[x, row]
                attrset(attributes(for: cell.style))
                if !cell.isContinuation { addstr(isUTF8 ? cell.text : Self.asciiCell(cell.text)) }
                x += 1
            }
        }
        attrset(attributes(for: .normal))
        if let cursor = frame.cursor {
            move(Int32(cursor.row), Int32(cursor.column))
            curs_set(1)
        } else {
            curs_set(0)
        }
        refresh()
        previous = frame
    }

    /// The text of one cell for a terminal that shows only ASCII, in the same number of columns, so a
    /// frame drawn without `asciiOnly` still paints aligned ASCII instead of raw UTF-8 bytes.
    static func asciiCell(_ text: String) -> String {
        let width = max(1, DisplayWidth.of(text))
        let ascii = Glyphs.asciiTransliterated(text)
        let cut = String(ascii.prefix(width))
        return cut + String(repeating: " ", count: max(0, width - cut.count))
    }

    private func attributes(for style: CellStyle) -> Int32 {
        let a: attr_t
        switch style {
        case .normal: a = tw_a_normal()
        case .bold: a = tw_a_bold()
        case .dim: a = useColor ? tw_a_dim() : tw_a_normal()
        case .reverse: a = tw_a_reverse()
        case .accent: a = useColor ? attr_t(tw_color_pair(1)) : tw_a_bold()
        case .error: a = useColor ? attr_t(tw_color_pair(2)) | tw_a_bold() : tw_a_bold() | tw_a_underline()
        case .warning: a = useColor ? attr_t(tw_color_pair(3)) | tw_a_bold() : tw_a_bold()
        case .success: a = useColor ? attr_t(tw_color_pair(4)) : tw_a_normal()
        }
        return Int32(truncatingIfNeeded: a)
    }

    public func readInput(timeout: Int) -> TerminalInput? {
        if !pendingInput.isEmpty { return pendingInput.removeFirst() }
        let started = DispatchTime.now().uptimeNanoseconds
        guard let raw = readCode(timeout: timeout) else {
            let waitedMS = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            earlyEmptyReads = waitedMS * 4 < timeout ? earlyEmptyReads + 1 : 0
            // A hung-up terminal answers every read at once with nothing. If a parent blocked
            // SIGHUP, this is the only sign left; without it the loop would spin forever.
            if earlyEmptyReads >= 200, !Self.terminalIsAlive() { return .closed }
            return nil
        }
        earlyEmptyReads = 0
        switch raw {
        case .function(let code): return translateFunction(code)
        case .character(let value): return translateCharacter(value)
        }
    }

    private enum RawCode { case function(Int32), character(UInt32) }

    private func readCode(timeout: Int) -> RawCode? {
        wtimeout(tw_stdscr(), Int32(timeout))
        var ch: wint_t = 0
        let result = wget_wch(tw_stdscr(), &ch)
        if result == KEY_CODE_YES { return .function(Int32(ch)) }
        if result == OK { return .character(UInt32(ch)) }
        return nil
    }

    private func translateFunction(_ code: Int32) -> TerminalInput? {
        switch code {
        case KEY_RESIZE: previous = nil; return .resized
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_F0 + 1: return .key(.f1)
        default: return .key(.unknown)
        }
    }

    private func translateCharacter(_ value: UInt32) -> TerminalInput? {
        switch value {
        case 27: return readEscape()
        case 13, 10: return .key(.enter)
        case 127, 8: return .key(.backspace)
        case 9: return .key(.tab)
        case 1...26: return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        case 0..<32: return .key(.unknown)
        default:
            guard let scalar = Unicode.Scalar(value) else { return .key(.unknown) }
            return .key(.character(Character(scalar)))
        }
    }

    /// After ESC: a bracketed paste (`ESC [200~ … ESC [201~`), an unknown sequence, or a lone Esc.
    private func readEscape() -> TerminalInput? {
        var sequence: [UInt32] = []
        while sequence.count < 6, let code = readCode(timeout: 15) {
            guard case .character(let v) = code else { break }
            sequence.append(v)
            if sequence.count == 5 { break }
        }
        if sequence.isEmpty { return .key(.escape) }
        let text = String(String.UnicodeScalarView(sequence.compactMap(Unicode.Scalar.init)))
        if text == "[200~" { return readPaste() }
        if text.hasPrefix("[") || text.hasPrefix("O") { return .key(.unknown) }
        // Esc followed by a key typed quickly: Esc, then the key.
        pendingInput = sequence.compactMap { translateCharacter($0) }
        return .key(.escape)
    }

    private func readPaste() -> TerminalInput {
        var scalars = String.UnicodeScalarView()
        var tail: [UInt32] = []
        let limit = 1 << 20  // a megabyte of paste is plenty; the rest is dropped, not typed.
        let endMarker: [UInt32] = [27, 91, 50, 48, 49, 126]  // ESC [201~
        while let code = readCode(timeout: 500) {
            guard case .character(let v) = code else { continue }
            tail.append(v)
            if tail.count > endMarker.count { 
                let first = tail.removeFirst()
                if scalars.count < limit, let s = Unicode.Scalar(first) { scalars.append(s) }
            }
            if tail == endMarker { break }
        }
        if tail != endMarker { for v in tail { if let s = Unicode.Scalar(v) { scalars.append(s) } } }
        return .paste(String(scalars))
    }

    /// False when standard input no longer reads from a terminal (closed or hung up).
    static func terminalIsAlive() -> Bool {
        var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&fds, 1, 0)
        if ready < 0 { return false }
        return fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) == 0
    }

    public func copyToClipboard(_ text: String) -> String? {
        Clipboard.copy(text)
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        TerminalRestorer.writeRaw("\u{1B}[?2004l")
        // Blank the screen before leaving it, so nothing drawn (a token shown with v) can be kept
        // by a terminal that copies the alternate screen into its history.
        erase()
        refresh()
        TerminalRestorer.writeRaw("\u{1B}[H\u{1B}[2J")
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        TerminalRestorer.restoreSaved()
        TerminalRestorer.forget()
    }
}
