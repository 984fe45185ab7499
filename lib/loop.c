/*
 * loop.c - the files named, or standard input; every paragraph read,
 * handed to the program or passed through, and written; -i in place.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "diag.h"
#include "fastpath.h"
#include "idset.h"
#include "loop.h"
#include "record-nul.h"
#include "text.h"

struct pass {
	const struct inc_loop *lp;
	const char	*name;		/* for diagnostics */
	int		 fd;
	int		 status;
	bool		 unread;	/* input not read to its end */
	int		 answered;	/* the last record answered: status, */
	const char	*add;		/* and the lines it adds */
	size_t		 addlen;
	struct idset	**ids;		/* of every file of the run */
	const struct raw_names *id_name;
	unsigned	*nsaid;		/* duplicates said in the run */
};

/*
 * Records are separated by one blank line on output, whatever stood
 * between them on input; a piece of an oversized record follows its
 * predecessor directly.
 */
static int
write_paragraph(FILE *out, const struct inc_record *r, const char *add,
    size_t addlen, bool *first, bool *ends_nl)
{
	if (!r->continued) {
		if (!*ends_nl && putc('\n', out) == EOF)
			return -1;
		if (!*first && putc('\n', out) == EOF)
			return -1;
		*first = false;
	}
	if (record_write(out, r) == -1)
		return -1;
	if (r->kind == RECORD_INCIDENT)
		*ends_nl = true;
	else if (r->rawlen > 0)
		*ends_nl = r->raw[r->rawlen - 1] == '\n';
	if (addlen > 0) {
		/* Fields added to a record answered from its bytes. */
		if ((!*ends_nl && putc('\n', out) == EOF) ||
		    fwrite(add, 1, addlen, out) != addlen)
			return -1;
		*ends_nl = add[addlen - 1] == '\n';
	}
	return 0;
}

/* The reader's skip hook: the program's answer, kept for run(). */
static bool
answer(const struct raw_para *para, void *ctx)
{
	struct pass *ps = ctx;
	const char *add = NULL;
	size_t addlen = 0;
	int st;

	if ((st = ps->lp->answer(para, ps->lp->ctx, &add, &addlen)) < 0)
		return false;
	ps->answered = st;
	ps->add = add;
	ps->addlen = add != NULL ? addlen : 0;
	return true;
}

/*
 * A NUL in a value the tools interpret (record-nul.h): a data error, and
 * the record is not handed to the program, as one that cannot be parsed.
 * (The plan's own obligation fields are read whole, NUL included, so
 * there a NUL makes the value no time.)
 */
static bool
nul_refused(struct pass *ps, const struct inc_record *r)
{
	const struct inc_item *it;

	if ((it = record_nul_field(r, NULL, 0)) == NULL)
		return false;
	inc_warn_at(ps->name, it->line, "%s: a NUL byte in the value",
	    it->name);
	ps->status = EXIT_TROUBLE;
	return true;
}

#define DUPLICATES_SAID	20

/*
 * The id of a skipped record when it is its first line, "id: X", with
 * no continuation (most records): its value as record_raw_values reads
 * it, without a second look at every line.  The program's skip hook
 * has found the paragraph one that parses.
 */
static bool
first_line_id(const struct inc_record *r, const char **id, size_t *len)
{
	const char *p = r->raw, *e = p + r->rawlen, *le, *v;

	if (r->rawlen < 3 || memcmp(p, "id:", 3) != 0)
		return false;
	if ((le = memchr(p, '\n', r->rawlen)) == NULL)
		le = e;
	else if (le + 1 < e && le[1] == '+')
		return false;
	v = p + 3;
	if (v < le && (*v == ' ' || *v == '\t'))
		v++;
	if (le > v && le[-1] == '\r')
		le--;
	*id = v;
	*len = (size_t)(le - v);
	return true;
}

/*
 * A second copy of an id is said, where it is and where the copy before
 * it was (idset.h); both go on, to be passed through or chosen between.
 * A skipped record's id is read from its bytes.
 */
static void
note_id(struct pass *ps, const struct inc_record *r)
{
	const struct inc_item *it;
	struct id_place *at;
	struct raw_para para;
	struct raw_value v[1];
	const char *id;
	size_t len;
	char q[128], fq[1024];
	int isnew;

	if (*ps->ids == NULL)
		return;
	if (r->kind == RECORD_INCIDENT) {
		if ((it = record_field(r, "id")) == NULL)
			return;
		id = it->value;
		len = it->len;
	} else if (!first_line_id(r, &id, &len)) {
		para.raw = r->raw;
		para.len = r->rawlen;
		para.ends = NULL;
		para.nends = 0;
		if (!record_raw_values(&para, ps->id_name, v) || v[0].s == NULL)
			return;
		id = v[0].s;
		len = v[0].len;
	}
	if ((at = idset_enter(*ps->ids, id, len, &isnew)) == NULL) {
		/* Out of memory: no more ids are compared, nothing else. */
		idset_free(*ps->ids);
		*ps->ids = NULL;
		return;
	}
	/* A file read twice has every id twice: a few are enough to say. */
	if (!isnew && ++*ps->nsaid <= DUPLICATES_SAID) {
		snprintf(fq, sizeof(fq), "%.*s", (int)len, id);
		text_quote(q, sizeof(q), fq);
		text_quote(fq, sizeof(fq), at->file);
		inc_warn_at(ps->name, r->line, "id %s also at %s:%ld%s", q, fq,
		    at->line, *ps->nsaid == DUPLICATES_SAID ?
		    " (further ids seen twice are not listed)" : "");
	}
	at->file = ps->name;
	at->line = r->line;
}

/* One input stream through the program, to out (NULL: no output). */
static int
run(struct pass *ps, FILE *out)
{
	const struct inc_loop *lp = ps->lp;
	struct inc_reader *rd;
	struct inc_record rec;
	bool first = true, ends_nl = true, skipped;
	int got, st, rc = 0;

	if ((rd = reader_open(ps->fd, ps->name)) == NULL) {
		inc_warn_file(ps->name, "%s", strerror(errno));
		ps->status = EXIT_TROUBLE;
		ps->unread = true;
		return 0;
	}
	if (lp->answer != NULL && inc_fastpath())
		reader_set_skip(rd, answer, ps);
	record_init(&rec);
	while ((got = reader_next(rd, &rec)) == 1) {
		if (rec.kind == RECORD_BAD && rec.errmsg != NULL) {
			inc_warn_at(ps->name, rec.errline, "%s", rec.errmsg);
			ps->status = EXIT_TROUBLE;
		}
		skipped = rec.kind == RECORD_SKIPPED;
		if (rec.kind == RECORD_INCIDENT || skipped)
			note_id(ps, &rec);
		if (rec.kind == RECORD_INCIDENT && nul_refused(ps, &rec))
			;	/* passed through as read */
		else if (rec.kind == RECORD_INCIDENT) {
			st = lp->each(&rec, lp->ctx);
			ps->status = status_worse(ps->status, st);
		} else if (skipped)
			ps->status = status_worse(ps->status, ps->answered);
		if (out != NULL && write_paragraph(out, &rec,
		    skipped ? ps->add : NULL, skipped ? ps->addlen : 0, &first,
		    &ends_nl) == -1) {
			rc = -1;
			break;
		}
	}
	if (got == -1) {
		inc_warn_file(ps->name, "read error: %s", strerror(errno));
		ps->status = EXIT_TROUBLE;
		ps->unread = true;
	}
	if (rc == 0 && out != NULL && !ends_nl && putc('\n', out) == EOF)
		rc = -1;
	record_free(&rec);
	reader_close(rd);
	return rc;
}

/*
 * The new content of a file edited in place.  A file not read to its end
 * must not replace the old one: what was not read would be lost.
 */
static int
write_in_place(FILE *out, void *ctx)
{
	struct pass *ps = ctx;

	if (run(ps, out) == -1) {
		inc_warn_file(ps->name, "write error: %s", strerror(errno));
		return -1;
	}
	return ps->unread ? -1 : 0;
}

static int
open_input(const char *name, struct pass *ps)
{
	if (strcmp(name, "-") == 0) {
		ps->fd = STDIN_FILENO;
		ps->name = "-";
		return 0;
	}
	ps->name = name;
	if ((ps->fd = open(name, O_RDONLY)) == -1) {
		inc_warn_file(name, "%s", strerror(errno));
		return -1;
	}
	return 0;
}

int
inc_each_record(int n, char **files, const struct inc_loop *lp)
{
	static const char *const id_field[] = { "id" };
	char *stdin_only[] = { "-" };
	FILE *out = lp->out ? lp->out : stdout;
	struct raw_names id_name;
	struct idset *ids;
	struct pass ps;
	unsigned nsaid = 0;
	int i, status = 0;

	if (n == 0) {
		n = 1;
		files = stdin_only;
	}
	/* Out of memory here: ids are not compared, the rest goes on. */
	ids = idset_new();
	raw_names_init(&id_name, id_field, 1);
	for (i = 0; i < n; i++) {
		memset(&ps, 0, sizeof(ps));
		ps.lp = lp;
		ps.ids = &ids;
		ps.id_name = &id_name;
		ps.nsaid = &nsaid;
		if (open_input(files[i], &ps) == -1) {
			status = EXIT_TROUBLE;
			continue;
		}
		if (lp->in_place && ps.fd != STDIN_FILENO) {
			if (replace_file(files[i], write_in_place, &ps) == -1)
				ps.status = EXIT_TROUBLE;
		} else if (run(&ps, lp->filter ? out : NULL) == -1) {
			/* inc_finish reports it, once, at the end. */
			if (ps.fd != STDIN_FILENO)
				close(ps.fd);
			idset_free(ids);
			return EXIT_TROUBLE;
		}
		if (ps.fd != STDIN_FILENO)
			close(ps.fd);
		status = status_worse(status, ps.status);
	}
	idset_free(ids);
	return status;
}

int
inc_each_line(int n, char **files, line_fn *fn, void *ctx)
{
	char *stdin_only[] = { "-" };
	struct inc_reader *rd;
	const char *line;
	size_t len;
	bool cut;
	struct pass ps;
	int i, got, st, status = 0;

	if (n == 0) {
		n = 1;
		files = stdin_only;
	}
	for (i = 0; i < n; i++) {
		memset(&ps, 0, sizeof(ps));
		if (open_input(files[i], &ps) == -1) {
			status = EXIT_TROUBLE;
			continue;
		}
		if ((rd = reader_open(ps.fd, ps.name)) == NULL) {
			inc_warn_file(ps.name, "%s", strerror(errno));
			return EXIT_TROUBLE;
		}
		while ((got = reader_getline(rd, &line, &len, &cut)) == 1) {
			long lineno = reader_line(rd) - (cut ? 0 : 1);

			if (cut) {
				inc_warn_at(ps.name, lineno, "line too long "
				    "(limit 1 MiB): cut");
				status = EXIT_TROUBLE;
			}
			st = fn(line, len, ps.name, lineno, cut, ctx);
			status = status_worse(status, st);
		}
		if (got == -1) {
			inc_warn_file(ps.name, "read error: %s",
			    strerror(errno));
			status = EXIT_TROUBLE;
		}
		reader_close(rd);
		if (ps.fd != STDIN_FILENO)
			close(ps.fd);
	}
	return status;
}

int
replace_file(const char *path, int (*write_fn)(FILE *, void *), void *ctx)
{
	char tmp[PATH_MAX], dir[PATH_MAX], real[PATH_MAX];
	const char *slash, *name;
	struct stat st;
	FILE *fp;
	int fd, dfd, saved;

	/*
	 * A symbolic link is followed: the file it names is edited, the
	 * link stays.  The temporary sits beside that file, so that rename
	 * is atomic.
	 */
	if (realpath(path, real) == NULL) {
		inc_warn_file(path, "%s", strerror(errno));
		return -1;
	}
	name = path;
	path = real;
	if (snprintf(tmp, sizeof(tmp), "%s.inc-XXXXXX", path) >=
	    (int)sizeof(tmp)) {
		inc_warn_file(name, "name too long");
		return -1;
	}
	if (stat(path, &st) == -1) {
		inc_warn_file(name, "%s", strerror(errno));
		return -1;
	}
	if ((fd = mkstemp(tmp)) == -1) {
		inc_warn_file(name, "cannot create a temporary file: %s",
		    strerror(errno));
		return -1;
	}
	if (fchmod(fd, st.st_mode & 07777) == -1 ||
	    (fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		unlink(tmp);
		inc_warn_file(name, "%s", strerror(saved));
		return -1;
	}
	if (write_fn(fp, ctx) == -1) {
		fclose(fp);
		unlink(tmp);
		inc_warn_file(name, "not replaced, file left as it was");
		return -1;
	}
	if (fflush(fp) == EOF || ferror(fp) || fsync(fd) == -1) {
		saved = errno;
		fclose(fp);
		unlink(tmp);
		inc_warn_file(name, "write error, file left as it was: %s",
		    strerror(saved));
		return -1;
	}
	if (fclose(fp) == EOF || rename(tmp, path) == -1) {
		saved = errno;
		unlink(tmp);
		inc_warn_file(name, "cannot replace: %s", strerror(saved));
		return -1;
	}
	/* Make the rename itself durable. */
	slash = strrchr(path, '/');
	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) + 1 :
	    1, slash ? path : ".");
	if ((dfd = open(dir, O_RDONLY)) != -1) {
		fsync(dfd);
		close(dfd);
	}
	return 0;
}
