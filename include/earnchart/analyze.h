/* earnchart: analytics with GSL: trend and growth, margins, guidance
 * accuracy.  GSL's error handler is turned off by the library; every GSL
 * status is checked; n and finiteness are validated before any fit.
 * Results are values owned by the caller. */
#ifndef EARNCHART_ANALYZE_H
#define EARNCHART_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "earnchart/error.h"
#include "earnchart/period.h"
#include "earnchart/series.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- trend -------------------------------------------------------- */

#define EC_TREND_MAX_OUTLIERS 32

typedef struct ec_trend_opts {
	bool robust;  /* bisquare robust fit (gsl_multifit_robust) */
	double level; /* confidence level, default 0.95 */
} ec_trend_opts;

void ec_trend_opts_defaults(ec_trend_opts *o);

/* A trend fitted on the quarter index t = qindex(period) - t0, where t0
 * is the first period's index.  Gaps are real gaps: no interpolation. */
typedef struct ec_trend {
	size_t n;
	ec_period first, last;
	int t0;
	int dof; /* n - 2 */
	double level;
	/* OLS y = a + b t */
	double lin_a, lin_b, lin_se_a, lin_se_b, lin_r2, lin_rse;
	/* log-linear ln y = a + b t (all y > 0) */
	bool has_log;
	double log_a, log_b, log_se_a, log_se_b, log_cov_ab, log_r2, log_rse;
	/* growth per quarter e^b - 1 and CAGR e^(4b) - 1, each with its
	 * confidence interval at `level`; as fractions (0.05 = 5 %) */
	double g_q, g_q_lo, g_q_hi;
	double cagr, cagr_lo, cagr_hi;
	/* projection of the quarter after `last`, with prediction interval */
	ec_period next;
	double next_value, next_lo, next_hi;
	/* robust fit: points down-weighted (weight < 0.5) */
	bool robust;
	size_t n_outliers;
	ec_period outliers[EC_TREND_MAX_OUTLIERS];
	double outlier_weight[EC_TREND_MAX_OUTLIERS];
} ec_trend;

/* Fits rows (quarterly actuals of one series, any order; rows that are
 * not quarters are ignored) .  Fewer than 3 quarters, non-finite values,
 * or a non-positive value (the log fit) give EC_ENUMERIC / EC_ENODATA with
 * a message naming the series and the reason; out is then zeroed. */
ec_err ec_trend_fit(const ec_obs *const *rows, size_t n,
                    const ec_trend_opts *opts, ec_trend *out, ec_error *err);

/* The log-linear fit at quarter index qindex, and its confidence band for
 * the mean (lo, hi) at the trend's level.  Any pointer may be NULL. */
void ec_trend_eval(const ec_trend *t, int qindex, double *fit, double *lo,
                   double *hi);

/* ---- guidance accuracy -------------------------------------------- */

typedef enum ec_position {
	EC_POS_BELOW = 0,
	EC_POS_WITHIN = 1,
	EC_POS_ABOVE = 2
} ec_position;

const char *ec_position_name(ec_position p); /* "below" "within" "above" */

/* One guided period joined to its actual.  Percentages in percent. */
typedef struct ec_guidance_row {
	const ec_obs *guide;  /* borrowed from the input store */
	const ec_obs *actual; /* NULL when no actual is known */
	bool comparable;      /* false: e.g. GAAP actual vs non-GAAP guide */
	const char *why_not;  /* static text when !comparable or no actual */
	double low, high;     /* high NAN for one-sided ("25% or higher") */
	double mid;           /* midpoint; the bound for one-sided/point */
	double actual_value;
	ec_position pos;
	double surprise_mid_pct; /* (A - mid) / |mid| * 100 */
	double surprise_top_pct; /* (A - high) / |high| * 100; NAN if open */
	double pos_in_range;     /* (A - L) / (H - L); NAN if H == L or open */
	double width_pct;        /* (H - L) / |mid| * 100 */
} ec_guidance_row;

/* Aggregates for one (metric, segment, basis). */
typedef struct ec_guidance_summary {
	const char *metric, *segment; /* borrowed from the input store */
	ec_basis basis;
	size_t n;                     /* scored rows */
	double hit_rate, share_above, share_below; /* fractions */
	/* vs midpoint and vs top of range, in percent */
	double mean_mid, t_mid, p_mid, mean_abs_mid, median_mid;
	double mean_top, t_top, p_top, mean_abs_top, median_top;
	size_t n_beats;  /* actual above the midpoint */
	double sign_p;   /* P(X >= n_beats), X ~ Binomial(n, 1/2) */
} ec_guidance_summary;

typedef struct ec_scorecard ec_scorecard;

/* Joins every guidance row of s matching sel (kind is ignored) to the
 * actual of the same company, period, metric, segment and basis. */
ec_err ec_guidance_score(const ec_series *s, const ec_select *sel,
                         ec_scorecard **out, ec_error *err);
void ec_scorecard_free(ec_scorecard *sc);
size_t ec_scorecard_count(const ec_scorecard *sc);
const ec_guidance_row *ec_scorecard_row(const ec_scorecard *sc, size_t i);
size_t ec_scorecard_summary_count(const ec_scorecard *sc);
const ec_guidance_summary *ec_scorecard_summary(const ec_scorecard *sc,
                                                size_t i);

/* ---- margins ------------------------------------------------------ */

/* Adds to s a derived margin row (source_role "derived", quote naming the
 * inputs) for every company, period and basis where income and revenue
 * of the same basis are known but the margin is not stated:
 * operating_margin = operating_income / revenue, gross_margin =
 * gross_profit / revenue.  *n_added may be NULL.  Stated and derived
 * values that disagree beyond rounding are counted in *n_disagree (may
 * be NULL) and listed by ec_analyze. */
ec_err ec_margins_derive(ec_series *s, size_t *n_added, size_t *n_disagree,
                         ec_error *err);

/* ---- the whole analysis ------------------------------------------- */

typedef enum ec_report_format {
	EC_REPORT_TEXT = 0,
	EC_REPORT_CSV = 1,
	EC_REPORT_JSON = 2
} ec_report_format;

typedef struct ec_analyze_opts {
	const char *company; /* NULL: every company */
	const char *metric;  /* NULL: revenue trend, margins, every guided metric */
	const char *segment; /* NULL: "total" */
	int basis;           /* ec_basis or -1 for every basis */
	bool robust;
	double level;        /* default 0.95 */
} ec_analyze_opts;

void ec_analyze_opts_defaults(ec_analyze_opts *o);

typedef struct ec_analysis ec_analysis;

/* Runs trend, growth, margins and guidance accuracy on s.  Series that
 * cannot be fitted are reported inside the analysis (with the reason),
 * not as a failure. */
ec_err ec_analyze(const ec_series *s, const ec_analyze_opts *opts,
                  ec_analysis **out, ec_error *err);
void ec_analysis_free(ec_analysis *a);

/* Writes the analysis: a report for a person (text) or the same numbers
 * for programs (csv, json). */
ec_err ec_analysis_write(const ec_analysis *a, FILE *f, ec_report_format fmt,
                         ec_error *err);

#ifdef __cplusplus
}
#endif
#endif
