/*
 * record.h - incident records: the rec(5) subset of inc-record(5).
 *
 * A record is one paragraph of a record file: fields and comment lines in
 * the order read.  Every item keeps the bytes it was read from, so a tool
 * that does not touch a field writes it back byte for byte.  A record owns
 * its strings (an arena reset for every record), so the whole stream costs
 * the memory of its largest record, whatever the file size.
 */
#ifndef INC_RECORD_H
#define INC_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Limits that bound what one record may cost (inc-record(5), LIMITS). */
#define INC_MAX_LINE	(1L << 20)	/* bytes in one line */
#define INC_MAX_RECORD	(8L << 20)	/* bytes in one record */
#define INC_MAX_FIELDS	100000L		/* items in one record */

enum item_kind {
	ITEM_FIELD,	/* name: value, with any + continuation lines */
	ITEM_COMMENT	/* a line beginning with # */
};

struct inc_item {
	enum item_kind	kind;
	const char	*name;		/* NUL-terminated; NULL for comments */
	const char	*value;		/* logical value, continuations joined
					 * by '\n', NUL-terminated; for a
					 * comment the line without '\n' */
	size_t		 len;		/* strlen(value), values may hold NUL */
	const char	*raw;		/* bytes as read, newline included;
					 * NULL once a tool changed it */
	size_t		 rawlen;
	long		 line;		/* line of its first byte, 0 if new */
	bool		 deleted;	/* removed by a tool: not written */
	bool		 one_line;	/* value known to hold no '\n' (set
					 * by the tool that added it): the
					 * writer need not look */
};

enum record_kind {
	RECORD_INCIDENT,	/* has fields: the tools work on these */
	RECORD_COMMENTS,	/* only comment lines: passed through */
	RECORD_DESCRIPTOR,	/* a %rec: block: passed through */
	RECORD_BAD,		/* could not be parsed: passed through */
	RECORD_SKIPPED		/* the program skipped it by its bytes
				 * (reader_set_skip): not parsed, passed
				 * through */
};

struct inc_arena;

struct inc_record {
	enum record_kind kind;
	struct inc_item	*items;
	size_t		 nitems, capitems;
	const char	*file;		/* name for diagnostics */
	long		 line;		/* line of the first item */
	const char	*raw;		/* the paragraph as read */
	size_t		 rawlen;
	long		 errline;	/* RECORD_BAD: where and why; errmsg */
	const char	*errmsg;	/* is NULL on the later pieces */
	bool		 continued;	/* raw goes on from the previous
					 * record: no blank line between */
	struct inc_arena *arena;
};

void		 record_init(struct inc_record *);
void		 record_reset(struct inc_record *);	/* empty, arena kept */
void		 record_free(struct inc_record *);
char		*record_strdup(struct inc_record *, const char *, size_t);
void		*record_alloc(struct inc_record *, size_t);

/* Lookup: the first field of that name, its value, how many there are. */
struct inc_item	*record_field(const struct inc_record *, const char *name);
const char	*record_get(const struct inc_record *, const char *name);
size_t		 record_count(const struct inc_record *, const char *name);
/* Iterate the fields of one name: start with *pos = 0. */
struct inc_item	*record_next(const struct inc_record *, const char *name,
		    size_t *pos);

/*
 * A record read by reader_next points into the reader's buffer: it is
 * valid until the next call.  Item pointers are valid until the next
 * change to the record.
 *
 * Changes.  record_set replaces the first field of that name in place (or
 * appends one); record_add appends; record_remove deletes every field of
 * the name; record_replace_all puts n values where the first field of that
 * name stood (or at the end) and deletes the others.  All return 0, or -1
 * when out of memory or over INC_MAX_FIELDS.
 */
int		 record_set(struct inc_record *, const char *name,
		    const char *value);
int		 record_add(struct inc_record *, const char *name,
		    const char *value);
/* record_add of len bytes that need not be NUL-terminated. */
int		 record_add_n(struct inc_record *, const char *name,
		    const char *value, size_t len);
/*
 * record_add_n of a NUL-terminated value that is not copied, nor is the
 * name: both must outlive the record (string literals, the plan, memory
 * of record_alloc).
 */
int		 record_add_const(struct inc_record *, const char *name,
		    const char *value, size_t len);
/* record_add_n at index at of items (at most nitems: the end). */
int		 record_insert_n(struct inc_record *, size_t at,
		    const char *name, const char *value, size_t len);
void		 record_remove(struct inc_record *, const char *name);
int		 record_replace_all(struct inc_record *, const char *name,
		    const char *const *values, size_t n);

/* Is it the incident --incident names (id NULL: every record is)? */
bool		 record_is_incident(const struct inc_record *, const char *id);

/* A new empty item at the end (for the reader), or NULL: no memory. */
struct inc_item	*record_push(struct inc_record *);

/* Is the name a valid field name, [a-z][a-z0-9_]* ? */
bool		 field_name_valid(const char *, size_t);

/*
 * Reading: a reader hands out one paragraph at a time.  reader_next
 * returns 1 with a record (of any kind), 0 at the end, -1 on a read error
 * (errno set).  A record that breaks a rule comes back as RECORD_BAD with
 * errline and errmsg, its bytes intact.  A paragraph over INC_MAX_RECORD
 * comes back as RECORD_BAD in pieces, each with raw set, so it still
 * passes through in constant memory.
 */
struct inc_reader;

struct inc_reader *reader_open(int fd, const char *name);
int		 reader_next(struct inc_reader *, struct inc_record *);
/*
 * One paragraph in memory (len bytes of whole lines, no blank line)
 * parsed as reader_next parses one from a file, name and line numbers
 * from 1 for diagnostics: a record a program made itself.  The record
 * points into text.  Returns 1 (a RECORD_BAD when it breaks a rule), or
 * -1 when out of memory.
 */
int		 record_parse(struct inc_record *, const char *text,
		    size_t len, const char *name);
/*
 * Or line by line: 1 with the line (no newline), 0 at the end, -1 on a
 * read error.  A line over INC_MAX_LINE comes back cut, with *truncated
 * set; the rest of it is skipped.
 */
int		 reader_getline(struct inc_reader *, const char **line,
		    size_t *len, bool *truncated);
long		 reader_line(const struct inc_reader *);
/*
 * A file read whole (the roster) may be no larger than bytes: past them
 * reading fails with EFBIG, whatever the file (/dev/zero ends too).
 */
void		 reader_set_limit(struct inc_reader *, uint64_t bytes);
void		 reader_close(struct inc_reader *);

/*
 * The fast paths, each a copy of a general path's semantics; the pairs
 * that must agree, byte for byte and status for status:
 *
 *	escalate_answer		escalate_record		(escalate.c)
 *	report_skip		report_add		(report.c)
 *	ob_fields_read_raw	ob_fields_read		(obligation.c)
 *	record_raw_values	the reader's parse	(reader.c)
 *	classify_alert's tail	classify_record		(classify.c)
 *
 * The first two are inc_loop.answer, the next two are what the answers
 * read from a paragraph's bytes, the last is inc-classify --raw's text
 * kept per keyword.  INC_NO_FASTPATH=1 (fastpath.h) turns all of them
 * off: inc_each_record sets no answer, so every record is parsed and
 * given to each, and classify_alert makes a record of every alert.
 * make check runs the command tests both ways; agree.t and the
 * equivalence tests of skip.t compare the two on purpose.
 */

/*
 * Skipping before parsing.  A program that drops most records (a day
 * report over years of archives) may look at each paragraph's bytes
 * first: when fn returns true, reader_next returns it as RECORD_SKIPPED,
 * unparsed (raw, rawlen and line set), at a fraction of the cost.  fn
 * must return true only for records the program would ignore anyway,
 * and record_raw_values lets it read a few values without parsing.
 */
struct raw_para {
	const char	*raw;		/* the paragraph's bytes */
	size_t		 len;
	const size_t	*ends;		/* where its first nends lines end */
	size_t		 nends;		/* (offsets of '\n'; may be 0) */
};

typedef bool	 reader_skip_fn(const struct raw_para *, void *ctx);
void		 reader_set_skip(struct inc_reader *, reader_skip_fn *,
		    void *ctx);

struct raw_value {
	const char	*s;		/* NULL: no such field */
	size_t		 len;		/* the value, not NUL-terminated */
};

/*
 * The names record_raw_values looks for, prepared once (their lengths,
 * and which begin with each letter): it is asked for every paragraph.
 * At most RAW_VALUES_MAX names, each [a-z][a-z0-9_]*; they must outlive
 * the set.  raw_names_init returns 0, or -1 when there are too many.
 */
#define RAW_VALUES_MAX	32	/* names one set may hold: a bit each */

struct raw_names {
	const char *const *names;
	size_t		 n;
	size_t		 len[RAW_VALUES_MAX];
	uint32_t	 by_first[26];	/* the names by first letter */
};

int		 raw_names_init(struct raw_names *, const char *const *names,
		    size_t n);

/*
 * The first value of each name of the set in a paragraph, as record_get
 * would give them once parsed.  Returns false, and the paragraph must be
 * parsed to be judged, unless it is an incident record that parses
 * without error, each value found is on one line (no continuation
 * lines), and it is under 200,000 bytes (so within the limits above
 * without counting).
 */
bool		 record_raw_values(const struct raw_para *,
		    const struct raw_names *, struct raw_value *);

/*
 * Writing: fields a tool did not change are written as read; new and
 * changed values are written as "name: value", each '\n' in the value
 * becoming a "+ " continuation line.  Returns 0, or -1 on a write error.
 */
int		 record_write(FILE *, const struct inc_record *);

/*
 * One field of a value without '\n', "name: value\n" as record_write
 * writes it ("name:\n" when empty), into b: room for nlen + len + 3
 * bytes.  Returns the bytes written.
 */
size_t		 record_field_line(char *b, const char *name, size_t nlen,
		    const char *value, size_t len);

#endif
