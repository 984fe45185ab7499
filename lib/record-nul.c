/*
 * record-nul.c - the fields the tools interpret, checked for a NUL.
 */
#include <string.h>

#include "record-nul.h"

/*
 * inc-record(5)'s fields whose values the tools read as data: ids,
 * times, taxonomy, levels, states, steps.  Free text (title, log,
 * level_basis, source) is only shown, escaped.
 */
static const char *const interpreted[] = {
	"id", "detected", "system", "category", "subtype", "importance",
	"loss", "impact", "level", "status", "reported", "police_reported",
	"assessed", "leaders_reported", "handling_report", "recovered",
	"closed", "procedure", "step", "due", "received", "alerts",
	"last_seen", "address", "rule", "host"
};

bool
item_has_nul(const struct inc_item *it)
{
	return it->value != NULL && memchr(it->value, '\0', it->len) != NULL;
}

static bool
named(const char *name, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

const struct inc_item *
record_nul_field(const struct inc_record *r, const char *const *names,
    size_t n)
{
	const struct inc_item *it;
	size_t i;

	for (i = 0; i < r->nitems; i++) {
		it = &r->items[i];
		if (it->kind != ITEM_FIELD || it->deleted || !item_has_nul(it))
			continue;
		if (named(it->name, interpreted, sizeof(interpreted) /
		    sizeof(interpreted[0])) || named(it->name, names, n))
			return it;
	}
	return NULL;
}
