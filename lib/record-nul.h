/*
 * record-nul.h - a NUL byte in a value the tools interpret.
 *
 * A value may hold a NUL (the record format is text, but input is
 * hostile); the tools read values as C strings, so
 * "detected: 2026-11-24T09:00:00+08:00\0garbage" would be read as a
 * time that recutils does not see.  Such a value is a data error where
 * a tool interprets it; in text the tools only show (title, log, and
 * the fields they do not know) it is shown escaped.
 */
#ifndef INC_RECORD_NUL_H
#define INC_RECORD_NUL_H

#include "record.h"

/*
 * The first field of r whose value holds a NUL and that the tools
 * interpret: the fields of inc-record(5) other than title, log,
 * level_basis and source, or one of names (n of them, e.g. the plan's
 * obligation fields; may be 0).  NULL when there is none.
 */
const struct inc_item *record_nul_field(const struct inc_record *r,
		    const char *const *names, size_t n);

/* Does the item's value hold a NUL? */
bool		 item_has_nul(const struct inc_item *);

#endif
