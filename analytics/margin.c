/* Margins: derived where income and revenue are stated but the margin is
 * not, checked against stated ones, GAAP vs non-GAAP spread and
 * incremental operating margin. */
#include "an_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The margin metrics and the income each one is a share of revenue of. */
static const struct {
	const char *margin, *income;
} pairs[] = {
        {"operating_margin", "operating_income"},
        {"gross_margin", "gross_profit"},
};
#define N_PAIRS (sizeof pairs / sizeof pairs[0])

static const ec_obs *find_actual(const ec_series *s, const char *company,
                                 ec_period p, const char *metric,
                                 const char *segment, ec_basis b)
{
	ec_key k = {company, p, metric, segment, b, EC_KIND_ACTUAL, NULL};
	const ec_obs *o = ec_series_find(s, &k);
	return o && isfinite(o->value) ? o : NULL;
}

/* Revenue for a margin of basis b: same basis if stated, else GAAP.
 * Only positive revenue in millions. */
static const ec_obs *find_revenue(const ec_series *s, const char *company,
                                  ec_period p, const char *segment, ec_basis b)
{
	const ec_obs *r = find_actual(s, company, p, "revenue", segment, b);
	if (!r && b != EC_BASIS_GAAP)
		r = find_actual(s, company, p, "revenue", segment,
		                EC_BASIS_GAAP);
	if (!r || r->unit != EC_UNIT_USD_M || !(r->value > 0))
		return NULL;
	return r;
}

static bool is_derived(const ec_obs *o)
{
	return o->source_role && strcmp(o->source_role, EC_ROLE_DERIVED) == 0;
}

/* A planned derived row (its strings borrowed from the store). */
typedef struct plan {
	ec_obs o;
	char quote[200];
} plan;

ec_err ec_margins_derive(ec_series *s, size_t *n_added, size_t *n_disagree,
                         ec_error *err)
{
	if (n_added)
		*n_added = 0;
	if (n_disagree)
		*n_disagree = 0;
	size_t total = ec_series_count(s), np = 0;
	plan *pl = calloc(total ? total : 1, sizeof *pl);
	if (!pl)
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	/* Plan first, add after: adding moves the store's rows. */
	for (size_t i = 0; i < total; i++) {
		const ec_obs *inc = ec_series_get(s, i);
		if (inc->kind != EC_KIND_ACTUAL || inc->unit != EC_UNIT_USD_M ||
		    !isfinite(inc->value) || inc->basis == EC_BASIS_NONE)
			continue;
		size_t k;
		for (k = 0; k < N_PAIRS; k++)
			if (strcmp(inc->metric, pairs[k].income) == 0)
				break;
		if (k == N_PAIRS)
			continue;
		ec_key mk = {inc->company, inc->period, pairs[k].margin,
		             inc->segment, inc->basis,  EC_KIND_ACTUAL,
		             NULL};
		if (ec_series_find(s, &mk))
			continue; /* stated (or derived already) */
		const ec_obs *rev = find_revenue(s, inc->company, inc->period,
		                                 inc->segment, inc->basis);
		if (!rev)
			continue;
		/* A doc-keyed store may hold the same income from two
		 * documents: plan one row per key. */
		bool dup = false;
		for (size_t j = 0; j < np && !dup; j++)
			dup = strcmp(pl[j].o.metric, pairs[k].margin) == 0 &&
			      pl[j].o.basis == inc->basis &&
			      ec_period_equal(pl[j].o.period, inc->period) &&
			      strcmp(pl[j].o.company, inc->company) == 0 &&
			      strcmp(pl[j].o.segment, inc->segment) == 0;
		if (dup)
			continue;
		plan *p = &pl[np++];
		p->o = ec_obs_init();
		p->o.company = inc->company;
		p->o.doc = "";
		p->o.period = inc->period;
		p->o.metric = pairs[k].margin;
		p->o.segment = inc->segment;
		p->o.basis = inc->basis;
		p->o.kind = EC_KIND_ACTUAL;
		p->o.unit = EC_UNIT_PCT;
		p->o.value = 100.0 * inc->value / rev->value;
		p->o.source_role = EC_ROLE_DERIVED;
		snprintf(p->quote, sizeof p->quote,
		         "%s %s %.9g / %s revenue %.9g (usd_m)", inc->metric,
		         ec_basis_name(inc->basis), inc->value,
		         ec_basis_name(rev->basis), rev->value);
		p->o.quote = p->quote;
	}
	ec_err rc = EC_OK;
	size_t added = 0;
	for (size_t j = 0; j < np && !rc; j++) {
		rc = ec_series_add(s, &pl[j].o, err);
		if (rc == EC_ECONFLICT)
			rc = EC_OK; /* cannot happen: the key was absent */
		else if (!rc)
			added++;
	}
	free(pl);
	if (rc)
		return rc;
	if (n_added)
		*n_added = added;
	if (n_disagree) {
		ec_margin_diff *d;
		size_t nd;
		if ((rc = ec_margin_disagreements(s, &d, &nd, err)))
			return rc;
		free(d);
		*n_disagree = nd;
	}
	return EC_OK;
}

/* Half a unit in the last decimal written: from the value's text when the
 * row was read from a CSV ("18.0" has one decimal), else from the number
 * itself, with at least min_dec decimals. */
static double half_ulp(const ec_series *s, const ec_obs *o, int min_dec)
{
	int d = -1;
	if (o->cells) {
		for (size_t i = 0;
		     i < ec_series_layout_count(s) && i < o->n_cells; i++) {
			if (strcmp(ec_series_layout_name(s, i), "value") != 0 ||
			    !o->cells[i])
				continue;
			const char *dot = strchr(o->cells[i], '.');
			d = 0;
			if (dot)
				for (const char *p = dot + 1;
				     *p >= '0' && *p <= '9'; p++)
					d++;
		}
	}
	if (d < 0)
		d = ec_an_decimals(o->value);
	if (d < min_dec)
		d = min_dec;
	return 0.5 * pow(10, -d);
}

ec_err ec_margin_disagreements(const ec_series *s, ec_margin_diff **out,
                               size_t *n, ec_error *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0, m = 0;
	ec_margin_diff *v = NULL;
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const ec_obs *st = ec_series_get(s, i);
		if (st->kind != EC_KIND_ACTUAL || is_derived(st) ||
		    st->unit != EC_UNIT_PCT || !isfinite(st->value) ||
		    st->basis == EC_BASIS_NONE)
			continue;
		size_t k;
		for (k = 0; k < N_PAIRS; k++)
			if (strcmp(st->metric, pairs[k].margin) == 0)
				break;
		if (k == N_PAIRS)
			continue;
		const ec_obs *inc =
		        find_actual(s, st->company, st->period, pairs[k].income,
		                    st->segment, st->basis);
		if (!inc || inc->unit != EC_UNIT_USD_M)
			continue;
		const ec_obs *rev = find_revenue(s, st->company, st->period,
		                                 st->segment, st->basis);
		if (!rev)
			continue;
		double d = 100.0 * inc->value / rev->value;
		/* Rounding: the stated margin's last decimal (margins are
		 * stated to a tenth of a point or finer: "18.0" read from
		 * memory as 18 still has one), and the relative rounding of
		 * income and revenue carried into the ratio. */
		double tol = half_ulp(s, st, 1) +
		             fabs(d) * (half_ulp(s, inc, 0) / fabs(inc->value) +
		                        half_ulp(s, rev, 0) / rev->value);
		tol = fmax(tol, 0.051) + 1e-9;
		if (fabs(st->value - d) <= tol)
			continue;
		if (m == cap) {
			size_t nc = cap ? cap * 2 : 8;
			ec_margin_diff *nv = realloc(v, nc * sizeof *nv);
			if (!nv) {
				free(v);
				return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
				                    "out of memory");
			}
			v = nv;
			cap = nc;
		}
		v[m].stated = st;
		v[m].income = inc;
		v[m].revenue = rev;
		v[m].derived = d;
		v[m].diff = st->value - d;
		v[m].tolerance = tol;
		m++;
	}
	*out = v;
	*n = m;
	return EC_OK;
}

/* GAAP revenue and operating income of basis b for one quarter; income
 * implied from margin x revenue when not stated. */
static void op_numbers(const ec_series *s, const char *company, ec_period p,
                       const char *segment, ec_basis b, double *rev,
                       double *inc, bool *implied)
{
	const ec_obs *r = find_revenue(s, company, p, segment, EC_BASIS_GAAP);
	*rev = r ? r->value : NAN;
	*implied = false;
	const ec_obs *i =
	        find_actual(s, company, p, "operating_income", segment, b);
	if (i && i->unit == EC_UNIT_USD_M) {
		*inc = i->value;
		return;
	}
	const ec_obs *mg =
	        find_actual(s, company, p, "operating_margin", segment, b);
	/* A derived margin came from a stated income: already handled. */
	const ec_obs *rb = find_revenue(s, company, p, segment, b);
	if (mg && mg->unit == EC_UNIT_PCT && rb) {
		*inc = mg->value * rb->value / 100.0;
		*implied = true;
		return;
	}
	*inc = NAN;
}

/* 100 * delta income / delta revenue; NAN when revenue moved less than
 * 2 % (the ratio of two small differences of rounded numbers is noise:
 * +-1 % of revenue can swing it by hundreds of points). */
static double incremental(double inc, double rev, double inc0, double rev0)
{
	double dr = rev - rev0;
	if (!isfinite(inc) || !isfinite(rev) || !isfinite(inc0) ||
	    !isfinite(rev0) || fabs(dr) < 0.02 * fabs(rev))
		return NAN;
	return 100.0 * (inc - inc0) / dr;
}

static int int_order(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

ec_err ec_margin_table(const ec_series *s, const char *company,
                       const char *segment, ec_margin_row **out, size_t *n,
                       ec_error *err)
{
	*out = NULL;
	*n = 0;
	if (!company)
		company = "";
	if (!segment || !*segment)
		segment = "total";
	ec_select sel = ec_select_all();
	sel.company = company;
	sel.segment = segment;
	sel.kind = EC_KIND_ACTUAL;
	const ec_obs **rows;
	size_t nr;
	if (ec_series_select(s, &sel, &rows, &nr))
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	int *qs = malloc((nr ? nr : 1) * sizeof *qs);
	if (!qs) {
		free(rows);
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	}
	size_t nq = 0;
	for (size_t i = 0; i < nr; i++) {
		if (!ec_period_is_quarter(rows[i]->period) ||
		    !isfinite(rows[i]->value))
			continue;
		bool margin = false;
		for (size_t k = 0; k < N_PAIRS; k++)
			margin |= strcmp(rows[i]->metric, pairs[k].margin) == 0;
		if (margin && rows[i]->basis != EC_BASIS_NONE)
			qs[nq++] = ec_period_qindex(rows[i]->period);
	}
	free(rows);
	qsort(qs, nq, sizeof *qs, int_order);
	size_t u = 0;
	for (size_t i = 0; i < nq; i++)
		if (!u || qs[u - 1] != qs[i])
			qs[u++] = qs[i];
	if (!u) {
		free(qs);
		return EC_OK;
	}
	ec_margin_row *t = calloc(u, sizeof *t);
	if (!t) {
		free(qs);
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	}
	for (size_t i = 0; i < u; i++) {
		ec_margin_row *r = &t[i];
		ec_period p = ec_period_from_qindex(qs[i]);
		r->period = p;
		const ec_obs *rv =
		        find_revenue(s, company, p, segment, EC_BASIS_GAAP);
		r->revenue = rv ? rv->value : NAN;
		for (int b = 0; b < 2; b++) {
			const ec_obs *om =
			        find_actual(s, company, p, "operating_margin",
			                    segment, (ec_basis)b);
			const ec_obs *gm =
			        find_actual(s, company, p, "gross_margin",
			                    segment, (ec_basis)b);
			r->op_margin[b] =
			        om && om->unit == EC_UNIT_PCT ? om->value : NAN;
			r->op_derived[b] = om && is_derived(om);
			r->gross_margin[b] =
			        gm && gm->unit == EC_UNIT_PCT ? gm->value : NAN;
			r->gross_derived[b] = gm && is_derived(gm);
			double rev, inc, rev1, inc1, rev4, inc4;
			bool imp, imp1, imp4;
			op_numbers(s, company, p, segment, (ec_basis)b, &rev,
			           &inc, &imp);
			op_numbers(s, company, ec_period_add_quarters(p, -1),
			           segment, (ec_basis)b, &rev1, &inc1, &imp1);
			op_numbers(s, company, ec_period_add_quarters(p, -4),
			           segment, (ec_basis)b, &rev4, &inc4, &imp4);
			r->op_income[b] = inc;
			r->op_income_implied[b] = imp;
			r->incr_qoq[b] = incremental(inc, rev, inc1, rev1);
			r->incr_yoy[b] = incremental(inc, rev, inc4, rev4);
		}
		r->op_spread = r->op_margin[1] - r->op_margin[0];
		r->gross_spread = r->gross_margin[1] - r->gross_margin[0];
	}
	free(qs);
	*out = t;
	*n = u;
	return EC_OK;
}
