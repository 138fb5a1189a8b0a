/* Period expressions and their resolution (src/extract/when.c). */
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
