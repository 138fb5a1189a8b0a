/* The main job: extract, merge, analyse, draw, and write a folder to read. */
#define _POSIX_C_SOURCE 200809L
#include "earnchart/report.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "earnchart/analyze.h"
#include "earnchart/csvio.h"
#include "earnchart/extract.h"
#include "earnchart/io.h"
#include "earnchart/series.h"
#include "report_internal.h"

#ifndef EC_VERSION
#define EC_VERSION "0"
#endif

static const ec_report_figure figures[] = {
        {"revenue", EC_CHART_REVENUE, "revenue", EC_BASIS_GAAP, true,
         "Quarterly revenue with its log-linear trend and 95% band"},
        {"operating-margin", EC_CHART_MARGIN, "operating_margin", -1, false,
         "Operating margin, GAAP vs non-GAAP"},
        {"backlog", EC_CHART_BACKLOG, "backlog", EC_BASIS_NONE, false,
         "Product backlog by quarter, with the quarter-over-quarter change"},
        {"guidance-revenue", EC_CHART_GUIDANCE, "revenue", EC_BASIS_GAAP, false,
         "Revenue: guided range vs actual"},
        {"guidance-eps", EC_CHART_GUIDANCE, "eps_diluted", EC_BASIS_NON_GAAP,
         false, "Non-GAAP diluted EPS: guided range vs actual"},
        {"guidance-operating-margin", EC_CHART_GUIDANCE, "operating_margin",
         EC_BASIS_NON_GAAP, false,
         "Non-GAAP operating margin: guided range vs actual"},
        {"panel", EC_CHART_PANEL, NULL, -1, false,
         "Revenue, operating margin, backlog and revenue guidance at a glance"},
};
#define N_FIGURES (sizeof figures / sizeof figures[0])

const ec_report_figure *ec_report_figures(size_t *n)
{
	if (n)
		*n = N_FIGURES;
	return figures;
}

void ec_report_opts_defaults(ec_report_opts *o)
{
	memset(o, 0, sizeof *o);
	o->out_dir = "out";
}

void ec_report_result_free(ec_report_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->files; i++)
		free(r->written[i]);
	free(r->written);
	free(r->problems);
	free(r);
}

char *report_fmt_num(double v, char *buf, size_t n)
{
	if (!isfinite(v)) {
		snprintf(buf, n, "%s", "");
		return buf;
	}
	/* The fewest significant digits that read back as the same double. */
	for (int p = 1; p <= 17; p++) {
		snprintf(buf, n, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	/* %g may give an exponent for large or tiny values; the series CSV
	 * reader accepts it, but a person prefers plain digits. */
	if (strchr(buf, 'e') && fabs(v) < 1e15 && fabs(v) >= 1e-6) {
		for (int p = 0; p <= 17; p++) {
			snprintf(buf, n, "%.*f", p, v);
			if (strtod(buf, NULL) == v)
				break;
		}
	}
	return buf;
}

/* ---- the run's bookkeeping ------------------------------------------ */

typedef struct run {
	const char *dir;
	ec_report_result *res;
	size_t cap_written, cap_problems;
	bool oom;
} run;

static void problem(run *r, const char *step, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static void problem(run *r, const char *step, const char *fmt, ...)
{
	ec_report_result *res = r->res;
	if (res->n_problems == r->cap_problems) {
		size_t nc = r->cap_problems ? r->cap_problems * 2 : 8;
		ec_report_problem *np = realloc(res->problems, nc * sizeof *np);
		if (!np) {
			r->oom = true;
			return;
		}
		res->problems = np;
		r->cap_problems = nc;
	}
	ec_report_problem *p = &res->problems[res->n_problems++];
	snprintf(p->step, sizeof p->step, "%s", step);
	p->code = EC_OK;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->message, sizeof p->message, fmt, ap);
	va_end(ap);
}

static void problem_err(run *r, const char *step, const ec_error *e)
{
	char buf[1200];
	size_t before = r->res->n_problems;
	problem(r, step, "%.1000s", ec_error_format(e, buf, sizeof buf));
	if (r->res->n_problems > before)
		r->res->problems[before].code = e->code;
}

static void written(run *r, const char *name)
{
	ec_report_result *res = r->res;
	if (res->files == r->cap_written) {
		size_t nc = r->cap_written ? r->cap_written * 2 : 32;
		char **nw = realloc(res->written, nc * sizeof *nw);
		if (!nw) {
			r->oom = true;
			return;
		}
		res->written = nw;
		r->cap_written = nc;
	}
	size_t l = strlen(name) + 1;
	char *c = malloc(l);
	if (!c) {
		r->oom = true;
		return;
	}
	memcpy(c, name, l);
	res->written[res->files++] = c;
}

/* dir/name into buf; false (and a problem) when it does not fit. */
static bool out_path(run *r, const char *name, char *buf, size_t n)
{
	int w = snprintf(buf, n, "%s/%s", r->dir, name);
	if (w < 0 || (size_t)w >= n) {
		problem(r, name, "%s/%s: path too long", r->dir, name);
		return false;
	}
	return true;
}


static bool ends_with_csv(const char *p)
{
	size_t n = strlen(p);
	return n >= 4 && strcasecmp(p + n - 4, ".csv") == 0;
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* ---- conflicts.csv ---------------------------------------------------- */

static void csv_obs(FILE *f, const ec_obs *o)
{
	char p[EC_PERIOD_STRLEN], v[40], lo[40], hi[40], ln[24];
	snprintf(ln, sizeof ln, "%ld", o->line);
	const char *cells[15] = {
	        o->company,
	        o->doc,
	        ec_period_format(o->period, p),
	        o->metric,
	        o->segment && *o->segment ? o->segment : "total",
	        ec_basis_name(o->basis),
	        ec_kind_name(o->kind),
	        report_fmt_num(o->value, v, sizeof v),
	        report_fmt_num(o->low, lo, sizeof lo),
	        report_fmt_num(o->high, hi, sizeof hi),
	        ec_unit_name(o->unit),
	        o->issued,
	        o->line > 0 ? ln : "",
	        o->quote,
	        o->source_role,
	};
	for (int i = 0; i < 15; i++) {
		if (i)
			fputc(',', f);
		ec_csv_put_cell(f, cells[i]);
	}
}

/* True when o is one of the conflicts of docs: ec_series_merge carries a
 * source's conflicts over into the merged store, and those are listed once,
 * as within_document. */
static bool carried_over(const ec_series *docs, const ec_obs *o)
{
	if (!docs)
		return false;
	for (size_t i = 0; i < ec_series_conflict_count(docs); i++) {
		const ec_obs *d = ec_series_conflict(docs, i, NULL);
		if (d && d->line == o->line && d->kind == o->kind &&
		    d->basis == o->basis && ec_period_equal(d->period, o->period) &&
		    strcmp(d->doc, o->doc) == 0 &&
		    strcmp(d->metric, o->metric) == 0 &&
		    strcmp(d->segment, o->segment) == 0 &&
		    ec_values_agree(d->unit, d->value, o->value) &&
		    ec_values_agree(d->unit, d->low, o->low))
			return true;
	}
	return false;
}

/* Writes the conflicts of both stores: within a document (docs), then
 * between sources (merged).  Same columns as ec_csv_write_conflicts_file,
 * plus "scope". */
static ec_err write_conflicts(const char *path, const ec_series *docs,
                              const ec_series *merged, size_t *count,
                              ec_error *err)
{
	ec_atomic *a;
	ec_err rc = ec_atomic_open(path, &a, err);
	if (rc)
		return rc;
	FILE *f = ec_atomic_file(a);
	size_t n = 0;
	const char *const *cols = ec_series_standard_columns(&n);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s,", cols[i]);
	fputs("conflict_with_doc,conflict_with_line,conflict_with_value,"
	      "scope\n",
	      f);
	const ec_series *st[2] = {docs, merged};
	static const char *const scope[2] = {"within_document",
	                                     "between_sources"};
	*count = 0;
	for (int s = 0; s < 2; s++) {
		if (!st[s])
			continue;
		for (size_t i = 0; i < ec_series_conflict_count(st[s]); i++) {
			const ec_obs *kept = NULL;
			const ec_obs *o = ec_series_conflict(st[s], i, &kept);
			if (!o || (s == 1 && carried_over(docs, o)))
				continue;
			csv_obs(f, o);
			char ln[24] = "", v[40] = "";
			if (kept) {
				if (kept->line > 0)
					snprintf(ln, sizeof ln, "%ld",
					         kept->line);
				report_fmt_num(kept->value, v, sizeof v);
			}
			fputc(',', f);
			ec_csv_put_cell(f, kept ? kept->doc : "");
			fprintf(f, ",%s,%s,%s\n", ln, v, scope[s]);
			(*count)++;
		}
	}
	return ec_atomic_commit(a, err);
}

/* ---- analysis ----------------------------------------------------------- */

static void write_analysis(run *r, const ec_series *s, const char *company)
{
	ec_analyze_opts ao;
	ec_analyze_opts_defaults(&ao);
	ao.company = company && *company ? company : NULL;
	ec_analysis *an = NULL;
	ec_error e;
	ec_error_clear(&e);
	if (ec_analyze(s, &ao, &an, &e)) {
		problem_err(r, "analysis", &e);
		return;
	}
	static const char *const names[2] = {"analysis.txt", "analysis.json"};
	static const ec_report_format fmts[2] = {EC_REPORT_TEXT,
	                                         EC_REPORT_JSON};
	for (int i = 0; i < 2; i++) {
		char path[4096];
		if (!out_path(r, names[i], path, sizeof path))
			continue;
		ec_atomic *a;
		ec_error_clear(&e);
		ec_err rc = ec_atomic_open(path, &a, &e);
		if (!rc) {
			rc = ec_analysis_write(an, ec_atomic_file(a), fmts[i],
			                       &e);
			if (rc)
				ec_atomic_abort(a);
			else
				rc = ec_atomic_commit(a, &e);
		}
		if (rc)
			problem_err(r, names[i], &e);
		else
			written(r, names[i]);
	}
	ec_analysis_free(an);
}

/* ---- the company and the span ------------------------------------------- */

/* The most common non-empty company of s (ties: the first by name), or
 * "".  Points into the store. */
static const char *main_company(const ec_series *s)
{
	const char **names = NULL;
	size_t n = 0;
	if (ec_series_distinct(s, "company", &names, &n) || !n) {
		free(names);
		return "";
	}
	const char *best = "";
	size_t best_n = 0;
	for (size_t i = 0; i < n; i++) {
		if (!names[i] || !*names[i])
			continue;
		size_t c = 0;
		for (size_t k = 0; k < ec_series_count(s); k++) {
			const ec_obs *o = ec_series_get(s, k);
			if (o->company && strcmp(o->company, names[i]) == 0)
				c++;
		}
		if (c > best_n) {
			best_n = c;
			best = names[i];
		}
	}
	free(names);
	return best;
}

/* First and last quarter with an actual of company; false if none. */
static bool span(const ec_series *s, const char *company, ec_period *first,
                 ec_period *last)
{
	bool any = false;
	for (size_t k = 0; k < ec_series_count(s); k++) {
		const ec_obs *o = ec_series_get(s, k);
		if (o->kind != EC_KIND_ACTUAL ||
		    !ec_period_is_quarter(o->period))
			continue;
		if (*company && (!o->company || strcmp(o->company, company)))
			continue;
		if (!any || ec_period_cmp(o->period, *first) < 0)
			*first = o->period;
		if (!any || ec_period_cmp(o->period, *last) > 0)
			*last = o->period;
		any = true;
	}
	return any;
}

/* ---- figures and the deck ------------------------------------------------ */

/* Drops "<?xml ...?>" and a DOCTYPE from the front of an SVG document so
 * it can sit inside HTML.  Returns a new NUL-terminated string. */
static char *svg_for_html(const unsigned char *data, size_t len, size_t *out)
{
	const char *s = (const char *)data, *end = s + len;
	for (;;) {
		while (s < end &&
		       (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
			s++;
		if (end - s >= 5 &&
		    (memcmp(s, "<?xml", 5) == 0 ||
		     (end - s >= 9 && memcmp(s, "<!DOCTYPE", 9) == 0))) {
			const char *gt = memchr(s, '>', (size_t)(end - s));
			if (!gt)
				break;
			s = gt + 1;
			continue;
		}
		break;
	}
	size_t n = (size_t)(end - s);
	char *c = malloc(n + 1);
	if (!c)
		return NULL;
	memcpy(c, s, n);
	c[n] = '\0';
	*out = n;
	return c;
}

static void draw_figures(run *r, const ec_series *s, const char *company,
                         report_fig *figs, ec_deck *deck, size_t *pages)
{
	for (size_t i = 0; i < N_FIGURES; i++) {
		const ec_report_figure *d = &figures[i];
		report_fig *rf = &figs[i];
		rf->def = d;
		ec_chart_opts o;
		ec_chart_opts_defaults(&o);
		o.type = d->type;
		o.metric = d->metric;
		o.basis = d->basis;
		o.trend = d->trend;
		o.company = company && *company ? company : NULL;
		ec_error e;
		ec_error_clear(&e);
		char step[64];
		snprintf(step, sizeof step, "figure %s", d->name);
		if (ec_chart_set_size(&o, "slide", &e)) {
			problem_err(r, step, &e);
			ec_error_format(&e, rf->error, sizeof rf->error);
			continue;
		}
		ec_scene *sc = NULL;
		if (ec_chart_build(s, &o, &sc, &e)) {
			problem_err(r, step, &e);
			ec_error_format(&e, rf->error, sizeof rf->error);
			continue;
		}
		bool ok = true;
		static const char *const ext[2] = {"png", "svg"};
		static const ec_format fmt[2] = {EC_FORMAT_PNG, EC_FORMAT_SVG};
		for (int k = 0; k < 2; k++) {
			char name[128], path[4096];
			snprintf(name, sizeof name, "%s.%s", d->name, ext[k]);
			if (!out_path(r, name, path, sizeof path)) {
				ok = false;
				continue;
			}
			ec_error_clear(&e);
			if (ec_scene_write_file(sc, fmt[k], path, &e)) {
				problem_err(r, step, &e);
				ec_error_format(&e, rf->error,
				                sizeof rf->error);
				ok = false;
			} else {
				written(r, name);
			}
		}
		unsigned char *svg = NULL;
		size_t svg_len = 0;
		ec_error_clear(&e);
		if (ec_scene_write_mem(sc, EC_FORMAT_SVG, &svg, &svg_len, &e)) {
			problem_err(r, step, &e);
			ok = false;
		} else {
			rf->svg = svg_for_html(svg, svg_len, &rf->svg_len);
			if (!rf->svg)
				r->oom = true;
		}
		free(svg);
		if (deck) {
			ec_error_clear(&e);
			if (ec_deck_add_scene(deck, sc, &e))
				problem_err(r, "deck.pdf", &e);
			else
				(*pages)++;
		}
		ec_scene_free(sc);
		rf->ok = ok;
		if (ok)
			r->res->figures++;
	}
}

/* The title and sources pages share the figures' 16:9 page size. */
#define PAGE_W 960.0 /* pt: 1920 px at 144 dpi */
#define PAGE_H 540.0

static void deck_title_page(run *r, ec_deck *deck, const char *title,
                            const report_input *in, size_t n_in, size_t rows,
                            size_t *pages)
{
	char l1[256], l2[256], l3[256];
	size_t docs = 0, csvs = 0;
	for (size_t i = 0; i < n_in; i++) {
		if (in[i].is_csv)
			csvs++;
		else
			docs++;
	}
	snprintf(l1, sizeof l1,
	         "From %zu earnings document%s and %zu series file%s: %zu "
	         "observations, each with its source.",
	         docs, docs == 1 ? "" : "s", csvs, csvs == 1 ? "" : "s", rows);
	snprintf(l2, sizeof l2, "%s",
	         "Revenue and trend, operating margin, "
	         "backlog, guidance vs actual.");
	snprintf(l3, sizeof l3, "Made with earnchart %s.", EC_VERSION);
	const char *lines[3] = {l1, l2, l3};
	ec_error e;
	ec_error_clear(&e);
	if (ec_deck_add_text_page(deck, PAGE_W, PAGE_H, title, lines, 3,
	                          EC_THEME_LIGHT, &e))
		problem_err(r, "deck.pdf", &e);
	else
		(*pages)++;
}

static void deck_sources_page(run *r, ec_deck *deck, const report_input *in,
                              size_t n_in, size_t *pages)
{
	char **lines = calloc(n_in + 1, sizeof *lines);
	if (!lines) {
		r->oom = true;
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < n_in; i++) {
		char buf[600], per[EC_PERIOD_STRLEN] = "";
		if (in[i].is_csv) {
			snprintf(buf, sizeof buf,
			         "%.300s: series CSV, %zu rows%s", in[i].name,
			         in[i].rows,
			         in[i].ok ? "" : " (could not be read)");
		} else {
			const ec_extract_info *x = &in[i].info;
			const char *kind = x->kind == EC_DOC_RELEASE
			                           ? "press release"
			                   : x->kind == EC_DOC_TRANSCRIPT
			                           ? "call transcript"
			                           : "document";
			if (x->has_period)
				ec_period_format(x->period, per);
			snprintf(buf, sizeof buf,
			         "%.300s: %s%s%s%s%s, %zu rows%s", in[i].name,
			         kind, *per ? " for " : "", per,
			         x->issued[0] ? ", issued " : "", x->issued,
			         in[i].rows,
			         in[i].ok ? "" : " (could not be read)");
		}
		size_t l = strlen(buf) + 1;
		if (!(lines[k] = malloc(l))) {
			r->oom = true;
			break;
		}
		memcpy(lines[k++], buf, l);
	}
	ec_error e;
	ec_error_clear(&e);
	if (ec_deck_add_text_page(deck, PAGE_W, PAGE_H, "Sources",
	                          (const char *const *)lines, k, EC_THEME_LIGHT,
	                          &e))
		problem_err(r, "deck.pdf", &e);
	else
		(*pages)++;
	for (size_t i = 0; i < k; i++)
		free(lines[i]);
	free(lines);
}

/* ---- the run --------------------------------------------------------------- */

ec_err ec_report_run(const ec_report_opts *o, ec_report_result **out,
                     ec_error *err)
{
	*out = NULL;
	ec_report_opts def;
	if (!o) {
		ec_report_opts_defaults(&def);
		o = &def;
	}
	if (!o->n_inputs)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "no inputs: give documents or series CSVs");
	const char *dir = o->out_dir && *o->out_dir ? o->out_dir : "out";
	ec_err rc = ec_make_dirs(dir, err);
	if (rc)
		return rc;
	ec_report_result *res = calloc(1, sizeof *res);
	report_input *in = calloc(o->n_inputs, sizeof *in);
	report_fig figs[N_FIGURES];
	memset(figs, 0, sizeof figs);
	ec_series *docs = ec_series_new();
	ec_series *merged = ec_series_new();
	if (!res || !in || !docs || !merged ||
	    ec_series_set_doc_keyed(docs, true)) {
		free(res);
		free(in);
		ec_series_free(docs);
		ec_series_free(merged);
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	}
	run r = {.dir = dir, .res = res};
	ec_error e;

	/* 1. Documents, into a doc-keyed store: each document keeps its own
	 * evidence; disagreements inside one document are its conflicts.
	 * A first pass learns each document's company: a call transcript
	 * seldom names its ticker, and when every document that does names
	 * the same one, the others are about it too (without --company a
	 * transcript's rows would otherwise stay apart from the release's). */
	ec_extract_opts xo;
	ec_extract_opts_defaults(&xo);
	xo.company = o->company;
	if (o->max_doc_bytes)
		xo.max_bytes = o->max_doc_bytes;
	if (o->max_line)
		xo.max_line = o->max_line;
	char assumed[32] = "";
	bool several = false;
	for (size_t i = 0; i < o->n_inputs; i++) {
		in[i].path = o->inputs[i];
		in[i].name = base_name(o->inputs[i]);
		in[i].is_csv = ends_with_csv(o->inputs[i]);
		if (in[i].is_csv)
			continue;
		ec_series *scratch = ec_series_new();
		if (!scratch) {
			r.oom = true;
			break;
		}
		ec_error_clear(&e);
		if (ec_extract_file(o->inputs[i], &xo, scratch, &in[i].info,
		                    &e)) {
			problem_err(&r, "extract", &e);
			in[i].info.kind = EC_DOC_UNKNOWN;
			ec_series_free(scratch);
			continue;
		}
		ec_series_free(scratch);
		in[i].ok = true;
		const char *c = in[i].info.company;
		if (!c[0] || !in[i].info.rows)
			continue;
		if (!assumed[0])
			snprintf(assumed, sizeof assumed, "%s", c);
		else if (strcmp(assumed, c) != 0)
			several = true;
	}
	if (several || (o->company && *o->company))
		assumed[0] = '\0';
	for (size_t i = 0; i < o->n_inputs; i++) {
		if (in[i].is_csv || !in[i].ok)
			continue;
		ec_extract_opts xi = xo;
		if (!in[i].info.company[0] && assumed[0]) {
			xi.company = assumed;
			in[i].company_assumed = true;
		}
		ec_error_clear(&e);
		size_t before = ec_series_count(docs);
		if (ec_extract_file(o->inputs[i], &xi, docs, &in[i].info, &e)) {
			problem_err(&r, "extract", &e);
			in[i].ok = false;
			continue;
		}
		in[i].rows = ec_series_count(docs) - before;
	}
	for (size_t i = 0; i < o->n_inputs; i++) {
		if (in[i].is_csv || !in[i].ok)
			continue;
		res->documents++;
		res->extracted += in[i].rows;
		if (in[i].rows)
			res->documents_used++;
	}

	/* 2. One store for analysis and charts: the documents first (the
	 * primary evidence), then each series CSV in the order given; a row
	 * that disagrees with a kept one is a conflict, never averaged. */
	ec_error_clear(&e);
	if (ec_series_merge(merged, docs, NULL, &e))
		problem_err(&r, "merge", &e);
	for (size_t i = 0; i < o->n_inputs; i++) {
		if (!in[i].is_csv)
			continue;
		ec_series *one = NULL;
		ec_error_clear(&e);
		if (ec_csv_read_file(o->inputs[i], &o->csv_limits, &one, &e)) {
			problem_err(&r, "read", &e);
			continue;
		}
		in[i].ok = true;
		in[i].rows = ec_series_count(one);
		res->csv_files++;
		ec_error_clear(&e);
		if (ec_series_merge(merged, one, NULL, &e))
			problem_err(&r, "merge", &e);
		ec_series_free(one);
	}
	res->rows = ec_series_count(merged);

	char path[4096];
	if (out_path(&r, "series.csv", path, sizeof path)) {
		ec_error_clear(&e);
		if (ec_csv_write_file(merged, path, &e))
			problem_err(&r, "series.csv", &e);
		else
			written(&r, "series.csv");
	}
	if (out_path(&r, "conflicts.csv", path, sizeof path)) {
		ec_error_clear(&e);
		if (write_conflicts(path, docs, merged, &res->conflicts, &e))
			problem_err(&r, "conflicts.csv", &e);
		else
			written(&r, "conflicts.csv");
	}

	/* 3. Analysis. */
	const char *company =
	        o->company && *o->company ? o->company : main_company(merged);
	write_analysis(&r, merged, company);

	/* 4. Figures and the deck. */
	char title[256];
	ec_period first, last;
	if (span(merged, company, &first, &last)) {
		char a[EC_PERIOD_STRLEN], b[EC_PERIOD_STRLEN];
		snprintf(title, sizeof title, "%s%squarterly results, %s to %s",
		         company, *company ? " " : "",
		         ec_period_format(first, a), ec_period_format(last, b));
	} else {
		snprintf(title, sizeof title, "%s%squarterly results", company,
		         *company ? " " : "");
	}
	if (title[0] >= 'a' && title[0] <= 'z')
		title[0] = (char)(title[0] - 'a' + 'A');
	ec_deck *deck = NULL;
	size_t pages = 0;
	if (out_path(&r, "deck.pdf", path, sizeof path)) {
		ec_error_clear(&e);
		if (ec_deck_open(path, &deck, &e)) {
			problem_err(&r, "deck.pdf", &e);
			deck = NULL;
		}
	}
	if (deck)
		deck_title_page(&r, deck, title, in, o->n_inputs, res->rows,
		                &pages);
	draw_figures(&r, merged, company, figs, deck, &pages);
	if (deck) {
		deck_sources_page(&r, deck, in, o->n_inputs, &pages);
		ec_error_clear(&e);
		if (ec_deck_close(deck, &e)) {
			problem_err(&r, "deck.pdf", &e);
		} else {
			res->deck_pages = pages;
			written(&r, "deck.pdf");
		}
	}

	/* 5. The page that ties it together. */
	if (out_path(&r, "report.html", path, sizeof path)) {
		written(&r, "report.html"); /* listed on the page itself */
		report_ctx c = {
		        .title = title,
		        .company = company,
		        .store = merged,
		        .inputs = in,
		        .n_inputs = o->n_inputs,
		        .figs = figs,
		        .n_figs = N_FIGURES,
		        .n_conflicts = res->conflicts,
		        .problems = res->problems,
		        .n_problems = res->n_problems,
		        .files = res->written,
		        .n_files = res->files,
		};
		ec_error_clear(&e);
		if (report_write_html(path, &c, &e)) {
			problem_err(&r, "report.html", &e);
			free(res->written[--res->files]);
		}
	}

	for (size_t i = 0; i < N_FIGURES; i++)
		free(figs[i].svg);
	free(in);
	ec_series_free(docs);
	ec_series_free(merged);
	if (r.oom) {
		ec_report_result_free(res);
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	}
	*out = res;
	return EC_OK;
}
