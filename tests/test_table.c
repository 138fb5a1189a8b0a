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

/* The low and high of a guidance row. */
static int guid(const ec_series *s, const char *per, const char *metric, ec_basis b, double lo, double hi)
{
	ec_period p;
	if (ec_period_parse(per, strlen(per), &p, NULL) != EC_OK)
		return 0;
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		if (ec_period_equal(o->period, p) && !strcmp(o->metric, metric) && o->basis == b &&
		    o->kind == EC_KIND_GUIDANCE)
			return fabs(o->low - lo) < 1e-9 && fabs(o->high - hi) < 1e-9;
	}
	return 0;
}

#define HEAD_Q1_FY24 \
	"# Vantora Announces Results for First Quarter Fiscal 2024\n\n" \
	"SANTA CLARA, Calif., Nov. 21, 2023 -- Vantora, Inc. (NASDAQ: VTRA) today reported revenue " \
	"for the first quarter of fiscal 2024, ended October 28, 2023, of $26.41 billion.\n\n"

/* Forms of the second evaluation corpus, with invented numbers: 52/53-week
 * heads with "% of Net Sales" columns, a caption between two tables of one
 * statement, a fiscal-year cash-flow head, IFRS half-year heads with
 * "Change %" columns, metric-and-period column heads, and a segment pipe
 * table with bold section rows. */
static void eval2_tables(void)
{
	const char *retail =
	    "# Marlow Stores Reports Fourth Quarter and Fiscal 2024 Results\n\n"
	    "DENVER -- March 12, 2025 -- Marlow Stores, Inc. (NYSE: MRLW) today reported results for the "
	    "fourth quarter of fiscal 2024, which ended February 1, 2025.\n\n"
	    "## Consolidated Statements of Income\n\n"
	    "(in thousands, except per share amounts; unaudited)\n\n"
	    "**Fourth Quarter**\n\n"
	    "| | 13 Weeks Ended February 1, 2025 | % of Net Sales | 14 Weeks Ended February 3, 2024 (as recast) | % of Net Sales |\n"
	    "|---|---:|---:|---:|---:|\n"
	    "| Net sales | $ 1,200,000 | 100.0% | $ 1,250,000 | 100.0% |\n"
	    "| Gross profit | 420,000 | 35.0% | 425,000 | 34.0% |\n"
	    "| Selling, general and administrative expenses | 300,000 | 25.0% | 312,500 | 25.0% |\n"
	    "| Operating income | 120,000 | 10.0% | 112,500 | 9.0% |\n"
	    "| Net income | $ 90,000 | 7.5% | $ 84,000 | 6.7% |\n"
	    "| Diluted earnings per share | $ 1.50 | | $ 1.40 | |\n\n"
	    "**Fiscal Year**\n\n"
	    "| | 52 Weeks Ended February 1, 2025 | % of Net Sales | 53 Weeks Ended February 3, 2024 | % of Net Sales |\n"
	    "|---|---:|---:|---:|---:|\n"
	    "| Net sales | $ 5,000,000 | 100.0% | $ 5,100,000 | 100.0% |\n"
	    "| Gross profit | 1,600,000 | 32.0% | 1,590,000 | 31.2% |\n"
	    "| Selling, general and administrative expenses | 1,200,000 | 24.0% | 1,190,000 | 23.3% |\n"
	    "| Depreciation | 10,000 | 0.2% | 10,000 | 0.2% |\n"
	    "| Operating income | 390,000 | 7.8% | 390,000 | 7.6% |\n\n"
	    "## Selected Cash Flow Information\n\n"
	    "(in thousands; unaudited)\n\n"
	    "| Fiscal Year | 2024 | 2023 |\n"
	    "|---|---:|---:|\n"
	    "| Net cash provided by operating activities | $ 500,000 | $ 450,000 |\n"
	    "| Capital expenditures | (150,000) | (140,000) |\n";
	ec_series *s = run(retail);
	CHECK(s != NULL, "52/53-week tables extract");
	if (s) {
		CHECK_REL(get(s, "2024Q4", "gross_profit", "total", EC_BASIS_GAAP), 420.0, 1e-9, "'13 Weeks Ended February 1, 2025' -> FY2024Q4");
		CHECK_REL(get(s, "2023Q4", "gross_profit", "total", EC_BASIS_GAAP), 425.0, 1e-9, "'14 Weeks Ended ... (as recast)' -> FY2023Q4");
		CHECK_REL(get(s, "2023Q4", "gross_margin", "total", EC_BASIS_GAAP), 34.0, 1e-9, "'% of Net Sales' cell of gross profit is the gross margin");
		CHECK_REL(get(s, "2024Q4", "operating_margin", "total", EC_BASIS_GAAP), 10.0, 1e-9, "'% of Net Sales' cell of operating income is the operating margin");
		CHECK_REL(get(s, "2023Q4", "eps_diluted", "total", EC_BASIS_GAAP), 1.40, 1e-9, "empty '% of Net Sales' cells keep the columns' places");
		CHECK_REL(get(s, "2024Q4", "operating_expenses", "total", EC_BASIS_GAAP), 300.0, 1e-9, "gross profit - SG&A = operating income: SG&A is operating expenses");
		CHECK_REL(get(s, "2023Q4", "operating_expenses", "total", EC_BASIS_GAAP), 312.5, 1e-9, "the same check in the prior-year column");
		CHECK_REL(get(s, "2024FY", "gross_profit", "total", EC_BASIS_GAAP), 1600.0, 1e-9, "'52 Weeks Ended' -> 2024FY; the caption keeps the unit");
		CHECK_REL(get(s, "2023FY", "operating_income", "total", EC_BASIS_GAAP), 390.0, 1e-9, "'53 Weeks Ended February 3, 2024' -> 2023FY");
		CHECK_REL(get(s, "2023FY", "gross_margin", "total", EC_BASIS_GAAP), 31.2, 1e-9, "fiscal-year gross margin from its % column");
		CHECK(isnan(get(s, "2024FY", "operating_expenses", "total", EC_BASIS_GAAP)), "a second row between gross profit and operating income: no operating expenses");
		CHECK(isnan(get(s, "2024Q4", "revenue", "total", EC_BASIS_GAAP)) || get(s, "2024Q4", "revenue", "total", EC_BASIS_GAAP) > 1000, "'100.0%%' of net sales is no revenue");
		CHECK_REL(get(s, "2023FY", "operating_cash_flow", "total", EC_BASIS_NONE), 450.0, 1e-9, "'Fiscal Year | 2024 | 2023' -> 2023FY");
		CHECK_REL(get(s, "2024FY", "capex", "total", EC_BASIS_NONE), 150.0, 1e-9, "capex from the fiscal-year cash-flow table");
		size_t nm = 0;
		for (size_t i = 0; i < ec_series_count(s); i++) {
			const ec_obs *o = ec_series_get(s, i);
			if (!strcmp(o->metric, "net_income") && o->value < 50)
				nm++;
		}
		CHECK(nm == 0, "'%% of Net Sales' of net income is not net income (%zu rows)", nm);
		ec_series_free(s);
	}
	const char *ifrs =
	    "# Norrland Group plc: Half-year results 2024\n\n"
	    "LONDON, 30 July 2024 -- Norrland Group plc today announced its results for the six months "
	    "ended 30 June 2024.\n\n"
	    "## Group performance\n\n"
	    "| US$ million | Q2 2024 | Q2 2023 | Change % | H1 2024 | H1 2023 | Change % |\n"
	    "|---|---:|---:|---:|---:|---:|---:|\n"
	    "| Revenue | 1,100 | 1,000 | 10.0 | 2,150 | 1,950 | 10.3 |\n"
	    "| Adjusted EBITDA | 250 | 220 | 13.6 | 480 | 430 | 11.6 |\n"
	    "| Adjusted operating profit | 180 | 160 | 12.5 | 350 | 310 | 12.9 |\n"
	    "| Adjusted operating margin (%) | 16.4 | 16.0 | | 16.3 | 15.9 | |\n"
	    "| Operating profit | 150 | 130 | 15.4 | 290 | 255 | 13.7 |\n"
	    "| Profit for the period attributable to shareholders | 100 | 90 | 11.1 | 195 | 170 | 14.7 |\n"
	    "| Diluted EPS (US$) | 0.50 | 0.45 | 11.1 | 0.98 | 0.85 | 15.3 |\n\n"
	    "## Divisional performance (H1)\n\n"
	    "| US$ million | Revenue H1 2024 | Revenue H1 2023 | Adj. operating profit H1 2024 | Adj. operating profit H1 2023 |\n"
	    "|---|---:|---:|---:|---:|\n"
	    "| Alpha & Beta Systems | 1,400 | 1,300 | 250 | 230 |\n"
	    "| Gamma Coatings | 750 | 650 | 130 | 110 |\n"
	    "| Corporate | -- | -- | (30) | (30) |\n"
	    "| Group | 2,150 | 1,950 | 350 | 310 |\n";
	s = run(ifrs);
	CHECK(s != NULL, "IFRS half-year tables extract");
	if (s) {
		CHECK_REL(get(s, "2023Q2", "revenue", "total", EC_BASIS_GAAP), 1000.0, 1e-9, "'Q2 2023' column; 'US$ million' is the unit");
		CHECK_REL(get(s, "2023H1", "revenue", "total", EC_BASIS_GAAP), 1950.0, 1e-9, "'H1 2023' column after a 'Change %' column");
		CHECK_REL(get(s, "2023Q2", "operating_income", "total", EC_BASIS_GAAP), 130.0, 1e-9, "'Operating profit' is operating income");
		CHECK_REL(get(s, "2023H1", "operating_income", "total", EC_BASIS_NON_GAAP), 310.0, 1e-9, "'Adjusted operating profit' is non-GAAP");
		CHECK_REL(get(s, "2024Q2", "operating_margin", "total", EC_BASIS_NON_GAAP), 16.4, 1e-9, "'(%)' in the label: the cells are percentages");
		CHECK_REL(get(s, "2023H1", "operating_margin", "total", EC_BASIS_NON_GAAP), 15.9, 1e-9, "empty change cells keep the columns' places");
		CHECK_REL(get(s, "2023Q2", "net_income", "total", EC_BASIS_GAAP), 90.0, 1e-9, "'Profit for the period attributable to shareholders' is net income");
		CHECK_REL(get(s, "2023H1", "eps_diluted", "total", EC_BASIS_GAAP), 0.85, 1e-9, "'Diluted EPS (US$)'");
		CHECK_REL(get(s, "2023H1", "revenue", "alpha_beta_systems", EC_BASIS_GAAP), 1300.0, 1e-9, "'Revenue H1 2023' column: segment revenue, '&' dropped");
		CHECK_REL(get(s, "2023H1", "operating_income", "gamma_coatings", EC_BASIS_NON_GAAP), 110.0, 1e-9, "'Adj. operating profit H1 2023': non-GAAP segment operating income");
		CHECK(isnan(get(s, "2024H1", "operating_income", "corporate", EC_BASIS_NON_GAAP)), "'Corporate' is not a segment");
		size_t bad = 0;
		for (size_t i = 0; i < ec_series_count(s); i++) {
			const ec_obs *o = ec_series_get(s, i);
			if ((o->value > 15 && o->value < 17) && strcmp(o->metric, "operating_margin") != 0)
				bad++;
			if (o->value == 250 || o->value == 220 || o->value == 480 || o->value == 430)
				bad += strcmp(o->segment, "alpha_beta_systems") != 0;
		}
		CHECK(bad == 0, "no EBITDA rows and no margin read as an amount (%zu)", bad);
		ec_series_free(s);
	}
	const char *segs =
	    "# Ferris Brands Reports Fourth Quarter 2024 Results\n\n"
	    "AUSTIN, Texas, February 4, 2025 -- Ferris Brands, Inc. today reported results for the fourth "
	    "quarter ended December 31, 2024.\n\n"
	    "**Segment Information**\n(in millions; unaudited)\n\n"
	    "| Three Months Ended December 31, | 2024 | 2023 | % Change |\n"
	    "|---|---:|---:|---:|\n"
	    "| **Net sales** | | | |\n"
	    "| Home & Garden | $ 500.0 | $ 480.0 | 4.2% |\n"
	    "| Outdoor | 300.0 | 290.0 | 3.4% |\n"
	    "| Total net sales | $ 800.0 | $ 770.0 | 3.9% |\n"
	    "| **Segment operating income** | | | |\n"
	    "| Home & Garden | 80.0 | 75.0 | 6.7% |\n"
	    "| Outdoor | 40.0 | 38.0 | 5.3% |\n"
	    "| Corporate | (20.0) | (18.0) | |\n"
	    "| Total operating income | $ 100.0 | $ 95.0 | 5.3% |\n";
	s = run(segs);
	CHECK(s != NULL, "segment pipe table extracts");
	if (s) {
		CHECK_REL(get(s, "2023Q4", "revenue", "home_garden", EC_BASIS_GAAP), 480.0, 1e-9, "'**Net sales**' row with empty cells is a section");
		CHECK_REL(get(s, "2024Q4", "revenue", "total", EC_BASIS_GAAP), 800.0, 1e-9, "'Total net sales' is the total");
		CHECK_REL(get(s, "2023Q4", "operating_income", "outdoor", EC_BASIS_GAAP), 38.0, 1e-9, "'Segment operating income' section: segment operating income");
		CHECK_REL(get(s, "2024Q4", "operating_income", "total", EC_BASIS_GAAP), 100.0, 1e-9, "'Total operating income' is the total");
		CHECK(isnan(get(s, "2024Q4", "operating_income", "corporate", EC_BASIS_GAAP)), "'Corporate' is no segment");
		ec_series_free(s);
	}
}

static void newer_tables(void)
{
	/* Quarter labels with change columns; a bare "Non-GAAP" label line;
	 * dated heads over three columns (the middle one the prior quarter). */
	const char *sum = HEAD_Q1_FY24
	    "GAAP\n"
	    "($ in millions, except earnings per share)\tQ1 FY24\tQ4 FY23\tQ1 FY23\tQ/Q\tY/Y\n"
	    "Revenue\t$26,412\t$25,398\t$22,383\tUp 4%\tUp 18%\n"
	    "Gross margin\t63.8%\t62.9%\t58.1%\tUp 0.9 pts\tUp 5.7 pts\n"
	    "Diluted earnings per share\t$2.61\t$2.39\t$1.68\tUp 9%\tUp 55%\n\n"
	    "Non-GAAP\n"
	    "($ in millions, except earnings per share)\tQ1 FY24\tQ4 FY23\tQ1 FY23\tQ/Q\tY/Y\n"
	    "Revenue\t$26,412\t$25,398\t$22,383\tUp 4%\tUp 18%\n"
	    "Gross margin\t64.6%\t63.7%\t59.4%\tUp 0.9 pts\tUp 5.2 pts\n\n"
	    "CONDENSED CONSOLIDATED STATEMENTS OF INCOME\n(In millions, except per share data)\n\n"
	    "\tThree Months Ended\n\tOctober 28,\tJuly 29,\tOctober 29,\n\t2023\t2023\t2022\n"
	    "Gross profit\t16,851\t15,975\t13,005\n"
	    "Operating expenses\n"
	    "Research and development\t5,102\t4,987\t4,366\n"
	    "Total operating expenses\t8,931\t8,702\t7,815\n"
	    "Net income per share:\n"
	    "Diluted\t$ 2.61\t$ 2.39\t$ 1.68\n";
	ec_series *s = run(sum);
	CHECK(s != NULL, "summary tables extract");
	if (s) {
		CHECK_REL(get(s, "2023Q4", "revenue", "total", EC_BASIS_GAAP), 25398, 1e-9, "Q4 FY23 column is the prior quarter");
		CHECK_REL(get(s, "2023Q1", "eps_diluted", "total", EC_BASIS_GAAP), 1.68, 1e-9, "year-ago EPS from a summary row");
		CHECK_REL(get(s, "2023Q4", "gross_margin", "total", EC_BASIS_NON_GAAP), 63.7, 1e-9, "a 'Non-GAAP' label line sets the basis");
		CHECK(isnan(get(s, "2024Q1", "revenue", "total", EC_BASIS_NON_GAAP)), "revenue stays GAAP in a non-GAAP table");
		CHECK_REL(get(s, "2023Q4", "gross_profit", "total", EC_BASIS_GAAP), 15975, 1e-9, "July 29 column: 2023Q4 (fiscal)");
		CHECK_REL(get(s, "2023Q1", "gross_profit", "total", EC_BASIS_GAAP), 13005, 1e-9, "October 29, 2022 column: 2023Q1 (fiscal)");
		CHECK_REL(get(s, "2023Q4", "operating_expenses", "total", EC_BASIS_GAAP), 8702, 1e-9, "rows after a label line inside the table");
		CHECK_REL(get(s, "2023Q4", "eps_diluted", "total", EC_BASIS_GAAP), 2.39, 1e-9, "'Diluted' under 'Net income per share:'");
		ec_series_free(s);
	}
	/* Low / High guidance columns under quarter labels. */
	const char *gt = HEAD_Q1_FY24
	    "Vantora is providing the following guidance for the second quarter of fiscal 2024 and the full "
	    "fiscal year 2024 (in millions, except per share data):\n\n"
	    "\tQ2 FY24\t\tFull Year FY24\t\n"
	    "\tLow\tHigh\tLow\tHigh\n"
	    "Total revenue\t$ 158.0\t$ 160.0\t$ 591.7\t$ 593.7\n"
	    "Non-GAAP net income per share\t$ 0.30\t$ 0.31\t$ 1.18\t$ 1.19\n";
	s = run(gt);
	CHECK(s != NULL, "guidance table extracts");
	if (s) {
		CHECK(guid(s, "2024Q2", "revenue", EC_BASIS_GAAP, 158.0, 160.0), "Low/High under Q2 FY24");
		CHECK(guid(s, "2024FY", "revenue", EC_BASIS_GAAP, 591.7, 593.7), "Low/High under Full Year FY24");
		CHECK(guid(s, "2024FY", "eps_diluted", EC_BASIS_NON_GAAP, 1.18, 1.19), "non-GAAP EPS guidance row");
		ec_series_free(s);
	}
	/* Markdown pipe table converted from EDGAR HTML. */
	const char *pipe =
	    "# Orbis Reports First Quarter 2024 Results\n\n"
	    "CHICAGO, May 1, 2024 -- Orbis, Inc. (NASDAQ: ORBF) today announced its results for the first "
	    "quarter ended March 31, 2024.\n\n"
	    "(in thousands, except per share amounts; unaudited)\n\n"
	    "| | | Three Months Ended March 31, | | | |\n"
	    "|---|---|---|---|---|---|\n"
	    "| | | 2024 | | 2023 | |\n"
	    "| Revenue: | | | | | |\n"
	    "| Transportation services | $ | 598,040 | | $ | 530,722 |\n"
	    "| Software and data | | 86,172 | | | 72,196 |\n"
	    "| Total revenue | | 684,212 | | | 602,918 |\n"
	    "| Net income (loss) | $ | 12,302 | | $ | (1,900 | ) |\n"
	    "| Net income (loss) per share: | | | | | |\n"
	    "| Diluted | $ | 0.11 | | $ | (0.02 | ) |\n";
	s = run(pipe);
	CHECK(s != NULL, "pipe table extracts");
	if (s) {
		CHECK_REL(get(s, "2023Q1", "net_income", "total", EC_BASIS_GAAP), -1.9, 1e-9, "'(1,900 | )': the ')' closes the number");
		CHECK_REL(get(s, "2023Q1", "eps_diluted", "total", EC_BASIS_GAAP), -0.02, 1e-9, "negative EPS in a pipe table");
		CHECK_REL(get(s, "2023Q1", "revenue", "software_and_data", EC_BASIS_GAAP), 72.196, 1e-9, "segment row under 'Revenue:'");
		CHECK_REL(get(s, "2024Q1", "revenue", "transportation_services", EC_BASIS_GAAP), 598.04, 1e-9, "'$' cell joins its number");
		CHECK_REL(get(s, "2024Q1", "revenue", "total", EC_BASIS_GAAP), 684.212, 1e-9, "the total row is total revenue");
		ec_series_free(s);
	}
	/* Flattened from PDF: every head and cell on a line of its own, two
	 * spans, "%" lines, a balance sheet with alternating dates and years. */
	const char *flat2 =
	    "Kestrel Reports Second Quarter 2023 Results\n\n"
	    "STAMFORD, Conn., July 27, 2023 -- Kestrel Corp. (NYSE: KSTL) today reported results for the "
	    "second quarter ended June 30, 2023.\n\n"
	    "CONDENSED CONSOLIDATED STATEMENTS OF INCOME\n(in millions, except per share amounts)\n"
	    "Three Months Ended\nJune 30,\nSix Months Ended\nJune 30,\n2023\n2022\n2023\n2022\n"
	    "Revenue\n$\n812.4\n$\n760.1\n$\n1,598.7\n$\n1,490.2\n"
	    "Restructuring charges\n\xe2\x80\x94\n12.3\n4.1\n12.3\n"
	    "Operating income\n118.0\n82.6\n219.0\n163.4\n"
	    "GAAP operating margin\n14.5\n%\n10.9\n%\n13.7\n%\n11.0\n%\n"
	    "CONDENSED CONSOLIDATED BALANCE SHEETS\n(in millions)\n"
	    "June 30,\n2023\nDecember 31,\n2022\n"
	    "Assets\nCash and cash equivalents\n$\n412.7\n$\n388.0\n"
	    "Deferred revenue\n64.2\n58.9\n";
	s = run(flat2);
	CHECK(s != NULL, "flattened statements extract");
	if (s) {
		CHECK_REL(get(s, "2023H1", "revenue", "total", EC_BASIS_GAAP), 1598.7, 1e-9, "years one a line: six-month column");
		CHECK_REL(get(s, "2022Q2", "operating_income", "total", EC_BASIS_GAAP), 82.6, 1e-9, "row after a dash cell");
		CHECK_REL(get(s, "2022H1", "operating_margin", "total", EC_BASIS_GAAP), 11.0, 1e-9, "'%' on its own line");
		CHECK_REL(get(s, "2022Q4", "cash_investments", "total", EC_BASIS_NONE), 388.0, 1e-9, "the only cash line of a balance sheet");
		CHECK_REL(get(s, "2023Q2", "deferred_revenue", "total", EC_BASIS_NONE), 64.2, 1e-9, "balance at June 30, 2023");
		ec_series_free(s);
	}
	/* A standard Markdown table with quarter heads, and an outlook table
	 * whose period is in its heading and whose unit is in a row label. */
	const char *md =
	    "# Tidal Energy Reports Third Quarter 2024 Results\n\n"
	    "HOUSTON, Oct. 30, 2024 -- Tidal Energy, Inc. (NYSE: TIDE) today announced results for the "
	    "third quarter ended September 30, 2024.\n\n"
	    "| | Q3 2024 | Q3 2023 | Change |\n"
	    "|---|---|---|---|\n"
	    "| Revenue | $1.204B | $1.100B | 9% |\n"
	    "| Diluted EPS | $0.91 | $0.74 | 23% |\n"
	    "| Free cash flow | $215M | $180M | 19% |\n"
	    "| Operating income | $0.31B | $0.28B | 11% |\n\n"
	    "## 2024 Outlook\n\n"
	    "| | Low | High |\n"
	    "|---|---|---|\n"
	    "| Revenue (in billions) | $4.6 | $4.8 |\n"
	    "| Adjusted EPS | $3.40 | $3.60 |\n";
	s = run(md);
	CHECK(s != NULL, "Markdown tables extract");
	if (s) {
		CHECK_REL(get(s, "2023Q3", "revenue", "total", EC_BASIS_GAAP), 1100, 1e-9, "a Markdown head row of quarter labels");
		CHECK_REL(get(s, "2024Q3", "eps_diluted", "total", EC_BASIS_GAAP), 0.91, 1e-9, "EPS beside a Change column");
		CHECK_REL(get(s, "2024Q3", "operating_income", "total", EC_BASIS_GAAP), 310, 1e-9, "'$0.31B' cells need no unit statement");
		CHECK(guid(s, "2024FY", "revenue", EC_BASIS_GAAP, 4600, 4800), "'2024 Outlook' over Low/High, '(in billions)' in the label");
		CHECK(guid(s, "2024FY", "eps_diluted", EC_BASIS_NON_GAAP, 3.40, 3.60), "adjusted EPS outlook");
		ec_series_free(s);
	}
	/* The segment rows of "Revenue:" end at the first row the lexicon
	 * names, with or without "Total". */
	const char *sec =
	    "ACME REPORTS THIRD QUARTER 2023 RESULTS\n\n"
	    "Statements of Operations\n(in millions)\n\n"
	    "\tThree Months Ended September 30,\t\n\t2023\t2022\n"
	    "Revenues:\t\t\n"
	    "Hardware\t60.0\t55.0\n"
	    "Software\t40.0\t35.0\n"
	    "Revenues\t100.0\t90.0\n"
	    "Amortization of intangibles\t5.0\t5.0\n";
	s = run(sec);
	CHECK(s != NULL, "revenue section extracts");
	if (s) {
		CHECK_REL(get(s, "2023Q3", "revenue", "hardware", EC_BASIS_GAAP), 60.0, 1e-9, "a segment row under 'Revenues:'");
		CHECK_REL(get(s, "2022Q3", "revenue", "total", EC_BASIS_GAAP), 90.0, 1e-9, "the section's total");
		CHECK(isnan(get(s, "2023Q3", "revenue", "amortization_of_intangibles", EC_BASIS_GAAP)),
		      "a row after the total is not a segment");
		ec_series_free(s);
	}
	/* A unit line between two tables is the next table's unit, not a
	 * section label. */
	const char *units =
	    "ACME REPORTS THIRD QUARTER 2023 RESULTS\n\n"
	    "Statements of Operations\n(in millions)\n\n"
	    "\tThree Months Ended September 30,\t\n\t2023\t2022\n"
	    "Revenue\t1,000.0\t900.0\n"
	    "Cash flow data\n(in thousands)\n"
	    "\tThree Months Ended September 30,\t\n\t2023\t2022\n"
	    "Net cash provided by operating activities\t120,000\t110,000\n";
	s = run(units);
	CHECK(s != NULL, "two units extract");
	if (s) {
		CHECK_REL(get(s, "2023Q3", "operating_cash_flow", "total", EC_BASIS_NONE), 120.0, 1e-9, "'(in thousands)' after a table sets the next unit");
		ec_series_free(s);
	}
	/* Segment rows under "Operating income:" are operating income. */
	const char *segs =
	    "ACME REPORTS THIRD QUARTER 2023 RESULTS\n\n"
	    "SEGMENT REVENUE AND OPERATING INCOME\n(in millions)\n\n"
	    "\tThree Months Ended September 30,\t\n\t2023\t2022\n"
	    "Operating income:\t\t\n"
	    "Aerospace\t90.0\t80.0\n"
	    "Total operating income\t140.0\t125.0\n"
	    "Revenue:\t\t\n"
	    "Aerospace\t600.0\t550.0\n";
	s = run(segs);
	CHECK(s != NULL, "segment sections extract");
	if (s) {
		CHECK_REL(get(s, "2023Q3", "operating_income", "aerospace", EC_BASIS_GAAP), 90.0, 1e-9, "a segment row under 'Operating income:'");
		CHECK_REL(get(s, "2023Q3", "revenue", "aerospace", EC_BASIS_GAAP), 600.0, 1e-9, "... and under 'Revenue:'");
		CHECK(ec_series_conflict_count(s) == 0, "operating income rows are not revenue");
		ec_series_free(s);
	}
	/* A second table whose heads are not periods does not inherit the
	 * first table's columns. */
	const char *two =
	    "ACME REPORTS THIRD QUARTER 2023 RESULTS\n\n"
	    "Statements of Operations\n(in millions)\n\n"
	    "\tThree Months Ended September 30,\t\n\t2023\t2022\n"
	    "Gross profit\t60.0\t55.0\n\n"
	    "\tGAAP\tNon-GAAP\n"
	    "Gross profit\t60.0\t64.0\n";
	s = run(two);
	CHECK(s != NULL, "two tables extract");
	if (s) {
		CHECK_REL(get(s, "2022Q3", "gross_profit", "total", EC_BASIS_GAAP), 55.0, 1e-9, "the first table's prior year");
		CHECK(ec_series_conflict_count(s) == 0 && isnan(get(s, "2023Q3", "gross_profit", "total", EC_BASIS_NON_GAAP)),
		      "'GAAP / Non-GAAP' columns are not the years of the table before");
		ec_series_free(s);
	}
	/* Columns separated by blanks: dates under a duration end it; an
	 * indented head row has no label; "Operating revenues". */
	const char *sp =
	    "Keystone Logistics Reports Fourth Quarter 2023 Results\n\n"
	    "ATLANTA, Feb. 1, 2024 -- Keystone Logistics Inc. (NYSE: KLOG) today reported fourth quarter 2023 results.\n\n"
	    "CONSOLIDATED STATEMENTS OF INCOME\n(Unaudited, in millions except per share data)\n\n"
	    "                                        Three Months Ended\n"
	    "                                   Dec. 31, 2023    Dec. 31, 2022\n"
	    "Operating revenues                 $    2,410       $    2,630\n"
	    "Operating income                          288              355\n\n"
	    "                                     Dec. 31, 2023    Dec. 31, 2022\n"
	    "Cash and cash equivalents          $      512       $      430\n"
	    "Short-term investments                    100              120\n";
	s = run(sp);
	CHECK(s != NULL, "blank-separated statements extract");
	if (s) {
		CHECK_REL(get(s, "2022Q4", "operating_income", "total", EC_BASIS_GAAP), 355, 1e-9, "a date under 'Three Months Ended' ends a quarter");
		CHECK_REL(get(s, "2023Q4", "revenue", "total", EC_BASIS_GAAP), 2410, 1e-9, "'Operating revenues' is revenue");
		CHECK(isnan(get(s, "2023Q4", "cash_investments", "total", EC_BASIS_NONE)),
		      "cash beside short-term investments is not the total");
		ec_series_free(s);
	}
	/* Dates over years, a split deferred revenue, regions with Change. */
	const char *bs =
	    "ACME REPORTS FOURTH QUARTER 2023 RESULTS\n\n"
	    "SALES BY REGION\n(in millions)\n\n"
	    "\tThree Months Ended December 31,\t\t\tTwelve Months Ended December 31,\t\t\n"
	    "\t2023\t2022\tChange\t2023\t2022\tChange\n"
	    "Americas\t\\$ 912.4\t\\$ 826.0\t10.5 %\t\\$ 3,452.1\t\\$ 3,150.8\t9.6 %\n"
	    "EMEA\t561.3\t540.2\t3.9 %\t2,118.6\t1,990.4\t6.4 %\n\n"
	    "CONDENSED CONSOLIDATED BALANCE SHEET DATA\n(in millions)\n\n"
	    "\tDecember 31,\tDecember 31,\n\t2023\t2022\n"
	    "Deferred revenue\t486.3\t441.0\n"
	    "Deferred revenue, non-current\t46.5\t37.5\n";
	s = run(bs);
	CHECK(s != NULL, "regions and balances extract");
	if (s) {
		CHECK_REL(get(s, "2022FY", "revenue", "emea", EC_BASIS_GAAP), 1990.4, 1e-9, "a Change column is skipped");
		CHECK_REL(get(s, "2022Q4", "revenue", "americas", EC_BASIS_GAAP), 826.0, 1e-9, "regional row, prior year");
		CHECK_REL(get(s, "2022Q4", "deferred_revenue", "current", EC_BASIS_NONE), 441.0, 1e-9, "deferred revenue above its non-current part is current");
		CHECK_REL(get(s, "2023Q4", "deferred_revenue", "long_term", EC_BASIS_NONE), 46.5, 1e-9, "', non-current' is long_term");
		ec_series_free(s);
	}
}

/* Tables in another currency: no US-dollar rows from them; their
 * percentages stay. */
static void foreign_tables(void)
{
	const char *yen =
	    "# Kestrel Group Reports Fourth Quarter 2024 Results\n\n"
	    "LONDON, Feb. 6, 2025 -- Kestrel Group today reported results for the fourth quarter "
	    "ended December 31, 2024.\n\n"
	    "CONSOLIDATED OPERATING RESULTS\n(Millions of yen)\n\n"
	    "\tThree Months Ended\n\tDecember 31,\tDecember 31,\n\t2024\t2023\n"
	    "Revenue\t1,003,812\t948,530\n"
	    "Operating profit\t114,603\t97,221\n"
	    "Operating margin\t11.4%\t10.2%\n\n"
	    "CONSOLIDATED STATEMENT OF INCOME\n(in millions of euros)\n\n"
	    "\tThree Months Ended\n\tDecember 31,\tDecember 31,\n\t2024\t2023\n"
	    "Revenue\t2,118.6\t1,990.4\n"
	    "Gross margin\t41.2%\t40.1%\n\n"
	    "SEGMENT DATA\n(US$ in millions)\n\n"
	    "\tThree Months Ended\n\tDecember 31,\tDecember 31,\n\t2024\t2023\n"
	    "Capital expenditures\t(62.4)\t(55.0)\n";
	ec_series *s = run(yen);
	CHECK(s != NULL, "foreign tables extract");
	if (s) {
		CHECK(isnan(get(s, "2024Q4", "revenue", "total", EC_BASIS_GAAP)),
		      "'Millions of yen' cells are no usd_m revenue");
		CHECK(isnan(get(s, "2024Q4", "operating_income", "total", EC_BASIS_GAAP)),
		      "nor operating income");
		CHECK_REL(get(s, "2024Q4", "operating_margin", "total", EC_BASIS_GAAP), 11.4, 1e-9,
		          "the yen table's margin stays");
		CHECK(isnan(get(s, "2023Q4", "revenue", "total", EC_BASIS_GAAP)),
		      "'(in millions of euros)': no usd_m revenue");
		CHECK_REL(get(s, "2024Q4", "gross_margin", "total", EC_BASIS_GAAP), 41.2, 1e-9,
		          "the euro table's margin stays");
		CHECK_REL(get(s, "2024Q4", "capex", "total", EC_BASIS_NONE), 62.4, 1e-9,
		          "'(US$ in millions)' is US dollars");
	}
	ec_series_free(s);
}

/* A forecast table whose cells are ranges. */
static void range_cells(void)
{
	const char *t =
	    "# Nimbra Reports Fourth Quarter Fiscal 2025 Results\n\n"
	    "SAN JOSE, Calif., Aug. 28, 2025 -- Nimbra, Inc. (NYSE: NMBR) today announced results "
	    "for its fourth quarter of fiscal 2025, ended July 31, 2025.\n\n"
	    "## Financial Outlook\n\n"
	    "| | Q1 FY26 | FY26 |\n|---|---|---|\n"
	    "| Total revenue | \\$410 - \\$415 million | \\$1.735 - \\$1.750 billion |\n"
	    "| Non-GAAP operating margin | 20% - 21% | 21.5% \xe2\x80\x93 22.0% |\n"
	    "| Non-GAAP net income per diluted share | \\$0.50 - \\$0.52 | \\$2.20 - \\$2.26 |\n"
	    "| Weighted-average diluted shares outstanding | ~151 million | ~153 million |\n\n"
	    "## Past ranges\n\n"
	    "| | Q3 FY25 |\n|---|---|\n"
	    "| Total revenue | \\$380 - \\$385 million |\n";
	ec_series *s = run(t);
	CHECK(s != NULL, "range cells extract");
	if (s) {
		CHECK(guid(s, "2026Q1", "revenue", EC_BASIS_GAAP, 410, 415), "'$410 - $415 million' -> 410..415");
		CHECK(guid(s, "2026FY", "revenue", EC_BASIS_GAAP, 1735, 1750),
		      "'$1.735 - $1.750 billion': the scale shared");
		CHECK(guid(s, "2026Q1", "operating_margin", EC_BASIS_NON_GAAP, 20, 21), "'20%% - 21%%'");
		CHECK(guid(s, "2026FY", "operating_margin", EC_BASIS_NON_GAAP, 21.5, 22), "an en dash");
		CHECK(guid(s, "2026Q1", "eps_diluted", EC_BASIS_NON_GAAP, 0.5, 0.52), "'$0.50 - $0.52'");
		CHECK(!guid(s, "2025Q3", "revenue", EC_BASIS_GAAP, 380, 385) &&
		          isnan(get(s, "2025Q3", "revenue", "total", EC_BASIS_GAAP)),
		      "a range for a past quarter is neither guidance nor an actual");
	}
	ec_series_free(s);
}

/* Row labels of every form label_metric reads: long ones without marks
 * (taken as they are), and ones with commas, colons, footnote marks and
 * parentheses (copied byte by byte), across its sixteen-byte blocks. */
static void label_forms(void)
{
	const char *doc =
	    "ACME REPORTS Q3'07 FINANCIAL RESULTS\n\n"
	    "Acme, Inc.\nCondensed Consolidated Statements of Operations\n"
	    "(in thousands, except per share amounts)\n(unaudited)\n\n"
	    "\tThree Months Ended September 30,\t\n"
	    "\t2007\t2006\n"
	    "Total revenues, net\t1,000\t900\n"
	    "Gross profit*\t600\t500\n"
	    "Total operating expenses\t300\t280\n"
	    "Operating income (GAAP)\t300\t220\n"
	    "Non-GAAP operating income\t350\t260\n"
	    "Net income attributable to Acme, Inc.\t210\t150\n"
	    "Diluted earnings per share:\t0.42\t0.30\n"
	    "Basic and diluted shares outstanding\t500\t500\n";
	ec_series *s = run(doc);
	CHECK(s != NULL, "label forms extract");
	if (!s)
		return;
	CHECK_REL(get(s, "2007Q3", "revenue", "total", EC_BASIS_GAAP), 1.0, 1e-9, "'Total revenues, net'");
	CHECK_REL(get(s, "2006Q3", "gross_profit", "total", EC_BASIS_GAAP), 0.5, 1e-9, "'Gross profit*'");
	CHECK_REL(get(s, "2007Q3", "operating_expenses", "total", EC_BASIS_GAAP), 0.3, 1e-9, "'Total operating expenses' (24 bytes, plain)");
	CHECK_REL(get(s, "2007Q3", "operating_income", "total", EC_BASIS_GAAP), 0.3, 1e-9, "'Operating income (GAAP)'");
	CHECK_REL(get(s, "2006Q3", "operating_income", "total", EC_BASIS_NON_GAAP), 0.26, 1e-9, "'Non-GAAP operating income' (25 bytes, plain)");
	CHECK_REL(get(s, "2007Q3", "net_income", "total", EC_BASIS_GAAP), 0.21, 1e-9, "'Net income attributable to Acme, Inc.'");
	CHECK_REL(get(s, "2006Q3", "eps_diluted", "total", EC_BASIS_GAAP), 0.30, 1e-9, "'Diluted earnings per share:'");
	size_t n = ec_series_count(s);
	CHECK(n == 14, "no row from the shares line (%zu rows)", n);
	ec_series_free(s);
}

/* A header flattened from PDF with one column label a line ("FY2025Q1",
 * "FY2024Q4", "FY2024Q1", "Q/Q", "Y/Y"), then label lines with their
 * values: all five columns, or the three period columns alone. */
static void flat_label_heads(void)
{
	const char *t =
	    "Kilmore Medical Reports Fiscal 2025 First Quarter Results\n\n"
	    "BOSTON, Jan. 30, 2025 -- Kilmore Medical Corporation today reported results for its "
	    "fiscal 2025 first quarter, which ended December 27, 2024. Its fiscal year ends in "
	    "September.\n\n"
	    "FINANCIAL SUMMARY\n(Unaudited; in millions, except per share data and percentages)\n"
	    "FY2025Q1\nFY2024Q4\nFY2024Q1\nQ/Q\nY/Y\n"
	    "Revenue\n$ 1,482.6  $ 1,517.3  $ 1,389.0  -2.3%  6.7%\n"
	    "Operating margin\n16.1%  17.4%  15.1%\n"
	    "Adjusted EPS\n$ 1.82  $ 1.90  $ 1.49  -4.2%  22.1%\n";
	ec_series *s = run(t);
	CHECK(s != NULL, "label-a-line header extracts");
	if (s) {
		CHECK_REL(get(s, "2024Q4", "revenue", "total", EC_BASIS_GAAP), 1517.3, 1e-9,
		          "the second label's column: FY2024Q4 revenue");
		CHECK_REL(get(s, "2024Q1", "revenue", "total", EC_BASIS_GAAP), 1389.0, 1e-9,
		          "the third: FY2024Q1 revenue");
		CHECK_REL(get(s, "2024Q4", "operating_margin", "total", EC_BASIS_GAAP), 17.4, 1e-9,
		          "three values under five columns go to the period columns");
		CHECK_REL(get(s, "2024Q1", "eps_diluted", "total", EC_BASIS_NON_GAAP), 1.49, 1e-9,
		          "adjusted EPS of FY2024Q1");
		CHECK(isnan(get(s, "2025Q1", "revenue", "total", EC_BASIS_GAAP)) ||
		          fabs(get(s, "2025Q1", "revenue", "total", EC_BASIS_GAAP) - 1482.6) < 1e-9,
		      "no Q/Q change read as a value");
	}
	ec_series_free(s);
}

/* A hard-wrapped paragraph (no full stop at its lines' ends) above a
 * flattened table: its "full fiscal year" is no header piece. */
static void wrapped_prose(void)
{
	const char *t =
	    "Acme Reports Second Quarter Fiscal 2025 Results\n\n"
	    "SAN JOSE, Calif., August 27, 2024 -- Acme today reported results for its second "
	    "quarter of fiscal 2025, which ended July 31, 2024.\n\n"
	    "For the full fiscal year 2025, ending January 31, 2025, Acme now expects revenue of\n"
	    "$2.83 billion to $2.87 billion, compared with its prior outlook of $2.78 billion to\n"
	    "$2.84 billion, and adjusted diluted EPS of $3.40 to $3.50.\n\n"
	    "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in millions)\n(unaudited)\n"
	    "Three Months Ended\nSix Months Ended\nJuly 31,\nJuly 31,\n2024\n2023\n2024\n2023\n"
	    "Total revenue\n$\n700.5\n$\n662.7\n$\n1,368.8\n$\n1,302.4\n";
	ec_series *s = run(t);
	CHECK(s != NULL, "wrapped prose and a flattened table extract");
	if (s) {
		CHECK_REL(get(s, "2024Q2", "revenue", "total", EC_BASIS_GAAP), 662.7, 1e-9,
		          "the year-ago quarter's column");
		CHECK_REL(get(s, "2025H1", "revenue", "total", EC_BASIS_GAAP), 1368.8, 1e-9,
		          "the six months' column after a wrapped paragraph");
	}
	ec_series_free(s);
}

int main(void)
{
	wrapped_prose();
	flat_label_heads();
	label_forms();
	newer_tables();
	foreign_tables();
	range_cells();
	eval2_tables();
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
