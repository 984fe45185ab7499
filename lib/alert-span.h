/*
 * alert-span.h - what an incident made from alerts says of them (DESIGN
 * section 5, inc-record(5)): how many (alerts), when the first and the
 * last were seen (detected, last_seen), the remote address they name and
 * the detection rule that made it.  Read and checked here once, for the
 * reports of inc-report(1) and the notices of inc-escalate(1), and said
 * in one set of words by both.
 *
 * A record a person filed has none of these fields: then nothing is
 * shown, and nothing is said.
 */
#ifndef INC_ALERT_SPAN_H
#define INC_ALERT_SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "plan.h"
#include "record.h"
#include "timeutil.h"

/* The largest alerts value read: a count, never a string of digits. */
#define ALERT_COUNT_MAX	INT64_C(999999999999999999)

struct alert_span {
	int64_t		 count;		/* alerts; 0: absent or bad */
	bool		 has_first;	/* the detected given */
	struct inc_time	 first;
	bool		 has_last;	/* last_seen, read and not before
					 * first */
	struct inc_time	 last;
	const char	*address;	/* into the record; NULL: absent or
					 * empty */
	size_t		 addresslen;
	const char	*rule;		/* the same */
	size_t		 rulelen;
};

/*
 * "412": a positive integer in decimal, no sign, no leading zero, at
 * most ALERT_COUNT_MAX.  0, or -1 when it is not one.
 */
int	alert_count_parse(const char *, size_t len, int64_t *);

/*
 * The fields of rec.  detected is the record's detected as the caller
 * read it (NULL when it has none it could read): the first alert, which
 * last_seen may not precede.  A bad value (alerts not a positive
 * integer, last_seen not a time or before detected) is reported as
 * "prog: file:line: name: "value": why", at its line, and left out.
 * Returns 0, or 2 when a value was bad.
 */
int	alert_span_read(const struct inc_record *, const struct inc_time *,
	    struct alert_span *);

/* Has the record any of them to show: alerts, last_seen or address? */
bool	alert_span_any(const struct alert_span *);

/* The words of the fields, for the reports' labels. */
enum alert_word { ALERT_W_ALERTS, ALERT_W_LAST_SEEN, ALERT_W_ADDRESS,
	ALERT_W_RULE, ALERT_W_COUNT };
const char *alert_span_word(enum alert_word, enum inc_lang);

/*
 * The span in words, times in the offset given (the clock's): "412
 * alerts from 203.0.113.5, 2026-11-24 09:15 to 09:52", "告警 412 条，源地址
 * 203.0.113.5，2026-11-24 09:15 至 09:52"; the address made safe for a
 * terminal.  Writes nothing when alert_span_any is false.
 */
void	alert_span_phrase(FILE *, const struct alert_span *, int offset,
	    enum inc_lang);

#endif
