/* earnchart internal: the chart types and what they share (row selection,
 * the frame of title, legend and footnote, axes, value labels that avoid
 * each other and the data).
 *
 * Every chart is drawn into a region of a scene.  A single chart's region
 * is the canvas less the theme margin; a panel gives each cell its own
 * region and draws with `compact` set (a cell heading instead of title and
 * subtitle; sources go to the panel's shared footnote). */
#ifndef EC_RENDER_CHARTS_H
#define EC_RENDER_CHARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "axis.h"
#include "earnchart/chart.h"
#include "earnchart/series.h"
#include "scene.h"
#include "theme.h"

/* ---- occupancy: what labels must not touch ---- */

typedef struct ch_seg {
	double x0, y0, x1, y1;
} ch_seg;

typedef struct ch_occ {
	ec_box *box;
	size_t n_box, cap_box;
	ch_seg *seg;
	size_t n_seg, cap_seg;
	int failed; /* an allocation failed */
} ch_occ;

/* ---- the chart context ---- */

typedef struct ch_ctx {
	ec_scene *sc;
	const ec_series *s;     /* the store the chart reads (borrowed) */
	const ec_chart_opts *o; /* borrowed */
	ec_theme_spec th;
	const char *company;    /* the chosen company ("" none), borrowed */
	bool blank_company_ok;  /* rows with an empty company count as the
	                           chosen company's (it is the only one) */
	/* Sources of the plotted rows: distinct doc names (owned, sorted when
	 * the footnote is made) and the distinct values of a "source" column
	 * for rows without a doc. */
	char **docs;
	size_t n_docs, cap_docs;
	char **srcs;
	size_t n_srcs, cap_srcs;
	size_t n_nodoc; /* plotted rows with neither doc nor source */
	long source_col; /* index of the "source" column in the layout, -1 */
	ch_occ occ;
	/* Notes for the footnote (e.g. why a trend is not shown). */
	char notes[512];
	ec_err fail;        /* first failure met (EC_OK if none) */
	ec_error *err;
	bool collect_only;  /* select rows and note sources, draw nothing
	                       (the panel's first pass) */
	int id_seq;         /* group ids in a panel get a cell prefix */
	char id_prefix[16];
} ch_ctx;

/* Selected quarterly rows of one series, one per quarter, in order. */
typedef struct ch_rows {
	const ec_obs **v;
	size_t n;
} ch_rows;

void ch_rows_free(ch_rows *r);

/* Quarterly rows of (metric, segment, basis, kind) for the chosen company
 * within the options' range, one per quarter: a company statement wins
 * over a derived value, which wins over an analyst's; for guidance the
 * latest issued.  basis < 0 matches any.  Empty result is not an error. */
ec_err ch_select(ch_ctx *c, const char *metric, const char *segment,
                 int basis, ec_kind kind, ch_rows *out);

/* How many rows of the chosen company within the range match (NULL
 * strings and negative enums match anything); used to pick defaults. */
size_t ch_count(ch_ctx *c, const char *metric, const char *segment,
                int basis, int kind);

/* The basis to show: the option if set, else `preferred` when it has
 * rows of (metric, segment, kind), else the basis with the most rows. */
int ch_pick_basis(ch_ctx *c, const char *metric, const char *segment,
                  int kind, ec_basis preferred);

/* The segment to show: the option if set, else "total" when it has rows
 * of metric, else the segment with the most rows (e.g. product backlog). */
const char *ch_pick_segment(ch_ctx *c, const char *metric, int kind);

/* Records the row's document for the footnote. */
void ch_note_source(ch_ctx *c, const ec_obs *o);
/* Appends a sentence to the footnote notes. */
void ch_add_note(ch_ctx *c, const char *text);
/* The footnote text: o->footnote, else "Source: ..." + notes. */
void ch_footnote_text(ch_ctx *c, char *buf, size_t n);

/* Role of a row: 0 company, 1 derived, 2 analyst. */
int ch_role(const ec_obs *o);

/* Human names. */
const char *ch_metric_title(const char *metric); /* "Revenue" */
const char *ch_basis_title(ec_basis b);          /* "GAAP", "non-GAAP" */
const char *ch_unit_title(ec_unit u);            /* "US$ millions" */

/* A tooltip "Q3'10 revenue (GAAP): $1,012M — doc:12 "quote"". */
void ch_tooltip(const ec_obs *o, const char *what, double value, char *buf,
                size_t n);

/* ---- frame ---- */

typedef enum ch_swatch {
	CH_SW_BAR = 0,    /* a filled square */
	CH_SW_LINE = 1,   /* a short line with a marker */
	CH_SW_MARKER = 2, /* a marker alone */
	CH_SW_BOX = 3,    /* an outlined box with a mid tick (guided range) */
	CH_SW_BAND = 4    /* a light band with a line (trend) */
} ch_swatch;

#define CH_LEGEND_MAX 12

typedef struct ch_legend_item {
	ch_swatch kind;
	ec_style style;  /* fill / outline / line */
	ec_style style2; /* marker style (LINE, MARKER), band line (BAND) */
	ec_marker_shape shape;
	bool has_marker;
	char label[112];
} ch_legend_item;

typedef struct ch_frame {
	/* Titles made by the chart (metric, company, basis: short). */
	char title[256];
	char subtitle[256];
	/* A user's --title / --subtitle of any length, borrowed (the options
	 * own it and outlive the frame); overrides title[] / subtitle[] when
	 * non-NULL, so the SVG <title> keeps it whole while the canvas wraps
	 * it to two lines ending in an ellipsis. */
	const char *title_user;
	const char *subtitle_user;
	ch_legend_item legend[CH_LEGEND_MAX];
	size_t n_legend;
	char caption[512]; /* analytics line above the footnote; "" none */
} ch_frame;

void ch_legend_add(ch_frame *f, ch_swatch kind, const ec_style *st,
                   const ec_style *st2, bool has_marker,
                   ec_marker_shape shape, const char *label);

/* Draws title, subtitle (or a compact cell heading), legend, caption and
 * footnote into region; *inner receives what is left for the plot and its
 * axes.  Registers every text in the occupancy. */
ec_err ch_frame_draw(ch_ctx *c, ec_box region, const ch_frame *f,
                     bool compact, ec_box *inner);

/* ---- axes ---- */

typedef struct ch_plot {
	ec_box area;     /* the plot rectangle */
	int q0;          /* first quarter index shown */
	size_t nq;       /* quarters shown */
	double slot;     /* slot width, pt */
	ec_ticks ticks;
	ec_numfmt fmt;
	ec_numfmt_kind kind;
	double bar_w;    /* bar width, pt */
} ch_plot;

double ch_x(const ch_plot *p, int qindex); /* slot centre */
double ch_y(const ch_plot *p, double v);

/* Lays out and draws the axes in box: nice ticks over [vmin, vmax]
 * (include_zero for bars), grid, tick labels, quarter labels; reserves
 * right_pt on the right for end labels.  Fills *p. */
ec_err ch_axes(ch_ctx *c, ec_box box, int q0, size_t nq, double vmin,
               double vmax, bool include_zero, ec_unit unit,
               double right_pt, ch_plot *p);

/* The zero line (or the bottom axis when 0 is not shown), drawn over
 * bars. */
void ch_baseline(ch_ctx *c, const ch_plot *p);

/* One bar of row o from 0 to value, centred on x, width w, in the style
 * of series i (derived hatched, analyst hollow), in a group
 * "bar-<period>[-suffix]" whose title is the tooltip.  Registers the bar
 * in the occupancy; *box receives it. */
void ch_bar(ch_ctx *c, const ch_plot *p, const ec_obs *o, double x, double w,
            int i, const char *what, const char *suffix, ec_box *box);

/* The style of a mark of row o in series i: stated, derived, analyst. */
ec_style ch_mark_style(const ch_ctx *c, const ec_obs *o, int i, bool bar);

/* A guided range at x, width w: a box lo..hi filled with `col` at
 * fill_alpha and outlined in col; a one-sided range (lo or hi NAN) runs
 * open-ended toward the plot edge, fading, with an arrowhead; a point
 * forecast (lo == hi) is a short thick tick.  With mid_w > 0 a midpoint
 * tick mid_w wide.  Registers the shape in the occupancy and returns its
 * box. */
ec_box ch_guide_range(ch_ctx *c, const ch_plot *p, double x, double w,
                      double lo, double hi, ec_color col, double fill_alpha,
                      double mid_w);

/* Low and high of a guidance row: a point forecast gives the value
 * twice; a one-sided one NAN for the missing bound. */
void ch_guide_bounds(const ec_obs *g, double *lo, double *hi);

/* A copy of c->s with derived margins added (ec_margins_derive); NULL and
 * a failure recorded when out of memory.  Free with ec_series_free. */
ec_series *ch_derived_copy(ch_ctx *c);

/* Sets the scene's description from the main series (single charts). */
void ch_describe(ch_ctx *c, const char *what, const ch_rows *r,
                 const char *extra);

/* Period range shown: from/to options, else the data's. */
void ch_range(const ch_ctx *c, int data_q0, int data_q1, int *q0,
              size_t *nq);

/* Maximum number of quarters on one axis (50 years). */
#define CH_MAX_QUARTERS 200

/* ---- labels that avoid each other and the data ---- */

void ch_occ_box(ch_ctx *c, ec_box b);
void ch_occ_seg(ch_ctx *c, double x0, double y0, double x1, double y1);
bool ch_occ_free(const ch_ctx *c, ec_box b, double pad);

/* Candidate anchor of a value label: (x, baseline y) and anchor. */
typedef struct ch_cand {
	double x, y;
	ec_anchor anchor;
} ch_cand;

/* Places text at the first candidate whose box stays inside bounds and
 * touches nothing in the occupancy; draws it and registers it.  Returns
 * true when placed; false (nothing drawn) when no candidate is free. */
bool ch_place_label(ch_ctx *c, const char *text, const ec_text_style *ts,
                    const ch_cand *cands, size_t n, ec_box bounds,
                    ec_box *placed);

/* Measures text (0 metrics on failure, failure recorded). */
ec_text_metrics ch_measure(ch_ctx *c, const char *text, double size_pt,
                           ec_weight w);

/* Draws text and registers it in the occupancy. */
void ch_text(ch_ctx *c, const char *text, double x, double y,
             const ec_text_style *ts, ec_box *box);

/* Group ids with the panel cell prefix. */
void ch_group(ch_ctx *c, const char *id, const char *title);

/* Records the first failure. */
void ch_fail(ch_ctx *c, ec_err e);

/* A "no data" note centred in box. */
void ch_no_data(ch_ctx *c, ec_box box, const char *text);

/* col when it reads on the background (contrast ratio >= 3:1, WCAG for
 * bold labels), else the theme's text colour. */
ec_color ch_label_color(const ch_ctx *c, ec_color col);

/* Hollow style for derived / analyst markers of series i. */
ec_style ch_hollow(const ch_ctx *c, int i, bool dotted);

/* ---- the chart types ---- */

ec_err ch_revenue(ch_ctx *c, ec_box region, bool compact);
ec_err ch_margin(ch_ctx *c, ec_box region, bool compact);
ec_err ch_backlog(ch_ctx *c, ec_box region, bool compact);
ec_err ch_guidance(ch_ctx *c, ec_box region, bool compact);
ec_err ch_eps(ch_ctx *c, ec_box region, bool compact);
ec_err ch_panel(ch_ctx *c, ec_box region);

#endif
