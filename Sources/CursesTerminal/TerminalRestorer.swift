import Foundation

/// Restores the terminal from a fatal signal or a crash: the saved termios, the normal screen,
/// a visible cursor and bracketed paste off. Only async-signal-safe calls in the handler.
enum TerminalRestorer {
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var hasSaved = false

    static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    /// Saves the current termios and installs the restoring handlers.
    static func saveAndInstall() {
        if tcgetattr(STDIN_FILENO, &saved) == 0 { hasSaved = true }
        // A global is built on first use (swift_once, malloc): build it now, not in the handler,
        // where a crash inside malloc would deadlock instead of restoring and dying.
        _ = restoreSequence.count
        for sig in handledSignals {
            signal(sig, terminalRestorerSignalHandler)
        }
        // A parent may have started us with these blocked (the mask is inherited across exec):
        // unblock them, and SIGWINCH, which curses needs for resize.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in handledSignals + [SIGWINCH] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func forget() {
        hasSaved = false
        for sig in handledSignals { signal(sig, SIG_DFL) }
    }

    static func restoreSaved() {
        if hasSaved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    }

    static func writeRaw(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }
}

/// Leave the alternate screen, show the cursor, turn bracketed paste off, reset attributes.
private let restoreSequence: [UInt8] = Array("\u{1B}[?2004l\u{1B}[0m\u{1B}[?1049l\u{1B}[?25h\r\n".utf8)

private func terminalRestorerSignalHandler(_ sig: Int32) {
    restoreSequence.withUnsafeBufferPointer { buffer in
        _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count)
    }
    if TerminalRestorer.hasSaved { _ = tcsetattr(STDIN_FILENO, TCSANOW, &TerminalRestorer.saved) }
    signal(sig, SIG_DFL)
    raise(sig)
}
