/* The number grammar of the extractor (src/extract/number.c). */
#include <math.h>
#include <string.h>

#include "ex.h"
#include "testlib.h"

static double usdm(const char *s)
{
	ex_range r;
	double lo = NAN, hi = NAN;
	if (!ex_range_parse(s, strlen(s), 0, &r) || !ex_range_bounds(&r, EC_UNIT_USD_M, 0, &lo, &hi))
		return NAN;
	return lo;
}

static void bounds(const char *s, ec_unit u, double *lo, double *hi)
{
	ex_range r;
	*lo = *hi = -999;
	if (ex_range_parse(s, strlen(s), 0, &r))
		ex_range_bounds(&r, u, 0, lo, hi);
}

static void cell(const char *s, int kind, double v)
{
	ex_num n;
	int k = ex_num_cell(s, strlen(s), &n);
	CHECK(k == kind, "cell '%s' kind %d (got %d)", s, kind, k);
	if (kind == EX_CELL_NUM || kind == EX_CELL_DASH)
		CHECK(fabs(n.v - v) < 1e-9, "cell '%s' = %g (got %g)", s, v, n.v);
}

int main(void)
{
	double lo, hi;
	CHECK_REL(usdm("$1.012 billion"), 1012, 1e-12, "$1.012 billion -> 1012 usd_m");
	CHECK_REL(usdm("$1,118 million"), 1118, 1e-12, "$1,118 million (escape already removed)");
	CHECK_REL(usdm("$735.0M"), 735, 1e-12, "$735.0M suffix");
	CHECK_REL(usdm("$3.7B"), 3700, 1e-12, "$3.7B suffix");
	CHECK(isnan(usdm("$10,000")), "a dollar amount without scale is not usd_m in prose");
	CHECK(isnan(usdm("MX240")), "a name with digits is not a number");
	CHECK(isnan(usdm("10-Q")), "10-Q is not a number");

	bounds("$921 million and 971 million", EC_UNIT_USD_M, &lo, &hi);
	CHECK(lo == 921 && hi == 921, "'and' makes a range only after 'between': a point");
	bounds("between $921 million and 971 million", EC_UNIT_USD_M, &lo, &hi);
	CHECK(lo == 921 && hi == 971, "between $921 million and 971 million -> 921..971 (%g..%g)", lo, hi);
	bounds("between $0.35 and $0.37", EC_UNIT_USD, &lo, &hi);
	CHECK(fabs(lo - 0.35) < 1e-12 && fabs(hi - 0.37) < 1e-12, "between $0.35 and $0.37");
	bounds("$3.57 billion to 3.62 billion", EC_UNIT_USD_M, &lo, &hi);
	CHECK(fabs(lo - 3570) < 1e-9 && fabs(hi - 3620) < 1e-9, "$3.57 billion to 3.62 billion");
	bounds("$3.57 to $3.62 billion", EC_UNIT_USD_M, &lo, &hi);
	CHECK(fabs(lo - 3570) < 1e-9 && fabs(hi - 3620) < 1e-9, "$X to $Y billion: scale shared");
	bounds("$1.120 billion plus or minus $20 million", EC_UNIT_USD_M, &lo, &hi);
	CHECK(fabs(lo - 1100) < 1e-9 && fabs(hi - 1140) < 1e-9, "$1.120 billion plus or minus $20 million");
	bounds("24.5% plus or minus half a point", EC_UNIT_PCT, &lo, &hi);
	CHECK(fabs(lo - 24) < 1e-9 && fabs(hi - 25) < 1e-9, "24.5%% plus or minus half a point -> 24..25");
	bounds("$11.00 billion, plus or minus 2%", EC_UNIT_USD_M, &lo, &hi);
	CHECK(fabs(lo - 10780) < 1e-6 && fabs(hi - 11220) < 1e-6, "plus or minus 2%% of an amount");
	bounds("25% or higher", EC_UNIT_PCT, &lo, &hi);
	CHECK(lo == 25 && isnan(hi), "25%% or higher -> low 25, high open");
	bounds("63.5% to 64.5%", EC_UNIT_PCT, &lo, &hi);
	CHECK(fabs(lo - 63.5) < 1e-12 && fabs(hi - 64.5) < 1e-12, "63.5%% to 64.5%%");
	bounds("66 to 68%", EC_UNIT_PCT, &lo, &hi);
	CHECK(lo == 66 && hi == 68, "66 to 68%%: percent shared");
	bounds("19 cents", EC_UNIT_USD, &lo, &hi);
	CHECK(fabs(lo - 0.19) < 1e-12, "19 cents -> 0.19 usd");
	bounds("$0.00001", EC_UNIT_USD, &lo, &hi);
	CHECK(fabs(lo - 0.00001) < 1e-15, "$0.00001");

	ex_num n;
	const char *bp = "20 basis points";
	CHECK(ex_num_parse(bp, strlen(bp), 0, &n) && n.bps && n.v == 20, "20 basis points is a change in bps");
	CHECK(!ex_num_value(&n, EC_UNIT_PCT, 0, &lo), "basis points are not a percent value");
	const char *pc = "24.5 percent";
	CHECK(ex_num_parse(pc, strlen(pc), 0, &n) && n.pct && n.v == 24.5, "24.5 percent");
	const char *big = "1,283.4";
	CHECK(ex_num_parse(big, strlen(big), 0, &n) && n.v == 1283.4 && n.decimals == 1, "1,283.4");
	const char *par = "(5,062)";
	CHECK(ex_num_parse(par, strlen(par), 0, &n) && n.v == -5062 && n.paren, "(5,062) is negative");
	const char *tel = "(408) 936";
	CHECK(ex_num_parse(tel, strlen(tel), 0, &n) && n.v == -408, "(408) parses as parenthesised");

	cell("(5,062)", EX_CELL_NUM, -5062);
	cell("$ 606,769", EX_CELL_NUM, 606769);
	cell("$ (1.89)", EX_CELL_NUM, -1.89);
	cell("-", EX_CELL_DASH, 0);
	cell("$ -", EX_CELL_DASH, 0);
	cell("\xe2\x80\x94", EX_CELL_DASH, 0);
	cell("n/a", EX_CELL_NA, 0);
	cell("68.4%", EX_CELL_NUM, 68.4);
	cell("2006*", EX_CELL_NUM, 2006);
	cell("Product", EX_CELL_TEXT, 0);
	return ec_test_done();
}
