/* earnchart: financial charts.
 *
 * A chart is laid out once into a scene (a display list in points, see
 * render/scene.h) and drawn by a back end: cairo to PNG and PDF, the
 * project's own SVG writer to SVG.  The same input and options give the
 * same bytes.
 *
 * Sizes: a chart is W x H pixels at `dpi`; the scene is laid out in points
 * (W * 72 / dpi by H * 72 / dpi), so text keeps its point size at every
 * resolution.  "slide" is 1920x1080 px at 144 dpi (13.33 x 7.5 in),
 * "report" 6.5 x 4 in at --dpi (default 300), "square" 1200x1200 px at
 * 144 dpi; "WxH" is pixels at --dpi (default 144).  PDF and SVG use the
 * size in points. */
#ifndef EARNCHART_CHART_H
#define EARNCHART_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "earnchart/error.h"
#include "earnchart/period.h"
#include "earnchart/series.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ec_chart_type {
	EC_CHART_REVENUE = 0,  /* quarterly bars, optional trend band */
	EC_CHART_MARGIN = 1,   /* GAAP and non-GAAP operating margin lines */
	EC_CHART_BACKLOG = 2,  /* backlog by quarter, QoQ change labelled */
	EC_CHART_GUIDANCE = 3, /* guided range vs actual for one metric */
	EC_CHART_EPS = 4,      /* GAAP and non-GAAP diluted EPS */
	EC_CHART_PANEL = 5     /* 2x2 small multiples */
} ec_chart_type;

typedef enum ec_theme {
	EC_THEME_LIGHT = 0,
	EC_THEME_DARK = 1,
	EC_THEME_PRINT = 2 /* greys plus patterns, legible in black and white */
} ec_theme;

typedef enum ec_format {
	EC_FORMAT_PNG = 0,
	EC_FORMAT_SVG = 1,
	EC_FORMAT_PDF = 2
} ec_format;

/* Names: "revenue" "margin" "backlog" "guidance" "eps" "panel"; "light"
 * "dark" "print"; "png" "svg" "pdf".  _parse returns false if unknown. */
const char *ec_chart_type_name(ec_chart_type t);
bool ec_chart_type_parse(const char *s, ec_chart_type *out);
const char *ec_theme_name(ec_theme t);
bool ec_theme_parse(const char *s, ec_theme *out);
/* The format from a file name's extension (case-insensitive). */
bool ec_format_from_path(const char *path, ec_format *out);

/* Options of one chart.  Strings are borrowed for the duration of a
 * call; the library copies what it keeps. */
typedef struct ec_chart_opts {
	ec_chart_type type;
	const char *metric;  /* NULL: the type's default (revenue for revenue
	                        and guidance, operating_margin, backlog,
	                        eps_diluted) */
	const char *segment; /* NULL: "total" */
	int basis;           /* ec_basis, or -1 for the type's default */
	const char *company; /* NULL: the only company, or the most common */
	bool has_from, has_to;
	ec_period from, to;  /* inclusive range of quarters shown */
	const char *title;    /* NULL: a title made from company and metric */
	const char *subtitle; /* NULL: metric, basis and unit */
	int width_px, height_px; /* default 1600 x 900 */
	double dpi;              /* default 144 */
	ec_theme theme;
	bool trend;  /* revenue: log-linear trend line with 95 % band */
	bool gross;  /* margin: gross margin lines too */
	const char *footnote; /* NULL: "Source: " + the documents */
	size_t max_pixels;    /* largest W*H allowed; default 100 million */
} ec_chart_opts;

void ec_chart_opts_defaults(ec_chart_opts *o);

/* Applies a size name ("slide", "report", "square" or "WxH") to o, using
 * o->dpi for "report" and "WxH" (set dpi first).  EC_EINVAL with a message
 * when the text is not a size or is out of range. */
ec_err ec_chart_set_size(ec_chart_opts *o, const char *size, ec_error *err);

/* The laid-out chart: opaque, see render/scene.h. */
typedef struct ec_scene ec_scene;

/* Lays out a chart of s.  EC_ENODATA with a message when the selection
 * holds nothing to draw; EC_EFONT when no font can be loaded. */
ec_err ec_chart_build(const ec_series *s, const ec_chart_opts *o,
                      ec_scene **out, ec_error *err);
void ec_scene_free(ec_scene *sc);

/* Draws the scene to path in format fmt, atomically (temporary file +
 * rename): a failure never leaves a partial file. */
ec_err ec_scene_write_file(const ec_scene *sc, ec_format fmt,
                           const char *path, ec_error *err);
/* Draws the scene into a new memory buffer (*data, free() it). */
ec_err ec_scene_write_mem(const ec_scene *sc, ec_format fmt,
                          unsigned char **data, size_t *len, ec_error *err);

/* Build + write in one call; the format follows path's extension. */
ec_err ec_chart_render_file(const ec_series *s, const ec_chart_opts *o,
                            const char *path, ec_error *err);

/* A multi-page PDF deck: one scene per page (each page takes its scene's
 * size), plus text pages (a title page, a sources page).  Written
 * atomically on close. */
typedef struct ec_deck ec_deck;
ec_err ec_deck_open(const char *path, ec_deck **out, ec_error *err);
ec_err ec_deck_add_scene(ec_deck *d, const ec_scene *sc, ec_error *err);
/* A text page of width x height points: a title, then lines of text. */
ec_err ec_deck_add_text_page(ec_deck *d, double width_pt, double height_pt,
                             const char *title, const char *const *lines,
                             size_t n_lines, ec_theme theme, ec_error *err);
/* Finishes and renames into place; frees d whatever the result. */
ec_err ec_deck_close(ec_deck *d, ec_error *err);
/* Discards the deck without writing; NULL is a no-op. */
void ec_deck_abort(ec_deck *d);

/* Releases cairo/pango/fontconfig caches (call once before exit so leak
 * checkers see a clean heap; optional). */
void ec_render_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif
