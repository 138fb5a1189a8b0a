/* Trend fits on the quarter index: OLS y = a + b t and log-linear
 * ln y = a + b t (growth per quarter e^b - 1), optionally robust
 * (bisquare), with confidence and prediction intervals from the t
 * distribution.  Gaps in the quarters are real gaps: t is the true
 * quarter index, nothing is interpolated. */
#include "an_internal.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void ec_trend_opts_defaults(ec_trend_opts *o)
{
	memset(o, 0, sizeof *o);
	o->robust = false;
	o->level = 0.95;
	o->allow_linear_only = false;
}

ec_err ec_linfit_ols(const double *x, const double *y, size_t n, ec_linfit *out,
                     ec_error *err)
{
	memset(out, 0, sizeof *out);
	ec_an_gsl_init();
	/* gsl_fit_linear with n = 2 divides by n - 2 = 0 and still reports
	 * success: check before fitting. */
	if (n < 3)
		return ec_error_set(
		        err, EC_ENODATA, NULL, 0, 0,
		        "only %zu points (a fit with standard errors "
		        "needs at least 3)",
		        n);
	for (size_t i = 0; i < n; i++)
		if (!isfinite(x[i]) || !isfinite(y[i]))
			return ec_error_set(err, EC_ENUMERIC, NULL, 0, 0,
			                    "point %zu is not a finite number",
			                    i + 1);
	bool same = true;
	for (size_t i = 1; i < n && same; i++)
		same = x[i] == x[0];
	if (same)
		return ec_error_set(err, EC_ENUMERIC, NULL, 0, 0,
		                    "every x is the same: no slope to fit");
	double c0, c1, cov00, cov01, cov11, sumsq;
	int st = gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11,
	                        &sumsq);
	if (st || !isfinite(c0) || !isfinite(c1) || !isfinite(cov00) ||
	    !isfinite(cov11) || !isfinite(sumsq))
		return ec_error_set(err, EC_ENUMERIC, NULL, 0, 0,
		                    "least-squares fit failed: %s",
		                    st ? gsl_strerror(st) : "not finite");
	/* Total sum of squares about the mean, two-pass for accuracy. */
	double mean = 0;
	for (size_t i = 0; i < n; i++)
		mean += (y[i] - mean) / (double)(i + 1);
	double tss = 0;
	for (size_t i = 0; i < n; i++)
		tss += (y[i] - mean) * (y[i] - mean);
	out->n = n;
	out->dof = (int)n - 2;
	out->b0 = c0;
	out->b1 = c1;
	out->se_b0 = sqrt(cov00);
	out->se_b1 = sqrt(cov11);
	out->cov01 = cov01;
	out->rss = sumsq;
	out->rsd = sqrt(sumsq / (double)(n - 2));
	out->r2 = tss > 0 ? 1.0 - sumsq / tss : 1.0;
	return EC_OK;
}

/* The bisquare fit of y on t; fills *lf like an OLS fit (se and rss
 * from GSL's robust covariance and statistics) and the weights. */
static ec_err robust_fit(const double *t, const double *y, size_t n,
                         ec_linfit *lf, double *weights, ec_error *err)
{
	ec_err rc = EC_OK;
	gsl_matrix *X = gsl_matrix_alloc(n, 2);
	gsl_vector *yv = gsl_vector_alloc(n);
	gsl_vector *c = gsl_vector_alloc(2);
	gsl_matrix *cov = gsl_matrix_alloc(2, 2);
	gsl_multifit_robust_workspace *w =
	        gsl_multifit_robust_alloc(gsl_multifit_robust_bisquare, n, 2);
	if (!X || !yv || !c || !cov || !w) {
		rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		gsl_matrix_set(X, i, 0, 1.0);
		gsl_matrix_set(X, i, 1, t[i]);
		gsl_vector_set(yv, i, y[i]);
	}
	int st = gsl_multifit_robust(X, yv, c, cov, w);
	if (st) {
		rc = ec_error_set(err, EC_ENUMERIC, NULL, 0, 0,
		                  "robust fit failed: %s", gsl_strerror(st));
		goto done;
	}
	gsl_multifit_robust_stats stats = gsl_multifit_robust_statistics(w);
	lf->n = n;
	lf->dof = (int)n - 2;
	lf->b0 = gsl_vector_get(c, 0);
	lf->b1 = gsl_vector_get(c, 1);
	lf->se_b0 = sqrt(gsl_matrix_get(cov, 0, 0));
	lf->se_b1 = sqrt(gsl_matrix_get(cov, 1, 1));
	lf->cov01 = gsl_matrix_get(cov, 0, 1);
	lf->rss = stats.sse;
	lf->rsd = stats.sigma;
	lf->r2 = stats.Rsq;
	bool ok = isfinite(lf->b0) && isfinite(lf->b1) && isfinite(lf->se_b0) &&
	          isfinite(lf->se_b1) && isfinite(lf->rsd);
	for (size_t i = 0; i < n; i++) {
		weights[i] = gsl_vector_get(stats.weights, i);
		ok = ok && isfinite(weights[i]);
	}
	if (!ok)
		rc = ec_error_set(err, EC_ENUMERIC, NULL, 0, 0,
		                  "robust fit gave no finite estimate (are "
		                  "the residuals all zero?)");
done:
	gsl_multifit_robust_free(w);
	gsl_matrix_free(cov);
	gsl_vector_free(c);
	gsl_matrix_free(X);
	gsl_vector_free(yv);
	return rc;
}

/* Re-labels an error from the fitting code with the series name. */
static ec_err named(ec_error *err, ec_err rc, const char *name,
                    const char *what)
{
	if (err) {
		char msg[sizeof err->msg];
		snprintf(msg, sizeof msg, "%s", err->msg);
		ec_error_set(err, rc, NULL, 0, 0, "%s: %s: %s", name, what,
		             msg);
	}
	return rc;
}

ec_err ec_trend_fit(const ec_obs *const *rows, size_t n,
                    const ec_trend_opts *opts, ec_trend *out, ec_error *err)
{
	memset(out, 0, sizeof *out);
	ec_an_gsl_init();
	ec_trend_opts def;
	if (!opts) {
		ec_trend_opts_defaults(&def);
		opts = &def;
	}
	char name[160] = "series";
	if (n)
		ec_an_series_name(rows[0], name, sizeof name);
	if (!(opts->level > 0 && opts->level < 1))
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "%s: confidence level %g is not between 0 "
		                    "and 1",
		                    name, opts->level);
	const ec_obs **q;
	size_t m;
	ec_err rc = ec_an_quarters(rows, n, &q, &m, err);
	if (rc)
		return rc;
	if (m < 3) {
		free(q);
		return ec_error_set(err, EC_ENODATA, NULL, 0, 0,
		                    "%s: only %zu quarterly value%s (a trend "
		                    "needs at least 3)",
		                    name, m, m == 1 ? "" : "s");
	}
	for (size_t i = 0; i < m; i++) {
		if (!isfinite(q[i]->value)) {
			char p[EC_PERIOD_STRLEN];
			ec_period_format(q[i]->period, p);
			free(q);
			return ec_error_set(err, EC_ENUMERIC, NULL, 0, 0,
			                    "%s: the value for %s is not a "
			                    "finite number",
			                    name, p);
		}
	}
	double *t = malloc(m * sizeof *t);
	double *y = malloc(m * sizeof *y);
	double *ly = malloc(m * sizeof *ly);
	double *w = malloc(m * sizeof *w);
	if (!t || !y || !ly || !w) {
		rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	int t0 = ec_period_qindex(q[0]->period);
	const ec_obs *nonpos = NULL;
	for (size_t i = 0; i < m; i++) {
		t[i] = ec_period_qindex(q[i]->period) - t0;
		y[i] = q[i]->value;
		if (y[i] <= 0 && !nonpos)
			nonpos = q[i];
		ly[i] = y[i] > 0 ? log(y[i]) : 0;
	}
	snprintf(out->name, sizeof out->name, "%s", name);
	out->n = m;
	out->first = q[0]->period;
	out->last = q[m - 1]->period;
	out->t0 = t0;
	out->dof = (int)m - 2;
	out->level = opts->level;
	out->robust = opts->robust;
	if (nonpos) {
		char p[EC_PERIOD_STRLEN];
		ec_period_format(nonpos->period, p);
		if (!opts->allow_linear_only) {
			rc = ec_error_set(err, EC_ENUMERIC, NULL, 0, 0,
			                  "%s: the value for %s (%g) is not "
			                  "positive, so no log-linear growth "
			                  "fit",
			                  name, p, nonpos->value);
			goto done;
		}
		snprintf(out->log_note, sizeof out->log_note,
		         "no growth fit: the value for %s (%g) is not positive",
		         p, nonpos->value);
	}
	out->has_log = !nonpos;

	ec_linfit lin, lg;
	memset(&lin, 0, sizeof lin);
	memset(&lg, 0, sizeof lg);
	if ((rc = ec_linfit_ols(t, y, m, &lin, err))) {
		rc = named(err, rc, name, "linear fit");
		goto done;
	}
	if (out->has_log && (rc = ec_linfit_ols(t, ly, m, &lg, err))) {
		rc = named(err, rc, name, "log-linear fit");
		goto done;
	}
	/* With --robust the fit that carries the trend (log when there is
	 * one) is replaced by its bisquare version. */
	if (opts->robust) {
		ec_linfit *target = out->has_log ? &lg : &lin;
		out->ols_b = target->b1;
		out->ols_se_b = target->se_b1;
		ec_linfit rb;
		if ((rc = robust_fit(t, out->has_log ? ly : y, m, &rb, w,
		                     err))) {
			rc = named(err, rc, name, "robust fit");
			goto done;
		}
		*target = rb;
		for (size_t i = 0; i < m; i++) {
			if (w[i] >= 0.5 ||
			    out->n_outliers >= EC_TREND_MAX_OUTLIERS)
				continue;
			out->outliers[out->n_outliers] = q[i]->period;
			out->outlier_weight[out->n_outliers] = w[i];
			out->n_outliers++;
		}
	}
	out->lin_a = lin.b0;
	out->lin_b = lin.b1;
	out->lin_se_a = lin.se_b0;
	out->lin_se_b = lin.se_b1;
	out->lin_cov_ab = lin.cov01;
	out->lin_r2 = lin.r2;
	out->lin_rse = lin.rsd;
	out->lin_rss = lin.rss;

	out->t_crit = gsl_cdf_tdist_Pinv(1.0 - (1.0 - opts->level) / 2.0,
	                                 (double)out->dof);
	if (!isfinite(out->t_crit)) {
		rc = ec_error_set(err, EC_ENUMERIC, NULL, 0, 0,
		                  "%s: no t quantile for %d degrees of freedom",
		                  name, out->dof);
		goto done;
	}
	double tc = out->t_crit;
	double tn = (double)(ec_period_qindex(out->last) + 1 - t0);
	out->next = ec_period_add_quarters(out->last, 1);
	if (out->has_log) {
		out->log_a = lg.b0;
		out->log_b = lg.b1;
		out->log_se_a = lg.se_b0;
		out->log_se_b = lg.se_b1;
		out->log_cov_ab = lg.cov01;
		out->log_r2 = lg.r2;
		out->log_rse = lg.rsd;
		out->log_rss = lg.rss;
		double b = lg.b1, d = tc * lg.se_b1;
		out->g_q = expm1(b);
		out->g_q_lo = expm1(b - d);
		out->g_q_hi = expm1(b + d);
		out->cagr = expm1(4 * b);
		out->cagr_lo = expm1(4 * (b - d));
		out->cagr_hi = expm1(4 * (b + d));
		/* Prediction on the log scale: residual variance plus the
		 * variance of the fitted mean at tn. */
		double mfit = lg.b0 + lg.b1 * tn;
		double var = lg.rsd * lg.rsd + lg.se_b0 * lg.se_b0 +
		             2 * tn * lg.cov01 + tn * tn * lg.se_b1 * lg.se_b1;
		double se = sqrt(fmax(var, 0));
		out->next_from_log = true;
		out->next_value = exp(mfit);
		out->next_lo = exp(mfit - tc * se);
		out->next_hi = exp(mfit + tc * se);
	} else {
		out->g_q = out->g_q_lo = out->g_q_hi = NAN;
		out->cagr = out->cagr_lo = out->cagr_hi = NAN;
		out->log_a = out->log_b = out->log_se_a = out->log_se_b = NAN;
		out->log_cov_ab = out->log_r2 = out->log_rse = NAN;
		out->log_rss = NAN;
		double mfit = lin.b0 + lin.b1 * tn;
		double var = lin.rsd * lin.rsd + lin.se_b0 * lin.se_b0 +
		             2 * tn * lin.cov01 +
		             tn * tn * lin.se_b1 * lin.se_b1;
		double se = sqrt(fmax(var, 0));
		out->next_from_log = false;
		out->next_value = mfit;
		out->next_lo = mfit - tc * se;
		out->next_hi = mfit + tc * se;
	}
	if (!opts->robust)
		out->ols_b = out->ols_se_b = NAN;
done:
	if (rc) {
		memset(out, 0, sizeof *out);
	}
	free(q);
	free(t);
	free(y);
	free(ly);
	free(w);
	return rc;
}

void ec_trend_eval(const ec_trend *t, int qindex, double *fit, double *lo,
                   double *hi)
{
	double x = (double)(qindex - t->t0);
	double f, l, h;
	if (t->n < 3) {
		f = l = h = NAN;
	} else if (t->has_log) {
		double m = t->log_a + t->log_b * x;
		double var = t->log_se_a * t->log_se_a + 2 * x * t->log_cov_ab +
		             x * x * t->log_se_b * t->log_se_b;
		double d = t->t_crit * sqrt(fmax(var, 0));
		f = exp(m);
		l = exp(m - d);
		h = exp(m + d);
	} else {
		double m = t->lin_a + t->lin_b * x;
		double var = t->lin_se_a * t->lin_se_a + 2 * x * t->lin_cov_ab +
		             x * x * t->lin_se_b * t->lin_se_b;
		double d = t->t_crit * sqrt(fmax(var, 0));
		f = m;
		l = m - d;
		h = m + d;
	}
	if (fit)
		*fit = f;
	if (lo)
		*lo = l;
	if (hi)
		*hi = h;
}
