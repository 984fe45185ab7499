/*
 * fastpath.h - the one switch of the fast paths (loop.h lists them):
 * INC_NO_FASTPATH=1 in the environment turns every one off, and each
 * program then takes the general path it copies.  make check runs the
 * command tests both ways.
 */
#ifndef INC_FASTPATH_H
#define INC_FASTPATH_H

#include <stdbool.h>

/*
 * Are the fast paths on?  True unless INC_NO_FASTPATH is set to a value
 * other than "" and "0".  Read once, at the first call: a program takes
 * one path for its whole run.
 */
bool	inc_fastpath(void);

#endif
