/*
 * classify.h - one incident record classified by the plan: what is
 * missing among id, category, subtype, importance, level and level_basis
 * is filled; a value already there is kept unless force is set, and then
 * every change is reported on standard error.
 *
 * Text searched by the detection rules (match.h): title, description
 * and every log value, each on its own (a keyword never spans two
 * fields).  The field match records the keyword that decided ("match:
 * DDoS", a pattern's rule id), or "none" when no rule matched and the
 * record fell to other/other; an ignore rule makes other/other too.
 */
#ifndef INC_CLASSIFY_H
#define INC_CLASSIFY_H

#include <stdbool.h>
#include <stdint.h>

#include "grade.h"
#include "match.h"
#include "plan.h"
#include "record.h"
#include "timeutil.h"

struct alert_tail;

struct inc_classifier {
	const struct inc_plan	 *plan;
	struct inc_matcher	 *matcher;
	bool			  force;
	struct inc_time		  now;		/* for ids without detected */
	uint64_t		  ordinal;	/* records seen, for ids */
	/* the last grade, kept: alerts repeat the same inputs */
	bool			  graded;
	int			  g_imp, g_loss, g_impact;
	struct inc_grade	  g;
	/* other/other of the plan, looked up once (other_found) */
	bool			  other_found;
	const struct inc_category *other;
	const struct inc_subtype  *other_sub;
	/* classify_alert: where the alert is, for messages */
	const char		 *file;
	long			  line;
	/* classify_alert's own: set to zero, freed by classifier_free */
	struct alert_tail	 *tails;	/* what classify adds, by
						 * keyword or pattern rule */
	size_t			  ntails;
	char			 *text;		/* the record written */
	size_t			  textcap;
	struct inc_record	  scratch;	/* the first of a keyword */
	char			 *visible;	/* a title made UTF-8 */
	size_t			  visiblecap;
};

/*
 * Classify r.  Returns 0; 1 when its level could not be determined
 * (level_basis says what is missing); 2 when a value is not one the plan
 * knows or detected is not a time (reported as "prog: file:line: ...";
 * what depends on the bad value is left as it is).  -1 only when out of
 * memory.
 */
int	classify_record(struct inc_classifier *, struct inc_record *);

/*
 * inc-classify --raw: the record of an alert, a from line (len bytes)
 * the ordinal-th line of the input, as the text record_write would give
 * for it classified: the same as making a record of id, detected,
 * received, detected_note, source, host and title (its bytes that are
 * not UTF-8 made visible, alert_visible) and calling classify_record.
 * *text (valid until the next call) and *textlen are its lines; returns
 * the status as classify_record does, or -1 when out of memory
 * (reported; no text).  With an alert_extra (or NULL), the record of
 * an incident made of alerts: classified as its first alert is.
 */
struct inc_alert;

/*
 * What an incident of several alerts (group.h) writes besides what its
 * first alert would: its own id and title, and fields after rule
 * (alerts, last_seen, the log lines).  Values are cut at a NUL.
 */
#define ALERT_EXTRA_MAX	8
struct alert_extra {
	const char	*id;		/* or NULL: the alert's */
	const char	*title;		/* or NULL: the alert's message */
	size_t		 titlelen;
	size_t		 n;
	const char	*name[ALERT_EXTRA_MAX];
	const char	*value[ALERT_EXTRA_MAX];
	size_t		 len[ALERT_EXTRA_MAX];
};

int	classify_alert(struct inc_classifier *, const struct inc_alert *,
	    const char *line, size_t len, uint64_t ordinal,
	    const struct alert_extra *, const char **text, size_t *textlen);

/*
 * The rule an alert's title matches, as classify_alert finds it; m
 * points into the classifier's copy of the title (valid until the next
 * call).  0, or -1 when out of memory (reported).
 */
int	classify_alert_scan(struct inc_classifier *, const struct inc_alert *,
	    struct inc_match *);

/*
 * inc-classify --raw's status for the record text it wrote, given
 * classify_alert's st: 1 (EXIT_FOUND) for a record of level I or II,
 * else 0; a missing level is no error.  2 and -1 pass through.
 */
int	classify_raw_status(const char *text, size_t len, int st);

/* Free what classify_alert kept. */
void	classifier_free(struct inc_classifier *);

#endif
