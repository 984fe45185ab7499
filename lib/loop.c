/*
 * loop.c - the files named, or standard input; every paragraph read,
 * handed to the program or passed through, and written; -i in place.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "diag.h"
#include "fastpath.h"
#include "idset.h"
#include "inplace.h"
#include "loop.h"
#include "record-nul.h"
#include "signals.h"
#include "text.h"

struct pass {
	const struct inc_loop *lp;
	const char	*name;		/* for diagnostics */
	int		 fd;
	bool		 is_stdin;	/* fd 0: not ours to close */
	bool		 live;		/* not a regular file: see flush_live */
	int		 status;
	bool		 unread;	/* input not read to its end */
	int		 answered;	/* the last record answered: status, */
	const char	*add;		/* and the lines it adds */
	size_t		 addlen;
	struct idwindow	**ids;		/* of every file of the run */
	const struct raw_names *id_name;
	unsigned	*nsaid;		/* duplicates said in the run */
};

/*
 * Every paragraph written ends with one blank line, whatever stood
 * between them on input, so that outputs can be concatenated or appended
 * to (cat a.rec b.rec, >>) without two records running together.  The
 * blank line is written when the next paragraph begins, or at the end
 * (end_paragraph): a piece of an oversized record follows its
 * predecessor directly.
 */
static int
end_paragraph(FILE *out, bool *first, bool *ends_nl)
{
	if (!*ends_nl && putc('\n', out) == EOF)
		return -1;
	*ends_nl = true;
	if (!*first && putc('\n', out) == EOF)
		return -1;
	*first = true;
	return 0;
}

static int
write_paragraph(FILE *out, const struct inc_record *r, const char *add,
    size_t addlen, bool *first, bool *ends_nl)
{
	if (!r->continued) {
		if (end_paragraph(out, first, ends_nl) == -1)
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

/*
 * Does a paragraph hold a second id field?  Then it is parsed, and run()
 * reports it: the records answered from their bytes are judged by the
 * same rule.  The lines found by the reader are not looked for again.
 */
static bool
raw_second_id(const struct raw_para *para)
{
	const char *p = para->raw, *e = p + para->len, *nl;
	size_t k = 0;
	int ids = 0;

	while (p < e) {
		if (e - p >= 3 && p[0] == 'i' && p[1] == 'd' && p[2] == ':' &&
		    ++ids == 2)
			return true;
		if (k < para->nends)
			nl = para->raw + para->ends[k++];
		else if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			break;
		p = nl + 1;
	}
	return false;
}

/*
 * Two id fields in one paragraph: two records run together, a blank
 * line lost between them (a file appended to without one).  Reported at
 * the second; the record is passed through untouched, not read as one
 * incident.
 */
static bool
run_together(const struct pass *ps, const struct inc_record *r)
{
	const struct inc_item *first, *second;
	size_t pos = 0;

	if ((first = record_next(r, "id", &pos)) == NULL ||
	    (second = record_next(r, "id", &pos)) == NULL)
		return false;
	inc_warn_at(ps->name, second->line, "a second id field (the first at "
	    "line %ld): records seem to have run together, a blank line "
	    "missing between them; passed through untouched", first->line);
	return true;
}

/* The reader's skip hook: the program's answer, kept for run(). */
static bool
answer(const struct raw_para *para, void *ctx)
{
	struct pass *ps = ctx;
	const char *add = NULL;
	size_t addlen = 0;
	int st;

	/*
	 * Parsed instead, for run() to report as it does any record: a
	 * NUL (nul_refused; a day report's answer would drop the record
	 * without a word) or a second id field.
	 */
	if (memchr(para->raw, '\0', para->len) != NULL ||
	    raw_second_id(para))
		return false;
	if ((st = ps->lp->answer(para, ps->lp->ctx, &add, &addlen)) < 0)
		return false;
	ps->answered = st;
	ps->add = add;
	ps->addlen = add != NULL ? addlen : 0;
	return true;
}

/*
 * A NUL in a value the tools interpret (record-nul.h; and the program's
 * nul_fields): a data error, and the record is not handed to the
 * program, as one that cannot be parsed.
 */
static bool
nul_refused(struct pass *ps, const struct inc_record *r)
{
	const struct inc_item *it;

	if ((it = record_nul_field(r, ps->lp->nul_fields,
	    ps->lp->nnul_fields)) == NULL)
		return false;
	inc_warn_at(ps->name, it->line, "%s: a NUL byte in the value",
	    it->name);
	ps->status = EXIT_TROUBLE;
	return true;
}

#define DUPLICATES_SAID	20

/*
 * The ids compared for copies: the last 8,192 to 16,384 distinct ones
 * of the run (one to two months of a district's incidents at 270 a
 * day), so that a filter's memory does not grow with its input
 * (idwindow): about 2 MiB.
 */
#define IDS_REMEMBERED	8192

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
	if ((at = idwindow_enter(*ps->ids, id, len, &isnew)) == NULL) {
		/* Out of memory: no more ids are compared, nothing else. */
		idwindow_free(*ps->ids);
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

/*
 * Input that is not a regular file (a pipe, a FIFO, a terminal, tail -F)
 * may make the program wait: what it has made is written before it does,
 * not kept in a buffer that a kill would lose.  Asked after each record;
 * out is flushed when the input has nothing more to read at once.
 */
static int
flush_live(const struct pass *ps, FILE *out)
{
	struct pollfd pfd = { ps->fd, POLLIN, 0 };

	if (!ps->live || poll(&pfd, 1, 0) == 1)
		return 0;
	return fflush(out) == EOF ? -1 : 0;
}

/* One input stream through the program, to out (NULL: no output). */
static int
run(struct pass *ps, FILE *out)
{
	const struct inc_loop *lp = ps->lp;
	struct inc_reader *rd;
	struct inc_record rec;
	bool first = true, ends_nl = true, skipped;
	int got = 0, st, rc = 0;

	if ((rd = reader_open(ps->fd, ps->name)) == NULL) {
		inc_warn_file(ps->name, "%s", strerror(errno));
		ps->status = EXIT_TROUBLE;
		ps->unread = true;
		return 0;
	}
	if (lp->answer != NULL && inc_fastpath())
		reader_set_skip(rd, answer, ps);
	record_init(&rec);
	while (!signals_caught() && (got = reader_next(rd, &rec)) == 1) {
		if (rec.kind == RECORD_BAD && rec.errmsg != NULL) {
			inc_warn_at(ps->name, rec.errline, "%s", rec.errmsg);
			ps->status = EXIT_TROUBLE;
		}
		skipped = rec.kind == RECORD_SKIPPED;
		if (rec.kind == RECORD_INCIDENT || skipped)
			note_id(ps, &rec);
		if (rec.kind == RECORD_INCIDENT && nul_refused(ps, &rec))
			;	/* passed through as read */
		else if (rec.kind == RECORD_INCIDENT && run_together(ps, &rec))
			ps->status = EXIT_TROUBLE;
		else if (rec.kind == RECORD_INCIDENT) {
			st = lp->each(&rec, lp->ctx);
			ps->status = inc_status_worse(ps->status, st);
		} else if (skipped)
			ps->status = inc_status_worse(ps->status, ps->answered);
		if (out != NULL && (write_paragraph(out, &rec,
		    skipped ? ps->add : NULL, skipped ? ps->addlen : 0, &first,
		    &ends_nl) == -1 || flush_live(ps, out) == -1)) {
			rc = -1;
			break;
		}
	}
	if (signals_caught()) {
		/* Stopped between records: what is written stays. */
		ps->unread = true;
		got = 0;
	}
	if (got == -1) {
		inc_warn_file(ps->name, "read error: %s", strerror(errno));
		ps->status = EXIT_TROUBLE;
		ps->unread = true;
	}
	if (rc == 0 && out != NULL && end_paragraph(out, &first, &ends_nl) ==
	    -1)
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
write_in_place(FILE *out, int in, void *ctx)
{
	struct pass *ps = ctx;

	ps->fd = in;
	if (run(ps, out) == -1) {
		inc_warn_file(ps->name, "write error: %s", strerror(errno));
		return -1;
	}
	return ps->unread ? -1 : 0;
}

static int
open_input(const char *name, struct pass *ps)
{
	struct stat st;

	if (strcmp(name, "-") == 0) {
		ps->fd = STDIN_FILENO;
		ps->name = "-";
		ps->is_stdin = true;
	} else {
		ps->name = name;
		if ((ps->fd = open(name, O_RDONLY)) == -1) {
			inc_warn_file(name, "%s", strerror(errno));
			return -1;
		}
	}
	ps->live = fstat(ps->fd, &st) == 0 && !S_ISREG(st.st_mode);
	return 0;
}

static void
close_input(struct pass *ps)
{
	if (!ps->is_stdin)
		close(ps->fd);
}

/*
 * Descriptors 0, 1 and 2 are open before any file is: else a file
 * opened (the temporary of -i) would take the number of one that is
 * closed, and a message or standard output would be written into it.
 * A closed one gets /dev/null opened the wrong way round, so that using
 * it fails (EBADF) as using a closed one does.
 */
static void
keep_std_fds_open(void)
{
	int fd;

	if (fcntl(STDIN_FILENO, F_GETFD) == -1 &&
	    (fd = open("/dev/null", O_WRONLY)) != -1 && fd != STDIN_FILENO)
		close(fd);
	while (fcntl(STDOUT_FILENO, F_GETFD) == -1 ||
	    fcntl(STDERR_FILENO, F_GETFD) == -1)
		if ((fd = open("/dev/null", O_RDONLY)) == -1)
			break;
		else if (fd > STDERR_FILENO) {
			close(fd);
			break;
		}
}

int
inc_each_record(int n, char **files, const struct inc_loop *lp)
{
	static const char *const id_field[] = { "id" };
	char *stdin_only[] = { "-" };
	FILE *out = lp->out ? lp->out : stdout;
	struct raw_names id_name;
	struct idwindow *ids;
	struct pass ps;
	unsigned nsaid = 0;
	int i, status = 0;

	keep_std_fds_open();
	if (lp->filter || lp->in_place)
		signals_catch();
	if (n == 0) {
		n = 1;
		files = stdin_only;
	}
	/* Out of memory here: ids are not compared, the rest goes on. */
	ids = idwindow_new(IDS_REMEMBERED);
	raw_names_init(&id_name, id_field, 1);
	for (i = 0; i < n && !signals_caught(); i++) {
		memset(&ps, 0, sizeof(ps));
		ps.lp = lp;
		ps.ids = &ids;
		ps.id_name = &id_name;
		ps.nsaid = &nsaid;
		if (lp->in_place) {
			/* The file is opened, locked and read by replace_file. */
			ps.name = files[i];
			if (strcmp(files[i], "-") == 0) {
				inc_warn("-: -i edits named files, not standard "
				    "input");
				ps.status = EXIT_TROUBLE;
			} else if (replace_file(files[i], lp->wait,
			    write_in_place, &ps) == -1)
				ps.status = EXIT_TROUBLE;
			status = inc_status_worse(status, ps.status);
			continue;
		}
		if (open_input(files[i], &ps) == -1) {
			status = EXIT_TROUBLE;
			continue;
		}
		if (run(&ps, lp->filter ? out : NULL) == -1) {
			/* inc_finish reports it, once, at the end. */
			close_input(&ps);
			idwindow_free(ids);
			return EXIT_TROUBLE;
		}
		close_input(&ps);
		status = inc_status_worse(status, ps.status);
	}
	idwindow_free(ids);
	return status;
}

int
inc_each_line(int n, char **files, line_fn *fn, void *ctx)
{
	char *stdin_only[] = { "-" };
	struct inc_reader *rd;
	const char *line;
	size_t len;
	bool cut, stop = false;
	struct pass ps;
	int i, got = 0, st, status = 0;

	keep_std_fds_open();
	signals_catch();
	if (n == 0) {
		n = 1;
		files = stdin_only;
	}
	for (i = 0; i < n && !stop && !signals_caught(); i++) {
		memset(&ps, 0, sizeof(ps));
		if (open_input(files[i], &ps) == -1) {
			status = EXIT_TROUBLE;
			continue;
		}
		if ((rd = reader_open(ps.fd, ps.name)) == NULL) {
			inc_warn_file(ps.name, "%s", strerror(errno));
			return EXIT_TROUBLE;
		}
		while (!signals_caught() &&
		    (got = reader_getline(rd, &line, &len, &cut)) == 1) {
			long lineno = reader_line(rd) - (cut ? 0 : 1);

			if (cut) {
				inc_warn_at(ps.name, lineno, "line too long "
				    "(limit 1 MiB): cut");
				status = EXIT_TROUBLE;
			}
			if ((st = fn(line, len, ps.name, lineno, cut, ctx)) < 0)
				stop = true;	/* reported by fn */
			status = inc_status_worse(status,
			    st < 0 ? EXIT_TROUBLE : st);
			if (stop || flush_live(&ps, stdout) == -1)
				break;		/* inc_finish reports it */
		}
		if (signals_caught())
			got = 0;
		if (got == -1 && errno == ECANCELED) {
			stop = true;	/* the idle work said why (fdread.h) */
			status = EXIT_TROUBLE;
		} else if (got == -1) {
			inc_warn_file(ps.name, "read error: %s",
			    strerror(errno));
			status = EXIT_TROUBLE;
		}
		reader_close(rd);
		close_input(&ps);
	}
	return status;
}
