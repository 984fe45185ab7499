/*
 * test-plan.c - the plan loader (inc-plan(5)): the embedded plan against
 * DESIGN.md, every lookup on a small plan, every kind of problem a plan
 * file can have with its line, column and message, and hostile input.
 *
 * The problems are table-driven: each case changes one thing in
 * tests/plan/minimal.yaml (a plan with one of everything) and names the
 * problems that change must bring, in file order.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "inc.h"
#include "plan-impl.h"

#define MINIMAL	"tests/plan/minimal.yaml"
#define NWANT	4

struct want {
	long		 line, column;
	const char	*message;
};

static char *
slurp(const char *path, size_t *lenp)
{
	FILE	*fp;
	char	*buf;
	size_t	 len;

	assert_non_null(fp = fopen(path, "r"));
	assert_non_null(buf = malloc(1 << 16));
	len = fread(buf, 1, (1 << 16) - 1, fp);
	assert_false(ferror(fp));
	fclose(fp);
	buf[len] = '\0';
	*lenp = len;
	return buf;
}

/* The problems are exactly those wanted, in that order. */
static void
assert_errors(const struct plan_errors *errs, const char *file,
    const struct want *w, size_t nw)
{
	size_t	 i;
	bool	 same = errs->n == nw;

	for (i = 0; same && i < nw; i++)
		same = strcmp(errs->v[i].file, file) == 0 &&
		    errs->v[i].line == w[i].line &&
		    errs->v[i].column == w[i].column &&
		    strcmp(errs->v[i].message, w[i].message) == 0;
	for (i = 0; !same && i < errs->n; i++)	/* what was found instead */
		print_message("# %s:%ld:%ld: %s\n", errs->v[i].file,
		    errs->v[i].line, errs->v[i].column, errs->v[i].message);
	assert_int_equal(errs->n, nw);
	for (i = 0; i < nw; i++) {
		assert_string_equal(errs->v[i].file, file);
		assert_int_equal(errs->v[i].line, w[i].line);
		assert_int_equal(errs->v[i].column, w[i].column);
		assert_string_equal(errs->v[i].message, w[i].message);
	}
}

/* Load text as a plan that must fail with exactly the problems wanted. */
static void
assert_bad(const char *text, size_t len, const struct want *w, size_t nw)
{
	struct plan_errors errs = { NULL, 0, 0 };

	assert_null(plan_load_buffer("t.yaml", text, len, &errs));
	assert_errors(&errs, "t.yaml", w, nw);
	plan_errors_free(&errs);
}

static size_t
nwanted(const struct want *w)
{
	size_t	 n = 0;

	while (n < NWANT && w[n].message != NULL)
		n++;
	return n;
}

/*
 * The embedded plan, against DESIGN.md.
 */
static struct inc_plan *embedded;

static int
load_embedded(void **state)
{
	struct plan_errors errs = { NULL, 0, 0 };
	size_t	 i;

	(void)state;
	embedded = plan_load_buffer("(embedded)", inc_plan_embedded,
	    inc_plan_embedded_len, &errs);
	for (i = 0; i < errs.n; i++)
		fprintf(stderr, "%s:%ld:%ld: %s\n", errs.v[i].file,
		    errs.v[i].line, errs.v[i].column, errs.v[i].message);
	plan_errors_free(&errs);
	return embedded == NULL ? -1 : 0;
}

static int
free_embedded(void **state)
{
	(void)state;
	plan_free(embedded);
	embedded = NULL;
	return 0;
}

static void
embedded_loads(void **state)
{
	(void)state;
	assert_non_null(embedded);
	assert_string_equal(embedded->source, "(embedded)");
	assert_string_equal(embedded->id, "mazhang");
	assert_non_null(embedded->title.zh);
	assert_non_null(embedded->title.en);
	assert_non_null(embedded->duty);
}

static void
embedded_categories(void **state)
{
	static const struct {
		const char	*id;
		size_t		 nsubtypes;
	} want[] = {
		{ "harmful-program", 7 },
		{ "network-attack", 7 },
		{ "information-destruction", 6 },
		{ "content-security", 4 },
		{ "equipment-failure", 4 },
		{ "disaster", 4 },
		{ "other", 1 },
	};
	const struct inc_category *c;
	size_t	 i, j;

	(void)state;
	assert_int_equal(embedded->ncategories, 7);
	for (i = 0; i < 7; i++) {
		assert_string_equal(embedded->categories[i].id, want[i].id);
		c = plan_category(embedded, want[i].id);
		assert_ptr_equal(c, &embedded->categories[i]);
		assert_int_equal(c->nsubtypes, want[i].nsubtypes);
		assert_non_null(plan_subtype(c, "other"));
		for (j = 0; j < c->nsubtypes; j++)
			assert_ptr_equal(c->subtypes[j].category, c);
	}
	assert_non_null(plan_subtype(plan_category(embedded, "network-attack"),
	    "denial-of-service"));
	assert_non_null(plan_subtype(plan_category(embedded, "disaster"),
	    "fire"));
}

/* DESIGN.md section 2, Grading, cell by cell. */
static void
embedded_matrix(void **state)
{
	static const struct {
		const char	*importance, *loss;
		enum inc_level	 level;
	} cells[] = {
		{ "critical", "extreme", LEVEL_I },
		{ "critical", "serious", LEVEL_II },
		{ "critical", "considerable", LEVEL_III },
		{ "critical", "minor", LEVEL_IV },
		{ "important", "extreme", LEVEL_II },
		{ "important", "serious", LEVEL_III },
		{ "important", "considerable", LEVEL_IV },
		{ "important", "minor", LEVEL_IV },
		{ "general", "extreme", LEVEL_III },
		{ "general", "serious", LEVEL_IV },
		{ "general", "considerable", LEVEL_IV },
		{ "general", "minor", LEVEL_IV },
	};
	static const struct {
		const char	*impact;
		enum inc_level	 level;
	} impacts[] = {
		{ "extreme", LEVEL_I },
		{ "major", LEVEL_II },
		{ "considerable", LEVEL_III },
		{ "general", LEVEL_IV },
	};
	const struct inc_plan *p = embedded;
	int	 i, l;
	size_t	 k;

	(void)state;
	assert_int_equal(p->importance.n, 3);
	assert_int_equal(p->loss.n, 4);
	assert_int_equal(p->impact.n, 4);
	for (k = 0; k < sizeof(cells) / sizeof(cells[0]); k++) {
		i = scale_index(&p->importance, cells[k].importance);
		l = scale_index(&p->loss, cells[k].loss);
		assert_true(i >= 0 && l >= 0);
		assert_int_equal(p->grading.matrix[i * p->loss.n + l],
		    cells[k].level);
	}
	for (k = 0; k < sizeof(impacts) / sizeof(impacts[0]); k++) {
		i = scale_index(&p->impact, impacts[k].impact);
		assert_true(i >= 0);
		assert_int_equal(p->grading.by_impact[i], impacts[k].level);
	}
	for (l = LEVEL_I; l <= LEVEL_IV; l++) {
		assert_int_equal(p->levels[l - 1].level, l);
		assert_string_equal(p->levels[l - 1].id, level_id(l));
	}
}

/* DESIGN.md section 3. */
static void
embedded_obligations(void **state)
{
	static const struct {
		const char	*id, *field, *after;
		int64_t		 within;
		const char	*before;
		unsigned	 levels;
	} want[] = {
		{ "initial-report", "reported", "detected", 3600, NULL, 0 },
		{ "police-report", "police_reported", "detected", 3600, NULL,
		    0 },
		{ "risk-assessment", "assessed", "detected", 7200, NULL, 0 },
		{ "leaders-report", "leaders_reported", "detected", -1, NULL,
		    LEVEL_BIT(LEVEL_I) | LEVEL_BIT(LEVEL_II) },
		{ "handling-report", "handling_report", NULL, 0, "closed", 0 },
	};
	const struct inc_obligation *o;
	size_t	 k;

	(void)state;
	assert_int_equal(embedded->nobligations, 5);
	for (k = 0; k < 5; k++) {
		o = plan_obligation(embedded, want[k].id);
		assert_ptr_equal(o, &embedded->obligations[k]);
		assert_string_equal(o->field, want[k].field);
		if (want[k].after != NULL) {
			assert_string_equal(o->after, want[k].after);
			assert_null(o->before);
			/* The plan leaves leaders-report's deadline open. */
			if (want[k].within >= 0)
				assert_int_equal(o->within, want[k].within);
			else
				assert_true(o->within > 0);
		} else {
			assert_null(o->after);
			assert_string_equal(o->before, want[k].before);
		}
		assert_int_equal(o->levels, want[k].levels);
		assert_true(o->nnotify > 0);
	}
	o = plan_obligation(embedded, "initial-report");
	assert_ptr_equal(o->notify[0], plan_unit(embedded, "leading-group"));
	/* The fields they read, each once, in the order first named. */
	{
		static const char *const fields[] = { "reported", "detected",
		    "police_reported", "assessed", "leaders_reported",
		    "handling_report", "closed" };

		assert_int_equal(embedded->nobligation_fields, 7);
		for (k = 0; k < 7; k++)
			assert_string_equal(embedded->obligation_fields[k],
			    fields[k]);
	}
}

static void
embedded_procedures(void **state)
{
	static const struct {
		const char	*id;
		size_t		 nsteps;
	} want[] = {
		{ "system-failure", 5 },
		{ "network-attack", 5 },
		{ "virus-outbreak", 7 },
		{ "machine-room-fire", 3 },
		{ "machine-room-water", 4 },
		{ "device-server-anomaly", 5 },
	};
	const struct inc_procedure *pr;
	size_t	 k, s;

	(void)state;
	assert_int_equal(embedded->nprocedures, 6);
	for (k = 0; k < 6; k++) {
		pr = plan_procedure(embedded, want[k].id);
		assert_ptr_equal(pr, &embedded->procedures[k]);
		assert_int_equal(pr->nsteps, want[k].nsteps);
		for (s = 0; s < pr->nsteps; s++) {
			assert_int_equal(pr->steps[s].n, (int)s + 1);
			assert_non_null(pr->steps[s].text.zh);
			assert_non_null(pr->steps[s].text.en);
		}
	}
	assert_true(embedded->nfallback > 0);
}

/*
 * Lookups, on tests/plan/minimal.yaml.
 */
static void
minimal_lookups(void **state)
{
	struct plan_errors errs = { NULL, 0, 0 };
	struct inc_plan	*p;
	const struct inc_category *c;
	const struct inc_obligation *o;
	const struct inc_unit *u;

	(void)state;
	assert_non_null(p = plan_load_file(MINIMAL, &errs));
	assert_int_equal(errs.n, 0);
	assert_string_equal(p->source, MINIMAL);

	assert_non_null(c = plan_category(p, "attack"));
	assert_null(plan_category(p, "attac"));
	assert_string_equal(plan_subtype(c, "dos")->id, "dos");
	assert_null(plan_subtype(c, "ddos"));
	assert_int_equal(plan_subtype(c, "dos")->nkeywords, 2);
	assert_string_equal(plan_subtype(c, "dos")->keywords[1],
	    "拒绝服务");

	assert_int_equal(plan_procedure(p, "respond")->nsteps, 2);
	assert_string_equal(plan_procedure(p, "respond")->steps[1].title.en,
	    "two");
	assert_null(plan_procedure(p, "respond")->steps[0].title.zh);
	assert_null(plan_procedure(p, "run"));

	assert_non_null(o = plan_obligation(p, "report"));
	assert_int_equal(o->within, 5400);
	assert_int_equal(o->nnotify, 2);
	assert_ptr_equal(o->notify[1], plan_unit(p, "police"));
	assert_int_equal(o->levels, 0);
	assert_int_equal(plan_obligation(p, "file")->levels,
	    LEVEL_BIT(LEVEL_I) | LEVEL_BIT(LEVEL_II));
	assert_null(plan_obligation(p, "reported"));

	assert_non_null(u = plan_unit(p, "police"));
	assert_ptr_equal(u->contact, plan_unit(p, "office"));
	assert_ptr_equal(p->duty, plan_unit(p, "office"));
	assert_string_equal(plan_unit(p, "office")->phones[0], "0759-1");
	assert_null(plan_unit(p, "fire"));

	assert_string_equal(plan_system(p, "web")->importance, "high");
	assert_null(plan_system(p, "www"));

	assert_int_equal(scale_index(&p->importance, "low"), 1);
	assert_int_equal(scale_index(&p->loss, "big"), 0);
	assert_int_equal(scale_index(&p->impact, "high"), -1);
	assert_int_equal(p->grading.matrix[1 * 2 + 0], LEVEL_II);

	assert_int_equal(p->nroutes, 1);
	assert_ptr_equal(p->routes[0].category, c);
	assert_ptr_equal(p->routes[0].subtype, plan_subtype(c, "dos"));
	assert_ptr_equal(p->routes[0].procedures[0],
	    plan_procedure(p, "respond"));
	assert_int_equal(p->nfallback, 1);
	plan_free(p);
	plan_errors_free(&errs);
}

static void
levels_by_id(void **state)
{
	static const struct {
		const char	*id;
		enum inc_level	 level;
	} t[] = {
		{ "I", LEVEL_I }, { "II", LEVEL_II }, { "III", LEVEL_III },
		{ "IV", LEVEL_IV },
	};
	size_t	 k;

	(void)state;
	for (k = 0; k < 4; k++) {
		assert_int_equal(level_parse(t[k].id), t[k].level);
		assert_string_equal(level_id(t[k].level), t[k].id);
	}
	assert_int_equal(level_parse("V"), LEVEL_NONE);
	assert_int_equal(level_parse("i"), LEVEL_NONE);
	assert_int_equal(level_parse(""), LEVEL_NONE);
	assert_int_equal(level_parse("IIII"), LEVEL_NONE);
	assert_int_equal(level_parse("VI"), LEVEL_NONE);
	assert_int_equal(level_parse("IX"), LEVEL_NONE);
	/* Of len bytes, not a string: what follows does not count. */
	assert_int_equal(level_parse_n("IV: more", 2), LEVEL_IV);
	assert_int_equal(level_parse_n("III", 2), LEVEL_II);
	assert_int_equal(level_parse_n("II", 0), LEVEL_NONE);
	assert_null(level_id(LEVEL_NONE));
	assert_null(level_id((enum inc_level)5));
}

static void
texts(void **state)
{
	struct inc_text both = { "中文", "English" };
	struct inc_text zh = { "中文", NULL }, en = { NULL, "English" };
	struct inc_text none = { NULL, NULL };

	(void)state;
	assert_string_equal(text_in(both, LANG_ZH), "中文");
	assert_string_equal(text_in(both, LANG_EN), "English");
	assert_string_equal(text_in(zh, LANG_EN), "中文");
	assert_string_equal(text_in(en, LANG_ZH), "English");
	assert_string_equal(text_in(none, LANG_ZH), "");
}

static void
languages(void **state)
{
	static const struct {
		const char	*opt, *lc_all, *lc_messages, *lang;
		int		 ret;
		enum inc_lang	 want;
	} t[] = {
		{ "zh", NULL, NULL, "en_US.UTF-8", 0, LANG_ZH },
		{ "en", "zh_CN.UTF-8", NULL, NULL, 0, LANG_EN },
		{ "fr", NULL, NULL, NULL, -1, LANG_EN },
		{ "", NULL, NULL, NULL, -1, LANG_EN },
		{ NULL, NULL, NULL, NULL, 0, LANG_EN },
		{ NULL, NULL, NULL, "zh_CN.UTF-8", 0, LANG_ZH },
		{ NULL, NULL, NULL, "zh_TW", 0, LANG_ZH },
		{ NULL, NULL, NULL, "C", 0, LANG_EN },
		{ NULL, NULL, "zh_CN.UTF-8", "en_US.UTF-8", 0, LANG_ZH },
		{ NULL, NULL, "en_GB", "zh_CN.UTF-8", 0, LANG_EN },
		{ NULL, "en_US.UTF-8", "zh_CN", "zh_CN", 0, LANG_EN },
		{ NULL, "zh_HK.UTF-8", "en_US", "en_US", 0, LANG_ZH },
		{ NULL, "", "", "zh_CN.UTF-8", 0, LANG_ZH },
	};
	enum inc_lang	 lang;
	size_t		 k;

	(void)state;
	for (k = 0; k < sizeof(t) / sizeof(t[0]); k++) {
		if (t[k].lc_all)
			setenv("LC_ALL", t[k].lc_all, 1);
		else
			unsetenv("LC_ALL");
		if (t[k].lc_messages)
			setenv("LC_MESSAGES", t[k].lc_messages, 1);
		else
			unsetenv("LC_MESSAGES");
		if (t[k].lang)
			setenv("LANG", t[k].lang, 1);
		else
			unsetenv("LANG");
		lang = (enum inc_lang)99;
		assert_int_equal(lang_choose(t[k].opt, &lang), t[k].ret);
		if (t[k].ret == 0)
			assert_int_equal(lang, t[k].want);
	}
}

/* What plan_in_force says on standard error. */
static struct inc_plan *
in_force(const char *opt, char *err, size_t errsize)
{
	struct inc_plan	*p;
	FILE		*tmp;
	size_t		 n;
	int		 saved;

	fflush(stderr);
	assert_non_null(tmp = tmpfile());
	assert_true((saved = dup(2)) >= 0);
	assert_true(dup2(fileno(tmp), 2) >= 0);
	p = plan_in_force(opt);
	fflush(stderr);
	assert_true(dup2(saved, 2) >= 0);
	close(saved);
	rewind(tmp);
	n = fread(err, 1, errsize - 1, tmp);
	err[n] = '\0';
	fclose(tmp);
	return p;
}

static void
plan_in_force_order(void **state)
{
	struct inc_plan	*p;
	char		 err[1024];

	(void)state;
	inc_set_prog("test-plan");
	setenv("INC_PLAN", "/nonexistent/env.yaml", 1);
	/* --plan wins over $INC_PLAN. */
	assert_non_null(p = in_force(MINIMAL, err, sizeof(err)));
	assert_string_equal(p->source, MINIMAL);
	assert_string_equal(err, "");
	plan_free(p);
	/* Then $INC_PLAN. */
	assert_null(in_force(NULL, err, sizeof(err)));
	assert_string_equal(err, "test-plan: /nonexistent/env.yaml: "
	    "No such file or directory\n");
	setenv("INC_PLAN", MINIMAL, 1);
	assert_non_null(p = in_force(NULL, err, sizeof(err)));
	assert_string_equal(p->source, MINIMAL);
	plan_free(p);
	/* An empty $INC_PLAN is as if unset: the embedded plan. */
	setenv("INC_PLAN", "", 1);
	assert_non_null(p = in_force(NULL, err, sizeof(err)));
	assert_string_equal(p->source, "(embedded)");
	assert_string_equal(err, "");
	plan_free(p);
	unsetenv("INC_PLAN");
	assert_non_null(p = in_force(NULL, err, sizeof(err)));
	assert_string_equal(p->source, "(embedded)");
	plan_free(p);
	/* Every problem, each on its line. */
	assert_null(in_force("tests/plan/several-errors.yaml", err,
	    sizeof(err)));
	assert_string_equal(err,
	    "test-plan: tests/plan/several-errors.yaml:4:56: "
	    "unknown importance \"hgh\" in system\n"
	    "test-plan: tests/plan/several-errors.yaml:12:5: "
	    "unknown key \"colour\" in category\n"
	    "test-plan: tests/plan/several-errors.yaml:44:88: "
	    "bad duration \"soon\"\n"
	    "test-plan: tests/plan/several-errors.yaml:50:9: "
	    "step 1 of procedure \"respond\" has no text\n");
}

/*
 * Every kind of problem: one change to minimal.yaml each.
 */
struct bad_case {
	const char	*name;
	const char	*from, *to;	/* first occurrence replaced */
	struct want	 want[NWANT];
};

static const struct bad_case bad_cases[] = {
	{ "unknown key",
	    "{id: web, name:",
	    "{id: web, colour: red, name:",
	    { { 51, 15, "unknown key \"colour\" in system" } } },
	{ "unknown section",
	    "systems:\n",
	    "system:\n",
	    { { 1, 1, "missing section \"systems\"" },
	      { 50, 1, "unknown section \"system\"" } } },
	{ "key not a scalar",
	    "{id: web, name:",
	    "{id: web, [k]: v, name:",
	    { { 51, 15, "a key must be a scalar, not a sequence" } } },
	{ "missing section",
	    "version: 1\n",
	    "",
	    { { 1, 1, "missing section \"version\"" } } },
	{ "missing text language",
	    "en: Test plan}",
	    "}",
	    { { 4, 10, "missing key \"en\" in \"title\"" } } },
	{ "missing id",
	    "{id: web, name:",
	    "{name:",
	    { { 51, 5, "missing key \"id\" in system" } } },
	{ "bad id",
	    "{id: other,",
	    "{id: Other,",
	    { { 10, 14, "bad id \"Other\" (want [a-z][a-z0-9-]*)" } } },
	{ "bad field name",
	    "field: filed",
	    "field: Filed",
	    { { 40, 49, "bad field name \"Filed\" (want [a-z][a-z0-9_]*)" } } },
	{ "duplicate subtype id",
	    "{id: other,",
	    "{id: dos,",
	    { { 10, 14,
	      "duplicate subtype id \"dos\" in category \"attack\"" } } },
	{ "duplicate unit id",
	    "{id: police,",
	    "{id: office,",
	    { { 37, 12, "duplicate unit id \"office\"" },
	      { 39, 112, "unknown unit \"police\" in notify" } } },
	{ "duplicate obligation id",
	    "{id: file,",
	    "{id: report,",
	    { { 40, 10, "duplicate obligation id \"report\"" } } },
	{ "duplicate scale value id",
	    "{id: small,",
	    "{id: big,",
	    { { 18, 12, "duplicate loss id \"big\"" },
	      { 30, 20, "unknown loss \"small\" in matrix" },
	      { 31, 20, "unknown loss \"small\" in matrix" } } },
	{ "duplicate level",
	    "{id: IV,",
	    "{id: III,",
	    { { 24, 3, "missing level \"IV\" in levels" },
	      { 27, 10, "duplicate level \"III\"" } } },
	{ "duplicate key",
	    "importance: high}",
	    "importance: high, importance: low}",
	    { { 51, 62, "duplicate key \"importance\"" } } },
	{ "unknown unit in notify",
	    "[office, police]",
	    "[office, polise]",
	    { { 39, 112, "unknown unit \"polise\" in notify" } } },
	{ "unknown unit in contact",
	    "contact: office}",
	    "contact: ofice}",
	    { { 37, 57, "unknown unit \"ofice\" in contact" } } },
	{ "unknown unit in duty",
	    "duty: office",
	    "duty: nobody",
	    { { 34, 9, "unknown unit \"nobody\" in duty" } } },
	{ "unknown category in routing",
	    "{category: attack,",
	    "{category: atack,",
	    { { 48, 16, "unknown category \"atack\" in routing" } } },
	{ "unknown subtype in routing",
	    "subtype: dos",
	    "subtype: dso",
	    { { 48, 33,
	      "unknown subtype \"dso\" of category \"attack\" in routing" } } },
	{ "unknown procedure in routing",
	    "{default: true, procedures: [respond]}",
	    "{default: true, procedures: [respnd]}",
	    { { 49, 34, "unknown procedure \"respnd\" in routing" } } },
	{ "unknown importance in system",
	    "importance: high}",
	    "importance: hi}",
	    { { 51, 56, "unknown importance \"hi\" in system" } } },
	{ "unknown level in obligation",
	    "levels: [I, II]",
	    "levels: [I, V]",
	    { { 40, 84, "unknown level \"V\" in levels" } } },
	{ "incomplete matrix",
	    "high: {big: I, small: III}",
	    "high: {big: I}",
	    { { 30, 11, "matrix cell high/small missing" } } },
	{ "matrix row missing",
	    "    low: {big: II, small: IV}\n",
	    "",
	    { { 30, 5, "matrix cell low/big missing" },
	      { 30, 5, "matrix cell low/small missing" } } },
	{ "incomplete impact",
	    "{wide: I, narrow: IV}",
	    "{wide: I}",
	    { { 32, 11, "impact level for \"narrow\" missing" } } },
	{ "unknown importance in matrix",
	    "    low: {",
	    "    lo: {",
	    { { 30, 5, "matrix cell low/big missing" },
	      { 30, 5, "matrix cell low/small missing" },
	      { 31, 5, "unknown importance \"lo\" in matrix" } } },
	{ "bad level in matrix",
	    "{big: II,",
	    "{big: V,",
	    { { 31, 16,
	      "bad level \"V\" in matrix (want I, II, III or IV)" } } },
	{ "bad level id",
	    "{id: IV,",
	    "{id: V,",
	    { { 24, 3, "missing level \"IV\" in levels" },
	      { 27, 10, "bad level \"V\" (want I, II, III or IV)" } } },
	{ "levels out of order",
	    "  - {id: II, name: {zh: 二级, en: Two}}\n"
	    "  - {id: III, name: {zh: 三级, en: Three}}\n",
	    "  - {id: III, name: {zh: 三级, en: Three}}\n"
	    "  - {id: II, name: {zh: 二级, en: Two}}\n",
	    { { 26, 10, "level \"II\" out of order (want I, II, III, IV)" } } },
	{ "no procedures",
	    "procedures:\n  - id: respond\n    name: {zh: 处置, en: Respond}\n"
	    "    steps:\n      - {text: {zh: 一, en: one}}\n"
	    "      - {title: {zh: 二, en: two}, text: {zh: 二, en: two}}\n",
	    "procedures: []\n",
	    { { 41, 13, "no procedures" },
	      { 43, 51, "unknown procedure \"respond\" in routing" },
	      { 44, 34, "unknown procedure \"respond\" in routing" } } },
	{ "step without text",
	    "- {text: {zh: 一, en: one}}",
	    "- {clause: 四}",
	    { { 45, 9, "step 1 of procedure \"respond\" has no text" } } },
	{ "procedure without steps",
	    "    steps:\n      - {text: {zh: 一, en: one}}\n"
	    "      - {title: {zh: 二, en: two}, text: {zh: 二, en: two}}\n",
	    "    steps: []\n",
	    { { 44, 12, "procedure \"respond\" has no steps" } } },
	{ "both after and before",
	    "within: 1h30m,",
	    "within: 1h30m, before: closed,",
	    { { 39, 5,
	      "obligation \"report\" has both after/within and before" } } },
	{ "neither after nor before",
	    " before: closed,",
	    "",
	    { { 40, 5,
	      "obligation \"file\" has neither after/within nor before" } } },
	{ "after without within",
	    " within: 1h30m,",
	    "",
	    { { 39, 5,
	      "obligation \"report\" has \"after\" without \"within\"" } } },
	{ "bad duration",
	    "within: 1h30m",
	    "within: 30m1h",
	    { { 39, 88, "bad duration \"30m1h\"" } } },
	{ "version",
	    "version: 1",
	    "version: 2",
	    { { 1, 10, "version must be 1, not \"2\"" } } },
	{ "wrong type",
	    "title: {zh: 测试预案, en: Test plan}",
	    "title: [测试预案, Test plan]",
	    { { 4, 10, "\"title\" must be a map, not a sequence" } } },
	{ "wrong type element",
	    "  - {id: web, name: {zh: 网站, en: Website}, importance: high}",
	    "  - web",
	    { { 51, 5, "system must be a map, not a scalar" } } },
	{ "empty value",
	    "[\"0759-1\"]",
	    "[\"\"]",
	    { { 36, 58, "\"phones\" must not be empty" } } },
	/* Columns count characters, not bytes: 测试预案 is 4 columns. */
	{ "null value",
	    "en: Office}",
	    "en: ~}",
	    { { 36, 40, "\"en\" must not be empty" } } },
	{ "duplicate obligation field",
	    "field: filed",
	    "field: reported",
	    { { 40, 49, "duplicate obligation field \"reported\"" } } },
	{ "yaml syntax error",
	    "en: Test plan}",
	    "en: [Test plan}",
	    { { 4, 35, "did not find expected ',' or ']'" } } },
	{ "alias",
	    "contact: office}",
	    "contact: *x}",
	    { { 37, 57, "aliases are not allowed in a plan" } } },
	{ "duplicate category id",
	    "importance:\n  values:",
	    "  - {id: attack, name: {zh: 又, en: Again},"
	    " subtypes: [{id: other, name: {zh: 其他, en:"
	    " Other}}]}\nimportance:\n  values:",
	    { { 11, 10, "duplicate category id \"attack\"" } } },
	{ "duplicate procedure id",
	    "routing:\n",
	    "  - {id: respond, name: {zh: 又, en: Again},"
	    " steps: [{text: {zh: 一, en: one}}]}\nrouting:\n",
	    { { 47, 10, "duplicate procedure id \"respond\"" } } },
	{ "duplicate system id",
	    "importance: high}\n",
	    "importance: high}\n  - {id: web, name: {zh: 又, en:"
	    " Again}, importance: low}\n",
	    { { 52, 10, "duplicate system id \"web\"" } } },
	{ "category without subtypes",
	    "    subtypes:\n      - {id: dos, name: {zh: 拒绝服务,"
	    " en: Denial of service}, keywords: [ddos, 拒绝服务]}\n"
	    "      - {id: other, name: {zh: 其他, en: Other}}\n",
	    "    subtypes: []\n",
	    { { 8, 15, "category \"attack\" has no subtypes" },
	      { 46, 33, "unknown subtype \"dos\" of category \"attack\""
	        " in routing" } } },
	{ "route without category",
	    "{category: attack, subtype: dos,",
	    "{subtype: dos,",
	    { { 48, 5, "missing key \"category\" in route" } } },
	{ "default route with a category",
	    "{default: true,",
	    "{default: true, category: attack,",
	    { { 49, 5, "default route with a category" } } },
	{ "two default routes",
	    "{category: attack, subtype: dos, procedures:"
	    " [respond]}",
	    "{default: true, procedures: [respond]}",
	    { { 49, 5, "more than one default route" } } },
	{ "default not true",
	    "{default: true,",
	    "{default: yes,",
	    { { 49, 15, "default must be true" } } },
	{ "route without procedures",
	    "{default: true, procedures: [respond]}",
	    "{default: true, procedures: []}",
	    { { 49, 33, "route has no procedures" } } },
	/* Escapes decode to controls after libyaml's own check. */
	{ "an escape to a control in a value, where the value begins",
	    "{id: other,",
	    "{id: \"o\\e[2Jx\\u009b\",",
	    { { 10, 14, "control character U+001B in value (an escape such "
	    "as \\e or \\x9b?): a plan holds text only" } } },
	{ "an escape to C1 CSI in a value",
	    "{id: other,",
	    "{id: \"o\\x9b2J\",",
	    { { 10, 14, "control character U+009B in value (an escape such "
	    "as \\e or \\x9b?): a plan holds text only" } } },
	{ "an escape to a bidi override in a value",
	    "{id: other,",
	    "{id: \"o\\u202ex\",",
	    { { 10, 14, "invisible control U+202E in value (it reorders or "
	    "breaks what a reader sees)" } } },
};

static char	*minimal;
static size_t	 minimal_len;

/* A text built from minimal.yaml with from (first occurrence) replaced. */
static char *
minimal_with(const char *from, const char *to, size_t *lenp)
{
	char	*text, *at;
	size_t	 flen = strlen(from), tlen = strlen(to);

	assert_non_null(at = strstr(minimal, from));
	*lenp = minimal_len - flen + tlen;
	assert_non_null(text = malloc(*lenp + 1));
	memcpy(text, minimal, (size_t)(at - minimal));
	memcpy(text + (at - minimal), to, tlen);
	strcpy(text + (at - minimal) + tlen, at + flen);
	return text;
}

static void
bad_plan(void **state)
{
	const struct bad_case *c = *state;
	char	*text;
	size_t	 len;

	text = minimal_with(c->from, c->to, &len);
	assert_bad(text, len, c->want, nwanted(c->want));
	free(text);
}

/*
 * Problems outside any plan, and hostile input.
 */
static void
unreadable_file(void **state)
{
	struct plan_errors errs = { NULL, 0, 0 };
	struct want w[] = { { 0, 0, NULL } };

	(void)state;
	assert_null(plan_load_file("/nonexistent/plan.yaml", &errs));
	w[0].message = strerror(ENOENT);
	assert_errors(&errs, "/nonexistent/plan.yaml", w, 1);
	plan_errors_free(&errs);
	assert_null(plan_load_file("tests/plan", &errs));
	w[0].message = strerror(EISDIR);
	assert_errors(&errs, "tests/plan", w, 1);
	plan_errors_free(&errs);
}

static void
several_errors(void **state)
{
	static const struct want w[] = {
		{ 4, 56, "unknown importance \"hgh\" in system" },
		{ 12, 5, "unknown key \"colour\" in category" },
		{ 44, 88, "bad duration \"soon\"" },
		{ 50, 9, "step 1 of procedure \"respond\" has no text" },
	};
	struct plan_errors errs = { NULL, 0, 0 };
	const char *path = "tests/plan/several-errors.yaml";

	(void)state;
	assert_null(plan_load_file(path, &errs));
	assert_errors(&errs, path, w, 4);
	plan_errors_free(&errs);
}

static void
small_bad_documents(void **state)
{
	static const struct {
		const char	*text;
		struct want	 want;
	} t[] = {
		{ "", { 1, 1, "empty plan" } },
		{ "# only a comment\n", { 1, 1, "empty plan" } },
		{ "hello\n", { 1, 1,
		    "the plan file must be a map, not a scalar" } },
		{ "- a\n", { 1, 1,
		    "the plan file must be a map, not a sequence" } },
		{ "a: 1\n---\nb: 2\n", { 2, 1,
		    "more than one document in plan" } },
		{ "a: b: c\n", { 1, 5,
		    "mapping values are not allowed in this context" } },
		{ "a: \"b\\0c\"\n", { 1, 4, "NUL byte in value" } },
		{ "x: \xff\n", { 1, 4, "invalid leading UTF-8 octet" } },
		{ "x: \x01\n", { 1, 4, "control characters are not allowed" } },
		/* Lines counted as libyaml counts them: CR, CR LF, NEL. */
		{ "a: 1\rb: 2\r\nx: \x01\n", { 3, 4,
		    "control characters are not allowed" } },
		{ "a: \xc2\x85x: \xff\n", { 2, 4,
		    "invalid leading UTF-8 octet" } },
	};
	size_t	 k;

	(void)state;
	for (k = 0; k < sizeof(t) / sizeof(t[0]); k++)
		assert_bad(t[k].text, strlen(t[k].text), &t[k].want, 1);
}

static void
nul_byte(void **state)
{
	static const char text[] = "version: 1\nplan: {id: a\0b}\n";
	static const struct want w = { 2, 13,
	    "control characters are not allowed" };

	(void)state;
	assert_bad(text, sizeof(text) - 1, &w, 1);
}

/* 100000 "[" (or "{a: ") must not recurse: refused at depth 65. */
static void
deep_nesting(void **state)
{
	static const struct want seq = { 1, 65,
	    "nesting deeper than 64 levels" };
	static const struct want map = { 1, 257,
	    "nesting deeper than 64 levels" };
	size_t	 n = 100000, i;
	char	*text;

	(void)state;
	assert_non_null(text = malloc(4 * n + 1));
	memset(text, '[', n);
	assert_bad(text, n, &seq, 1);
	for (i = 0; i < n; i++)
		memcpy(text + 4 * i, "{a: ", 4);
	assert_bad(text, 4 * n, &map, 1);
	free(text);
}

static void
too_large(void **state)
{
	static const struct want w = { 0, 0, "plan too large (over 4 MiB)" };
	struct plan_errors errs = { NULL, 0, 0 };
	char	 path[] = "/tmp/test-plan-XXXXXX";
	size_t	 len = 4 * 1024 * 1024 + 1;
	char	*text;
	int	 fd;

	(void)state;
	assert_non_null(text = malloc(len));
	memset(text, '#', len);
	assert_bad(text, len, &w, 1);
	free(text);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(ftruncate(fd, (off_t)len), 0);
	close(fd);
	assert_null(plan_load_file(path, &errs));
	assert_errors(&errs, path, &w, 1);
	plan_errors_free(&errs);
	unlink(path);
}

/* A stream (inc-plan check -): named as asked, the same size limit. */
static void
stream(void **state)
{
	static const struct want w = { 0, 0, "plan too large (over 4 MiB)" };
	struct plan_errors errs = { NULL, 0, 0 };
	struct inc_plan *p;
	size_t	 len = 4 * 1024 * 1024 + 1;
	char	*text;
	FILE	*fp;

	(void)state;
	assert_non_null(fp = fopen(MINIMAL, "r"));
	assert_non_null(p = plan_load_stream(fp, "(stdin)", &errs));
	assert_string_equal(p->source, "(stdin)");
	assert_int_equal(errs.n, 0);
	plan_free(p);
	fclose(fp);
	assert_non_null(text = malloc(len));
	memset(text, '#', len);
	assert_non_null(fp = fmemopen(text, len, "r"));
	assert_null(plan_load_stream(fp, "(stdin)", &errs));
	assert_errors(&errs, "(stdin)", &w, 1);
	plan_errors_free(&errs);
	fclose(fp);
	free(text);
}

/* A scale of 65 values is refused before the matrix is made of it. */
static void
scale_limit(void **state)
{
	struct plan_errors errs = { NULL, 0, 0 };
	char	 values[65 * 48 + 16], *text;
	size_t	 len, off = 0;
	int	 i;

	(void)state;
	off += (size_t)snprintf(values, sizeof(values), "  values:\n");
	for (i = 0; i < 65; i++)
		off += (size_t)snprintf(values + off, sizeof(values) - off,
		    "    - {id: v%d, name: {zh: v, en: v}}\n", i);
	text = minimal_with("  values:\n    - {id: high, name: {zh: 高, "
	    "en: high}}\n    - {id: low, name: {zh: 低, en: low}}\n",
	    values, &len);
	assert_null(plan_load_buffer("t.yaml", text, len, &errs));
	assert_true(errs.n > 0);
	assert_int_equal(errs.v[0].line, 13);
	assert_int_equal(errs.v[0].column, 5);
	assert_string_equal(errs.v[0].message,
	    "importance has more than 64 values");
	plan_errors_free(&errs);
	free(text);
}

/* 1500 unknown keys: the first 1000 problems and a line saying so. */
static void
error_limit(void **state)
{
	struct plan_errors errs = { NULL, 0, 0 };
	char	*keys, *text;
	size_t	 len, off = 0;
	int	 i;

	(void)state;
	assert_non_null(keys = malloc(1500 * 16 + 32));
	off += (size_t)sprintf(keys, "{id: web, ");
	for (i = 0; i < 1500; i++)
		off += (size_t)sprintf(keys + off, "k%d: 1, ", i);
	text = minimal_with("{id: web, ", keys, &len);
	assert_null(plan_load_buffer("t.yaml", text, len, &errs));
	assert_int_equal(errs.n, 1001);
	assert_int_equal(errs.v[0].line, 0);
	assert_string_equal(errs.v[0].message,
	    "too many problems: only the first 1000 are reported");
	assert_int_equal(errs.v[1].line, 51);
	assert_int_equal(errs.v[1].column, 15);
	assert_string_equal(errs.v[1].message, "unknown key \"k0\" in system");
	assert_string_equal(errs.v[1000].message,
	    "unknown key \"k999\" in system");
	plan_errors_free(&errs);
	free(text);
	free(keys);
}

/*
 * The arena packs small allocations into chunks: 10000 nodes must not
 * take 10000 chunks (a bug that once made a 4 MiB plan take 11 GB), and
 * a big one must not waste the chunk being filled.
 */
static void
arena_packs(void **state)
{
	struct plan_arena *a;
	char	*p, *prev = NULL, *big;
	size_t	 i, jumps = 0;

	(void)state;
	assert_non_null(a = pa_new());
	for (i = 0; i < 10000; i++) {
		assert_non_null(p = pa_alloc(a, 48));
		if (i == 5000) {
			assert_non_null(big = pa_alloc(a, 1 << 20));
			big[(1 << 20) - 1] = 'x';
		}
		if (prev != NULL && p != prev + 48)
			jumps++;
		prev = p;
	}
	assert_true(jumps <= 10000 * 48 / (64 * 1024) + 1);
	assert_string_equal(pa_strndup(a, "abcdef", 3), "abc");
	assert_false(pa_failed(a));
	pa_free(a);
}

/* Random bytes: refused, with at least one problem, and no crash. */
static void
random_bytes(void **state)
{
	struct plan_errors errs = { NULL, 0, 0 };
	unsigned long	 x = 12345;
	char		 buf[4096];
	size_t		 i, round;

	(void)state;
	for (round = 0; round < 50; round++) {
		for (i = 0; i < sizeof(buf); i++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			/* Half the rounds printable, to get past the reader. */
			buf[i] = round % 2 ? (char)(x >> 56) :
			    "ab:[]{}-, \n#&*!|>'\"?"[(x >> 33) % 21];
		}
		assert_null(plan_load_buffer("r.yaml", buf, sizeof(buf),
		    &errs));
		assert_true(errs.n > 0);
		plan_errors_free(&errs);
	}
}

int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(minimal_lookups),
		cmocka_unit_test(levels_by_id),
		cmocka_unit_test(texts),
		cmocka_unit_test(languages),
		cmocka_unit_test(plan_in_force_order),
		cmocka_unit_test(unreadable_file),
		cmocka_unit_test(several_errors),
		cmocka_unit_test(small_bad_documents),
		cmocka_unit_test(nul_byte),
		cmocka_unit_test(deep_nesting),
		cmocka_unit_test(too_large),
		cmocka_unit_test(stream),
		cmocka_unit_test(random_bytes),
		cmocka_unit_test(scale_limit),
		cmocka_unit_test(arena_packs),
		cmocka_unit_test(error_limit),
		cmocka_unit_test_setup_teardown(embedded_loads,
		    load_embedded, free_embedded),
		cmocka_unit_test_setup_teardown(embedded_categories,
		    load_embedded, free_embedded),
		cmocka_unit_test_setup_teardown(embedded_matrix,
		    load_embedded, free_embedded),
		cmocka_unit_test_setup_teardown(embedded_obligations,
		    load_embedded, free_embedded),
		cmocka_unit_test_setup_teardown(embedded_procedures,
		    load_embedded, free_embedded),
	};
	size_t	 nbad = sizeof(bad_cases) / sizeof(bad_cases[0]);
	size_t	 nfixed = sizeof(fixed) / sizeof(fixed[0]), i;
	struct CMUnitTest *all;
	int	 failed;

	minimal = slurp(MINIMAL, &minimal_len);
	if ((all = calloc(nfixed + nbad, sizeof(*all))) == NULL)
		return 2;
	memcpy(all, fixed, sizeof(fixed));
	for (i = 0; i < nbad; i++) {
		all[nfixed + i].name = bad_cases[i].name;
		all[nfixed + i].test_func = bad_plan;
		all[nfixed + i].initial_state = (void *)&bad_cases[i];
	}
	failed = _cmocka_run_group_tests("plan", all, nfixed + nbad, NULL,
	    NULL);
	free(all);
	free(minimal);
	return failed != 0;
}
