/* Fuzz target: the extractor's number, range, period and date grammar
 * (src/extract/ex.h: ex_num_parse, ex_range_parse, ex_num_cell,
 * ex_num_value, ex_range_bounds, ex_when_parse, ex_when_resolve,
 * ex_date_parse, ex_month_parse).
 *
 * Each parser is tried at every offset of the input (inputs are cut to
 * 2 KiB so that stays cheap).  Properties:
 * - no crash, no read outside s[0..len) (the buffer is exact-size);
 * - a parsed span lies inside the input and is not empty: i <= start <
 *   end <= len for numbers and ranges, and end > i for dates;
 * - parsed values are finite (a 400-digit number or 1e309 must not
 *   become inf: it would reach the CSV as "inf"), decimals and digits
 *   are not negative;
 * - values in a unit are finite; range bounds are finite or NAN (open);
 * - dates are real calendar fields (month 1-12, day 1-31, year > 0);
 * - a resolved period is valid. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ex.h"

#define MAX_IN 2048

static void fail(const char *what, size_t i)
{
	fprintf(stderr, "fuzz_number: %s at offset %zu\n", what, i);
	abort();
}

static void check_num(const ex_num *n, size_t i, size_t len)
{
	if (n->start < i || n->start >= n->end || n->end > len)
		fail("number span outside the input", i);
	if (!isfinite(n->v))
		fail("number value not finite", i);
	if (n->decimals < 0 || n->digits < 0)
		fail("negative digit count", i);
	if (!(n->scale == 0 || n->scale == 1e3 || n->scale == 1e6 ||
	      n->scale == 1e9 || n->scale == 1e12))
		fail("unexpected scale", i);
	static const ec_unit units[] = {EC_UNIT_USD_M, EC_UNIT_USD, EC_UNIT_PCT,
	                                EC_UNIT_DAYS, EC_UNIT_COUNT};
	for (size_t u = 0; u < 5; u++) {
		double v;
		if (ex_num_value(n, units[u], 0, &v) && !isfinite(v))
			fail("value in unit not finite", i);
		if (ex_num_value(n, units[u], 1e3, &v) && !isfinite(v))
			fail("table value in unit not finite", i);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > MAX_IN)
		size = MAX_IN;
	char *s = malloc(size ? size : 1);
	if (!s)
		return 0;
	if (size)
		memcpy(s, data, size);
	ex_cal cal = {0, 0, 0};
	ec_period doc = ec_period_quarter(2010, 3);
	for (size_t i = 0; i < size; i++) {
		ex_num n;
		memset(&n, 0, sizeof n);
		if (ex_num_parse(s, size, i, &n))
			check_num(&n, i, size);
		ex_range r;
		memset(&r, 0, sizeof r);
		if (ex_range_parse(s, size, i, &r)) {
			if (r.start < i || r.start >= r.end || r.end > size)
				fail("range span outside the input", i);
			check_num(&r.a, r.a.start, size);
			if (r.kind == EX_R_RANGE || r.kind == EX_R_PM)
				check_num(&r.b, r.b.start, size);
			double lo, hi;
			if (ex_range_bounds(&r, EC_UNIT_USD_M, 0, &lo, &hi) &&
			    (isinf(lo) || isinf(hi)))
				fail("range bound infinite", i);
			if (ex_range_bounds(&r, EC_UNIT_PCT, 0, &lo, &hi) &&
			    (isinf(lo) || isinf(hi)))
				fail("range bound infinite", i);
		}
		ex_when w;
		memset(&w, 0, sizeof w);
		if (ex_when_parse(s, size, i, &cal, &w)) {
			if (w.start < i || w.end > size || w.start > w.end)
				fail("period span outside the input", i);
			ec_period p;
			char buf[EC_PERIOD_STRLEN];
			for (int g = 0; g < 2; g++)
				if (ex_when_resolve(&w, &cal, 1, doc, NULL, g, &p)) {
					ec_period q;
					ec_period_format(p, buf);
					if (ec_period_parse(buf, strlen(buf), &q,
					                    NULL) != EC_OK)
						fail("resolved period is not valid", i);
				}
		}
		int y, m, d;
		size_t end = 0;
		if (ex_date_parse(s, size, i, &y, &m, &d, &end)) {
			if (end <= i || end > size)
				fail("date span outside the input", i);
			if (m < 1 || m > 12 || d < 1 || d > 31 || y <= 0)
				fail("date fields out of range", i);
		}
		size_t me = 0;
		int mo = ex_month_parse(s, size, i, &me);
		if (mo < 0 || mo > 12 || (mo && (me <= i || me > size)))
			fail("month parse out of range", i);
	}
	ex_num c;
	memset(&c, 0, sizeof c);
	int cls = ex_num_cell(s, size, &c);
	if (cls < EX_CELL_TEXT || cls > EX_CELL_NA)
		fail("unknown cell class", 0);
	if (cls == EX_CELL_NUM && !isfinite(c.v))
		fail("cell value not finite", 0);
	free(s);
	return 0;
}
