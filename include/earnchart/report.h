/* earnchart: the main job.  Extracts the documents, merges the series
 * CSVs, analyses, draws the standard figures, and writes a folder a person
 * can read:
 *   series.csv      every row extracted and merged (docs/SCHEMA.md)
 *   conflicts.csv   rows that disagreed with a kept row: first within one
 *                   document, then between sources
 *   analysis.txt    the analysis for a person; analysis.json the same
 *                   numbers for programs
 *   FIGURE.png, FIGURE.svg for each standard figure (ec_report_figures)
 *   deck.pdf        a title page, one figure per 16:9 page, a sources page
 *   report.html     one self-contained page: figures (inline SVG), the
 *                   guidance scorecard, trend tables, quarterly data and
 *                   an evidence table, every number with its document,
 *                   line and quote
 * Every file is written atomically.  A step that fails is named in the
 * result and the other steps still run. */
#ifndef EARNCHART_REPORT_H
#define EARNCHART_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "earnchart/chart.h"
#include "earnchart/csvio.h"
#include "earnchart/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One of the standard figures.  Static data. */
typedef struct ec_report_figure {
	const char *name; /* file stem: "revenue" gives revenue.png/.svg */
	ec_chart_type type;
	const char *metric;  /* NULL: the type's default */
	int basis;           /* ec_basis or -1 for the type's default */
	bool trend;          /* revenue: trend line and band */
	const char *caption; /* one line for the HTML page and the deck */
} ec_report_figure;

/* The standard figures, in the order they are drawn; *n receives the
 * count.  data/figures.csv lists the same figures for `earnchart batch`. */
const ec_report_figure *ec_report_figures(size_t *n);

typedef struct ec_report_opts {
	const char
	        *out_dir; /* NULL: "out"; created (with parents) if missing */
	const char
	        *company; /* ticker for extraction and charts; NULL: detect */
	/* Inputs: a path ending in ".csv" (any case) is a series CSV, any
	 * other path a document to extract.  Borrowed for the call. */
	const char *const *inputs;
	size_t n_inputs;
	/* Limits for reading series CSVs; zero fields are the defaults. */
	ec_csv_limits csv_limits;
	/* Largest document and longest line to extract, in bytes; 0: the
	 * defaults of ec_extract_opts. */
	size_t max_doc_bytes;
	size_t max_line;
} ec_report_opts;

void ec_report_opts_defaults(ec_report_opts *o);

/* A step that failed. */
typedef struct ec_report_problem {
	char step
	        [64]; /* "extract", "read", "analysis", "figure revenue", ... */
	char message[1024]; /* names the file and, where known, the line */
	ec_err code;        /* the library's error code; EC_OK if unknown */
} ec_report_problem;

/* What a run did.  Owned by the caller: free with ec_report_result_free. */
typedef struct ec_report_result {
	size_t documents;      /* documents read */
	size_t documents_used; /* documents that gave at least one row */
	size_t extracted;      /* rows extracted from the documents */
	size_t csv_files;      /* series CSVs read */
	size_t rows;           /* rows in series.csv */
	size_t conflicts;      /* rows in conflicts.csv */
	size_t figures;        /* standard figures drawn (PNG and SVG each) */
	size_t deck_pages;     /* pages of deck.pdf, 0 if not written */
	size_t files;          /* files written into the folder */
	char **written;        /* their names, relative to the folder */
	size_t n_problems;
	ec_report_problem *problems;
} ec_report_result;

void ec_report_result_free(ec_report_result *r);

/* Runs the whole job.  Returns EC_OK when the job ran, even if some steps
 * failed (see result->n_problems); an error (and *out NULL) only when it
 * cannot start: no inputs, the folder cannot be created, out of memory. */
ec_err ec_report_run(const ec_report_opts *o, ec_report_result **out,
                     ec_error *err);

#ifdef __cplusplus
}
#endif
#endif
