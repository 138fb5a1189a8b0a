/* Period expressions and their resolution (src/extract/when.c). */
#include <stdio.h>
#include <string.h>

#include "ex.h"
#include "testlib.h"

static const ex_cal cal0 = {0, 0, 0};

/* Parses s at 0 and resolves against doc (as actual or guidance). */
static void per(const char *s, ec_period doc, int guidance, const char *want)
{
	ex_when w;
	ec_period p;
	char buf[EC_PERIOD_STRLEN] = "";
	if (ex_when_parse(s, strlen(s), 0, &cal0, &w) && ex_when_resolve(&w, &cal0, 1, doc, NULL, guidance, &p))
		ec_period_format(p, buf);
	CHECK_STR(buf, want, s);
}

/* Month names: each month by its first three letters, full name before
 * abbreviation ("May." is the full name, its dot left out), any case. */
static void months(void)
{
	static const struct {
		const char *s;
		int m;
		size_t end;
	} mc[] = {
	    {"January 5", 1, 7},  {"JAN. 5", 1, 4},     {"Feb", 2, 3},       {"february", 2, 8},
	    {"March", 3, 5},      {"Mar.", 3, 4},       {"Marc", 0, 0},      {"Mars", 0, 0},
	    {"April", 4, 5},      {"apr-", 4, 3},       {"May.", 5, 3},      {"MAY", 5, 3},
	    {"Mayo", 0, 0},       {"June", 6, 4},       {"Jun.", 6, 4},      {"July", 7, 4},
	    {"jul", 7, 3},        {"August", 8, 6},     {"Aug.", 8, 4},      {"September", 9, 9},
	    {"Sept.", 9, 5},      {"SEPT", 9, 4},       {"Sep", 9, 3},       {"Septe", 0, 0},
	    {"October", 10, 7},   {"Oct.", 10, 4},      {"November", 11, 8}, {"Nov", 11, 3},
	    {"December", 12, 8},  {"Dec's", 0, 0},      {"Dec-2024", 12, 3}, {"Decade", 0, 0},
	    {"Ja", 0, 0},         {"", 0, 0},           {"J\xc3\xa4n", 0, 0}, {"3an", 0, 0},
	};
	for (size_t k = 0; k < sizeof mc / sizeof mc[0]; k++) {
		size_t e = 0;
		int m = ex_month_parse(mc[k].s, strlen(mc[k].s), 0, &e);
		CHECK(m == mc[k].m && (!m || e == mc[k].end), "month '%s' = %d end %zu (got %d %zu)", mc[k].s,
		      mc[k].m, mc[k].end, m, e);
	}
	/* cut by the end of the text */
	size_t e;
	CHECK(!ex_month_parse("Mar", 2, 0, &e), "'Ma' is no month");
	CHECK(ex_month_parse("Mayday", 3, 0, &e) == 5 && e == 3, "'May' cut from 'Mayday'");
}

/* Forms read through the first-byte shortcuts (ordinals, "N months
 * ended", fiscal years) in other cases and with near misses; the cheap
 * prefilter ex_when_may_start lets every one that parses through. */
static void shortcuts(void)
{
	ec_period q3_10 = ec_period_quarter(2010, 3);
	static const struct {
		const char *s;
		const char *want;
	} wc[] = {
	    {"FIRST QUARTER OF 2010", "2010Q1"},
	    {"4th quarter 2009", "2009Q4"},
	    {"2nd Quarter of fiscal 2011", "2011Q2"},
	    {"Twelve months ended December 31, 2009", "2009FY"},
	    {"12 months ended December 31, 2009", "2009FY"},
	    {"3 months ended June 30, 2010", "2010Q2"},
	    {"Six Months Ended June 30, 2010", "2010H1"},
	    {"9 months ended September 30, 2010", "2010M9"},
	    {"quarter ended June 30, 2010", "2010Q2"},
	    {"Year Ended December 31, 2009", "2009FY"},
	    {"fiscal year ended December 31, 2009", "2009FY"},
	    {"Fiscal Year 2010", "2010FY"},
	    {"FY10", "2010FY"},
	    {"fy 2010 second quarter", "2010Q2"},
	    {"the 2009 fourth quarter", "2009Q4"},
	    {"THE THIRD QUARTER", "2010Q3"},
	    {"this quarter", "2010Q3"},
	    {"our second quarter", "2010Q2"},
	    {"the sequential quarter", "2010Q2"},
	    {"the following quarter", "2010Q4"},
	    {"the beginning of the quarter", "2010Q2"},
	    {"a year ago", "2009Q3"},
	    {"the year-ago quarter", "2009Q3"},
	    {"thirds quarter", ""},
	    {"firstly", ""},
	    {"fourthly, the quarter", ""},
	    {"3rd-quarter", ""},
	    {"sixty months ended June 30, 2010", ""},
	    {"nineteen months", ""},
	    {"fiscally", ""},
	    {"fy", ""},
	    {"the", ""},
	    {"the end", ""},
	    {"Q3", "2010Q3"},
	    {"3Q10", "2010Q3"},
	    {"1H 2010", "2010H1"},
	    {"H2 FY10", "2010H2"},
	};
	for (size_t k = 0; k < sizeof wc / sizeof wc[0]; k++) {
		per(wc[k].s, q3_10, 0, wc[k].want);
		ex_when w;
		if (ex_when_parse(wc[k].s, strlen(wc[k].s), 0, &cal0, &w))
			CHECK(ex_when_may_start(wc[k].s, strlen(wc[k].s), 0), "may_start lets '%s' through",
			      wc[k].s);
	}
	static const char *const no[] = {"company", "revenue", "we", "thirty", "Beginnings", "x"};
	for (size_t k = 0; k < sizeof no / sizeof no[0]; k++) {
		ex_when w;
		CHECK(!ex_when_parse(no[k], strlen(no[k]), 0, &cal0, &w), "'%s' is no period", no[k]);
	}
}

/* The document's period and date found wherever they stand in the head
 * (its scans go from word start to word start, the starts made 64 bytes at
 * a time): shifted across those blocks, after digits and UTF-8 bytes. */
static void identify_offsets(void)
{
	char doc[1024];
	ec_extract_opts o;
	ec_extract_opts_defaults(&o);
	static const char *const pads[] = {" ", "x", "\xc3\xa9", "9", "-"};
	for (size_t pk = 0; pk < sizeof pads / sizeof pads[0]; pk++)
		for (int shift = 0; shift < 140; shift += 3) {
			size_t n = 0;
			for (int k = 0; k < shift; k++)
				n += (size_t)snprintf(doc + n, sizeof doc - n, "%s", k % 7 == 6 ? " " : pads[pk]);
			n += (size_t)snprintf(doc + n, sizeof doc - n,
			                      "\nACME REPORTS THIRD QUARTER 2010 RESULTS\n\n"
			                      "BOSTON, October 21, 2010 - Acme today reported results.\n");
			ex_doc d;
			CHECK(ex_doc_prepare(&d, doc, n, "o", &o, NULL) == EC_OK, "prepare shifted %d", shift);
			ex_doc_identify(&d, &o);
			CHECK(d.has_period && ec_period_equal(d.period, ec_period_quarter(2010, 3)),
			      "period found after %d bytes of '%s'", shift, pads[pk]);
			CHECK_STR(d.issued, "2010-10-21", "date found after the shift");
			ex_doc_free(&d);
		}
}

int main(void)
{
	ec_period q3_10 = ec_period_quarter(2010, 3);
	ec_period q3_07 = ec_period_quarter(2007, 3);
	per("Q3 2010", q3_10, 0, "2010Q3");
	per("Q3'07", q3_10, 0, "2007Q3");
	per("3Q10", q3_07, 0, "2010Q3");
	per("FY2024Q1", q3_10, 0, "2024Q1");
	per("Q1 FY24", q3_10, 0, "2024Q1");
	per("fiscal 2024 first quarter", q3_10, 0, "2024Q1");
	per("first quarter of fiscal 2024", q3_10, 0, "2024Q1");
	per("the third quarter of 2006", q3_07, 0, "2006Q3");
	per("third quarter 2011", q3_07, 0, "2011Q3");
	per("the 2007 third quarter", q3_10, 0, "2007Q3");
	per("the prior quarter", q3_10, 0, "2010Q2");
	per("the prior year third quarter", q3_10, 0, "2009Q3");
	per("the year-ago quarter", q3_10, 0, "2009Q3");
	per("the fourth quarter", q3_10, 1, "2010Q4");
	per("the second quarter", q3_10, 0, "2010Q2");
	per("the December quarter", q3_10, 1, "2010Q4");
	per("the September quarter", q3_10, 0, "2010Q3");
	per("Q3'11", q3_10, 0, "2011Q3");
	per("nine months ended September 30, 2007", q3_10, 0, "2007M9");
	per("six months ended June 30, 2012", q3_10, 0, "2012H1");
	per("the first nine months of 2007", q3_10, 0, "2007M9");
	per("first nine months of 2007", q3_10, 0, "2007M9");
	per("full year", q3_07, 1, "2007FY");
	per("fiscal 2008", q3_07, 0, "2008FY");
	per("the full 2000 year", ec_period_quarter(2008, 3), 1, "2008FY");
	per("September 30, 2007", q3_10, 0, "2007Q3");
	per("December 31, 2006", q3_10, 0, "2006Q4");
	per("the beginning of this quarter", q3_10, 0, "2010Q2");
	per("the end of last year", q3_10, 0, "2009Q4");
	per("the half year", ec_period_quarter(2024, 2), 0, "2024H1");
	per("the half-year", ec_period_quarter(2024, 4), 0, "2024H2");
	per("this half", ec_period_quarter(2024, 1), 0, "2024H1");
	per("the half of", q3_10, 0, "");
	months();
	shortcuts();
	identify_offsets();

	/* A fiscal calendar: FY2024 Q1 ends in April 2023. */
	ex_cal fy = {1, 2024 * 4 + 0, 2023 * 12 + 3};
	CHECK(ex_cal_quarter_of_month(&fy, 2024 * 12 + 0) == 2024 * 4 + 3, "January 2024 is FY2024 Q4");
	ex_when w;
	ec_period p;
	const char *s = "three months ended July 30, 2023";
	char buf[EC_PERIOD_STRLEN] = "";
	if (ex_when_parse(s, strlen(s), 0, &fy, &w) && ex_when_resolve(&w, &fy, 1, ec_period_quarter(2024, 1), NULL, 0, &p))
		ec_period_format(p, buf);
	CHECK_STR(buf, "2024Q2", "three months ended July 30, 2023 on a fiscal calendar");

	int y, m, d;
	size_t e;
	const char *dt = "Oct. 23, 2012 - Juniper";
	CHECK(ex_date_parse(dt, strlen(dt), 0, &y, &m, &d, &e) && y == 2012 && m == 10 && d == 23, "Oct. 23, 2012");
	dt = "Oct. 19. 2010 / 8:45PM";
	CHECK(ex_date_parse(dt, strlen(dt), 0, &y, &m, &d, &e) && y == 2010 && m == 10 && d == 19, "Oct. 19. 2010");
	dt = "October 23, 2007";
	CHECK(ex_date_parse(dt, strlen(dt), 0, &y, &m, &d, &e) && y == 2007 && m == 10 && d == 23, "October 23, 2007");
	dt = "25-Jul-2024 Call";
	CHECK(ex_date_parse(dt, strlen(dt), 0, &y, &m, &d, &e) && y == 2024 && m == 7 && d == 25 && e == 11,
	      "25-Jul-2024");
	dt = "25 July 2024";
	CHECK(ex_date_parse(dt, strlen(dt), 0, &y, &m, &d, &e) && y == 2024 && m == 7 && d == 25, "25 July 2024");
	dt = "25-Jul 2024";
	CHECK(!ex_date_parse(dt, strlen(dt), 0, &y, &m, &d, &e), "'25-Jul 2024' is no date");

	/* The document's own period and date. */
	const char *rel = "JUNIPER NETWORKS REPORTS Q3'07 FINANCIAL RESULTS\n\n"
	                  "SUNNYVALE, Calif., October 23, 2007 - Juniper Networks, Inc. (NASDAQ: JNPR) today reported.\n";
	ex_doc doc;
	ec_extract_opts o;
	ec_extract_opts_defaults(&o);
	CHECK(ex_doc_prepare(&doc, rel, strlen(rel), "r", &o, NULL) == EC_OK, "prepare release");
	ex_doc_identify(&doc, &o);
	CHECK(doc.has_period && ec_period_equal(doc.period, q3_07), "release period Q3'07");
	CHECK_STR(doc.issued, "2007-10-23", "release date from the dateline");
	CHECK_STR(doc.company, "JNPR", "ticker from (NASDAQ: JNPR)");
	ex_doc_free(&doc);
	const char *cc = "Welcome to the Zeta (NYSE: ZETA) Q2 2019 earnings conference call.\n";
	CHECK(ex_doc_prepare(&doc, cc, strlen(cc), "c", &o, NULL) == EC_OK, "prepare call");
	ex_doc_identify(&doc, &o);
	CHECK(doc.has_period && ec_period_equal(doc.period, ec_period_quarter(2019, 2)), "call period Q2 2019");
	CHECK_STR(doc.company, "ZETA", "ticker from (NYSE: ZETA)");
	ex_doc_free(&doc);
	return ec_test_done();
}
