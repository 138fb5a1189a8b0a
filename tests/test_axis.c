/* Axis ticks, number formats and quarter labels (render/axis.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "axis.h"
#include "earnchart/period.h"
#include "testlib.h"
#include "text.h"
#include "theme.h"

static void print_ticks(const char *what, const ec_ticks *t)
{
	printf("# %s:", what);
	for (int i = 0; i < t->n; i++)
		printf(" %g", t->v[i]);
	printf(" (step %g, %d decimals)\n", t->step, t->decimals);
}

/* Common properties of any tick set for data [lo, hi]. */
static void check_ticks(const char *what, const ec_ticks *t, double lo,
                        double hi)
{
	CHECK(t->n >= 3 && t->n <= 10, "%s: %d ticks in 3..10", what, t->n);
	CHECK(t->v[0] <= lo + 1e-12 && t->v[t->n - 1] >= hi - 1e-12,
	      "%s: ticks cover the data", what);
	bool ok = true;
	for (int i = 0; i < t->n; i++) {
		if (i)
			ok = ok && fabs(t->v[i] - t->v[i - 1] - t->step) <
			               1e-9 * t->step;
	}
	CHECK(ok, "%s: evenly spaced by the step", what);
	/* The axis should not waste more than half its length. */
	CHECK((hi - lo) / (t->hi - t->lo) > 0.5, "%s: data fills > 50%% of axis",
	      what);
}

static bool step_in(double step, const double *set, int n)
{
	for (int i = 0; i < n; i++)
		if (fabs(step - set[i]) < 1e-12 * set[i])
			return true;
	return false;
}

static void test_ticks(void)
{
	ec_ticks t;
	ec_error e;
	CHECK(ec_axis_ticks(0, 1190, 5, true, &t, &e) == EC_OK, "ticks 0-1190");
	print_ticks("0-1190", &t);
	check_ticks("0-1190", &t, 0, 1190);
	CHECK(t.v[0] == 0, "0-1190 starts at 0");
	static const double s1[] = {200, 250};
	CHECK(step_in(t.step, s1, 2), "0-1190 step 200 or 250 (got %g)", t.step);
	CHECK(t.decimals == 0, "0-1190 needs no decimals");

	/* Bars start at zero even when the data does not. */
	CHECK(ec_axis_ticks(812, 1190, 5, true, &t, &e) == EC_OK,
	      "ticks 812-1190 with zero");
	CHECK(t.v[0] == 0, "include_zero puts 0 first (got %g)", t.v[0]);

	CHECK(ec_axis_ticks(3.8, 25.1, 5, false, &t, &e) == EC_OK,
	      "ticks 3.8-25.1");
	print_ticks("3.8-25.1", &t);
	check_ticks("3.8-25.1 %", &t, 3.8, 25.1);
	static const double s2[] = {5, 10};
	CHECK(step_in(t.step, s2, 2), "3.8-25.1 step 5 or 10 (got %g)", t.step);

	CHECK(ec_axis_ticks(0.03, 0.42, 5, false, &t, &e) == EC_OK,
	      "ticks 0.03-0.42");
	print_ticks("0.03-0.42", &t);
	check_ticks("0.03-0.42", &t, 0.03, 0.42);
	static const double s3[] = {0.05, 0.1};
	CHECK(step_in(t.step, s3, 2), "0.03-0.42 step 0.05 or 0.1 (got %g)",
	      t.step);
	CHECK(t.decimals == (t.step == 0.1 ? 1 : 2), "0.03-0.42 decimals %d",
	      t.decimals);

	/* Negative ranges and a range crossing zero include 0 as a tick. */
	CHECK(ec_axis_ticks(-37, 112, 5, false, &t, &e) == EC_OK,
	      "ticks -37..112");
	print_ticks("-37..112", &t);
	check_ticks("-37..112", &t, -37, 112);
	bool has0 = false;
	for (int i = 0; i < t.n; i++)
		has0 = has0 || t.v[i] == 0;
	CHECK(has0, "-37..112 has a zero tick");

	/* A single value still gives an axis. */
	CHECK(ec_axis_ticks(250, 250, 5, true, &t, &e) == EC_OK &&
	          t.v[0] == 0 && t.hi >= 250 && t.n >= 2,
	      "single value 250 with zero");
	CHECK(ec_axis_ticks(NAN, 1, 5, true, &t, &e) == EC_EINVAL,
	      "NaN range is EC_EINVAL");
	CHECK(ec_axis_ticks(5, 1, 5, true, &t, &e) == EC_EINVAL,
	      "reversed range is EC_EINVAL");

	/* Heckbert alone. */
	CHECK(ec_axis_ticks_heckbert(0, 1190, 5, true, &t, &e) == EC_OK,
	      "heckbert 0-1190");
	print_ticks("heckbert 0-1190", &t);
	check_ticks("heckbert 0-1190", &t, 0, 1190);
	static const double hs[] = {100, 200, 500};
	CHECK(step_in(t.step, hs, 3), "heckbert step is 1/2/5 x 10^k");
	CHECK(ec_axis_ticks_heckbert(0.03, 0.42, 5, false, &t, &e) == EC_OK,
	      "heckbert 0.03-0.42");
	check_ticks("heckbert 0.03-0.42", &t, 0.03, 0.42);

	/* Many ranges: always covering and nice. */
	int bad = 0;
	for (int k = 1; k < 400; k++) {
		double lo = k * 0.37, hi = lo + k * k * 1.3 + 0.01;
		if (ec_axis_ticks(lo, hi, 5, false, &t, &e) != EC_OK ||
		    t.v[0] > lo || t.v[t.n - 1] < hi || t.n < 2)
			bad++;
	}
	CHECK(bad == 0, "400 ranges covered (%d bad)", bad);
}

static void check_fmt(const ec_numfmt *f, double v, const char *want)
{
	char buf[64];
	ec_numfmt_print(f, v, buf, sizeof buf);
	char what[96];
	snprintf(what, sizeof what, "format %g", v);
	CHECK_STR(buf, want, what);
}

static void test_formats(void)
{
	char b[64];
	CHECK_STR(ec_format_value(EC_NUMFMT_USD_M, 1118, b, sizeof b), "$1,118M",
	          "value 1118 usd_m");
	CHECK_STR(ec_format_value(EC_NUMFMT_USD_M, 12345, b, sizeof b), "$12.3B",
	          "value 12345 usd_m");
	CHECK_STR(ec_format_value(EC_NUMFMT_USD_M, 87.54, b, sizeof b), "$87.5M",
	          "value 87.54 usd_m");
	CHECK_STR(ec_format_value(EC_NUMFMT_USD_M, -5, b, sizeof b),
	          "\xE2\x88\x92$5M", "value -5 usd_m (U+2212)");
	CHECK_STR(ec_format_value(EC_NUMFMT_PCT, 24.1, b, sizeof b), "24.1%",
	          "value 24.1 pct");
	CHECK_STR(ec_format_value(EC_NUMFMT_PCT, -3.2, b, sizeof b),
	          "\xE2\x88\x92" "3.2%", "value -3.2 pct");
	CHECK_STR(ec_format_value(EC_NUMFMT_USD, 0.32, b, sizeof b), "$0.32",
	          "value 0.32 usd");
	CHECK_STR(ec_format_value(EC_NUMFMT_USD, -0.05, b, sizeof b),
	          "\xE2\x88\x92$0.05", "value -0.05 usd");
	CHECK_STR(ec_format_value(EC_NUMFMT_COUNT, 1234567, b, sizeof b),
	          "1,234,567", "count separators");
	CHECK_STR(ec_format_value(EC_NUMFMT_PCT, -0.01, b, sizeof b), "0.0%",
	          "tiny negative prints without sign");
	CHECK_STR(ec_format_value(EC_NUMFMT_PCT, NAN, b, sizeof b), "n/a",
	          "NaN prints n/a");
	ec_numfmt bn = {EC_NUMFMT_USD_M, 1, true};
	check_fmt(&bn, 1100, "$1.1B");

	/* Axis formats: one decimals value per axis. */
	ec_ticks t;
	ec_axis_ticks(0, 1190, 5, true, &t, NULL);
	ec_numfmt f = ec_numfmt_for_ticks(EC_NUMFMT_USD_M, &t);
	CHECK(!f.billions && f.decimals == 0, "0-1190 axis in $M, no decimals");
	check_fmt(&f, t.v[0], "$0");
	char want[32];
	snprintf(want, sizeof want, "$%d,%03dM", (int)t.v[t.n - 1] / 1000,
	         (int)t.v[t.n - 1] % 1000);
	check_fmt(&f, t.v[t.n - 1], want);

	ec_axis_ticks(0, 24800, 5, true, &t, NULL);
	f = ec_numfmt_for_ticks(EC_NUMFMT_USD_M, &t);
	CHECK(f.billions, "0-24,800 axis in $B");
	check_fmt(&f, 5000, f.decimals ? "$5.0B" : "$5B");

	ec_axis_ticks(0, 2400, 5, true, &t, NULL);
	f = ec_numfmt_for_ticks(EC_NUMFMT_USD_M, &t);
	print_ticks("0-2400", &t);
	CHECK(f.billions && f.decimals == 1, "0-2400 in $B with one decimal");
	check_fmt(&f, 500, "$0.5B");
	check_fmt(&f, 2000, "$2.0B");

	ec_axis_ticks(0.03, 0.42, 5, false, &t, NULL);
	f = ec_numfmt_for_ticks(EC_NUMFMT_USD, &t);
	CHECK(f.decimals == 2, "EPS axis has 2 decimals");
	check_fmt(&f, 0.1, "$0.10");

	ec_axis_ticks(3.8, 25.1, 5, false, &t, NULL);
	f = ec_numfmt_for_ticks(EC_NUMFMT_PCT, &t);
	char pw[16];
	snprintf(pw, sizeof pw, "%g%%", t.v[1]);
	check_fmt(&f, t.v[1], pw);

	ec_axis_ticks(-12, 7, 5, false, &t, NULL);
	f = ec_numfmt_for_ticks(EC_NUMFMT_PCT, &t);
	char got[32];
	ec_numfmt_print(&f, t.v[0], got, sizeof got);
	CHECK(strncmp(got, "\xE2\x88\x92", 3) == 0,
	      "negative tick starts with U+2212 (%s)", got);
	CHECK(ec_numfmt_kind_for_unit(EC_UNIT_PCT) == EC_NUMFMT_PCT &&
	          ec_numfmt_kind_for_unit(EC_UNIT_USD) == EC_NUMFMT_USD &&
	          ec_numfmt_kind_for_unit(EC_UNIT_USD_M) == EC_NUMFMT_USD_M,
	      "format kind from unit");
}

/* No two labels of one row overlap (with gap) and all stay near the
 * plot. */
static void test_quarters(void)
{
	static const struct {
		const char *name;
		double w, h;
	} sizes[] = {{"slide", 960, 540}, {"report", 468, 288},
	             {"square", 600, 600}, {"default", 800, 450}};
	static const size_t counts[] = {8, 24, 40};
	int q0 = ec_period_qindex(ec_period_quarter(2007, 3));
	for (size_t si = 0; si < 4; si++) {
		ec_theme_spec th;
		ec_theme_spec_get(EC_THEME_LIGHT, sizes[si].w, sizes[si].h, &th);
		/* The plot: canvas minus margins and a y-axis label column. */
		double x0 = th.margin_pt + 40;
		double pw = sizes[si].w - x0 - th.margin_pt;
		for (size_t ci = 0; ci < 3; ci++) {
			size_t n = counts[ci];
			double slot = pw / n;
			double gap = 0.6 * th.axis_pt;
			ec_qlabels q;
			ec_error e;
			ec_err rc = ec_axis_quarter_labels(q0, n, x0, slot,
			                                   th.axis_pt, gap, &q, &e);
			CHECK(rc == EC_OK, "%s %zu quarters: labels", sizes[si].name,
			      n);
			if (rc)
				continue;
			printf("# %s %zu quarters: scheme %d step %d rows %d, %zu "
			       "labels\n",
			       sizes[si].name, n, (int)q.scheme, q.step, q.rows, q.n);
			int overlaps = 0, outside = 0;
			for (size_t i = 0; i < q.n; i++) {
				const ec_qlabel *a = &q.labels[i];
				if (a->x - a->width / 2 < x0 - slot / 2 - 1e-6 ||
				    a->x + a->width / 2 > x0 + (n + 0.5) * slot + 1e-6)
					outside++;
				/* width really is the text's width */
				double w = ec_text_width(a->text, th.axis_pt,
				                         EC_WEIGHT_REGULAR);
				if (fabs(w - a->width) > 1e-9)
					outside++;
				for (size_t j = i + 1; j < q.n; j++) {
					const ec_qlabel *b = &q.labels[j];
					if (a->row != b->row)
						continue;
					double l1 = a->x - a->width / 2,
					       r1 = a->x + a->width / 2;
					double l2 = b->x - b->width / 2,
					       r2 = b->x + b->width / 2;
					if (l1 < r2 + gap && l2 < r1 + gap)
						overlaps++;
				}
			}
			CHECK(overlaps == 0, "%s %zu quarters: no overlaps (%d)",
			      sizes[si].name, n, overlaps);
			CHECK(outside == 0, "%s %zu quarters: labels within plot",
			      sizes[si].name, n);
			/* Every year in range can be read off the axis. */
			int y_first = q0 / 4, y_last = (q0 + (int)n - 1) / 4;
			int years_seen = 0;
			for (int y = y_first; y <= y_last; y++) {
				char a[16], b2[16];
				snprintf(a, sizeof a, "%d", y);
				snprintf(b2, sizeof b2, "'%02d", y % 100);
				for (size_t i = 0; i < q.n; i++)
					if (strstr(q.labels[i].text, a) ||
					    strstr(q.labels[i].text, b2)) {
						years_seen++;
						break;
					}
			}
			int step_years = q.scheme == EC_QLABEL_YEARS ? q.step : 1;
			int want_years = (y_last - y_first) / step_years;
			CHECK(years_seen >= want_years, "%s %zu: %d years labelled",
			      sizes[si].name, n, years_seen);
			if (n == 8 && si == 0)
				CHECK(q.scheme == EC_QLABEL_EVERY,
				      "8 quarters on a slide: every quarter");
			if (n == 40 && si == 1)
				CHECK(q.scheme != EC_QLABEL_EVERY,
				      "40 quarters in a report: thinned or grouped");
			ec_qlabels_free(&q);
		}
	}
	/* The EVERY scheme uses Q3'10 labels. */
	ec_qlabels q;
	CHECK(ec_axis_quarter_labels(ec_period_qindex(ec_period_quarter(2010, 3)),
	                             2, 0, 200, 8, 4, &q, NULL) == EC_OK &&
	          q.scheme == EC_QLABEL_EVERY && q.n == 2 &&
	          strcmp(q.labels[0].text, "Q3'10") == 0,
	      "label text Q3'10");
	ec_qlabels_free(&q);
	/* A tiny axis still answers. */
	CHECK(ec_axis_quarter_labels(8040, 40, 0, 0.5, 8, 4, &q, NULL) == EC_OK &&
	          q.n >= 1,
	      "tiny axis still gets a label");
	ec_qlabels_free(&q);
	CHECK(ec_axis_quarter_labels(8040, 0, 0, 10, 8, 4, &q, NULL) ==
	          EC_EINVAL,
	      "zero quarters is EC_EINVAL");
}

int main(void)
{
	test_ticks();
	test_formats();
	test_quarters();
	ec_render_cleanup();
	return ec_test_done();
}
