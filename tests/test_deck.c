/* The multi-page PDF deck (ec_deck_* in earnchart/chart.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "earnchart/chart.h"
#include "earnchart/io.h"
#include "scene.h"
#include "testlib.h"
#include "theme.h"

static ec_scene *page(double w, double h, const char *title)
{
	ec_scene *sc = ec_scene_new(w, h, 144);
	ec_scene_set_title(sc, title);
	ec_text_style ts = ec_text_style_make(14, ec_rgb(0));
	ec_scene_text(sc, title, 20, 30, &ts, NULL, NULL);
	ec_style st = ec_style_fill(ec_rgb(EC_OI_BLUE));
	ec_scene_rect(sc, 20, 60, w / 2, h / 2, &st);
	return sc;
}

static ec_err make_deck(const char *path, ec_error *e)
{
	ec_deck *d;
	ec_err rc = ec_deck_open(path, &d, e);
	if (rc)
		return rc;
	const char *lines[60];
	char buf[60][120];
	for (int i = 0; i < 60; i++) {
		snprintf(buf[i], sizeof buf[i],
		         "Source document %d: a press release with a rather long "
		         "name that must wrap across the page width, line %d",
		         i, i);
		lines[i] = i % 10 == 9 ? "" : buf[i];
	}
	ec_scene *a = page(800, 450, "Revenue page"), *b = page(468, 288, "Margin");
	rc = ec_deck_add_text_page(d, 800, 450, "Earnings deck", lines, 3,
	                           EC_THEME_LIGHT, e);
	if (!rc)
		rc = ec_deck_add_scene(d, a, e);
	if (!rc)
		rc = ec_deck_add_scene(d, b, e);
	if (!rc)
		rc = ec_deck_add_text_page(d, 800, 450, "Sources", lines, 60,
		                           EC_THEME_DARK, e);
	ec_scene_free(a);
	ec_scene_free(b);
	if (rc) {
		ec_deck_abort(d);
		return rc;
	}
	return ec_deck_close(d, e);
}

int main(void)
{
	char dir[] = "/tmp/ec-test-deck-XXXXXX";
	CHECK(mkdtemp(dir) != NULL, "temp dir");
	char p1[300], p2[300], cmd[900];
	ec_error e;
	snprintf(p1, sizeof p1, "%s/deck1.pdf", dir);
	snprintf(p2, sizeof p2, "%s/deck2.pdf", dir);
	CHECK(make_deck(p1, &e) == EC_OK, "deck written");
	CHECK(make_deck(p2, &e) == EC_OK, "deck written again");
	char *x, *y;
	size_t nx, ny;
	CHECK(ec_read_file(p1, 0, &x, &nx, NULL) == EC_OK &&
	          ec_read_file(p2, 0, &y, &ny, NULL) == EC_OK && nx == ny &&
	          memcmp(x, y, nx) == 0,
	      "two runs give identical bytes");
	free(x);
	free(y);
	/* 1 title page, 2 scenes, sources overflowing onto >= 2 pages. */
	snprintf(cmd, sizeof cmd,
	         "n=$(pdfinfo '%s' | sed -n 's/^Pages: *//p'); test \"$n\" -ge 5",
	         p1);
	CHECK(system(cmd) == 0, "pdfinfo: at least 5 pages");
	snprintf(cmd, sizeof cmd,
	         "pdfinfo -f 3 -l 3 '%s' | grep -q 'Page *3 size: *468 x 288'",
	         p1);
	CHECK(system(cmd) == 0, "page 3 takes its scene's size");
	snprintf(cmd, sizeof cmd,
	         "pdftotext '%s' - | grep -q 'Source document 58'", p1);
	CHECK(system(cmd) == 0, "the last source line is in the deck");
	/* Abort leaves nothing; a bad folder fails at open. */
	ec_deck *d;
	snprintf(p2, sizeof p2, "%s/aborted.pdf", dir);
	CHECK(ec_deck_open(p2, &d, &e) == EC_OK, "open for abort");
	ec_scene *sc = page(300, 200, "x");
	ec_deck_add_scene(d, sc, &e);
	ec_scene_free(sc);
	ec_deck_abort(d);
	CHECK(access(p2, F_OK) != 0, "aborted deck leaves no file");
	snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 2", dir);
	CHECK(system(cmd) == 0, "no temporary files left");
	snprintf(p2, sizeof p2, "%s/missing/deck.pdf", dir);
	CHECK(ec_deck_open(p2, &d, &e) == EC_EIO && strcmp(e.file, p2) == 0,
	      "missing folder: EC_EIO naming the file");
	CHECK(ec_deck_open("/dev/full", &d, &e) == EC_OK, "open /dev/full");
	sc = page(300, 200, "x");
	ec_deck_add_scene(d, sc, &e);
	ec_scene_free(sc);
	CHECK(ec_deck_close(d, &e) == EC_EIO && strstr(e.file, "/dev/full"),
	      "deck to /dev/full fails on close (%s)", e.msg);
	ec_deck_abort(NULL);
	/* EC_KEEP_TMP=1 keeps the files for a look. */
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK(getenv("EC_KEEP_TMP") || system(cmd) == 0, "cleanup");
	ec_render_cleanup();
	return ec_test_done();
}
