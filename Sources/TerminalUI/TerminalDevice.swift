import WizardCore

/// A terminal the runtime can draw on and read keys from: curses, a plain line mode, or a fake in tests.
/// Not thread-safe: use it from one thread.
public protocol TerminalDevice: AnyObject {
    /// The current size in columns and rows.
    var size: Size { get }
    /// Paints `frame`.
    func draw(_ frame: Frame)
    /// Waits up to `timeout` milliseconds for input; nil when none came.
    func readInput(timeout: Int) -> TerminalInput?
    /// Puts `text` on the clipboard; returns the name of the method that worked, or nil.
    func copyToClipboard(_ text: String) -> String?
    /// Gives the terminal back as it was found (normal screen, echo, cursor). Safe to call twice.
    func restore()
}

/// One piece of input.
public enum TerminalInput: Sendable, Hashable {
    case key(Key)
    case paste(String)
    case resized
    /// The terminal went away (hung up, closed) without a signal reaching the program.
    case closed
}
