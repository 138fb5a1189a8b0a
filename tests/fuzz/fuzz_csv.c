/* Fuzz target: the series CSV reader and writer (include/earnchart/csvio.h).
 *
 * Properties checked on every input:
 * - reading never crashes or hangs; a failure gives EC_EPARSE/EC_ELIMIT
 *   with a one-line message naming the input;
 * - whatever was read is written (ec_csv_write to a memory stream), that
 *   text reads back, and writing it again gives the same bytes (the writer's
 *   output is a fixed point of read + write);
 * - the documented contract "a read-write round trip of a valid file is
 *   byte-identical": when the input has no BOM, no CR, ends in a newline
 *   and no row was merged as a duplicate or rejected as a conflict, the
 *   written text equals the input (blank lines, which the reader skips,
 *   and a quoted header cell also exempt a file: see below).  Set EC_FUZZ_CSV_LOOSE=1 in the
 *   environment to skip only this last check. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/csvio.h"

static const char NAME[] = "fuzz.csv";

static void check_error(ec_err rc, const ec_error *e)
{
	if (rc != EC_EPARSE && rc != EC_ELIMIT && rc != EC_EINVAL) {
		fprintf(stderr, "unexpected error code %d: %s\n", rc, e->msg);
		abort();
	}
	if (e->msg[0] == 0 || strchr(e->msg, '\n') || strcmp(e->file, NAME) != 0) {
		fprintf(stderr, "bad error record: file '%s' msg '%s'\n", e->file,
		        e->msg);
		abort();
	}
}

/* True when the text has an empty line (skipped by the reader, so not
 * written back: such a file is accepted but is not a canonical one). */
static int blank_line(const char *s, size_t n)
{
	if (n && s[0] == '\n')
		return 1;
	for (size_t i = 1; i < n; i++)
		if (s[i] == '\n' && s[i - 1] == '\n')
			return 1;
	return 0;
}

/* True when the header line has a quote.  The reader keeps per-cell
 * quoting for data rows only, so a quoted header name is written back
 * unquoted: src/csvio.c documents this as outside the byte-identical
 * round trip (with CRLF, a BOM and blank lines). */
static int quoted_header(const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i] != '\n'; i++)
		if (s[i] == '"')
			return 1;
	return 0;
}

/* Writes s to a new heap buffer. */
static char *write_mem(const ec_series *s, size_t *len)
{
	char *buf = NULL;
	*len = 0;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		abort();
	ec_error err;
	ec_err rc = ec_csv_write(s, f, NAME, &err);
	if (fclose(f) != 0 || rc != EC_OK) {
		fprintf(stderr, "ec_csv_write failed (%d): %s\n", rc, err.msg);
		abort();
	}
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size ? size : 1); /* exact size: ASan sees overreads */
	if (!in)
		return 0;
	if (size)
		memcpy(in, data, size);
	ec_series *s = NULL;
	ec_error err;
	ec_error_clear(&err);
	ec_err rc = ec_csv_read_mem(in, size, NAME, NULL, &s, &err);
	if (rc != EC_OK) {
		if (s)
			abort(); /* *out must be NULL on failure */
		check_error(rc, &err);
		free(in);
		return 0;
	}
	size_t n1, n2;
	char *w1 = write_mem(s, &n1);
	ec_series *t = NULL;
	rc = ec_csv_read_mem(w1, n1, NAME, NULL, &t, &err);
	if (rc != EC_OK) {
		fprintf(stderr, "written CSV does not read back: %s:%ld:%ld: %s\n",
		        err.file, err.line, err.column, err.msg);
		abort();
	}
	if (ec_series_count(t) != ec_series_count(s)) {
		fprintf(stderr, "row count changed: %zu -> %zu\n",
		        ec_series_count(s), ec_series_count(t));
		abort();
	}
	char *w2 = write_mem(t, &n2);
	if (n1 != n2 || memcmp(w1, w2, n1) != 0) {
		fprintf(stderr, "write(read(write(x))) differs from write(x)\n");
		abort();
	}
	const char *loose = getenv("EC_FUZZ_CSV_LOOSE");
	int plain = size > 0 && in[size - 1] == '\n' &&
	            !(size >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) &&
	            !memchr(in, '\r', size) && !blank_line(in, size) &&
	            !quoted_header(in, size) &&
	            ec_series_duplicate_count(s) == 0 &&
	            ec_series_conflict_count(s) == 0;
	if (plain && !(loose && *loose == '1') &&
	    (n1 != size || memcmp(w1, in, size) != 0)) {
		size_t k = 0;
		while (k < n1 && k < size && w1[k] == in[k])
			k++;
		fprintf(stderr,
		        "round trip of a valid file is not byte-identical: "
		        "first difference at byte %zu of %zu (written %zu)\n",
		        k, size, n1);
		abort();
	}
	free(w1);
	free(w2);
	ec_series_free(s);
	ec_series_free(t);
	free(in);
	return 0;
}
