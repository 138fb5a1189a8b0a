/* The PNG encoder (decoded and compared with cairo's pixels), PDF output,
 * determinism and file-writing failures (render/png.h, output). */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo.h>
#include <libdeflate.h>

#include "earnchart/chart.h"
#include "earnchart/io.h"
#include "png.h"
#include "scene.h"
#include "testlib.h"
#include "text.h"
#include "theme.h"

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static int paeth(int a, int b, int c)
{
	int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* A minimal PNG decoder (8-bit RGB/RGBA, no interlace): checks the
 * signature, every CRC and the zlib stream; returns the pixels (free()
 * them), NULL on any defect. */
static unsigned char *png_decode(const unsigned char *d, size_t n, int *w,
                                 int *h, int *chan, double *dpi)
{
	if (n < 8 || memcmp(d, "\x89PNG\r\n\x1a\n", 8) != 0)
		return NULL;
	size_t p = 8, zlen = 0;
	unsigned char *z = malloc(n);
	int seen_end = 0;
	*dpi = 0;
	while (p + 12 <= n) {
		uint32_t len = be32(d + p);
		if (len > n - p - 12) {
			free(z);
			return NULL;
		}
		const unsigned char *type = d + p + 4, *body = d + p + 8;
		if (libdeflate_crc32(0, type, len + 4) != be32(body + len)) {
			free(z);
			return NULL;
		}
		if (!memcmp(type, "IHDR", 4)) {
			*w = (int)be32(body);
			*h = (int)be32(body + 4);
			if (body[8] != 8 || (body[9] != 2 && body[9] != 6) ||
			    body[12] != 0) {
				free(z);
				return NULL;
			}
			*chan = body[9] == 2 ? 3 : 4;
		} else if (!memcmp(type, "pHYs", 4)) {
			*dpi = be32(body) * 0.0254;
		} else if (!memcmp(type, "IDAT", 4)) {
			memcpy(z + zlen, body, len);
			zlen += len;
		} else if (!memcmp(type, "IEND", 4)) {
			seen_end = 1;
		}
		p += 12 + len;
	}
	if (!seen_end || p != n) {
		free(z);
		return NULL;
	}
	size_t rowlen = (size_t)*w * *chan;
	size_t rawlen = (rowlen + 1) * *h;
	unsigned char *raw = malloc(rawlen);
	struct libdeflate_decompressor *dc = libdeflate_alloc_decompressor();
	size_t got = 0;
	enum libdeflate_result r =
	    libdeflate_zlib_decompress(dc, z, zlen, raw, rawlen, &got);
	libdeflate_free_decompressor(dc);
	free(z);
	if (r != LIBDEFLATE_SUCCESS || got != rawlen) {
		free(raw);
		return NULL;
	}
	unsigned char *px = malloc(rowlen * *h);
	int bpp = *chan;
	for (int y = 0; y < *h; y++) {
		const unsigned char *in = raw + (size_t)y * (rowlen + 1);
		unsigned char *out = px + (size_t)y * rowlen;
		const unsigned char *up = y ? out - rowlen : NULL;
		for (size_t i = 0; i < rowlen; i++) {
			int a = i >= (size_t)bpp ? out[i - bpp] : 0;
			int b = up ? up[i] : 0;
			int c = up && i >= (size_t)bpp ? up[i - bpp] : 0;
			int v = in[1 + i];
			switch (in[0]) {
			case 1: v += a; break;
			case 2: v += b; break;
			case 3: v += (a + b) / 2; break;
			case 4: v += paeth(a, b, c); break;
			}
			out[i] = (unsigned char)v;
		}
	}
	free(raw);
	return px;
}

/* The pixels cairo has, unpremultiplied the way cairo's writer does. */
static unsigned char *surface_pixels(cairo_surface_t *s, int chan)
{
	int w = cairo_image_surface_get_width(s),
	    h = cairo_image_surface_get_height(s),
	    st = cairo_image_surface_get_stride(s);
	const unsigned char *d = cairo_image_surface_get_data(s);
	unsigned char *px = malloc((size_t)w * h * chan);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint32_t v;
			memcpy(&v, d + (size_t)y * st + 4 * x, 4);
			unsigned a = chan == 4 ? v >> 24 : 255;
			unsigned char *o = px + ((size_t)y * w + x) * chan;
			unsigned c[3] = {(v >> 16) & 255, (v >> 8) & 255, v & 255};
			for (int k = 0; k < 3; k++)
				o[k] = (unsigned char)(a == 0 ? 0
				                      : a == 255 ? c[k]
				                                 : (c[k] * 255 + a / 2) / a);
			if (chan == 4)
				o[3] = (unsigned char)a;
		}
	return px;
}

static ec_scene *chart_scene(ec_theme theme, double alpha_bg)
{
	double W = 800, H = 450;
	ec_scene *sc = ec_scene_new(W, H, 144);
	ec_theme_spec th;
	ec_theme_spec_get(theme, W, H, &th);
	ec_color bg = th.background;
	bg.a = alpha_bg;
	ec_scene_set_background(sc, bg);
	ec_scene_set_title(sc, "Test chart");
	ec_text_style ts = ec_text_style_make(th.title_pt, th.text);
	ts.weight = EC_WEIGHT_BOLD;
	ec_scene_text(sc, "Quarterly revenue, $M", 30, 40, &ts, NULL, NULL);
	ec_style grid = ec_theme_grid_style(&th);
	for (int i = 0; i < 6; i++) {
		double xs[2] = {60, 780}, ys[2] = {400 - i * 60, 400 - i * 60};
		ec_scene_polyline(sc, xs, ys, 2, &grid);
	}
	double lx[24], ly[24];
	for (int i = 0; i < 24; i++) {
		ec_style st = i % 5 == 3 ? ec_theme_derived_style(&th, 0)
		                         : ec_theme_bar_style(&th, 0);
		double v = 120 + i * 9 + (i % 3) * 15.5;
		if (i != 7)
			ec_scene_rect(sc, 65 + i * 30, 400 - v, 21.3, v, &st);
		lx[i] = 75.6 + i * 30;
		ly[i] = i == 7 ? NAN : 390 - v * 1.1;
		char b[16];
		snprintf(b, sizeof b, "Q%d'%02d", i % 4 + 1, 10 + i / 4);
		ec_text_style ls = ec_text_style_make(th.axis_pt, th.text_muted);
		ls.anchor = EC_ANCHOR_MIDDLE;
		ec_scene_text(sc, b, lx[i], 415, &ls, NULL, NULL);
	}
	ec_style line = ec_theme_line_style(&th, 1);
	ec_scene_polyline(sc, lx, ly, 24, &line);
	return sc;
}

static size_t cairo_png_size(cairo_surface_t *s)
{
	char path[] = "/tmp/ec-cairo-png-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	cairo_surface_write_to_png(s, path);
	struct stat st;
	stat(path, &st);
	unlink(path);
	return (size_t)st.st_size;
}

static void test_png_pixels(ec_theme theme, double bg_alpha, const char *what)
{
	ec_scene *sc = chart_scene(theme, bg_alpha);
	ec_error e;
	unsigned char *d, *d2;
	size_t n, n2;
	CHECK(ec_png_render(sc, &d, &n, &e) == EC_OK, "%s: png render", what);
	int w = 0, h = 0, chan = 0;
	double dpi;
	unsigned char *px = png_decode(d, n, &w, &h, &chan, &dpi);
	CHECK(px != NULL, "%s: png decodes (CRCs, zlib, IEND)", what);
	CHECK(w == 1600 && h == 900, "%s: 1600x900", what);
	CHECK(chan == (bg_alpha >= 1 ? 3 : 4), "%s: %s", what,
	      bg_alpha >= 1 ? "RGB for an opaque background"
	                    : "RGBA for a transparent one");
	CHECK(fabs(dpi - 144) < 0.1, "%s: pHYs says 144 dpi (%.2f)", what, dpi);
	cairo_surface_t *s;
	CHECK(ec_png_rasterize(sc, &s, &e) == EC_OK, "%s: rasterize", what);
	unsigned char *want = surface_pixels(s, chan);
	CHECK(px && memcmp(px, want, (size_t)w * h * chan) == 0,
	      "%s: pixels equal cairo's exactly", what);
	size_t cs = cairo_png_size(s);
	printf("# %s: %zu bytes, cairo_surface_write_to_png %zu (%.3fx)\n", what,
	       n, cs, (double)n / cs);
	CHECK(n <= cs * 1.3, "%s: size <= 1.3x cairo's writer", what);
	/* The libdeflate path with every filter decodes to the same. */
	for (int f = -2; f <= 4; f++) {
		ec_png_opts o = {6, f, 0};
		unsigned char *d3;
		size_t n3;
		int w3, h3, c3;
		double dp3;
		ec_png_encode(cairo_image_surface_get_data(s), w, h,
		              cairo_image_surface_get_stride(s), chan == 4, &o, &d3,
		              &n3, &e);
		unsigned char *p3 = png_decode(d3, n3, &w3, &h3, &c3, &dp3);
		CHECK(p3 && memcmp(p3, want, (size_t)w * h * chan) == 0,
		      "%s: libdeflate filter %d decodes equal", what, f);
		free(p3);
		free(d3);
	}
	cairo_surface_destroy(s);
	free(want);
	free(px);
	CHECK(ec_png_render(sc, &d2, &n2, &e) == EC_OK && n2 == n &&
	          memcmp(d, d2, n) == 0,
	      "%s: two renders identical", what);
	free(d2);
	free(d);
	ec_scene_free(sc);
}

static void test_encoder_edges(void)
{
	/* Random noise (no matches), a 1x1 image, a very wide image (rows
	 * longer than the 32 KiB window). */
	static const int sizes[][2] = {{1, 1}, {257, 3}, {12000, 2}, {64, 64}};
	for (int k = 0; k < 4; k++) {
		int w = sizes[k][0], h = sizes[k][1];
		cairo_surface_t *s =
		    cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
		unsigned char *d = cairo_image_surface_get_data(s);
		int st = cairo_image_surface_get_stride(s);
		unsigned x = 12345u + k;
		for (int y = 0; y < h; y++)
			for (int i = 0; i < w; i++) {
				x = x * 1103515245u + 12345u;
				uint32_t a = (x >> 24) & 255;
				uint32_t v = a << 24;
				for (int c = 0; c < 3; c++) {
					x = x * 1103515245u + 12345u;
					v |= (((x >> 16) & 255) * a / 255) << (8 * c);
				}
				if (k == 3 && i > 20)
					v = 0xFF336699u; /* long runs */
				memcpy(d + (size_t)y * st + 4 * i, &v, 4);
			}
		cairo_surface_mark_dirty(s);
		for (int alpha = 0; alpha <= 1; alpha++) {
			unsigned char *png;
			size_t n;
			int ww, hh, cc;
			double dpi;
			CHECK(ec_png_encode(d, w, h, st, alpha, NULL, &png, &n,
			                    NULL) == EC_OK,
			      "encode %dx%d alpha %d", w, h, alpha);
			unsigned char *px = png_decode(png, n, &ww, &hh, &cc, &dpi);
			unsigned char *want = surface_pixels(s, alpha ? 4 : 3);
			CHECK(px && ww == w && hh == h &&
			          memcmp(px, want, (size_t)w * h * cc) == 0,
			      "decode %dx%d alpha %d equal", w, h, alpha);
			free(px);
			free(want);
			free(png);
		}
		cairo_surface_destroy(s);
	}
}

static int run(const char *cmd) { return system(cmd); }

static bool files_equal(const char *a, const char *b)
{
	char *x, *y;
	size_t nx, ny;
	if (ec_read_file(a, 0, &x, &nx, NULL) || ec_read_file(b, 0, &y, &ny, NULL))
		return false;
	bool eq = nx == ny && memcmp(x, y, nx) == 0;
	free(x);
	free(y);
	return eq;
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	if (d)
		closedir(d);
	return n;
}

static void test_files(void)
{
	char dir[] = "/tmp/ec-test-png-XXXXXX";
	CHECK(mkdtemp(dir) != NULL, "temp dir");
	char a[300], b[300], cmd[800];
	ec_error e;
	ec_scene *sc = chart_scene(EC_THEME_LIGHT, 1);
	static const char *const ext[] = {"png", "svg", "pdf"};
	for (int f = 0; f < 3; f++) {
		snprintf(a, sizeof a, "%s/one.%s", dir, ext[f]);
		snprintf(b, sizeof b, "%s/two.%s", dir, ext[f]);
		CHECK(ec_scene_write_file(sc, (ec_format)f, a, &e) == EC_OK &&
		          ec_scene_write_file(sc, (ec_format)f, b, &e) == EC_OK,
		      "%s written twice", ext[f]);
		CHECK(files_equal(a, b), "%s: identical bytes across runs",
		      ext[f]);
	}
	snprintf(a, sizeof a, "%s/one.pdf", dir);
	snprintf(cmd, sizeof cmd,
	         "pdfinfo '%s' | grep -q 'Page size: *800 x 450 pts' && "
	         "pdfinfo '%s' | grep -q 'Title: *Test chart'",
	         a, a);
	CHECK(run(cmd) == 0, "pdfinfo opens the pdf: 800x450 pt, title");
	snprintf(cmd, sizeof cmd, "pdftotext '%s' - | grep -q \"Q3'11\"", a);
	CHECK(run(cmd) == 0, "pdf text is extractable");
	/* SOURCE_DATE_EPOCH sets the date, still deterministic. */
	setenv("SOURCE_DATE_EPOCH", "1262304000", 1);
	snprintf(b, sizeof b, "%s/sde.pdf", dir);
	ec_scene_write_file(sc, EC_FORMAT_PDF, b, &e);
	snprintf(cmd, sizeof cmd,
	         "pdfinfo '%s' | grep -q 'CreationDate: *Fri Jan  1 00:00:00 "
	         "2010'",
	         b);
	CHECK(run(cmd) == 0, "SOURCE_DATE_EPOCH is the creation date");
	unsetenv("SOURCE_DATE_EPOCH");
	int before = count_entries(dir);

	/* Failures: one line naming the file, nothing left behind. */
	ec_error_clear(&e);
	ec_err rc = ec_scene_write_file(sc, EC_FORMAT_PNG, "/dev/full", &e);
	struct stat st;
	CHECK(rc == EC_EIO && strcmp(e.file, "/dev/full") == 0 &&
	          strchr(e.msg, '\n') == NULL,
	      "/dev/full: EC_EIO naming the file (%s)", e.msg);
	CHECK(stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode),
	      "/dev/full is still a device");
	rc = ec_scene_write_file(sc, EC_FORMAT_PNG, dir, &e);
	CHECK(rc == EC_EIO && strcmp(e.file, dir) == 0,
	      "a directory path fails naming it (%s)", e.msg);
	snprintf(a, sizeof a, "%s/no/such/dir/x.png", dir);
	rc = ec_scene_write_file(sc, EC_FORMAT_PNG, a, &e);
	CHECK(rc == EC_EIO && strcmp(e.file, a) == 0,
	      "missing folder fails naming the file");
	rc = ec_scene_write_file(sc, EC_FORMAT_SVG, "/proc/ec-test.svg", &e);
	CHECK(rc == EC_EIO, "read-only place (/proc) fails");
	CHECK(count_entries(dir) == before, "nothing left behind");
	ec_scene_free(sc);

	/* A failed scene writes nothing. */
	sc = ec_scene_new(100, 100, 72);
	ec_text_style bad = ec_text_style_make(-1, ec_rgb(0));
	ec_scene_text(sc, "x", 0, 0, &bad, NULL, NULL);
	snprintf(a, sizeof a, "%s/bad.png", dir);
	rc = ec_scene_write_file(sc, EC_FORMAT_PNG, a, &e);
	CHECK(rc != EC_OK && access(a, F_OK) != 0,
	      "scene error: no file written (%s)", ec_strerror(rc));
	ec_scene_free(sc);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	run(cmd);
}

int main(void)
{
	test_png_pixels(EC_THEME_LIGHT, 1, "light");
	test_png_pixels(EC_THEME_PRINT, 1, "print");
	test_png_pixels(EC_THEME_DARK, 0, "transparent");
	test_encoder_edges();
	test_files();
	ec_render_cleanup();
	return ec_test_done();
}
