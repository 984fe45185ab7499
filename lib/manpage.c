/*
 * manpage.c - inc-procedures(7) and inc-<procedure>(7), written in
 * mdoc(7) from the plan in force, so that `man inc-network-attack` shows
 * the steps of the plan a district actually uses.
 *
 * Every text from the plan goes through mdoc_put_text or mdoc_put_arg:
 * a plan text starting with a dot would otherwise be a macro, and a
 * backslash an escape.  The pages must stay silent under
 * `mandoc -Tlint -Wwarning`.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "manpage.h"
#include "timeutil.h"

/* Decode one UTF-8 character at s; its length in *n (1 when invalid). */
static unsigned long
utf8_next(const unsigned char *s, size_t *n)
{
	unsigned long cp;
	size_t	 len, i;

	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		*n = 1;
		return 0xfffd;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*n = 1;
			return 0xfffd;
		}
		cp = cp << 6 | (s[i] & 0x3f);
	}
	*n = len;
	return cp;
}

static int
is_cjk(unsigned long cp)
{
	return (cp >= 0x2e80 && cp <= 0x9fff) ||
	    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) ||
	    (cp >= 0x20000 && cp <= 0x3ffff);
}

/* Marks a line may not start with (closing) or end with (opening). */
static int
is_closing(unsigned long cp)
{
	static const unsigned long v[] = {
		'!', ')', ',', '.', ':', ';', '?', ']', '}', 0x2019, 0x201d,
		0x2026, 0x3001, 0x3002, 0x3009, 0x300b, 0x300d, 0x300f,
		0x3011, 0x3015, 0x3017, 0xff01, 0xff09, 0xff0c, 0xff0e,
		0xff1a, 0xff1b, 0xff1f, 0xff3d, 0xff5d
	};
	size_t	 i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (v[i] == cp)
			return 1;
	return 0;
}

static int
is_opening(unsigned long cp)
{
	return cp == 0x2018 || cp == 0x201c || cp == 0x3008 ||
	    cp == 0x300a || cp == 0x300c || cp == 0x300e || cp == 0x3010 ||
	    cp == 0x3014 || cp == 0xff08 || cp == 0xff3b || cp == 0xff5b;
}

/*
 * Besides escaping, two things for the formatters: a sentence that ends
 * inside a line starts a new text line (mdoc(7): "new sentence, new
 * line"), and a run of CJK text, which has no spaces, gets optional
 * break points (\:) between characters, or groff cannot fill it.
 */
int
mdoc_put_text(FILE *fp, const char *s)
{
	const unsigned char *p, *q;
	unsigned long cp, next;
	size_t	 n, nn;
	int	 bol = 1, pending = 0, stop = 0;

	if (s == NULL)
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p += n) {
		cp = utf8_next(p, &n);
		if (cp == '\n') {
			if (!bol)
				putc('\n', fp);
			bol = 1;
			pending = stop = 0;
			continue;
		}
		/* Spaces are written only before a word: none lead or trail. */
		if (cp == ' ' || cp == '\t' || cp < 0x20 || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0)) {
			if (!bol)
				pending = 1;
			continue;
		}
		if (pending && stop) {
			putc('\n', fp);
			bol = 1;
		} else if (pending)
			putc(' ', fp);
		pending = 0;
		if (bol && (cp == '.' || cp == '\''))
			fputs("\\&", fp);
		bol = 0;
		if (cp == '\\')
			fputs("\\e", fp);
		else if (cp == 0xfffd && n == 1)	/* not UTF-8 */
			fputs("\\[uFFFD]", fp);
		else
			fwrite(p, 1, n, fp);
		if (cp == '.' || cp == '!' || cp == '?')
			stop = 1;
		else if (cp != ')' && cp != '"' && cp != '\'' && cp != ']')
			stop = 0;
		q = p + n;
		if (is_cjk(cp) && !is_opening(cp) && *q != '\0') {
			next = utf8_next(q, &nn);
			if (is_cjk(next) && !is_closing(next))
				fputs("\\:", fp);
		}
	}
	if (!bol)
		putc('\n', fp);
	return ferror(fp) ? -1 : 0;
}

int
mdoc_put_arg(FILE *fp, const char *s)
{
	const unsigned char *p;
	int	 inword = 0, words = 0;

	if (s == NULL)
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p < 0x20 || *p == 0x7f) {
			inword = 0;
			continue;
		}
		/* \& before each word: no word is read as a macro name. */
		if (!inword)
			fputs(words++ > 0 ? " \\&" : "\\&", fp);
		inword = 1;
		if (*p == '\\')
			fputs("\\e", fp);
		else if (*p == '"')
			fputs("\\(dq", fp);
		else
			putc(*p, fp);
	}
	return ferror(fp) ? -1 : 0;
}

/* A comment line: nothing in it may end it early. */
static void
put_comment(FILE *fp, const char *s)
{
	fputs(".\\\" ", fp);
	for (; *s != '\0'; s++)
		putc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, fp);
	putc('\n', fp);
}

static const char *
zh(struct inc_text t)
{
	return text_in(t, LANG_ZH);
}

static const char *
en(struct inc_text t)
{
	return text_in(t, LANG_EN);
}

/* The languages a page carries, Chinese first; returns how many. */
static size_t
page_langs(enum man_langs m, enum inc_lang v[2])
{
	if (m == MAN_ZH || m == MAN_EN) {
		v[0] = m == MAN_ZH ? LANG_ZH : LANG_EN;
		return 1;
	}
	v[0] = LANG_ZH;
	v[1] = LANG_EN;
	return 2;
}

/*
 * A composed text line: printf, then mdoc_put_text.  Texts that do not
 * fit the buffer get one of their size; without memory, they are cut.
 */
static void
put_fmt(FILE *fp, const char *f, ...)
{
	va_list	 ap;
	char	 small[4096], *buf = small;
	int	 n;

	va_start(ap, f);
	n = vsnprintf(small, sizeof(small), f, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(small) &&
	    (buf = malloc((size_t)n + 1)) != NULL) {
		va_start(ap, f);
		vsnprintf(buf, (size_t)n + 1, f, ap);
		va_end(ap);
	} else if (buf == NULL)
		buf = small;
	mdoc_put_text(fp, buf);
	if (buf != small)
		free(buf);
}

/* A text in each language of the page, Chinese first, a line each. */
static void
put_both(FILE *fp, enum man_langs langs, struct inc_text t)
{
	if (langs != MAN_EN)
		mdoc_put_text(fp, zh(t));
	if (langs == MAN_BOTH && *zh(t) != '\0' && *en(t) != '\0')
		fputs(".br\n", fp);
	if (langs != MAN_ZH)
		mdoc_put_text(fp, en(t));
}

static void
put_pair(FILE *fp, enum man_langs langs, const char *z, const char *e)
{
	struct inc_text t = { z, e };

	put_both(fp, langs, t);
}

/* "name zh / name en" as a macro argument. */
static void
put_name_arg(FILE *fp, enum man_langs langs, struct inc_text t)
{
	if (langs != MAN_EN)
		mdoc_put_arg(fp, zh(t));
	if (langs == MAN_BOTH)
		fputs(" / ", fp);
	if (langs != MAN_ZH)
		mdoc_put_arg(fp, en(t));
}

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* .Dd: $SOURCE_DATE_EPOCH when set, for reproducible builds; else today. */
static void
put_prologue(FILE *fp, const struct inc_plan *p, const char *name,
    enum man_langs langs, struct inc_text desc)
{
	const char *sde, *c;
	char	*end;
	long long v;
	time_t	 t;
	struct tm tm;

	t = time(NULL);
	if ((sde = getenv("SOURCE_DATE_EPOCH")) != NULL && *sde != '\0') {
		errno = 0;
		v = strtoll(sde, &end, 10);
		if (*end == '\0' && v >= 0 && errno == 0)
			t = (time_t)v;
	}
	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	fputs(".\\\" Generated by inc-plan man from the plan in force; do not"
	    " edit.\n", fp);
	put_comment(fp, p->source != NULL ? p->source : "");
	fprintf(fp, ".Dd %s %d, %d\n", months[tm.tm_mon], tm.tm_mday,
	    tm.tm_year + 1900);
	fputs(".Dt ", fp);
	for (c = name; *c != '\0'; c++)
		putc(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c, fp);
	fputs(" 7\n.Os\n.Sh NAME\n", fp);
	fprintf(fp, ".Nm %s\n.Nd ", name);
	put_name_arg(fp, langs, desc);
	putc('\n', fp);
}

/* The clause an element comes from, when the plan names one; ends the line. */
static void
put_clause(FILE *fp, const char *macro, const char *clause)
{
	if (clause != NULL && *clause != '\0') {
		fputs(macro, fp);
		mdoc_put_arg(fp, clause);
	}
	if (*macro != '.' || (clause != NULL && *clause != '\0'))
		putc('\n', fp);
}

/* ".Xr inc-<id> 7" with the punctuation that follows it. */
static void
put_xr(FILE *fp, const char *id, const char *punct)
{
	fprintf(fp, ".Xr inc-%s 7%s%s\n", id, *punct ? " " : "", punct);
}

/*
 * The first part of a step, up to its first comma or full stop: the
 * summary line of inc-procedures(7).  The result is written to buf.
 */
static const char *
summary(char *buf, size_t n, const char *s)
{
	static const char *const stops[] = {
		"\xef\xbc\x8c", "\xe3\x80\x82", "\xef\xbc\x9b",	/* ，。； */
		", ", ". ", "; "
	};
	const char *cut = NULL, *q;
	size_t	 i, len;

	for (i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		if ((q = strstr(s, stops[i])) != NULL && (cut == NULL ||
		    q < cut))
			cut = q;
	len = cut != NULL ? (size_t)(cut - s) : strlen(s);
	/* No stop early enough: cut at a character's start. */
	if (len > n - 4) {
		len = n - 4;
		while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(buf, s, len);
	if (len < strlen(s))
		memcpy(buf + len, "\xe2\x80\xa6", 4);	/* "…" and NUL */
	else
		buf[len] = '\0';
	return buf;
}

static void
put_steps_summary(FILE *fp, const struct inc_procedure *pr,
    enum man_langs langs)
{
	char	 bz[160], be[160];
	size_t	 k;

	fputs(".Bl -enum -compact\n", fp);
	for (k = 0; k < pr->nsteps; k++) {
		fputs(".It\n", fp);
		put_pair(fp, langs, summary(bz, sizeof(bz),
		    zh(pr->steps[k].text)), summary(be, sizeof(be),
		    en(pr->steps[k].text)));
	}
	fputs(".El\n", fp);
}

static void
put_routing(FILE *fp, const struct inc_plan *p, enum man_langs langs)
{
	const struct inc_route *r;
	size_t	 i, k;

	fputs(".Sh ROUTING\n", fp);
	put_pair(fp, langs,
	    "事件的分类和子类决定其处置程序：按下列顺序，第一条匹配的生效。",
	    "An incident's category and subtype choose its procedures: the "
	    "first route below that matches wins.");
	fputs(".Bl -tag -width Ds\n", fp);
	for (i = 0; i < p->nroutes; i++) {
		r = &p->routes[i];
		fputs(".It Sy ", fp);
		mdoc_put_arg(fp, r->category->id);
		fputs(" Ns / Ns ", fp);
		mdoc_put_arg(fp, r->subtype != NULL ? r->subtype->id : "*");
		putc('\n', fp);
		put_both(fp, langs, r->subtype != NULL ? r->subtype->name :
		    r->category->name);
		fputs(".br\n", fp);
		for (k = 0; k < r->nprocedures; k++)
			put_xr(fp, r->procedures[k]->id,
			    k + 1 < r->nprocedures ? "," : "");
		if (*zh(r->note) != '\0' || *en(r->note) != '\0') {
			fputs(".br\n", fp);
			put_both(fp, langs, r->note);
		}
	}
	if (p->nfallback > 0) {
		fputs(".It Em otherwise\n", fp);
		for (k = 0; k < p->nfallback; k++)
			put_xr(fp, p->fallback[k]->id,
			    k + 1 < p->nfallback ? "," : "");
	}
	fputs(".El\n", fp);
}

static void
put_see_also(FILE *fp, const char *self)
{
	fputs(".Sh SEE ALSO\n"
	    ".Xr inc-checklist 1 ,\n"
	    ".Xr inc-escalate 1 ,\n"
	    ".Xr inc-plan 1 ,\n"
	    ".Xr inc-plan 5", fp);
	if (strcmp(self, "inc-procedures") != 0)
		fputs(" ,\n.Xr inc-procedures 7", fp);
	putc('\n', fp);
}

int
manpage_procedures(FILE *fp, const struct inc_plan *p, enum man_langs langs)
{
	static const struct inc_text desc = {
		"预案规定的应急处置程序",
		"the response procedures of the emergency plan"
	};
	const struct inc_procedure *pr;
	enum inc_lang v[2];
	size_t	 i, n;

	put_prologue(fp, p, "inc-procedures", langs, desc);
	fputs(".Sh DESCRIPTION\n", fp);
	n = page_langs(langs, v);
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(".Pp\n", fp);
		if (v[i] == LANG_ZH)
			put_fmt(fp, "《%s》规定了以下 %zu 个应急处置程序，"
			    "每个程序列出其步骤概要。每个程序另有一页，列出"
			    "每一步的全文和处置期间适用的报告义务。",
			    zh(p->title), p->nprocedures);
		else
			put_fmt(fp, "The %s has the %zu response procedures "
			    "below, each with a summary of its steps.  Each "
			    "procedure has a page of its own with every step "
			    "in full and the reporting obligations that apply "
			    "while it runs.", en(p->title), p->nprocedures);
	}
	fputs(".Sh PROCEDURES\n.Bl -tag -width Ds\n", fp);
	for (i = 0; i < p->nprocedures; i++) {
		pr = &p->procedures[i];
		fprintf(fp, ".It Xr inc-%s 7\n", pr->id);
		put_both(fp, langs, pr->name);
		put_clause(fp, ".Pq ", pr->clause);
		put_steps_summary(fp, pr, langs);
	}
	fputs(".El\n", fp);
	put_routing(fp, p, langs);
	fputs(".Sh EXAMPLES\n", fp);
	put_pair(fp, langs, "列出一个程序的步骤：", "The steps of one procedure:");
	if (p->nprocedures > 0)
		fprintf(fp, ".Dl inc-checklist %s\n", p->procedures[0].id);
	fputs(".Pp\n", fp);
	put_pair(fp, langs, "整个预案：", "The whole plan:");
	fputs(".Dl inc-plan show | less\n", fp);
	put_see_also(fp, "inc-procedures");
	return ferror(fp) ? -1 : 0;
}

/* The phones a unit is reached on, its own or its contact's: .Li lines. */
static void
put_phones(FILE *fp, const struct inc_unit *u)
{
	size_t	 i;

	for (i = 0; i < u->nphones; i++) {
		fputs(".Li ", fp);
		mdoc_put_arg(fp, u->phones[i]);
		fputs(i + 1 < u->nphones ? " ,\n" : "\n", fp);
	}
}

/* "Tell X, through Y:" and the phones, in one language. */
static void
put_tell(FILE *fp, const struct inc_unit *u, enum inc_lang lang)
{
	const struct inc_unit *via = u;
	struct inc_text t;

	if (u->nphones == 0 && u->contact != NULL)
		via = u->contact;
	t = u->name;
	if (lang == LANG_ZH && via != u)
		put_fmt(fp, "报告：%s，经%s%s", zh(t), zh(via->name),
		    via->nphones > 0 ? "，电话：" : "。");
	else if (lang == LANG_ZH)
		put_fmt(fp, "报告：%s%s", zh(t), via->nphones > 0 ? "，电话：" :
		    "（无电话）。");
	else if (via != u)
		put_fmt(fp, "Tell: %s, through the %s%s", en(t),
		    en(via->name), via->nphones > 0 ? ", phones:" : ".");
	else
		put_fmt(fp, "Tell: %s%s", en(t), via->nphones > 0 ?
		    ", phones:" : " (no phone).");
	put_phones(fp, via);
}

static void
put_obligation_lang(FILE *fp, const struct inc_obligation *ob,
    enum inc_lang lang)
{
	char	 d[INC_DURATION_LEN], lv[64];
	size_t	 k;
	int	 l;

	mdoc_put_text(fp, text_in(ob->name, lang));
	fputs(".br\n", fp);
	duration_format(d, ob->within);
	if (ob->after != NULL)
		put_fmt(fp, lang == LANG_ZH ? "时限：%s + %s。" :
		    "Deadline: %s + %s.", ob->after, d);
	else if (ob->before != NULL)
		put_fmt(fp, lang == LANG_ZH ? "时限：%s 之前。" :
		    "Deadline: before %s.", ob->before);
	if (ob->levels != 0) {
		lv[0] = '\0';
		for (l = LEVEL_I; l <= LEVEL_IV; l++) {
			if (!(ob->levels & LEVEL_BIT(l)))
				continue;
			if (lv[0] != '\0')
				strcat(lv, lang == LANG_ZH ? "、" : ", ");
			strcat(lv, level_id(l));
		}
		put_fmt(fp, lang == LANG_ZH ? "仅适用于 %s 级事件。" :
		    "Levels %s only.", lv);
	}
	put_fmt(fp, lang == LANG_ZH ? "完成后填写记录字段 %s。" :
	    "When done, set the record field %s.", ob->field);
	for (k = 0; k < ob->nnotify; k++) {
		fputs(".br\n", fp);
		put_tell(fp, ob->notify[k], lang);
	}
	if (*text_in(ob->note, lang) != '\0') {
		fputs(".br\n", fp);
		mdoc_put_text(fp, text_in(ob->note, lang));
	}
}

static void
put_obligations(FILE *fp, const struct inc_plan *p, enum man_langs langs)
{
	const struct inc_obligation *ob;
	enum inc_lang v[2];
	size_t	 i, k, n;

	fputs(".Sh OBLIGATIONS\n", fp);
	put_pair(fp, langs,
	    "处置期间，预案的报告义务照常适用；时限从记录的字段起算，由 "
	    "inc-escalate 检查。",
	    "While the steps run, the reporting duties of the plan apply; "
	    "their clocks start at the record's fields, and inc-escalate "
	    "checks them.");
	fputs(".Bl -tag -width Ds\n", fp);
	n = page_langs(langs, v);
	for (i = 0; i < p->nobligations; i++) {
		ob = &p->obligations[i];
		fputs(".It Sy ", fp);
		mdoc_put_arg(fp, ob->id);
		put_clause(fp, " Pq ", ob->clause);
		for (k = 0; k < n; k++) {
			if (k > 0)
				fputs(".Pp\n", fp);
			put_obligation_lang(fp, ob, v[k]);
		}
	}
	fputs(".El\n", fp);
	if (p->duty == NULL)
		return;
	fputs(".Pp\n", fp);
	for (k = 0; k < n; k++) {
		if (k > 0)
			fputs(".br\n", fp);
		put_fmt(fp, v[k] == LANG_ZH ? "值班单位：%s%s" :
		    "Duty office: the %s%s", text_in(p->duty->name, v[k]),
		    p->duty->nphones == 0 ? "." : v[k] == LANG_ZH ?
		    "，值班电话：" : "; duty phones:");
	}
	put_phones(fp, p->duty);
}

int
manpage_procedure(FILE *fp, const struct inc_plan *p,
    const struct inc_procedure *pr, enum man_langs langs)
{
	const struct inc_step *s;
	enum inc_lang v[2];
	char	 name[256];
	size_t	 k, n;

	snprintf(name, sizeof(name), "inc-%s", pr->id);
	put_prologue(fp, p, name, langs, pr->name);
	fputs(".Sh DESCRIPTION\n", fp);
	n = page_langs(langs, v);
	for (k = 0; k < n; k++) {
		if (k > 0)
			fputs(".Pp\n", fp);
		if (v[k] == LANG_ZH)
			put_fmt(fp, "%s（%s）是《%s》规定的应急处置程序，"
			    "共 %zu 步。", zh(pr->name), pr->clause != NULL ?
			    pr->clause : "", zh(p->title), pr->nsteps);
		else
			put_fmt(fp, "The %s (%s) is a procedure of the %s, "
			    "in %zu steps.", en(pr->name), pr->clause != NULL ?
			    pr->clause : "", en(p->title), pr->nsteps);
	}
	fputs(".Pp\n", fp);
	put_pair(fp, langs, "逐起事件跟踪处置进度：",
	    "Track each incident's progress through the steps:");
	fprintf(fp, ".Dl inc-checklist %s\n", pr->id);
	fputs(".Sh STEPS\n.Bl -enum\n", fp);
	for (k = 0; k < pr->nsteps; k++) {
		s = &pr->steps[k];
		fputs(".It\n", fp);
		if (*zh(s->title) != '\0' || *en(s->title) != '\0') {
			fputs(".Sy ", fp);
			put_name_arg(fp, langs, s->title);
			fputs("\n.br\n", fp);
		}
		put_both(fp, langs, s->text);
		put_clause(fp, ".Pq ", s->clause);
	}
	fputs(".El\n", fp);
	put_obligations(fp, p, langs);
	fputs(".Sh EXAMPLES\n", fp);
	put_pair(fp, langs, "打印本程序的步骤：", "Print the steps:");
	fprintf(fp, ".Dl inc-checklist %s\n.Pp\n", pr->id);
	put_pair(fp, langs, "每起事件尚未完成的步骤：",
	    "What is left to do, per incident:");
	fputs(".Dl inc-checklist --pending incidents.rec\n", fp);
	put_see_also(fp, name);
	return ferror(fp) ? -1 : 0;
}

/* Ids become file names: only [a-z0-9-] may pass. */
static int
safe_id(const char *id)
{
	if (id == NULL || *id == '\0' || strlen(id) > 200)
		return 0;
	for (; *id != '\0'; id++)
		if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9')
		    || *id == '-'))
			return 0;
	return 1;
}

/* Write one page to a temporary file beside it, then rename it in place. */
static int
write_page(const char *dir, const char *name, const struct inc_plan *p,
    const struct inc_procedure *pr, enum man_langs langs, char *failed,
    size_t n)
{
	char	 path[4096], tmp[4096];
	mode_t	 mask;
	FILE	*fp;
	int	 fd, r, e;

	snprintf(failed, n, "%s/%s.7", dir, name);
	if ((size_t)snprintf(path, sizeof(path), "%s/%s.7", dir, name) >=
	    sizeof(path) || (size_t)snprintf(tmp, sizeof(tmp),
	    "%s/.%s.7.XXXXXX", dir, name) >= sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = mkstemp(tmp)) == -1)
		return -1;
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		e = errno;
		close(fd);
		unlink(tmp);
		errno = e;
		return -1;
	}
	r = pr != NULL ? manpage_procedure(fp, p, pr, langs) :
	    manpage_procedures(fp, p, langs);
	if (r == -1)
		e = errno ? errno : EIO;
	if (fflush(fp) == EOF && r == 0) {
		r = -1;
		e = errno;
	}
	if (fclose(fp) == EOF && r == 0) {
		r = -1;
		e = errno;
	}
	if (r == 0 && rename(tmp, path) == -1) {
		r = -1;
		e = errno;
	}
	if (r == -1) {
		unlink(tmp);
		errno = e;
	}
	return r;
}

int
manpage_write_dir(const char *dir, const struct inc_plan *p,
    enum man_langs langs, char *failed, size_t n)
{
	char	 name[256];
	size_t	 i;

	snprintf(failed, n, "%s", dir);
	if (mkdir(dir, 0777) == -1 && errno != EEXIST)
		return -1;
	if (write_page(dir, "inc-procedures", p, NULL, langs, failed, n) ==
	    -1)
		return -1;
	for (i = 0; i < p->nprocedures; i++) {
		if (!safe_id(p->procedures[i].id)) {
			snprintf(failed, n, "procedure id %s",
			    p->procedures[i].id);
			errno = EINVAL;
			return -1;
		}
		snprintf(name, sizeof(name), "inc-%s", p->procedures[i].id);
		if (write_page(dir, name, p, &p->procedures[i], langs, failed,
		    n) == -1)
			return -1;
	}
	return 0;
}
