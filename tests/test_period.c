/* Tests of reporting periods: parse, print, order, step, labels. */
#include <string.h>

#include "earnchart/period.h"
#include "testlib.h"

static ec_period parse(const char *s)
{
	ec_period p = {0, EC_PERIOD_YEAR, -1};
	ec_period_parse(s, strlen(s), &p, NULL);
	return p;
}

static void test_forms(void)
{
	struct {
		const char *in, *canon, *label;
		int year;
		ec_period_type type;
		int n;
	} t[] = {
	        {"2010Q3", "2010Q3", "Q3'10", 2010, EC_PERIOD_QUARTER, 3},
	        {"2010q1", "2010Q1", "Q1'10", 2010, EC_PERIOD_QUARTER, 1},
	        {"2008FY", "2008FY", "FY08", 2008, EC_PERIOD_YEAR, 0},
	        {"2008fy", "2008FY", "FY08", 2008, EC_PERIOD_YEAR, 0},
	        {"2007M9", "2007M9", "9M07", 2007, EC_PERIOD_MONTHS, 9},
	        {"2007M12", "2007M12", "12M07", 2007, EC_PERIOD_MONTHS, 12},
	        {"2007m3", "2007M3", "3M07", 2007, EC_PERIOD_MONTHS, 3},
	        {"2012H1", "2012H1", "H1'12", 2012, EC_PERIOD_HALF, 1},
	        {"2012h2", "2012H2", "H2'12", 2012, EC_PERIOD_HALF, 2},
	        {"FY2024Q1", "2024Q1", "Q1'24", 2024, EC_PERIOD_QUARTER, 1},
	        {"fy2024q4", "2024Q4", "Q4'24", 2024, EC_PERIOD_QUARTER, 4},
	        {"FY2024", "2024FY", "FY24", 2024, EC_PERIOD_YEAR, 0},
	        {"FY2024H2", "2024H2", "H2'24", 2024, EC_PERIOD_HALF, 2},
	        {"2000Q4", "2000Q4", "Q4'00", 2000, EC_PERIOD_QUARTER, 4},
	        {"1900Q1", "1900Q1", "Q1'00", 1900, EC_PERIOD_QUARTER, 1},
	        {"2199FY", "2199FY", "FY99", 2199, EC_PERIOD_YEAR, 0},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ec_period p;
		ec_error e;
		ec_err rc = ec_period_parse(t[i].in, strlen(t[i].in), &p, &e);
		CHECK(rc == EC_OK && p.year == t[i].year &&
		              p.type == t[i].type && p.n == t[i].n,
		      "parse %s", t[i].in);
		char buf[EC_PERIOD_STRLEN];
		CHECK_STR(ec_period_format(p, buf), t[i].canon, "format");
		CHECK_STR(ec_period_short_label(p, buf), t[i].label,
		          "short label");
		/* The canonical form parses back to the same period. */
		ec_period q = parse(t[i].canon);
		CHECK(ec_period_equal(p, q) && ec_period_cmp(p, q) == 0,
		      "%s round trip", t[i].canon);
	}
	/* Only the given length is read. */
	ec_period p;
	CHECK(ec_period_parse("2010Q3,revenue", 6, &p, NULL) == EC_OK &&
	              p.n == 3,
	      "parse reads len bytes only");
}

static void test_errors(void)
{
	struct {
		const char *in;
		long col;
		const char *msg;
	} t[] = {
	        {"2010Q5", 6, "bad period '2010Q5': the quarter must be 1-4"},
	        {"2010Q9", 6, "bad period '2010Q9': the quarter must be 1-4"},
	        {"2010Q0", 6, "bad period '2010Q0': the quarter must be 1-4"},
	        {"10Q3", 1,
	         "bad period '10Q3': the year must have four digits"},
	        {"20100Q3", 1,
	         "bad period '20100Q3': the year must have four digits"},
	        {"2010Q", 6,
	         "bad period '2010Q': a quarter number 1-4 must follow Q"},
	        {"", 1, "bad period '': empty"},
	        {"2010Q3x", 7,
	         "bad period '2010Q3x': unexpected text after the period"},
	        {"2010", 5,
	         "bad period '2010': expected Q1-Q4, H1-H2, M3/M6/M9/M12 or FY "
	         "after "
	         "the year"},
	        {"2010H3", 6, "bad period '2010H3': the half must be 1 or 2"},
	        {"2010M7", 6,
	         "bad period '2010M7': the month count must be 3, 6, 9 or "
	         "12"},
	        {"2010X1", 5,
	         "bad period '2010X1': expected Q, H, M or FY after the "
	         "year"},
	        {"1899Q1", 1,
	         "bad period '1899Q1': the year must be 1900-2199"},
	        {"FY2010FY", 7,
	         "bad period 'FY2010FY': expected 'FY' at the end"},
	        {"2010F", 5, "bad period '2010F': expected 'FY' at the end"},
	        {" 2010Q3", 1,
	         "bad period ' 2010Q3': the year must have four digits"},
	        {"2010\nQ3", 5,
	         "bad period '2010\\nQ3': expected Q, H, M or FY after the "
	         "year"},
	        {"2010Q3\t\x01", 7,
	         "bad period '2010Q3\\t\\x01': unexpected text after the "
	         "period"},
	        {"2010Q3 and a very long tail of text here", 7,
	         "bad period '2010Q3 and a very long tail of t...': unexpected "
	         "text after the period"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ec_period p = {1, EC_PERIOD_QUARTER, 1};
		ec_error e;
		ec_err rc = ec_period_parse(t[i].in, strlen(t[i].in), &p, &e);
		CHECK(rc == EC_EPARSE, "error case %zu is an error", i);
		CHECK_STR(e.msg, t[i].msg, "message");
		CHECK(e.column == t[i].col, "error case %zu column %ld (want %ld)",
		      i, e.column, t[i].col);
		CHECK(p.year == 1, "error case %zu leaves the output alone", i);
	}
	ec_period p;
	CHECK(ec_period_parse("2010Q5", 6, &p, NULL) == EC_EPARSE,
	      "a NULL error record is allowed");
}

static void test_order(void)
{
	const char *sorted[] = {"2006Q4", "2007Q1", "2007M3",  "2007Q2",
	                        "2007H1", "2007M6", "2007Q3",  "2007M9",
	                        "2007Q4", "2007H2", "2007M12", "2007FY",
	                        "2008Q1"};
	size_t n = sizeof sorted / sizeof sorted[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int c = ec_period_cmp(parse(sorted[i]),
			                      parse(sorted[j]));
			int want = i < j ? -1 : i > j ? 1 : 0;
			if ((c > 0) - (c < 0) != want)
				CHECK(false, "cmp %s %s gave %d", sorted[i],
				      sorted[j], c);
		}
	CHECK(true, "%zu x %zu period comparisons in order", n, n);
	CHECK(ec_period_cmp(parse("2007Q3"), parse("2007M9")) < 0,
	      "2007Q3 < 2007M9");
	CHECK(ec_period_cmp(parse("2007FY"), parse("2007Q4")) > 0,
	      "2007FY > 2007Q4");
	CHECK(!ec_period_equal(parse("2007M12"), parse("2007FY")),
	      "2007M12 is not 2007FY");
	CHECK(ec_period_is_quarter(parse("2007Q2")) &&
	              !ec_period_is_quarter(parse("2007H1")),
	      "is_quarter");
}

static void test_steps(void)
{
	char b[EC_PERIOD_STRLEN];
	ec_period q = ec_period_quarter(2010, 3);
	CHECK_STR(ec_period_format(ec_period_add_quarters(q, 1), b), "2010Q4",
	          "+1");
	CHECK_STR(ec_period_format(ec_period_add_quarters(q, 2), b), "2011Q1",
	          "+2 across a year");
	CHECK_STR(ec_period_format(ec_period_add_quarters(q, -3), b), "2009Q4",
	          "-3 across a year");
	CHECK_STR(ec_period_format(ec_period_add_quarters(q, -11), b), "2007Q4",
	          "-11");
	CHECK_STR(ec_period_format(ec_period_add_quarters(q, 0), b), "2010Q3",
	          "0");
	CHECK_STR(ec_period_format(ec_period_prior_quarter(parse("2010Q1")), b),
	          "2009Q4", "prior of Q1");
	CHECK_STR(ec_period_format(ec_period_prior_quarter(q), b), "2010Q2",
	          "prior of Q3");
	CHECK_STR(ec_period_format(ec_period_year_ago(q), b), "2009Q3",
	          "year ago of a quarter");
	CHECK_STR(ec_period_format(ec_period_year_ago(parse("2008FY")), b),
	          "2007FY", "year ago of a year");
	CHECK_STR(ec_period_format(ec_period_year_ago(parse("2007M9")), b),
	          "2006M9", "year ago of nine months");
	CHECK_STR(
	        ec_period_format(ec_period_add_quarters(parse("2012H1"), 1), b),
	        "2012H1", "stepping a half leaves it unchanged");
	CHECK(ec_period_qindex(q) == 2010 * 4 + 2, "qindex 2010Q3");
	CHECK(ec_period_qindex(parse("2010FY")) == -1,
	      "qindex of a year is -1");
	int bad = 0;
	for (int y = 1990; y < 2040; y++)
		for (int k = 1; k <= 4; k++) {
			ec_period p = ec_period_quarter(y, k);
			int idx = ec_period_qindex(p);
			if (!ec_period_equal(ec_period_from_qindex(idx), p) ||
			    ec_period_qindex(ec_period_add_quarters(p, 4)) !=
			            idx + 4 ||
			    !ec_period_equal(
			            ec_period_add_quarters(p, 4),
			            ec_period_year_ago(
			                    ec_period_add_quarters(p, 8))) ||
			    ec_period_cmp(ec_period_prior_quarter(p), p) >= 0)
				bad++;
		}
	CHECK(bad == 0, "qindex round trip and steps for 200 quarters (%d bad)",
	      bad);
}

int main(void)
{
	test_forms();
	test_errors();
	test_order();
	test_steps();
	return ec_test_done();
}
