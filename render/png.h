/* CONTRACT READY */
/* earnchart internal: the PNG back end (cairo image surface + own fast
 * PNG encoder on libdeflate). */
#ifndef EC_RENDER_PNG_H
#define EC_RENDER_PNG_H

#include <stddef.h>
#include <stdint.h>

#include <cairo.h>

#include "earnchart/error.h"
#include "scene.h"

/* Rasterises sc at its dpi and encodes a PNG into a new buffer (*data,
 * free() it).  RGB when the background is opaque, RGBA otherwise. */
ec_err ec_png_render(const ec_scene *sc, unsigned char **data, size_t *len,
                     ec_error *err);

/* Draws sc into a new cairo image surface at its dpi (RGB24 when the
 * background is opaque, else ARGB32).  The caller destroys *out.  Used by
 * ec_png_render and by tests comparing pixels with cairo's own writer. */
ec_err ec_png_rasterize(const ec_scene *sc, cairo_surface_t **out,
                        ec_error *err);

/* Encoder settings.  level 0 (the default) selects the built-in chart
 * encoder (filter None, matches against the left and upper pixel, dynamic
 * Huffman blocks); level 1..12 uses libdeflate at that level with PNG
 * filter `filter` (0..4 for every row, -2 for libpng's per-row minimum sum
 * of absolute differences heuristic; -1 = Up) and is there for comparison
 * and tests.  dpi (> 0) goes into a pHYs chunk; 0 leaves it out. */
typedef struct ec_png_opts {
	int level;
	int filter;
	double dpi;
} ec_png_opts;

/* Encodes premultiplied cairo ARGB32/RGB24 pixels (stride bytes per row)
 * as PNG.  alpha = 0 writes RGB (the alpha byte is ignored), alpha = 1
 * writes un-premultiplied RGBA.  opts may be NULL (defaults).  The output
 * is a new buffer (*data, free() it). */
ec_err ec_png_encode(const unsigned char *pixels, int width, int height,
                     int stride, int alpha, const ec_png_opts *opts,
                     unsigned char **data, size_t *len, ec_error *err);

#endif
