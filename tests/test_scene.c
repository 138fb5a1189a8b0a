/* The scene display list and text measurement (render/scene.h, text.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "earnchart/chart.h"
#include "scene.h"
#include "testlib.h"
#include "text.h"
#include "theme.h"

static void test_builders(void)
{
	CHECK(ec_scene_new(0, 100, 72) == NULL, "zero width refused");
	CHECK(ec_scene_new(100, 100, 1) == NULL, "dpi 1 refused");
	ec_scene *sc = ec_scene_new(800, 450, 144);
	CHECK(sc != NULL, "new scene");
	CHECK(ec_scene_width_px(sc) == 1600 && ec_scene_height_px(sc) == 900,
	      "800x450 pt at 144 dpi is 1600x900 px");
	ec_style st = ec_style_fill(ec_rgb(0x0072B2));
	ec_scene_group_begin(sc, "bar-2010Q3", "2010Q3 revenue: $1,118M");
	ec_scene_rect(sc, 100, 300, 20, -100, &st); /* negative h normalised */
	ec_scene_group_end(sc);
	const ec_item *r = ec_scene_item(sc, 1);
	CHECK(r && r->kind == EC_ITEM_RECT && r->u.rect.y == 200 &&
	          r->u.rect.h == 100,
	      "negative height normalised");
	size_t g = ec_scene_find_group(sc, "bar-2010Q3");
	CHECK(g == 0, "group found by id");
	ec_box gb = ec_scene_group_bbox(sc, g);
	CHECK(gb.x == 100 && gb.y == 200 && gb.w == 20 && gb.h == 100,
	      "group bbox is the bar");
	CHECK(strcmp(ec_scene_item(sc, 0)->u.group.title,
	             "2010Q3 revenue: $1,118M") == 0,
	      "group title kept");
	CHECK(ec_scene_find_group(sc, "bar-2010Q4") == (size_t)-1,
	      "absent group not found");

	/* A missing value breaks the line: two sub-paths. */
	double xs[5] = {0, 10, 20, 30, 40};
	double ys[5] = {5, 6, NAN, 8, 9};
	ec_style ls = ec_style_stroke(ec_rgb(0xE69F00), 1.5);
	size_t before = ec_scene_count(sc);
	ec_scene_polyline(sc, xs, ys, 5, &ls);
	const ec_item *p = ec_scene_item(sc, before);
	size_t n;
	const ec_path_op *ops = ec_scene_path_ops(sc, p, &n);
	int moves = 0, lines = 0;
	for (size_t i = 0; i < n; i++) {
		moves += ops[i].op == EC_PATH_MOVE;
		lines += ops[i].op == EC_PATH_LINE;
	}
	CHECK(p->kind == EC_ITEM_PATH && moves == 2 && lines == 2,
	      "gap gives two sub-paths (%d moves, %d lines)", moves, lines);
	/* No segment spans the gap (x 10 -> 30). */
	bool bridged = false;
	for (size_t i = 1; i < n; i++)
		if (ops[i].op == EC_PATH_LINE && ops[i - 1].x == 10 &&
		    ops[i].x == 30)
			bridged = true;
	CHECK(!bridged, "no line across the missing quarter");
	CHECK(p->bbox.x == 0 && p->bbox.w == 40 && p->bbox.y == 5 &&
	          p->bbox.h == 4,
	      "path bbox");
	/* Isolated points alone draw nothing: the path is dropped. */
	double ys2[3] = {NAN, 3, NAN};
	before = ec_scene_count(sc);
	ec_scene_polyline(sc, xs, ys2, 3, &ls);
	CHECK(ec_scene_count(sc) == before, "a lone point makes no path");

	ec_scene_circle(sc, 50, 60, 3, &st);
	const ec_item *c = ec_scene_item(sc, ec_scene_count(sc) - 1);
	CHECK(c->kind == EC_ITEM_MARKER && c->bbox.x == 47 && c->bbox.w == 6,
	      "marker bbox");
	CHECK(ec_scene_status(sc, NULL) == EC_OK, "no error so far");
	ec_scene_free(sc);
	ec_scene_free(NULL);
}

static void test_text(void)
{
	ec_error e;
	CHECK(ec_text_check_font(&e) == EC_OK, "a sans font is available");
	CHECK(ec_text_check_family(EC_FONT_FAMILY, &e) == EC_OK,
	      "DejaVu Sans installed");
	ec_err rc = ec_text_check_family("No Such Font Family 123", &e);
	CHECK(rc == EC_EFONT && strstr(e.msg, "No Such Font Family 123"),
	      "missing family is EC_EFONT naming it (%s)", e.msg);

	ec_text_metrics m1, m2;
	CHECK(ec_text_measure("Revenue", 10, EC_WEIGHT_REGULAR, &m1, &e) ==
	          EC_OK,
	      "measure");
	CHECK(m1.width > 30 && m1.width < 60 && m1.ascent > 7 &&
	          m1.ascent < 12 && m1.descent > 1 && m1.descent < 4,
	      "10 pt 'Revenue' extents plausible (w %.2f a %.2f d %.2f)",
	      m1.width, m1.ascent, m1.descent);
	ec_text_measure("Revenue", 20, EC_WEIGHT_REGULAR, &m2, &e);
	CHECK(fabs(m2.width - 2 * m1.width) < 0.02 * m1.width,
	      "width scales linearly with size (no hinting): %.3f vs %.3f",
	      m2.width, 2 * m1.width);
	ec_text_measure("Revenue", 10, EC_WEIGHT_BOLD, &m2, &e);
	CHECK(m2.width > m1.width, "bold is wider");
	/* Kerning: "AV" is narrower than "A" + "V". */
	double av = ec_text_width("AV", 20, EC_WEIGHT_REGULAR);
	double a = ec_text_width("A", 20, EC_WEIGHT_REGULAR);
	double v = ec_text_width("V", 20, EC_WEIGHT_REGULAR);
	CHECK(av < a + v - 0.1, "kerning on (AV %.2f < %.2f)", av, a + v);
	CHECK(ec_text_measure("x", 0, EC_WEIGHT_REGULAR, &m2, &e) == EC_EINVAL,
	      "size 0 is EC_EINVAL");

	ec_scene *sc = ec_scene_new(400, 300, 72);
	ec_text_style ts = ec_text_style_make(10, ec_rgb(0));
	ec_box b1, b2, b3, b4;
	ts.anchor = EC_ANCHOR_MIDDLE;
	ec_scene_text(sc, "Revenue", 200, 100, &ts, &b1, NULL);
	CHECK(fabs(b1.x + b1.w / 2 - 200) < 1e-9 && fabs(b1.w - m1.width) < 1e-9,
	      "middle anchor centres the box");
	CHECK(fabs(b1.y - (100 - m1.ascent)) < 1e-9 &&
	          fabs(b1.h - m1.height) < 1e-9,
	      "box top is baseline - ascent");
	ts.anchor = EC_ANCHOR_END;
	ec_scene_text(sc, "Revenue", 200, 150, &ts, &b2, NULL);
	CHECK(fabs(b2.x + b2.w - 200) < 1e-9, "end anchor");
	ts.anchor = EC_ANCHOR_MIDDLE;
	ts.rotation = -90;
	ec_scene_text(sc, "Revenue", 30, 150, &ts, &b3, NULL);
	CHECK(fabs(b3.h - m1.width) < 1e-9 && fabs(b3.w - m1.height) < 1e-9 &&
	          fabs(b3.y + b3.h / 2 - 150) < 1e-9,
	      "rotated -90: box is the text standing up, centred on y");
	CHECK(b3.x + b3.w <= 30 + m1.descent + 1e-9 && b3.x < 30,
	      "rotated -90 reads bottom-to-top (ascent to the left)");
	CHECK(!ec_boxes_overlap(b1, b2, 0), "separate labels do not overlap");
	CHECK(ec_scene_text_overlaps(sc, 0, NULL, NULL) == 0,
	      "no text overlaps yet");
	ts.rotation = 0;
	ts.anchor = EC_ANCHOR_START;
	ec_scene_text(sc, "Overlap", 190, 102, &ts, &b4, NULL);
	size_t ia = 0, ib = 0;
	CHECK(ec_scene_text_overlaps(sc, 0, &ia, &ib) == 1 && ia == 0 && ib == 3,
	      "an overlap is found (%zu, %zu)", ia, ib);
	ec_box touch = {b1.x + b1.w, b1.y, 10, b1.h};
	CHECK(!ec_boxes_overlap(b1, touch, 0) && ec_boxes_overlap(b1, touch, 1),
	      "touching is not overlapping; pad makes it one");

	/* Cleaning: controls removed, bad UTF-8 replaced. */
	ec_scene_text(sc, "a\x01" "b\xff" "c\td", 0, 20, &ts, NULL, NULL);
	const ec_item *it = ec_scene_item(sc, ec_scene_count(sc) - 1);
	CHECK_STR(it->u.text.s, "ab\xEF\xBF\xBD" "c d", "text cleaned");
	char *cl = ec_text_clean("x\xC0\x80y\xED\xA0\x80z");
	CHECK(cl && strcmp(cl, "x\xEF\xBF\xBD\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD"
	                       "\xEF\xBF\xBDz") == 0,
	      "overlong and surrogate sequences replaced");
	free(cl);
	ec_scene_free(sc);

	/* Ellipsis and wrapping stay within the width. */
	char *el = ec_text_ellipsize("Quarterly revenue and operating margin "
	                             "of a very long company name",
	                             10, EC_WEIGHT_REGULAR, 120);
	CHECK(el && ec_text_width(el, 10, EC_WEIGHT_REGULAR) <= 120 &&
	          strstr(el, "\xE2\x80\xA6"),
	      "ellipsized to 120 pt: '%s'", el ? el : "");
	free(el);
	char **lines;
	size_t nl = 0; /* the message may read it before the call sets it */
	const char *para = "Revenue grew in every quarter of the period "
	                   "shown, with the guided range met in six of "
	                   "eight quarters and a bias toward the top end.";
	CHECK(ec_text_wrap(para, 9, EC_WEIGHT_REGULAR, 150, 10, &lines, &nl,
	                   &e) == EC_OK && nl >= 3,
	      "wrap into lines (%zu)", nl);
	bool fits = true;
	size_t words = 0;
	for (size_t i = 0; i < nl; i++) {
		fits = fits &&
		       ec_text_width(lines[i], 9, EC_WEIGHT_REGULAR) <= 150;
		for (const char *q = lines[i]; *q; q++)
			words += *q == ' ';
		words++;
	}
	CHECK(fits, "every wrapped line fits");
	size_t want = 1;
	for (const char *q = para; *q; q++)
		want += *q == ' ';
	CHECK(words == want, "no word lost in wrapping (%zu of %zu)", words,
	      want);
	ec_text_lines_free(lines, nl);
	CHECK(ec_text_wrap(para, 9, EC_WEIGHT_REGULAR, 150, 2, &lines, &nl,
	                   &e) == EC_OK && nl == 2 &&
	          strstr(lines[1], "\xE2\x80\xA6"),
	      "two lines at most, the last ends in an ellipsis");
	ec_text_lines_free(lines, nl);
}

static void test_theme(void)
{
	ec_theme_spec a, b;
	ec_theme_spec_get(EC_THEME_LIGHT, 960, 540, &a);
	ec_theme_spec_get(EC_THEME_LIGHT, 468, 288, &b);
	CHECK(a.title_pt > b.title_pt && b.axis_pt >= 6,
	      "fonts scale with the canvas (%.1f > %.1f)", a.title_pt,
	      b.title_pt);
	CHECK(fabs(a.series[0].color.b - 0xB2 / 255.0) < 1e-9 &&
	          fabs(a.series[1].color.r - 0xE6 / 255.0) < 1e-9,
	      "Okabe-Ito blue then orange");
	ec_theme_spec_get(EC_THEME_PRINT, 960, 540, &a);
	bool grey = true;
	int patterns = 0;
	for (int i = 0; i < EC_THEME_SERIES; i++) {
		ec_color c = a.series[i].color;
		grey = grey && c.r == c.g && c.g == c.b;
		patterns += a.series[i].pattern != EC_PATTERN_NONE ||
		            a.series[i].n_dash > 0;
	}
	CHECK(grey, "print series are grey");
	CHECK(patterns >= 6, "print series differ by pattern or dash");
	ec_theme_spec_get(EC_THEME_DARK, 960, 540, &a);
	CHECK(a.dark && a.background.r < 0.2 && a.text.r > 0.8,
	      "dark: light text on dark");
}

/* Run in a child with an empty fontconfig setup: no font at all. */
static int child_nofont(void)
{
	ec_error e;
	ec_err rc = ec_text_check_font(&e);
	if (rc != EC_EFONT || !strstr(e.msg, "font"))
		return 10;
	ec_scene *sc = ec_scene_new(100, 100, 72);
	ec_text_style ts = ec_text_style_make(10, ec_rgb(0));
	rc = ec_scene_text(sc, "x", 0, 10, &ts, NULL, NULL);
	ec_err st = ec_scene_status(sc, &e);
	ec_scene_free(sc);
	if (rc != EC_EFONT || st != EC_EFONT)
		return 11;
	fprintf(stderr, "child: %s\n", e.msg);
	return EC_EFONT;
}

static void test_nofont(const char *self)
{
	char conf[] = "/tmp/ec-nofont-XXXXXX";
	int fd = mkstemp(conf);
	const char *xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM "
	                  "\"fonts.dtd\">\n<fontconfig><dir>/nonexistent-fonts"
	                  "</dir><cachedir>/tmp/ec-nofont-cache</cachedir>"
	                  "</fontconfig>\n";
	CHECK(fd >= 0 && write(fd, xml, strlen(xml)) == (ssize_t)strlen(xml),
	      "empty fontconfig written");
	close(fd);
	pid_t pid = fork();
	if (pid == 0) {
		setenv("FONTCONFIG_FILE", conf, 1);
		execl(self, self, "--nofont", (char *)NULL);
		_exit(99);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	unlink(conf);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == EC_EFONT,
	      "no fonts -> EC_EFONT (child exit %d)",
	      WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--nofont") == 0)
		return child_nofont();
	test_builders();
	test_text();
	test_theme();
	test_nofont(argv[0]);
	ec_render_cleanup();
	return ec_test_done();
}
