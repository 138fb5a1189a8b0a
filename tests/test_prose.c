/* Prose rules added for documents from other companies (rules.c and
 * when.c): each case is a small document and the rows it must give, with
 * periods, values and bounds, and the rows it must not give. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/extract.h"
#include "earnchart/io.h"
#include "ex.h"
#include "testlib.h"

static ec_series *extract(const char *text)
{
	ec_series *s = ec_series_new();
	ec_error e;
	if (!s || ec_extract_mem(text, strlen(text), "t.txt", NULL, s, NULL, &e) != EC_OK) {
		ec_series_free(s);
		return NULL;
	}
	return s;
}

/* The row of metric/segment/kind for period label per ("2024Q2"), or NULL. */
static const ec_obs *row(const ec_series *s, const char *per, const char *metric,
                         const char *segment, ec_kind kind)
{
	for (size_t i = 0; s && i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		char buf[EC_PERIOD_STRLEN];
		ec_period_format(o->period, buf);
		if (!strcmp(buf, per) && !strcmp(o->metric, metric) && !strcmp(o->segment, segment) &&
		    o->kind == kind)
			return o;
	}
	return NULL;
}

/* The row's value is want (the check named what). */
static void value_is(const ec_series *s, const char *per, const char *metric, const char *segment,
                     ec_kind kind, double want, const char *what)
{
	const ec_obs *o = row(s, per, metric, segment, kind);
	CHECK(o && fabs(o->value - want) < 1e-9, "%s", what);
}

static const char head[] = "Acme Reports Fourth Quarter 2023 Results\n\n"
                           "NEW YORK, Feb. 21, 2024 -- Acme Corp. (NYSE: ACME) today reported "
                           "results for the fourth quarter ended December 31, 2023.\n\n";

static ec_series *doc(const char *body)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s%s\n", head, body);
	return extract(buf);
}

/* A call on quarter q ("Q4 2023"): an operator turn, then the CFO says
 * body. */
static ec_series *call(const char *q, const char *body)
{
	char buf[4096];
	snprintf(buf, sizeof buf,
	         "Acme %s Earnings Call\n\nOperator\n\nWelcome to the call.\n\n"
	         "John Smith - CFO\n\n%s\n",
	         q, body);
	return extract(buf);
}

static void full_year(void)
{
	ec_series *s = doc("Net sales for the year were $12.48 billion, up 3.6%. Fourth quarter net "
	                   "sales were $3.12 billion. The company ended the year with approximately "
	                   "21,400 employees.");
	value_is(s, "2023FY", "revenue", "total", EC_KIND_ACTUAL, 12480, "'for the year' is the full year 2023: 12480");
	value_is(s, "2023Q4", "revenue", "total", EC_KIND_ACTUAL, 3120, "the fourth quarter keeps 3120");
	value_is(s, "2023Q4", "headcount", "total", EC_KIND_ACTUAL, 21400, "a headcount at the end of the year is Q4's");
	CHECK(!row(s, "2023FY", "headcount", "total", EC_KIND_ACTUAL), "no full-year headcount");
	ec_series_free(s);
}

static void outlook(void)
{
	ec_series *s = doc("Revenue of $3.12 billion was up 10% and above the high end of our outlook.\n\n"
	                   "Now to our 2024 outlook. We expect net sales of $12.8 billion to $12.9 billion "
	                   "and adjusted EPS of at least $4.50. For the first quarter, we expect adjusted "
	                   "EPS of approximately $1.02.");
	value_is(s, "2023Q4", "revenue", "total", EC_KIND_ACTUAL, 3120, "'above the high end of our outlook' states an actual (3120 in 2023Q4)");
	CHECK(!row(s, "2024Q1", "revenue", "total", EC_KIND_GUIDANCE) ||
	          fabs(row(s, "2024Q1", "revenue", "total", EC_KIND_GUIDANCE)->low - 3120) > 1,
	      "the actual is not taken for guidance");
	const ec_obs *o = row(s, "2024FY", "revenue", "total", EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 12800) < 1e-9 && fabs(o->high - 12900) < 1e-9,
	      "'Now to our 2024 outlook.' dates the range that follows: 2024FY 12800..12900");
	o = row(s, "2024FY", "eps_diluted", "total", EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 4.5) < 1e-9 && isnan(o->high) && isnan(o->value),
	      "'at least $4.50' is an open range: low 4.5, no high, no value");
	o = row(s, "2024Q1", "eps_diluted", "total", EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 1.02) < 1e-9 && fabs(o->high - 1.02) < 1e-9,
	      "'For the first quarter' still names 2024Q1: 1.02");
	ec_series_free(s);
}

static void halves(void)
{
	ec_series *s = extract("# Kaldera Group -- Half-Year 2024 Results\n\n"
	                       "Amsterdam, 25 July 2024 -- Kaldera Group (Euronext: KALD) today publishes its "
	                       "results for the second quarter and first half of 2024.\n\n"
	                       "- Revenue of $4,826 million in H1 2024, up 7.0%\n"
	                       "- Q2 2024 revenue of $2,498 million, up 7.9%\n\n"
	                       "## Financial calendar\n\n- 24 October 2024: Q3 2024 trading update results\n");
	value_is(s, "2024H1", "revenue", "total", EC_KIND_ACTUAL, 4826, "'H1 2024' is the half year: 4826");
	value_is(s, "2024Q2", "revenue", "total", EC_KIND_ACTUAL, 2498, "the document's quarter is 2024Q2: 2498");
	CHECK(!row(s, "2024Q3", "revenue", "total", EC_KIND_ACTUAL),
	      "a quarter after the document's date is not its quarter");
	ec_series_free(s);
}

static void fiscal_title(void)
{
	ec_series *s = extract("Microsoft Cloud Strength Fuels Second Quarter Results\n\n"
	                       "REDMOND, Wash. -- January 30, 2024 -- Microsoft Corp. today announced the "
	                       "following results for the quarter ended December 31, 2023:\n\n"
	                       "Revenue was $62.0 billion and increased 18%.\n\n"
	                       "Revenue in Productivity and Business Processes was $19.2 billion.\n\n"
	                       "Revenue from the Intelligent Cloud segment was $25.9 billion.\n");
	value_is(s, "2024Q2", "revenue", "total", EC_KIND_ACTUAL, 62000, "'Second Quarter' ended December 31, 2023 is fiscal 2024Q2: 62000");
	CHECK(!row(s, "2023Q4", "revenue", "total", EC_KIND_ACTUAL), "not calendar 2023Q4");
	value_is(s, "2024Q2", "revenue", "productivity_and_business_processes", EC_KIND_ACTUAL, 19200, "a segment of several words after 'in'");
	value_is(s, "2024Q2", "revenue", "intelligent_cloud", EC_KIND_ACTUAL, 25900, "'from the Intelligent Cloud segment'");
	ec_series_free(s);
}

static void when_forms(void)
{
	static const struct {
		const char *text;
		int type, year, n;
	} cases[] = {
	    {"H1 2024", EC_PERIOD_HALF, 2024, 1},
	    {"H2 FY25", EC_PERIOD_HALF, 2025, 2},
	    {"1H24", EC_PERIOD_HALF, 2024, 1},
	    {"the second quarter and first half of 2024", EC_PERIOD_QUARTER, 2024, 2},
	    {"third quarter and nine months ended September 30, 2024", EC_PERIOD_QUARTER, 2024, 3},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ex_cal cal = {0, 0, 0};
		ex_when w;
		const char *t = cases[i].text;
		int ok = ex_when_parse(t, strlen(t), 0, &cal, &w) && w.rel == EX_P_ABS &&
		         (int)w.p.type == cases[i].type && w.p.year == cases[i].year && w.p.n == cases[i].n;
		CHECK(ok, "when: '%s'", t);
	}
	ex_cal cal = {0, 0, 0};
	ex_when w;
	const char *t = "H100 units";
	CHECK(!ex_when_parse(t, strlen(t), 0, &cal, &w), "when: 'H100' is not a half year");
}

static void comparisons(void)
{
	ec_series *s = doc("Adjusted diluted EPS, which excludes store impairment and the extra "
	                   "week, was $3.41 compared with $3.18. Gross margin was 33.3%, compared "
	                   "with 32.8%. Revenue was $2.1 billion compared with 18% a year earlier. "
	                   "Operating income, which includes a gain of $12 million, was $410 million.");
	const ec_obs *o = row(s, "2023Q4", "eps_diluted", "total", EC_KIND_ACTUAL);
	CHECK(o && fabs(o->value - 3.41) < 1e-9 && o->basis == EC_BASIS_NON_GAAP,
	      "a relative clause between the phrase and the verb: adjusted EPS 3.41");
	value_is(s, "2022Q4", "eps_diluted", "total", EC_KIND_ACTUAL, 3.18, "'compared with $3.18' in a release: the year-ago quarter 2022Q4");
	value_is(s, "2022Q4", "gross_margin", "total", EC_KIND_ACTUAL, 32.8, "'33.3%, compared with 32.8%': 2022Q4 32.8");
	o = row(s, "2022Q4", "revenue", "total", EC_KIND_ACTUAL);
	CHECK(!o, "a base of another kind ($ vs %%) is not a year-ago figure");
	o = row(s, "2023Q4", "operating_income", "total", EC_KIND_ACTUAL);
	CHECK(!o || fabs(o->value - 410) < 1e-9, "no operating income but 410");
	ec_series_free(s);
	/* in a call, a base without a period stays unread */
	s = call("Q4 2023", "Gross margin was 33.3%, compared with 32.8%. Revenue was $2.1 billion.");
	o = row(s, "2022Q4", "gross_margin", "total", EC_KIND_ACTUAL);
	CHECK(s && !o, "a call's 'compared with 32.8%%' has no period: no row");
	value_is(s, "2023Q4", "gross_margin", "total", EC_KIND_ACTUAL, 33.3, "the call's own figure stays");
	ec_series_free(s);
}

static void half_year_report(void)
{
	ec_series *s = extract(
	    "# Kestrel Group plc -- Half-Year 2024 Results\n\n"
	    "**London, 24 July 2024** -- Kestrel Group plc today publishes its results for the "
	    "second quarter and first half of 2024.\n\n"
	    "For the half year, operating profit was $655 million (H1 2023: $571 million) and "
	    "profit attributable to shareholders was $452 million (H1 2023: $384 million), or "
	    "$1.18 per diluted share. Revenue in the second quarter rose 7.9% to $2,498 million "
	    "(Q2 2023: $2,315 million).\n\n"
	    "Net cash from operating activities was $561 million (H1 2023: $472 million). Kestrel "
	    "employed approximately 21,400 people at 30 June 2024.\n");
	value_is(s, "2024H1", "operating_income", "total", EC_KIND_ACTUAL, 655, "'for the half year': 2024H1 operating profit 655");
	value_is(s, "2023H1", "operating_income", "total", EC_KIND_ACTUAL, 571, "'(H1 2023: $571 million)' is H1 2023's");
	value_is(s, "2024H1", "eps_diluted", "total", EC_KIND_ACTUAL, 1.18, "'$1.18 per diluted share' after a comparative keeps the sentence's half");
	const ec_obs *o = row(s, "2023H1", "eps_diluted", "total", EC_KIND_ACTUAL);
	CHECK(!o, "no H1 2023 EPS from the label of another figure");
	value_is(s, "2024Q2", "revenue", "total", EC_KIND_ACTUAL, 2498, "the second quarter stays a quarter");
	value_is(s, "2023Q2", "revenue", "total", EC_KIND_ACTUAL, 2315, "'(Q2 2023: $2,315 million)'");
	value_is(s, "2024H1", "operating_cash_flow", "total", EC_KIND_ACTUAL, 561, "a half-year report's flow without a period is the half's");
	value_is(s, "2023H1", "operating_cash_flow", "total", EC_KIND_ACTUAL, 472, "its comparative is H1 2023's");
	value_is(s, "2024Q2", "headcount", "total", EC_KIND_ACTUAL, 21400, "'employed approximately 21,400 people': a headcount at the quarter's end");
	ec_series_free(s);
	/* a quarterly release: a figure without a period stays the quarter's */
	s = doc("Net cash from operating activities was $561 million. We serve 3 million "
	        "people. The company had approximately 48,000 associates.");
	value_is(s, "2023Q4", "operating_cash_flow", "total", EC_KIND_ACTUAL, 561, "a quarterly release keeps the quarter");
	value_is(s, "2023Q4", "headcount", "total", EC_KIND_ACTUAL, 48000, "'approximately 48,000 associates'; people served are no headcount");
	ec_series_free(s);
}

static void clauses_and_cash(void)
{
	ec_series *s = doc("\"Backlog ended the quarter at $624.5 million, and we are raising our "
	                   "outlook for the year.\" Cash and cash equivalents were $1,084.3 million "
	                   "as of December 31, 2023. Revenue was $2.1 billion, and we expect "
	                   "revenue of $2.3 billion for the first quarter.");
	value_is(s, "2023Q4", "backlog", "total", EC_KIND_ACTUAL, 624.5, "a forecast in a later clause with its own subject leaves the backlog an actual");
	value_is(s, "2023Q4", "cash_investments", "total", EC_KIND_ACTUAL, 1084.3, "with no investments named, cash and cash equivalents are the cash");
	value_is(s, "2023Q4", "revenue", "total", EC_KIND_ACTUAL, 2100, "'$2.1 billion, and we expect' : 2.1 is an actual");
	value_is(s, "2024Q1", "revenue", "total", EC_KIND_GUIDANCE, 2300, "the forecast after it stays guidance");
	ec_series_free(s);
	s = doc("Cash and cash equivalents were $1,084.3 million and short-term investments were "
	        "$200 million at December 31, 2023.");
	const ec_obs *o = row(s, "2023Q4", "cash_investments", "total", EC_KIND_ACTUAL);
	CHECK(s && !o, "with investments named, cash and cash equivalents alone are not the total");
	ec_series_free(s);
}

static void frames_and_lists(void)
{
	ec_series *s = call(
	    "Q4 2023",
	    "Net sales for the year were $12.48 billion, and adjusted EPS was $4.31, up 9% from "
	    "$3.96 in 2022.\n\n"
	    "For the full year, diluted EPS was $3.58. Operating cash flow was $1.46 billion and "
	    "capital expenditures were $512 million.\n\n"
	    "Fourth quarter net sales were $3.12 billion. By segment, North America Retail net "
	    "sales were $2.05 billion, International was $640 million and Foodservice was $430 "
	    "million. Gross margin was 35%, and Retail grew 6% to $741 million.\n");
	value_is(s, "2022FY", "eps_diluted", "total", EC_KIND_ACTUAL, 3.96, "'from $3.96 in 2022': the year after the number");
	const ec_obs *o = row(s, "2023FY", "eps_diluted", "total", EC_KIND_ACTUAL);
	CHECK(o && o->basis == EC_BASIS_NON_GAAP && fabs(o->value - 4.31) < 1e-9,
	      "the year's own adjusted EPS stays 4.31");
	value_is(s, "2023FY", "operating_cash_flow", "total", EC_KIND_ACTUAL, 1460, "'For the full year, ...' frames the paragraph: cash flow 2023FY");
	value_is(s, "2023FY", "capex", "total", EC_KIND_ACTUAL, 512, "capex 2023FY");
	value_is(s, "2023Q4", "revenue", "north_america_retail", EC_KIND_ACTUAL, 2050, "the first segment of the list");
	value_is(s, "2023Q4", "revenue", "international", EC_KIND_ACTUAL, 640, "'International was $640 million': a parallel segment");
	value_is(s, "2023Q4", "revenue", "foodservice", EC_KIND_ACTUAL, 430, "'and Foodservice was $430 million'");
	CHECK(!row(s, "2023Q4", "revenue", "retail", EC_KIND_ACTUAL),
	      "'Retail grew 6%% to $741 million' after a margin clause is not read");
	ec_series_free(s);
}

static void fiscal_year_ending(void)
{
	ec_series *s = extract(
	    "# Consolidated Financial Results for the Third Quarter of the Fiscal Year Ending "
	    "March 31, 2025\n\nFebruary 6, 2025\n\n"
	    "## Overview of results for the nine months (Q1-Q3 FY3/25)\n\n"
	    "As a result, revenue for the nine months was \xc2\xa5" "2,861.5 billion, up 5.9% year "
	    "on year. Gross profit was \xc2\xa5" "823.9 billion, and the gross profit ratio "
	    "improved to 28.8% from 27.7% a year earlier.\n\n"
	    "The effective tax rate was 27.4%, compared with 28.9% a year earlier.\n\n"
	    "## Results for the third quarter (Q3 FY3/25: October-December 2024)\n\n"
	    "Revenue for the three months ended December 31, 2024 was $1,003.8 million. The "
	    "operating profit margin for the quarter was 11.4%, compared with 10.2% in Q3 "
	    "FY3/24.\n\n"
	    "## Results by segment (nine months)\n\n"
	    "Power Systems: Revenue was $1,142.8 million. The segment operating profit margin "
	    "was 11.3%.\n\n"
	    "## Employees\n\n"
	    "The number of employees was 61,284 as of December 31, 2024, compared with 59,870 as "
	    "of March 31, 2024.\n\n"
	    "## Forecasts\n\n"
	    "In light of the results through the third quarter, the Company has revised its "
	    "forecasts for FY2025, announced on October 31, 2024. Operating profit is now forecast "
	    "for an operating profit margin of 10.9% (previous forecast: 10.5%). Revenue for the "
	    "nine months translated at the average rate would be approximately US$18.75 "
	    "billion.\n");
	value_is(s, "2025M9", "gross_margin", "total", EC_KIND_ACTUAL, 28.8, "'Third Quarter of the Fiscal Year Ending March 31, 2025' + 'the nine months': FY2025M9");
	value_is(s, "2024M9", "gross_margin", "total", EC_KIND_ACTUAL, 27.7, "'a year earlier' in the nine months' paragraph");
	value_is(s, "2025M9", "tax_rate", "total", EC_KIND_ACTUAL, 27.4, "the section heading frames the next paragraph");
	CHECK(!row(s, "2025M9", "revenue", "total", EC_KIND_ACTUAL) &&
	          !row(s, "2025M9", "gross_profit", "total", EC_KIND_ACTUAL),
	      "yen amounts give no rows");
	value_is(s, "2025Q3", "revenue", "total", EC_KIND_ACTUAL, 1003.8, "the three months ended December 31, 2024 = FY2025Q3");
	value_is(s, "2025Q3", "operating_margin", "total", EC_KIND_ACTUAL, 11.4, "the quarter's margin keeps the quarter");
	value_is(s, "2024Q3", "operating_margin", "total", EC_KIND_ACTUAL, 10.2, "'Q3 FY3/24' = FY2024Q3");
	value_is(s, "2025M9", "operating_margin", "power_systems", EC_KIND_ACTUAL, 11.3, "'Power Systems: ...' names the paragraph's segment");
	value_is(s, "2025Q3", "headcount", "total", EC_KIND_ACTUAL, 61284, "December 31, 2024 is FY2025Q3's end");
	value_is(s, "2024Q4", "headcount", "total", EC_KIND_ACTUAL, 59870, "March 31, 2024 is FY2024Q4's end");
	const ec_obs *o = row(s, "2025FY", "operating_margin", "total", EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 10.9) < 1e-9,
	      "the forecasts for FY2025 (a date in the sentence is no figure), not the previous one");
	CHECK(!row(s, "2025M9", "revenue", "total", EC_KIND_GUIDANCE) &&
	          !row(s, "2025FY", "revenue", "total", EC_KIND_GUIDANCE),
	      "a convenience translation into US$ is no figure");
	ec_series_free(s);
}

static void pre_announcement(void)
{
	ec_series *s = extract(
	    "# Sorensen Diagnostics Announces Preliminary Fourth Quarter and Full-Year 2024 Revenue\n\n"
	    "SAN DIEGO, Jan. 13, 2025 -- Sorensen Diagnostics, Inc. (NASDAQ: SRDX) today announced "
	    "preliminary, unaudited financial results for the fourth quarter and full year ended "
	    "December 31, 2024.\n\n"
	    "**Preliminary Fourth Quarter and Full-Year 2024 Results**\n\n"
	    "Sorensen expects revenue for the fourth quarter of 2024 to be between $612 million and "
	    "$618 million, compared with $553.1 million in the fourth quarter of 2023.\n\n"
	    "- GAAP gross margin is expected to be approximately 61.5%.\n"
	    "- The Company expects fourth-quarter GAAP diluted EPS of $0.71 to $0.75.\n\n"
	    "For the full year 2024, Sorensen expects revenue of $2.338 billion to $2.344 billion.\n\n"
	    "**2025 Outlook**\n\n"
	    "For the full year 2025, Sorensen expects revenue of $2.52 billion to $2.57 billion.\n");
	const ec_obs *o = row(s, "2024Q4", "revenue", "total", EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 612) < 1e-9 && fabs(o->high - 618) < 1e-9,
	      "a pre-announced range for the document's own quarter is guidance");
	value_is(s, "2023Q4", "revenue", "total", EC_KIND_ACTUAL, 553.1, "its prior-year comparison stays an actual");
	o = row(s, "2024Q4", "gross_margin", "total", EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 61.5) < 1e-9, "'is expected to be approximately 61.5%%' under the heading");
	o = row(s, "2024Q4", "eps_diluted", "total", EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 0.71) < 1e-9 && fabs(o->high - 0.75) < 1e-9,
	      "'fourth-quarter GAAP diluted EPS of $0.71 to $0.75'");
	o = row(s, "2024FY", "revenue", "total", EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 2338) < 1e-9, "the year just ended, pre-announced");
	o = row(s, "2025FY", "revenue", "total", EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 2520) < 1e-9, "next year's outlook");
	CHECK(!row(s, "2024Q4", "revenue", "total", EC_KIND_ACTUAL) &&
	          !row(s, "2024Q4", "gross_margin", "total", EC_KIND_ACTUAL),
	      "no actual for the pre-announced quarter");
	ec_series_free(s);
	/* a call's "as we expected" about its own quarter stays an actual */
	s = call("Q4 2024", "As we expected, gross margin was 45% in the fourth quarter.");
	value_is(s, "2024Q4", "gross_margin", "total", EC_KIND_ACTUAL, 45,
	         "'As we expected, gross margin was 45%' is an actual");
	ec_series_free(s);
}

static void full_year_report(void)
{
	ec_series *s = extract(
	    "# Brackley plc -- Full Year Results for the year ended 31 March 2025\n\n22 May 2025\n\n"
	    "Brackley plc today announces its results for the year ended 31 March 2025.\n\n"
	    "- Revenue of $2,410m (FY24: $2,236m), up 8%\n"
	    "- Adjusted operating profit of $402m (FY24: $361m)\n"
	    "- Statutory operating profit of $355m (FY24: $318m)\n"
	    "- Adjusted EPS of 98.4 cents (FY24: 87.2 cents); statutory diluted EPS of 84.1c "
	    "(FY24: 74.9c)\n"
	    "- A final dividend of 22.4p per share\n\n"
	    "Cash and short-term investments were $512m at 31 March 2025.\n");
	value_is(s, "2025FY", "revenue", "total", EC_KIND_ACTUAL, 2410, "'the year ended 31 March 2025' report: revenue 2025FY");
	value_is(s, "2024FY", "revenue", "total", EC_KIND_ACTUAL, 2236, "'(FY24: $2,236m)'");
	const ec_obs *o = row(s, "2025FY", "operating_income", "total", EC_KIND_ACTUAL);
	CHECK(o && o->basis == EC_BASIS_NON_GAAP && fabs(o->value - 402) < 1e-9, "adjusted operating profit");
	int statutory = 0;
	for (size_t i = 0; s && i < ec_series_count(s); i++) {
		const ec_obs *x = ec_series_get(s, i);
		char buf[EC_PERIOD_STRLEN];
		ec_period_format(x->period, buf);
		if (!strcmp(buf, "2025FY") && !strcmp(x->metric, "operating_income") &&
		    x->basis == EC_BASIS_GAAP && !strcmp(x->segment, "total") && fabs(x->value - 355) < 1e-9)
			statutory = 1;
	}
	CHECK(statutory, "'statutory' is the GAAP basis, not a segment");
	int eps = 0;
	for (size_t i = 0; s && i < ec_series_count(s); i++) {
		const ec_obs *x = ec_series_get(s, i);
		char buf[EC_PERIOD_STRLEN];
		ec_period_format(x->period, buf);
		if (!strcmp(buf, "2025FY") && !strcmp(x->metric, "eps_diluted") && x->basis == EC_BASIS_GAAP &&
		    fabs(x->value - 0.841) < 1e-9)
			eps = 1;
	}
	CHECK(eps, "'84.1c' diluted EPS = 0.841");
	value_is(s, "2025Q4", "cash_investments", "total", EC_KIND_ACTUAL, 512, "a balance at the year's end is its last quarter's");
	ec_series_free(s);
}

static void headcount_words(void)
{
	ec_series *s = doc("Acme had 11,842 full-time equivalent employees at December 31, 2023.");
	value_is(s, "2023Q4", "headcount", "total", EC_KIND_ACTUAL, 11842,
	         "'11,842 full-time equivalent employees'");
	ec_series_free(s);
	s = doc("We ended the year with 17,900 colleagues.");
	value_is(s, "2023Q4", "headcount", "total", EC_KIND_ACTUAL, 17900, "'17,900 colleagues'");
	ec_series_free(s);
}

/* "For the full year, ..." after the paragraph's quarterly figures frames
 * its own sentence only. */
static void frame_mid_paragraph(void)
{
	ec_series *s = call(
	    "Q4 2023",
	    "Adjusted operating income was $186.9 million. For the full year, adjusted operating "
	    "income was $672.1 million. Adjusted net income was $158.4 million, or $0.97 per "
	    "diluted share.\n");
	value_is(s, "2023FY", "operating_income", "total", EC_KIND_ACTUAL, 672.1,
	         "the framed sentence: 2023FY");
	value_is(s, "2023Q4", "net_income", "total", EC_KIND_ACTUAL, 158.4,
	         "the sentence after a mid-paragraph frame is the quarter's again");
	value_is(s, "2023Q4", "eps_diluted", "total", EC_KIND_ACTUAL, 0.97, "its EPS too");
	CHECK(!row(s, "2023FY", "eps_diluted", "total", EC_KIND_ACTUAL),
	      "no full-year EPS from the quarter's sentence");
	ec_series_free(s);
}

/* "up 14% year-over-year from $X", "up 4% sequentially from $Y": the
 * bases of the year-ago and the prior quarter. */
static void direction_bases(void)
{
	ec_series *s = call("Q4 2024",
	                    "Total revenue for the fourth quarter was $812.4 million, up 14% "
	                    "year-over-year from $712.6 million, and up 4% sequentially from "
	                    "$781.0 million.\n");
	value_is(s, "2024Q4", "revenue", "total", EC_KIND_ACTUAL, 812.4, "the quarter's revenue");
	value_is(s, "2023Q4", "revenue", "total", EC_KIND_ACTUAL, 712.6,
	         "'year-over-year from $712.6 million': the year-ago quarter");
	value_is(s, "2024Q3", "revenue", "total", EC_KIND_ACTUAL, 781.0,
	         "'sequentially from $781.0 million': the prior quarter");
	ec_series_free(s);
}

/* Lower-case speech-to-text with full stops: a stop before a small
 * letter ends the sentence, so periods do not leak into the next one. */
static void lower_case_speech(void)
{
	char buf[4096];
	size_t n = 0;
	n += (size_t)snprintf(buf + n, sizeof buf - n, "%s",
	                      "good afternoon and welcome to the acme third quarter 2024 earnings "
	                      "call. ");
	/* enough lower-case text for the document test's sample */
	for (int i = 0; i < 24; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s",
		                      "we continue to see good demand across our markets and our "
		                      "teams executed well. ");
	snprintf(buf + n, sizeof buf - n, "%s",
	         "gross margin was 61.4 percent up 90 basis points from 60.5 percent a year ago "
	         "on better mix. gap operating income was 168 million dollars.\n");
	ec_series *s = extract(buf);
	value_is(s, "2024Q3", "operating_income", "total", EC_KIND_ACTUAL, 168,
	         "'a year ago' of the last sentence does not date 'gap operating income was ...'");
	value_is(s, "2023Q3", "gross_margin", "total", EC_KIND_ACTUAL, 60.5, "the year-ago margin");
	CHECK(!row(s, "2023Q3", "operating_income", "total", EC_KIND_ACTUAL),
	      "no year-ago operating income");
	ec_series_free(s);
}

/* Speech-to-text spellings: "cap ex", "d s o"; "as dana said total
 * revenue" names no segment. */
static void asr_words(void)
{
	ec_series *s = call("Q3 2024",
	                    "as dana said total revenue for the third quarter was $1.236 billion. "
	                    "D s o was 58 days. Cash flow from operations was $246 million and cap "
	                    "ex was $38 million.\n");
	value_is(s, "2024Q3", "revenue", "total", EC_KIND_ACTUAL, 1236, "'as dana said total revenue'");
	CHECK(!row(s, "2024Q3", "revenue", "said", EC_KIND_ACTUAL), "no segment 'said'");
	value_is(s, "2024Q3", "dso", "total", EC_KIND_ACTUAL, 58, "'d s o was 58 days'");
	value_is(s, "2024Q3", "operating_cash_flow", "total", EC_KIND_ACTUAL, 246, "cash flow");
	value_is(s, "2024Q3", "capex", "total", EC_KIND_ACTUAL, 38, "'cap ex was $38 million'");
	ec_series_free(s);
}

/* "We're assuming an adjusted tax rate of 21%" in an outlook is a
 * forecast; "diluted EPS, assuming conversion, was" is an actual. */
static void assuming(void)
{
	ec_series *s = call("Q4 2024",
	                    "For the full fiscal year 2025, we expect revenue of $3.43 billion to "
	                    "$3.47 billion. We're assuming an adjusted tax rate of 21%.\n");
	const ec_obs *o = row(s, "2025FY", "tax_rate", "total", EC_KIND_GUIDANCE);
	CHECK(o && o->basis == EC_BASIS_NON_GAAP && fabs(o->low - 21) < 1e-9 && fabs(o->high - 21) < 1e-9,
	      "'we're assuming an adjusted tax rate of 21%%': 2025FY guidance");
	ec_series_free(s);
	s = doc("Diluted EPS, assuming conversion of the notes, was $1.05 for the fourth quarter.");
	value_is(s, "2023Q4", "eps_diluted", "total", EC_KIND_ACTUAL, 1.05,
	         "'EPS, assuming conversion, was $1.05': an actual");
	ec_series_free(s);
}

/* A 10-Q dated by its quarter's end that says its fiscal year ends on
 * June 30 (the eval4 dev document): its quarter is FY2025Q1, its balances
 * at June 30, 2024 FY2024Q4; the same text saying December keeps the
 * calendar quarters. */
static void fiscal_year_end_statement(void)
{
	char *text = NULL;
	size_t len = 0;
	ec_error e;
	CHECK(ec_read_file(EC_TEST_DATA "/eval4/dev/03_brannock_q1fy25_10q_mdna.md", 0, &text, &len, &e) == EC_OK,
	      "read the 10-Q excerpt");
	if (!text)
		return;
	ec_series *s = extract(text);
	value_is(s, "2025Q1", "gross_margin", "total", EC_KIND_ACTUAL, 55.4,
	         "'Gross margin was 55.4% in the first quarter of fiscal 2025': FY2025Q1");
	value_is(s, "2025Q1", "capex", "total", EC_KIND_ACTUAL, 19.6, "capex of the quarter: FY2025Q1");
	value_is(s, "2024Q4", "cash_investments", "total", EC_KIND_ACTUAL, 607.8,
	         "cash at June 30, 2024: FY2024Q4");
	CHECK(!row(s, "2024Q3", "capex", "total", EC_KIND_ACTUAL), "no calendar 2024Q3 row");
	ec_series_free(s);
	/* the same document with a December year end */
	char *p = strstr(text, "Our fiscal year ends on June 30.");
	CHECK(p != NULL, "the statement is in the document");
	if (p) {
		memcpy(p + strlen("Our fiscal year ends on "), "Dec 31.", 7);
		s = extract(text);
		CHECK(row(s, "2024Q3", "capex", "total", EC_KIND_ACTUAL) != NULL,
		      "'ends on Dec 31': the calendar quarter 2024Q3 stays");
		ec_series_free(s);
	}
	free(text);
}

/* "For the full fiscal year 2025, ending January 31, 2025, ... expects":
 * the date is the fiscal year's end, not a quarter of its own. */
static void fiscal_year_with_end(void)
{
	ec_series *s = extract(
	    "Acme Systems Reports Second Quarter Fiscal 2025 Financial Results\n\n"
	    "SAN JOSE, Calif., August 27, 2024 -- Acme Systems, Inc. (NASDAQ: ACMS) today reported financial "
	    "results for its second quarter of fiscal 2025, which ended July 31, 2024.\n\n"
	    "For the full fiscal year 2025, ending January 31, 2025, Acme now expects revenue of "
	    "$2.83 billion to $2.87 billion.\n");
	const ec_obs *o = row(s, "2025FY", "revenue", "total", EC_KIND_GUIDANCE);
	CHECK(o && fabs(o->low - 2830) < 1e-9 && fabs(o->high - 2870) < 1e-9,
	      "'fiscal year 2025, ending January 31, 2025': 2025FY guidance");
	CHECK(!row(s, "2025Q4", "revenue", "total", EC_KIND_GUIDANCE), "no FY2025Q4 guidance");
	ec_series_free(s);
}

int main(void)
{
	full_year();
	outlook();
	halves();
	fiscal_title();
	when_forms();
	comparisons();
	half_year_report();
	clauses_and_cash();
	frames_and_lists();
	fiscal_year_ending();
	pre_announcement();
	full_year_report();
	headcount_words();
	frame_mid_paragraph();
	direction_bases();
	lower_case_speech();
	asr_words();
	assuming();
	fiscal_year_end_statement();
	fiscal_year_with_end();
	return ec_test_done();
}
