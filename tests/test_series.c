/* Tests of the observation store: add, find, select, merge, conflicts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/series.h"
#include "testlib.h"

static ec_obs obs(const char *period, const char *metric, double value)
{
	ec_obs o = ec_obs_init();
	ec_period_parse(period, strlen(period), &o.period, NULL);
	o.company = "JNPR";
	o.doc = "a.txt";
	o.metric = metric;
	o.basis = EC_BASIS_GAAP;
	o.value = value;
	return o;
}

static ec_obs guide(const char *period, double lo, double hi,
                    const char *issued)
{
	ec_obs o = obs(period, "revenue", NAN);
	o.kind = EC_KIND_GUIDANCE;
	o.low = lo;
	o.high = hi;
	o.issued = issued;
	return o;
}

static void test_names(void)
{
	ec_basis b;
	ec_kind k;
	ec_unit u;
	CHECK(ec_basis_parse("non_gaap", &b) && b == EC_BASIS_NON_GAAP,
	      "basis");
	CHECK(!ec_basis_parse("GAAP", &b) && !ec_basis_parse("", &b),
	      "basis names are exact");
	CHECK(ec_kind_parse("guidance", &k) && k == EC_KIND_GUIDANCE, "kind");
	CHECK(!ec_kind_parse("forecast", &k), "unknown kind");
	CHECK(ec_unit_parse("usd_m", &u) && u == EC_UNIT_USD_M, "unit usd_m");
	CHECK(ec_unit_parse("count", &u) && u == EC_UNIT_COUNT, "unit count");
	CHECK(!ec_unit_parse("usd_b", &u), "unknown unit");
	CHECK_STR(ec_unit_name(EC_UNIT_PCT), "pct", "unit name");
	CHECK_STR(ec_basis_name(EC_BASIS_NONE), "none", "basis name");
	CHECK_STR(ec_kind_name(EC_KIND_ACTUAL), "actual", "kind name");
	size_t n;
	const char *const *c = ec_series_standard_columns(&n);
	CHECK(n == 15 && strcmp(c[0], "company") == 0 &&
	              strcmp(c[7], "value") == 0 &&
	              strcmp(c[14], "source_role") == 0,
	      "standard columns in SCHEMA order");
}

static void test_tolerance(void)
{
	CHECK(ec_values_agree(EC_UNIT_USD_M, 1000, 1004.9),
	      "usd_m within 0.5%%");
	CHECK(!ec_values_agree(EC_UNIT_USD_M, 1000, 1006),
	      "usd_m beyond 0.5%%");
	CHECK(ec_values_agree(EC_UNIT_USD, 0.32, 0.324), "usd within 0.005");
	CHECK(!ec_values_agree(EC_UNIT_USD, 0.32, 0.33), "usd beyond 0.005");
	CHECK(ec_values_agree(EC_UNIT_PCT, 24.1, 24.15), "pct within 0.05");
	CHECK(!ec_values_agree(EC_UNIT_PCT, 24.1, 24.2), "pct beyond 0.05");
	CHECK(ec_values_agree(EC_UNIT_DAYS, 42, 42.5), "days within 0.5");
	CHECK(!ec_values_agree(EC_UNIT_COUNT, 9129, 9130), "count beyond 0.5");
	CHECK(ec_values_agree(EC_UNIT_USD_M, NAN, NAN), "two empties agree");
	CHECK(!ec_values_agree(EC_UNIT_USD_M, NAN, 1),
	      "empty and number differ");
}

static void test_add_find(void)
{
	ec_series *s = ec_series_new();
	CHECK(s && ec_series_count(s) == 0, "new store is empty");
	ec_series_free(NULL);
	ec_error e;
	ec_obs o = obs("2010Q3", "revenue", 1012.4);
	CHECK(ec_series_add(s, &o, &e) == EC_OK, "add");
	o = obs("2010Q3", "revenue", 801.2);
	o.segment = "product";
	CHECK(ec_series_add(s, &o, &e) == EC_OK, "add another segment");
	o = obs("2010Q3", "revenue", 1012);
	o.basis = EC_BASIS_NON_GAAP;
	CHECK(ec_series_add(s, &o, &e) == EC_OK, "add another basis");
	o = obs("2010Q3", "revenue", 1012);
	o.company = "CSCO";
	CHECK(ec_series_add(s, &o, &e) == EC_OK, "add another company");
	CHECK(ec_series_count(s) == 4, "4 rows");

	ec_obs bad = obs("2010Q3", "", 1);
	CHECK(ec_series_add(s, &bad, &e) == EC_EINVAL &&
	              ec_series_count(s) == 4,
	      "an empty metric is EC_EINVAL and changes nothing");

	ec_obs q = obs("2010Q3", "revenue", 0);
	ec_key k = ec_obs_key(&q);
	const ec_obs *f = ec_series_find(s, &k);
	CHECK(f && f->value == 1012.4 && strcmp(f->segment, "total") == 0,
	      "find by key (NULL segment is total)");
	k.segment = "product";
	f = ec_series_find(s, &k);
	CHECK(f && f->value == 801.2, "find product");
	k.segment = "service";
	CHECK(ec_series_find(s, &k) == NULL, "absent key");
	k.segment = "total";
	k.basis = EC_BASIS_NONE;
	CHECK(ec_series_find(s, &k) == NULL, "basis is part of the key");
	k.basis = EC_BASIS_GAAP;
	k.period = ec_period_quarter(2010, 4);
	CHECK(ec_series_find(s, &k) == NULL, "period is part of the key");

	/* Many rows: the hash table grows and every row stays findable. */
	int missing = 0;
	for (int i = 0; i < 3000; i++) {
		char m[32];
		snprintf(m, sizeof m, "m%d", i % 50);
		ec_obs x = obs("2000Q1", m, i);
		x.period = ec_period_from_qindex(2000 * 4 + i / 50);
		ec_series_add(s, &x, NULL);
	}
	for (int i = 0; i < 3000; i++) {
		char m[32];
		snprintf(m, sizeof m, "m%d", i % 50);
		ec_obs x = obs("2000Q1", m, i);
		x.period = ec_period_from_qindex(2000 * 4 + i / 50);
		ec_key kk = ec_obs_key(&x);
		const ec_obs *g = ec_series_find(s, &kk);
		if (!g || g->value != i)
			missing++;
	}
	CHECK(ec_series_count(s) == 3004 && missing == 0,
	      "3000 more rows all found (%d missing)", missing);
	ec_series_free(s);
}

static void test_duplicates_conflicts(void)
{
	ec_series *s = ec_series_new();
	ec_error e;
	ec_obs a = obs("2010Q3", "revenue", 1012);
	a.line = 3;
	ec_series_add(s, &a, &e);
	ec_obs b = obs("2010Q3", "revenue", 1012.43);
	b.doc = "b.txt";
	b.line = 9;
	CHECK(ec_series_add(s, &b, &e) == EC_OK, "agreeing duplicate is OK");
	CHECK(ec_series_count(s) == 1 && ec_series_duplicate_count(s) == 1,
	      "one row, one duplicate");
	const ec_obs *r = ec_series_get(s, 0);
	CHECK(r->value == 1012.43 && strcmp(r->doc, "b.txt") == 0 &&
	              r->line == 9,
	      "the more precise value is kept");
	ec_obs c = obs("2010Q3", "revenue", 1012.4);
	c.doc = "c.txt";
	ec_series_add(s, &c, &e);
	CHECK(ec_series_get(s, 0)->value == 1012.43,
	      "a less precise duplicate does not replace");

	ec_obs d = obs("2010Q3", "revenue", 1100);
	d.doc = "d.txt";
	d.line = 4;
	ec_err rc = ec_series_add(s, &d, &e);
	CHECK(rc == EC_ECONFLICT, "beyond tolerance is a conflict");
	CHECK(strstr(e.msg, "1100") && strstr(e.msg, "1012.43") &&
	              strcmp(e.file, "d.txt") == 0 && e.line == 4,
	      "conflict message names both values: %s", e.msg);
	CHECK(ec_series_count(s) == 1 && ec_series_get(s, 0)->value == 1012.43,
	      "the stored row stays; nothing averaged");
	CHECK(ec_series_conflict_count(s) == 1, "conflict recorded");
	const ec_obs *kept;
	const ec_obs *cf = ec_series_conflict(s, 0, &kept);
	CHECK(cf && cf->value == 1100 && strcmp(cf->doc, "d.txt") == 0 &&
	              kept == ec_series_get(s, 0),
	      "conflict row and the row it disagrees with");
	CHECK(ec_series_conflict(s, 1, &kept) == NULL, "conflict out of range");

	ec_obs u = obs("2010Q3", "revenue", 1012.43);
	u.unit = EC_UNIT_USD;
	CHECK(ec_series_add(s, &u, &e) == EC_ECONFLICT,
	      "a different unit is a conflict");

	/* Guidance: bounds are compared, and a point forecast too. */
	ec_obs g1 = guide("2010Q4", 1090, 1120, "2010-10-21");
	ec_obs g2 = guide("2010Q4", 1090, 1150, "2010-10-21");
	ec_series_add(s, &g1, &e);
	CHECK(ec_series_add(s, &g2, &e) == EC_ECONFLICT,
	      "guidance with another high bound conflicts");
	ec_obs p1 = guide("2011Q1", NAN, NAN, "2010-10-21");
	p1.value = 1000;
	ec_obs p2 = p1;
	p2.value = 1200;
	ec_series_add(s, &p1, &e);
	CHECK(ec_series_add(s, &p2, &e) == EC_ECONFLICT,
	      "point guidance with another value conflicts");
	/* A range with its midpoint filled in agrees with the same range
	 * whose midpoint was left empty (as the reference file writes it). */
	ec_obs m1 = guide("2012Q4", 1100, 1130, "2012-10-23");
	ec_obs m2 = m1;
	m2.value = 1115;
	CHECK(ec_series_add(s, &m1, &e) == EC_OK, "range without midpoint");
	size_t before = ec_series_conflict_count(s);
	CHECK(ec_series_add(s, &m2, &e) == EC_OK &&
	              ec_series_conflict_count(s) == before,
	      "the same range with its midpoint is not a conflict");
	ec_series_free(s);
}

static void test_guidance_issued(void)
{
	ec_series *s = ec_series_new();
	ec_error e;
	ec_obs g1 = guide("2010FY", 3900, 4100, "2010-04-20");
	ec_obs g2 = guide("2010FY", 3950, 4000, "2010-10-21");
	ec_obs g3 = guide("2010FY", 3800, 4000, "2010-07-20");
	CHECK(ec_series_add(s, &g1, &e) == EC_OK &&
	              ec_series_add(s, &g2, &e) == EC_OK &&
	              ec_series_add(s, &g3, &e) == EC_OK,
	      "re-guidance on other dates is not a conflict");
	CHECK(ec_series_count(s) == 3, "three guidance rows");
	ec_key k = ec_obs_key(&g1);
	k.issued = NULL;
	const ec_obs *f = ec_series_find(s, &k);
	CHECK(f && strcmp(f->issued, "2010-10-21") == 0 && f->low == 3950,
	      "find without issued gives the latest");
	k.issued = "2010-07-20";
	f = ec_series_find(s, &k);
	CHECK(f && f->low == 3800, "find by issued date");
	k.issued = "2011-01-01";
	CHECK(ec_series_find(s, &k) == NULL, "no guidance issued then");
	ec_series_free(s);
}

static void test_select(void)
{
	ec_series *s = ec_series_new();
	const char *periods[] = {"2010Q3", "2009Q4", "2010FY",
	                         "2010Q1", "2010M9", "2008Q2"};
	for (size_t i = 0; i < 6; i++) {
		ec_obs o = obs(periods[i], "revenue", 100 + (double)i);
		ec_series_add(s, &o, NULL);
		o = obs(periods[i], "eps_diluted", (double)i / 100);
		o.unit = EC_UNIT_USD;
		o.basis = EC_BASIS_NON_GAAP;
		ec_series_add(s, &o, NULL);
	}
	const ec_obs **v;
	size_t n;
	ec_select sel = ec_select_all();
	sel.metric = "revenue";
	CHECK(ec_series_select(s, &sel, &v, &n) == EC_OK && n == 6,
	      "select one metric");
	const char *want[] = {"2008Q2", "2009Q4", "2010Q1",
	                      "2010Q3", "2010M9", "2010FY"};
	bool ordered = n == 6;
	for (size_t i = 0; ordered && i < n; i++) {
		char b[EC_PERIOD_STRLEN];
		ordered = strcmp(ec_period_format(v[i]->period, b), want[i]) ==
		                  0 &&
		          strcmp(v[i]->metric, "revenue") == 0;
	}
	CHECK(ordered, "ordered by period");
	free(v);
	sel = ec_select_all();
	sel.basis = EC_BASIS_NON_GAAP;
	ec_series_select(s, &sel, &v, &n);
	CHECK(n == 6 && strcmp(v[0]->metric, "eps_diluted") == 0,
	      "select by basis");
	free(v);
	sel = ec_select_all();
	ec_series_select(s, &sel, &v, &n);
	CHECK(n == 12 && strcmp(v[0]->metric, "eps_diluted") == 0 &&
	              strcmp(v[1]->metric, "revenue") == 0,
	      "all rows: period, then metric");
	free(v);
	sel.company = "CSCO";
	CHECK(ec_series_select(s, &sel, &v, &n) == EC_OK && n == 0 && v == NULL,
	      "empty selection");
	sel = ec_select_all();
	sel.kind = EC_KIND_GUIDANCE;
	ec_series_select(s, &sel, &v, &n);
	CHECK(n == 0, "no guidance rows");
	free(v);
	sel = ec_select_all();
	sel.segment = "";
	ec_series_select(s, &sel, &v, &n);
	CHECK(n == 12, "segment \"\" selects total");
	free(v);

	const char **d;
	ec_series_distinct(s, "metric", &d, &n);
	CHECK(n == 2 && strcmp(d[0], "eps_diluted") == 0 &&
	              strcmp(d[1], "revenue") == 0,
	      "distinct metrics sorted");
	free(d);
	CHECK(ec_series_distinct(s, "value", &d, &n) == EC_EINVAL,
	      "distinct of a number column is EC_EINVAL");
	ec_series_free(s);
}

static void test_layout_merge(void)
{
	ec_series *a = ec_series_new();
	ec_series *b = ec_series_new();
	const char *la[] = {"period", "metric", "kind", "value", "unit", "src"};
	const char *lb[] = {"period", "metric", "kind", "value",
	                    "unit",   "note",   "src"};
	ec_error e;
	CHECK(ec_series_set_layout(a, la, 6, &e) == EC_OK &&
	              ec_series_layout_count(a) == 6,
	      "set layout");
	ec_series_set_layout(b, lb, 7, &e);
	const char *ca[] = {"2010Q3", "revenue", "actual",
	                    "1012",   "usd_m",   "wire"};
	unsigned char qa[6] = {0, 0, 0, 0, 0, 1};
	ec_obs o = obs("2010Q3", "revenue", 1012);
	o.cells = ca;
	o.quoted = qa;
	o.n_cells = 6;
	CHECK(ec_series_add(a, &o, &e) == EC_OK, "add with cells");
	o.n_cells = 5;
	CHECK(ec_series_add(a, &o, &e) == EC_EINVAL,
	      "cells must match the layout");
	CHECK(ec_series_set_layout(a, lb, 7, &e) == EC_EINVAL,
	      "no layout change once rows are in");

	const char *cb[] = {"2010Q4", "revenue", "actual", "1190",
	                    "usd_m",  "checked", "10-K"};
	ec_obs p = obs("2010Q4", "revenue", 1190);
	p.cells = cb;
	p.n_cells = 7;
	ec_series_add(b, &p, &e);
	ec_obs c = obs("2010Q3", "revenue", 1100); /* disagrees with a */
	ec_series_add(b, &c, &e);
	ec_obs c2 = obs("2010Q4", "revenue", 1300); /* conflict inside b */
	ec_series_add(b, &c2, &e);
	CHECK(ec_series_conflict_count(b) == 1, "b holds one conflict");

	size_t nc = 99;
	CHECK(ec_series_merge(a, b, &nc, &e) == EC_OK, "merge");
	CHECK(nc == 1, "one new conflict counted: %zu", nc);
	CHECK(ec_series_count(a) == 2, "merged rows");
	CHECK(ec_series_layout_count(a) == 7 &&
	              strcmp(ec_series_layout_name(a, 6), "note") == 0,
	      "layout extended by the new column");
	const ec_obs *r0 = ec_series_get(a, 0), *r1 = ec_series_get(a, 1);
	CHECK(r0->n_cells == 7 && strcmp(r0->cells[6], "") == 0 &&
	              strcmp(r0->cells[5], "wire") == 0 && r0->quoted[5] == 1,
	      "old rows get an empty cell for the new column");
	CHECK(r1->n_cells == 7 && strcmp(r1->cells[5], "10-K") == 0 &&
	              strcmp(r1->cells[6], "checked") == 0,
	      "merged row's cells follow the new layout");
	CHECK(ec_series_conflict_count(a) == 2,
	      "the conflict b held comes along: %zu",
	      ec_series_conflict_count(a));
	const ec_obs *kept;
	const ec_obs *cf = ec_series_conflict(a, 1, &kept);
	CHECK(cf && cf->value == 1300 && kept == r1,
	      "carried conflict points at the row now in a");
	ec_series_free(a);
	ec_series_free(b);
}

int main(void)
{
	test_names();
	test_tolerance();
	test_add_find();
	test_duplicates_conflicts();
	test_guidance_issued();
	test_select();
	test_layout_merge();
	return ec_test_done();
}
