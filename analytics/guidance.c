/* Guidance accuracy: every guidance row joined to the actual of the same
 * company, period, metric, segment and basis; position in the range,
 * surprises vs the midpoint and the top; aggregates with a t test of the
 * mean surprise and a sign test. */
#include "an_internal.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ec_scorecard {
	ec_guidance_row *rows;
	size_t n;
	ec_guidance_summary *sum;
	size_t n_sum;
};

const char *ec_position_name(ec_position p)
{
	switch (p) {
	case EC_POS_BELOW:
		return "below";
	case EC_POS_WITHIN:
		return "within";
	case EC_POS_ABOVE:
		return "above";
	}
	return "within";
}

void ec_scorecard_free(ec_scorecard *sc)
{
	if (!sc)
		return;
	free(sc->rows);
	free(sc->sum);
	free(sc);
}

size_t ec_scorecard_count(const ec_scorecard *sc) { return sc ? sc->n : 0; }

const ec_guidance_row *ec_scorecard_row(const ec_scorecard *sc, size_t i)
{
	return sc && i < sc->n ? &sc->rows[i] : NULL;
}

size_t ec_scorecard_summary_count(const ec_scorecard *sc)
{
	return sc ? sc->n_sum : 0;
}

const ec_guidance_summary *ec_scorecard_summary(const ec_scorecard *sc,
                                                size_t i)
{
	return sc && i < sc->n_sum ? &sc->sum[i] : NULL;
}

static const ec_obs *find_actual(const ec_series *s, const char *company,
                                 const ec_obs *g, ec_basis b)
{
	ec_key k = {company, g->period,      g->metric, g->segment,
	            b,       EC_KIND_ACTUAL, NULL};
	const ec_obs *o = ec_series_find(s, &k);
	return o && isfinite(o->value) ? o : NULL;
}

static const char *const other_basis_text[] = {
        [EC_BASIS_GAAP] = "actual stated only on the GAAP basis",
        [EC_BASIS_NON_GAAP] = "actual stated only on the non-GAAP basis",
        [EC_BASIS_NONE] = "actual stated only without a basis",
};

static bool scored(const ec_guidance_row *r)
{
	return r->comparable && r->actual;
}

/* Joins and scores one guide. */
static void score_one(const ec_series *s, const char *sole, const ec_obs *g,
                      ec_guidance_row *r)
{
	memset(r, 0, sizeof *r);
	r->guide = g;
	r->comparable = true;
	r->low = g->low;
	r->high = g->high;
	r->actual_value = r->surprise_mid_pct = r->surprise_top_pct = NAN;
	r->pos_in_range = r->width_pct = r->surprise_mid = NAN;
	r->surprise_top = NAN;
	r->pos = EC_POS_WITHIN;
	/* Companies to try: the row's own, then the other spelling of the
	 * sole company (empty <-> the one ticker). */
	const char *gc = g->company ? g->company : "";
	const char *cands[2] = {gc, NULL};
	if (sole && !*gc)
		cands[1] = sole;
	else if (sole && strcmp(gc, sole) == 0)
		cands[1] = "";
	r->company = !*gc && sole ? sole : gc;

	if (isnan(r->low) && isnan(r->high)) {
		if (isfinite(g->value)) {
			r->low = r->high = g->value; /* point forecast */
		} else {
			r->comparable = false;
			r->why_not = "guidance without a number";
			return;
		}
	}
	if (isfinite(r->low) && isfinite(r->high) && r->low > r->high) {
		double x = r->low;
		r->low = r->high;
		r->high = x;
	}
	bool lo = isfinite(r->low), hi = isfinite(r->high);
	r->mid = lo && hi ? (r->low + r->high) / 2 : lo ? r->low : r->high;
	if (lo && hi && r->mid != 0)
		r->width_pct = (r->high - r->low) / fabs(r->mid) * 100.0;

	const ec_obs *a = NULL;
	for (int i = 0; i < 2 && !a; i++)
		if (cands[i] && (a = find_actual(s, cands[i], g, g->basis)))
			r->company = cands[i][0] ? cands[i] : r->company;
	if (!a) {
		/* Same key on another basis: shown, never scored. */
		for (int b = 0; b < 3 && !a; b++) {
			if (b == (int)g->basis)
				continue;
			for (int i = 0; i < 2 && !a; i++)
				if (cands[i])
					a = find_actual(s, cands[i], g,
					                (ec_basis)b);
			if (a) {
				r->comparable = false;
				r->why_not = other_basis_text[b];
				r->actual = a;
				r->actual_value = a->value;
			}
		}
		if (!a)
			r->why_not = "no actual for this period";
		return;
	}
	r->actual = a;
	r->actual_value = a->value;
	if (a->unit != g->unit) {
		r->comparable = false;
		r->why_not = "actual stated in another unit";
		return;
	}
	double A = a->value;
	/* Bounds are compared exactly, with room only for binary
	 * representation noise in computed values. */
	double eps = 1e-9 * fmax(1.0, fmax(lo ? fabs(r->low) : 0,
	                                   hi ? fabs(r->high) : 0));
	if (lo && A < r->low - eps)
		r->pos = EC_POS_BELOW;
	else if (hi && A > r->high + eps)
		r->pos = EC_POS_ABOVE;
	else
		r->pos = EC_POS_WITHIN;
	r->surprise_mid = A - r->mid;
	if (r->mid != 0)
		r->surprise_mid_pct = (A - r->mid) / fabs(r->mid) * 100.0;
	if (hi) {
		r->surprise_top = A - r->high;
		if (r->high != 0)
			r->surprise_top_pct =
			        (A - r->high) / fabs(r->high) * 100.0;
	}
	if (lo && hi && r->high > r->low)
		r->pos_in_range = (A - r->low) / (r->high - r->low);
}

static int str_cmp(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* Group key order: company, metric, segment, basis. */
static int group_cmp(const ec_guidance_row *a, const ec_guidance_row *b)
{
	int c;
	if ((c = str_cmp(a->company, b->company)))
		return c;
	if ((c = str_cmp(a->guide->metric, b->guide->metric)))
		return c;
	if ((c = str_cmp(a->guide->segment, b->guide->segment)))
		return c;
	return (a->guide->basis > b->guide->basis) -
	       (a->guide->basis < b->guide->basis);
}

static int row_cmp(const void *pa, const void *pb)
{
	const ec_guidance_row *a = pa, *b = pb;
	int c = group_cmp(a, b);
	if (c)
		return c;
	if ((c = ec_period_cmp(a->guide->period, b->guide->period)))
		return c;
	if ((c = str_cmp(a->guide->issued, b->guide->issued)))
		return c;
	/* The store keeps one row per key and issue date; the rest is
	 * document order for doc-keyed stores. */
	if ((c = str_cmp(a->guide->doc, b->guide->doc)))
		return c;
	return (a->guide->line > b->guide->line) -
	       (a->guide->line < b->guide->line);
}

/* "YYYY-MM-31": an upper bound (as text) of the dates in the month the
 * period ends.  Fiscal labels are read as calendar months. */
static void period_end(ec_period p, char *buf, size_t n)
{
	int month = 12;
	switch (p.type) {
	case EC_PERIOD_QUARTER:
		month = 3 * p.n;
		break;
	case EC_PERIOD_HALF:
		month = 6 * p.n;
		break;
	case EC_PERIOD_MONTHS:
		month = p.n;
		break;
	case EC_PERIOD_YEAR:
		month = 12;
		break;
	}
	snprintf(buf, n, "%04d-%02d-31", p.year, month);
}

/* Marks in_summary on rows[i..j) (one guided period, sorted by issued). */
static void pick_summary_row(ec_guidance_row *rows, size_t i, size_t j)
{
	char end[16];
	period_end(rows[i].guide->period, end, sizeof end);
	size_t pick = j - 1; /* if all were issued after the end: latest */
	for (size_t k = j; k-- > i;) {
		const char *is =
		        rows[k].guide->issued ? rows[k].guide->issued : "";
		if (!*is || strcmp(is, end) <= 0) {
			pick = k;
			break;
		}
	}
	rows[pick].in_summary = true;
}

static int dbl_cmp(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

/* Mean, t statistic and two-sided p of H0: mean = 0, mean |x|, median of
 * x[0..n) (x is sorted in place). */
static void describe(double *x, size_t n, double *mean, double *t, double *p,
                     double *mean_abs, double *median)
{
	*mean = *t = *p = *mean_abs = *median = NAN;
	if (!n)
		return;
	double m = 0, ma = 0;
	for (size_t i = 0; i < n; i++) {
		m += (x[i] - m) / (double)(i + 1);
		ma += (fabs(x[i]) - ma) / (double)(i + 1);
	}
	*mean = m;
	*mean_abs = ma;
	qsort(x, n, sizeof *x, dbl_cmp);
	*median = n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
	if (n < 2)
		return;
	double ss = 0;
	for (size_t i = 0; i < n; i++)
		ss += (x[i] - m) * (x[i] - m);
	double sd = sqrt(ss / (double)(n - 1));
	if (!(sd > 0))
		return;
	*t = m / (sd / sqrt((double)n));
	*p = 2.0 * gsl_cdf_tdist_Q(fabs(*t), (double)(n - 1));
	if (*p > 1)
		*p = 1;
}

/* P(X >= k) for X ~ Binomial(n, 1/2); NAN when n is 0. */
static double sign_p(size_t k, size_t n)
{
	if (!n)
		return NAN;
	if (!k)
		return 1.0;
	if (k > n)
		return 0.0;
	return gsl_cdf_binomial_Q((unsigned)(k - 1), 0.5, (unsigned)n);
}

static void summarize(const ec_guidance_row *rows, size_t n,
                      ec_guidance_summary *g, double *buf)
{
	memset(g, 0, sizeof *g);
	g->company = rows[0].company;
	g->metric = rows[0].guide->metric;
	g->segment = rows[0].guide->segment;
	g->basis = rows[0].guide->basis;
	g->unit = rows[0].guide->unit;
	g->n_rows = n;
	size_t within = 0, above = 0, below = 0;
	double sum_mid_unit = 0;
	for (size_t i = 0; i < n; i++) {
		const ec_guidance_row *r = &rows[i];
		if (!r->actual)
			g->n_no_actual++;
		else if (!r->comparable)
			g->n_not_comparable++;
		if (!r->in_summary || !scored(r))
			continue;
		buf[g->n] = r->surprise_mid_pct;
		sum_mid_unit += r->surprise_mid;
		g->n++;
		within += r->pos == EC_POS_WITHIN;
		above += r->pos == EC_POS_ABOVE;
		below += r->pos == EC_POS_BELOW;
		if (r->actual_value > r->mid)
			g->n_beats++;
		else if (r->actual_value == r->mid)
			g->n_ties++;
	}
	if (!g->n) {
		g->hit_rate = g->share_above = g->share_below = NAN;
		g->mean_mid = g->t_mid = g->p_mid = g->mean_abs_mid = NAN;
		g->median_mid = g->mean_top = g->t_top = g->p_top = NAN;
		g->mean_abs_top = g->median_top = g->sign_p = NAN;
		g->sign_p_top = g->mean_mid_unit = NAN;
		return;
	}
	g->hit_rate = (double)within / (double)g->n;
	g->share_above = (double)above / (double)g->n;
	g->share_below = (double)below / (double)g->n;
	g->mean_mid_unit = sum_mid_unit / (double)g->n;
	/* Surprise pct is NAN when the midpoint is 0: leave those out. */
	size_t k = 0;
	for (size_t i = 0; i < g->n; i++)
		if (isfinite(buf[i]))
			buf[k++] = buf[i];
	describe(buf, k, &g->mean_mid, &g->t_mid, &g->p_mid, &g->mean_abs_mid,
	         &g->median_mid);
	g->sign_p = sign_p(g->n_beats, g->n - g->n_ties);
	k = 0;
	for (size_t i = 0; i < n; i++) {
		const ec_guidance_row *r = &rows[i];
		if (!r->in_summary || !scored(r) || !isfinite(r->high))
			continue;
		g->n_top++;
		if (r->actual_value > r->high)
			g->n_beats_top++;
		else if (r->actual_value == r->high)
			g->n_ties_top++;
		if (isfinite(r->surprise_top_pct))
			buf[k++] = r->surprise_top_pct;
	}
	describe(buf, k, &g->mean_top, &g->t_top, &g->p_top, &g->mean_abs_top,
	         &g->median_top);
	g->sign_p_top = sign_p(g->n_beats_top, g->n_top - g->n_ties_top);
}

ec_err ec_guidance_score(const ec_series *s, const ec_select *sel,
                         ec_scorecard **out, ec_error *err)
{
	*out = NULL;
	ec_an_gsl_init();
	ec_select q = sel ? *sel : ec_select_all();
	q.kind = EC_KIND_GUIDANCE;
	const ec_obs **g;
	size_t n;
	if (ec_series_select(s, &q, &g, &n))
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	ec_scorecard *sc = calloc(1, sizeof *sc);
	ec_guidance_row *rows = calloc(n ? n : 1, sizeof *rows);
	ec_guidance_summary *sum = calloc(n ? n : 1, sizeof *sum);
	double *buf = malloc((n ? n : 1) * sizeof *buf);
	if (!sc || !rows || !sum || !buf) {
		free(g);
		free(sc);
		free(rows);
		free(sum);
		free(buf);
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	}
	const char *sole = ec_an_sole_company(s);
	for (size_t i = 0; i < n; i++)
		score_one(s, sole, g[i], &rows[i]);
	free(g);
	qsort(rows, n, sizeof *rows, row_cmp);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && group_cmp(&rows[i], &rows[j]) == 0 &&
		       ec_period_equal(rows[i].guide->period,
		                       rows[j].guide->period))
			j++;
		pick_summary_row(rows, i, j);
		i = j;
	}
	size_t ns = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && group_cmp(&rows[i], &rows[j]) == 0)
			j++;
		summarize(&rows[i], j - i, &sum[ns++], buf);
		i = j;
	}
	free(buf);
	sc->rows = rows;
	sc->n = n;
	sc->sum = sum;
	sc->n_sum = ns;
	*out = sc;
	return EC_OK;
}
