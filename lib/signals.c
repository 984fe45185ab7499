/* signals.c - the signals that end a program between records; see signals.h. */
#include <signal.h>
#include <string.h>

#include "signals.h"

static volatile sig_atomic_t caught;

static void
note(int sig)
{
	if (caught == 0)
		caught = sig;
}

void
signals_catch(void)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
	static int done;
	struct sigaction sa;
	size_t i;

	if (done)
		return;
	done = 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = note;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;		/* no SA_RESTART: a read returns */
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		/* A signal the parent ignores (nohup) stays ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

int
signals_caught(void)
{
	return caught;
}
