/* earnchart: extraction of quarterly facts and guidance from earnings
 * documents (press releases and call transcripts, plain text or Markdown).
 *
 * Every row carries its evidence: doc, line and quote.  Facts stated
 * several times in one document become one row (the most precise value);
 * mentions that disagree are recorded as conflicts in the store. */
#ifndef EARNCHART_EXTRACT_H
#define EARNCHART_EXTRACT_H

#include <stddef.h>

#include "earnchart/error.h"
#include "earnchart/period.h"
#include "earnchart/series.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ec_extract_opts {
	/* Ticker set on every row; NULL or "" = detect from the document
	 * ("(NASDAQ: JNPR)", "(NYSE: XYZ)") and leave empty if none. */
	const char *company;
	size_t max_bytes; /* largest document; default 256 MiB */
	size_t max_line;  /* longest line; default 64 MiB */
} ec_extract_opts;

void ec_extract_opts_defaults(ec_extract_opts *o);

typedef enum ec_doc_kind {
	EC_DOC_UNKNOWN = 0,
	EC_DOC_RELEASE = 1,   /* earnings press release */
	EC_DOC_TRANSCRIPT = 2 /* earnings call transcript */
} ec_doc_kind;

/* What extraction learned about one document. */
typedef struct ec_extract_info {
	ec_doc_kind kind;
	int has_period;       /* 1 when the document's own quarter is known */
	ec_period period;     /* the quarter the document reports */
	char issued[11];      /* "YYYY-MM-DD" or "" */
	char company[32];     /* detected or given ticker, may be "" */
	size_t rows;          /* rows added to the store */
	size_t mentions;      /* numbers tied to a metric and a period */
	size_t conflicts;     /* mentions that disagreed with a kept row */
} ec_extract_info;

/* Extracts from data[0..len) (need not be NUL-terminated) into out, which
 * should be doc-keyed (ec_series_set_doc_keyed) when several documents go
 * into one store.  name is the document's file name; its last path
 * component becomes the rows' doc.  opts and info may be NULL.  A document
 * with no financial facts adds no row and returns EC_OK.  On failure (a
 * binary file, a limit hit) out is unchanged and err names the file and,
 * where it applies, the line. */
ec_err ec_extract_mem(const char *data, size_t len, const char *name,
                      const ec_extract_opts *opts, ec_series *out,
                      ec_extract_info *info, ec_error *err);

/* The same for a file path. */
ec_err ec_extract_file(const char *path, const ec_extract_opts *opts,
                       ec_series *out, ec_extract_info *info, ec_error *err);

#ifdef __cplusplus
}
#endif
#endif
