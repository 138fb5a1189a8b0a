/* Draws a scene on a cairo context: the shared half of PNG, PDF and deck. */
#include "cairo_draw.h"

#include <math.h>

#include "text.h"

#define PATTERN_SPACING 4.0 /* pt between hatch lines / dots */

static void set_color(cairo_t *cr, ec_color c)
{
	cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

static void apply_stroke(cairo_t *cr, const ec_style *s)
{
	static const cairo_line_join_t joins[] = {
	    CAIRO_LINE_JOIN_MITER, CAIRO_LINE_JOIN_ROUND, CAIRO_LINE_JOIN_BEVEL};
	static const cairo_line_cap_t caps[] = {
	    CAIRO_LINE_CAP_BUTT, CAIRO_LINE_CAP_ROUND, CAIRO_LINE_CAP_SQUARE};
	cairo_set_line_width(cr, s->stroke_width);
	cairo_set_line_join(cr, joins[(unsigned)s->join % 3]);
	cairo_set_line_cap(cr, caps[(unsigned)s->cap % 3]);
	if (s->n_dash > 0 && s->n_dash <= EC_DASH_MAX)
		cairo_set_dash(cr, s->dash, s->n_dash, 0);
	else
		cairo_set_dash(cr, NULL, 0, 0);
	set_color(cr, s->stroke);
}

static bool has_stroke(const ec_style *s)
{
	return s->stroke.a > 0 && s->stroke_width > 0;
}

/* Draws the pattern inside the current path (kept), over the box bb.
 * Lines are anchored to the page grid (multiples of the spacing) so that
 * neighbouring bars' hatching lines up. */
static void draw_pattern(cairo_t *cr, const ec_style *s, ec_box bb)
{
	ec_color ink = s->pattern_color.a > 0 ? s->pattern_color : s->stroke;
	if (s->pattern == EC_PATTERN_NONE || !(ink.a > 0) || bb.w <= 0 ||
	    bb.h <= 0)
		return;
	double sp = PATTERN_SPACING;
	cairo_save(cr);
	cairo_clip_preserve(cr);
	cairo_new_path(cr);
	set_color(cr, ink);
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_line_width(cr, 0.6);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	double x0 = bb.x, y0 = bb.y, x1 = bb.x + bb.w, y1 = bb.y + bb.h;
	if (s->pattern == EC_PATTERN_DOTS) {
		double r = 0.55;
		for (double y = floor(y0 / sp) * sp + sp / 2; y < y1 + r; y += sp)
			for (double x = floor(x0 / sp) * sp + sp / 2; x < x1 + r;
			     x += sp) {
				cairo_new_sub_path(cr);
				cairo_arc(cr, x, y, r, 0, 2 * 3.14159265358979323846);
			}
		cairo_fill(cr);
	} else {
		/* Up-right lines: x - (-y) constant, i.e. x + y = c. */
		double c0 = floor((x0 + y0) / sp) * sp, c1 = x1 + y1;
		for (double c = c0; c <= c1 + sp; c += sp) {
			cairo_move_to(cr, c - y0, y0);
			cairo_line_to(cr, c - y1, y1);
		}
		if (s->pattern == EC_PATTERN_CROSSHATCH) {
			double d0 = floor((x0 - y1) / sp) * sp, d1 = x1 - y0;
			for (double d = d0; d <= d1 + sp; d += sp) {
				cairo_move_to(cr, d + y0, y0);
				cairo_line_to(cr, d + y1, y1);
			}
		}
		cairo_stroke(cr);
	}
	cairo_restore(cr);
}

/* Fill, pattern, stroke of the current path. */
static void paint_path(cairo_t *cr, const ec_style *s, ec_box bb)
{
	if (s->fill.a > 0) {
		set_color(cr, s->fill);
		cairo_fill_preserve(cr);
	}
	if (s->pattern != EC_PATTERN_NONE) {
		/* The pattern replaces the current path (not part of the
		 * saved state): keep the outline for the stroke. */
		cairo_path_t *outline = cairo_copy_path(cr);
		draw_pattern(cr, s, bb);
		cairo_new_path(cr);
		cairo_append_path(cr, outline);
		cairo_path_destroy(outline);
	}
	if (has_stroke(s)) {
		apply_stroke(cr, s);
		cairo_stroke(cr);
	} else {
		cairo_new_path(cr);
	}
}

static void marker_path(cairo_t *cr, const ec_item *it)
{
	double cx = it->u.marker.cx, cy = it->u.marker.cy, r = it->u.marker.r;
	switch (it->u.marker.shape) {
	case EC_MARKER_SQUARE:
		cairo_rectangle(cr, cx - r, cy - r, 2 * r, 2 * r);
		break;
	case EC_MARKER_DIAMOND:
		cairo_move_to(cr, cx, cy - r);
		cairo_line_to(cr, cx + r, cy);
		cairo_line_to(cr, cx, cy + r);
		cairo_line_to(cr, cx - r, cy);
		cairo_close_path(cr);
		break;
	case EC_MARKER_TRIANGLE:
		cairo_move_to(cr, cx, cy - r);
		cairo_line_to(cr, cx + r * 0.8660254037844386, cy + r * 0.5);
		cairo_line_to(cr, cx - r * 0.8660254037844386, cy + r * 0.5);
		cairo_close_path(cr);
		break;
	default:
		cairo_new_sub_path(cr);
		cairo_arc(cr, cx, cy, r, 0, 2 * 3.14159265358979323846);
		cairo_close_path(cr);
		break;
	}
}

ec_err ec_cairo_draw_scene(cairo_t *cr, const ec_scene *sc,
                           int paint_background, ec_error *err)
{
	ec_err st = ec_scene_status(sc, err);
	if (st)
		return st;
	cairo_save(cr);
	ec_color bg = ec_scene_background(sc);
	if (paint_background && bg.a > 0) {
		set_color(cr, bg);
		cairo_rectangle(cr, 0, 0, ec_scene_width(sc), ec_scene_height(sc));
		cairo_fill(cr);
	}
	int clips = 0;
	ec_err rc = EC_OK;
	size_t n = ec_scene_count(sc);
	for (size_t i = 0; i < n && !rc; i++) {
		const ec_item *it = ec_scene_item(sc, i);
		switch (it->kind) {
		case EC_ITEM_RECT:
			cairo_rectangle(cr, it->u.rect.x, it->u.rect.y,
			                it->u.rect.w, it->u.rect.h);
			paint_path(cr, &it->style, it->bbox);
			break;
		case EC_ITEM_PATH: {
			size_t no;
			const ec_path_op *o = ec_scene_path_ops(sc, it, &no);
			for (size_t k = 0; k < no; k++) {
				if (o[k].op == EC_PATH_MOVE)
					cairo_move_to(cr, o[k].x, o[k].y);
				else if (o[k].op == EC_PATH_LINE)
					cairo_line_to(cr, o[k].x, o[k].y);
				else
					cairo_close_path(cr);
			}
			paint_path(cr, &it->style, it->bbox);
			break;
		}
		case EC_ITEM_MARKER:
			marker_path(cr, it);
			paint_path(cr, &it->style, it->bbox);
			break;
		case EC_ITEM_TEXT:
			if (it->u.text.s[0] && it->u.text.ts.color.a > 0)
				rc = ec_text_draw(cr, it, err);
			break;
		case EC_ITEM_CLIP_BEGIN:
			cairo_save(cr);
			cairo_rectangle(cr, it->u.rect.x, it->u.rect.y,
			                it->u.rect.w, it->u.rect.h);
			cairo_clip(cr);
			clips++;
			break;
		case EC_ITEM_CLIP_END:
			if (clips > 0) {
				cairo_restore(cr);
				clips--;
			}
			break;
		default:
			break;
		}
	}
	while (clips-- > 0)
		cairo_restore(cr);
	cairo_restore(cr);
	if (rc)
		return rc;
	cairo_status_t cs = cairo_status(cr);
	if (cs != CAIRO_STATUS_SUCCESS)
		return ec_error_set(err,
		                    cs == CAIRO_STATUS_NO_MEMORY ? EC_ENOMEM
		                                                 : EC_ERENDER,
		                    NULL, 0, 0, "cairo: %s",
		                    cairo_status_to_string(cs));
	return EC_OK;
}
