/*
 * json.h - a small streaming JSON writer: valid output for jq, every
 * string escaped (controls, quotes, invalid UTF-8 as U+FFFD).  The writer
 * tracks nesting and commas so callers only say what comes next.
 */
#ifndef INC_JSON_H
#define INC_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json {
	FILE	*fp;
	int	 depth;
	bool	 first[JSON_MAX_DEPTH];	/* no comma before the next item */
	bool	 pretty;		/* newlines and indentation */
	bool	 after_key;
	int	 error;			/* a write failed */
};

void	json_init(struct json *, FILE *, bool pretty);
void	json_object_begin(struct json *);
void	json_object_end(struct json *);
void	json_array_begin(struct json *);
void	json_array_end(struct json *);
void	json_key(struct json *, const char *);
void	json_string(struct json *, const char *);	/* NULL -> null */
void	json_string_n(struct json *, const char *, size_t);	/* NULL too */
void	json_int(struct json *, int64_t);
void	json_bool(struct json *, bool);
void	json_null(struct json *);
/* Shorthands: key then value. */
void	json_kv_string(struct json *, const char *key, const char *val);
void	json_kv_int(struct json *, const char *key, int64_t);
/* key, then an array of the n strings at v. */
void	json_kv_strings(struct json *, const char *key, const char **v,
	    size_t n);
/*
 * Ends the document with a newline; 0, or -1 if any write failed so far.
 * Not flushed: the caller flushes and checks (inc_finish).
 */
int	json_end(struct json *);

#endif
