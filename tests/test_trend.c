/* Trend fits: NIST StRD Norris through ec_linfit_ols (the code every trend
 * goes through), exact growth of a perfect exponential with a gap, a
 * hand-computed OLS, the robust fit catching an outlier, and clear errors
 * naming the series. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/analyze.h"
#include "testlib.h"

/* Reads tests/data/nist_norris.csv ("x,y" header, then pairs) with plain
 * C: the series CSV reader is not involved. */
static size_t read_norris(double *x, double *y, size_t cap)
{
	FILE *f = fopen(EC_TEST_DATA "/nist_norris.csv", "r");
	if (!f)
		return 0;
	char line[256];
	size_t n = 0;
	bool header = true;
	while (fgets(line, sizeof line, f) && n < cap) {
		if (header) {
			header = false;
			continue;
		}
		char *end;
		x[n] = strtod(line, &end);
		if (end == line || *end != ',')
			break;
		char *p = end + 1;
		y[n] = strtod(p, &end);
		if (end == p)
			break;
		n++;
	}
	fclose(f);
	return n;
}

static void test_norris(void)
{
	double x[64], y[64];
	size_t n = read_norris(x, y, 64);
	CHECK(n == 36, "norris: 36 pairs read (got %zu)", n);
	ec_linfit f;
	ec_error err;
	ec_err rc = ec_linfit_ols(x, y, n, &f, &err);
	CHECK(rc == EC_OK, "norris: fit succeeds");
	/* Certified values, tests/data/nist_norris.md. */
	const double rel = 1e-9;
	CHECK_REL(f.b0, -0.262323073774029, rel, "norris B0");
	CHECK_REL(f.b1, 1.00211681802045, rel, "norris B1");
	CHECK_REL(f.se_b0, 0.232818234301152, rel, "norris SD of B0");
	CHECK_REL(f.se_b1, 0.429796848199937E-03, rel, "norris SD of B1");
	CHECK_REL(f.rss, 26.6173985294224, rel, "norris residual SS");
	CHECK_REL(f.rsd, 0.884796396144373, rel, "norris residual SD");
	CHECK_REL(f.r2, 0.999993745883712, rel, "norris R-squared");
	CHECK(f.dof == 34, "norris dof 34 (got %d)", f.dof);
}

/* A store-free row for company ACME. */
static ec_obs row(const char *metric, ec_basis b, ec_period p, double v)
{
	ec_obs o = ec_obs_init();
	o.company = "ACME";
	o.metric = metric;
	o.segment = "total";
	o.basis = b;
	o.kind = EC_KIND_ACTUAL;
	o.unit = EC_UNIT_USD_M;
	o.period = p;
	o.value = v;
	return o;
}

static void test_exponential(void)
{
	/* y = 500 * 1.03^t on 2008Q1..2010Q4, 2009Q2 (t = 5) missing: a
	 * fit that closed the gap would see a faster growth. */
	ec_obs o[12];
	const ec_obs *p[12];
	size_t n = 0;
	ec_period q0 = ec_period_quarter(2008, 1);
	for (int t = 0; t < 12; t++) {
		if (t == 5)
			continue;
		o[n] = row("revenue", EC_BASIS_GAAP,
		           ec_period_add_quarters(q0, t), 500 * pow(1.03, t));
		n++;
	}
	/* any order */
	for (size_t i = 0; i < n; i++)
		p[i] = &o[n - 1 - i];
	ec_trend tr;
	ec_error err;
	ec_err rc = ec_trend_fit(p, n, NULL, &tr, &err);
	CHECK(rc == EC_OK, "exponential: fit succeeds");
	CHECK(tr.n == 11, "exponential: n = 11 (got %zu)", tr.n);
	CHECK(tr.has_log, "exponential: has a log fit");
	CHECK_REL(tr.g_q, 0.03, 1e-12, "exponential: growth per quarter 3 %");
	CHECK(fabs(tr.g_q_hi - tr.g_q_lo) < 1e-12,
	      "exponential: zero-width growth interval (%.3g)",
	      tr.g_q_hi - tr.g_q_lo);
	CHECK_REL(tr.cagr, pow(1.03, 4) - 1, 1e-12, "exponential: CAGR");
	CHECK(fabs(tr.cagr_hi - tr.cagr_lo) < 1e-12,
	      "exponential: zero-width CAGR interval");
	CHECK_REL(tr.log_r2, 1.0, 1e-12, "exponential: R^2 = 1");
	CHECK(tr.log_rse < 1e-12, "exponential: RSE 0 (%.3g)", tr.log_rse);
	char buf[EC_PERIOD_STRLEN];
	CHECK_STR(ec_period_format(tr.first, buf), "2008Q1",
	          "exponential: first");
	CHECK_STR(ec_period_format(tr.last, buf), "2010Q4",
	          "exponential: last");
	CHECK_STR(ec_period_format(tr.next, buf), "2011Q1",
	          "exponential: next");
	CHECK_REL(tr.next_value, 500 * pow(1.03, 12), 1e-10,
	          "exponential: projection 500 * 1.03^12");
	CHECK(fabs(tr.next_hi - tr.next_lo) < 1e-6,
	      "exponential: zero-width prediction interval");
	double fit, lo, hi;
	ec_trend_eval(&tr, ec_period_qindex(ec_period_quarter(2009, 2)), &fit,
	              &lo, &hi);
	CHECK_REL(fit, 500 * pow(1.03, 5), 1e-10,
	          "exponential: eval at the missing quarter");
}

static void test_hand_ols(void)
{
	/* t = 0..3, y = 1, 3, 2, 5.  By hand: mean t 1.5, mean y 2.75,
	 * Sxx = 5, Sxy = 5.5, b = 1.1, a = 2.75 - 1.1 * 1.5 = 1.1; fitted
	 * 1.1 2.2 3.3 4.4, residuals -0.1 0.8 -1.3 0.6, RSS = 2.7, s =
	 * sqrt(2.7 / 2), se_b = s / sqrt(5), Syy = 8.75, R^2 = 1 - 2.7 /
	 * 8.75.  t(0.975, 2) = 4.302652729911275 (tables). */
	ec_obs o[4];
	const ec_obs *p[4];
	double y[4] = {1, 3, 2, 5};
	for (int i = 0; i < 4; i++) {
		o[i] = row("revenue", EC_BASIS_GAAP,
		           ec_period_quarter(2010, i + 1), y[i]);
		p[i] = &o[i];
	}
	ec_trend tr;
	ec_error err;
	CHECK(ec_trend_fit(p, 4, NULL, &tr, &err) == EC_OK, "hand OLS: fit");
	CHECK_REL(tr.lin_b, 1.1, 1e-12, "hand OLS: slope");
	CHECK_REL(tr.lin_a, 1.1, 1e-12, "hand OLS: intercept");
	CHECK_REL(tr.lin_rss, 2.7, 1e-12, "hand OLS: RSS");
	CHECK_REL(tr.lin_rse, sqrt(2.7 / 2), 1e-12, "hand OLS: RSE");
	CHECK_REL(tr.lin_se_b, sqrt(2.7 / 2) / sqrt(5), 1e-12,
	          "hand OLS: se b");
	CHECK_REL(tr.lin_r2, 1 - 2.7 / 8.75, 1e-12, "hand OLS: R^2");
	CHECK_REL(tr.t_crit, 4.302652729911275, 1e-9, "hand OLS: t quantile");
	CHECK(tr.dof == 2, "hand OLS: dof 2");
	ec_trend_opts to;
	ec_trend_opts_defaults(&to);
	to.level = 0.90;
	CHECK(ec_trend_fit(p, 4, &to, &tr, &err) == EC_OK,
	      "hand OLS: 90 %% fit");
	CHECK_REL(tr.t_crit, 2.919985580355516, 1e-9,
	          "hand OLS: t(0.95, 2) at level 0.90");
}

static void test_robust(void)
{
	/* 12 quarters growing 2 % a quarter with a small deterministic
	 * wiggle (+-0.3 %), and 2011Q2 50 % too high. */
	ec_obs o[12];
	const ec_obs *p[12];
	ec_period q0 = ec_period_quarter(2010, 1);
	for (int t = 0; t < 12; t++) {
		double wiggle = 1 + 0.003 * ((t * 7) % 5 - 2) / 2.0;
		double v = 800 * pow(1.02, t) * wiggle;
		if (t == 5)
			v *= 1.5;
		o[t] = row("revenue", EC_BASIS_GAAP,
		           ec_period_add_quarters(q0, t), v);
		p[t] = &o[t];
	}
	ec_trend_opts to;
	ec_trend_opts_defaults(&to);
	to.robust = true;
	ec_trend tr, ols;
	ec_error err;
	ec_err rc = ec_trend_fit(p, 12, &to, &tr, &err);
	CHECK(rc == EC_OK, "robust: fit succeeds (%s)", rc ? err.msg : "ok");
	CHECK(tr.robust, "robust: flagged robust");
	CHECK(tr.n_outliers == 1, "robust: one point down-weighted (got %zu)",
	      tr.n_outliers);
	char buf[EC_PERIOD_STRLEN];
	CHECK_STR(tr.n_outliers ? ec_period_format(tr.outliers[0], buf) : "",
	          "2011Q2", "robust: the outlier is 2011Q2");
	CHECK(tr.n_outliers && tr.outlier_weight[0] < 0.5,
	      "robust: its weight is below 0.5");
	CHECK(fabs(tr.g_q - 0.02) < 0.002,
	      "robust: growth near 2 %% (got %.5f)", tr.g_q);
	CHECK(ec_trend_fit(p, 12, NULL, &ols, &err) == EC_OK,
	      "robust: OLS fit");
	CHECK(fabs(ols.g_q - 0.02) > fabs(tr.g_q - 0.02),
	      "robust: closer to the truth than OLS (%.5f vs %.5f)", tr.g_q,
	      ols.g_q);
	CHECK(ols.n_outliers == 0 && !ols.robust,
	      "robust: OLS names no outlier");
	CHECK_REL(tr.ols_b, ols.log_b, 1e-12, "robust: keeps the OLS slope");
}

static void test_errors(void)
{
	ec_obs o[4];
	const ec_obs *p[4];
	ec_trend tr;
	ec_error err;
	for (int i = 0; i < 4; i++) {
		o[i] = row("revenue", EC_BASIS_GAAP,
		           ec_period_quarter(2012, i + 1), 100 + i);
		p[i] = &o[i];
	}
	ec_err rc = ec_trend_fit(p, 2, NULL, &tr, &err);
	CHECK(rc == EC_ENODATA, "errors: 2 points is EC_ENODATA");
	CHECK(strstr(err.msg, "ACME revenue total gaap") != NULL,
	      "errors: message names the series: %s", err.msg);
	CHECK(strstr(err.msg, "only 2") != NULL, "errors: message says why: %s",
	      err.msg);
	CHECK(tr.n == 0 && tr.lin_b == 0, "errors: out zeroed");

	o[2].value = -5;
	rc = ec_trend_fit(p, 4, NULL, &tr, &err);
	CHECK(rc == EC_ENUMERIC, "errors: non-positive is EC_ENUMERIC");
	CHECK(strstr(err.msg, "ACME revenue") && strstr(err.msg, "2012Q3") &&
	              strstr(err.msg, "not positive"),
	      "errors: names series, quarter, reason: %s", err.msg);
	ec_trend_opts to;
	ec_trend_opts_defaults(&to);
	to.allow_linear_only = true;
	rc = ec_trend_fit(p, 4, &to, &tr, &err);
	CHECK(rc == EC_OK && !tr.has_log && strstr(tr.log_note, "2012Q3"),
	      "errors: linear-only fit when allowed: %s", tr.log_note);
	CHECK(isnan(tr.g_q) && isfinite(tr.lin_b) && !tr.next_from_log,
	      "errors: no growth numbers, linear projection");

	o[2].value = NAN;
	rc = ec_trend_fit(p, 4, NULL, &tr, &err);
	CHECK(rc == EC_ENUMERIC && strstr(err.msg, "not a finite") &&
	              strstr(err.msg, "2012Q3") && strstr(err.msg, "ACME"),
	      "errors: non-finite named: %s", err.msg);
	o[2].value = INFINITY;
	rc = ec_trend_fit(p, 4, NULL, &tr, &err);
	CHECK(rc == EC_ENUMERIC, "errors: infinity refused");

	o[2].value = 102;
	o[3].period = o[2].period;
	rc = ec_trend_fit(p, 4, NULL, &tr, &err);
	CHECK(rc == EC_EINVAL && strstr(err.msg, "two values"),
	      "errors: two rows for one quarter: %s", err.msg);

	o[3].period = ec_period_quarter(2012, 4);
	ec_obs fy =
	        row("revenue", EC_BASIS_GAAP, ec_period_quarter(2012, 4), 400);
	fy.period.type = EC_PERIOD_YEAR;
	fy.period.n = 0;
	const ec_obs *p2[5] = {p[0], p[1], &fy, p[2], p[3]};
	rc = ec_trend_fit(p2, 5, NULL, &tr, &err);
	CHECK(rc == EC_OK && tr.n == 4, "errors: a fiscal-year row is ignored");

	to.level = 1.5;
	rc = ec_trend_fit(p, 4, &to, &tr, &err);
	CHECK(rc == EC_EINVAL, "errors: level 1.5 refused");

	double x[3] = {1, 1, 1}, y[3] = {1, 2, 3};
	ec_linfit lf;
	CHECK(ec_linfit_ols(x, y, 3, &lf, &err) == EC_ENUMERIC,
	      "errors: constant x refused");
	CHECK(ec_linfit_ols(x, y, 2, &lf, &err) == EC_ENODATA,
	      "errors: n = 2 refused before gsl_fit_linear");
}

int main(void)
{
	test_norris();
	test_exponential();
	test_hand_ols();
	test_robust();
	test_errors();
	return ec_test_done();
}
