/*
 * grade.h - the level of an incident (一(五)2): from the importance of the
 * system and its loss by the plan's matrix, and from the social impact;
 * the more severe of the two.  A route whose inputs are missing gives
 * nothing; when neither gives a level there is none, and the basis says
 * what is missing.  A level is never guessed.
 */
#ifndef INC_GRADE_H
#define INC_GRADE_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"

#define GRADE_BASIS_LEN	512

struct inc_grade {
	enum inc_level	 level;		/* LEVEL_NONE: cannot be determined */
	enum inc_level	 by_matrix;	/* LEVEL_NONE when an input is missing */
	enum inc_level	 by_impact;
	char		 basis[GRADE_BASIS_LEN];
};

/*
 * Grade from scale indexes (scale_index(); -1 when not given).  The
 * basis starts with a marker, the level and " (plan): " ("no level
 * (plan): " when there is none), then names the inputs and the cell
 * they gave, what is missing, and the clause, e.g.
 * "III (plan): important × serious → III; impact not given (一(五)2)".
 */
void	grade(const struct inc_plan *, int importance, int loss, int impact,
	    struct inc_grade *);

/*
 * Whether a record's level is one grade() gave, not a person's: its
 * basis starts with the marker of that level.  The marker, not the
 * prose after it, decides, so the prose may change (or be translated)
 * without making a computed level look like a person's.
 */
bool	grade_level_own(const char *level, const char *basis);

/* The more severe of two levels; LEVEL_NONE loses to any level. */
enum inc_level	level_max(enum inc_level, enum inc_level);

#endif
