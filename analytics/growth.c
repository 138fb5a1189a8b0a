/* Growth of a quarterly series: quarter over quarter, year over year and
 * trailing four quarters.  A missing comparison quarter gives NAN: never
 * interpolated. */
#include "an_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool ec_metric_is_flow(const char *metric)
{
	static const char *const flows[] = {
	        "revenue",
	        "gross_profit",
	        "operating_income",
	        "operating_expenses",
	        "net_income",
	        "operating_cash_flow",
	        "capex",
	        "free_cash_flow",
	        "eps_diluted",
	};
	if (!metric)
		return false;
	for (size_t i = 0; i < sizeof flows / sizeof flows[0]; i++)
		if (strcmp(metric, flows[i]) == 0)
			return true;
	return false;
}

/* Index of quarter qi in q[0..m) (sorted by quarter index), or -1. */
static long find_q(const ec_obs *const *q, size_t m, int qi)
{
	size_t lo = 0, hi = m;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int x = ec_period_qindex(q[mid]->period);
		if (x == qi)
			return (long)mid;
		if (x < qi)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static double pct_change(double v, double p)
{
	if (!isfinite(v) || !isfinite(p) || p == 0)
		return NAN;
	/* Against |p| so that a loss shrinking reads as growth. */
	return (v - p) / fabs(p) * 100.0;
}

/* Sum of the four quarters ending at quarter index qi, NAN if any is
 * missing. */
static double ttm_at(const ec_obs *const *q, size_t m, int qi)
{
	double s = 0;
	for (int k = 0; k < 4; k++) {
		long j = find_q(q, m, qi - k);
		if (j < 0 || !isfinite(q[j]->value))
			return NAN;
		s += q[j]->value;
	}
	return s;
}

ec_err ec_growth_compute(const ec_obs *const *rows, size_t n, bool flow,
                         ec_growth_row **out, size_t *n_out, ec_error *err)
{
	*out = NULL;
	*n_out = 0;
	const ec_obs **q;
	size_t m;
	ec_err rc = ec_an_quarters(rows, n, &q, &m, err);
	if (rc || !m)
		return rc;
	ec_growth_row *g = calloc(m, sizeof *g);
	if (!g) {
		free(q);
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	}
	const ec_obs *const *cq = q;
	for (size_t i = 0; i < m; i++) {
		int qi = ec_period_qindex(q[i]->period);
		ec_growth_row *r = &g[i];
		r->period = q[i]->period;
		r->value = q[i]->value;
		long p = find_q(cq, m, qi - 1), y = find_q(cq, m, qi - 4);
		double pv = p >= 0 ? q[p]->value : NAN;
		double yv = y >= 0 ? q[y]->value : NAN;
		r->qoq_abs = r->value - pv; /* NAN propagates */
		r->qoq_pct = pct_change(r->value, pv);
		r->yoy_abs = r->value - yv;
		r->yoy_pct = pct_change(r->value, yv);
		r->ttm = flow ? ttm_at(cq, m, qi) : NAN;
		r->ttm_yoy_pct =
		        flow ? pct_change(r->ttm, ttm_at(cq, m, qi - 4)) : NAN;
	}
	free(q);
	*out = g;
	*n_out = m;
	return EC_OK;
}
