#ifndef TOKENWIZARD_CNCURSES_SHIM_H
#define TOKENWIZARD_CNCURSES_SHIM_H
// SwiftPM drops the -D flags pkg-config reports, so turn on the wide-character API here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// getmaxyx is a macro; Swift does not import function-like macros.
static inline int tw_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int tw_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline WINDOW *tw_stdscr(void) { return stdscr; }
static inline int tw_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t tw_a_reverse(void) { return A_REVERSE; }
static inline attr_t tw_a_bold(void) { return A_BOLD; }
static inline attr_t tw_a_dim(void) { return A_DIM; }
static inline attr_t tw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tw_a_normal(void) { return A_NORMAL; }
/// newterm on the process's own stdout/stdin (Swift 6 refuses the C globals `stdout`/`stdin`).
static inline SCREEN *tw_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
/// The codeset of the current locale ("UTF-8", "ANSI_X3.4-1968"); CODESET is an enum/macro pair.
static inline const char *tw_codeset(void) { return nl_langinfo(CODESET); }
#endif
