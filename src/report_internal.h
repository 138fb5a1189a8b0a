/* earnchart internal: what report.c hands to the HTML writer. */
#ifndef EC_REPORT_INTERNAL_H
#define EC_REPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "earnchart/extract.h"
#include "earnchart/report.h"
#include "earnchart/series.h"

/* One input of the report. */
typedef struct report_input {
	const char *path; /* borrowed from the options */
	const char *name; /* last component of path */
	bool is_csv;
	bool ok;
	bool company_assumed; /* no ticker in the document: the others' used */
	ec_extract_info info; /* documents only */
	size_t rows;          /* rows it gave (documents) or held (CSVs) */
} report_input;

/* One standard figure. */
typedef struct report_fig {
	const ec_report_figure *def;
	bool ok;
	char *svg; /* the SVG without its XML declaration; owned by report.c */
	size_t svg_len;
	char error[1024];
} report_fig;

typedef struct report_ctx {
	const char *title;      /* "JNPR quarterly results, 2006Q1-2013Q4" */
	const char *company;    /* the company tables are about; may be "" */
	const ec_series *store; /* the merged store: series.csv */
	const report_input *inputs;
	size_t n_inputs;
	const report_fig *figs;
	size_t n_figs;
	size_t n_conflicts;
	/* problems found before the page is written */
	const ec_report_problem *problems;
	size_t n_problems;
	/* files in the folder, for the page's file list */
	char *const *files;
	size_t n_files;
} report_ctx;

/* Writes report.html to path atomically. */
ec_err report_write_html(const char *path, const report_ctx *c, ec_error *err);

/* Shortest text that reads back as v ("1190", "0.32", "24.5"); "" for
 * NaN.  buf holds at least 32 bytes. */
char *report_fmt_num(double v, char *buf, size_t n);

#endif
