/* Themes: light, dark, print; Okabe-Ito palette; sizes for the canvas. */
#include "theme.h"

#include <math.h>
#include <string.h>

static const uint32_t oi_order[EC_THEME_SERIES] = {
    EC_OI_BLUE,   EC_OI_ORANGE, EC_OI_GREEN,  EC_OI_VERMILLION,
    EC_OI_SKY,    EC_OI_PURPLE, EC_OI_YELLOW, EC_OI_BLACK};

/* Print: greys from dark to light, each with its own pattern, dash and
 * marker so no series relies on the grey alone. */
static const uint32_t print_greys[EC_THEME_SERIES] = {
    0x333333u, 0x8C8C8Cu, 0x5E5E5Eu, 0xB4B4B4u,
    0x222222u, 0x777777u, 0xA0A0A0u, 0x000000u};
static const ec_pattern print_patterns[EC_THEME_SERIES] = {
    EC_PATTERN_NONE,  EC_PATTERN_HATCH, EC_PATTERN_DOTS,
    EC_PATTERN_CROSSHATCH, EC_PATTERN_NONE, EC_PATTERN_HATCH,
    EC_PATTERN_DOTS,  EC_PATTERN_CROSSHATCH};
static const double print_dashes[EC_THEME_SERIES][2] = {
    {0, 0}, {5, 2.5}, {1.5, 1.5}, {6, 2}, {0, 0}, {3, 3}, {1, 2}, {8, 3}};
static const ec_marker_shape shapes[EC_THEME_SERIES] = {
    EC_MARKER_CIRCLE,  EC_MARKER_SQUARE, EC_MARKER_DIAMOND,
    EC_MARKER_TRIANGLE, EC_MARKER_CIRCLE, EC_MARKER_SQUARE,
    EC_MARKER_DIAMOND, EC_MARKER_TRIANGLE};

void ec_theme_spec_get(ec_theme t, double width_pt, double height_pt,
                       ec_theme_spec *o)
{
	memset(o, 0, sizeof *o);
	if (t != EC_THEME_DARK && t != EC_THEME_PRINT)
		t = EC_THEME_LIGHT;
	o->id = t;
	o->dark = t == EC_THEME_DARK;
	o->print = t == EC_THEME_PRINT;

	if (o->dark) {
		o->background = ec_rgb(0x16191Du);
		o->plot_bg = o->background;
		o->text = ec_rgb(0xECEFF1u);
		o->text_muted = ec_rgb(0xA9B1B8u);
		o->grid = ec_rgb(0x2E343Bu);
		o->axis = ec_rgb(0x8A939Bu);
		o->band = ec_rgba(0x56B4E9u, 0.22);
		o->guide_fill = ec_rgba(0xE69F00u, 0.22);
		o->guide_stroke = ec_rgb(0xE69F00u);
	} else if (o->print) {
		o->background = ec_rgb(0xFFFFFFu);
		o->plot_bg = o->background;
		o->text = ec_rgb(0x000000u);
		o->text_muted = ec_rgb(0x404040u);
		o->grid = ec_rgb(0xD0D0D0u);
		o->axis = ec_rgb(0x000000u);
		o->band = ec_rgba(0x000000u, 0.12);
		o->guide_fill = ec_rgba(0x000000u, 0.10);
		o->guide_stroke = ec_rgb(0x000000u);
	} else {
		o->background = ec_rgb(0xFFFFFFu);
		o->plot_bg = o->background;
		o->text = ec_rgb(0x1A1A1Au);
		o->text_muted = ec_rgb(0x555555u);
		o->grid = ec_rgb(0xE3E3E3u);
		o->axis = ec_rgb(0x333333u);
		o->band = ec_rgba(0x0072B2u, 0.15);
		o->guide_fill = ec_rgba(0xE69F00u, 0.18);
		o->guide_stroke = ec_rgb(0xE69F00u);
	}
	/* Outcome colours: vermillion below, blue within, bluish green above
	 * (Okabe-Ito; distinguishable for deuteranopes); print uses
	 * black / grey / white-with-outline, plus marker shapes. */
	if (o->print) {
		o->below = ec_rgb(0x000000u);
		o->within = ec_rgb(0x8C8C8Cu);
		o->above = ec_rgb(0xFFFFFFu);
	} else {
		o->below = ec_rgb(EC_OI_VERMILLION);
		o->within = ec_rgb(o->dark ? EC_OI_SKY : EC_OI_BLUE);
		o->above = ec_rgb(EC_OI_GREEN);
	}
	o->derived_fill = o->background;
	o->derived_pattern = EC_PATTERN_HATCH;
	o->analyst_pattern = EC_PATTERN_DOTS;

	for (int i = 0; i < EC_THEME_SERIES; i++) {
		ec_series_style *s = &o->series[i];
		s->marker = shapes[i];
		if (o->print) {
			s->color = ec_rgb(print_greys[i]);
			s->pattern = print_patterns[i];
			s->pattern_color = ec_rgb(0x000000u);
			if (print_dashes[i][0] > 0) {
				s->dash[0] = print_dashes[i][0];
				s->dash[1] = print_dashes[i][1];
				s->n_dash = 2;
			}
		} else {
			uint32_t c = oi_order[i];
			/* Black disappears on the dark canvas. */
			if (o->dark && c == EC_OI_BLACK)
				c = 0xE0E0E0u;
			s->color = ec_rgb(c);
			s->pattern = EC_PATTERN_NONE;
			s->pattern_color = o->background;
			s->marker = EC_MARKER_CIRCLE;
		}
	}

	double w = width_pt > 1 ? width_pt : 1, h = height_pt > 1 ? height_pt : 1;
	double sc = sqrt(sqrt(w * h) / 600.0);
	if (sc < 0.8)
		sc = 0.8;
	if (sc > 1.5)
		sc = 1.5;
	o->title_pt = fmax(6, 14.5 * sc);
	o->subtitle_pt = fmax(6, 10 * sc);
	o->axis_pt = fmax(6, 8.5 * sc);
	o->label_pt = fmax(6, 8 * sc);
	o->legend_pt = fmax(6, 8.5 * sc);
	o->footnote_pt = fmax(6, 7 * sc);
	o->margin_pt = fmax(8, 0.035 * fmin(w, h) * 1.2);
	o->gap_pt = 6 * sc;
	o->line_pt = 1.8 * sc;
	o->grid_pt = 0.5 * sc;
	o->axis_line_pt = 0.9 * sc;
	o->marker_pt = 2.6 * sc;
	o->bar_fill_frac = 0.7;
}

const ec_series_style *ec_theme_series(const ec_theme_spec *th, int i)
{
	if (i < 0)
		i = -i;
	return &th->series[i % EC_THEME_SERIES];
}

ec_style ec_theme_bar_style(const ec_theme_spec *th, int i)
{
	const ec_series_style *s = ec_theme_series(th, i);
	ec_style st = ec_style_fill(s->color);
	st.pattern = s->pattern;
	st.pattern_color = s->pattern_color;
	if (th->print) {
		/* A thin black outline keeps light greys visible on paper. */
		st.stroke = ec_rgb(0x000000u);
		st.stroke_width = 0.5;
		if (s->pattern != EC_PATTERN_NONE)
			st.fill = ec_rgb(0xFFFFFFu);
	}
	return st;
}

ec_style ec_theme_line_style(const ec_theme_spec *th, int i)
{
	const ec_series_style *s = ec_theme_series(th, i);
	ec_style st = ec_style_stroke(s->color, th->line_pt);
	st.cap = EC_CAP_ROUND;
	if (s->n_dash)
		ec_style_dash(&st, s->dash, s->n_dash);
	return st;
}

ec_style ec_theme_grid_style(const ec_theme_spec *th)
{
	return ec_style_stroke(th->grid, th->grid_pt);
}

ec_style ec_theme_axis_style(const ec_theme_spec *th)
{
	ec_style st = ec_style_stroke(th->axis, th->axis_line_pt);
	st.cap = EC_CAP_SQUARE;
	return st;
}

ec_style ec_theme_derived_style(const ec_theme_spec *th, int i)
{
	const ec_series_style *s = ec_theme_series(th, i);
	ec_style st = ec_style_fill(th->derived_fill);
	st.pattern = th->derived_pattern;
	st.pattern_color = s->color;
	st.stroke = s->color;
	st.stroke_width = fmax(0.75, th->line_pt * 0.6);
	if (th->print)
		st.pattern_color = st.stroke = ec_rgb(0x000000u);
	return st;
}

ec_style ec_theme_analyst_style(const ec_theme_spec *th, int i)
{
	const ec_series_style *s = ec_theme_series(th, i);
	ec_style st = ec_style_fill(th->background);
	st.pattern = th->analyst_pattern;
	st.pattern_color = s->color;
	st.stroke = s->color;
	st.stroke_width = fmax(0.75, th->line_pt * 0.6);
	double d[2] = {2.5, 1.5};
	ec_style_dash(&st, d, 2);
	if (th->print)
		st.pattern_color = st.stroke = ec_rgb(0x000000u);
	return st;
}
