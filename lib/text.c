/*
 * text.c - display width, safe terminal output, padding, wrapping and
 * markdown cells for UTF-8 text that may come from an attacker.
 *
 * One decoder (text_utf8_next) and one rule for what is escaped
 * (escape_of) serve every function, so the width counted is the width
 * written.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

#define ESC_MAX	8	/* "\u202e" and a NUL */

struct range {
	uint32_t	lo, hi;
};

/* Combining marks and other characters that take no cell. */
static const struct range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x05bf, 0x05bf }, { 0x05c1, 0x05c2 }, { 0x05c4, 0x05c5 },
	{ 0x05c7, 0x05c7 }, { 0x0610, 0x061a }, { 0x064b, 0x065f },
	{ 0x0670, 0x0670 }, { 0x06d6, 0x06dc }, { 0x06df, 0x06e4 },
	{ 0x06e7, 0x06e8 }, { 0x06ea, 0x06ed }, { 0x0e31, 0x0e31 },
	{ 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e }, { 0x1160, 0x11ff },
	{ 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff }, { 0x200b, 0x200f },
	{ 0x2060, 0x2064 }, { 0x20d0, 0x20ff }, { 0x302a, 0x302d },
	{ 0x3099, 0x309a }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f },
	{ 0xfeff, 0xfeff }, { 0xe0100, 0xe01ef },
};

/* East Asian Wide (W) and Fullwidth (F), emoji blocks approximated. */
static const struct range wide[] = {
	{ 0x1100, 0x115f },	/* Hangul Jamo initials */
	{ 0x231a, 0x231b }, { 0x2329, 0x232a }, { 0x23e9, 0x23ec },
	{ 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 }, { 0x25fd, 0x25fe },
	{ 0x2614, 0x2615 }, { 0x2648, 0x2653 }, { 0x267f, 0x267f },
	{ 0x2693, 0x2693 }, { 0x26a1, 0x26a1 }, { 0x26aa, 0x26ab },
	{ 0x26bd, 0x26be }, { 0x26c4, 0x26c5 }, { 0x26ce, 0x26ce },
	{ 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea }, { 0x26f2, 0x26f3 },
	{ 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa }, { 0x26fd, 0x26fd },
	{ 0x2705, 0x2705 }, { 0x270a, 0x270b }, { 0x2728, 0x2728 },
	{ 0x274c, 0x274c }, { 0x274e, 0x274e }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27b0, 0x27b0 },
	{ 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c }, { 0x2b50, 0x2b50 },
	{ 0x2b55, 0x2b55 },
	{ 0x2e80, 0x303e },	/* radicals, Kangxi, CJK symbols, punct. */
	{ 0x3041, 0x3247 },	/* kana, Bopomofo, compat Jamo, enclosed */
	{ 0x3250, 0x4dbf },	/* enclosed, compatibility, Extension A */
	{ 0x4e00, 0xa4cf },	/* CJK Unified Ideographs, Yi */
	{ 0xa960, 0xa97f },	/* Hangul Jamo Extended-A */
	{ 0xac00, 0xd7a3 },	/* Hangul syllables */
	{ 0xf900, 0xfaff },	/* CJK Compatibility Ideographs */
	{ 0xfe10, 0xfe19 },	/* vertical forms */
	{ 0xfe30, 0xfe6f },	/* CJK compatibility, small form variants */
	{ 0xff00, 0xff60 },	/* fullwidth forms */
	{ 0xffe0, 0xffe6 },	/* fullwidth signs */
	{ 0x16fe0, 0x16fe4 }, { 0x17000, 0x18cff }, { 0x1b000, 0x1b2ff },
	{ 0x1f004, 0x1f004 }, { 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e },
	{ 0x1f191, 0x1f19a }, { 0x1f200, 0x1f202 }, { 0x1f210, 0x1f23b },
	{ 0x1f240, 0x1f248 }, { 0x1f250, 0x1f251 }, { 0x1f260, 0x1f265 },
	{ 0x1f300, 0x1f64f }, { 0x1f680, 0x1f6ff }, { 0x1f900, 0x1f9ff },
	{ 0x1fa70, 0x1faff },
	{ 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },	/* Extensions B.. */
};

static int
in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Cells of a printable code point: 0, 1 or 2. */
static int
cp_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero_width, NELEM(zero_width)))
		return 0;
	if (in_ranges(cp, wide, NELEM(wide)))
		return 2;
	return 1;
}

/*
 * The visible escape for cp into buf, and its length, or 0 when cp is
 * written as itself.  Escaping only the introducer of an ESC or CSI
 * sequence is enough: the rest is printable and inert without it.
 */
static size_t
escape_of(uint32_t cp, int keep_newlines, char buf[ESC_MAX])
{
	if (cp == '\t' || (cp == '\n' && keep_newlines))
		return 0;
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return (size_t)snprintf(buf, ESC_MAX, "\\x%02x", (unsigned)cp);
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x2028 || cp == 0x2029)
		return (size_t)snprintf(buf, ESC_MAX, "\\u%04x", (unsigned)cp);
	return 0;
}

static int
in(unsigned char c, unsigned char lo, unsigned char hi)
{
	return c >= lo && c <= hi;
}

size_t
text_copy_nul(char *dst, const char *s, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\0') {
			memcpy(dst + o, TEXT_NUL, 2);
			o += 2;
		} else
			dst[o++] = s[i];
	}
	dst[o] = '\0';
	return o;
}

size_t
text_utf8_next(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n, i;
	uint32_t v;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] == 0xc0 && len > 1 && u[1] == 0x80) {
		*cp = 0;	/* TEXT_NUL: a NUL carried in a C string */
		return 2;
	}
	if (in(u[0], 0xc2, 0xdf)) {
		n = 2;
		v = u[0] & 0x1f;
	} else if (in(u[0], 0xe0, 0xef)) {
		n = 3;
		v = u[0] & 0x0f;
		if (u[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (u[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (in(u[0], 0xf0, 0xf4)) {
		n = 4;
		v = u[0] & 0x07;
		if (u[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (u[0] == 0xf4)
			hi = 0x8f;	/* over U+10FFFF */
	} else {
		*cp = TEXT_INVALID;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if (i >= len || !in(u[i], lo, hi)) {
			*cp = TEXT_INVALID;
			return i;
		}
		v = v << 6 | (u[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = v;
	return n;
}

/* Cells of one decoded character as text_put_safe writes it. */
static size_t
char_width(uint32_t cp, int keep_newlines)
{
	char esc[ESC_MAX];
	size_t n;

	if (cp == TEXT_INVALID)
		return 1;
	if ((n = escape_of(cp, keep_newlines, esc)) > 0)
		return n;
	if (cp == '\t' || cp == '\n')
		return 1;
	return (size_t)cp_width(cp);
}

size_t
text_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	uint32_t cp;

	while (i < len) {
		i += text_utf8_next(s + i, len - i, &cp);
		w += char_width(cp, 0);
	}
	return w;
}

int
text_put_safe(FILE *fp, const char *s, size_t len, int keep_newlines)
{
	static const char replacement[] = "\xef\xbf\xbd";
	char esc[ESC_MAX];
	size_t i = 0, run = 0, n, e;
	uint32_t cp;

	/* Runs of plain text go out in one fwrite. */
	while (i < len) {
		n = text_utf8_next(s + i, len - i, &cp);
		e = 0;
		if (cp == TEXT_INVALID ||
		    (e = escape_of(cp, keep_newlines, esc)) > 0) {
			if (i > run && fwrite(s + run, 1, i - run, fp) !=
			    i - run)
				return -1;
			if (e > 0) {
				if (fwrite(esc, 1, e, fp) != e)
					return -1;
			} else if (fwrite(replacement, 1, 3, fp) != 3)
				return -1;
			run = i + n;
		}
		i += n;
	}
	if (i > run && fwrite(s + run, 1, i - run, fp) != i - run)
		return -1;
	return 0;
}

/* One character of s as text_put_safe writes it: *piece, its length. */
static size_t
safe_piece(const char *s, size_t len, size_t *n, const char **piece,
    char esc[ESC_MAX])
{
	static const char replacement[] = "\xef\xbf\xbd";
	uint32_t cp;
	size_t e;

	*n = text_utf8_next(s, len, &cp);
	if (cp == TEXT_INVALID) {
		*piece = replacement;
		return 3;
	}
	if ((e = escape_of(cp, 0, esc)) > 0) {
		*piece = esc;
		return e;
	}
	*piece = s;
	return *n;
}

char *
text_quote(char *buf, size_t size, const char *s)
{
	static const char more[] = "...";
	char esc[ESC_MAX];
	const char *piece;
	size_t len = strlen(s), i, o = 0, n, e, room = size - 1;

	/* What does not fit whole is cut, with room kept for "...". */
	for (i = 0; i < len && o <= room; i += n)
		o += safe_piece(s + i, len - i, &n, &piece, esc);
	if (o > room)
		room -= sizeof(more) - 1;
	for (i = o = 0; i < len; i += n) {
		e = safe_piece(s + i, len - i, &n, &piece, esc);
		if (o + e > room) {
			memcpy(buf + o, more, sizeof(more));
			return buf;
		}
		memcpy(buf + o, piece, e);
		o += e;
	}
	buf[o] = '\0';
	return buf;
}

static int
put_spaces(FILE *fp, size_t n)
{
	while (n-- > 0)
		if (putc(' ', fp) == EOF)
			return -1;
	return 0;
}

int
text_put_padded(FILE *fp, const char *s, size_t len, size_t width)
{
	size_t i = 0, run = 0, w;

	/* A tab would jump past the column: write it as a space. */
	for (i = 0; i < len; i++) {
		if (s[i] != '\t')
			continue;
		if (text_put_safe(fp, s + run, i - run, 0) == -1 ||
		    putc(' ', fp) == EOF)
			return -1;
		run = i + 1;
	}
	if (text_put_safe(fp, s + run, len - run, 0) == -1)
		return -1;
	w = text_width(s, len);
	return w < width ? put_spaces(fp, width - w) : 0;
}

/*
 * CJK punctuation that must not start a line (closing marks) or end one
 * (opening marks), a simple form of the kinsoku rules of UAX #14.
 */
static const uint32_t closing[] = {
	'!', ')', ',', '.', ':', ';', '?', ']', '}',
	0x2019, 0x201d, 0x2026, 0x3001, 0x3002, 0x3009, 0x300b, 0x300d,
	0x300f, 0x3011, 0x3015, 0x3017, 0xff01, 0xff09, 0xff0c, 0xff0e,
	0xff1a, 0xff1b, 0xff1f, 0xff3d, 0xff5d,
};
static const uint32_t opening[] = {
	0x2018, 0x201c, 0x3008, 0x300a, 0x300c, 0x300e, 0x3010, 0x3014,
	0x3016, 0xff08, 0xff3b, 0xff5b,
};

static int
in_list(uint32_t cp, const uint32_t *list, size_t n)
{
	while (n-- > 0)
		if (list[n] == cp)
			return 1;
	return 0;
}

/*
 * May a line break between a and b (neither a space)?  Before and
 * after a wide character, unless b is a combining mark or a closing
 * mark, or a an opening one; never inside a run of narrow characters.
 */
static int
may_break(uint32_t a, uint32_t b)
{
	size_t wb = char_width(b, 0);

	if (wb == 0 && b != TEXT_INVALID)
		return 0;
	if (in_list(b, closing, NELEM(closing)) ||
	    in_list(a, opening, NELEM(opening)))
		return 0;
	return char_width(a, 0) == 2 || wb == 2;
}

/* What a piece of text is, for wrapping. */
enum unit {
	U_END,
	U_SPACE,	/* spaces and tabs: a break, dropped there */
	U_NEWLINE,	/* a forced break */
	U_TEXT,		/* characters up to a space or a break */
};

/* The unit at s[i], its end in *end and its width in *w. */
static enum unit
next_unit(const char *s, size_t len, size_t i, size_t *end, size_t *w)
{
	uint32_t cp, prev;
	size_t n, cw;

	*w = 0;
	if (i >= len)
		return U_END;
	if (s[i] == '\n' || s[i] == '\r') {
		n = s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
		*end = i + n;
		return U_NEWLINE;
	}
	if (s[i] == ' ' || s[i] == '\t') {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++, (*w)++;
		*end = i;
		return U_SPACE;
	}
	i += text_utf8_next(s + i, len - i, &prev);
	*w = char_width(prev, 0);
	while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
	    s[i] != '\r') {
		n = text_utf8_next(s + i, len - i, &cp);
		if (may_break(prev, cp))
			break;
		cw = char_width(cp, 0);
		if (cw > 0 || cp == TEXT_INVALID)
			prev = cp;	/* a mark's base stays its base */
		*w += cw;
		i += n;
	}
	*end = i;
	return U_TEXT;
}

static int
new_line(FILE *fp, size_t indent)
{
	if (putc('\n', fp) == EOF)
		return -1;
	return put_spaces(fp, indent);
}

/* A unit wider than a line: cut between characters. */
static int
put_cut(FILE *fp, const char *s, size_t len, size_t width, size_t indent,
    size_t *col)
{
	size_t i = 0, n, cw;
	uint32_t cp;

	while (i < len) {
		n = text_utf8_next(s + i, len - i, &cp);
		/* Zero-width characters follow their base onto its line. */
		while (i + n < len) {
			uint32_t next;
			size_t m = text_utf8_next(s + i + n, len - i - n,
			    &next);

			if (next == TEXT_INVALID || char_width(next, 0) != 0)
				break;
			n += m;
		}
		cw = char_width(cp, 0);
		if (*col > 0 && *col + cw > width) {
			if (new_line(fp, indent) == -1)
				return -1;
			*col = 0;
		}
		if (text_put_safe(fp, s + i, n, 0) == -1)
			return -1;
		*col += cw;
		i += n;
	}
	return 0;
}

int
text_put_wrapped(FILE *fp, const char *s, size_t len, size_t width,
    size_t indent)
{
	size_t i = 0, end, w, col = 0, space = 0;
	enum unit kind;

	if (width == 0)
		width = 1;
	while ((kind = next_unit(s, len, i, &end, &w)) != U_END) {
		switch (kind) {
		case U_SPACE:
			space = w;
			break;
		case U_NEWLINE:
			if (new_line(fp, indent) == -1)
				return -1;
			col = space = 0;
			break;
		default:
			if (col > 0 && col + space + w > width) {
				if (new_line(fp, indent) == -1)
					return -1;
				col = space = 0;
			}
			/* At a line's start: keep only the spaces that fit. */
			if (col + space + w > width)
				space = w < width ? width - w : 0;
			if (w > width) {
				if (put_cut(fp, s + i, end - i, width, indent,
				    &col) == -1)
					return -1;
				break;
			}
			if (put_spaces(fp, space) == -1 ||
			    text_put_safe(fp, s + i, end - i, 0) == -1)
				return -1;
			col += space + w;
			space = 0;
			break;
		}
		i = end;
	}
	return 0;
}

int
text_put_markdown_cell(FILE *fp, const char *s, size_t len)
{
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		if (strchr("|\\`*_<>[]~&\n\r", s[i]) == NULL || s[i] == '\0')
			continue;
		if (text_put_safe(fp, s + run, i - run, 0) == -1)
			return -1;
		if (s[i] == '\n' || s[i] == '\r') {
			if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
				i++;
			if (fputs("<br>", fp) == EOF)
				return -1;
		} else if (putc('\\', fp) == EOF || putc(s[i], fp) == EOF)
			return -1;
		run = i + 1;
	}
	return text_put_safe(fp, s + run, len - run, 0);
}
