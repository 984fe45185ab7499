/*
 * report-write.c - the formats of inc-report(1), by name, and the writer
 * of each: the one file that knows every writer.  It sits above them,
 * apart from the report's data (report.c), so that the data never calls
 * the writers that read it: the writers need report.c, report.c needs
 * nothing of theirs, and no two files of the report need each other.
 */
#include <stdio.h>
#include <string.h>

#include "report-impl.h"

int
report_format_parse(const char *s, enum rep_format *f)
{
	static const struct {
		const char	*name;
		enum rep_format	 f;
	} t[] = {
		{ "text", FMT_TEXT }, { "markdown", FMT_MARKDOWN },
		{ "md", FMT_MARKDOWN }, { "csv", FMT_CSV }, { "json", FMT_JSON }
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(s, t[i].name) == 0) {
			*f = t[i].f;
			return 0;
		}
	return -1;
}

int
report_write(FILE *fp, const struct report *r, enum rep_format f)
{
	if (r->kind == REP_HANDLING) {
		switch (f) {
		case FMT_MARKDOWN:
			return rep_handling_markdown(fp, r);
		case FMT_JSON:
			return rep_handling_json(fp, r);
		default:
			return rep_handling_text(fp, r);
		}
	}
	switch (f) {
	case FMT_MARKDOWN:
		return rep_day_markdown(fp, r);
	case FMT_CSV:
		return rep_day_csv(fp, r);
	case FMT_JSON:
		return rep_day_json(fp, r);
	default:
		return rep_day_text(fp, r);
	}
}
