/* CONTRACT READY */
/* earnchart internal: the project's own SVG writer. */
#ifndef EC_RENDER_SVG_H
#define EC_RENDER_SVG_H

#include <stddef.h>

#include "earnchart/error.h"
#include "scene.h"

/* Writes sc as a standalone SVG 1.1 document into a new buffer (*data,
 * free() it; *len bytes, not NUL-terminated... but a NUL follows for
 * convenience).  Text stays <text> (font-family DejaVu Sans), <title> and
 * <desc> come first, groups become <g id> with a <title>, numbers are
 * printed with at most 2 decimals (trailing zeros trimmed) so output is
 * deterministic. */
ec_err ec_svg_render(const ec_scene *sc, unsigned char **data, size_t *len,
                     ec_error *err);

#endif
