/* Extraction end to end: every row of every seed carries a quote that
 * occurs in its document (white space collapsed) at its line and holds its
 * number; bad input; a 50 MB line; analyst restatements; conflicts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "earnchart/extract.h"
#include "earnchart/io.h"
#include "ex.h"
#include "testlib.h"

/* s with runs of white space collapsed to one blank. */
static char *collapse(const char *s, size_t n)
{
	char *o = malloc(n + 1);
	size_t k = 0;
	int sp = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			sp = 1;
			continue;
		}
		if (sp && k)
			o[k++] = ' ';
		sp = 0;
		o[k++] = c;
	}
	o[k] = 0;
	return o;
}

static int near(double a, double b)
{
	return fabs(a - b) <= fmax(0.006 * fabs(b), 0.0051);
}

/* Some number written in q gives v (as millions, thousands, units or
 * cents). */
static int number_in(const char *q, double v)
{
	size_t n = strlen(q);
	for (size_t i = 0; i < n; i++) {
		ex_num x;
		if (!ex_num_parse(q, n, i, &x))
			continue;
		double c[] = {x.v, x.v / 1000, x.v / 100, x.scale ? x.v * x.scale / 1e6 : x.v};
		for (int k = 0; k < 4; k++)
			if (near(c[k], v) || near(-c[k], v))
				return 1;
	}
	return 0;
}

static void seeds(void)
{
	static const char *const docs[] = {"000_6a4c5470c33b28be.txt", "001_7dc0ea3696f4e294.txt",
	                                   "002_ccf848bd1a1a4e07.txt", "003_bc42882660b3e19d.txt",
	                                   "004_e29f70c8a96d83e0.txt"};
	for (int d = 0; d < 5; d++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/seeds/%s", EC_TEST_DATA, docs[d]);
		char *raw;
		size_t len;
		ec_error err;
		if (ec_read_file(path, 0, &raw, &len, &err)) {
			CHECK(0, "read %s", path);
			continue;
		}
		char *all = collapse(raw, len);
		ec_series *s = ec_series_new();
		ec_series_set_doc_keyed(s, true);
		ec_extract_info info;
		CHECK(ec_extract_mem(raw, len, path, NULL, s, &info, &err) == EC_OK, "extract %s", docs[d]);
		size_t bad_quote = 0, bad_number = 0, bad_line = 0;
		for (size_t i = 0; i < ec_series_count(s); i++) {
			const ec_obs *o = ec_series_get(s, i);
			if (!strstr(all, o->quote)) {
				bad_quote++;
				fprintf(stderr, "quote not in %s: %s\n", docs[d], o->quote);
			}
			if (!(number_in(o->quote, o->value) || number_in(o->quote, o->low) ||
			      number_in(o->quote, o->high))) {
				bad_number++;
				fprintf(stderr, "number %g not in quote: %s\n", o->value, o->quote);
			}
			/* the quote starts on its line */
			size_t off = 0;
			long ln = 1;
			for (size_t k = 0; k < len && ln < o->line; k++)
				if (raw[k] == '\n') {
					ln++;
					off = k + 1;
				}
			size_t win = strlen(o->quote) + 4000;
			char *from = collapse(raw + off, len - off < win ? len - off : win);
			const char *at = strstr(from, o->quote);
			size_t first_nl = 0;
			while (off + first_nl < len && raw[off + first_nl] != '\n')
				first_nl++;
			char *first = collapse(raw + off, first_nl);
			if (!at || (size_t)(at - from) > strlen(first)) {
				bad_line++;
				fprintf(stderr, "line %ld of %s does not start: %s\n", o->line, docs[d], o->quote);
			}
			free(first);
			free(from);
		}
		CHECK(bad_quote == 0, "%s: every quote occurs in the document", docs[d]);
		CHECK(bad_number == 0, "%s: every row's number is in its quote", docs[d]);
		CHECK(bad_line == 0, "%s: every quote starts on its line", docs[d]);
		if (d == 4)
			CHECK(ec_series_count(s) == 0, "the code of conduct gives zero rows");
		else
			CHECK(ec_series_count(s) >= 20, "%s gives rows (%zu)", docs[d], ec_series_count(s));
		/* deterministic: a second run gives the same rows */
		ec_series *t = ec_series_new();
		ec_series_set_doc_keyed(t, true);
		ec_extract_mem(raw, len, path, NULL, t, NULL, &err);
		int same = ec_series_count(s) == ec_series_count(t);
		for (size_t i = 0; same && i < ec_series_count(s); i++) {
			const ec_obs *a = ec_series_get(s, i), *b = ec_series_get(t, i);
			same = !strcmp(a->quote, b->quote) && !strcmp(a->metric, b->metric) &&
			       a->line == b->line && ((isnan(a->value) && isnan(b->value)) || a->value == b->value);
		}
		CHECK(same, "%s: same input, same rows", docs[d]);
		ec_series_free(t);
		ec_series_free(s);
		free(all);
		free(raw);
	}
}

static void bad_input(void)
{
	ec_series *s = ec_series_new();
	ec_series_set_doc_keyed(s, true);
	ec_error err;
	ec_extract_info info;
	CHECK(ec_extract_mem("", 0, "empty.txt", NULL, s, &info, &err) == EC_OK && info.rows == 0,
	      "an empty document: no rows, no error");
	const char bin[] = "PK\3\4\0\0binary";
	CHECK(ec_extract_mem(bin, sizeof bin - 1, "x.zip", NULL, s, NULL, &err) == EC_EPARSE,
	      "a binary document is an error");
	CHECK(strstr(err.msg, "binary") != NULL && !strcmp(err.file, "x.zip"), "the error names the file: %s", err.msg);
	const char *only = "12 34 56 78\n90 1.5 (3)\n";
	CHECK(ec_extract_mem(only, strlen(only), "n.txt", NULL, s, &info, &err) == EC_OK && info.rows == 0,
	      "a file of only numbers gives zero rows");
	const char *inv = "Q3 2010 earnings call.\n\nTotal revenue for the quarter was \xff$1.2 billion.\n";
	CHECK(ec_extract_mem(inv, strlen(inv), "i.txt", NULL, s, &info, &err) == EC_OK,
	      "a stray invalid UTF-8 byte is read as a blank");
	CHECK(ec_series_count(s) == 1, "and the fact around it is still found (%zu)", ec_series_count(s));
	ec_extract_opts o;
	ec_extract_opts_defaults(&o);
	o.max_line = 100;
	char longl[300];
	memset(longl, 'a', sizeof longl - 1);
	longl[sizeof longl - 1] = 0;
	CHECK(ec_extract_mem(longl, strlen(longl), "l.txt", &o, s, NULL, &err) == EC_ELIMIT, "a line over max_line is a limit error");
	ec_series_free(s);
}

/* A 50 MB single line of transcript text is read, and its facts found.
 * Linear time is checked by work done in linearity() below, not by the
 * clock: this test also runs under valgrind and the sanitizers. */
static void long_line(void)
{
	const char *sent = "On a GAAP basis, total revenue for the third quarter of 2010 was a record $1.012 billion, up 3% sequentially and 23% year-over-year and the backlog grew ";
	size_t n = strlen(sent), total = 50u << 20;
	char *big = malloc(total + 1);
	if (!CHECK(big != NULL, "50 MB buffer"))
		return;
	for (size_t i = 0; i < total; i += n)
		memcpy(big + i, sent, i + n <= total ? n : total - i);
	big[total] = 0;
	ec_series *s = ec_series_new();
	ec_series_set_doc_keyed(s, true);
	ec_error err;
	ec_err rc = ec_extract_mem(big, total, "big.txt", NULL, s, NULL, &err);
	CHECK(rc == EC_OK, "a 50 MB single line is read");
	ec_key k = {"", ec_period_quarter(2010, 3), "revenue", "total",
	            EC_BASIS_GAAP, EC_KIND_ACTUAL, NULL};
	const ec_obs *o = NULL;
	for (size_t i = 0; i < ec_series_count(s) && !o; i++) {
		const ec_obs *r = ec_series_get(s, i);
		ec_key rk = ec_obs_key(r);
		if (ec_period_equal(rk.period, k.period) &&
		    strcmp(rk.metric, k.metric) == 0 &&
		    strcmp(rk.segment, k.segment) == 0 && rk.basis == k.basis &&
		    rk.kind == k.kind)
			o = r;
	}
	CHECK(o && fabs(o->value - 1012) < 0.5,
	      "its 2010Q3 GAAP revenue is found (%g)", o ? o->value : NAN);
	ec_series_free(s);
	free(big);
}

/* Work of extracting data[0..len) repeated `times` times back to back
 * (ex_extract_counted's counter: bytes scanned + tokens examined). */
static size_t work_of(const char *data, size_t len, int times)
{
	char *buf = malloc(len * (size_t)times + 1);
	if (!buf)
		return 0;
	for (int k = 0; k < times; k++)
		memcpy(buf + len * (size_t)k, data, len);
	buf[len * (size_t)times] = 0;
	ec_series *s = ec_series_new();
	ec_series_set_doc_keyed(s, true);
	ec_error err;
	size_t work = 0;
	ec_err rc = ex_extract_counted(buf, len * (size_t)times, "w.txt", NULL, s, NULL, &work, &err);
	ec_series_free(s);
	free(buf);
	return rc == EC_OK ? work : 0;
}

/* Linear time, measured as work rather than wall clock: doubling the
 * input at most about doubles the work (ratio <= 2.2), for a corpus of
 * several documents in one text and for one long line. */
static void linearity(void)
{
	static const char *const docs[] = {"000_6a4c5470c33b28be.txt", "001_7dc0ea3696f4e294.txt",
	                                   "002_ccf848bd1a1a4e07.txt", "003_bc42882660b3e19d.txt",
	                                   "004_e29f70c8a96d83e0.txt"};
	size_t cap = 1u << 20, len = 0;
	char *corpus = malloc(cap);
	CHECK(corpus != NULL, "corpus buffer");
	if (!corpus)
		return;
	for (int d = 0; d < 5; d++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/seeds/%s", EC_TEST_DATA, docs[d]);
		char *raw;
		size_t n;
		ec_error err;
		if (ec_read_file(path, 0, &raw, &n, &err)) {
			CHECK(0, "read %s", path);
			continue;
		}
		if (len + n + 2 <= cap) {
			memcpy(corpus + len, raw, n);
			len += n;
			corpus[len++] = '\n';
			corpus[len++] = '\n';
		}
		free(raw);
	}
	size_t w1 = work_of(corpus, len, 1), w2 = work_of(corpus, len, 2);
	CHECK(w1 >= len, "the work counter counts at least the bytes (%zu for %zu bytes)", w1, len);
	CHECK(w1 > 0 && (double)w2 / (double)w1 <= 2.2,
	      "seed corpus doubled: work x%.3f (%zu -> %zu)", w1 ? (double)w2 / (double)w1 : 0.0, w1, w2);
	free(corpus);
	/* one long line: 2 MB, then 4 MB */
	const char *sent = "On a GAAP basis, total revenue for the third quarter of 2010 was a record $1.012 billion, up 3% sequentially and 23% year-over-year and the backlog grew ";
	size_t sn = strlen(sent), total = 2u << 20;
	char *line = malloc(total);
	CHECK(line != NULL, "line buffer");
	if (!line)
		return;
	for (size_t i = 0; i < total; i += sn)
		memcpy(line + i, sent, i + sn <= total ? sn : total - i);
	w1 = work_of(line, total, 1);
	w2 = work_of(line, total, 2);
	CHECK(w1 >= total, "the work counter counts the long line (%zu for %zu bytes)", w1, total);
	CHECK(w1 > 0 && (double)w2 / (double)w1 <= 2.2,
	      "long line doubled: work x%.3f (%zu -> %zu)", w1 ? (double)w2 / (double)w1 : 0.0, w1, w2);
	free(line);
}

static void roles(void)
{
	const char *t =
	    " P R E S E N T A T I O N\n\nOperator\n\nWelcome to the Q3 2010 earnings conference call.\n\n"
	    "Jane Roe - Acme - CFO\n\nProduct backlog at the end of Q3 stood at $325 million.\n\n"
	    " Q U E S T I O N S  A N D  A N S W E R S\n\n"
	    "John Doe - Big Bank - Analyst\n\nSo product backlog was $330 million this quarter, and DSO was 41 days in the quarter?\n\n"
	    "Jane Roe - Acme - CFO\n\nYes.\n";
	ec_series *s = ec_series_new();
	ec_series_set_doc_keyed(s, true);
	ec_error err;
	ec_extract_info info;
	CHECK(ec_extract_mem(t, strlen(t), "r.txt", NULL, s, &info, &err) == EC_OK, "transcript with Q&A");
	int company_backlog = 0, analyst_dso = 0;
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		if (!strcmp(o->metric, "backlog") && o->value == 325 && !strcmp(o->source_role, ""))
			company_backlog = 1;
		if (!strcmp(o->metric, "dso") && o->value == 41 && !strcmp(o->source_role, "analyst"))
			analyst_dso = 1;
	}
	CHECK(company_backlog, "the company's statement wins over the analyst's restatement");
	CHECK(analyst_dso, "an analyst-only number is kept with source_role analyst");
	CHECK(ec_series_conflict_count(s) == 1 && info.conflicts == 1, "the disagreement is recorded as a conflict");
	ec_series_free(s);
}

/* ---- forms seen outside the seeds ------------------------------------- */

static ec_series *ext(const char *text)
{
	ec_series *s = ec_series_new();
	ec_series_set_doc_keyed(s, true);
	ec_error err;
	if (!s || ec_extract_mem(text, strlen(text), "f.md", NULL, s, NULL, &err) != EC_OK) {
		ec_series_free(s);
		return NULL;
	}
	return s;
}

/* The row of a key, or NULL. */
static const ec_obs *row(const ec_series *s, const char *per, const char *metric,
                         const char *seg, ec_basis b, ec_kind kind)
{
	ec_period p;
	if (!s || ec_period_parse(per, strlen(per), &p, NULL) != EC_OK)
		return NULL;
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		if (ec_period_equal(o->period, p) && !strcmp(o->metric, metric) &&
		    !strcmp(o->segment, seg) && o->basis == b && o->kind == kind)
			return o;
	}
	return NULL;
}

/* Whether any row has this metric and value (any key). */
static int any_value(const ec_series *s, const char *metric, double v)
{
	for (size_t i = 0; s && i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		if (!strcmp(o->metric, metric) && near(o->value, v))
			return 1;
	}
	return 0;
}

static int any_segment(const ec_series *s, const char *seg)
{
	for (size_t i = 0; s && i < ec_series_count(s); i++)
		if (!strcmp(ec_series_get(s, i)->segment, seg))
			return 1;
	return 0;
}

static int guid_is(const ec_obs *o, double lo, double hi)
{
	return o && o->kind == EC_KIND_GUIDANCE && near(o->low, lo) && near(o->high, hi);
}

#define HEAD_Q3_2023 \
	"# Acme Reports Third Quarter 2023 Results\n\n" \
	"AUSTIN, Texas, Oct. 24, 2023 -- Acme, Inc. (NASDAQ: ACME) today reported results for the " \
	"third quarter ended September 30, 2023.\n\n"

static void guidance_forms(void)
{
	const char *t = HEAD_Q3_2023
	    "Revenue was $1.84 billion for the third quarter.\n\n"
	    "**Fiscal 2024 Guidance**\n\n"
	    "For fiscal 2024, Acme expects:\n\n"
	    "- Sales of \\$7.25 billion to \\$7.45 billion, with organic sales growth of 3% to 6%\n"
	    "- Diluted EPS of \\$10.90 to \\$11.30 and adjusted EPS of \\$12.30 to \\$12.70\n"
	    "- Capital expenditures of approximately \\$220 million\n\n"
	    "Business Outlook\n"
	    "For the December quarter, Acme expects:\n"
	    "* Revenue between $1.76 billion and $1.86 billion\n"
	    "* Non-GAAP gross margin of 54.0%, plus or minus 1 percentage point\n"
	    "* Non-GAAP operating expenses of approximately $520 million\n\n"
	    "Acme's outlook for the first quarter of 2024 is as follows:\n\n"
	    "- GAAP and non-GAAP operating margins are expected to be 24.5% and 27.0%, respectively, "
	    "plus or minus 50 basis points.\n"
	    "- GAAP and non-GAAP tax rates are expected to be 17.0%, plus or minus 1%.\n\n"
	    "Guidance for 2025:\n\n"
	    "- Revenue of $8.0 billion to $8.2 billion\n\n"
	    "For the full year, we now expect adjusted EPS of $3.40 to $3.50 compared to our prior "
	    "range of $3.30 to $3.42. We are raising our revenue outlook to $7.3 billion to $7.5 billion, "
	    "from $7.0 billion to $7.2 billion previously, and on a GAAP basis we expect diluted EPS of "
	    "$2.85 to $3.00.\n";
	ec_series *s = ext(t);
	CHECK(s != NULL, "guidance forms extract");
	CHECK(guid_is(row(s, "2024FY", "revenue", "total", EC_BASIS_GAAP, EC_KIND_GUIDANCE), 7250, 7450),
	      "a lead-in gives its bullets the fiscal year and guidance");
	CHECK(guid_is(row(s, "2024FY", "eps_diluted", "total", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE), 12.30, 12.70),
	      "second range of a bullet under a lead-in");
	CHECK(guid_is(row(s, "2024FY", "capex", "total", EC_BASIS_NONE, EC_KIND_GUIDANCE), 220, 220),
	      "approximately X under a lead-in is guidance");
	CHECK(!row(s, "2023Q3", "capex", "total", EC_BASIS_NONE, EC_KIND_ACTUAL),
	      "guidance under a lead-in is not an actual");
	CHECK(guid_is(row(s, "2023Q4", "revenue", "total", EC_BASIS_GAAP, EC_KIND_GUIDANCE), 1760, 1860),
	      "'Revenue between X and Y' with no verb under a lead-in");
	CHECK(guid_is(row(s, "2023Q4", "gross_margin", "total", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE), 53, 55),
	      "plus or minus 1 percentage point");
	CHECK(guid_is(row(s, "2023Q4", "operating_expenses", "total", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE), 520, 520) &&
	          !row(s, "2023Q3", "operating_expenses", "total", EC_BASIS_NON_GAAP, EC_KIND_ACTUAL),
	      "approximately $520 million under 'expects:' is guidance, not an actual");
	CHECK(guid_is(row(s, "2024Q1", "operating_margin", "total", EC_BASIS_GAAP, EC_KIND_GUIDANCE), 24.0, 25.0) &&
	          guid_is(row(s, "2024Q1", "operating_margin", "total", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE), 26.5, 27.5),
	      "A and B ... X and Y, respectively, plus or minus 50 basis points");
	CHECK(guid_is(row(s, "2024Q1", "tax_rate", "total", EC_BASIS_GAAP, EC_KIND_GUIDANCE), 16, 18) &&
	          guid_is(row(s, "2024Q1", "tax_rate", "total", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE), 16, 18),
	      "one rate for GAAP and non-GAAP, plus or minus 1%% as points");
	CHECK(guid_is(row(s, "2023FY", "eps_diluted", "total", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE), 3.40, 3.50),
	      "new range kept, the prior range after it is not");
	CHECK(guid_is(row(s, "2023FY", "eps_diluted", "total", EC_BASIS_GAAP, EC_KIND_GUIDANCE), 2.85, 3.00),
	      "'previously, and ... we expect' starts a new clause");
	CHECK(guid_is(row(s, "2025FY", "revenue", "total", EC_BASIS_GAAP, EC_KIND_GUIDANCE), 8000, 8200),
	      "'Guidance for 2025:' gives its bullets the year");
	CHECK(guid_is(row(s, "2023FY", "revenue", "total", EC_BASIS_GAAP, EC_KIND_GUIDANCE), 7300, 7500),
	      "raised range 'to X from Y previously': the new one");
	ec_series_free(s);
}

static void prose_forms(void)
{
	const char *t = HEAD_Q3_2023
	    "GAAP operating income was $118.0 million, compared with $82.6 million, or 10.9% of revenue, in the prior-\n"
	    "year period.\n\n"
	    "GAAP net loss was $(12.4) million, or $(0.21) per share.\n\n"
	    "Moving down the P and L, gap gross margin was 41.2% and adjusted gross margin was 44.6%, up about 80 basis points.\n\n"
	    "*Data Center*\n\n"
	    "- Third-quarter revenue was a record $18.62 billion, up 6% from the previous quarter.\n\n"
	    "Merchant solutions revenue was $1.48 billion, up 14%, and issuer services revenue was $830 million, up 9%.\n\n"
	    "In Surgical Solutions, revenue grew 10% to $1.12 billion.\n\n"
	    "End-market revenue: Automotive $812 million, up 11% sequentially; Industrial $604 million, down 3% sequentially.\n\n"
	    "Total revenue was $2.31 billion.\n\n"
	    "We -- we called out $24 million of revenue for MX 3D last quarter. I think that, in terms of revenue "
	    "for last quarter, it was $25 million, so we tripled it.\n\n"
	    "Total EX revenue was a record $102 million. This includes product revenue of $97 million.\n\n"
	    "We ended the quarter with head count of 8,104 employees. Included in total head count are approximately\n"
	    "27 new employees from the acquisition.\n\n"
	    "Net income for the first nine months of 2023 was $237.9 million, compared with a GAAP net loss of "
	    "$1,072.4 million, including $1,283.4 million of impairment charges.\n\n"
	    "Gross margin of 62% was a nice step up, and Diagnostics grew 6% to $741 million.\n\n"
	    "The three product families generated a record combined product revenue of $357 million.\n\n"
	    "GAAP and non-GAAP operating margins were 20.5% and 24.0%.\n\n"
	    "Organic revenue was $2.25 billion. Constant currency revenue was $2.25 billion.\n\n"
	    "Year-to-date revenue was $6.9 billion. In the first half, revenue was $4.6 billion.\n";
	ec_series *s = ext(t);
	CHECK(s != NULL, "prose forms extract");
	const ec_obs *o = row(s, "2022Q3", "operating_income", "total", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 82.6), "'prior-' + 'year period' joined across the line break");
	o = row(s, "2023Q3", "eps_diluted", "total", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, -0.21), "$(0.21) per share is negative EPS");
	o = row(s, "2023Q3", "gross_margin", "total", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 41.2), "speech-to-text 'gap gross margin' after 'the P and L'");
	o = row(s, "2023Q3", "gross_margin", "total", EC_BASIS_NON_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 44.6), "'adjusted gross margin' in the same sentence");
	o = row(s, "2023Q3", "revenue", "data_center", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 18620), "an italic sub-heading names the segment of its bullets");
	CHECK(!any_segment(s, "third_quarter") && !any_segment(s, "first_quarter"),
	      "an ordinal quarter is never a segment");
	o = row(s, "2023Q3", "revenue", "merchant_solutions", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 1480), "'Merchant solutions revenue' is a segment");
	o = row(s, "2023Q3", "revenue", "issuer_services", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 830), "plural kept: issuer_services");
	o = row(s, "2023Q3", "revenue", "surgical_solutions", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 1120), "'In Surgical Solutions, revenue ...'");
	o = row(s, "2023Q3", "revenue", "automotive", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 812), "'End-market revenue: Automotive $812 million'");
	o = row(s, "2023Q3", "revenue", "industrial", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 604), "'...; Industrial $604 million'");
	CHECK(!any_segment(s, "end_market"), "the category label is not the segment");
	o = row(s, "2023Q3", "revenue", "total", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 2310), "total revenue is the company's");
	CHECK(!any_value(s, "revenue", 24) && !any_value(s, "revenue", 25),
	      "revenue of a named product ('for MX 3D', 'it was') is not total revenue");
	CHECK(!any_value(s, "revenue", 97), "'This includes product revenue of $97 million' is a part");
	CHECK(!any_value(s, "headcount", 27), "'27 new employees' is not the headcount");
	o = row(s, "2023Q3", "headcount", "total", EC_BASIS_NONE, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 8104), "the headcount itself");
	CHECK(!any_value(s, "net_income", -1072.4), "a comparison base without its own period is dropped");
	o = row(s, "2023M9", "net_income", "total", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 237.9), "the nine-month figure itself");
	CHECK(!any_value(s, "gross_profit", 741), "a new clause's subject ('Diagnostics grew') ends the metric");
	CHECK(!any_value(s, "revenue", 357), "a combined figure of named parts is not product revenue");
	CHECK(!any_value(s, "revenue", 2250) && !any_segment(s, "organic") && !any_segment(s, "constant_currency"),
	      "organic and constant currency revenue are other measures");
	o = row(s, "2023M9", "revenue", "total", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 6900) && !any_segment(s, "year_to_date"),
	      "year-to-date revenue in a third-quarter document is the nine months");
	CHECK(!any_value(s, "revenue", 4600), "revenue of an undated half is not the quarter's");
	o = row(s, "2023Q3", "operating_margin", "total", EC_BASIS_NON_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 24.0), "'GAAP and non-GAAP operating margins were 20.5%% and 24.0%%': the second is non-GAAP");
	o = row(s, "2023Q3", "operating_margin", "total", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 20.5), "... and the first GAAP");
	ec_series_free(s);
}

static void speakers_inline(void)
{
	const char *t =
	    "Helix Q2 2024 Earnings Conference Call\nAugust 6, 2024\n\n"
	    "Operator: Good day and welcome to the Helix second quarter 2024 earnings call.\n"
	    "Sam Lee - Helix - CFO: Thank you. Total revenue for the second quarter was $842 million. "
	    "Annual recurring revenue was $3.1 billion. Our partner Novamed reported Zelora sales of $180 million "
	    "in Europe, while Ravixa sales were $230 million.\n"
	    "Kim Park - Jefferies - Analyst: Congrats. Is a gross margin of 86% sustainable?\n"
	    "Sam Lee - Helix - CFO: It should stay in the mid-80s.\n";
	ec_series *s = ext(t);
	CHECK(s != NULL, "inline speakers extract");
	const ec_obs *o = row(s, "2024Q2", "revenue", "total", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 842) && !strcmp(o->source_role, ""), "the CFO's figure after 'Name - Title:'");
	o = row(s, "2024Q2", "gross_margin", "total", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && !strcmp(o->source_role, "analyst"), "'Name - Firm - Analyst:' marks the analyst's number");
	CHECK(!any_value(s, "revenue", 3100), "annual recurring revenue is not revenue");
	CHECK(!any_segment(s, "zelora"), "a partner's sales of a product are not a segment of ours");
	o = row(s, "2024Q2", "revenue", "ravixa", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 230), "a product named in its own clause is a segment");
	ec_series_free(s);
}

static void guidance_nouns(void)
{
	const char *t =
	    "Q3 2023 Orion Devices Earnings Call\nOctober 30, 2023\n\n"
	    "Lisa Grant - Orion Devices - CFO\n"
	    "Revenue in the quarter came in at $2.05 billion, at the high end of our guidance range of "
	    "$1.95 billion to $2.05 billion. For Q4, we are guiding revenue to $1.9 billion, plus or minus "
	    "$25 million. Longer term, we continue to target operating margins of 30% by 2026. We have "
	    "increased our guidance for full year EPS to between $5.17 and $5.20 per share.\n";
	ec_series *s = ext(t);
	CHECK(s != NULL, "guidance nouns extract");
	const ec_obs *o = row(s, "2023Q3", "revenue", "total", EC_BASIS_GAAP, EC_KIND_ACTUAL);
	CHECK(o && near(o->value, 2050), "'came in at' beside 'our guidance range' is the actual");
	CHECK(guid_is(row(s, "2023Q4", "revenue", "total", EC_BASIS_GAAP, EC_KIND_GUIDANCE), 1875, 1925),
	      "the earlier guidance range is not the next quarter's guidance");
	CHECK(ec_series_conflict_count(s) == 0, "and leaves no conflict");
	CHECK(!any_value(s, "operating_margin", 30) && !any_segment(s, "target"),
	      "a longer-term target is not guidance, 'target' is not a segment");
	CHECK(guid_is(row(s, "2023FY", "eps_diluted", "total", EC_BASIS_GAAP, EC_KIND_GUIDANCE), 5.17, 5.20),
	      "'increased our guidance ... to between' is guidance");
	ec_series_free(s);
}

/* The same document with CRLF line ends gives the same rows. */
static void crlf_same(void)
{
	static const char *const docs[] = {"seeds/002_ccf848bd1a1a4e07.txt", "seeds/003_bc42882660b3e19d.txt",
	                                   "eval/02_kestrel_q2_2023_pdf.txt", "eval/06_lumenfold_q3fy25_release.md"};
	for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", EC_TEST_DATA, docs[d]);
		char *raw;
		size_t len;
		ec_error err;
		if (ec_read_file(path, 0, &raw, &len, &err)) {
			CHECK(0, "read %s", path);
			continue;
		}
		char *crlf = malloc(2 * len + 1);
		size_t n = 0;
		for (size_t i = 0; crlf && i < len; i++) {
			if (raw[i] == '\n')
				crlf[n++] = '\r';
			crlf[n++] = raw[i];
		}
		ec_series *a = ec_series_new(), *b = ec_series_new();
		ec_series_set_doc_keyed(a, true);
		ec_series_set_doc_keyed(b, true);
		int ok = crlf && a && b && ec_extract_mem(raw, len, "x", NULL, a, NULL, &err) == EC_OK &&
		         ec_extract_mem(crlf, n, "x", NULL, b, NULL, &err) == EC_OK &&
		         ec_series_count(a) == ec_series_count(b) && ec_series_count(a) > 0;
		for (size_t i = 0; ok && i < ec_series_count(a); i++) {
			const ec_obs *x = ec_series_get(a, i), *y = ec_series_get(b, i);
			ok = ec_period_equal(x->period, y->period) && !strcmp(x->metric, y->metric) &&
			     !strcmp(x->segment, y->segment) && x->basis == y->basis && x->kind == y->kind &&
			     (near(x->value, y->value) || (isnan(x->value) && isnan(y->value))) &&
			     x->line == y->line;
		}
		CHECK(ok, "CRLF line ends give the same rows: %s", docs[d]);
		ec_series_free(a);
		ec_series_free(b);
		free(crlf);
		free(raw);
	}
}

int main(void)
{
	crlf_same();
	guidance_nouns();
	speakers_inline();
	guidance_forms();
	prose_forms();
	seeds();
	bad_input();
	roles();
	long_line();
	linearity();
	return ec_test_done();
}
