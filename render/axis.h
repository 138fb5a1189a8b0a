/* CONTRACT READY */
/* earnchart internal: axis ticks, number formats and quarter labels.
 *
 * Ticks: extended Wilkinson (Talbot, Lin and Hanrahan, "An Extension of
 * Wilkinson's Algorithm for Positioning Tick Labels on Axes", InfoVis
 * 2010) with Q = 1, 5, 2, 2.5 (the paper's 4 and 3 dropped: money in
 * steps of 300 or 400 reads poorly) and weights 0.25, 0.2, 0.5, 0.05;
 * Heckbert's nice numbers ("Nice numbers for graph labels", Graphics Gems,
 * 1990) when the search finds nothing.  Ticks always cover the data: the
 * first tick <= data min and the last >= data max.
 *
 * Formats follow the unit of the series (SCHEMA.md units): usd_m as
 * "$1,118M" or "$1.1B", pct as "24.1%" (values are percent, 24.1 not
 * 0.241), usd (per share) as "$0.32", count/days with thousands
 * separators.  Negatives use U+2212 MINUS SIGN ("−$5M", "−3.2%").
 * All strings are UTF-8. */
#ifndef EC_RENDER_AXIS_H
#define EC_RENDER_AXIS_H

#include <stdbool.h>
#include <stddef.h>

#include "earnchart/error.h"
#include "earnchart/series.h"
#include "scene.h"

#define EC_TICKS_MAX 32

typedef struct ec_ticks {
	double lo, hi;  /* axis range = first and last tick */
	double step;    /* distance between ticks (> 0) */
	int n;          /* number of ticks, 2..EC_TICKS_MAX */
	double v[EC_TICKS_MAX]; /* tick values, ascending, step apart (a value
	                           within 1e-9 step of 0 is 0) */
	int decimals;   /* fraction digits needed to show every tick exactly
	                   in the step's own unit (0 for 200, 1 for 2.5, 2
	                   for 0.05) */
} ec_ticks;

/* Nice ticks covering [dmin, dmax] with about m ticks (m in 2..12; 5 is
 * a good default; use fewer on short axes).  include_zero forces 0 into
 * the range (bar charts: bars start at zero).  dmin == dmax gets a range
 * around the value; non-finite input or dmin > dmax is EC_EINVAL. */
ec_err ec_axis_ticks(double dmin, double dmax, int m, bool include_zero,
                     ec_ticks *out, ec_error *err);

/* Heckbert's loose labelling alone (exposed for tests / fallback). */
ec_err ec_axis_ticks_heckbert(double dmin, double dmax, int m,
                              bool include_zero, ec_ticks *out,
                              ec_error *err);

/* How values on one axis are printed. */
typedef enum ec_numfmt_kind {
	EC_NUMFMT_USD_M = 0, /* millions of dollars: $1,118M / $1.1B */
	EC_NUMFMT_USD = 1,   /* per-share dollars: $0.32 */
	EC_NUMFMT_PCT = 2,   /* percent: 24.1% */
	EC_NUMFMT_COUNT = 3, /* plain number with separators: 1,234 */
	EC_NUMFMT_DAYS = 4   /* like COUNT: 45 (the axis title says days) */
} ec_numfmt_kind;

typedef struct ec_numfmt {
	ec_numfmt_kind kind;
	int decimals;  /* fraction digits, the same for every label */
	bool billions; /* USD_M only: print in $B (value / 1000) */
} ec_numfmt;

/* The kind for a series unit. */
ec_numfmt_kind ec_numfmt_kind_for_unit(ec_unit u);

/* A format for an axis with these ticks: one decimals value for every
 * label, the fewest that print each tick exactly.  USD_M is in billions
 * when max|tick| >= 10,000, or when max|tick| >= 2,000 and every tick is a
 * multiple of 100 (so $B labels need at most one decimal: "$2.5B");
 * otherwise millions ("$1,200M").  USD prints at least 2 decimals when any
 * tick is not whole ("$0.05", "$0.10"). */
ec_numfmt ec_numfmt_for_ticks(ec_numfmt_kind kind, const ec_ticks *t);

/* A format for a single data label (e.g. the latest value on a bar):
 * USD_M: "$1,118M" below $10B with no decimals when >= 100, one decimal
 * below 100 unless whole ("$87.5M", "$5M"), billions with one decimal from $10B ("$12.3B");
 * PCT one decimal; USD two decimals; COUNT/DAYS no decimals. */
ec_numfmt ec_numfmt_for_value(ec_numfmt_kind kind, double v);

/* Prints v with f into buf (n bytes, always NUL-terminated, 32 bytes is
 * enough for any finite value).  Returns buf.  Non-finite prints "n/a".
 * Negative zero and values that round to zero print without a sign. */
char *ec_numfmt_print(const ec_numfmt *f, double v, char *buf, size_t n);

/* Convenience for ec_numfmt_print(ec_numfmt_for_value(kind, v)). */
char *ec_format_value(ec_numfmt_kind kind, double v, char *buf, size_t n);

/* ---- quarter labels on a category axis ---- */

typedef enum ec_qlabel_scheme {
	EC_QLABEL_EVERY = 0,   /* "Q3'10" under every quarter */
	EC_QLABEL_THIN = 1,    /* "Q3'10" under every step-th quarter
	                          (step 2 or 4, aligned so Q1 is kept) */
	EC_QLABEL_GROUPED = 2, /* "Q1".."Q4" under each quarter (row 0), the
	                          year "2010" centred under its quarters
	                          (row 1) */
	EC_QLABEL_YEARS = 3    /* only the year, centred under its quarters
	                          (row 0); every step-th year when crowded
	                          (step 1, 2, 5, 10) */
} ec_qlabel_scheme;

typedef struct ec_qlabel {
	char text[16];  /* UTF-8, e.g. "Q3'10", "Q3", "2010" */
	double x;       /* centre of the label (anchor middle), pt */
	int row;        /* 0 = first line under the axis, 1 = second */
	int qindex;     /* the quarter (ec_period_qindex) it belongs to; for
	                   a year label the first quarter of the year shown */
	double width;   /* measured logical width, pt */
} ec_qlabel;

typedef struct ec_qlabels {
	ec_qlabel_scheme scheme;
	int step;       /* THIN: quarters between labels; YEARS: years */
	int rows;       /* 1 or 2 text rows needed under the axis */
	size_t n;
	ec_qlabel *labels; /* n labels, owned: free with ec_qlabels_free */
} ec_qlabels;

/* Chooses the densest readable scheme for n quarters starting at quarter
 * index q0 (ec_period_qindex), slot i centred at x0 + (i + 0.5) * slot_w
 * pt, labels at size_pt regular weight: tries EVERY, then GROUPED (when
 * n >= 4), THIN 2, THIN 4, YEARS 1, 2, 5, 10 and takes the first in which
 * neighbouring labels on the same row are at least gap_pt apart (e.g.
 * 0.6 * size_pt) and no label extends more than half a slot beyond the
 * plot (x0 .. x0 + n * slot_w).  Labels are measured with ec_text_measure.
 * EC_EFONT, EC_ENOMEM, EC_EINVAL (n == 0, slot_w <= 0).  The caller owns
 * out->labels. */
ec_err ec_axis_quarter_labels(int q0, size_t n, double x0, double slot_w,
                              double size_pt, double gap_pt,
                              ec_qlabels *out, ec_error *err);
void ec_qlabels_free(ec_qlabels *q);

#endif
