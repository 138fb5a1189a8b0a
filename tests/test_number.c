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

/* usd_m value of the number at the first digit of s (after any
 * currency written before it), NAN when it is not US dollars. */
static double usdm_at_digit(const char *s)
{
	size_t i = strcspn(s, "0123456789");
	ex_num n;
	double v = NAN;
	if (!ex_num_parse(s, strlen(s), i, &n) || !ex_num_value(&n, EC_UNIT_USD_M, 0, &v))
		return NAN;
	return v;
}

static void currencies(void)
{
	CHECK(isnan(usdm_at_digit("\xc2\xa5" "2,861.5 billion")), "yen sign: no usd value");
	CHECK(isnan(usdm_at_digit("\xc2\xa3" "412m")), "pound sign: no usd value");
	CHECK(isnan(usdm_at_digit("\xe2\x82\xac" "1.2 billion")), "euro sign: no usd value");
	CHECK(isnan(usdm_at_digit("C$1.2 billion")), "C$: Canadian dollars are not US dollars");
	CHECK(isnan(usdm_at_digit("EUR 300 million")), "EUR 300 million");
	CHECK(isnan(usdm_at_digit("2.1 billion yen")), "'2.1 billion yen'");
	CHECK(isnan(usdm_at_digit("850 million euros")), "'850 million euros'");
	CHECK_REL(usdm_at_digit("US$18.75 billion"), 18750, 1e-12, "US$ stays US dollars");
	CHECK_REL(usdm_at_digit("USD 300 million"), 300, 1e-12, "USD 300 million");
	CHECK_REL(usdm_at_digit("revenue of 2.1 billion in 2024"), 2100, 1e-12,
	          "a scale without a currency is still read as dollars");
	ex_range r;
	double lo, hi;
	const char *yr = "\xc2\xa5" "3.8 to 3.9 billion";
	CHECK(ex_range_parse(yr, strlen(yr), 2, &r) && !ex_range_bounds(&r, EC_UNIT_USD_M, 0, &lo, &hi),
	      "a yen range has no usd bounds");
	ex_num n;
	const char *pct = "\xc2\xa5" "12.5%";
	CHECK(ex_num_parse(pct, strlen(pct), 2, &n) && n.foreign && !ex_num_value(&n, EC_UNIT_COUNT, 0, &lo),
	      "a foreign amount is no count either");
	const char *c84 = "84.1c per share";
	CHECK(ex_num_parse(c84, strlen(c84), 0, &n) && n.cents && ex_num_value(&n, EC_UNIT_USD, 0, &lo) &&
	          fabs(lo - 0.841) < 1e-12,
	      "'84.1c' is 84.1 US cents");
	const char *p22 = "22.4p per share";
	CHECK(ex_num_parse(p22, strlen(p22), 0, &n) && n.foreign && !ex_num_value(&n, EC_UNIT_USD, 0, &lo),
	      "'22.4p' is pence, no usd");
	const char *cx = "3cm";
	CHECK(!ex_num_parse(cx, strlen(cx), 0, &n), "'3cm' is no number");
}

/* The shortcuts of number.c (words by first letter, a number's first
 * byte, "or" read once): every listed word in any case, near misses and
 * words cut by the end of the text. */
static void shortcuts(void)
{
	static const struct {
		const char *s;
		double usdm; /* usd_m value, NAN for none */
	} sc[] = {
	    {"3 million", 3},          {"3 Millions", 3},       {"3 MLN", 3},
	    {"3 mil", 3},              {"3 mm", 3},             {"3 billion", 3000},
	    {"3 Billions", 3000},      {"3 bln", 3000},         {"3 BN", 3000},
	    {"3 thousand", 0.003},     {"3 trillion", 3e6},     {"3 mills", NAN},
	    {"3 millionth", NAN},      {"3 thousands", NAN},    {"3 bn-dollar", NAN},  
	    {"3 million-dollar", NAN}, {"3 mi", NAN},           {"3 b", NAN},
	    {"3 to 4", NAN},           {"3 trill", NAN},        {"3\tmillion", 3},
	    {"3\nbillion", 3000},      {"3M", 3},               {"3bn", 3000},
	    {"3 m", NAN},              {"3 thousand yen", NAN}, {"3 million Euros", NAN},
	    {"3 million euro", NAN},   {"3 million YUAN", NAN}, {"3 million pounds", NAN},
	    {"3 million pence", NAN},  {"3 million pesos", NAN}, {"3 million sterling", NAN},
	    {"3 million renminbi", NAN}, {"3 million rupees", NAN}, {"3 million reais", NAN},
	    {"3 million won", NAN},    {"3 million francs", NAN}, {"3 million kronor", NAN},
	    {"3 million kroner", NAN}, {"3 million krona", NAN}, {"3 million wonders", 3},
	    {"3 million euroclear", 3}, {"3 million yens", 3},   {"3 million pesos-", NAN},
	    {"3 million ye", 3},       {"US$3 million", 3},     {"$3 million", 3},
	    {"\xe2\x88\x92" "3 million", -3}, {"(3) million", -3}, {"-3 million", -3},
	    {"x3 million", NAN},       {"U3 million", NAN},     {"US3 million", NAN},
	};
	for (size_t k = 0; k < sizeof sc / sizeof sc[0]; k++) {
		double v = usdm(sc[k].s);
		if (isnan(sc[k].usdm))
			CHECK(isnan(v), "'%s' has no usd_m value (got %g)", sc[k].s, v);
		else
			CHECK_REL(v, sc[k].usdm, 1e-12, sc[k].s);
	}
	/* a number cut by the end of the text before its scale word */
	const char *cut = "3 millio";
	CHECK(isnan(usdm(cut)), "'3 millio' has no scale");
	ex_num n;
	CHECK(ex_num_parse("3 million", 3, 0, &n) && n.scale == 0 && n.end == 1, "'3 m' cut short: no scale");
	/* "or" and the word after it */
	double lo, hi;
	bounds("25% or more", EC_UNIT_PCT, &lo, &hi);
	CHECK(lo == 25 && isnan(hi), "25%% or more");
	bounds("25% OR ABOVE", EC_UNIT_PCT, &lo, &hi);
	CHECK(lo == 25 && isnan(hi), "25%% OR ABOVE");
	bounds("25% or  over", EC_UNIT_PCT, &lo, &hi);
	CHECK(lo == 25 && isnan(hi), "25%% or  over");
	bounds("25% or less", EC_UNIT_PCT, &lo, &hi);
	CHECK(isnan(lo) && hi == 25, "25%% or less");
	bounds("25% or under", EC_UNIT_PCT, &lo, &hi);
	CHECK(isnan(lo) && hi == 25, "25%% or under");
	bounds("25% or so", EC_UNIT_PCT, &lo, &hi);
	CHECK(lo == 25 && hi == 25, "25%% or so is a point");
	bounds("25% or higher-end", EC_UNIT_PCT, &lo, &hi);
	CHECK(lo == 25 && hi == 25, "25%% or higher-end is a point");
	bounds("25% ore", EC_UNIT_PCT, &lo, &hi);
	CHECK(lo == 25 && hi == 25, "25%% ore is a point");
	/* text cells fail at their first byte; numbers open with ( - $ US$ */
	cell("Revenue", EX_CELL_TEXT, 0);
	cell("US$ 5", EX_CELL_NUM, 5);
	cell("USD", EX_CELL_TEXT, 0);
	cell("\xe2\x88\x92" "7", EX_CELL_NUM, -7);
	cell("\xe2\x80\x93" "7", EX_CELL_TEXT, 0);
	cell("(-7)", EX_CELL_NUM, -7);
}

int main(void)
{
	double lo, hi;
	currencies();
	shortcuts();
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
