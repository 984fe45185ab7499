/*
 * rss - run a command and write its peak resident set (KiB) to a file:
 *	rss FILE command [arg ...]
 * A child started from Python starts with Python's pages counted in its
 * peak (Linux keeps the high-water mark of the image it replaces), so
 * bench.py runs each command through this small program instead.
 * Exits with the command's status (128 + signal when killed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	struct rusage ru;
	FILE *fp;
	pid_t pid;
	int status;

	if (argc < 3) {
		fprintf(stderr, "usage: rss file command [arg ...]\n");
		return 2;
	}
	if ((pid = fork()) == -1) {
		perror("rss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1) {
		perror("rss: wait4");
		return 2;
	}
	if ((fp = fopen(argv[1], "w")) == NULL ||
	    fprintf(fp, "%ld\n", ru.ru_maxrss) < 0 || fclose(fp) == EOF) {
		perror(argv[1]);
		return 2;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
