/* CONTRACT READY */
/* earnchart internal: draws a scene on any cairo context (PNG, PDF, deck). */
#ifndef EC_RENDER_CAIRO_DRAW_H
#define EC_RENDER_CAIRO_DRAW_H

#include <stddef.h>

#include <cairo.h>

#include "earnchart/error.h"
#include "scene.h"

/* Draws sc on cr whose user space is the scene's points (apply any dpi
 * scale before calling).  Paints the background first when
 * paint_background.  Leaves cr's state as it found it (save/restore).
 * EC_EFONT, EC_ENOMEM, EC_ERENDER (cairo status, with its message). */
ec_err ec_cairo_draw_scene(cairo_t *cr, const ec_scene *sc,
                           int paint_background, ec_error *err);

/* Sets the PDF metadata that makes output deterministic and useful: Title
 * and Subject (may be NULL), Creator "earnchart", and the creation date
 * from SOURCE_DATE_EPOCH when set (seconds since 1970, UTC), otherwise the
 * fixed 2000-01-01T00:00:00Z, so that two runs give identical bytes. */
void ec_pdf_set_metadata(cairo_surface_t *pdf, const char *title,
                         const char *subject);

/* Draws sc as a one-page PDF (page size = scene size in pt) into a new
 * buffer (*data, free() it). */
ec_err ec_pdf_render(const ec_scene *sc, unsigned char **data, size_t *len,
                     ec_error *err);

#endif
