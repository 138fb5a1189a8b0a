/* CONTRACT READY */
/* earnchart internal: text measurement and drawing with pango.
 *
 * One font family (DejaVu Sans, kerning on), laid out at 72 units per inch
 * with hint metrics OFF, hint style NONE and unrounded glyph positions, so
 * a run's extents in points are the same for PNG at any dpi, PDF and SVG
 * (the SVG names the same family and size, and viewers with DejaVu Sans
 * installed lay it out the same way).
 *
 * Threads: every thread gets its own pango font map, context and a small
 * layout cache (created on first use, freed at thread exit or by
 * ec_text_thread_cleanup), so measuring and drawing are safe on N threads
 * without locks.  A scene built on one thread may be drawn on another. */
#ifndef EC_RENDER_TEXT_H
#define EC_RENDER_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "earnchart/error.h"
#include "scene.h"

/* The family every chart uses. */
#define EC_FONT_FAMILY "DejaVu Sans"

/* Checks that a sans-serif font can be loaded (DejaVu Sans preferred, any
 * installed sans accepted as fallback with identical code paths).  Result
 * is cached per process after the first success.  EC_EFONT with a message
 * such as "no usable font: fontconfig found no sans-serif font (install
 * fonts-dejavu-core)" otherwise. */
ec_err ec_text_check_font(ec_error *err);

/* Checks that exactly `family` is installed (fontconfig's match has that
 * family name).  EC_EFONT with "font 'X' is not installed (fontconfig
 * offers 'Y')" otherwise.  Used by tests and diagnostics. */
ec_err ec_text_check_family(const char *family, ec_error *err);

/* Measures one line of UTF-8 text at size_pt in weight w.  utf8 must be
 * valid UTF-8 without control characters (ec_scene_text cleans its input;
 * ec_text_clean does the same for other callers).  EC_EFONT when no font
 * can be loaded, EC_ENOMEM, EC_EINVAL for size_pt <= 0. */
ec_err ec_text_measure(const char *utf8, double size_pt, ec_weight w,
                       ec_text_metrics *m, ec_error *err);

/* Convenience: logical width in pt (0 on any error). */
double ec_text_width(const char *utf8, double size_pt, ec_weight w);

/* Copies src into a new string (free() it) with invalid UTF-8 sequences
 * replaced by U+FFFD and C0/C1 control characters, DEL, U+FFFE/U+FFFF
 * removed (tab and newline become a space).  NULL when out of memory. */
char *ec_text_clean(const char *src);

/* The same cleaning into dst, which must hold 3 * strlen(src) + 1 bytes.
 * Returns the length written (without the NUL). */
size_t ec_text_clean_into(const char *src, char *dst);

/* Shortens utf8 to fit max_w pt at size_pt/w by cutting at a character
 * boundary and appending "…" (U+2026).  Returns a new string (free() it);
 * a copy of utf8 when it fits; "…" alone if even one character does not
 * fit; NULL when out of memory or no font. */
char *ec_text_ellipsize(const char *utf8, double size_pt, ec_weight w,
                        double max_w);

/* Splits utf8 into at most max_lines lines of width <= max_w pt, breaking
 * at spaces (a single over-long word is ellipsized; text beyond the last
 * line is dropped and the last line ends in "…").  *lines receives an
 * array of *n new strings: free each and the array with
 * ec_text_lines_free.  EC_ENOMEM, EC_EFONT. */
ec_err ec_text_wrap(const char *utf8, double size_pt, ec_weight w,
                    double max_w, size_t max_lines, char ***lines,
                    size_t *n, ec_error *err);
void ec_text_lines_free(char **lines, size_t n);

/* Draws one text item (kind EC_ITEM_TEXT) on cr, whose user space is the
 * scene's points (the caller has applied any dpi scale).  Used by the
 * cairo back ends only.  Returns EC_EFONT / EC_ENOMEM. */
struct _cairo;
ec_err ec_text_draw(struct _cairo *cr, const ec_item *it, ec_error *err);

/* Frees this thread's font map, context and layout cache (they are
 * re-created on next use). */
void ec_text_thread_cleanup(void);

#endif
