/* Margins: derived rows, non-GAAP over GAAP revenue, stated vs derived
 * disagreements, spread and incremental margin. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/analyze.h"
#include "testlib.h"

static void add(ec_series *s, const char *metric, ec_basis b, int y, int q,
                double v, ec_unit u)
{
	ec_obs o = ec_obs_init();
	o.company = "JNPR";
	o.doc = "test";
	o.metric = metric;
	o.basis = b;
	o.period = ec_period_quarter(y, q);
	o.value = v;
	o.unit = u;
	ec_error err;
	if (ec_series_add(s, &o, &err) != EC_OK)
		CHECK(false, "add %s: %s", metric, err.msg);
}

static const ec_obs *find(const ec_series *s, const char *metric, ec_basis b,
                          int y, int q)
{
	ec_key k = {"JNPR", ec_period_quarter(y, q), metric, "total",
	            b,      EC_KIND_ACTUAL,          NULL};
	return ec_series_find(s, &k);
}

static void test_derive(void)
{
	ec_series *s = ec_series_new();
	/* 2007Q3 (the release): GAAP operating income 112.763 on revenue
	 * 735.048, non-GAAP operating income 171.2, no margin stated. */
	add(s, "revenue", EC_BASIS_GAAP, 2007, 3, 735.048, EC_UNIT_USD_M);
	add(s, "operating_income", EC_BASIS_GAAP, 2007, 3, 112.763,
	    EC_UNIT_USD_M);
	add(s, "operating_income", EC_BASIS_NON_GAAP, 2007, 3, 171.2,
	    EC_UNIT_USD_M);
	/* 2008Q3: margin stated and consistent; 2008Q4 stated and off. */
	add(s, "revenue", EC_BASIS_GAAP, 2008, 3, 1000.0, EC_UNIT_USD_M);
	add(s, "operating_income", EC_BASIS_GAAP, 2008, 3, 153.4,
	    EC_UNIT_USD_M);
	add(s, "operating_margin", EC_BASIS_GAAP, 2008, 3, 15.3, EC_UNIT_PCT);
	add(s, "revenue", EC_BASIS_GAAP, 2008, 4, 923.5, EC_UNIT_USD_M);
	add(s, "operating_income", EC_BASIS_GAAP, 2008, 4, 184.7,
	    EC_UNIT_USD_M);
	add(s, "operating_margin", EC_BASIS_GAAP, 2008, 4, 18.0, EC_UNIT_PCT);
	/* gross profit without revenue: nothing to derive */
	add(s, "gross_profit", EC_BASIS_GAAP, 2006, 1, 400, EC_UNIT_USD_M);

	size_t added = 99, dis = 99;
	ec_error err;
	CHECK(ec_margins_derive(s, &added, &dis, &err) == EC_OK,
	      "derive: runs");
	CHECK(added == 2, "derive: 2 margins added (got %zu)", added);
	CHECK(dis == 1, "derive: 1 disagreement (got %zu)", dis);
	const ec_obs *m = find(s, "operating_margin", EC_BASIS_GAAP, 2007, 3);
	CHECK(m != NULL, "derive: 2007Q3 GAAP operating margin exists");
	if (m) {
		/* 112.763 / 735.048 = 0.153409... */
		CHECK_REL(m->value, 100.0 * 112.763 / 735.048, 1e-12,
		          "derive: 2007Q3 = 112.763 / 735.048");
		CHECK(fabs(m->value - 15.34) < 0.005, "derive: reads 15.34 %%");
		CHECK_STR(m->source_role, "derived",
		          "derive: source_role derived");
		CHECK(m->unit == EC_UNIT_PCT, "derive: unit pct");
		CHECK(strstr(m->quote, "112.763") &&
		              strstr(m->quote, "735.048"),
		      "derive: quote names the inputs: %s", m->quote);
	}
	m = find(s, "operating_margin", EC_BASIS_NON_GAAP, 2007, 3);
	CHECK(m && fabs(m->value - 100.0 * 171.2 / 735.048) < 1e-9,
	      "derive: non-GAAP margin = non-GAAP income / GAAP revenue");
	m = find(s, "operating_margin", EC_BASIS_GAAP, 2008, 3);
	CHECK(m && m->value == 15.3 && strcmp(m->source_role, "derived") != 0,
	      "derive: a stated margin is kept as stated");
	CHECK(!find(s, "gross_margin", EC_BASIS_GAAP, 2006, 1),
	      "derive: no revenue, no gross margin");

	ec_margin_diff *d;
	size_t nd;
	CHECK(ec_margin_disagreements(s, &d, &nd, &err) == EC_OK && nd == 1,
	      "check: one stated margin disagrees");
	if (nd == 1) {
		char p[EC_PERIOD_STRLEN];
		CHECK_STR(ec_period_format(d[0].stated->period, p), "2008Q4",
		          "check: it is 2008Q4");
		/* 184.7 / 923.5 = 20.0 %, stated 18.0: 2 points off. */
		CHECK_REL(d[0].derived, 100.0 * 184.7 / 923.5, 1e-12,
		          "check: derived 184.7 / 923.5");
		CHECK_REL(d[0].diff, 18.0 - 100.0 * 184.7 / 923.5, 1e-12,
		          "check: difference stated - derived");
		CHECK(d[0].tolerance < 0.1,
		      "check: tolerance is rounding-sized");
	}
	free(d);
	/* 2008Q3: 153.4 / 1000 = 15.34, stated 15.3: within rounding of
	 * the stated one decimal (0.05) -> agrees. */

	/* Deriving again adds nothing. */
	CHECK(ec_margins_derive(s, &added, NULL, &err) == EC_OK && added == 0,
	      "derive: idempotent (added %zu)", added);
	ec_series_free(s);
}

static void test_table(void)
{
	ec_series *s = ec_series_new();
	/* Two quarters a year apart and the quarter between. */
	add(s, "revenue", EC_BASIS_GAAP, 2009, 3, 823.9, EC_UNIT_USD_M);
	add(s, "operating_income", EC_BASIS_GAAP, 2009, 3, 127.955,
	    EC_UNIT_USD_M);
	add(s, "operating_margin", EC_BASIS_NON_GAAP, 2009, 3, 20.8,
	    EC_UNIT_PCT);
	add(s, "revenue", EC_BASIS_GAAP, 2010, 2, 978.3, EC_UNIT_USD_M);
	add(s, "operating_margin", EC_BASIS_GAAP, 2010, 2, 18.9, EC_UNIT_PCT);
	add(s, "revenue", EC_BASIS_GAAP, 2010, 3, 1012.4, EC_UNIT_USD_M);
	add(s, "operating_income", EC_BASIS_GAAP, 2010, 3, 195.536,
	    EC_UNIT_USD_M);
	add(s, "operating_margin", EC_BASIS_NON_GAAP, 2010, 3, 24.1,
	    EC_UNIT_PCT);
	ec_error err;
	CHECK(ec_margins_derive(s, NULL, NULL, &err) == EC_OK, "table: derive");
	ec_margin_row *t;
	size_t n = 0; /* the message may read it before the call sets it */
	CHECK(ec_margin_table(s, "JNPR", NULL, &t, &n, &err) == EC_OK && n == 3,
	      "table: 3 quarters (got %zu)", n);
	if (n == 3) {
		const ec_margin_row *r = &t[2];
		CHECK(r->op_derived[0] && !r->op_derived[1],
		      "table: 2010Q3 GAAP derived, non-GAAP stated");
		CHECK_REL(r->op_spread, 24.1 - 100.0 * 195.536 / 1012.4, 1e-12,
		          "table: spread non-GAAP - GAAP");
		/* YoY incremental GAAP margin: (195.536 - 127.955) /
		 * (1012.4 - 823.9) = 35.85 %. */
		CHECK_REL(r->incr_yoy[0],
		          100.0 * (195.536 - 127.955) / (1012.4 - 823.9), 1e-12,
		          "table: incremental GAAP margin vs 2009Q3");
		CHECK(!r->op_income_implied[0], "table: GAAP income stated");
		/* QoQ: 2010Q2 income implied = 18.9 % x 978.3. */
		CHECK_REL(r->incr_qoq[0],
		          100.0 * (195.536 - 0.189 * 978.3) / (1012.4 - 978.3),
		          1e-9,
		          "table: incremental vs 2010Q2 (implied income)");
		CHECK(t[1].op_income_implied[0],
		      "table: 2010Q2 income implied");
		/* non-GAAP YoY: implied from margins on GAAP revenue. */
		CHECK_REL(r->incr_yoy[1],
		          100.0 * (0.241 * 1012.4 - 0.208 * 823.9) /
		                  (1012.4 - 823.9),
		          1e-9,
		          "table: non-GAAP incremental from implied income");
		CHECK(isnan(t[0].incr_qoq[0]),
		      "table: 2009Q3 has no prior quarter: n/a");
	}
	free(t);
	ec_series_free(s);
}

int main(void)
{
	test_derive();
	test_table();
	return ec_test_done();
}
