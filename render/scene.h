/* CONTRACT READY */
/* earnchart internal: the scene, a display list in points.
 *
 * A chart is laid out once into a scene and drawn by any back end (cairo
 * image -> PNG, cairo PDF -> PDF, the own SVG writer -> SVG).  Coordinates
 * are points (1/72 in), origin top-left, y down.  The PNG back end
 * rasterises at dpi: px = pt * dpi / 72 (rounded to the nearest pixel for
 * the canvas size).
 *
 * Errors are sticky: the builders never fail loudly; the first failure
 * (out of memory, no font) is kept in the scene and every later builder call
 * is a no-op.  Check ec_scene_status() once after building (ec_scene_text
 * also returns the error directly, since its box is needed for layout).
 *
 * Strings passed to builders are copied into the scene; the scene owns
 * everything it holds.  A scene is not thread-safe while being built, but a
 * finished scene may be drawn by several threads at once (back ends only
 * read it). */
#ifndef EC_RENDER_SCENE_H
#define EC_RENDER_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "earnchart/chart.h"
#include "earnchart/error.h"

/* A colour with straight (not premultiplied) alpha; each part 0..1.
 * a == 0 means "none" wherever a colour is optional (fill, stroke). */
typedef struct ec_color {
	double r, g, b, a;
} ec_color;

/* 0xRRGGBB -> opaque colour. */
ec_color ec_rgb(uint32_t hex);
/* 0xRRGGBB with alpha a (0..1). */
ec_color ec_rgba(uint32_t hex, double a);
/* The fully transparent colour (no paint). */
ec_color ec_color_none(void);
bool ec_color_is_none(ec_color c);

/* An axis-aligned box in points: x, y top-left, w, h >= 0. */
typedef struct ec_box {
	double x, y, w, h;
} ec_box;

/* True when a and b share interior area (touching edges do not count).
 * pad (pt, may be 0) grows both boxes by pad on every side first, so
 * ec_boxes_overlap(a, b, 2) means "closer than 4 pt". */
bool ec_boxes_overlap(ec_box a, ec_box b, double pad);
/* The smallest box holding a and b; an empty box (w = h = 0 at 0,0) is
 * ignored. */
ec_box ec_box_union(ec_box a, ec_box b);

/* A fill pattern drawn over a rect or closed path's fill colour, in the
 * style's pattern_color (print theme; "derived" / "analyst" marks).
 * Spacing is fixed in points (4 pt), so patterns look alike at every dpi. */
typedef enum ec_pattern {
	EC_PATTERN_NONE = 0,
	EC_PATTERN_HATCH = 1,     /* 45-degree lines, bottom-left to top-right */
	EC_PATTERN_DOTS = 2,      /* a dot grid */
	EC_PATTERN_CROSSHATCH = 3 /* both diagonals */
} ec_pattern;

typedef enum ec_line_join {
	EC_JOIN_MITER = 0,
	EC_JOIN_ROUND = 1,
	EC_JOIN_BEVEL = 2
} ec_line_join;

typedef enum ec_line_cap {
	EC_CAP_BUTT = 0,
	EC_CAP_ROUND = 1,
	EC_CAP_SQUARE = 2
} ec_line_cap;

#define EC_DASH_MAX 4

/* How a rect, path or marker is painted.  Fill first, then the pattern
 * over the fill, then the stroke centred on the outline. */
typedef struct ec_style {
	ec_color fill;          /* a = 0: no fill */
	ec_pattern pattern;     /* over the fill; EC_PATTERN_NONE for none */
	ec_color pattern_color; /* pattern ink; a = 0 means "use stroke" */
	ec_color stroke;        /* a = 0: no stroke */
	double stroke_width;    /* pt; <= 0: no stroke */
	double dash[EC_DASH_MAX]; /* pt, on/off lengths */
	int n_dash;             /* 0: solid */
	ec_line_join join;
	ec_line_cap cap;
} ec_style;

/* A style that only fills with c (no stroke, no pattern, miter join, butt
 * cap). */
ec_style ec_style_fill(ec_color c);
/* A style that only strokes with c at width pt (round join, butt cap). */
ec_style ec_style_stroke(ec_color c, double width);
/* Sets a dash pattern of n (<= EC_DASH_MAX) lengths in pt; n = 0 clears. */
void ec_style_dash(ec_style *s, const double *lengths, int n);

typedef enum ec_item_kind {
	EC_ITEM_RECT = 0,
	EC_ITEM_PATH = 1,
	EC_ITEM_MARKER = 2,
	EC_ITEM_TEXT = 3,
	EC_ITEM_GROUP_BEGIN = 4,
	EC_ITEM_GROUP_END = 5,
	EC_ITEM_CLIP_BEGIN = 6, /* clip to rect until the matching CLIP_END */
	EC_ITEM_CLIP_END = 7
} ec_item_kind;

typedef enum ec_marker_shape {
	EC_MARKER_CIRCLE = 0,
	EC_MARKER_SQUARE = 1,
	EC_MARKER_DIAMOND = 2,
	EC_MARKER_TRIANGLE = 3 /* pointing up */
} ec_marker_shape;

typedef enum ec_path_op_kind {
	EC_PATH_MOVE = 0,
	EC_PATH_LINE = 1,
	EC_PATH_CLOSE = 2 /* x, y unused */
} ec_path_op_kind;

typedef struct ec_path_op {
	ec_path_op_kind op;
	double x, y; /* pt */
} ec_path_op;

typedef enum ec_anchor {
	EC_ANCHOR_START = 0,  /* x is the left end of the baseline */
	EC_ANCHOR_MIDDLE = 1, /* x is the middle of the baseline */
	EC_ANCHOR_END = 2     /* x is the right end of the baseline */
} ec_anchor;

typedef enum ec_weight {
	EC_WEIGHT_REGULAR = 0,
	EC_WEIGHT_BOLD = 1
} ec_weight;

/* How a text run looks.  The font family is the measurer's (DejaVu Sans,
 * see text.h). */
typedef struct ec_text_style {
	double size_pt;   /* font size in points, > 0 */
	ec_weight weight;
	ec_color color;
	ec_anchor anchor;
	double rotation;  /* degrees, clockwise on screen (the SVG/cairo sense, y down):
	                     -90 reads bottom-to-top (a y-axis title); 0 is
	                     horizontal.  Other angles work; the box is then
	                     the rotated box's bounding box. */
} ec_text_style;

/* A text style: size pt, regular, colour c, anchor start, no rotation. */
ec_text_style ec_text_style_make(double size_pt, ec_color c);

/* Measured extents of one line of text, in points, unrotated, relative to
 * the start of the baseline (x right, y down).  Filled by the measurer. */
typedef struct ec_text_metrics {
	double width;   /* logical advance width */
	double ascent;  /* baseline to the top of the logical box (> 0) */
	double descent; /* baseline to the bottom of the logical box (>= 0) */
	double height;  /* ascent + descent */
	ec_box ink;     /* ink box relative to the baseline start (y < 0 above
	                   the baseline); w = h = 0 for blank text */
} ec_text_metrics;

/* One display-list item.  Read-only for users of the scene.  Fields that
 * do not apply to kind are zero. */
typedef struct ec_item {
	ec_item_kind kind;
	/* Scene-coordinate bounding box: RECT its rect (not counting the
	 * stroke), PATH its points' hull, MARKER the marker's square, TEXT the
	 * logical box of the (rotated) run, CLIP_BEGIN the clip rect; zero for
	 * GROUP_* and CLIP_END. */
	ec_box bbox;
	ec_style style; /* RECT, PATH, MARKER */
	union {
		struct {
			double x, y, w, h;
		} rect; /* RECT and CLIP_BEGIN */
		struct {
			size_t first; /* index of the first op, see
			                 ec_scene_path_ops() */
			size_t n;     /* number of ops */
		} path;
		struct {
			ec_marker_shape shape;
			double cx, cy, r; /* r: radius (circle), half side
			                     (square), centre-to-vertex (others) */
		} marker;
		struct {
			const char *s;    /* UTF-8, NUL-terminated, owned by the
			                     scene; control characters other than
			                     tab were removed; invalid UTF-8 bytes
			                     became U+FFFD */
			double x, y;      /* the anchor point on the baseline */
			ec_text_style ts;
			ec_text_metrics m; /* unrotated extents */
			ec_box ink;       /* ink box in scene coordinates */
		} text;
		struct {
			const char *id;    /* owned by the scene; never NULL */
			const char *title; /* owned by the scene; NULL if none */
		} group;
	} u;
} ec_item;

/* A new empty scene of width x height points drawn at dpi for PNG (dpi in
 * 18..2400; width, height in 1..100000 pt).  The background is white and
 * opaque until ec_scene_set_background.  Returns NULL when out of memory or
 * when an argument is out of range.  Free with ec_scene_free (chart.h). */
ec_scene *ec_scene_new(double width_pt, double height_pt, double dpi);

double ec_scene_width(const ec_scene *sc);  /* pt */
double ec_scene_height(const ec_scene *sc); /* pt */
double ec_scene_dpi(const ec_scene *sc);
/* The PNG canvas in pixels: round(pt * dpi / 72), at least 1. */
int ec_scene_width_px(const ec_scene *sc);
int ec_scene_height_px(const ec_scene *sc);

/* The canvas colour (painted first by every back end).  An opaque
 * background makes the PNG RGB; a = 0 makes it transparent RGBA. */
void ec_scene_set_background(ec_scene *sc, ec_color c);
ec_color ec_scene_background(const ec_scene *sc);

/* The SVG <title> / PDF Title (the chart's title) and the SVG <desc> / PDF
 * Subject (a one-paragraph data summary).  Copied; NULL clears. */
void ec_scene_set_title(ec_scene *sc, const char *title);
void ec_scene_set_desc(ec_scene *sc, const char *desc);
const char *ec_scene_title(const ec_scene *sc); /* NULL if none; borrowed */
const char *ec_scene_desc(const ec_scene *sc);  /* NULL if none; borrowed */

/* The first error met while building (EC_OK if none), copied into err. */
ec_err ec_scene_status(const ec_scene *sc, ec_error *err);

/* ---- builders (all coordinates in pt) ---- */

/* A rectangle; w or h may be 0 (a hairline box is still stroked).  Negative
 * w/h are normalised (x, y become the top-left corner). */
void ec_scene_rect(ec_scene *sc, double x, double y, double w, double h,
                   const ec_style *st);

/* A path built op by op: begin, then move/line/close any number of times
 * (several sub-paths allowed: a gap in a series is a new MOVE), then end.
 * A LINE without a current point acts as MOVE.  A path with no drawing op
 * is dropped at end. */
void ec_scene_path_begin(ec_scene *sc, const ec_style *st);
void ec_scene_path_move(ec_scene *sc, double x, double y);
void ec_scene_path_line(ec_scene *sc, double x, double y);
void ec_scene_path_close(ec_scene *sc);
void ec_scene_path_end(ec_scene *sc);

/* A polyline through (xs[i], ys[i]), i < n.  A non-finite x or y breaks
 * the line (the next finite point starts a new sub-path), so a missing
 * quarter shows as a visible gap; isolated single points between gaps are
 * not drawn (add a marker for them). */
void ec_scene_polyline(ec_scene *sc, const double *xs, const double *ys,
                       size_t n, const ec_style *st);

/* A closed polygon through the n points (n >= 3). */
void ec_scene_polygon(ec_scene *sc, const double *xs, const double *ys,
                      size_t n, const ec_style *st);

/* A marker centred on (cx, cy) of size r (see ec_item.u.marker). */
void ec_scene_marker(ec_scene *sc, ec_marker_shape shape, double cx,
                     double cy, double r, const ec_style *st);
/* ec_scene_marker with EC_MARKER_CIRCLE. */
void ec_scene_circle(ec_scene *sc, double cx, double cy, double r,
                     const ec_style *st);

/* A single line of text with its baseline anchor at (x, y).  Measures the
 * text with pango (text.h) and stores the extents; when box is not NULL it
 * receives the logical box in scene coordinates (rotation applied) and
 * when m is not NULL the unrotated metrics.  Returns EC_EFONT when no font
 * can be loaded, EC_ENOMEM; the error is also kept in the scene.  Empty
 * text is allowed (width 0) and still returns the line's height. */
ec_err ec_scene_text(ec_scene *sc, const char *utf8, double x, double y,
                     const ec_text_style *ts, ec_box *box,
                     ec_text_metrics *m);

/* Groups structure the SVG (<g id="..."><title>...</title>...</g>) and
 * tests; cairo back ends ignore them.  id should be stable and unique in
 * the scene ("bar-2010Q3", "legend", "axis-y"); the SVG writer keeps
 * letters, digits, '-', '_' and '.', replaces other bytes by '_', prefixes
 * '_' when it does not start with a letter, and appends "-2", "-3"... to
 * repeats.  title (may be NULL) becomes the SVG tooltip, e.g.
 * "2010Q3 revenue: $1,118M".  Groups nest; every begin needs an end (the
 * back ends close any left open). */
void ec_scene_group_begin(ec_scene *sc, const char *id, const char *title);
void ec_scene_group_end(ec_scene *sc);

/* Clipping (e.g. the plot area for a trend band that runs off the axis).
 * Nests with groups but must be balanced inside the group it was opened
 * in. */
void ec_scene_clip_begin(ec_scene *sc, double x, double y, double w,
                         double h);
void ec_scene_clip_end(ec_scene *sc);

/* ---- reading a scene (tests, back ends) ---- */

size_t ec_scene_count(const ec_scene *sc);
/* Item i (< count); borrowed, valid until the scene changes or is freed. */
const ec_item *ec_scene_item(const ec_scene *sc, size_t i);
/* The ops of a PATH item (borrowed); *n receives it->u.path.n. */
const ec_path_op *ec_scene_path_ops(const ec_scene *sc, const ec_item *it,
                                    size_t *n);
/* The index of the GROUP_BEGIN item with this exact id (as given to
 * ec_scene_group_begin), or (size_t)-1. */
size_t ec_scene_find_group(const ec_scene *sc, const char *id);
/* The index just past the GROUP_END matching the GROUP_BEGIN at i: items
 * i+1 .. end-2 are the group's contents. */
size_t ec_scene_group_end_index(const ec_scene *sc, size_t i);
/* The union of the bboxes of the drawing items of the group at i. */
ec_box ec_scene_group_bbox(const ec_scene *sc, size_t i);
/* The bounding box of item i (its bbox field). */
ec_box ec_scene_item_bbox(const ec_scene *sc, size_t i);
/* The logical box of a TEXT item in scene coordinates (= its bbox). */
ec_box ec_scene_text_box(const ec_item *it);

/* Counts pairs of TEXT items whose logical boxes overlap (pad as in
 * ec_boxes_overlap) and, when first_a/first_b are not NULL, gives the item
 * indices of the first such pair.  Items with empty text are skipped. */
size_t ec_scene_text_overlaps(const ec_scene *sc, double pad,
                              size_t *first_a, size_t *first_b);

#endif
