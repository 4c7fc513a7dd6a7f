/// One key press as the wizard understands it, independent of curses.
public enum Key: Sendable, Hashable {
    /// A printable character (a whole grapheme).
    case character(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    /// A control chord, lower-case letter: `.control("c")` is Ctrl-C.
    case control(Character)
    /// Anything the terminal sent that has no meaning here.
    case unknown
}
