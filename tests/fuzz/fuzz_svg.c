/* Fuzz target: the scene-to-SVG writer (render/scene.h builders, then
 * render/svg.h ec_svg_render) fed arbitrary titles, labels and ids.
 *
 * The input is split at NUL bytes into strings: [0] the scene title, [1]
 * the description, [2] a group id, [3] the group's tooltip title, [4...]
 * text runs (each drawn with a rotation and anchor taken from its length).
 * Properties:
 * - no crash; building and writing succeed (or fail with an error value,
 *   e.g. no font);
 * - the SVG is well-formed XML 1.0 (xmlcheck.h): every '<' a tag,
 *   attributes quoted, entities valid, no control characters;
 * - the <title> element holds the title literally: after un-escaping
 *   entities it equals the input title, when that title is valid UTF-8
 *   without control characters (the scene only cleans those). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene.h"
#include "svg.h"
#include "xmlcheck.h"

static int clean_utf8(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned long cp;
		size_t l = xml_utf8((const unsigned char *)s, n, i, &cp);
		if (!l || !xml_char_ok(cp) || cp == '\t' || cp == '\n' ||
		    cp == '\r' || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return 0;
		i += l;
	}
	return 1;
}

/* The text of the first <title> element (the document's: the SVG writer
 * puts it first) with entities decoded (the five
 * predefined ones and numeric references); NULL if none. */
static char *first_title(const char *svg, size_t n)
{
	const char *p = NULL;
	for (size_t i = 0; i + 7 <= n; i++)
		if (memcmp(svg + i, "<title", 6) == 0 &&
		    (svg[i + 6] == '>' || svg[i + 6] == ' ')) {
			p = memchr(svg + i, '>', n - i);
			break;
		}
	if (!p)
		return NULL;
	p++;
	const char *e = strstr(p, "</title>");
	if (!e)
		return NULL;
	char *o = malloc((size_t)(e - p) + 1);
	if (!o)
		abort();
	size_t k = 0;
	while (p < e) {
		if (*p != '&') {
			o[k++] = *p++;
			continue;
		}
		static const struct {
			const char *name;
			char c;
		} ents[] = {{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'},
		            {"&quot;", '"'}, {"&apos;", '\''}};
		int done = 0;
		for (size_t j = 0; j < 5 && !done; j++) {
			size_t l = strlen(ents[j].name);
			if ((size_t)(e - p) >= l && memcmp(p, ents[j].name, l) == 0) {
				o[k++] = ents[j].c;
				p += l;
				done = 1;
			}
		}
		if (done)
			continue;
		if (p[1] == '#') {
			int hex = p[2] == 'x';
			char *end;
			unsigned long cp = strtoul(p + 2 + hex, &end, hex ? 16 : 10);
			if (*end == ';') {
				/* encode cp as UTF-8 */
				if (cp < 0x80) {
					o[k++] = (char)cp;
				} else if (cp < 0x800) {
					o[k++] = (char)(0xC0 | (cp >> 6));
					o[k++] = (char)(0x80 | (cp & 0x3F));
				} else if (cp < 0x10000) {
					o[k++] = (char)(0xE0 | (cp >> 12));
					o[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
					o[k++] = (char)(0x80 | (cp & 0x3F));
				} else {
					o[k++] = (char)(0xF0 | (cp >> 18));
					o[k++] = (char)(0x80 | ((cp >> 12) & 0x3F));
					o[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
					o[k++] = (char)(0x80 | (cp & 0x3F));
				}
				p = end + 1;
				continue;
			}
		}
		o[k++] = *p++;
	}
	o[k] = 0;
	return o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0; /* long strings add nothing but pango time */
	char *in = malloc(size + 1);
	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = 0;
	const char *str[16];
	size_t ns = 0;
	for (size_t i = 0; i <= size && ns < 16;) {
		str[ns++] = in + i;
		i += strlen(in + i) + 1;
	}
	for (size_t i = ns; i < 16; i++)
		str[i] = "";

	ec_scene *sc = ec_scene_new(400, 300, 72);
	if (!sc)
		abort();
	ec_scene_set_title(sc, str[0]);
	ec_scene_set_desc(sc, str[1]);
	ec_style fill = ec_style_fill(ec_rgb(0x0072B2));
	ec_scene_rect(sc, 10, 10, 100, 50, &fill);
	ec_scene_group_begin(sc, str[2], str[3]);
	ec_style line = ec_style_stroke(ec_rgb(0xD55E00), 1.5);
	double xs[] = {0, 50, NAN, 150, 200};
	double ys[] = {100, 120, 130, 90, 80};
	ec_scene_polyline(sc, xs, ys, 5, &line);
	for (size_t i = 4; i < ns; i++) {
		ec_text_style ts = ec_text_style_make(6 + (double)(i % 5) * 3,
		                                      ec_rgb(0x000000));
		size_t l = strlen(str[i]);
		ts.anchor = (ec_anchor)(l % 3);
		ts.rotation = (l % 4 == 1) ? -90 : (l % 4 == 2) ? 30 : 0;
		ts.weight = (ec_weight)(l % 2);
		ec_box box;
		if (ec_scene_text(sc, str[i], 20 + 10 * (double)i, 200, &ts, &box,
		                  NULL) != EC_OK)
			break; /* no font: the error is sticky in the scene */
	}
	/* An odd input length leaves the group open: back ends close it. */
	if (size % 2 == 0)
		ec_scene_group_end(sc);
	ec_error err;
	unsigned char *svg = NULL;
	size_t len = 0;
	if (ec_scene_status(sc, &err) == EC_OK) {
		ec_err rc = ec_svg_render(sc, &svg, &len, &err);
		if (rc != EC_OK) {
			fprintf(stderr, "ec_svg_render failed: %s\n", err.msg);
			abort();
		}
		char why[256];
		if (!xml_check((const char *)svg, len, why, sizeof why)) {
			fprintf(stderr, "SVG is not well-formed: %s\n", why);
			fwrite(svg, 1, len, stderr);
			abort();
		}
		if (*str[0] && clean_utf8(str[0])) {
			char *t = first_title((const char *)svg, len);
			if (!t || strcmp(t, str[0]) != 0) {
				fprintf(stderr, "<title> is '%s', want '%s'\n",
				        t ? t : "(none)", str[0]);
				abort();
			}
			free(t);
		}
		free(svg);
	}
	ec_scene_free(sc);
	free(in);
	return 0;
}
