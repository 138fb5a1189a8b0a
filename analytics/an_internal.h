/* earnchart analytics: helpers shared by the analytics sources (not part
 * of the public API). */
#ifndef EC_AN_INTERNAL_H
#define EC_AN_INTERNAL_H

#include <stddef.h>

#include "earnchart/analyze.h"

/* Turns GSL's error handler off, once per process (pthread_once), so that
 * GSL reports errors as status values instead of aborting. */
void ec_an_gsl_init(void);

/* "JNPR revenue total gaap" (company left out when empty) into buf. */
char *ec_an_series_name(const ec_obs *o, char *buf, size_t n);

/* The only non-empty company of s, or NULL when there are none or
 * several.  Borrowed from s. */
const char *ec_an_sole_company(const ec_series *s);

/* Decimal places in v as written (0..9), as a rounding estimate. */
int ec_an_decimals(double v);

/* Sorts quarterly rows by quarter index into a new array of pointers,
 * dropping non-quarters; two rows for one quarter are EC_EINVAL.  *out
 * allocated (free() it). */
ec_err ec_an_quarters(const ec_obs *const *rows, size_t n, const ec_obs ***out,
                      size_t *n_out, ec_error *err);

#endif
