/*
 * csvout.h - CSV rows by libcsv (RFC 4180), with spreadsheet formulas
 * neutralised: a cell beginning with = + - @ tab or CR, after any blanks
 * (spaces, line breaks, VT, FF, U+00A0, U+3000), gets a leading ' so
 * no spreadsheet runs it (OWASP CSV injection).
 *
 * Why: record text comes from attackers, and a report opened in Excel
 * or LibreOffice runs a cell such as =HYPERLINK(...) or @SUM(...)|cmd
 * as a formula; + and - start formulas too, tab and CR are skipped
 * before one is looked for.  The quote is shown by the spreadsheet,
 * not evaluated; the price is that a negative number "-1" is written
 * "'-1" and reads back as text.
 *
 * Every cell is quoted (csv_fwrite), a quote inside is doubled, rows end
 * in CRLF, a newline inside a cell stays inside its quotes.  Invalid
 * UTF-8 becomes U+FFFD so the file always decodes as UTF-8.
 */
#ifndef INC_CSVOUT_H
#define INC_CSVOUT_H

#include <stddef.h>
#include <stdio.h>

struct csv_out {
	FILE	*fp;
	int	 ncells;	/* cells in the current row */
	int	 error;
};

void	csv_out_init(struct csv_out *, FILE *);
void	csv_out_cell(struct csv_out *, const char *);	/* NULL: empty */
void	csv_out_cell_n(struct csv_out *, const char *, size_t);
void	csv_out_row_end(struct csv_out *);		/* "\r\n" */
/* Ends an unfinished row; 0, or -1 if any write failed so far. */
int	csv_out_end(struct csv_out *);

#endif
