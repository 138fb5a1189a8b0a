/* Guidance accuracy: five hand-checked cases (range above / within /
 * below, point, one-sided), aggregates, sign test, not-comparable bases,
 * the empty-company join and re-guided periods. */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/analyze.h"
#include "testlib.h"

static void add(ec_series *s, const char *company, const char *metric,
                ec_basis b, ec_kind k, int y, int q, double v, double lo,
                double hi, ec_unit u, const char *issued)
{
	ec_obs o = ec_obs_init();
	o.company = company;
	o.metric = metric;
	o.basis = b;
	o.kind = k;
	o.period = ec_period_quarter(y, q);
	o.value = v;
	o.low = lo;
	o.high = hi;
	o.unit = u;
	o.issued = issued;
	ec_error err;
	if (ec_series_add(s, &o, &err) != EC_OK)
		CHECK(false, "add %s %d Q%d: %s", metric, y, q, err.msg);
}

#define ACT(s, m, b, y, q, v, u) \
	add(s, "JNPR", m, b, EC_KIND_ACTUAL, y, q, v, NAN, NAN, u, "")
#define GUIDE(s, c, m, b, y, q, v, lo, hi, u, is) \
	add(s, c, m, b, EC_KIND_GUIDANCE, y, q, v, lo, hi, u, is)

static const ec_guidance_row *row_for(const ec_scorecard *sc, const char *m,
                                      int y, int q)
{
	for (size_t i = 0; i < ec_scorecard_count(sc); i++) {
		const ec_guidance_row *r = ec_scorecard_row(sc, i);
		if (strcmp(r->guide->metric, m) == 0 &&
		    ec_period_equal(r->guide->period, ec_period_quarter(y, q)))
			return r;
	}
	return NULL;
}

/* Sample mean and standard deviation, long double, independent of the
 * library's code. */
static void mean_sd(const double *x, int n, double *mean, double *sd)
{
	long double m = 0, ss = 0;
	for (int i = 0; i < n; i++)
		m += x[i];
	m /= n;
	for (int i = 0; i < n; i++)
		ss += (x[i] - m) * (x[i] - m);
	*mean = (double)m;
	*sd = (double)sqrtl(ss / (n - 1));
}

static void test_five(void)
{
	ec_series *s = ec_series_new();
	const ec_basis G = EC_BASIS_GAAP;
	const ec_unit M = EC_UNIT_USD_M;
	/* 1. 2010Q4 guided 1,100-1,140, actual 1,190.0: mid 1,120, above;
	 *    vs mid (1190 - 1120) / 1120 = +6.25 %; vs top (1190 - 1140) /
	 *    1140 = +4.386 %; in range (1190 - 1100) / 40 = 2.25; width
	 *    40 / 1120 = 3.571 %. */
	GUIDE(s, "JNPR", "revenue", G, 2010, 4, 1120, 1100, 1140, M,
	      "2010-10-19");
	ACT(s, "revenue", G, 2010, 4, 1190.0, M);
	/* 2. 2008Q4 guided 921-971, actual 923.5: mid 946, within; vs mid
	 *    -22.5 / 946 = -2.378 %; vs top -47.5 / 971 = -4.892 %; in
	 *    range 2.5 / 50 = 0.05. */
	GUIDE(s, "JNPR", "revenue", G, 2008, 4, 946, 921, 971, M, "2008-10-16");
	ACT(s, "revenue", G, 2008, 4, 923.5, M);
	/* 3. 2009Q1 guided 800-830, actual 764.1: mid 815, below; vs mid
	 *    -50.9 / 815 = -6.245 %; vs top -65.9 / 830 = -7.940 %; in
	 *    range -35.9 / 30 = -1.197. */
	GUIDE(s, "JNPR", "revenue", G, 2009, 1, 815, 800, 830, M, "2009-01-29");
	ACT(s, "revenue", G, 2009, 1, 764.1, M);
	/* 4. 2010Q1 point guide 900 (value only), actual 912.6: low = high
	 *    = mid = 900, above; vs mid = vs top = 12.6 / 900 = +1.4 %; no
	 *    position in range (H = L); width 0. */
	GUIDE(s, "JNPR", "revenue", G, 2010, 1, 900, NAN, NAN, M, "2010-01-28");
	ACT(s, "revenue", G, 2010, 1, 912.6, M);
	/* 5. 2010Q2 one-sided "1,000 or higher", actual 978.3: below; mid =
	 *    the bound 1,000; vs mid -21.7 / 1000 = -2.17 %; no top. */
	GUIDE(s, "JNPR", "revenue", G, 2010, 2, NAN, 1000, NAN, M,
	      "2010-04-20");
	ACT(s, "revenue", G, 2010, 2, 978.3, M);

	ec_scorecard *sc;
	ec_error err;
	CHECK(ec_guidance_score(s, NULL, &sc, &err) == EC_OK, "five: scored");
	CHECK(ec_scorecard_count(sc) == 5, "five: 5 rows (got %zu)",
	      ec_scorecard_count(sc));
	const ec_guidance_row *r = row_for(sc, "revenue", 2010, 4);
	CHECK(r && r->pos == EC_POS_ABOVE, "case 1: above");
	CHECK_STR(r ? ec_position_name(r->pos) : "", "above", "case 1: name");
	CHECK_REL(r ? r->mid : NAN, 1120, 1e-12, "case 1: mid");
	CHECK_REL(r ? r->surprise_mid_pct : NAN, 6.25, 1e-12, "case 1: vs mid");
	CHECK_REL(r ? r->surprise_top_pct : NAN, 50.0 / 1140 * 100, 1e-12,
	          "case 1: vs top");
	CHECK(r && fabs(r->surprise_top_pct - 4.4) < 0.05,
	      "case 1: 4.4 %% above the top");
	CHECK_REL(r ? r->pos_in_range : NAN, 2.25, 1e-12, "case 1: in range");
	CHECK_REL(r ? r->width_pct : NAN, 40.0 / 1120 * 100, 1e-12,
	          "case 1: width");
	CHECK_REL(r ? r->surprise_top : NAN, 50, 1e-12, "case 1: +$50M vs top");

	r = row_for(sc, "revenue", 2008, 4);
	CHECK(r && r->pos == EC_POS_WITHIN, "case 2: within");
	CHECK_REL(r ? r->surprise_mid_pct : NAN, -22.5 / 946 * 100, 1e-12,
	          "case 2: vs mid");
	CHECK_REL(r ? r->surprise_top_pct : NAN, -47.5 / 971 * 100, 1e-12,
	          "case 2: vs top");
	CHECK_REL(r ? r->pos_in_range : NAN, 0.05, 1e-9, "case 2: in range");

	r = row_for(sc, "revenue", 2009, 1);
	CHECK(r && r->pos == EC_POS_BELOW, "case 3: below");
	CHECK_REL(r ? r->surprise_mid_pct : NAN, -50.9 / 815 * 100, 1e-12,
	          "case 3: vs mid");
	CHECK_REL(r ? r->pos_in_range : NAN, -35.9 / 30, 1e-9,
	          "case 3: in range");

	r = row_for(sc, "revenue", 2010, 1);
	CHECK(r && r->pos == EC_POS_ABOVE && r->low == 900 && r->high == 900,
	      "case 4: point guide, above");
	CHECK_REL(r ? r->surprise_mid_pct : NAN, 1.4, 1e-9, "case 4: vs mid");
	CHECK_REL(r ? r->surprise_top_pct : NAN, 1.4, 1e-9, "case 4: vs top");
	CHECK(r && isnan(r->pos_in_range) && r->width_pct == 0,
	      "case 4: no position in range, width 0");

	r = row_for(sc, "revenue", 2010, 2);
	CHECK(r && r->pos == EC_POS_BELOW && isnan(r->high),
	      "case 5: one-sided, below");
	CHECK_REL(r ? r->mid : NAN, 1000, 1e-12, "case 5: mid is the bound");
	CHECK_REL(r ? r->surprise_mid_pct : NAN, -2.17, 1e-9, "case 5: vs mid");
	CHECK(r && isnan(r->surprise_top_pct) && isnan(r->width_pct),
	      "case 5: no top, no width");

	CHECK(ec_scorecard_summary_count(sc) == 1, "summary: one group");
	const ec_guidance_summary *g = ec_scorecard_summary(sc, 0);
	CHECK(g && g->n == 5, "summary: n = 5");
	/* within 1 of 5, above 2 (cases 1, 4), below 2 (cases 3, 5). */
	CHECK_REL(g ? g->hit_rate : NAN, 0.2, 1e-12, "summary: hit rate 1/5");
	CHECK_REL(g ? g->share_above : NAN, 0.4, 1e-12, "summary: above 2/5");
	CHECK_REL(g ? g->share_below : NAN, 0.4, 1e-12, "summary: below 2/5");
	double mid[5] = {6.25, -22.5 / 946 * 100, -50.9 / 815 * 100, 1.4,
	                 -2.17};
	double m, sd;
	mean_sd(mid, 5, &m, &sd);
	CHECK_REL(g ? g->mean_mid : NAN, m, 1e-12, "summary: mean surprise");
	double t = m / (sd / sqrt(5));
	CHECK_REL(g ? g->t_mid : NAN, t, 1e-10, "summary: t statistic");
	CHECK_REL(g ? g->p_mid : NAN, 2 * gsl_cdf_tdist_Q(fabs(t), 4), 1e-10,
	          "summary: two-sided p");
	double ma =
	        (6.25 + 22.5 / 946 * 100 + 50.9 / 815 * 100 + 1.4 + 2.17) / 5;
	CHECK_REL(g ? g->mean_abs_mid : NAN, ma, 1e-12,
	          "summary: mean |surprise|");
	/* sorted: -6.245, -2.378, -2.17, 1.4, 6.25 -> median -2.17 */
	CHECK_REL(g ? g->median_mid : NAN, -2.17, 1e-12, "summary: median");
	/* beats of the midpoint: cases 1 and 4 -> P(X >= 2), X ~ Bin(5,
	 * 1/2) = 1 - (1 + 5) / 32 = 0.8125 */
	CHECK(g && g->n_beats == 2, "summary: 2 beats");
	CHECK_REL(g ? g->sign_p : NAN, 0.8125, 1e-12, "summary: sign test p");
	/* vs top: cases 1-4 have a top; surprises +4.386, -4.892, -7.940,
	 * +1.4; beats 2 of 4 -> P(X >= 2 | Bin(4)) = 1 - 5/16 = 0.6875 */
	CHECK(g && g->n_top == 4, "summary: 4 rows with a top");
	double top[4] = {50.0 / 1140 * 100, -47.5 / 971 * 100,
	                 -65.9 / 830 * 100, 1.4};
	mean_sd(top, 4, &m, &sd);
	CHECK_REL(g ? g->mean_top : NAN, m, 1e-12, "summary: mean vs top");
	CHECK_REL(g ? g->t_top : NAN, m / (sd / 2), 1e-10, "summary: t vs top");
	CHECK(g && g->n_beats_top == 2, "summary: 2 above the top");
	CHECK_REL(g ? g->sign_p_top : NAN, 0.6875, 1e-12,
	          "summary: sign test vs top");
	ec_scorecard_free(sc);
	ec_series_free(s);
}

static void test_not_comparable(void)
{
	ec_series *s = ec_series_new();
	/* non-GAAP EPS guided 0.30-0.32 for 2010Q4; only GAAP EPS 0.35 is
	 * known: never scored against each other. */
	GUIDE(s, "JNPR", "eps_diluted", EC_BASIS_NON_GAAP, 2010, 4, 0.31, 0.30,
	      0.32, EC_UNIT_USD, "2010-10-19");
	ACT(s, "eps_diluted", EC_BASIS_GAAP, 2010, 4, 0.35, EC_UNIT_USD);
	/* 2013Q4 revenue guided, no actual. */
	GUIDE(s, "JNPR", "revenue", EC_BASIS_GAAP, 2013, 4, 1215, 1200, 1230,
	      EC_UNIT_USD_M, "2013-10-22");
	ec_scorecard *sc;
	ec_error err;
	CHECK(ec_guidance_score(s, NULL, &sc, &err) == EC_OK, "basis: scored");
	const ec_guidance_row *r = row_for(sc, "eps_diluted", 2010, 4);
	CHECK(r && !r->comparable,
	      "basis: GAAP actual vs non-GAAP guide not comparable");
	CHECK(r && r->why_not && strstr(r->why_not, "GAAP"),
	      "basis: says why: %s", r && r->why_not ? r->why_not : "");
	CHECK(r && isnan(r->surprise_mid_pct), "basis: no surprise computed");
	r = row_for(sc, "revenue", 2013, 4);
	CHECK(r && !r->actual && r->why_not, "basis: no actual listed");
	for (size_t i = 0; i < ec_scorecard_summary_count(sc); i++) {
		const ec_guidance_summary *g = ec_scorecard_summary(sc, i);
		CHECK(g->n == 0 && isnan(g->hit_rate),
		      "basis: summary %s scores nothing", g->metric);
	}
	ec_scorecard_free(sc);
	ec_series_free(s);
}

static void test_company_join(void)
{
	ec_series *s = ec_series_new();
	/* A transcript guide without a ticker joins the only company. */
	GUIDE(s, "", "revenue", EC_BASIS_GAAP, 2011, 2, 1155, 1130, 1180,
	      EC_UNIT_USD_M, "2011-04-19");
	ACT(s, "revenue", EC_BASIS_GAAP, 2011, 2, 1120.5, EC_UNIT_USD_M);
	ec_scorecard *sc;
	ec_error err;
	CHECK(ec_guidance_score(s, NULL, &sc, &err) == EC_OK, "join: scored");
	const ec_guidance_row *r = row_for(sc, "revenue", 2011, 2);
	CHECK(r && r->actual && r->pos == EC_POS_BELOW,
	      "join: empty company joined to JNPR, below");
	CHECK_STR(r ? r->company : "", "JNPR", "join: scored for JNPR");
	ec_scorecard_free(sc);

	/* With a second company the empty one is ambiguous: no join. */
	add(s, "OTHR", "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL, 2011, 2, 50,
	    NAN, NAN, EC_UNIT_USD_M, "");
	CHECK(ec_guidance_score(s, NULL, &sc, &err) == EC_OK,
	      "join: two companies");
	r = row_for(sc, "revenue", 2011, 2);
	CHECK(r && !r->actual, "join: ambiguous empty company not joined");
	ec_scorecard_free(sc);
	ec_series_free(s);
}

static void test_reguided(void)
{
	ec_series *s = ec_series_new();
	/* 2010Q4 guided in July, re-guided in October, restated after the
	 * quarter ended in January: three rows scored, October counted. */
	GUIDE(s, "JNPR", "revenue", EC_BASIS_GAAP, 2010, 4, 1050, 1000, 1100,
	      EC_UNIT_USD_M, "2010-07-20");
	GUIDE(s, "JNPR", "revenue", EC_BASIS_GAAP, 2010, 4, 1120, 1100, 1140,
	      EC_UNIT_USD_M, "2010-10-19");
	GUIDE(s, "JNPR", "revenue", EC_BASIS_GAAP, 2010, 4, 1190, 1180, 1200,
	      EC_UNIT_USD_M, "2011-01-25");
	ACT(s, "revenue", EC_BASIS_GAAP, 2010, 4, 1190.0, EC_UNIT_USD_M);
	ec_scorecard *sc;
	ec_error err;
	CHECK(ec_guidance_score(s, NULL, &sc, &err) == EC_OK,
	      "reguide: scored");
	CHECK(ec_scorecard_count(sc) == 3, "reguide: every row scored");
	size_t counted = 0;
	const char *which = "";
	for (size_t i = 0; i < ec_scorecard_count(sc); i++) {
		const ec_guidance_row *r = ec_scorecard_row(sc, i);
		if (r->in_summary) {
			counted++;
			which = r->guide->issued;
		}
	}
	CHECK(counted == 1, "reguide: one row counted");
	CHECK_STR(which, "2010-10-19", "reguide: the latest before the end");
	const ec_guidance_summary *g = ec_scorecard_summary(sc, 0);
	CHECK(g && g->n == 1 && g->n_rows == 3,
	      "reguide: summary n 1 of 3 rows");
	CHECK(g && isnan(g->t_mid), "reguide: no t statistic with n = 1");
	ec_scorecard_free(sc);
	ec_series_free(s);
}

int main(void)
{
	test_five();
	test_not_comparable();
	test_company_join();
	test_reguided();
	return ec_test_done();
}
