/* The SVG writer: well-formed XML, text kept as text, escaping, ids,
 * determinism (render/svg.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "earnchart/chart.h"
#include "scene.h"
#include "svg.h"
#include "testlib.h"
#include "text.h"
#include "theme.h"

static size_t count_str(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static int write_tmp(const char *path, const unsigned char *d, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(d, 1, n, f);
	return fclose(f) == 0 && w == n ? 0 : -1;
}

/* A scene with nasty text: markup characters, a CDATA end, right-to-left
 * text, control characters, duplicate and odd group ids, patterns. */
static ec_scene *nasty_scene(const char *title, size_t *n_text)
{
	ec_scene *sc = ec_scene_new(600, 400, 144);
	ec_theme_spec th;
	ec_theme_spec_get(EC_THEME_PRINT, 600, 400, &th);
	ec_scene_set_background(sc, th.background);
	ec_scene_set_title(sc, title);
	ec_scene_set_desc(sc, "Revenue <b>rose</b> & fell; \"quoted\" 'single' "
	                      "]]> done\x07.");
	ec_text_style ts = ec_text_style_make(th.title_pt, th.text);
	*n_text = 0;
	char *t = ec_text_ellipsize(title, th.title_pt, EC_WEIGHT_BOLD, 560);
	ts.weight = EC_WEIGHT_BOLD;
	ec_scene_text(sc, t, 20, 30, &ts, NULL, NULL);
	(*n_text)++;
	free(t);
	ts = ec_text_style_make(10, th.text);
	ec_scene_text(sc, "שלום עולם — مرحبا بالعالم", 20, 60, &ts, NULL, NULL);
	ec_scene_text(sc, "a<b & c>d \"e\" 'f' ]]>", 20, 80, &ts, NULL, NULL);
	ec_scene_text(sc, "ctl\x01\x1f" "char", 20, 100, &ts, NULL, NULL);
	ec_scene_text(sc, "", 20, 110, &ts, NULL, NULL); /* empty: no element */
	ts.rotation = -90;
	ts.anchor = EC_ANCHOR_MIDDLE;
	ec_scene_text(sc, "Revenue ($M)", 12, 200, &ts, NULL, NULL);
	*n_text += 4;
	for (int i = 0; i < 3; i++) {
		ec_scene_group_begin(sc, i < 2 ? "bar-1" : "9 odd id<&>",
		                     "tip <&> \"x\"");
		ec_style st = ec_theme_bar_style(&th, i + 1);
		ec_scene_rect(sc, 100 + i * 40, 200, 30, 150, &st);
		ec_scene_group_end(sc);
	}
	ec_style an = ec_theme_analyst_style(&th, 0);
	ec_scene_marker(sc, EC_MARKER_DIAMOND, 300, 300, 4, &an);
	ec_scene_marker(sc, EC_MARKER_TRIANGLE, 320, 300, 4, &an);
	ec_scene_clip_begin(sc, 50, 50, 500, 300);
	double xs[4] = {40, 200, NAN, 560}, ys[4] = {300, 250, 0, 100};
	ec_style ln = ec_theme_line_style(&th, 1);
	ec_scene_polyline(sc, xs, ys, 4, &ln);
	ec_scene_clip_end(sc);
	return sc;
}

static bool xmllint_ok(const char *path)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "xmllint --noout '%s' 2>&1", path);
	return system(cmd) == 0;
}

int main(void)
{
	char dir[] = "/tmp/ec-test-svg-XXXXXX";
	CHECK(mkdtemp(dir) != NULL, "temp dir");
	char path[256], path2[256], cmd[700];
	size_t n_text;
	ec_scene *sc = nasty_scene("Revenue <Q3> & \"margin\" ]]> 'x'", &n_text);
	CHECK(ec_scene_status(sc, NULL) == EC_OK, "nasty scene built");
	unsigned char *d, *d2;
	size_t n, n2;
	ec_error e;
	CHECK(ec_svg_render(sc, &d, &n, &e) == EC_OK, "svg render");
	const char *s = (const char *)d;
	snprintf(path, sizeof path, "%s/a.svg", dir);
	CHECK(write_tmp(path, d, n) == 0, "svg written");
	CHECK(xmllint_ok(path), "xmllint parses the svg");
	/* <title> then <desc> right after the root element. */
	const char *root = strstr(s, "<svg ");
	const char *ti = strstr(s, "<title id=\"title\">");
	const char *de = strstr(s, "<desc id=\"desc\">");
	const char *first_el = root ? strchr(strchr(root, '>') + 1, '<') : NULL;
	CHECK(root && ti && de && first_el == ti && ti < de,
	      "<title> first, then <desc>");
	CHECK(strstr(s, "Revenue &lt;Q3&gt; &amp; &quot;margin&quot; ]]&gt; "
	                "&apos;x&apos;</title>") != NULL,
	      "title escaped");
	CHECK(strstr(s, "\x07") == NULL && strstr(s, "\x01") == NULL,
	      "no control characters");
	CHECK(strstr(s, "שלום עולם — مرحبا بالعالم") != NULL,
	      "right-to-left text kept literally");
	CHECK(count_str(s, "<text ") == n_text, "one <text> per non-empty run "
	      "(%zu)", count_str(s, "<text "));
	CHECK(strstr(s, "font-family=\"DejaVu Sans, sans-serif\"") != NULL,
	      "font family named");
	CHECK(strstr(s, "transform=\"rotate(-90 12 200)\"") != NULL,
	      "rotated text keeps its anchor");
	CHECK(strstr(s, "<g id=\"bar-1\"><title>tip &lt;&amp;&gt; &quot;x&quot;"
	                "</title>") != NULL &&
	          strstr(s, "<g id=\"bar-1-2\">") != NULL &&
	          strstr(s, "<g id=\"_9_odd_id___\">") != NULL,
	      "group ids sanitised and unique");
	CHECK(strstr(s, "<pattern id=\"ec-pat-") != NULL &&
	          strstr(s, "fill=\"url(#ec-pat-") != NULL,
	      "hatch patterns defined and used");
	CHECK(strstr(s, "<clipPath id=\"ec-clip-1\">") != NULL,
	      "clip path written");
	CHECK(strstr(s, "<path") && strstr(s, "M200 250") == NULL &&
	          strstr(s, "L200 250") != NULL,
	      "gap splits the line (no segment to the far point)");
	CHECK(strstr(s, "<glyph") == NULL && strstr(s, "<symbol") == NULL,
	      "no glyph outlines");
	/* Numbers: at most 2 decimals anywhere in attributes. */
	bool digits_ok = true;
	for (const char *p = s; *p; p++)
		if (*p == '.' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
		    p[2] <= '9' && p[3] >= '0' && p[3] <= '9' && p > s &&
		    p[-1] >= '0' && p[-1] <= '9')
			digits_ok = false;
	CHECK(digits_ok, "numbers have at most 2 decimals");

	/* Deterministic. */
	CHECK(ec_svg_render(sc, &d2, &n2, &e) == EC_OK && n2 == n &&
	          memcmp(d, d2, n) == 0,
	      "two renders give identical bytes");
	free(d2);
	/* rsvg-convert renders it. */
	snprintf(path2, sizeof path2, "%s/a.png", dir);
	snprintf(cmd, sizeof cmd, "rsvg-convert -o '%s' '%s'", path2, path);
	CHECK(system(cmd) == 0 && access(path2, F_OK) == 0,
	      "rsvg-convert renders the svg");
	free(d);
	ec_scene_free(sc);

	/* A 10,000-character title. */
	char *big = malloc(10001 * 3 + 1);
	size_t o = 0;
	for (int i = 0; i < 10000; i++) {
		const char *piece = i % 7 == 0 ? "&" : i % 11 == 0 ? "<" : "é";
		size_t pl = strlen(piece);
		memcpy(big + o, piece, pl);
		o += pl;
	}
	big[o] = '\0';
	sc = nasty_scene(big, &n_text);
	CHECK(ec_svg_render(sc, &d, &n, &e) == EC_OK, "svg with huge title");
	CHECK(write_tmp(path, d, n) == 0 && xmllint_ok(path),
	      "huge title parses");
	CHECK(count_str((const char *)d, "&amp;") >= 10000 / 7,
	      "every & of the huge title escaped");
	free(d);
	ec_scene_free(sc);
	free(big);

	/* The file writer and the format from the extension. */
	ec_format f;
	CHECK(ec_format_from_path("out/Chart.SVG", &f) && f == EC_FORMAT_SVG,
	      "format from .SVG");
	CHECK(ec_format_from_path("a.png", &f) && f == EC_FORMAT_PNG &&
	          ec_format_from_path("a.b/c.pdf", &f) && f == EC_FORMAT_PDF,
	      "png and pdf from path");
	CHECK(!ec_format_from_path("a.svg.txt", &f) &&
	          !ec_format_from_path("svg", &f) &&
	          !ec_format_from_path("dir.png/file", &f),
	      "unknown extensions refused");
	sc = nasty_scene("t", &n_text);
	snprintf(path, sizeof path, "%s/b.svg", dir);
	CHECK(ec_scene_write_file(sc, EC_FORMAT_SVG, path, &e) == EC_OK &&
	          xmllint_ok(path),
	      "write_file svg");
	ec_scene_free(sc);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0, "cleanup");
	ec_render_cleanup();
	return ec_test_done();
}
