/// One key press as the wizard understands it, independent of curses.
public enum Key: Sendable, Hashable {
    /// A printable character (a whole grapheme).
    case character(Character)
    case enter, escape, backspace, delete, tab, backTab
    /// F1: help on every screen (where `?` can be typed into a field).
    case f1
    case up, down, left, right, home, end, pageUp, pageDown
    /// A control chord, lower-case letter: `.control("c")` is Ctrl-C.
    case control(Character)
    /// Anything the terminal sent that has no meaning here.
    case unknown
}
