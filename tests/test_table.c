/* Tables: tab-separated and flattened from PDF (src/extract/table.c). */
#include <math.h>
#include <string.h>

#include "earnchart/extract.h"
#include "testlib.h"

static ec_series *run(const char *text)
{
	ec_series *s = ec_series_new();
	ec_series_set_doc_keyed(s, true);
	ec_error err;
	if (ec_extract_mem(text, strlen(text), "t.txt", NULL, s, NULL, &err) != EC_OK) {
		ec_series_free(s);
		return NULL;
	}
	return s;
}

static double get(const ec_series *s, const char *per, const char *metric, const char *seg, ec_basis b)
{
	ec_key k = {"", {0, 0, 0}, metric, seg, b, EC_KIND_ACTUAL, NULL};
	ec_period_parse(per, strlen(per), &k.period, NULL);
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		if (ec_period_equal(o->period, k.period) && !strcmp(o->metric, metric) &&
		    !strcmp(o->segment, seg) && o->basis == b)
			return o->value;
	}
	return NAN;
}

int main(void)
{
	const char *tab =
	    "ACME REPORTS Q3'07 FINANCIAL RESULTS\n\n"
	    "Acme, Inc.\nCondensed Consolidated Statements of Operations\n"
	    "(in thousands, except per share amounts)\n(unaudited)\n\n"
	    "\tThree Months Ended September 30,\t\tNine Months Ended September 30,\t\n"
	    "\t2007\t2006\t2007\t2006\n"
	    "Net revenues:\t\t\t\t\n"
	    "Product\t\\$ 606,769\t\\$ 467,237\t\\$ 1,658,237\t\\$ 1,410,152\n"
	    "Service\t128,279\t106,330\t368,669\t297,598\n"
	    "Total net revenues\t735,048\t573,567\t2,026,906\t1,707,750\n"
	    "Cost of revenues:\t\t\t\t\n"
	    "Product\t168,123\t140,787\t482,956\t421,221\n"
	    "Operating income (loss)\t112,763\t57,743\t259,482\t(1,060,132)\n"
	    "Impairment charges\t-\t-\t-\t1,283,421\n"
	    "Net income (loss) per share:\t\t\t\t\n"
	    "Basic\t\\$ 0.17\t\\$ 0.10\t\\$ 0.44\t\\$ (1.89)\n"
	    "Diluted\t\\$ 0.15\t\\$ 0.10\t\\$ 0.41\t\\$ (1.89)\n"
	    "Shares used in computing net income (loss) per share:\t\t\t\t\n"
	    "Diluted\t561,401\t599,626\t582,780\t566,862\n";
	ec_series *s = run(tab);
	CHECK(s != NULL, "tab table extracts");
	if (s) {
		CHECK_REL(get(s, "2007Q3", "revenue", "product", EC_BASIS_GAAP), 606.769, 1e-9, "product revenue 2007Q3 (thousands)");
		CHECK_REL(get(s, "2006M9", "revenue", "service", EC_BASIS_GAAP), 297.598, 1e-9, "service revenue 2006M9");
		CHECK_REL(get(s, "2007M9", "revenue", "total", EC_BASIS_GAAP), 2026.906, 1e-9, "total net revenues 2007M9");
		CHECK_REL(get(s, "2006M9", "operating_income", "total", EC_BASIS_GAAP), -1060.132, 1e-9, "negative in parentheses");
		CHECK_REL(get(s, "2006M9", "eps_diluted", "total", EC_BASIS_GAAP), -1.89, 1e-9, "diluted EPS \\$ (1.89)");
		CHECK_REL(get(s, "2007Q3", "eps_diluted", "total", EC_BASIS_GAAP), 0.15, 1e-9, "diluted EPS, not basic, not shares");
		CHECK(ec_series_count(s) == 20, "20 rows: costs, impairment, basic and shares are not metrics (%zu)", ec_series_count(s));
		ec_series_free(s);
	}
	const char *bal =
	    "ACME REPORTS Q3'07 FINANCIAL RESULTS\n\n"
	    "Condensed Consolidated Balance Sheets\n(in thousands)\n\n"
	    "\tSeptember 30, 2007\tDecember 31, 2006\n"
	    "Current liabilities:\t\t\n"
	    "Deferred revenue\t383,489\t312,253\n"
	    "Long-term deferred revenue\t69,817\t73,326\n";
	s = run(bal);
	CHECK(s != NULL, "balance sheet extracts");
	if (s) {
		CHECK_REL(get(s, "2006Q4", "deferred_revenue", "current", EC_BASIS_NONE), 312.253, 1e-9, "balance at December 31, 2006 -> 2006Q4");
		CHECK_REL(get(s, "2007Q3", "deferred_revenue", "long_term", EC_BASIS_NONE), 69.817, 1e-9, "long-term deferred revenue");
		ec_series_free(s);
	}
	/* Flattened from PDF: columns split over lines and runs of blanks. */
	const char *flat =
	    "Nova Announces Fourth Quarter 2021 Results\n\n"
	    "Statements of Operations\n(in millions, except per share amounts)\n\n"
	    "Three Months Ended\nDecember 31,\n2021      2020\n"
	    "Revenue\n$\n612.4\n$\n540.0\n"
	    "Gross profit     402.1     351.3\n"
	    "Net income (loss)     61.0     (20.3)\n";
	s = run(flat);
	CHECK(s != NULL, "flattened table extracts");
	if (s) {
		CHECK_REL(get(s, "2021Q4", "revenue", "total", EC_BASIS_GAAP), 612.4, 1e-9, "split over lines: 2021Q4 revenue");
		CHECK_REL(get(s, "2020Q4", "revenue", "total", EC_BASIS_GAAP), 540.0, 1e-9, "split over lines: 2020Q4 revenue");
		CHECK_REL(get(s, "2021Q4", "gross_profit", "total", EC_BASIS_GAAP), 402.1, 1e-9, "blank-separated columns");
		CHECK_REL(get(s, "2020Q4", "net_income", "total", EC_BASIS_GAAP), -20.3, 1e-9, "negative in a flattened row");
		ec_series_free(s);
	}
	return ec_test_done();
}
