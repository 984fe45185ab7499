/*
 * signals.h - SIGTERM, SIGINT and SIGHUP end a program that writes
 * records between two records, not in the middle of one: nothing it has
 * made is lost.
 *
 * The handler only notes the signal.  It is installed without
 * SA_RESTART, so that a read waiting for input (a pipe, a FIFO, tail -F)
 * returns at once; the loop then stops reading, the record being made is
 * finished and written, output is flushed, an -i edit is dropped (the
 * file left as it was), and inc_finish ends with 128 + the signal's
 * number, as a shell reports a program killed by it.
 */
#ifndef INC_SIGNALS_H
#define INC_SIGNALS_H

/* Catch the three signals (once; later calls do nothing). */
void	signals_catch(void);

/* The signal caught, or 0: the loops ask it before each record. */
int	signals_caught(void);

#endif
