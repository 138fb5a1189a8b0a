/* CONTRACT READY */
/* earnchart internal: themes (colours, patterns, font sizes, margins).
 *
 * Palette: Okabe-Ito (Okabe and Ito, "Color Universal Design", 2008),
 * safe for the common colour-vision deficiencies.  The print theme uses
 * greys plus patterns, dashes and marker shapes so that every series
 * stays distinguishable in black and white.
 *
 * Font sizes and margins scale with the canvas (in points) so that a
 * 6.5 x 4 in report figure and a 13.33 x 7.5 in slide both look right:
 * scale = clamp(sqrt(sqrt(w * h) / 600), 0.8, 1.5), sizes = base * scale
 * (bases for 600 pt: title 14.5, subtitle 10, axis 8.5, label 8,
 * legend 8.5, footnote 7; never below 6 pt). */
#ifndef EC_RENDER_THEME_H
#define EC_RENDER_THEME_H

#include <stdbool.h>

#include "earnchart/chart.h"
#include "scene.h"

/* Okabe-Ito, in the order series take them (first = most prominent). */
#define EC_OI_BLUE 0x0072B2u
#define EC_OI_ORANGE 0xE69F00u
#define EC_OI_GREEN 0x009E73u   /* bluish green */
#define EC_OI_VERMILLION 0xD55E00u
#define EC_OI_SKY 0x56B4E9u     /* sky blue */
#define EC_OI_PURPLE 0xCC79A7u  /* reddish purple */
#define EC_OI_YELLOW 0xF0E442u
#define EC_OI_BLACK 0x000000u

#define EC_THEME_SERIES 8

/* How the n-th series of a chart is drawn. */
typedef struct ec_series_style {
	ec_color color;        /* line colour, bar fill */
	ec_pattern pattern;    /* bar pattern (print: HATCH, DOTS...; light and
	                          dark: NONE) */
	ec_color pattern_color;/* ink of the pattern */
	double dash[EC_DASH_MAX]; /* line dash in pt (print: distinct dashes
	                             per series; others: solid) */
	int n_dash;
	ec_marker_shape marker;/* marker shape (print: distinct per series) */
} ec_series_style;

typedef struct ec_theme_spec {
	ec_theme id;
	bool dark;              /* light text on a dark background */
	bool print;             /* greys plus patterns */

	ec_color background;    /* canvas */
	ec_color plot_bg;       /* plot area (may equal background) */
	ec_color text;          /* titles, labels */
	ec_color text_muted;    /* subtitle, axis labels, footnote */
	ec_color grid;          /* horizontal grid lines */
	ec_color axis;          /* the zero / baseline and axis lines */
	ec_color band;          /* trend confidence band fill (with alpha) */
	ec_color guide_fill;    /* guided range boxes (with alpha) */
	ec_color guide_stroke;  /* guided range outline */
	ec_color below, within, above; /* guidance outcome dots */
	ec_color derived_fill;  /* fill of "derived" marks drawn hatched */
	ec_pattern derived_pattern; /* pattern for derived values (HATCH) */
	ec_pattern analyst_pattern; /* pattern for analyst-only values (DOTS);
	                               analyst marks are also hollow
	                               (background fill, series stroke) */

	ec_series_style series[EC_THEME_SERIES];

	/* Sizes in pt for this canvas. */
	double title_pt, subtitle_pt, axis_pt, label_pt, legend_pt,
	    footnote_pt;
	double margin_pt;       /* outer margin on every side */
	double gap_pt;          /* standard spacing between blocks */
	double line_pt;         /* data line width */
	double grid_pt;         /* grid line width */
	double axis_line_pt;    /* baseline width */
	double marker_pt;       /* marker radius */
	double bar_fill_frac;   /* bar width as a fraction of its slot (0.7) */
} ec_theme_spec;

/* Fills out for theme t on a canvas of width x height points.  Unknown t
 * gives the light theme. */
void ec_theme_spec_get(ec_theme t, double width_pt, double height_pt,
                       ec_theme_spec *out);

/* The style of series i (wraps around after EC_THEME_SERIES). */
const ec_series_style *ec_theme_series(const ec_theme_spec *th, int i);

/* Ready-made styles from the theme: a filled bar of series i (pattern and
 * thin outline in print), a line of series i (width line_pt, its dash),
 * a grid line, the axis line. */
ec_style ec_theme_bar_style(const ec_theme_spec *th, int i);
ec_style ec_theme_line_style(const ec_theme_spec *th, int i);
ec_style ec_theme_grid_style(const ec_theme_spec *th);
ec_style ec_theme_axis_style(const ec_theme_spec *th);
/* Hatched style for derived values of series i, hollow dotted style for
 * analyst-only values of series i. */
ec_style ec_theme_derived_style(const ec_theme_spec *th, int i);
ec_style ec_theme_analyst_style(const ec_theme_spec *th, int i);

#endif
