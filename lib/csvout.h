/*
 * csvout.h - CSV rows by libcsv (RFC 4180), with spreadsheet formulas
 * neutralised: a cell beginning with = + - @ tab or CR gets a leading '
 * so no spreadsheet runs it (OWASP CSV injection).
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
int	csv_out_end(struct csv_out *);			/* 0 or -1 */

#endif
