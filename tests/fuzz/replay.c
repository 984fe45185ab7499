/*
 * replay.c - run a fuzz harness over files without libFuzzer, so that
 * make check replays every seed and every crash found as a regression
 * test (TAP, one test per file).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
main(int argc, char **argv)
{
	FILE *fp;
	uint8_t *buf;
	long len;
	int i;

	printf("1..%d\n", argc - 1);
	for (i = 1; i < argc; i++) {
		if ((fp = fopen(argv[i], "rb")) == NULL ||
		    fseek(fp, 0, SEEK_END) != 0 || (len = ftell(fp)) < 0 ||
		    fseek(fp, 0, SEEK_SET) != 0 ||
		    (buf = malloc((size_t)len + 1)) == NULL ||
		    fread(buf, 1, (size_t)len, fp) != (size_t)len) {
			printf("not ok %d - %s: cannot read\n", i, argv[i]);
			if (fp != NULL)
				fclose(fp);
			continue;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, (size_t)len);	/* aborts */
		free(buf);
		printf("ok %d - %s\n", i, argv[i]);
	}
	return 0;
}
