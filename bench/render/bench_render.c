/* Render benchmark: N different 1600x900 bar-and-line charts of 24
 * quarters, built with the scene builders directly (a simple layout, not
 * the charts module), written as PNG and SVG; the PNG size is compared
 * with cairo's own writer (libpng defaults) on the same surface; peak
 * memory over M charts.  Writes the data for the gnuplot and matplotlib
 * runs (run.sh) as DIR/data/chart_N.dat.
 *
 * usage: bench_render N M DIR */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include <cairo.h>

#include "axis.h"
#include "earnchart/chart.h"
#include "earnchart/period.h"
#include "png.h"
#include "scene.h"
#include "svg.h"
#include "text.h"
#include "theme.h"

#define NQ 24

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Deterministic data for chart k: revenue bars ($M) with growth, noise and
 * one missing quarter, and a 4-quarter moving average line. */
static void make_data(int k, double *rev, double *avg, int *q0)
{
	unsigned long long s = 88172645463325252ull ^ (unsigned long long)(k + 1) * 2654435761ull;
	double base = 150 + (k % 37) * 40;
	double g = 0.01 + (k % 11) * 0.006;
	*q0 = (2004 + k % 9) * 4 + k % 4;
	for (int i = 0; i < NQ; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		double noise = ((s >> 11) * (1.0 / 9007199254740992.0) - 0.5) * 0.12;
		rev[i] = base * pow(1 + g, i) * (1 + noise);
	}
	rev[5 + k % 13] = NAN; /* a missing quarter: a gap */
	for (int i = 0; i < NQ; i++) {
		double sum = 0;
		int c = 0;
		for (int j = i - 3; j <= i; j++)
			if (j >= 0 && isfinite(rev[j])) {
				sum += rev[j];
				c++;
			}
		avg[i] = i >= 3 && c == 4 ? sum / c : NAN;
	}
}

static ec_scene *build_chart(int k, const double *rev, const double *avg,
                             int q0, ec_theme theme)
{
	double W = 800, H = 450; /* 1600x900 px at 144 dpi */
	ec_scene *sc = ec_scene_new(W, H, 144);
	if (!sc)
		return NULL;
	ec_theme_spec th;
	ec_theme_spec_get(theme, W, H, &th);
	ec_scene_set_background(sc, th.background);
	char title[128], desc[256];
	snprintf(title, sizeof title, "Company %d: quarterly revenue", k);
	snprintf(desc, sizeof desc,
	         "Revenue by quarter for %d quarters with a four-quarter "
	         "moving average.",
	         NQ);
	ec_scene_set_title(sc, title);
	ec_scene_set_desc(sc, desc);
	double m = th.margin_pt;
	ec_text_style ts = ec_text_style_make(th.title_pt, th.text);
	ts.weight = EC_WEIGHT_BOLD;
	ec_box tb;
	ec_scene_text(sc, title, m, m + th.title_pt, &ts, &tb, NULL);
	ec_text_style ss = ec_text_style_make(th.subtitle_pt, th.text_muted);
	ec_scene_text(sc, "Revenue, GAAP, US$ millions", m,
	              tb.y + tb.h + th.subtitle_pt + 2, &ss, &tb, NULL);
	double top = tb.y + tb.h + th.gap_pt * 2;
	double lo = INFINITY, hi = -INFINITY;
	for (int i = 0; i < NQ; i++)
		if (isfinite(rev[i])) {
			lo = fmin(lo, rev[i]);
			hi = fmax(hi, rev[i]);
		}
	ec_ticks t;
	if (ec_axis_ticks(lo, hi, 5, true, &t, NULL) != EC_OK)
		return sc;
	ec_numfmt nf = ec_numfmt_for_ticks(EC_NUMFMT_USD_M, &t);
	char lab[EC_TICKS_MAX][32];
	double lw = 0;
	for (int i = 0; i < t.n; i++) {
		ec_numfmt_print(&nf, t.v[i], lab[i], sizeof lab[i]);
		lw = fmax(lw, ec_text_width(lab[i], th.axis_pt, EC_WEIGHT_REGULAR));
	}
	ec_text_style fs = ec_text_style_make(th.footnote_pt, th.text_muted);
	double foot_y = H - m;
	double left = m + lw + th.gap_pt, right = W - m;
	double bottom = foot_y - th.footnote_pt - th.gap_pt -
	                2 * th.axis_pt * 1.3 - th.gap_pt;
	double slot = (right - left) / NQ;
	ec_qlabels ql;
	if (ec_axis_quarter_labels(q0, NQ, left, slot, th.axis_pt,
	                           0.6 * th.axis_pt, &ql, NULL) != EC_OK)
		return sc;
	if (ql.rows == 1)
		bottom += th.axis_pt * 1.3;
	double ys = (bottom - top) / (t.hi - t.lo);
#define YV(v) (bottom - ((v) - t.lo) * ys)
	ec_style grid = ec_theme_grid_style(&th);
	ec_text_style as = ec_text_style_make(th.axis_pt, th.text_muted);
	as.anchor = EC_ANCHOR_END;
	ec_scene_group_begin(sc, "axis-y", NULL);
	for (int i = 0; i < t.n; i++) {
		double y = YV(t.v[i]);
		double xs[2] = {left, right}, yy[2] = {y, y};
		ec_scene_polyline(sc, xs, yy, 2, &grid);
		ec_scene_text(sc, lab[i], left - th.gap_pt, y + th.axis_pt * 0.35,
		              &as, NULL, NULL);
	}
	ec_scene_group_end(sc);
	ec_style bar = ec_theme_bar_style(&th, 0);
	ec_scene_group_begin(sc, "bars", NULL);
	for (int i = 0; i < NQ; i++) {
		if (!isfinite(rev[i]))
			continue;
		char id[32], pt[EC_PERIOD_STRLEN], tip[96], v[32];
		ec_period p = ec_period_from_qindex(q0 + i);
		ec_period_format(p, pt);
		snprintf(id, sizeof id, "bar-%s", pt);
		snprintf(tip, sizeof tip, "%s revenue: %s", pt,
		         ec_format_value(EC_NUMFMT_USD_M, rev[i], v, sizeof v));
		ec_scene_group_begin(sc, id, tip);
		double bw = slot * th.bar_fill_frac;
		ec_scene_rect(sc, left + i * slot + (slot - bw) / 2, YV(rev[i]), bw,
		              YV(0) - YV(rev[i]), &bar);
		ec_scene_group_end(sc);
	}
	ec_scene_group_end(sc);
	double xs[NQ], yv[NQ];
	for (int i = 0; i < NQ; i++) {
		xs[i] = left + (i + 0.5) * slot;
		yv[i] = isfinite(avg[i]) ? YV(avg[i]) : NAN;
	}
	ec_style line = ec_theme_line_style(&th, 1);
	ec_scene_group_begin(sc, "line-avg", "Four-quarter moving average");
	ec_scene_polyline(sc, xs, yv, NQ, &line);
	ec_style mk = ec_style_fill(ec_theme_series(&th, 1)->color);
	for (int i = 0; i < NQ; i++)
		if (isfinite(yv[i]))
			ec_scene_circle(sc, xs[i], yv[i], th.marker_pt, &mk);
	ec_scene_group_end(sc);
	ec_style ax = ec_theme_axis_style(&th);
	double bx[2] = {left, right}, by[2] = {YV(0), YV(0)};
	ec_scene_polyline(sc, bx, by, 2, &ax);
	ec_text_style qs = ec_text_style_make(th.axis_pt, th.text_muted);
	qs.anchor = EC_ANCHOR_MIDDLE;
	ec_scene_group_begin(sc, "axis-x", NULL);
	for (size_t i = 0; i < ql.n; i++)
		ec_scene_text(sc, ql.labels[i].text, ql.labels[i].x,
		              bottom + th.gap_pt + th.axis_pt +
		                  ql.labels[i].row * th.axis_pt * 1.3,
		              &qs, NULL, NULL);
	ec_scene_group_end(sc);
	ec_qlabels_free(&ql);
	ec_scene_text(sc, "Source: synthetic benchmark data", m, foot_y, &fs,
	              NULL, NULL);
	return sc;
}

static long maxrss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

typedef struct membuf {
	unsigned char *d;
	size_t n, cap;
} membuf;

static cairo_status_t mw(void *cl, const unsigned char *d, unsigned int n)
{
	membuf *m = cl;
	if (m->n + n > m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 65536;
		while (nc < m->n + n)
			nc *= 2;
		m->d = realloc(m->d, nc);
		if (!m->d)
			return CAIRO_STATUS_NO_MEMORY;
		m->cap = nc;
	}
	memcpy(m->d + m->n, d, n);
	m->n += n;
	return CAIRO_STATUS_SUCCESS;
}

static int write_file(const char *path, const unsigned char *d, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(d, 1, n, f);
	return fclose(f) == 0 && w == n ? 0 : -1;
}

int main(int argc, char **argv)
{
	int N = argc > 1 ? atoi(argv[1]) : 200;
	int M = argc > 2 ? atoi(argv[2]) : 1000;
	const char *dir = argc > 3 ? argv[3] : "/tmp/ec-bench";
	char path[512];
	snprintf(path, sizeof path, "%s/data", dir);
	mkdir(dir, 0777);
	mkdir(path, 0777);
	snprintf(path, sizeof path, "%s/ec", dir);
	mkdir(path, 0777);
	double rev[NQ], avg[NQ];
	int q0;
	/* Warm up the font machinery (not counted: one-off per process). */
	make_data(0, rev, avg, &q0);
	ec_scene_free(build_chart(0, rev, avg, q0, EC_THEME_LIGHT));

	double t_build = 0, t_png = 0, t_svg = 0, t_raster = 0, t_cairo = 0;
	size_t png_bytes = 0, cairo_bytes = 0, svg_bytes = 0;
	for (int k = 0; k < N; k++) {
		make_data(k, rev, avg, &q0);
		/* data for gnuplot / matplotlib */
		snprintf(path, sizeof path, "%s/data/chart_%d.dat", dir, k);
		FILE *f = fopen(path, "w");
		if (!f)
			return 1;
		for (int i = 0; i < NQ; i++) {
			char lb[EC_PERIOD_STRLEN], rv[32], av[32];
			ec_period_short_label(ec_period_from_qindex(q0 + i), lb);
			snprintf(rv, sizeof rv, isfinite(rev[i]) ? "%.3f" : "NaN", rev[i]);
			snprintf(av, sizeof av, isfinite(avg[i]) ? "%.3f" : "NaN", avg[i]);
			fprintf(f, "%d %s %s %s\n", i, lb, rv, av);
		}
		fclose(f);

		double t0 = now_ms();
		ec_scene *sc = build_chart(k, rev, avg, q0, EC_THEME_LIGHT);
		double t1 = now_ms();
		unsigned char *d;
		size_t n;
		if (!sc || ec_png_render(sc, &d, &n, NULL) != EC_OK)
			return 1;
		snprintf(path, sizeof path, "%s/ec/chart_%d.png", dir, k);
		write_file(path, d, n);
		double t2 = now_ms();
		png_bytes += n;
		free(d);
		double t3 = now_ms();
		if (ec_svg_render(sc, &d, &n, NULL) != EC_OK)
			return 1;
		snprintf(path, sizeof path, "%s/ec/chart_%d.svg", dir, k);
		write_file(path, d, n);
		double t4 = now_ms();
		svg_bytes += n;
		free(d);
		/* cairo's own PNG writer on the same pixels */
		cairo_surface_t *s;
		double t5 = now_ms();
		ec_png_rasterize(sc, &s, NULL);
		double t6 = now_ms();
		membuf mb = {0};
		cairo_surface_write_to_png_stream(s, mw, &mb);
		double t7 = now_ms();
		cairo_bytes += mb.n;
		free(mb.d);
		cairo_surface_destroy(s);
		ec_scene_free(sc);
		t_build += t1 - t0;
		t_png += t2 - t1;
		t_svg += t4 - t3;
		t_raster += t6 - t5;
		t_cairo += t7 - t6;
	}
	/* Peak memory over M charts (PNG + SVG each, in memory). */
	for (int k = 0; k < M; k++) {
		make_data(k, rev, avg, &q0);
		ec_scene *sc = build_chart(k, rev, avg, q0, (ec_theme)(k % 3));
		unsigned char *d;
		size_t n;
		if (!sc || ec_png_render(sc, &d, &n, NULL) != EC_OK)
			return 1;
		free(d);
		if (ec_svg_render(sc, &d, &n, NULL) != EC_OK)
			return 1;
		free(d);
		ec_scene_free(sc);
	}
	long rss = maxrss_kb();
	printf("charts %d\n", N);
	printf("build_ms %.3f\n", t_build / N);
	printf("png_ms %.3f\n", (t_build + t_png) / N);
	printf("png_encode_only_ms %.3f\n", t_png / N - t_raster / N);
	printf("raster_ms %.3f\n", t_raster / N);
	printf("cairo_png_writer_ms %.3f\n", t_cairo / N);
	printf("svg_ms %.3f\n", (t_build + t_svg) / N);
	printf("svg_write_only_ms %.3f\n", t_svg / N);
	printf("png_bytes_avg %.0f\n", (double)png_bytes / N);
	printf("cairo_png_bytes_avg %.0f\n", (double)cairo_bytes / N);
	printf("png_size_ratio %.3f\n", (double)png_bytes / cairo_bytes);
	printf("svg_bytes_avg %.0f\n", (double)svg_bytes / N);
	printf("peak_rss_mb %.1f (over %d charts)\n", rss / 1024.0, M);
	ec_render_cleanup();
	return 0;
}
