/* Fuzz target: the batch manifest reader (include/earnchart/batch.h:
 * ec_manifest_read_mem, ec_batch_output_ok, ec_batch_parse_shard).
 * Nothing is drawn or written: only parsing and validation.
 *
 * Properties:
 * - no crash or hang; a failure is EC_EPARSE/EC_ELIMIT/EC_EINVAL with a
 *   one-line message naming the manifest, and *out NULL;
 * - every valid row has an output accepted by ec_batch_output_ok that is
 *   relative, has no ".." component and no control character, a format
 *   matching its extension, and at least one series path;
 * - every invalid row has a one-line message starting "MANIFEST:LINE:";
 * - ec_manifest_invalid_count matches the rows;
 * - ec_batch_parse_shard accepts only 1 <= K <= N <= 1,000,000. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/batch.h"

static const char NAME[] = "figs/manifest.csv";

static void fail(const char *what, long line, const char *detail)
{
	fprintf(stderr, "fuzz_manifest: %s (line %ld): %s\n", what, line,
	        detail ? detail : "");
	abort();
}

/* Independent check of the path rule: what must never be accepted. */
static int path_escapes(const char *p)
{
	if (!*p || p[0] == '/')
		return 1;
	for (const unsigned char *c = (const unsigned char *)p; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			return 1;
	const char *s = p;
	for (;;) {
		const char *e = strchr(s, '/');
		size_t l = e ? (size_t)(e - s) : strlen(s);
		if (l == 2 && s[0] == '.' && s[1] == '.')
			return 1;
		if (!e)
			return l == 0; /* empty final component */
		s = e + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size ? size : 1);
	if (!in)
		return 0;
	if (size)
		memcpy(in, data, size);

	/* The shard parser and the output-path rule on the first line. */
	size_t l0 = 0;
	while (l0 < size && l0 < 64 && in[l0] != '\n' && in[l0] != 0)
		l0++;
	char first[65];
	memcpy(first, in, l0);
	first[l0] = 0;
	unsigned k = 0, n = 0;
	ec_error err;
	if (ec_batch_parse_shard(first, &k, &n, &err) == EC_OK &&
	    !(k >= 1 && k <= n && n <= 1000000))
		fail("shard out of range accepted", 0, first);
	char why[256];
	if (ec_batch_output_ok(first, why, sizeof why) && path_escapes(first))
		fail("unsafe output path accepted", 0, first);

	ec_manifest *m = NULL;
	ec_error_clear(&err);
	ec_err rc = ec_manifest_read_mem(in, size, NAME, &m, &err);
	if (rc != EC_OK) {
		if (m)
			fail("*out set on failure", 0, NULL);
		if (rc != EC_EPARSE && rc != EC_ELIMIT && rc != EC_EINVAL)
			fail("unexpected error code", 0, err.msg);
		if (!err.msg[0] || strchr(err.msg, '\n') || strcmp(err.file, NAME))
			fail("bad error record", err.line, err.msg);
		free(in);
		return 0;
	}
	size_t invalid = 0;
	for (size_t i = 0; i < ec_manifest_count(m); i++) {
		const ec_manifest_row *r = ec_manifest_get(m, i);
		if (!r)
			fail("row missing", (long)i, NULL);
		if (r->line < 1)
			fail("row line < 1", r->line, NULL);
		if (!r->valid) {
			invalid++;
			if (!r->error || strchr(r->error, '\n') ||
			    strncmp(r->error, NAME, strlen(NAME)) != 0 ||
			    r->error[strlen(NAME)] != ':')
				fail("bad row error", r->line, r->error);
			continue;
		}
		if (r->error)
			fail("valid row with an error", r->line, r->error);
		if (!r->output || path_escapes(r->output) ||
		    !ec_batch_output_ok(r->output, NULL, 0))
			fail("valid row with an unsafe output", r->line, r->output);
		ec_format f;
		if (!ec_format_from_path(r->output, &f) || f != r->format)
			fail("format does not match the extension", r->line,
			     r->output);
		if (r->n_series < 1 || !r->series)
			fail("valid row without series", r->line, NULL);
		for (size_t j = 0; j < r->n_series; j++)
			if (!r->series[j] || !r->series[j][0])
				fail("empty series path", r->line, NULL);
	}
	if (invalid != ec_manifest_invalid_count(m))
		fail("invalid count disagrees", 0, NULL);
	if (ec_manifest_get(m, ec_manifest_count(m)) != NULL)
		fail("row past the end", 0, NULL);
	ec_manifest_free(m);
	free(in);
	return 0;
}
