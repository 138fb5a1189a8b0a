/* Chart options: defaults, size names, type and theme names. */
#include "earnchart/chart.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Sanity limits.  A side below 64 px cannot hold a title and an axis; a
 * side above 32,767 px overflows cairo's image surfaces.  The dpi range
 * keeps the layout size in points (px * 72 / dpi) between sensible bounds. */
#define SIDE_MIN_PX 64
#define SIDE_MAX_PX 32767
#define DPI_MIN 36.0
#define DPI_MAX 2400.0
#define DEFAULT_MAX_PIXELS ((size_t)100 * 1000 * 1000)

static const char *const type_names[] = {"revenue",  "margin", "backlog",
                                         "guidance", "eps",    "panel"};
static const char *const theme_names[] = {"light", "dark", "print"};

const char *ec_chart_type_name(ec_chart_type t)
{
	return (unsigned)t < 6 ? type_names[t] : "revenue";
}

bool ec_chart_type_parse(const char *s, ec_chart_type *out)
{
	if (!s)
		return false;
	for (int i = 0; i < 6; i++)
		if (strcmp(s, type_names[i]) == 0) {
			*out = (ec_chart_type)i;
			return true;
		}
	return false;
}

const char *ec_theme_name(ec_theme t)
{
	return (unsigned)t < 3 ? theme_names[t] : "light";
}

bool ec_theme_parse(const char *s, ec_theme *out)
{
	if (!s)
		return false;
	for (int i = 0; i < 3; i++)
		if (strcmp(s, theme_names[i]) == 0) {
			*out = (ec_theme)i;
			return true;
		}
	return false;
}

void ec_chart_opts_defaults(ec_chart_opts *o)
{
	memset(o, 0, sizeof *o);
	o->type = EC_CHART_REVENUE;
	o->basis = -1;
	o->width_px = 1600;
	o->height_px = 900;
	o->dpi = 144.0;
	o->theme = EC_THEME_LIGHT;
	o->max_pixels = DEFAULT_MAX_PIXELS;
}

/* Parses a whole decimal number of pixels from s[0..len). */
static bool parse_side(const char *s, size_t len, long *out)
{
	if (len == 0 || len > 9)
		return false;
	long v = 0;
	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static ec_err check_size(ec_chart_opts *o, long w, long h, double dpi,
                         const char *text, ec_error *err)
{
	if (!isfinite(dpi) || dpi < DPI_MIN || dpi > DPI_MAX)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "dpi %g out of range (%g-%g)", dpi, DPI_MIN,
		                    DPI_MAX);
	if (w < SIDE_MIN_PX || h < SIDE_MIN_PX || w > SIDE_MAX_PX ||
	    h > SIDE_MAX_PX)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "size '%s' is %ldx%ld px; each side must be "
		                    "%d-%d px",
		                    text, w, h, SIDE_MIN_PX, SIDE_MAX_PX);
	size_t maxp = o->max_pixels ? o->max_pixels : DEFAULT_MAX_PIXELS;
	if ((size_t)w * (size_t)h > maxp)
		return ec_error_set(err, EC_ELIMIT, NULL, 0, 0,
		                    "size '%s' is %ldx%ld = %zu pixels, more than "
		                    "the limit of %zu",
		                    text, w, h, (size_t)w * (size_t)h, maxp);
	/* The layout works in points: below 2 x 1.5 inches no chart fits. */
	double wpt = (double)w * 72.0 / dpi, hpt = (double)h * 72.0 / dpi;
	if (wpt < 144.0 || hpt < 108.0)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "size '%s' at %g dpi is %.0fx%.0f pt; a chart "
		                    "needs at least 144x108 pt (2x1.5 in)",
		                    text, dpi, wpt, hpt);
	o->width_px = (int)w;
	o->height_px = (int)h;
	o->dpi = dpi;
	return EC_OK;
}

ec_err ec_chart_set_size(ec_chart_opts *o, const char *size, ec_error *err)
{
	if (!size || !*size)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0, "empty size");
	if (strcmp(size, "slide") == 0)
		return check_size(o, 1920, 1080, 144.0, size, err);
	if (strcmp(size, "square") == 0)
		return check_size(o, 1200, 1200, 144.0, size, err);
	if (strcmp(size, "report") == 0) {
		/* 6.5 x 4 in at the caller's dpi, rounded to whole pixels. */
		double d = o->dpi;
		if (!isfinite(d) || d < DPI_MIN || d > DPI_MAX)
			return check_size(o, 0, 0, d, size, err);
		return check_size(o, lround(6.5 * d), lround(4.0 * d), d, size,
		                  err);
	}
	const char *x = strpbrk(size, "xX");
	long w, h;
	if (!x || !parse_side(size, (size_t)(x - size), &w) ||
	    !parse_side(x + 1, strlen(x + 1), &h))
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "size '%s' is not slide, report, square or "
		                    "WIDTHxHEIGHT in pixels",
		                    size);
	return check_size(o, w, h, o->dpi, size, err);
}
