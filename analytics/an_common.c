/* Helpers shared by the analytics sources. */
#include "an_internal.h"

#include <gsl/gsl_errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t gsl_once = PTHREAD_ONCE_INIT;

static void gsl_off(void)
{
	/* The default handler calls abort(); the library must not. */
	gsl_set_error_handler_off();
}

void ec_an_gsl_init(void) { pthread_once(&gsl_once, gsl_off); }

char *ec_an_series_name(const ec_obs *o, char *buf, size_t n)
{
	const char *c = o->company ? o->company : "";
	snprintf(buf, n, "%s%s%s %s %s", c, *c ? " " : "",
	         o->metric ? o->metric : "",
	         o->segment && *o->segment ? o->segment : "total",
	         ec_basis_name(o->basis));
	return buf;
}

const char *ec_an_sole_company(const ec_series *s)
{
	const char *sole = NULL;
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const char *c = ec_series_get(s, i)->company;
		if (!c || !*c)
			continue;
		if (!sole)
			sole = c;
		else if (strcmp(sole, c) != 0)
			return NULL;
	}
	return sole;
}

int ec_an_decimals(double v)
{
	if (!isfinite(v))
		return 0;
	double a = fabs(v);
	for (int d = 0; d < 9; d++) {
		double m = a * pow(10, d);
		if (fabs(m - nearbyint(m)) <= 1e-7 * fmax(1.0, m))
			return d;
	}
	return 9;
}

static int by_qindex(const void *pa, const void *pb)
{
	const ec_obs *a = *(const ec_obs *const *)pa;
	const ec_obs *b = *(const ec_obs *const *)pb;
	int ia = ec_period_qindex(a->period), ib = ec_period_qindex(b->period);
	return (ia > ib) - (ia < ib);
}

ec_err ec_an_quarters(const ec_obs *const *rows, size_t n, const ec_obs ***out,
                      size_t *n_out, ec_error *err)
{
	*out = NULL;
	*n_out = 0;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		m += ec_period_is_quarter(rows[i]->period);
	if (!m)
		return EC_OK;
	const ec_obs **v = malloc(m * sizeof *v);
	if (!v)
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "out of memory");
	size_t j = 0;
	for (size_t i = 0; i < n; i++)
		if (ec_period_is_quarter(rows[i]->period))
			v[j++] = rows[i];
	qsort(v, m, sizeof *v, by_qindex);
	for (size_t i = 1; i < m; i++) {
		if (ec_period_qindex(v[i]->period) ==
		    ec_period_qindex(v[i - 1]->period)) {
			char name[160], p[EC_PERIOD_STRLEN];
			ec_an_series_name(v[i], name, sizeof name);
			ec_period_format(v[i]->period, p);
			free(v);
			return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
			                    "%s: two values for %s (pass one "
			                    "series)",
			                    name, p);
		}
	}
	*out = v;
	*n_out = m;
	return EC_OK;
}
