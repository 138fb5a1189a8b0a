/* Growth: QoQ, YoY and trailing four quarters, with gaps left as gaps. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/analyze.h"
#include "testlib.h"

static ec_obs row(ec_period p, double v)
{
	ec_obs o = ec_obs_init();
	o.company = "ACME";
	o.metric = "revenue";
	o.basis = EC_BASIS_GAAP;
	o.period = p;
	o.value = v;
	return o;
}

static const ec_growth_row *at(const ec_growth_row *g, size_t n, int y, int q)
{
	for (size_t i = 0; i < n; i++)
		if (ec_period_equal(g[i].period, ec_period_quarter(y, q)))
			return &g[i];
	return NULL;
}

static void test_table(void)
{
	/* 2009Q1..2010Q4 without 2009Q3. */
	struct {
		int y, q;
		double v;
	} d[] = {{2010, 4, 180}, {2009, 1, 100}, {2009, 2, 110}, {2009, 4, 130},
	         {2010, 1, 150}, {2010, 2, 160}, {2010, 3, 170}};
	size_t n = sizeof d / sizeof d[0];
	ec_obs o[8];
	const ec_obs *p[8];
	for (size_t i = 0; i < n; i++) {
		o[i] = row(ec_period_quarter(d[i].y, d[i].q), d[i].v);
		p[i] = &o[i];
	}
	ec_growth_row *g;
	size_t ng;
	ec_error err;
	CHECK(ec_growth_compute(p, n, true, &g, &ng, &err) == EC_OK,
	      "growth: computes");
	CHECK(ng == 7, "growth: 7 quarters (got %zu)", ng);
	CHECK(ng == 7 &&
	              ec_period_equal(g[0].period, ec_period_quarter(2009, 1)),
	      "growth: period order");
	const ec_growth_row *r = at(g, ng, 2009, 2);
	CHECK(r && fabs(r->qoq_pct - 10.0) < 1e-12,
	      "growth: 2009Q2 QoQ 110/100 = +10 %%");
	CHECK(r && fabs(r->qoq_abs - 10.0) < 1e-12,
	      "growth: 2009Q2 QoQ +10 in the unit");
	CHECK(r && isnan(r->yoy_pct), "growth: 2009Q2 has no year-ago quarter");
	r = at(g, ng, 2009, 4);
	CHECK(r && isnan(r->qoq_pct) && isnan(r->qoq_abs),
	      "growth: 2009Q4 QoQ missing (2009Q3 absent, not interpolated)");
	r = at(g, ng, 2010, 1);
	CHECK(r && fabs(r->qoq_pct - (150.0 / 130 - 1) * 100) < 1e-12,
	      "growth: 2010Q1 QoQ vs 2009Q4");
	CHECK(r && fabs(r->yoy_pct - 50.0) < 1e-12,
	      "growth: 2010Q1 YoY 150/100 = +50 %%");
	r = at(g, ng, 2010, 3);
	CHECK(r && isnan(r->yoy_pct),
	      "growth: 2010Q3 YoY missing (2009Q3 absent)");
	CHECK(r && fabs(r->ttm - (130 + 150 + 160 + 170)) < 1e-12,
	      "growth: 2010Q3 TTM = 2009Q4..2010Q3, all present");
	r = at(g, ng, 2010, 2);
	/* 2010Q2 TTM = 2009Q3 + 2009Q4 + 2010Q1 + 2010Q2: 2009Q3 missing. */
	CHECK(r && isnan(r->ttm), "growth: 2010Q2 TTM missing (2009Q3 absent)");
	r = at(g, ng, 2010, 4);
	CHECK(r && fabs(r->ttm - (150 + 160 + 170 + 180)) < 1e-12,
	      "growth: 2010Q4 TTM = 150 + 160 + 170 + 180");
	CHECK(r && isnan(r->ttm_yoy_pct), "growth: no TTM a year earlier");
	free(g);

	CHECK(ec_growth_compute(p, n, false, &g, &ng, &err) == EC_OK,
	      "growth: not a flow");
	r = at(g, ng, 2010, 4);
	CHECK(r && isnan(r->ttm), "growth: no TTM for a non-flow metric");
	free(g);
}

static void test_signs(void)
{
	/* A loss shrinking from -10 to -5 reads +50 % (vs |p|); a zero base
	 * has no percentage. */
	ec_obs o[3] = {row(ec_period_quarter(2011, 1), -10),
	               row(ec_period_quarter(2011, 2), -5),
	               row(ec_period_quarter(2011, 3), 0)};
	ec_obs o4 = row(ec_period_quarter(2011, 4), 7);
	const ec_obs *p[4] = {&o[0], &o[1], &o[2], &o4};
	ec_growth_row *g;
	size_t ng;
	ec_error err;
	CHECK(ec_growth_compute(p, 4, true, &g, &ng, &err) == EC_OK,
	      "signs: computes");
	CHECK(ng == 4 && fabs(g[1].qoq_pct - 50.0) < 1e-12,
	      "signs: -10 -> -5 is +50 %%");
	CHECK(ng == 4 && isnan(g[3].qoq_pct) && g[3].qoq_abs == 7,
	      "signs: from 0 no percentage, +7 in the unit");
	CHECK(ng == 4 && fabs(g[3].ttm - (-8)) < 1e-12,
	      "signs: TTM -10 - 5 + 0 + 7");
	free(g);

	o[1].period = o[0].period;
	CHECK(ec_growth_compute(p, 4, true, &g, &ng, &err) == EC_EINVAL,
	      "signs: two rows for one quarter refused");
	CHECK(ec_growth_compute(p, 0, true, &g, &ng, &err) == EC_OK && !g &&
	              !ng,
	      "signs: no rows, no table");
}

static void test_flow(void)
{
	CHECK(ec_metric_is_flow("revenue"), "flow: revenue");
	CHECK(ec_metric_is_flow("operating_income"), "flow: operating income");
	CHECK(ec_metric_is_flow("operating_cash_flow"), "flow: cash flow");
	CHECK(ec_metric_is_flow("capex"), "flow: capex");
	CHECK(ec_metric_is_flow("eps_diluted"), "flow: EPS (trailing EPS)");
	CHECK(!ec_metric_is_flow("operating_margin"), "flow: a margin is not");
	CHECK(!ec_metric_is_flow("backlog"), "flow: backlog is a balance");
	CHECK(!ec_metric_is_flow("dso"), "flow: dso is not");
	CHECK(!ec_metric_is_flow(NULL), "flow: NULL is not");
}

int main(void)
{
	test_table();
	test_signs();
	test_flow();
	return ec_test_done();
}
