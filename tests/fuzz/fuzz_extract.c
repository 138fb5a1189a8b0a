/* Fuzz target: extraction of one document (ec_extract_mem, extract.h).
 *
 * Properties checked on every input:
 * - extraction never crashes or hangs; a failure is an ec_err with a
 *   one-line message naming the document, and the store is left empty;
 * - every row carries its evidence: doc is the file name, line is within
 *   the document, and quote (white space collapsed) starts on that line of
 *   the document (white space collapsed the same way, control characters
 *   dropped on both sides; a U+FFFD in the quote stands for the invalid
 *   bytes it replaced);
 * - every row's numbers are finite or NAN (no inf);
 * - the result is deterministic: a second run gives the same CSV bytes;
 * - what extraction writes, the CSV reader reads. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/csvio.h"
#include "earnchart/extract.h"

static const char NAME[] = "dir/fuzz-2010q3-call.txt";
static const char BASE[] = "fuzz-2010q3-call.txt";

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

/* Collapses runs of white space to one space, drops other control
 * characters, and trims both ends.  When
 * lines is not NULL, lines[k] receives the offset in the output where
 * input line k+1 starts (lines has room for one entry per '\n' plus one). */
static char *collapse(const char *s, size_t n, size_t *out_len, size_t *lines,
                      size_t *n_lines)
{
	char *o = malloc(n + 1);
	if (!o)
		abort();
	size_t k = 0, ln = 0;
	int pend = 0;
	if (lines)
		lines[ln++] = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && !is_ws(c)) || c == 0x7f) {
			/* Control characters are dropped from quotes (they
			 * cannot be shown); drop them on both sides. */
			if (c == '\n' && lines)
				lines[ln++] = k + (size_t)pend;
			continue;
		}
		if (is_ws(c)) {
			pend = k > 0;
		} else {
			if (pend)
				o[k++] = ' ';
			pend = 0;
			o[k++] = (char)c;
		}
		if (c == '\n' && lines)
			lines[ln++] = k + (size_t)pend;
	}
	o[k] = 0;
	*out_len = k;
	if (n_lines)
		*n_lines = ln;
	return o;
}

static char *csv_bytes(const ec_series *s, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		abort();
	ec_error err;
	ec_err rc = ec_csv_write(s, f, "out.csv", &err);
	if (fclose(f) != 0 || rc != EC_OK) {
		fprintf(stderr, "ec_csv_write of extracted rows failed: %s\n",
		        err.msg);
		abort();
	}
	return buf;
}

static ec_series *run(const char *doc, size_t size, ec_err *rc, ec_error *err)
{
	ec_series *s = ec_series_new();
	if (!s || ec_series_set_doc_keyed(s, true) != EC_OK)
		abort();
	ec_extract_opts o;
	ec_extract_opts_defaults(&o);
	ec_extract_info info;
	ec_error_clear(err);
	*rc = ec_extract_mem(doc, size, NAME, &o, s, &info, err);
	if (*rc == EC_OK && info.rows != ec_series_count(s)) {
		fprintf(stderr, "info.rows %zu but the store holds %zu rows\n",
		        info.rows, ec_series_count(s));
		abort();
	}
	return s;
}

/* True when quote q[0..ql) occurs in s at p.  A U+FFFD in the quote stands
 * for the invalid byte(s) it replaced (extract.h: invalid UTF-8 is shown as
 * U+FFFD), so it matches one to four bytes of s. */
static long match_budget; /* steps left; at 0 the check gives up (passes) */

static int match_at(const char *s, size_t n, size_t p, const char *q,
                    size_t ql)
{
	size_t i = 0;
	while (i < ql) {
		if (--match_budget <= 0)
			return 1; /* pathological backtracking: do not judge */
		if (ql - i >= 3 && memcmp(q + i, "\xEF\xBF\xBD", 3) == 0) {
			/* Only non-ASCII bytes can have been replaced. */
			for (size_t k = 1; k <= 4 && p + k <= n &&
			                   (unsigned char)s[p + k - 1] >= 0x80;
			     k++)
				if (match_at(s, n, p + k, q + i + 3, ql - i - 3))
					return 1;
			return 0;
		}
		if (p >= n || s[p] != q[i])
			return 0;
		p++;
		i++;
	}
	return 1;
}

static void check_row(const ec_obs *o, const char *flat, size_t flat_len,
                      const size_t *lines, size_t n_lines)
{
	if (!o->doc || strcmp(o->doc, BASE) != 0) {
		fprintf(stderr, "row doc '%s', want '%s'\n", o->doc ? o->doc : "",
		        BASE);
		abort();
	}
	if (o->line < 1 || (size_t)o->line > n_lines) {
		fprintf(stderr, "row line %ld outside 1..%zu\n", o->line, n_lines);
		abort();
	}
	if (!o->quote || !*o->quote) {
		fprintf(stderr, "row without a quote (line %ld)\n", o->line);
		abort();
	}
	if (isinf(o->value) || isinf(o->low) || isinf(o->high)) {
		fprintf(stderr, "row with an infinite number (line %ld)\n", o->line);
		abort();
	}
	size_t ql;
	char *q = collapse(o->quote, strlen(o->quote), &ql, NULL, NULL);
	/* The quote must start on its line: search from that line's start;
	 * the match must begin before the next line starts. */
	size_t from = lines[o->line - 1];
	size_t until = (size_t)o->line < n_lines ? lines[o->line] : flat_len;
	int found = 0;
	match_budget = 10000000;
	for (size_t p = from; p <= until && p < flat_len; p++) {
		if (match_at(flat, flat_len, p, q, ql)) {
			found = 1;
			break;
		}
	}
	if (!found) {
		fprintf(stderr, "quote not found at line %ld: '%s'\n", o->line,
		        o->quote);
		abort();
	}
	free(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *doc = malloc(size ? size : 1); /* exact size, not NUL-terminated */
	if (!doc)
		return 0;
	if (size)
		memcpy(doc, data, size);
	ec_err rc;
	ec_error err;
	ec_series *s = run(doc, size, &rc, &err);
	if (rc != EC_OK) {
		if (err.msg[0] == 0 || strchr(err.msg, '\n') ||
		    !strstr(err.file, "fuzz-2010q3-call.txt")) {
			fprintf(stderr, "bad error record (%d): file '%s' msg '%s'\n",
			        rc, err.file, err.msg);
			abort();
		}
		if (ec_series_count(s) != 0) {
			fprintf(stderr, "failed extraction changed the store\n");
			abort();
		}
		ec_series_free(s);
		free(doc);
		return 0;
	}
	size_t n_nl = 0;
	for (size_t i = 0; i < size; i++)
		n_nl += doc[i] == '\n';
	size_t *lines = malloc((n_nl + 2) * sizeof *lines);
	if (!lines)
		abort();
	size_t flat_len, n_lines;
	char *flat = collapse(doc, size, &flat_len, lines, &n_lines);
	/* A final newline does not start a line. */
	if (size && doc[size - 1] == '\n')
		n_lines--;
	for (size_t i = 0; i < ec_series_count(s); i++)
		check_row(ec_series_get(s, i), flat, flat_len, lines, n_lines);
	free(flat);
	free(lines);

	size_t n1, n2;
	char *c1 = csv_bytes(s, &n1);
	ec_series *s2 = run(doc, size, &rc, &err);
	if (rc != EC_OK)
		abort();
	char *c2 = csv_bytes(s2, &n2);
	if (n1 != n2 || memcmp(c1, c2, n1) != 0) {
		fprintf(stderr, "extraction is not deterministic\n");
		abort();
	}
	ec_series *back = NULL;
	rc = ec_csv_read_mem(c1, n1, "out.csv", NULL, &back, &err);
	if (rc != EC_OK) {
		fprintf(stderr, "extracted CSV does not read back: line %ld col %ld: %s\n",
		        err.line, err.column, err.msg);
		abort();
	}
	ec_series_free(back);
	free(c1);
	free(c2);
	ec_series_free(s);
	ec_series_free(s2);
	free(doc);
	return 0;
}
