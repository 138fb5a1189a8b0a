/* Axis ticks (extended Wilkinson, Heckbert fallback), number formats and
 * quarter labels. */
#include "axis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/period.h"
#include "text.h"

#define MINUS "\xE2\x88\x92" /* U+2212 MINUS SIGN */

/* ---- ticks ---- */

/* Talbot's Q without 3 and 4: money axes stepping by 300 or 400 read
 * poorly, and 1, 2, 2.5, 5 cover every range well enough. */
static const double Q[] = {1, 5, 2, 2.5};
#define NQ (sizeof Q / sizeof Q[0])
static const double W[4] = {0.25, 0.2, 0.5, 0.05};

/* Fraction digits needed to print every multiple of step in [lo, hi]
 * exactly (step and lo are nice numbers, so checking both suffices). */
static int needed_decimals(double lo, double step)
{
	for (int d = 0; d <= 10; d++) {
		double p = pow(10, d);
		double a = step * p, b = lo * p;
		if (fabs(a - round(a)) < 1e-6 * fmax(1, fabs(a)) &&
		    fabs(b - round(b)) < 1e-6 * fmax(1, fabs(b)))
			return d;
	}
	return 10;
}

/* Ticks lmin + i * step, i < k; lmin is a multiple of unit (step / j in
 * Wilkinson's search, the step itself otherwise). */
static void fill_ticks(ec_ticks *t, double lmin, double step, int k,
                       int j)
{
	double unit = step / j;
	t->step = step;
	t->n = k;
	for (int i = 0; i < k; i++) {
		/* Rebuild from integers so values are exact. */
		double v = (round(lmin / unit) + (double)i * j) * unit;
		if (fabs(v) < 1e-9 * step)
			v = 0;
		t->v[i] = v;
	}
	t->lo = t->v[0];
	t->hi = t->v[k - 1];
	t->decimals = needed_decimals(t->lo, step);
	if (j > 1 && needed_decimals(unit, unit) > t->decimals)
		t->decimals = needed_decimals(t->lo, unit);
}

static double simplicity(int qi, int j, double lmin, double lmax,
                         double lstep)
{
	double eps = 1e-10;
	double rem = fmod(lmin, lstep);
	if (rem < 0)
		rem += lstep;
	int v = (rem < eps * lstep || lstep - rem < eps * lstep) && lmin <= 0 &&
	        lmax >= 0;
	return 1.0 - qi / (double)(NQ - 1) - j + v;
}

static double simplicity_max(int qi, int j)
{
	return 1.0 - qi / (double)(NQ - 1) - j + 1.0;
}

static double coverage(double dmin, double dmax, double lmin, double lmax)
{
	double r = dmax - dmin;
	return 1.0 - 0.5 * ((dmax - lmax) * (dmax - lmax) +
	                    (dmin - lmin) * (dmin - lmin)) /
	                 ((0.1 * r) * (0.1 * r));
}

static double coverage_max(double dmin, double dmax, double span)
{
	double r = dmax - dmin;
	if (span > r) {
		double half = (span - r) / 2;
		return 1.0 - 0.5 * (2 * half * half) / ((0.1 * r) * (0.1 * r));
	}
	return 1.0;
}

static double density(int k, int m, double dmin, double dmax, double lmin,
                      double lmax)
{
	double r = (k - 1) / (lmax - lmin);
	double rt = (m - 1) / (fmax(lmax, dmax) - fmin(dmin, lmin));
	return 2.0 - fmax(r / rt, rt / r);
}

static double density_max(int k, int m)
{
	return k >= m ? 2.0 - (k - 1.0) / (m - 1.0) : 1.0;
}

/* Talbot et al. 2010, loose labellings only (ticks cover the data). */
static bool wilkinson(double dmin, double dmax, int m, ec_ticks *out)
{
	double best = -2;
	bool found = false;
	double b_lmin = 0, b_step = 0;
	int b_k = 0, b_j = 1;
	for (int j = 1; j <= 10; j++) {
		bool stop = false;
		for (size_t qi = 0; qi < NQ; qi++) {
			double q = Q[qi];
			double sm = simplicity_max((int)qi, j);
			if (W[0] * sm + W[1] + W[2] + W[3] < best) {
				stop = true;
				break;
			}
			for (int k = 2; k <= EC_TICKS_MAX; k++) {
				double dm = density_max(k, m);
				if (W[0] * sm + W[1] + W[2] * dm + W[3] < best)
					break;
				double delta = (dmax - dmin) / (k + 1) / j / q;
				int z = (int)ceil(log10(delta));
				for (int zi = 0; zi < 40; zi++, z++) {
					double step = j * q * pow(10, z);
					double cm = coverage_max(dmin, dmax,
					                         step * (k - 1));
					if (W[0] * sm + W[1] * cm + W[2] * dm + W[3] <
					    best)
						break;
					double min_start =
					    floor(dmax / step) * j - (k - 1) * j;
					double max_start = ceil(dmin / step) * j;
					if (min_start > max_start)
						continue;
					if (max_start - min_start > 1000)
						continue;
					/* Only starts on a multiple of the step:
					 * "2, 6, 10" offsets read poorly. */
					double st0 = ceil(min_start / j) * j;
					for (double st = st0; st <= max_start;
					     st += j) {
						double lmin = st * (step / j);
						double lmax = lmin + step * (k - 1);
						/* loose: cover the data (with
						 * rounding slack) */
						double slack = 1e-9 * step;
						if (lmin > dmin + slack ||
						    lmax < dmax - slack)
							continue;
						double s = simplicity((int)qi, j, lmin,
						                      lmax, step);
						double c = coverage(dmin, dmax, lmin,
						                    lmax);
						double g = density(k, m, dmin, dmax,
						                   lmin, lmax);
						double score = W[0] * s + W[1] * c +
						               W[2] * g + W[3];
						if (score > best) {
							best = score;
							b_lmin = lmin;
							b_step = step;
							b_k = k;
							b_j = j;
							found = true;
						}
					}
				}
			}
		}
		if (stop)
			break;
	}
	if (!found)
		return false;
	fill_ticks(out, b_lmin, b_step, b_k, b_j);
	return true;
}

static double nicenum(double x, bool round_it)
{
	double e = floor(log10(x));
	double f = x / pow(10, e), nf;
	if (round_it)
		nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
	else
		nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
	return nf * pow(10, e);
}

/* Normalises the data range: zero, equal ends, huge magnitudes. */
static ec_err prep_range(double *dmin, double *dmax, int *m,
                         bool include_zero, ec_error *err)
{
	if (!isfinite(*dmin) || !isfinite(*dmax) || *dmin > *dmax)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "axis range [%g, %g] is not valid", *dmin,
		                    *dmax);
	if (fabs(*dmin) > 1e300 || fabs(*dmax) > 1e300)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "axis range [%g, %g] is too large", *dmin,
		                    *dmax);
	if (*m < 2)
		*m = 2;
	if (*m > 12)
		*m = 12;
	if (include_zero) {
		if (*dmin > 0)
			*dmin = 0;
		if (*dmax < 0)
			*dmax = 0;
	}
	if (*dmax - *dmin < 1e-12 * fmax(fabs(*dmin), fabs(*dmax)) ||
	    *dmax == *dmin) {
		double v = *dmax;
		double pad = v == 0 ? 1 : fabs(v) * 0.1;
		if (include_zero && v > 0)
			*dmax = v + pad;
		else if (include_zero && v < 0)
			*dmin = v - pad;
		else {
			*dmin = v - pad;
			*dmax = v + pad;
		}
		if (include_zero && v == 0)
			*dmin = 0;
	}
	return EC_OK;
}

ec_err ec_axis_ticks_heckbert(double dmin, double dmax, int m,
                              bool include_zero, ec_ticks *out,
                              ec_error *err)
{
	ec_err rc = prep_range(&dmin, &dmax, &m, include_zero, err);
	if (rc)
		return rc;
	double range = nicenum(dmax - dmin, false);
	double d = nicenum(range / (m - 1), true);
	double gmin = floor(dmin / d) * d, gmax = ceil(dmax / d) * d;
	int k = (int)lround((gmax - gmin) / d) + 1;
	while (k > EC_TICKS_MAX) {
		d = nicenum(d * 2, true);
		gmin = floor(dmin / d) * d;
		gmax = ceil(dmax / d) * d;
		k = (int)lround((gmax - gmin) / d) + 1;
	}
	if (k < 2)
		k = 2;
	fill_ticks(out, gmin, d, k, 1);
	return EC_OK;
}

ec_err ec_axis_ticks(double dmin, double dmax, int m, bool include_zero,
                     ec_ticks *out, ec_error *err)
{
	ec_err rc = prep_range(&dmin, &dmax, &m, include_zero, err);
	if (rc)
		return rc;
	if (wilkinson(dmin, dmax, m, out))
		return EC_OK;
	return ec_axis_ticks_heckbert(dmin, dmax, m, include_zero, out, err);
}

/* ---- number formats ---- */

ec_numfmt_kind ec_numfmt_kind_for_unit(ec_unit u)
{
	switch (u) {
	case EC_UNIT_USD:
		return EC_NUMFMT_USD;
	case EC_UNIT_PCT:
		return EC_NUMFMT_PCT;
	case EC_UNIT_DAYS:
		return EC_NUMFMT_DAYS;
	case EC_UNIT_COUNT:
		return EC_NUMFMT_COUNT;
	default:
		return EC_NUMFMT_USD_M;
	}
}

ec_numfmt ec_numfmt_for_ticks(ec_numfmt_kind kind, const ec_ticks *t)
{
	ec_numfmt f = {kind, t->decimals, false};
	double mx = 0;
	for (int i = 0; i < t->n; i++)
		mx = fmax(mx, fabs(t->v[i]));
	if (kind == EC_NUMFMT_USD_M) {
		bool all100 = true;
		for (int i = 0; i < t->n; i++) {
			double r = t->v[i] / 100;
			if (fabs(r - round(r)) > 1e-9)
				all100 = false;
		}
		if (mx >= 10000 || (mx >= 2000 && all100)) {
			f.billions = true;
			f.decimals = needed_decimals(t->lo / 1000, t->step / 1000);
		}
	} else if (kind == EC_NUMFMT_USD) {
		if (f.decimals > 0 && f.decimals < 2)
			f.decimals = 2;
	}
	return f;
}

ec_numfmt ec_numfmt_for_value(ec_numfmt_kind kind, double v)
{
	ec_numfmt f = {kind, 0, false};
	double a = fabs(v);
	switch (kind) {
	case EC_NUMFMT_USD_M:
		if (a >= 9999.5) {
			f.billions = true;
			f.decimals = 1;
		} else {
			/* "$87.5M", but "$5M" for a whole number */
			f.decimals = a < 99.95 && fabs(a - round(a)) >= 0.05 ? 1 : 0;
		}
		break;
	case EC_NUMFMT_USD:
		f.decimals = 2;
		break;
	case EC_NUMFMT_PCT:
		f.decimals = 1;
		break;
	case EC_NUMFMT_DAYS:
	case EC_NUMFMT_COUNT:
		f.decimals = fabs(v - round(v)) > 1e-9 ? 1 : 0;
		break;
	}
	return f;
}

/* |v| with d decimals and thousands separators into buf. */
static void group_digits(double a, int d, char *buf, size_t n)
{
	char tmp[400];
	snprintf(tmp, sizeof tmp, "%.*f", d, a);
	const char *dot = strchr(tmp, '.');
	size_t ilen = dot ? (size_t)(dot - tmp) : strlen(tmp);
	size_t o = 0;
	for (size_t i = 0; i < ilen && o + 2 < n; i++) {
		buf[o++] = tmp[i];
		size_t left = ilen - i - 1;
		if (left > 0 && left % 3 == 0 && o + 2 < n)
			buf[o++] = ',';
	}
	if (dot)
		for (const char *p = dot; *p && o + 1 < n; p++)
			buf[o++] = *p;
	buf[o] = '\0';
}

char *ec_numfmt_print(const ec_numfmt *f, double v, char *buf, size_t n)
{
	if (n == 0)
		return buf;
	if (!isfinite(v)) {
		snprintf(buf, n, "n/a");
		return buf;
	}
	int d = f->decimals < 0 ? 0 : f->decimals > 10 ? 10 : f->decimals;
	double x = v;
	if (f->kind == EC_NUMFMT_USD_M && f->billions)
		x = v / 1000;
	double a = fabs(x);
	/* A value that prints as zero gets no sign. */
	double unit = pow(10, -d) / 2;
	bool neg = x < 0 && a >= unit;
	if (a > 1e18) /* keep the digits bounded */
		a = 1e18;
	char num[64];
	group_digits(a, d, num, sizeof num);
	const char *sg = neg ? MINUS : "";
	switch (f->kind) {
	case EC_NUMFMT_USD_M:
		if (a < unit)
			snprintf(buf, n, "$0");
		else
			snprintf(buf, n, "%s$%s%s", sg, num,
			         f->billions ? "B" : "M");
		break;
	case EC_NUMFMT_USD:
		snprintf(buf, n, "%s$%s", sg, num);
		break;
	case EC_NUMFMT_PCT:
		snprintf(buf, n, "%s%s%%", sg, num);
		break;
	default:
		snprintf(buf, n, "%s%s", sg, num);
		break;
	}
	return buf;
}

char *ec_format_value(ec_numfmt_kind kind, double v, char *buf, size_t n)
{
	ec_numfmt f = ec_numfmt_for_value(kind, v);
	return ec_numfmt_print(&f, v, buf, n);
}

/* ---- quarter labels ---- */

void ec_qlabels_free(ec_qlabels *q)
{
	if (!q)
		return;
	free(q->labels);
	q->labels = NULL;
	q->n = 0;
}

typedef struct qctx {
	int q0;
	size_t n;
	double x0, slot, size, gap;
	ec_qlabel *buf; /* capacity 2 * n + 2 */
	size_t cnt;
	ec_error *err;
	ec_err rc;
} qctx;

static int floordiv4(int a) { return a >= 0 ? a / 4 : -((-a + 3) / 4); }

static bool add_label(qctx *c, const char *text, double x, int row,
                      int qindex)
{
	ec_text_metrics m;
	ec_err rc = ec_text_measure(text, c->size, EC_WEIGHT_REGULAR, &m,
	                            c->err);
	if (rc) {
		c->rc = rc;
		return false;
	}
	ec_qlabel *l = &c->buf[c->cnt++];
	snprintf(l->text, sizeof l->text, "%s", text);
	l->x = x;
	l->row = row;
	l->qindex = qindex;
	l->width = m.width;
	return true;
}

/* True when labels on each row keep the gap and stay near the plot. */
static bool fits(const qctx *c, int rows)
{
	double lo = c->x0 - c->slot / 2, hi = c->x0 + (c->n + 0.5) * c->slot;
	for (int r = 0; r < rows; r++) {
		double prev_right = -INFINITY;
		for (size_t i = 0; i < c->cnt; i++) {
			const ec_qlabel *l = &c->buf[i];
			if (l->row != r)
				continue;
			double left = l->x - l->width / 2;
			double right = l->x + l->width / 2;
			if (left < lo - 1e-9 || right > hi + 1e-9)
				return false;
			if (left - prev_right < c->gap)
				return false;
			prev_right = right;
		}
	}
	return true;
}

static double slot_x(const qctx *c, size_t i)
{
	return c->x0 + (i + 0.5) * c->slot;
}

static bool try_every(qctx *c, int step)
{
	c->cnt = 0;
	char b[EC_PERIOD_STRLEN];
	for (size_t i = 0; i < c->n; i++) {
		int qi = c->q0 + (int)i;
		if ((qi % 4 + 4) % 4 % step != 0)
			continue;
		ec_period_short_label(ec_period_from_qindex(qi), b);
		if (!add_label(c, b, slot_x(c, i), 0, qi))
			return false;
	}
	return c->cnt > 0 && fits(c, 1);
}

/* Year labels centred under the year's quarters in range; year_row is 1
 * for the grouped scheme (under Q1..Q4), 0 for years only. */
static bool add_years(qctx *c, int year_row, int ystep)
{
	size_t i = 0;
	while (i < c->n) {
		int qi = c->q0 + (int)i;
		int year = floordiv4(qi);
		size_t j = i;
		while (j < c->n && floordiv4(c->q0 + (int)j) == year)
			j++;
		if (year % ystep == 0) {
			char b[16];
			snprintf(b, sizeof b, "%d", year);
			double x = (slot_x(c, i) + slot_x(c, j - 1)) / 2;
			if (!add_label(c, b, x, year_row, qi))
				return false;
			ec_qlabel *l = &c->buf[c->cnt - 1];
			/* A partial year too narrow for "2010" gets "'10". */
			if (l->width > (double)(j - i) * c->slot) {
				c->cnt--;
				snprintf(b, sizeof b, "'%02d", ((year % 100) + 100) % 100);
				if (!add_label(c, b, x, year_row, qi))
					return false;
			}
		}
		i = j;
	}
	return true;
}

static bool try_grouped(qctx *c)
{
	c->cnt = 0;
	for (size_t i = 0; i < c->n; i++) {
		int qi = c->q0 + (int)i;
		char b[4] = {'Q', (char)('1' + (qi % 4 + 4) % 4), '\0', '\0'};
		if (!add_label(c, b, slot_x(c, i), 0, qi))
			return false;
	}
	if (!add_years(c, 1, 1))
		return false;
	return fits(c, 2);
}

static bool try_years(qctx *c, int ystep)
{
	c->cnt = 0;
	if (!add_years(c, 0, ystep))
		return false;
	return c->cnt > 0 && fits(c, 1);
}

ec_err ec_axis_quarter_labels(int q0, size_t n, double x0, double slot_w,
                              double size_pt, double gap_pt,
                              ec_qlabels *out, ec_error *err)
{
	memset(out, 0, sizeof *out);
	if (n == 0 || !(slot_w > 0) || !isfinite(x0) || !(size_pt > 0) ||
	    n > 100000 || q0 < 0)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "quarter axis: bad arguments (n=%zu, slot "
		                    "%g pt)",
		                    n, slot_w);
	qctx c = {q0, n, x0, slot_w, size_pt, gap_pt < 0 ? 0 : gap_pt,
	          NULL, 0, err, EC_OK};
	c.buf = malloc((2 * n + 2) * sizeof *c.buf);
	if (!c.buf)
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	ec_qlabel_scheme scheme;
	int step = 1, rows = 1;
	if (try_every(&c, 1)) {
		scheme = EC_QLABEL_EVERY;
	} else if (!c.rc && n >= 4 && try_grouped(&c)) {
		scheme = EC_QLABEL_GROUPED;
		rows = 2;
	} else if (!c.rc && try_every(&c, 2)) {
		scheme = EC_QLABEL_THIN;
		step = 2;
	} else if (!c.rc && try_every(&c, 4)) {
		scheme = EC_QLABEL_THIN;
		step = 4;
	} else {
		static const int ysteps[] = {1, 2, 5, 10, 20, 50, 100};
		scheme = EC_QLABEL_YEARS;
		bool ok = false;
		for (size_t k = 0; !c.rc && k < sizeof ysteps / sizeof *ysteps;
		     k++) {
			step = ysteps[k];
			if (try_years(&c, step)) {
				ok = true;
				break;
			}
		}
		if (!ok && !c.rc) {
			/* Nothing fits (a very narrow axis): label only the
			 * first quarter. */
			c.cnt = 0;
			char b[EC_PERIOD_STRLEN];
			ec_period_short_label(ec_period_from_qindex(q0), b);
			scheme = EC_QLABEL_THIN;
			step = (int)n;
			add_label(&c, b, slot_x(&c, 0), 0, q0);
		}
	}
	if (c.rc) {
		free(c.buf);
		return c.rc;
	}
	out->scheme = scheme;
	out->step = step;
	out->rows = rows;
	out->n = c.cnt;
	out->labels = c.buf;
	return EC_OK;
}
