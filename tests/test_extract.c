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

/* A 50 MB single line of transcript text: linear time. */
static void long_line(void)
{
	const char *sent = "On a GAAP basis, total revenue for the third quarter of 2010 was a record $1.012 billion, up 3% sequentially and 23% year-over-year and the backlog grew ";
	size_t n = strlen(sent), total = 50u << 20;
	char *big = malloc(total + 1);
	for (size_t i = 0; i < total; i += n)
		memcpy(big + i, sent, i + n <= total ? n : total - i);
	big[total] = 0;
	ec_series *s = ec_series_new();
	ec_series_set_doc_keyed(s, true);
	ec_error err;
	clock_t t0 = clock();
	ec_err rc = ec_extract_mem(big, total, "big.txt", NULL, s, NULL, &err);
	double sec = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(rc == EC_OK, "a 50 MB single line is read");
	CHECK(sec < 60, "in linear time (%.1f s)", sec);
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

int main(void)
{
	seeds();
	bad_input();
	roles();
	long_line();
	linearity();
	return ec_test_done();
}
