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

/* ---- straight-line least squares ---------------------------------- */

/* y = b0 + b1 x by ordinary least squares (gsl_fit_linear).  Standard
 * errors use s^2 = rss / dof; r2 = 1 - rss / sum (y - mean y)^2 (1 when y
 * is constant and the fit exact). */
typedef struct ec_linfit {
	size_t n;
	int dof; /* n - 2 */
	double b0, b1;
	double se_b0, se_b1, cov01;
	double rss; /* residual sum of squares */
	double rsd; /* residual standard deviation sqrt(rss / dof) */
	double r2;
} ec_linfit;

/* Fits n (x, y) pairs.  n < 3, a non-finite value, or x all equal give
 * EC_ENUMERIC / EC_ENODATA with a message (out zeroed).  This is the code
 * the trend fits go through (tested against NIST StRD Norris). */
ec_err ec_linfit_ols(const double *x, const double *y, size_t n, ec_linfit *out,
                     ec_error *err);

/* ---- trend -------------------------------------------------------- */

#define EC_TREND_MAX_OUTLIERS 32

typedef struct ec_trend_opts {
	bool robust;  /* bisquare robust fit (gsl_multifit_robust) */
	double level; /* confidence level, default 0.95 */
	/* When true, a series with a non-positive value is still fitted on
	 * the linear scale: has_log is false, log_note says why, and the
	 * projection and ec_trend_eval use the linear fit.  Default false:
	 * such a series is an error (EC_ENUMERIC). */
	bool allow_linear_only;
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
	double lin_cov_ab, lin_rss, log_rss;
	double t_crit;      /* two-sided t quantile at level, dof */
	bool next_from_log; /* projection from the log fit (else linear) */
	/* With opts.robust: the log fit (or the linear fit when has_log is
	 * false) is the bisquare fit; these are the plain OLS values of that
	 * fit for comparison. */
	double ols_b, ols_se_b;
	char log_note[160]; /* why has_log is false; "" otherwise */
	char name[160];     /* "JNPR revenue total gaap": the series fitted */
} ec_trend;

/* Fits rows (quarterly actuals of one series, any order; rows that are
 * not quarters are ignored) .  Fewer than 3 quarters, non-finite values,
 * or a non-positive value (the log fit) give EC_ENUMERIC / EC_ENODATA with
 * a message naming the series and the reason; out is then zeroed.  Two
 * rows for one quarter are EC_EINVAL (pass one series).  opts may be NULL
 * (defaults).  Growth per quarter is e^b - 1, its interval
 * e^(b -/+ t se_b) - 1; the projection is e^(a + b t) (the median of a
 * log-normal) with the interval e^(a + b t -/+ t_crit sqrt(s^2 + var fit)).
 * rows are borrowed, not kept. */
ec_err ec_trend_fit(const ec_obs *const *rows, size_t n,
                    const ec_trend_opts *opts, ec_trend *out, ec_error *err);

/* The log-linear fit at quarter index qindex (ec_period_qindex), and its
 * confidence band for the mean (lo, hi) at the trend's level; the linear
 * fit when has_log is false.  Any pointer may be NULL. */
void ec_trend_eval(const ec_trend *t, int qindex, double *fit, double *lo,
                   double *hi);

/* ---- growth ------------------------------------------------------- */

/* True for flow metrics, whose quarters add up to a year: revenue,
 * gross_profit, operating_income, operating_expenses, net_income,
 * operating_cash_flow, capex, free_cash_flow and eps_diluted (trailing
 * twelve-month EPS is the standard sum of four quarterly EPS figures).
 * Margins, rates, balances (backlog, cash, deferred revenue), dso and
 * headcount are not flows. */
bool ec_metric_is_flow(const char *metric);

/* One quarter of a series with its comparisons.  NAN where the
 * comparison quarter is missing (never interpolated) or its value is 0. */
typedef struct ec_growth_row {
	ec_period period;
	double value;
	double qoq_abs, qoq_pct; /* vs the prior quarter: change in the unit,
	                          * and (v - p) / |p| * 100 */
	double yoy_abs, yoy_pct; /* vs the same quarter a year earlier */
	double ttm;         /* sum of the 4 quarters ending here (flows only) */
	double ttm_yoy_pct; /* TTM vs the TTM a year earlier */
} ec_growth_row;

/* QoQ, YoY and trailing-four-quarter sums of one series (rows in any
 * order; non-quarter rows ignored; two rows for one quarter are
 * EC_EINVAL).  *out is allocated in period order (free() it), *n_out
 * rows; NULL and 0 when no quarter is given.  ttm is computed only when
 * flow is true. */
ec_err ec_growth_compute(const ec_obs *const *rows, size_t n, bool flow,
                         ec_growth_row **out, size_t *n_out, ec_error *err);

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
	const ec_obs *actual; /* NULL when no actual is known; when
	                       * !comparable, the actual of the other basis
	                       * (shown, never scored) */
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
	double surprise_mid;     /* A - mid, in the unit (points for pct) */
	double surprise_top;     /* A - high, in the unit; NAN if open */
	bool in_summary;         /* this row is the one counted for its
	                          * period in the aggregates */
	const char *company;     /* the company the row is scored for (the
	                          * join may fill an empty one); borrowed */
} ec_guidance_row;

/* Aggregates for one (company, metric, segment, basis) over the rows
 * with in_summary, comparable and an actual. */
typedef struct ec_guidance_summary {
	const char *metric, *segment; /* borrowed from the input store */
	ec_basis basis;
	size_t n;                                  /* scored rows */
	double hit_rate, share_above, share_below; /* fractions */
	/* vs midpoint and vs top of range, in percent */
	double mean_mid, t_mid, p_mid, mean_abs_mid, median_mid;
	double mean_top, t_top, p_top, mean_abs_top, median_top;
	size_t n_beats;      /* actual above the midpoint */
	double sign_p;       /* P(X >= n_beats), X ~ Binomial(n, 1/2) */
	const char *company; /* borrowed; summaries are per company too */
	ec_unit unit;
	size_t n_top;       /* rows with an upper bound (vs-top stats) */
	size_t n_ties;      /* actual exactly at the midpoint: left out of
	                      * the sign test, whose n is n - n_ties */
	size_t n_beats_top; /* actual above the top of the range */
	size_t n_ties_top;
	double sign_p_top;    /* P(X >= n_beats_top), X ~ Bin(n_top - ties) */
	double mean_mid_unit; /* mean A - mid, in the unit */
	size_t n_rows; /* every guidance row of the group, scored or not */
	size_t n_not_comparable, n_no_actual;
} ec_guidance_summary;

typedef struct ec_scorecard ec_scorecard;

/* Joins every guidance row of s matching sel (kind is ignored) to the
 * actual of the same company, period, metric, segment and basis.  sel may
 * be NULL (every guidance row).
 *
 * Company: rows with an empty company (a transcript that names no ticker)
 * join rows of company C when C is the only non-empty company in s; the
 * row's own company is tried first.  With two or more companies an empty
 * company joins only an empty company.
 *
 * Basis: an actual of another basis is never used.  A guide whose actual
 * exists only on another basis (non-GAAP EPS guidance, GAAP EPS actual),
 * or in another unit, is listed with comparable false and why_not set.
 *
 * Bounds: low and high both set is a range (mid = the midpoint); only low
 * ("25% or higher") is a floor: within when A >= low, high NAN; only high
 * ("up to") is a ceiling: within when A <= high, low NAN; neither, with a
 * value, is a point forecast (low = high = value).  mid is the bound of a
 * one-sided or point guide.
 *
 * Every guidance row is scored (a period guided on several dates gives
 * several rows).  The aggregates count each guided period once: the row
 * issued last on or before the period's end (an undated row ranks before
 * every dated one; if every row was issued after the end, the latest).
 * That row has in_summary true.  Rows are ordered by company, metric,
 * segment, basis, period, issued.  Summaries (one per company, metric,
 * segment, basis) use comparable rows with an actual; t and p need n >= 2
 * and a non-zero spread, else NAN.  *out is owned by the caller. */
ec_err ec_guidance_score(const ec_series *s, const ec_select *sel,
                         ec_scorecard **out, ec_error *err);
void ec_scorecard_free(ec_scorecard *sc);
size_t ec_scorecard_count(const ec_scorecard *sc);
const ec_guidance_row *ec_scorecard_row(const ec_scorecard *sc, size_t i);
size_t ec_scorecard_summary_count(const ec_scorecard *sc);
const ec_guidance_summary *ec_scorecard_summary(const ec_scorecard *sc,
                                                size_t i);

/* ---- margins ------------------------------------------------------ */

/* Revenue used as a margin's denominator: revenue of the same company,
 * period and segment on the margin's basis if stated, else GAAP revenue
 * (revenue is GAAP; a non-GAAP operating margin is non-GAAP operating
 * income over GAAP revenue). */

/* Adds to s a derived margin row (source_role "derived", quote naming the
 * inputs) for every company, period and basis where income and revenue
 * of the same basis are known but the margin is not stated:
 * operating_margin = operating_income / revenue, gross_margin =
 * gross_profit / revenue.  *n_added may be NULL.  Stated and derived
 * values that disagree beyond rounding are counted in *n_disagree (may
 * be NULL) and listed by ec_analyze. */
ec_err ec_margins_derive(ec_series *s, size_t *n_added, size_t *n_disagree,
                         ec_error *err);

/* A stated margin and the margin its income and revenue give. */
typedef struct ec_margin_diff {
	const ec_obs *stated;           /* borrowed from the store */
	const ec_obs *income, *revenue; /* borrowed from the store */
	double derived;                 /* 100 * income / revenue, in percent */
	double diff;                    /* stated - derived, in points */
	double tolerance;               /* what rounding allows, in points */
} ec_margin_diff;

/* Stated margins (company rows, not derived ones) that disagree with
 * income / revenue beyond rounding: half a unit in the last decimal of
 * the stated margin (as written in the CSV cell when the row was read
 * from one; at least one decimal), plus the effect of half a unit in the
 * last decimal of income and revenue, and never less than the pct
 * tolerance 0.05 points.  *out allocated (free() it), NULL when none;
 * its pointers are borrowed from s. */
ec_err ec_margin_disagreements(const ec_series *s, ec_margin_diff **out,
                               size_t *n, ec_error *err);

/* One quarter of the margin picture for a company and segment.  NAN where
 * unknown. *_derived is true when the margin came from a derived row. */
typedef struct ec_margin_row {
	ec_period period;
	double revenue;      /* GAAP revenue */
	double op_margin[2]; /* [EC_BASIS_GAAP], [EC_BASIS_NON_GAAP] */
	bool op_derived[2];
	double gross_margin[2];
	bool gross_derived[2];
	double op_spread;    /* non-GAAP minus GAAP operating margin, points */
	double gross_spread; /* the same for gross margin */
	/* Incremental operating margin, 100 * delta income / delta revenue,
	 * vs the prior quarter and vs the year-ago quarter, per basis.
	 * Income is the stated operating income, else margin x revenue
	 * (op_income_implied tells).  NAN when a quarter is missing or the
	 * revenue change is below 2 % of revenue: the ratio is noise. */
	double op_income[2];
	bool op_income_implied[2];
	double incr_qoq[2], incr_yoy[2];
} ec_margin_row;

/* The margin table of company (NULL or "": rows with an empty company)
 * and segment (NULL: "total") over the quarters where any margin is
 * known, in period order.  Call ec_margins_derive first to fill derived
 * margins.  *out allocated (free() it). */
ec_err ec_margin_table(const ec_series *s, const char *company,
                       const char *segment, ec_margin_row **out, size_t *n,
                       ec_error *err);

/* ---- the whole analysis ------------------------------------------- */

typedef enum ec_report_format {
	EC_REPORT_TEXT = 0,
	EC_REPORT_CSV = 1,
	EC_REPORT_JSON = 2
} ec_report_format;

typedef struct ec_analyze_opts {
	const char *company; /* NULL: every company */
	/* NULL: the revenue trend, the margins, every guided metric */
	const char *metric;
	/* NULL: "total" for the trend and margins, every segment for the
	 * guidance scorecard */
	const char *segment;
	int basis; /* ec_basis or -1 for every basis */
	bool robust;
	double level; /* default 0.95 */
} ec_analyze_opts;

/* What ec_analyze covers:
 * - trend and growth: for each company and basis (opts basis, or every
 *   basis present) with quarterly actuals of metric (default revenue) and
 *   segment (default total).  A series that cannot be fitted is listed
 *   with the reason; a margin series with a negative quarter is fitted on
 *   the linear scale only (allow_linear_only);
 * - margins (table, spreads, incremental margins, disagreements): when
 *   metric is NULL or one of operating_margin, gross_margin,
 *   operating_income, gross_profit;
 * - guidance: every guided metric (metric NULL) or metric; every segment
 *   when segment is NULL.
 * Rows with an empty company are read as the only non-empty company when
 * there is exactly one (see ec_guidance_score).  ec_analyze works on its
 * own copy of s with derived margins added (ec_margins_derive). */

void ec_analyze_opts_defaults(ec_analyze_opts *o);

typedef struct ec_analysis ec_analysis;

/* Runs trend, growth, margins and guidance accuracy on s (borrowed; not
 * kept).  Series that cannot be fitted are reported inside the analysis
 * (with the reason), not as a failure.  EC_ENODATA when nothing in s
 * matches the options (no actual for the trend, no margin, no guidance),
 * with a message naming the selection; EC_EINVAL for a bad level.  opts
 * may be NULL (defaults).  *out is owned by the caller
 * (ec_analysis_free; NULL is a no-op). */
ec_err ec_analyze(const ec_series *s, const ec_analyze_opts *opts,
                  ec_analysis **out, ec_error *err);
void ec_analysis_free(ec_analysis *a);

/* Writes the analysis: a report for a person (text) or the same numbers
 * for programs (csv, json).  Same analysis, same bytes.
 * - json: one object {"format": "earnchart-analysis", "version": 1,
 *   "options", "inputs", "trends": [...], "margins": [...],
 *   "margin_disagreements": [...], "guidance": {"rows", "summaries"}};
 *   numbers are written with the fewest digits that read back to the same
 *   double; a value that is not known is null.
 * - csv: long form, one number or word per row, header
 *   section,company,metric,segment,basis,period,issued,field,value,text;
 *   the fields and numbers of the json, an unknown value is empty.
 * - text: the report for a terminal; an unknown value reads "n/a".
 * EC_EIO when writing fails. */
ec_err ec_analysis_write(const ec_analysis *a, FILE *f, ec_report_format fmt,
                         ec_error *err);

/* Read access for programs that build on the analysis (chart, report).
 * Pointers are owned by the analysis.  ec_analysis_trend returns NULL and
 * sets *why (when why is not NULL) for a series that could not be
 * fitted (the message names the series and the reason). */
size_t ec_analysis_trend_count(const ec_analysis *a);
const ec_trend *ec_analysis_trend(const ec_analysis *a, size_t i,
                                  const char **why);
const ec_scorecard *ec_analysis_scorecard(const ec_analysis *a);
/* The working store: the input with empty companies resolved and derived
 * margins added. */
const ec_series *ec_analysis_series(const ec_analysis *a);

#ifdef __cplusplus
}
#endif
#endif
