/* The whole analysis: trend and growth of the selected series, the margin
 * picture and the guidance scorecard, written as a text report, a long
 * CSV or JSON.  CSV and JSON go through one emitter so that they carry
 * the same fields and the same numbers. */
#include "an_internal.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/csvio.h"

typedef struct trend_item {
	const char *company, *metric, *segment; /* owned by the work store */
	ec_basis basis;
	ec_unit unit;
	bool ok;
	char why[512];
	ec_trend trend;
	bool flow;
	ec_growth_row *growth;
	size_t n_growth;
} trend_item;

typedef struct margin_item {
	const char *company, *segment;
	ec_margin_row *rows;
	size_t n;
} margin_item;

struct ec_analysis {
	ec_series *work;
	ec_analyze_opts opts;
	const char *metric, *segment; /* effective trend selection */
	size_t n_input, n_input_conflicts, n_relabeled, n_derived;
	const char **companies;
	size_t n_companies;
	trend_item *trends;
	size_t n_trends;
	bool want_margins;
	margin_item *margins;
	size_t n_margins;
	ec_margin_diff *diffs;
	size_t n_diffs;
	ec_scorecard *sc;
	char metric_buf[128], segment_buf[128], company_buf[128];
};

void ec_analyze_opts_defaults(ec_analyze_opts *o)
{
	memset(o, 0, sizeof *o);
	o->company = NULL;
	o->metric = NULL;
	o->segment = NULL;
	o->basis = -1;
	o->robust = false;
	o->level = 0.95;
}

void ec_analysis_free(ec_analysis *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n_trends; i++)
		free(a->trends[i].growth);
	free(a->trends);
	for (size_t i = 0; i < a->n_margins; i++)
		free(a->margins[i].rows);
	free(a->margins);
	free(a->diffs);
	free(a->companies);
	ec_scorecard_free(a->sc);
	ec_series_free(a->work);
	free(a);
}

size_t ec_analysis_trend_count(const ec_analysis *a)
{
	return a ? a->n_trends : 0;
}

const ec_trend *ec_analysis_trend(const ec_analysis *a, size_t i,
                                  const char **why)
{
	if (!a || i >= a->n_trends)
		return NULL;
	const trend_item *t = &a->trends[i];
	if (why)
		*why = t->ok ? NULL : t->why;
	return t->ok ? &t->trend : NULL;
}

const ec_scorecard *ec_analysis_scorecard(const ec_analysis *a)
{
	return a ? a->sc : NULL;
}

const ec_series *ec_analysis_series(const ec_analysis *a)
{
	return a ? a->work : NULL;
}

static bool is_margin_metric(const char *m)
{
	static const char *const mm[] = {"operating_margin", "gross_margin",
	                                 "operating_income", "gross_profit"};
	for (size_t i = 0; i < sizeof mm / sizeof mm[0]; i++)
		if (strcmp(m, mm[i]) == 0)
			return true;
	return false;
}

/* The working copy: rows without cells; rows with an empty company read
 * as the sole company (a named row of the same key wins). */
static ec_err make_work(ec_analysis *a, const ec_series *s, ec_error *err)
{
	if (!(a->work = ec_series_new()))
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	const char *sole = ec_an_sole_company(s);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ec_series_count(s); i++) {
			ec_obs o = *ec_series_get(s, i);
			bool empty = !o.company || !*o.company;
			if (pass == 0 && empty && sole)
				continue;
			if (pass == 1 && !(empty && sole))
				continue;
			if (pass == 1) {
				o.company = sole;
				a->n_relabeled++;
			}
			o.cells = NULL;
			o.quoted = NULL;
			o.n_cells = 0;
			ec_error e2;
			ec_err rc = ec_series_add(a->work, &o, &e2);
			if (rc && rc != EC_ECONFLICT) {
				if (err)
					*err = e2;
				return rc;
			}
		}
	}
	return EC_OK;
}

typedef struct group {
	const char *company;
	ec_basis basis;
} group;

static int group_order(const void *pa, const void *pb)
{
	const group *a = pa, *b = pb;
	int c = strcmp(a->company, b->company);
	return c ? c : (a->basis > b->basis) - (a->basis < b->basis);
}

static ec_err run_trends(ec_analysis *a, ec_error *err)
{
	ec_select sel = ec_select_all();
	sel.company = a->opts.company;
	sel.metric = a->metric;
	sel.segment = a->segment;
	sel.basis = a->opts.basis;
	sel.kind = EC_KIND_ACTUAL;
	const ec_obs **rows;
	size_t n;
	if (ec_series_select(a->work, &sel, &rows, &n))
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	if (!n)
		return EC_OK;
	group *g = malloc(n * sizeof *g);
	const ec_obs **sub = malloc(n * sizeof *sub);
	a->trends = calloc(n, sizeof *a->trends);
	ec_err rc = EC_OK;
	if (!g || !sub || !a->trends) {
		rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		g[i].company = rows[i]->company;
		g[i].basis = rows[i]->basis;
	}
	qsort(g, n, sizeof *g, group_order);
	size_t ng = 0;
	for (size_t i = 0; i < n; i++)
		if (!ng || group_order(&g[ng - 1], &g[i]))
			g[ng++] = g[i];
	for (size_t k = 0; k < ng; k++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (strcmp(rows[i]->company, g[k].company) == 0 &&
			    rows[i]->basis == g[k].basis)
				sub[m++] = rows[i];
		trend_item *t = &a->trends[a->n_trends++];
		t->company = g[k].company;
		t->metric = sub[0]->metric;
		t->segment = sub[0]->segment;
		t->basis = g[k].basis;
		t->unit = sub[0]->unit;
		t->flow = ec_metric_is_flow(t->metric);
		ec_trend_opts to;
		ec_trend_opts_defaults(&to);
		to.robust = a->opts.robust;
		to.level = a->opts.level;
		to.allow_linear_only = true;
		ec_error e2;
		ec_error_clear(&e2);
		ec_err r = ec_trend_fit(sub, m, &to, &t->trend, &e2);
		if (r == EC_ENOMEM || r == EC_EINVAL) {
			rc = r;
			if (err)
				*err = e2;
			goto done;
		}
		t->ok = r == EC_OK;
		if (!t->ok)
			snprintf(t->why, sizeof t->why, "%s", e2.msg);
		if ((rc = ec_growth_compute(sub, m, t->flow, &t->growth,
		                            &t->n_growth, err)))
			goto done;
	}
done:
	free(rows);
	free(g);
	free(sub);
	return rc;
}

static ec_err run_margins(ec_analysis *a, ec_error *err)
{
	ec_margin_diff *d;
	size_t nd;
	ec_err rc = ec_margin_disagreements(a->work, &d, &nd, err);
	if (rc)
		return rc;
	/* Keep the ones of the selected company. */
	size_t k = 0;
	for (size_t i = 0; i < nd; i++)
		if (!a->opts.company ||
		    strcmp(d[i].stated->company, a->opts.company) == 0)
			d[k++] = d[i];
	a->diffs = d;
	a->n_diffs = k;
	if (!a->n_companies)
		return EC_OK;
	a->margins = calloc(a->n_companies, sizeof *a->margins);
	if (!a->margins)
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	for (size_t i = 0; i < a->n_companies; i++) {
		const char *c = a->companies[i];
		if (a->opts.company && strcmp(c, a->opts.company) != 0)
			continue;
		margin_item *m = &a->margins[a->n_margins];
		m->company = c;
		m->segment = a->segment;
		if ((rc = ec_margin_table(a->work, c, a->segment, &m->rows,
		                          &m->n, err)))
			return rc;
		if (m->n)
			a->n_margins++;
	}
	return EC_OK;
}

ec_err ec_analyze(const ec_series *s, const ec_analyze_opts *opts,
                  ec_analysis **out, ec_error *err)
{
	*out = NULL;
	ec_an_gsl_init();
	ec_analyze_opts def;
	if (!opts) {
		ec_analyze_opts_defaults(&def);
		opts = &def;
	}
	if (!(opts->level > 0 && opts->level < 1))
		return ec_error_set(
		        err, EC_EINVAL, NULL, 0, 0,
		        "confidence level %g is not between 0 and 1",
		        opts->level);
	if (opts->basis < -1 || opts->basis > EC_BASIS_NONE)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "basis %d is not valid", opts->basis);
	ec_analysis *a = calloc(1, sizeof *a);
	if (!a)
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	a->opts = *opts;
	/* Copy the option strings: the analysis outlives the caller's. */
	const char *strs[3] = {opts->metric, opts->segment, opts->company};
	char *bufs[3] = {a->metric_buf, a->segment_buf, a->company_buf};
	for (int i = 0; i < 3; i++) {
		if (strs[i] && strlen(strs[i]) >= sizeof a->metric_buf) {
			ec_analysis_free(a);
			return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
			                    "option value '%.40s...' is too "
			                    "long",
			                    strs[i]);
		}
		if (strs[i])
			snprintf(bufs[i], sizeof a->metric_buf, "%s", strs[i]);
	}
	a->opts.metric = opts->metric ? a->metric_buf : NULL;
	a->opts.segment = opts->segment ? a->segment_buf : NULL;
	a->opts.company = opts->company ? a->company_buf : NULL;
	a->metric = a->opts.metric ? a->opts.metric : "revenue";
	a->segment = a->opts.segment ? a->opts.segment : "total";
	/* Rows as read: derived rows a caller added are not input. */
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		a->n_input += !(o->source_role &&
		                strcmp(o->source_role, EC_ROLE_DERIVED) == 0);
	}
	a->n_input_conflicts = ec_series_conflict_count(s);
	size_t nd = 0;
	ec_err rc = make_work(a, s, err);
	if (!rc)
		rc = ec_margins_derive(a->work, NULL, &nd, err);
	/* Count every derived row, also those the caller derived before. */
	for (size_t i = 0; !rc && i < ec_series_count(a->work); i++) {
		const ec_obs *o = ec_series_get(a->work, i);
		a->n_derived += o->source_role &&
		                strcmp(o->source_role, EC_ROLE_DERIVED) == 0;
	}
	if (!rc && ec_series_distinct(a->work, "company", &a->companies,
	                              &a->n_companies))
		rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	if (!rc)
		rc = run_trends(a, err);
	a->want_margins = !a->opts.metric || is_margin_metric(a->metric);
	if (!rc && a->want_margins)
		rc = run_margins(a, err);
	if (!rc) {
		ec_select sel = ec_select_all();
		sel.company = a->opts.company;
		sel.metric = a->opts.metric;
		sel.segment = a->opts.segment;
		sel.basis = a->opts.basis;
		rc = ec_guidance_score(a->work, &sel, &a->sc, err);
	}
	if (!rc && !a->n_trends && !a->n_margins && !a->n_diffs &&
	    !ec_scorecard_count(a->sc)) {
		char b[32] = "";
		if (a->opts.basis >= 0)
			snprintf(b, sizeof b, " %s",
			         ec_basis_name((ec_basis)a->opts.basis));
		rc = ec_error_set(err, EC_ENODATA, NULL, 0, 0,
		                  "nothing to analyse: no actual or guidance "
		                  "of %s%s%s%s%s (%zu input rows)",
		                  a->opts.company ? a->opts.company : "",
		                  a->opts.company ? " " : "", a->metric,
		                  a->opts.segment ? " " : "",
		                  a->opts.segment ? a->opts.segment : "",
		                  a->n_input);
		(void)b;
	}
	if (rc) {
		ec_analysis_free(a);
		return rc;
	}
	*out = a;
	return EC_OK;
}

/* ---- number formatting ------------------------------------------- */

/* The fewest significant digits (15..17) that read back to v. */
static void fmt_exact(char *buf, size_t n, double v)
{
	for (int p = 15; p <= 17; p++) {
		snprintf(buf, n, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	/* "-0" reads as 0 in every consumer; keep it plain. */
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, n, "0");
}

/* ---- the csv / json emitter --------------------------------------- */

typedef struct em {
	FILE *f;
	ec_report_format fmt;
	int depth;
	bool first[32]; /* json: nothing written yet at this depth */
	bool array[32]; /* json: the container at this depth is an array */
	/* csv context of the rows being written */
	const char *section, *company, *metric, *segment, *basis, *period,
	        *issued;
} em;

static void json_str(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	fputc('"', f);
	while (*p) {
		unsigned c = *p;
		if (c == '"' || c == '\\') {
			fputc('\\', f);
			fputc((int)c, f);
			p++;
		} else if (c < 0x20) {
			switch (c) {
			case '\n':
				fputs("\\n", f);
				break;
			case '\r':
				fputs("\\r", f);
				break;
			case '\t':
				fputs("\\t", f);
				break;
			default:
				fprintf(f, "\\u%04x", c);
				break;
			}
			p++;
		} else if (c < 0x80) {
			fputc((int)c, f);
			p++;
		} else {
			/* Pass valid UTF-8 through; replace anything else so
			 * the output stays valid JSON. */
			int len = c >= 0xf0 && c < 0xf5   ? 4
			          : c >= 0xe0             ? 3
			          : c >= 0xc2 && c < 0xe0 ? 2
			                                  : 0;
			bool ok = len > 0;
			for (int i = 1; ok && i < len; i++)
				ok = (p[i] & 0xc0) == 0x80;
			if (ok && len == 3) {
				/* no overlongs, no surrogates */
				ok = !(c == 0xe0 && p[1] < 0xa0) &&
				     !(c == 0xed && p[1] >= 0xa0);
			} else if (ok && len == 4) {
				ok = !(c == 0xf0 && p[1] < 0x90) &&
				     !(c == 0xf4 && p[1] >= 0x90);
			}
			if (ok) {
				fwrite(p, 1, (size_t)len, f);
				p += len;
			} else {
				fputs("\\ufffd", f);
				p++;
			}
		}
	}
	fputc('"', f);
}

static void json_key(em *e, const char *key)
{
	if (!e->first[e->depth])
		fputc(',', e->f);
	e->first[e->depth] = false;
	fputc('\n', e->f);
	for (int i = 0; i < e->depth; i++)
		fputs("  ", e->f);
	if (key && !e->array[e->depth]) {
		json_str(e->f, key);
		fputs(": ", e->f);
	}
}

static void em_open(em *e, const char *key, char c)
{
	if (e->fmt != EC_REPORT_JSON)
		return;
	if (e->depth > 0)
		json_key(e, key);
	fputc(c, e->f);
	if (e->depth < 31)
		e->depth++;
	e->first[e->depth] = true;
	e->array[e->depth] = c == '[';
}

static void em_close(em *e, char c)
{
	if (e->fmt != EC_REPORT_JSON)
		return;
	bool empty = e->first[e->depth];
	if (e->depth > 0)
		e->depth--;
	if (!empty) {
		fputc('\n', e->f);
		for (int i = 0; i < e->depth; i++)
			fputs("  ", e->f);
	}
	fputc(c, e->f);
}

static void csv_row(em *e, const char *field, const char *value,
                    const char *text)
{
	const char *cells[] = {e->section, e->company, e->metric, e->segment,
	                       e->basis,   e->period,  e->issued, field,
	                       value,      text};
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		if (i)
			fputc(',', e->f);
		ec_csv_put_cell(e->f, cells[i]);
	}
	fputc('\n', e->f);
}

static void em_num(em *e, const char *key, double v)
{
	char buf[40] = "";
	if (isfinite(v))
		fmt_exact(buf, sizeof buf, v);
	if (e->fmt == EC_REPORT_CSV) {
		csv_row(e, key, buf, "");
		return;
	}
	json_key(e, key);
	fputs(isfinite(v) ? buf : "null", e->f);
}

static void em_int(em *e, const char *key, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	if (e->fmt == EC_REPORT_CSV) {
		csv_row(e, key, buf, "");
		return;
	}
	json_key(e, key);
	fputs(buf, e->f);
}

static void em_bool(em *e, const char *key, bool v)
{
	if (e->fmt == EC_REPORT_CSV) {
		csv_row(e, key, "", v ? "true" : "false");
		return;
	}
	json_key(e, key);
	fputs(v ? "true" : "false", e->f);
}

/* A string; NULL is null in JSON and an empty text in CSV. */
static void em_str(em *e, const char *key, const char *s)
{
	if (e->fmt == EC_REPORT_CSV) {
		csv_row(e, key, "", s ? s : "");
		return;
	}
	json_key(e, key);
	if (s)
		json_str(e->f, s);
	else
		fputs("null", e->f);
}

/* ---- json / csv body --------------------------------------------- */

static const char *unit_or_null(ec_unit u) { return ec_unit_name(u); }

static void emit_trend(em *e, const trend_item *t)
{
	char p1[EC_PERIOD_STRLEN], p2[EC_PERIOD_STRLEN], p3[EC_PERIOD_STRLEN];
	const ec_trend *r = &t->trend;
	e->section = "trend";
	e->company = t->company;
	e->metric = t->metric;
	e->segment = t->segment;
	e->basis = ec_basis_name(t->basis);
	e->period = e->issued = "";
	em_open(e, NULL, '{');
	em_str(e, "company", t->company);
	em_str(e, "metric", t->metric);
	em_str(e, "segment", t->segment);
	em_str(e, "basis", ec_basis_name(t->basis));
	em_str(e, "unit", unit_or_null(t->unit));
	em_bool(e, "fitted", t->ok);
	em_str(e, "error", t->ok ? NULL : t->why);
	if (t->ok) {
		em_int(e, "n", (long long)r->n);
		em_str(e, "first", ec_period_format(r->first, p1));
		em_str(e, "last", ec_period_format(r->last, p2));
		em_int(e, "span_quarters",
		       ec_period_qindex(r->last) - ec_period_qindex(r->first) +
		               1);
		em_int(e, "dof", r->dof);
		em_num(e, "level", r->level);
		em_num(e, "t_crit", r->t_crit);
		em_bool(e, "robust", r->robust);
		em_num(e, "lin_a", r->lin_a);
		em_num(e, "lin_b", r->lin_b);
		em_num(e, "lin_se_a", r->lin_se_a);
		em_num(e, "lin_se_b", r->lin_se_b);
		em_num(e, "lin_r2", r->lin_r2);
		em_num(e, "lin_rse", r->lin_rse);
		em_bool(e, "has_log", r->has_log);
		em_str(e, "log_note", r->has_log ? NULL : r->log_note);
		em_num(e, "log_a", r->log_a);
		em_num(e, "log_b", r->log_b);
		em_num(e, "log_se_a", r->log_se_a);
		em_num(e, "log_se_b", r->log_se_b);
		em_num(e, "log_r2", r->log_r2);
		em_num(e, "log_rse", r->log_rse);
		em_num(e, "growth_q", r->g_q);
		em_num(e, "growth_q_lo", r->g_q_lo);
		em_num(e, "growth_q_hi", r->g_q_hi);
		em_num(e, "cagr", r->cagr);
		em_num(e, "cagr_lo", r->cagr_lo);
		em_num(e, "cagr_hi", r->cagr_hi);
		em_str(e, "next", ec_period_format(r->next, p3));
		em_str(e, "next_from", r->next_from_log ? "log" : "linear");
		em_num(e, "next_value", r->next_value);
		em_num(e, "next_lo", r->next_lo);
		em_num(e, "next_hi", r->next_hi);
		if (r->robust) {
			em_num(e, "ols_b", r->ols_b);
			em_num(e, "ols_se_b", r->ols_se_b);
			em_open(e, "outliers", '[');
			for (size_t i = 0; i < r->n_outliers; i++) {
				char p[EC_PERIOD_STRLEN];
				e->period = ec_period_format(r->outliers[i], p);
				em_open(e, NULL, '{');
				em_str(e, "period", p);
				em_num(e, "weight", r->outlier_weight[i]);
				em_close(e, '}');
			}
			e->period = "";
			em_close(e, ']');
		}
	}
	em_bool(e, "flow", t->flow);
	em_open(e, "growth", '[');
	e->section = "growth";
	for (size_t i = 0; i < t->n_growth; i++) {
		const ec_growth_row *g = &t->growth[i];
		char p[EC_PERIOD_STRLEN];
		e->period = ec_period_format(g->period, p);
		em_open(e, NULL, '{');
		em_str(e, "period", p);
		em_num(e, "value", g->value);
		em_num(e, "qoq_abs", g->qoq_abs);
		em_num(e, "qoq_pct", g->qoq_pct);
		em_num(e, "yoy_abs", g->yoy_abs);
		em_num(e, "yoy_pct", g->yoy_pct);
		if (t->flow) {
			em_num(e, "ttm", g->ttm);
			em_num(e, "ttm_yoy_pct", g->ttm_yoy_pct);
		}
		em_close(e, '}');
	}
	e->period = "";
	em_close(e, ']');
	em_close(e, '}');
}

static void emit_margins(em *e, const margin_item *m)
{
	e->section = "margin";
	e->company = m->company;
	e->metric = "";
	e->segment = m->segment;
	e->basis = "";
	e->issued = "";
	em_open(e, NULL, '{');
	e->period = "";
	em_str(e, "company", m->company);
	em_str(e, "segment", m->segment);
	em_open(e, "rows", '[');
	static const char *const bn[2] = {"gaap", "non_gaap"};
	for (size_t i = 0; i < m->n; i++) {
		const ec_margin_row *r = &m->rows[i];
		char p[EC_PERIOD_STRLEN], k[64];
		e->period = ec_period_format(r->period, p);
		em_open(e, NULL, '{');
		em_str(e, "period", p);
		em_num(e, "revenue", r->revenue);
		for (int b = 0; b < 2; b++) {
			snprintf(k, sizeof k, "operating_margin_%s", bn[b]);
			em_num(e, k, r->op_margin[b]);
			snprintf(k, sizeof k, "operating_margin_%s_derived",
			         bn[b]);
			em_bool(e, k, r->op_derived[b]);
		}
		for (int b = 0; b < 2; b++) {
			snprintf(k, sizeof k, "gross_margin_%s", bn[b]);
			em_num(e, k, r->gross_margin[b]);
			snprintf(k, sizeof k, "gross_margin_%s_derived", bn[b]);
			em_bool(e, k, r->gross_derived[b]);
		}
		em_num(e, "operating_margin_spread", r->op_spread);
		em_num(e, "gross_margin_spread", r->gross_spread);
		for (int b = 0; b < 2; b++) {
			snprintf(k, sizeof k, "operating_income_%s", bn[b]);
			em_num(e, k, r->op_income[b]);
			snprintf(k, sizeof k, "operating_income_%s_implied",
			         bn[b]);
			em_bool(e, k, r->op_income_implied[b]);
			snprintf(k, sizeof k, "incremental_margin_qoq_%s",
			         bn[b]);
			em_num(e, k, r->incr_qoq[b]);
			snprintf(k, sizeof k, "incremental_margin_yoy_%s",
			         bn[b]);
			em_num(e, k, r->incr_yoy[b]);
		}
		em_close(e, '}');
	}
	e->period = "";
	em_close(e, ']');
	em_close(e, '}');
}

static void emit_diff(em *e, const ec_margin_diff *d)
{
	char p[EC_PERIOD_STRLEN];
	const ec_obs *s = d->stated;
	e->section = "margin_check";
	e->company = s->company;
	e->metric = s->metric;
	e->segment = s->segment;
	e->basis = ec_basis_name(s->basis);
	e->period = ec_period_format(s->period, p);
	e->issued = "";
	em_open(e, NULL, '{');
	em_str(e, "company", s->company);
	em_str(e, "period", p);
	em_str(e, "metric", s->metric);
	em_str(e, "segment", s->segment);
	em_str(e, "basis", ec_basis_name(s->basis));
	em_num(e, "stated", s->value);
	em_num(e, "income", d->income->value);
	em_num(e, "revenue", d->revenue->value);
	em_num(e, "derived", d->derived);
	em_num(e, "difference", d->diff);
	em_num(e, "tolerance", d->tolerance);
	em_str(e, "doc", s->doc);
	em_int(e, "line", s->line);
	em_close(e, '}');
}

static void emit_guidance_row(em *e, const ec_guidance_row *r)
{
	char p[EC_PERIOD_STRLEN];
	const ec_obs *g = r->guide;
	e->section = "guidance";
	e->company = r->company;
	e->metric = g->metric;
	e->segment = g->segment;
	e->basis = ec_basis_name(g->basis);
	e->period = ec_period_format(g->period, p);
	e->issued = g->issued;
	em_open(e, NULL, '{');
	em_str(e, "company", r->company);
	em_str(e, "period", p);
	em_str(e, "metric", g->metric);
	em_str(e, "segment", g->segment);
	em_str(e, "basis", ec_basis_name(g->basis));
	em_str(e, "unit", ec_unit_name(g->unit));
	em_str(e, "issued", g->issued && *g->issued ? g->issued : NULL);
	em_str(e, "doc", g->doc && *g->doc ? g->doc : NULL);
	em_int(e, "line", g->line);
	em_num(e, "low", r->low);
	em_num(e, "high", r->high);
	em_num(e, "mid", r->mid);
	em_num(e, "actual", r->actual_value);
	em_str(e, "actual_basis",
	       r->actual ? ec_basis_name(r->actual->basis) : NULL);
	em_bool(e, "comparable", r->comparable);
	em_bool(e, "scored", r->comparable && r->actual);
	em_str(e, "why_not", r->why_not);
	em_bool(e, "in_summary", r->in_summary);
	em_str(e, "position",
	       r->comparable && r->actual ? ec_position_name(r->pos) : NULL);
	em_num(e, "surprise_mid", r->surprise_mid);
	em_num(e, "surprise_mid_pct", r->surprise_mid_pct);
	em_num(e, "surprise_top", r->surprise_top);
	em_num(e, "surprise_top_pct", r->surprise_top_pct);
	em_num(e, "pos_in_range", r->pos_in_range);
	em_num(e, "width_pct", r->width_pct);
	em_str(e, "quote", g->quote && *g->quote ? g->quote : NULL);
	em_close(e, '}');
}

static void emit_summary(em *e, const ec_guidance_summary *s)
{
	e->section = "guidance_summary";
	e->company = s->company;
	e->metric = s->metric;
	e->segment = s->segment;
	e->basis = ec_basis_name(s->basis);
	e->period = e->issued = "";
	em_open(e, NULL, '{');
	em_str(e, "company", s->company);
	em_str(e, "metric", s->metric);
	em_str(e, "segment", s->segment);
	em_str(e, "basis", ec_basis_name(s->basis));
	em_str(e, "unit", ec_unit_name(s->unit));
	em_int(e, "n_rows", (long long)s->n_rows);
	em_int(e, "n_no_actual", (long long)s->n_no_actual);
	em_int(e, "n_not_comparable", (long long)s->n_not_comparable);
	em_int(e, "n", (long long)s->n);
	em_num(e, "hit_rate", s->hit_rate);
	em_num(e, "share_above", s->share_above);
	em_num(e, "share_below", s->share_below);
	em_num(e, "mean_mid", s->mean_mid);
	em_num(e, "mean_mid_unit", s->mean_mid_unit);
	em_num(e, "t_mid", s->t_mid);
	em_num(e, "p_mid", s->p_mid);
	em_num(e, "mean_abs_mid", s->mean_abs_mid);
	em_num(e, "median_mid", s->median_mid);
	em_int(e, "n_beats", (long long)s->n_beats);
	em_int(e, "n_ties", (long long)s->n_ties);
	em_num(e, "sign_p", s->sign_p);
	em_int(e, "n_top", (long long)s->n_top);
	em_num(e, "mean_top", s->mean_top);
	em_num(e, "t_top", s->t_top);
	em_num(e, "p_top", s->p_top);
	em_num(e, "mean_abs_top", s->mean_abs_top);
	em_num(e, "median_top", s->median_top);
	em_int(e, "n_beats_top", (long long)s->n_beats_top);
	em_int(e, "n_ties_top", (long long)s->n_ties_top);
	em_num(e, "sign_p_top", s->sign_p_top);
	em_close(e, '}');
}

static void write_machine(const ec_analysis *a, em *e)
{
	if (e->fmt == EC_REPORT_CSV)
		fputs("section,company,metric,segment,basis,period,issued,"
		      "field,value,text\n",
		      e->f);
	e->section = "options";
	e->company = e->metric = e->segment = e->basis = e->period = e->issued =
	        "";
	em_open(e, NULL, '{');
	if (e->fmt == EC_REPORT_JSON) {
		em_str(e, "format", "earnchart-analysis");
		em_int(e, "version", 1);
	}
	em_open(e, "options", '{');
	em_str(e, "company", a->opts.company);
	em_str(e, "metric", a->metric);
	em_str(e, "segment", a->segment);
	em_str(e, "basis",
	       a->opts.basis >= 0 ? ec_basis_name((ec_basis)a->opts.basis)
	                          : NULL);
	em_bool(e, "robust", a->opts.robust);
	em_num(e, "level", a->opts.level);
	em_close(e, '}');
	e->section = "inputs";
	em_open(e, "inputs", '{');
	em_int(e, "rows", (long long)a->n_input);
	em_int(e, "conflicts_set_aside", (long long)a->n_input_conflicts);
	em_int(e, "rows_given_sole_company", (long long)a->n_relabeled);
	em_int(e, "derived_margins", (long long)a->n_derived);
	em_open(e, "companies", '[');
	for (size_t i = 0; i < a->n_companies; i++)
		em_str(e, "company", a->companies[i]);
	em_close(e, ']');
	em_close(e, '}');
	em_open(e, "trends", '[');
	for (size_t i = 0; i < a->n_trends; i++)
		emit_trend(e, &a->trends[i]);
	em_close(e, ']');
	em_open(e, "margins", '[');
	for (size_t i = 0; i < a->n_margins; i++)
		emit_margins(e, &a->margins[i]);
	em_close(e, ']');
	em_open(e, "margin_disagreements", '[');
	for (size_t i = 0; i < a->n_diffs; i++)
		emit_diff(e, &a->diffs[i]);
	em_close(e, ']');
	em_open(e, "guidance", '{');
	em_open(e, "rows", '[');
	for (size_t i = 0; i < ec_scorecard_count(a->sc); i++)
		emit_guidance_row(e, ec_scorecard_row(a->sc, i));
	em_close(e, ']');
	em_open(e, "summaries", '[');
	for (size_t i = 0; i < ec_scorecard_summary_count(a->sc); i++)
		emit_summary(e, ec_scorecard_summary(a->sc, i));
	em_close(e, ']');
	em_close(e, '}');
	em_close(e, '}');
	if (e->fmt == EC_REPORT_JSON)
		fputc('\n', e->f);
}

/* ---- text report -------------------------------------------------- */

#define NA "n/a"

/* 1234567.8 -> "1,234,567.8" with dec decimals. */
static char *fmt_grouped(char *buf, size_t n, double v, int dec)
{
	if (!isfinite(v)) {
		snprintf(buf, n, NA);
		return buf;
	}
	char raw[64];
	snprintf(raw, sizeof raw, "%.*f", dec, fabs(v));
	const char *dot = strchr(raw, '.');
	size_t ilen = dot ? (size_t)(dot - raw) : strlen(raw);
	char out[96];
	size_t k = 0;
	if (v < 0 && strspn(raw, "0.") != strlen(raw))
		out[k++] = '-';
	for (size_t i = 0; i < ilen && k < sizeof out - 2; i++) {
		if (i && (ilen - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = raw[i];
	}
	if (dot)
		for (const char *p = dot; *p && k < sizeof out - 1; p++)
			out[k++] = *p;
	out[k] = '\0';
	snprintf(buf, n, "%s", out);
	return buf;
}

/* A value in its unit: usd_m 1 decimal with thousands, usd 2 decimals,
 * pct 1 decimal with "%", days/count plain. */
static char *fmt_unit(char *buf, size_t n, ec_unit u, double v)
{
	char t[64];
	if (!isfinite(v)) {
		snprintf(buf, n, NA);
		return buf;
	}
	switch (u) {
	case EC_UNIT_USD_M:
		snprintf(buf, n, "%s", fmt_grouped(t, sizeof t, v, 1));
		break;
	case EC_UNIT_USD: {
		/* cents, or the finer precision a midpoint needs (0.315) */
		int d = ec_an_decimals(v);
		snprintf(buf, n, "%.*f", d < 2 ? 2 : d > 4 ? 4 : d, v);
		break;
	}
	case EC_UNIT_PCT:
		snprintf(buf, n, "%.1f%%", v);
		break;
	default:
		snprintf(buf, n, "%s", fmt_grouped(t, sizeof t, v, 1));
		break;
	}
	return buf;
}

/* A percentage with sign: "+4.39%". */
static char *fmt_pct(char *buf, size_t n, double v, int dec)
{
	if (!isfinite(v))
		snprintf(buf, n, NA);
	else
		snprintf(buf, n, "%+.*f%%", dec, v == 0 ? 0.0 : v);
	return buf;
}

static char *fmt_num(char *buf, size_t n, double v, int dec)
{
	if (!isfinite(v))
		snprintf(buf, n, NA);
	else
		snprintf(buf, n, "%.*f", dec, v);
	return buf;
}

static const char *basis_label(ec_basis b)
{
	return b == EC_BASIS_GAAP       ? "GAAP"
	       : b == EC_BASIS_NON_GAAP ? "non-GAAP"
	                                : "no basis";
}

static const char *unit_label(ec_unit u)
{
	switch (u) {
	case EC_UNIT_USD_M:
		return "$ millions";
	case EC_UNIT_USD:
		return "$ per share";
	case EC_UNIT_PCT:
		return "percent";
	case EC_UNIT_DAYS:
		return "days";
	case EC_UNIT_COUNT:
		return "count";
	}
	return "";
}

static void text_trend(FILE *f, const trend_item *t)
{
	char a[64], b[64], c[64], d[64], p1[EC_PERIOD_STRLEN],
	        p2[EC_PERIOD_STRLEN];
	fprintf(f, "\n== Trend: %s%s%s, %s, %s (%s) ==\n", t->company,
	        *t->company ? " " : "", t->metric, t->segment,
	        basis_label(t->basis), unit_label(t->unit));
	if (!t->ok) {
		fprintf(f, "no trend: %s\n", t->why);
	} else {
		const ec_trend *r = &t->trend;
		int span = ec_period_qindex(r->last) -
		           ec_period_qindex(r->first) + 1;
		int lvl = (int)lround(r->level * 100);
		fprintf(f,
		        "quarters          n = %zu, %s to %s (span %d "
		        "quarters, %d missing)\n",
		        r->n, ec_period_format(r->first, p1),
		        ec_period_format(r->last, p2), span, span - (int)r->n);
		if (r->has_log) {
			fprintf(f, "growth / quarter  %s   %d%% CI %s to %s\n",
			        fmt_pct(a, sizeof a, 100 * r->g_q, 2), lvl,
			        fmt_pct(b, sizeof b, 100 * r->g_q_lo, 2),
			        fmt_pct(c, sizeof c, 100 * r->g_q_hi, 2));
			fprintf(f, "CAGR (annual)     %s   %d%% CI %s to %s\n",
			        fmt_pct(a, sizeof a, 100 * r->cagr, 2), lvl,
			        fmt_pct(b, sizeof b, 100 * r->cagr_lo, 2),
			        fmt_pct(c, sizeof c, 100 * r->cagr_hi, 2));
			fprintf(f,
			        "log-linear fit    ln y = %s %c %s t, R^2 = "
			        "%s, RSE = %s (log scale), dof %d\n",
			        fmt_num(a, sizeof a, r->log_a, 4),
			        r->log_b < 0 ? '-' : '+',
			        fmt_num(b, sizeof b, fabs(r->log_b), 5),
			        fmt_num(c, sizeof c, r->log_r2, 4),
			        fmt_num(d, sizeof d, r->log_rse, 4), r->dof);
		} else {
			fprintf(f, "growth            %s\n", r->log_note);
		}
		/* 6 significant digits: the unit may be $M or $/share */
		snprintf(a, sizeof a, "%.6g", r->lin_a);
		snprintf(b, sizeof b, "%.6g", fabs(r->lin_b));
		snprintf(d, sizeof d, "%.6g", r->lin_rse);
		fprintf(f,
		        "linear fit        y = %s %c %s t, R^2 = %s, RSE "
		        "= %s\n",
		        a, r->lin_b < 0 ? '-' : '+', b,
		        fmt_num(c, sizeof c, r->lin_r2, 4), d);
		fprintf(f, "                  (t = quarters since %s)\n",
		        ec_period_format(r->first, p1));
		fprintf(f,
		        "next quarter      %s: %s   %d%% PI %s to %s "
		        "(%s fit)\n",
		        ec_period_format(r->next, p1),
		        fmt_unit(a, sizeof a, t->unit, r->next_value), lvl,
		        fmt_unit(b, sizeof b, t->unit, r->next_lo),
		        fmt_unit(c, sizeof c, t->unit, r->next_hi),
		        r->next_from_log ? "log-linear" : "linear");
		if (r->robust) {
			fprintf(f,
			        "robust (bisquare) slope %s, OLS slope %s "
			        "(%s scale)\n",
			        fmt_num(a, sizeof a,
			                r->has_log ? r->log_b : r->lin_b, 5),
			        fmt_num(b, sizeof b, r->ols_b, 5),
			        r->has_log ? "log" : "linear");
			if (!r->n_outliers) {
				fprintf(f, "down-weighted     none\n");
			} else {
				fprintf(f, "down-weighted    ");
				for (size_t i = 0; i < r->n_outliers; i++)
					fprintf(f, " %s (weight %.2f)%s",
					        ec_period_format(r->outliers[i],
					                         p1),
					        r->outlier_weight[i],
					        i + 1 < r->n_outliers ? ","
					                              : "");
				fputc('\n', f);
			}
		}
	}
	if (!t->n_growth)
		return;
	bool pts = t->unit == EC_UNIT_PCT;
	fprintf(f, "\n%-8s %12s %10s %10s", "period", "value",
	        pts ? "QoQ pts" : "QoQ", pts ? "YoY pts" : "YoY");
	if (t->flow)
		fprintf(f, " %12s %10s", "TTM", "TTM YoY");
	fputc('\n', f);
	for (size_t i = 0; i < t->n_growth; i++) {
		const ec_growth_row *g = &t->growth[i];
		char v[64], q[64], y[64], tt[64], ty[64];
		fmt_unit(v, sizeof v, t->unit, g->value);
		if (pts) {
			fmt_num(q, sizeof q, g->qoq_abs, 1);
			fmt_num(y, sizeof y, g->yoy_abs, 1);
		} else {
			fmt_pct(q, sizeof q, g->qoq_pct, 1);
			fmt_pct(y, sizeof y, g->yoy_pct, 1);
		}
		fprintf(f, "%-8s %12s %10s %10s",
		        ec_period_format(g->period, p1), v, q, y);
		if (t->flow)
			fprintf(f, " %12s %10s",
			        fmt_unit(tt, sizeof tt, t->unit, g->ttm),
			        fmt_pct(ty, sizeof ty, g->ttm_yoy_pct, 1));
		fputc('\n', f);
	}
}

/* "24.1%*" : a margin, starred when derived. */
static char *fmt_margin(char *buf, size_t n, double v, bool derived)
{
	if (!isfinite(v))
		snprintf(buf, n, NA);
	else
		snprintf(buf, n, "%.1f%%%s", v, derived ? "*" : "");
	return buf;
}

static void text_margins(FILE *f, const margin_item *m)
{
	fprintf(f, "\n== Margins: %s%s%s ==\n", m->company,
	        *m->company ? " " : "", m->segment);
	fprintf(f, "%-8s %10s %9s %9s %7s %9s %9s %9s %9s\n", "period",
	        "revenue", "op GAAP", "op nonG", "spread", "gross G",
	        "gross nG", "incr G", "incr nG");
	bool any_implied = false;
	for (size_t i = 0; i < m->n; i++) {
		const ec_margin_row *r = &m->rows[i];
		char p[EC_PERIOD_STRLEN], rv[32], o0[32], o1[32], sp[32],
		        g0[32], g1[32], i0[32], i1[32];
		any_implied |=
		        r->op_income_implied[0] || r->op_income_implied[1];
		fprintf(f, "%-8s %10s %9s %9s %7s %9s %9s %9s %9s\n",
		        ec_period_format(r->period, p),
		        fmt_unit(rv, sizeof rv, EC_UNIT_USD_M, r->revenue),
		        fmt_margin(o0, sizeof o0, r->op_margin[0],
		                   r->op_derived[0]),
		        fmt_margin(o1, sizeof o1, r->op_margin[1],
		                   r->op_derived[1]),
		        fmt_num(sp, sizeof sp, r->op_spread, 1),
		        fmt_margin(g0, sizeof g0, r->gross_margin[0],
		                   r->gross_derived[0]),
		        fmt_margin(g1, sizeof g1, r->gross_margin[1],
		                   r->gross_derived[1]),
		        fmt_margin(i0, sizeof i0, r->incr_yoy[0], false),
		        fmt_margin(i1, sizeof i1, r->incr_yoy[1], false));
	}
	fprintf(f,
	        "* derived: income / revenue (not stated).  spread: "
	        "non-GAAP minus GAAP operating margin, points.\n"
	        "incr: incremental operating margin vs the year-ago "
	        "quarter, delta operating income / delta revenue%s.\n",
	        any_implied ? " (income from margin x revenue where not "
	                      "stated)"
	                    : "");
}

static void text_diffs(FILE *f, const ec_analysis *a)
{
	if (!a->n_diffs) {
		fprintf(f, "\nStated margins agree with income / revenue "
		           "within rounding.\n");
		return;
	}
	fprintf(f, "\n== Stated margins that disagree with income / revenue "
	           "==\n");
	for (size_t i = 0; i < a->n_diffs; i++) {
		const ec_margin_diff *d = &a->diffs[i];
		const ec_obs *s = d->stated;
		char p[EC_PERIOD_STRLEN];
		fprintf(f,
		        "%s %s %s %s %s: stated %.2f%%, %.6g / %.6g = "
		        "%.2f%% (difference %+.2f points, rounding allows "
		        "%.2f)%s%s%s\n",
		        s->company, ec_period_format(s->period, p), s->metric,
		        s->segment, basis_label(s->basis), s->value,
		        d->income->value, d->revenue->value, d->derived,
		        d->diff, d->tolerance, *s->doc ? " [" : "", s->doc,
		        *s->doc ? "]" : "");
	}
}

static void text_summary(FILE *f, const ec_guidance_summary *s)
{
	char x[8][40];
	fprintf(f,
	        "Summary: %zu guided period%s scored (%zu row%s; %zu "
	        "without actual, %zu not comparable)\n",
	        s->n, s->n == 1 ? "" : "s", s->n_rows,
	        s->n_rows == 1 ? "" : "s", s->n_no_actual, s->n_not_comparable);
	if (!s->n)
		return;
	fprintf(f, "  within range %s, above the top %s, below the bottom %s\n",
	        fmt_pct(x[0], 40, 100 * s->hit_rate, 0) + 1,
	        fmt_pct(x[1], 40, 100 * s->share_above, 0) + 1,
	        fmt_pct(x[2], 40, 100 * s->share_below, 0) + 1);
	fprintf(f,
	        "  vs midpoint: mean surprise %s (t = %s, p = %s), mean "
	        "|surprise| %s, median %s\n",
	        fmt_pct(x[0], 40, s->mean_mid, 2),
	        fmt_num(x[1], 40, s->t_mid, 2), fmt_num(x[2], 40, s->p_mid, 4),
	        isfinite(s->mean_abs_mid)
	                ? fmt_pct(x[3], 40, s->mean_abs_mid, 2) + 1
	                : NA,
	        fmt_pct(x[4], 40, s->median_mid, 2));
	fprintf(f,
	        "               above the midpoint in %zu of %zu (sign test "
	        "p = %s)\n",
	        s->n_beats, s->n - s->n_ties, fmt_num(x[0], 40, s->sign_p, 4));
	if (!s->n_top)
		return;
	fprintf(f,
	        "  vs top:      mean surprise %s (t = %s, p = %s), mean "
	        "|surprise| %s, median %s\n",
	        fmt_pct(x[0], 40, s->mean_top, 2),
	        fmt_num(x[1], 40, s->t_top, 2), fmt_num(x[2], 40, s->p_top, 4),
	        isfinite(s->mean_abs_top)
	                ? fmt_pct(x[3], 40, s->mean_abs_top, 2) + 1
	                : NA,
	        fmt_pct(x[4], 40, s->median_top, 2));
	fprintf(f,
	        "               above the top in %zu of %zu (sign test p = "
	        "%s)\n",
	        s->n_beats_top, s->n_top - s->n_ties_top,
	        fmt_num(x[0], 40, s->sign_p_top, 4));
}

static bool same_group(const ec_guidance_row *r, const ec_guidance_summary *s)
{
	return strcmp(r->company, s->company) == 0 &&
	       strcmp(r->guide->metric, s->metric) == 0 &&
	       strcmp(r->guide->segment, s->segment) == 0 &&
	       r->guide->basis == s->basis;
}

static void text_guidance_row(FILE *f, const ec_guidance_row *r)
{
	const ec_obs *g = r->guide;
	ec_unit u = g->unit;
	char p[EC_PERIOD_STRLEN], lo[32], hi[32], rng[72], mid[32], act[32],
	        sm[32], st[32], pr[32], w[32];
	bool hl = isfinite(r->low), hh = isfinite(r->high);
	fmt_unit(lo, sizeof lo, u, r->low);
	fmt_unit(hi, sizeof hi, u, r->high);
	if (hl && hh && r->low == r->high)
		snprintf(rng, sizeof rng, "%s (point)", lo);
	else if (hl && hh)
		snprintf(rng, sizeof rng, "%s-%s", lo, hi);
	else if (hl)
		snprintf(rng, sizeof rng, ">= %s", lo);
	else if (hh)
		snprintf(rng, sizeof rng, "<= %s", hi);
	else
		snprintf(rng, sizeof rng, NA);
	if (isfinite(r->width_pct))
		snprintf(w, sizeof w, "%.1f%%", r->width_pct);
	else
		snprintf(w, sizeof w, NA);
	fprintf(f, "%-7s %-10s %19s %10s %10s %-8s %8s %8s %6s %6s",
	        ec_period_format(g->period, p),
	        g->issued && *g->issued ? g->issued : "undated", rng,
	        fmt_unit(mid, sizeof mid, u, r->mid),
	        fmt_unit(act, sizeof act, u, r->actual_value),
	        r->comparable && r->actual ? ec_position_name(r->pos) : "-",
	        fmt_pct(sm, sizeof sm, r->surprise_mid_pct, 1),
	        fmt_pct(st, sizeof st, r->surprise_top_pct, 1),
	        fmt_num(pr, sizeof pr, r->pos_in_range, 2), w);
	if (!r->in_summary)
		fprintf(f, "  (superseded)");
	if (!r->actual)
		fprintf(f, "  (no actual yet)");
	else if (!r->comparable)
		fprintf(f, "  not comparable: %s",
		        r->why_not ? r->why_not : "");
	fputc('\n', f);
}

static void text_guidance(FILE *f, const ec_analysis *a)
{
	size_t n = ec_scorecard_count(a->sc);
	if (!n) {
		fprintf(f, "\nNo guidance in the selection.\n");
		return;
	}
	fprintf(f, "\n== Guidance scorecard ==\n"
	           "vs mid, vs top: (actual - midpoint) / midpoint and "
	           "(actual - top) / top, in %%;\n"
	           "in rng: (actual - low) / (high - low).  Each guided "
	           "period counts once in the\n"
	           "summary: the latest guidance issued by the period's "
	           "end.\n");
	size_t k = 0; /* next summary: same order as the rows' groups */
	for (size_t i = 0; i < n; i++) {
		const ec_guidance_row *r = ec_scorecard_row(a->sc, i);
		const ec_obs *g = r->guide;
		const ec_guidance_summary *s =
		        k ? ec_scorecard_summary(a->sc, k - 1) : NULL;
		if (!s || !same_group(r, s)) {
			if (s)
				text_summary(f, s);
			k++;
			fprintf(f, "\n%s%s%s, %s, %s (%s)\n", r->company,
			        *r->company ? " " : "", g->metric, g->segment,
			        basis_label(g->basis), unit_label(g->unit));
			fprintf(f,
			        "%-7s %-10s %19s %10s %10s %-8s %8s %8s "
			        "%6s %6s\n",
			        "period", "issued", "guidance", "mid", "actual",
			        "position", "vs mid", "vs top", "in rng",
			        "width");
		}
		text_guidance_row(f, r);
	}
	if (k)
		text_summary(f, ec_scorecard_summary(a->sc, k - 1));
}

static void write_text(const ec_analysis *a, FILE *f)
{
	fprintf(f, "earnchart analysis\n");
	fprintf(f, "inputs: %zu rows", a->n_input);
	if (a->n_companies) {
		fprintf(f, ", compan%s", a->n_companies == 1 ? "y" : "ies");
		for (size_t i = 0; i < a->n_companies; i++)
			fprintf(f, " %s",
			        *a->companies[i] ? a->companies[i] : "(none)");
	}
	fprintf(f,
	        "; %zu conflicting row%s set aside; %zu margin%s "
	        "derived\n",
	        a->n_input_conflicts, a->n_input_conflicts == 1 ? "" : "s",
	        a->n_derived, a->n_derived == 1 ? "" : "s");
	if (a->n_relabeled)
		fprintf(f, "%zu row%s without a company read as %s\n",
		        a->n_relabeled, a->n_relabeled == 1 ? "" : "s",
		        a->companies[a->n_companies - 1]);
	if (!a->n_trends)
		fprintf(f, "\nNo quarterly actuals of %s %s to fit.\n",
		        a->metric, a->segment);
	for (size_t i = 0; i < a->n_trends; i++)
		text_trend(f, &a->trends[i]);
	if (a->want_margins) {
		for (size_t i = 0; i < a->n_margins; i++)
			text_margins(f, &a->margins[i]);
		if (a->n_margins || a->n_diffs)
			text_diffs(f, a);
	}
	text_guidance(f, a);
}

ec_err ec_analysis_write(const ec_analysis *a, FILE *f, ec_report_format fmt,
                         ec_error *err)
{
	if (!a || !f)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "no analysis or no stream");
	if (fmt == EC_REPORT_TEXT) {
		write_text(a, f);
	} else if (fmt == EC_REPORT_CSV || fmt == EC_REPORT_JSON) {
		em e;
		memset(&e, 0, sizeof e);
		e.f = f;
		e.fmt = fmt;
		e.first[0] = true;
		write_machine(a, &e);
	} else {
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "unknown report format %d", (int)fmt);
	}
	if (ferror(f))
		return ec_error_set(err, EC_EIO, NULL, 0, 0, "%s",
		                    strerror(errno ? errno : EIO));
	return EC_OK;
}
