/* earnchart: many figures from a manifest, on several threads.
 *
 * A manifest is a CSV (RFC 4180, UTF-8, header row, columns found by name)
 * with one figure per row:
 *   output   file name inside the output folder; its extension (.png .svg
 *            .pdf) picks the format.  Must be a relative path with no ".."
 *            component; sub-folders are created.
 *   type     revenue | margin | backlog | guidance | eps | panel
 *   series   one or more paths separated by ';': series CSVs (*.csv) and
 *            documents (any other name; extracted first).  A relative
 *            path is relative to the folder holding the manifest.  Several
 *            files are merged in the order given (the first value of a
 *            key is kept; disagreements are conflicts, never averaged).
 * and optional metric, segment, basis, company, from, to, title, subtitle,
 * size, dpi, theme, trend, gross (the options of `earnchart chart`; trend
 * and gross take 1/0, true/false or yes/no; an empty cell is the default).
 *
 * A malformed manifest (bad CSV, a missing required column, an unknown
 * column) fails as a whole.  A bad row (unknown type, bad period, an
 * output path that would leave the output folder, a duplicate output)
 * only fails that row, with a message naming the manifest file and line:
 * the other rows are still drawn.
 *
 * Running: each distinct input file is read (or extracted) once and shared read-only by
 * all threads; each figure is written atomically (temporary file +
 * rename), so a crash or a full disk never leaves a half-written figure.
 * Nothing is written outside the output folder: absolute paths, ".."
 * components and symbolic links that lead out of it fail the row. */
#ifndef EARNCHART_BATCH_H
#define EARNCHART_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "earnchart/chart.h"
#include "earnchart/csvio.h"
#include "earnchart/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One row of a manifest.  Every pointer is owned by the manifest and valid
 * until ec_manifest_free. */
typedef struct ec_manifest_row {
	long line; /* 1-based line of the manifest where the row starts */
	const char *output; /* as written in the manifest */
	ec_format format;   /* from output's extension (when valid) */
	size_t n_series;
	const char *const
	        *series;    /* paths, resolved against the manifest's folder */
	ec_chart_opts opts; /* chart options; strings owned by the manifest */
	bool valid;
	/* When !valid: "MANIFEST:LINE: what is wrong", else NULL. */
	const char *error;
} ec_manifest_row;

typedef struct ec_manifest ec_manifest;

/* Parses a manifest held in data[0..len).  name is used in messages and
 * its folder is the base for relative series paths (name "-" or a name
 * without '/' means the current folder).  On success *out is a new
 * manifest (free with ec_manifest_free), whose rows may be invalid (see
 * ec_manifest_row.error).  On failure *out is NULL and err names
 * name:line. */
ec_err ec_manifest_read_mem(const char *data, size_t len, const char *name,
                            ec_manifest **out, ec_error *err);
/* The same for a file path. */
ec_err ec_manifest_read_file(const char *path, ec_manifest **out,
                             ec_error *err);
/* The same two with a pixel limit for the size column and the figures
 * (ec_chart_opts.max_pixels); max_pixels 0 means the chart default. */
ec_err ec_manifest_read_mem_ex(const char *data, size_t len, const char *name,
                               size_t max_pixels, ec_manifest **out,
                               ec_error *err);
ec_err ec_manifest_read_file_ex(const char *path, size_t max_pixels,
                                ec_manifest **out, ec_error *err);
void ec_manifest_free(ec_manifest *m);
size_t ec_manifest_count(const ec_manifest *m);
/* Row i (0-based, manifest order); NULL when out of range.  Borrowed. */
const ec_manifest_row *ec_manifest_get(const ec_manifest *m, size_t i);
/* Number of rows that failed validation. */
size_t ec_manifest_invalid_count(const ec_manifest *m);

/* True when rel is an acceptable output path: not empty, relative, no ".."
 * component, no empty final component, no control characters.  When
 * false, why (size n, may be NULL) says what is wrong. */
bool ec_batch_output_ok(const char *rel, char *why, size_t n);

/* Parses "K/N" (1 <= K <= N <= 1,000,000) for --shard. */
ec_err ec_batch_parse_shard(const char *s, unsigned *k, unsigned *n,
                            ec_error *err);

/* The outcome of one row. */
typedef struct ec_batch_result {
	size_t row;         /* index in the manifest, 0-based */
	long line;          /* manifest line */
	const char *output; /* borrowed from the manifest */
	ec_err code;        /* EC_OK: the figure was written */
	char message[1024]; /* "MANIFEST:LINE: ..." when code != EC_OK */
} ec_batch_result;

/* Called after each row, from a worker thread, never by two threads at
 * once: r is the row just finished (valid during the call only); done and
 * failed count the rows finished so far (failed included in done), total
 * the rows this run will do. */
typedef void (*ec_batch_progress_fn)(void *ctx, const ec_batch_result *r,
                                     size_t done, size_t failed, size_t total);

typedef struct ec_batch_opts {
	const char *out_dir; /* NULL: "."; created (with parents) if missing */
	unsigned jobs;       /* worker threads; 0 = online cores (max 256) */
	unsigned shard_k;    /* with shard_n > 0: only rows whose 0-based */
	unsigned shard_n;    /*   index mod shard_n == shard_k - 1 */
	ec_batch_progress_fn progress; /* may be NULL */
	void *progress_ctx;
	/* Limits for reading the series CSVs; zero fields are the defaults
	 * (ec_csv_limits_defaults). */
	ec_csv_limits csv_limits;
} ec_batch_opts;

void ec_batch_opts_defaults(ec_batch_opts *o);

/* What a run did.  results holds one entry per row of the shard, in
 * manifest order.  Free with ec_batch_outcome_free. */
typedef struct ec_batch_outcome {
	size_t total;  /* rows in this shard */
	size_t ok;     /* figures written */
	size_t failed; /* rows that failed */
	size_t inputs; /* distinct input files read */
	ec_batch_result *results;
} ec_batch_outcome;

void ec_batch_outcome_free(ec_batch_outcome *o);

/* Draws every row of m selected by the shard.  Failed rows do not make the
 * call fail: they are counted in the outcome with their messages.  Returns
 * an error (and *out NULL) only when the run cannot start: the output
 * folder cannot be created, a bad shard, out of memory, no threads. */
ec_err ec_batch_run(const ec_manifest *m, const ec_batch_opts *o,
                    ec_batch_outcome **out, ec_error *err);

#ifdef __cplusplus
}
#endif
#endif
