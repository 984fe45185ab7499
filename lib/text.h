/*
 * text.h - text for people: display width that counts CJK characters as
 * two cells, padding and wrapping by width, and neutralising what record
 * text (attacker-controlled) must not carry into a terminal or a
 * spreadsheet.
 */
#ifndef INC_TEXT_H
#define INC_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Cells the UTF-8 text takes on a terminal; invalid bytes count 1. */
size_t	text_width(const char *s, size_t len);

/*
 * Write s made safe for a terminal or a mail: C0 and C1 controls, DEL
 * and ESC sequences become visible "\x1b"-style escapes (a tab stays a
 * tab, '\n' stays only if keep_newlines), invalid UTF-8 becomes U+FFFD.
 * Returns 0 or -1 on a write error.
 */
int	text_put_safe(FILE *, const char *s, size_t len, int keep_newlines);

/* text_put_safe, then spaces up to width cells. */
int	text_put_padded(FILE *, const char *s, size_t len, size_t width);

/*
 * Write s wrapped to width cells, every line after the first starting
 * with indent spaces; breaks at spaces, or between CJK characters.
 */
int	text_put_wrapped(FILE *, const char *s, size_t len, size_t width,
	    size_t indent);

/* Escape for a markdown table cell: | \ ` * _ < > [ ] and newlines. */
int	text_put_markdown_cell(FILE *, const char *s, size_t len);

#endif
