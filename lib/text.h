/*
 * text.h - text for people: display width that counts CJK characters as
 * two cells, padding and wrapping by width, and neutralising what record
 * text (attacker-controlled) must not carry into a terminal or a
 * spreadsheet.
 */
#ifndef INC_TEXT_H
#define INC_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Cells the UTF-8 text takes on a terminal as text_put_safe writes it:
 * East Asian Wide and Fullwidth characters (CJK, Hangul, kana,
 * fullwidth forms, most emoji) 2, combining marks and zero-width
 * characters 0, an escaped control the length of its escape, an
 * invalid sequence 1 (it is written as one U+FFFD), a tab 1.
 */
size_t	text_width(const char *s, size_t len);

/*
 * Write s made safe for a terminal or a mail: C0 and C1 controls, DEL
 * and ESC sequences become visible "\x1b"-style escapes (a tab stays a
 * tab, '\n' stays only if keep_newlines), invalid UTF-8 becomes U+FFFD.
 * Code points below U+0100 are written \xHH, others \uHHHH: so are the
 * bidirectional overrides and isolates U+202A-202E and U+2066-2069
 * ("Trojan Source": they reorder what a reader sees) and the line and
 * paragraph separators U+2028-2029.  A backslash itself is written as
 * is.  Returns 0 or -1 on a write error.
 */
int	text_put_safe(FILE *, const char *s, size_t len, int keep_newlines);

/*
 * s quoted in a message, into buf of size bytes (at least 16): as
 * text_put_safe writes it on one line, cut between characters with
 * "..." when it does not fit.  Record text may come from an attacker:
 * no control reaches the terminal.  Returns buf.
 */
char	*text_quote(char *buf, size_t size, const char *s);

/*
 * text_put_safe on one line (a newline is escaped, a tab written as a
 * space), then spaces up to width cells.  Never truncates.
 */
int	text_put_padded(FILE *, const char *s, size_t len, size_t width);

/*
 * Write s safely wrapped to lines of at most width cells of text, every
 * line after the first starting with indent more spaces (a hanging
 * indent: the caller has written indent cells of label before the
 * first).  Breaks at spaces, which are dropped at the break, or before
 * and after any wide (CJK) character, but not before closing marks
 * (，。、）」 ...) nor after opening ones (（「 ...); what is still
 * longer than width is cut between characters.
 * A newline in s starts a new line.  No newline is written at the end.
 */
int	text_put_wrapped(FILE *, const char *s, size_t len, size_t width,
	    size_t indent);

/*
 * s wrapped as text_put_wrapped to lines of cols cells, indent included,
 * then " [clause]" kept whole: on the last line when it fits in cols,
 * else on a line of its own at column indent.  No clause when NULL.  No
 * newline at the end.  0, or -1 on a write error or out of memory.
 */
int	text_put_wrapped_clause(FILE *, const char *s, size_t len,
	    size_t cols, size_t indent, const char *clause);

/*
 * Escape for a markdown table cell: | \ ` * _ < > [ ] ~ & get a
 * backslash, a line break (LF, CRLF or CR) becomes <br>, the rest as
 * text_put_safe.
 */
int	text_put_markdown_cell(FILE *, const char *s, size_t len);

/*
 * One UTF-8 character at s (len > 0): its bytes, at least 1, and its
 * code point in *cp, or TEXT_INVALID for an invalid sequence (overlong,
 * surrogate, over U+10FFFF, truncated): then the bytes are its maximal
 * ill-formed prefix, to be replaced by one U+FFFD.
 */
#define TEXT_INVALID	UINT32_MAX
size_t	text_utf8_next(const char *s, size_t len, uint32_t *cp);

/*
 * A NUL inside a value kept as a C string (the copies a report keeps)
 * is written as C0 80, its "modified UTF-8" form, so that it is not
 * the end of the string: text_utf8_next reads it as U+0000, so it is
 * shown escaped (\x00 on a terminal, \u0000 in JSON), never cut there.
 * text_copy_nul copies len bytes so, into dst (room for 2 * len + 1).
 */
#define TEXT_NUL	"\xc0\x80"
size_t	text_copy_nul(char *dst, const char *s, size_t len);

#endif
