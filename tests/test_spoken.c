/* Numbers spoken in words (src/extract/spoken.c): the rewritten clean
 * text, the clean-to-raw map behind quotes, and the facts the extractor
 * then reads from speech-to-text transcripts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/extract.h"
#include "earnchart/series.h"
#include "ex.h"
#include "testlib.h"

/* Cleans in[] with and without the spoken pass; *same is set when the
 * pass left text, segments, lines and barriers as they were.  Returns
 * the rewritten clean text (malloc'd) or NULL. */
static char *spoken(const char *in, int *same)
{
	ex_doc a, b;
	ec_error err;
	ec_extract_opts o;
	ec_extract_opts_defaults(&o);
	size_t n = strlen(in);
	if (ex_doc_prepare(&a, in, n, "t.txt", &o, &err) || ex_doc_prepare(&b, in, n, "t.txt", &o, &err))
		return NULL;
	if (ex_doc_spoken(&b)) {
		ex_doc_free(&a);
		ex_doc_free(&b);
		return NULL;
	}
	if (same) {
		*same = a.clean_len == b.clean_len && memcmp(a.clean, b.clean, a.clean_len) == 0 &&
		        a.n_segs == b.n_segs && a.n_lines == b.n_lines && a.n_barriers == b.n_barriers;
		for (size_t i = 0; *same && i < a.n_segs; i++)
			*same = a.segs[i].cstart == b.segs[i].cstart && a.segs[i].rstart == b.segs[i].rstart;
		for (size_t i = 0; *same && i < a.n_lines; i++)
			*same = a.lines[i].start == b.lines[i].start && a.lines[i].end == b.lines[i].end;
		for (size_t i = 0; *same && i < a.n_barriers; i++)
			*same = a.barriers[i] == b.barriers[i];
	}
	char *r = malloc(b.clean_len + 1);
	if (r)
		memcpy(r, b.clean, b.clean_len + 1);
	ex_doc_free(&a);
	ex_doc_free(&b);
	return r;
}

static void rewrites(const char *in, const char *want)
{
	int same = 1;
	char *got = spoken(in, &same);
	char what[512];
	snprintf(what, sizeof what, "'%s' -> '%s'", in, want);
	CHECK_STR(got ? got : "(null)", want, what);
	free(got);
}

static void unchanged(const char *in)
{
	int same = 0;
	char *got = spoken(in, &same);
	CHECK(got && same, "'%s' unchanged (got '%s')", in, got ? got : "(null)");
	free(got);
}

/* The quote of the clean span that holds `needle` in the rewritten text
 * of in[]. */
static void quote_of(const char *in, const char *needle, const char *want)
{
	ex_doc d;
	ec_error err;
	ec_extract_opts o;
	ec_extract_opts_defaults(&o);
	char buf[512] = "";
	if (ex_doc_prepare(&d, in, strlen(in), "t.txt", &o, &err) == EC_OK && ex_doc_spoken(&d) == EC_OK) {
		const char *p = strstr(d.clean, needle);
		if (p) {
			size_t a = (size_t)(p - d.clean);
			ex_doc_quote(&d, a, a + strlen(needle), buf, sizeof buf);
		}
	}
	ex_doc_free(&d);
	char what[512];
	snprintf(what, sizeof what, "quote of '%s' is '%s'", needle, want);
	CHECK_STR(buf, want, what);
}

static void text_forms(void)
{
	rewrites("revenue of one point two four billion dollars up eleven percent",
	         "revenue of $1.24 billion up 11%");
	rewrites("gross margin was fifty eight point four percent", "gross margin was 58.4%");
	rewrites("or eighty seven cents per diluted share", "or $0.87 per diluted share");
	rewrites("earnings per share were a dollar thirty one compared with a dollar fourteen last year",
	         "earnings per share were $1.31 compared with $1.14 last year");
	rewrites("or a dollar nineteen per diluted share", "or $1.19 per diluted share");
	rewrites("up a dollar nineteen per cent", "up a dollar 19%"); /* not cents */
	rewrites("margin of about twenty two and a half percent", "margin of about 22.5%");
	rewrites("up a hundred and forty basis points", "up 140 basis points");
	rewrites("operating income was one hundred and fifty one million dollars",
	         "operating income was $151 million");
	rewrites("revenue between one point two eight and one point three two billion dollars",
	         "revenue between $1.28 and $1.32 billion");
	rewrites("four point nine billion dollars plus or minus twenty five million",
	         "$4.9 billion plus or minus 25 million");
	rewrites("the third quarter twenty twenty four call", "the third quarter 2024 call");
	rewrites("in two thousand twenty four and two thousand and nine", "in 2024 and 2009");
	rewrites("since nineteen ninety nine", "since 1999");
	rewrites("fiscal twenty oh nine", "fiscal 2009");
	rewrites("one dollar and five cents a share", "$1.05 a share");
	rewrites("a dollar forty", "$1.40");
	rewrites("of fifty five to fifty nine cents", "of $0.55 to $0.59");
	rewrites("fifty-eight percent", "58%");
	rewrites("down point five percent", "down 0.5%");
	rewrites("cash of two point zero five billion dollars", "cash of $2.05 billion");
	rewrites("one point oh five", "1.05");
	rewrites("one point twenty five billion dollars", "$1.25 billion");
	rewrites("twelve thousand customers", "12,000 customers");
	rewrites("eleven per cent", "11%");
	rewrites("twenty to twenty two percent", "20% to 22%");
	rewrites("One Billion Dollars", "$1 billion");
	rewrites("a million dollars", "$1 million");
	rewrites("twenty million dollar contract", "$20 million contract");
	rewrites("up two percentage points", "up 2 percentage points");
	rewrites("sixty one", "61");
	rewrites("a dollar thirty five to a dollar forty", "$1.35 to $1.40");
	rewrites("one hundred and sixty million dollars and", "$160 million and");
	/* mixed with digits: the digits are left alone */
	rewrites("revenue of $1.2 billion and fifty percent", "revenue of $1.2 billion and 50%");
	/* line breaks end a number */
	rewrites("fifty\neight percent", "fifty\n8%");
}

static void negatives(void)
{
	unchanged("the fourth quarter");
	unchanged("one of our customers");
	unchanged("no one expected it");
	unchanged("closing the gap with the largest incumbent");
	unchanged("a one-time charge");
	unchanged("our first question comes from sam");
	unchanged("one customer and two sites");
	unchanged("at this point five of our customers");
	unchanged("a quarter of our revenue");
	unchanged("hundreds of millions of dollars");
	unchanged("covid-nineteen and one2one");
	unchanged("growth on a dollar basis");
	unchanged("two points I would make");
	unchanged("Revenue was $1.24 billion, up 11%, and EPS was $0.87 in the third quarter of 2024.\n");
	/* a Markdown document with page furniture and tables, no spoken
	 * numbers: identical text, segments, lines and barriers */
	unchanged("# Results\n\n| Metric | Q3 2024 |\n|---|---|\n| Revenue | \\$1,240 |\n\n"
	          "**Revenue** was \\$1.24 billion.\n");
}

static void quotes(void)
{
	const char *doc = "so revenue for the quarter was one point two four billion dollars and margin "
	                  "was fifty eight point four percent";
	quote_of(doc, "$1.24 billion", "one point two four billion dollars");
	quote_of(doc, "was $1.24 billion and", "was one point two four billion dollars and");
	quote_of(doc, "revenue for the quarter was $1.24", "revenue for the quarter was one point two four billion dollars");
	quote_of(doc, "58.4%", "fifty eight point four percent");
	quote_of(doc, "and margin", "and margin");
	/* raw text with a line break and extra spaces inside the quote */
	quote_of("gap net income was one hundred   and six million dollars\nor eighty seven cents per share",
	         "was $106 million\nor $0.87 per",
	         "was one hundred and six million dollars or eighty seven cents per");
}

static const ec_obs *row(const ec_series *s, const char *metric, ec_basis basis, ec_kind kind,
                         ec_period p)
{
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		if (strcmp(o->metric, metric) == 0 && o->basis == basis && o->kind == kind &&
		    ec_period_equal(o->period, p))
			return o;
	}
	return NULL;
}

static void fact(const ec_series *s, const char *metric, ec_basis basis, ec_kind kind, ec_period p,
                 double value, const char *words)
{
	const ec_obs *o = row(s, metric, basis, kind, p);
	char ps[16];
	ec_period_format(p, ps);
	CHECK(o && fabs(o->value - value) < 1e-6, "%s %s %s = %g (got %g)", ps, metric,
	      ec_basis_name(basis), value, o ? o->value : NAN);
	CHECK(o && o->quote && strstr(o->quote, words), "%s %s quote holds '%s' (got '%s')", ps, metric,
	      words, o && o->quote ? o->quote : "(none)");
}

static void extraction(void)
{
	/* speech-to-text style: no punctuation, numbers in words */
	const char *asr =
	    "good afternoon and welcome to the acme third quarter twenty twenty four earnings "
	    "conference call thank you operator revenue for the quarter was one point two four "
	    "billion dollars and we are pleased\n\n"
	    "gap net income was one hundred and six million dollars or eighty seven cents per "
	    "diluted share\n\n"
	    "non gap earnings per share were a dollar thirty one\n\n"
	    "gap gross margin was fifty eight point four percent\n";
	ec_series *s = ec_series_new();
	ec_series_set_doc_keyed(s, true);
	ec_error err;
	ec_extract_info info;
	ec_err rc = ec_extract_mem(asr, strlen(asr), "asr.txt", NULL, s, &info, &err);
	CHECK(rc == EC_OK, "the spoken document is read");
	ec_period q3 = ec_period_quarter(2024, 3);
	CHECK(info.has_period && ec_period_equal(info.period, q3),
	      "the document's quarter is 2024Q3 from 'third quarter twenty twenty four'");
	fact(s, "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL, q3, 1240, "one point two four billion dollars");
	fact(s, "net_income", EC_BASIS_GAAP, EC_KIND_ACTUAL, q3, 106,
	     "one hundred and six million dollars");
	fact(s, "eps_diluted", EC_BASIS_GAAP, EC_KIND_ACTUAL, q3, 0.87, "eighty seven cents");
	fact(s, "eps_diluted", EC_BASIS_NON_GAAP, EC_KIND_ACTUAL, q3, 1.31, "a dollar thirty one");
	fact(s, "gross_margin", EC_BASIS_GAAP, EC_KIND_ACTUAL, q3, 58.4,
	     "fifty eight point four percent");
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		CHECK(o->quote && !strchr(o->quote, '$') && !strchr(o->quote, '%'),
		      "row %zu quote is the spoken words ('%s')", i, o->quote ? o->quote : "");
	}
	ec_series_free(s);

	/* guidance ranges in words, with sentences */
	const char *guide =
	    "Welcome to the Acme third quarter twenty twenty four earnings call.\n\n"
	    "For the fourth quarter we expect revenue between one point two eight and one point "
	    "three two billion dollars.\n\n"
	    "We expect non gap operating margin of about twenty two and a half percent for the "
	    "fourth quarter.\n";
	s = ec_series_new();
	ec_series_set_doc_keyed(s, true);
	rc = ec_extract_mem(guide, strlen(guide), "guide.txt", NULL, s, NULL, &err);
	CHECK(rc == EC_OK, "the spoken guidance document is read");
	ec_period q4 = ec_period_quarter(2024, 4);
	const ec_obs *o = row(s, "revenue", EC_BASIS_GAAP, EC_KIND_GUIDANCE, q4);
	CHECK(o && fabs(o->low - 1280) < 1e-6 && fabs(o->high - 1320) < 1e-6,
	      "2024Q4 revenue guidance 1280..1320 (got %g..%g)", o ? o->low : NAN, o ? o->high : NAN);
	CHECK(o && o->quote && strstr(o->quote, "one point two eight and one point three two billion dollars"),
	      "its quote holds the spoken range ('%s')", o && o->quote ? o->quote : "(none)");
	o = row(s, "operating_margin", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE, q4);
	CHECK(o && fabs(o->low - 22.5) < 1e-6 && fabs(o->high - 22.5) < 1e-6,
	      "2024Q4 non-GAAP operating margin guidance 22.5 (got %g)", o ? o->low : NAN);
	ec_series_free(s);

	/* the same facts written in digits give the same values: the pass
	 * changes nothing there */
	const char *digits = "Revenue for the third quarter of 2024 was $1.24 billion.\n";
	s = ec_series_new();
	ec_series_set_doc_keyed(s, true);
	rc = ec_extract_mem(digits, strlen(digits), "d.txt", NULL, s, NULL, &err);
	o = row(s, "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL, q3);
	CHECK(rc == EC_OK && o && fabs(o->value - 1240) < 1e-6 && o->quote &&
	          strstr(o->quote, "$1.24 billion"),
	      "a digits document keeps its own quote ('%s')", o && o->quote ? o->quote : "(none)");
	ec_series_free(s);
}

/* The scan finds letter runs 64 bytes at a time and offers the number
 * parser only those whose first three letters (or a lone "a") can start a
 * number word; the last bytes of the text go one at a time.  Every word
 * that starts a number, in any case, rewrites as it should at every
 * offset: in a block, across a block boundary, in the tail.  Runs that
 * start no number stay as they are. */
static void block_paths(void)
{
	/* phrase, its rewrite (NULL: none) */
	static const char *const cases[][2] = {
	    {"zero point two billion dollars", "$0.2 billion"},
	    {"one point two billion dollars", "$1.2 billion"},
	    {"two point two billion dollars", "$2.2 billion"},
	    {"three point two billion dollars", "$3.2 billion"},
	    {"four point two billion dollars", "$4.2 billion"},
	    {"five point two billion dollars", "$5.2 billion"},
	    {"six point two billion dollars", "$6.2 billion"},
	    {"seven point two billion dollars", "$7.2 billion"},
	    {"eight point two billion dollars", "$8.2 billion"},
	    {"nine point two billion dollars", "$9.2 billion"},
	    {"ten point two billion dollars", "$10.2 billion"},
	    {"eleven point two billion dollars", "$11.2 billion"},
	    {"twelve point two billion dollars", "$12.2 billion"},
	    {"thirteen point two billion dollars", "$13.2 billion"},
	    {"fourteen point two billion dollars", "$14.2 billion"},
	    {"fifteen point two billion dollars", "$15.2 billion"},
	    {"sixteen point two billion dollars", "$16.2 billion"},
	    {"seventeen point two billion dollars", "$17.2 billion"},
	    {"eighteen point two billion dollars", "$18.2 billion"},
	    {"nineteen point two billion dollars", "$19.2 billion"},
	    {"twenty point two billion dollars", "$20.2 billion"},
	    {"thirty point two billion dollars", "$30.2 billion"},
	    {"forty point two billion dollars", "$40.2 billion"},
	    {"fifty point two billion dollars", "$50.2 billion"},
	    {"sixty point two billion dollars", "$60.2 billion"},
	    {"seventy point two billion dollars", "$70.2 billion"},
	    {"eighty point two billion dollars", "$80.2 billion"},
	    {"ninety point two billion dollars", "$90.2 billion"},
	    {"Seventeen Point Two Billion Dollars", "$17.2 billion"},
	    {"NINETY POINT TWO BILLION DOLLARS", "$90.2 billion"},
	    {"tWeNtY pOiNt two billion dollars", "$20.2 billion"},
	    {"a hundred and forty basis points", "140 basis points"},
	    {"A Million Dollars", "$1 million"},
	    {"point five percent", "0.5%"},
	    {"Point Five Percent", "0.5%"},
	    {"a dollar thirty one", "$1.31"},
	    {"twenty twenty four", "2024"},
	    /* no numbers: near misses of the first letters */
	    {"fort one", NULL}, {"thirdly", NULL}, {"this thing", NULL}, {"tenth", NULL},
	    {"ones", NULL}, {"a1 one", NULL}, {"forth", NULL}, {"fiver", NULL},
	    {"thirty-ish", NULL}, {"twentyfold", NULL}, {"ninetyone", NULL}, {"a", NULL},
	    {"on a", NULL}, {"sevens", NULL}, {"poi", NULL},
	};
	const char *pattern = "xyzzy qwv abcdefghijklmnopqrstuvwxyz an at of t ";
	const char *tail = " and then some more words here to fill the tail of the text past a block";
	int bad = 0;
	for (size_t w = 0; w < sizeof cases / sizeof cases[0] && bad < 5; w++) {
		const char *phrase = cases[w][0], *ref = cases[w][1] ? cases[w][1] : phrase;
		for (size_t pad = 0; pad <= 140 && bad < 5; pad++) {
			for (int with_tail = 0; with_tail < 2; with_tail++) {
				/* pad bytes of letter runs and blanks, then a blank */
				char in[512], want[512];
				size_t n = 0, plen = strlen(pattern);
				for (; n + 1 < pad; n++)
					in[n] = pattern[n % plen];
				if (pad)
					in[n++] = ' ';
				in[n] = 0;
				snprintf(want, sizeof want, "%s%s%s", in, ref, with_tail ? tail : "");
				snprintf(in + n, sizeof in - n, "%s%s", phrase, with_tail ? tail : "");
				char *got = spoken(in, NULL);
				if (!got || strcmp(got, want) != 0) {
					bad++;
					CHECK(0, "'%s' at offset %zu%s: got '%s', want '%s'", phrase, pad,
					      with_tail ? " (text goes on)" : "", got ? got : "(null)", want);
				}
				free(got);
			}
		}
	}
	CHECK(bad == 0, "number words rewrite as they should at every offset");
}

/* The pass is linear: a text of spoken numbers repeated twice costs
 * about twice the work of once. */
static void linear(void)
{
	const char *unit = "revenue was one point two four billion dollars up a hundred and forty basis "
	                   "points and a dollar thirty one per share in twenty twenty four ";
	size_t n = strlen(unit);
	size_t w[2] = {0, 0};
	for (int k = 0; k < 2; k++) {
		size_t times = (size_t)2000 << k;
		char *buf = malloc(n * times + 1);
		if (!buf)
			return;
		for (size_t i = 0; i < times; i++)
			memcpy(buf + i * n, unit, n);
		buf[n * times] = 0;
		ec_series *s = ec_series_new();
		ec_series_set_doc_keyed(s, true);
		ec_error err;
		ex_extract_counted(buf, n * times, "l.txt", NULL, s, NULL, &w[k], &err);
		ec_series_free(s);
		free(buf);
	}
	CHECK(w[0] > 0 && (double)w[1] <= 2.2 * (double)w[0],
	      "doubling a spoken text at most about doubles the work (%zu -> %zu)", w[0], w[1]);
}

int main(void)
{
	text_forms();
	negatives();
	quotes();
	extraction();
	block_paths();
	linear();
	return ec_test_done();
}
