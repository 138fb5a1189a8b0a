/* earnchart: reporting periods.
 *
 * Text forms: "2010Q3" (quarter), "2008FY" (fiscal year), "2007M9" (the
 * first nine months of a fiscal year; M3, M6, M9 and M12 are accepted),
 * "2012H1" (half).  On input an "FY" prefix is accepted ("FY2024Q1" is
 * 2024Q1, "FY2024" is 2024FY) and letters may be lower case.  Labels follow
 * the company's fiscal calendar. */
#ifndef EARNCHART_PERIOD_H
#define EARNCHART_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

#include "earnchart/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ec_period_type {
	EC_PERIOD_QUARTER = 0, /* n = 1..4 */
	EC_PERIOD_HALF = 1,    /* n = 1..2 */
	EC_PERIOD_MONTHS = 2,  /* n = 3, 6, 9 or 12: year to date */
	EC_PERIOD_YEAR = 3     /* n = 0 */
} ec_period_type;

typedef struct ec_period {
	int year;            /* 1900..2199 */
	ec_period_type type;
	int n;
} ec_period;

/* Room for the longest text form ("2010M12") plus NUL, with margin. */
#define EC_PERIOD_STRLEN 12

/* Parses s[0..len).  On failure returns EC_EPARSE and writes a reason such
 * as "quarter must be 1-4 in '2010Q5'" into err->msg (column = 1-based
 * offset of the offending character); err may be NULL. */
ec_err ec_period_parse(const char *s, size_t len, ec_period *out,
                       ec_error *err);

/* Writes the canonical form into buf (at least EC_PERIOD_STRLEN bytes). */
char *ec_period_format(ec_period p, char *buf);

/* Quarter constructor; q in 1..4. */
ec_period ec_period_quarter(int year, int q);

bool ec_period_is_quarter(ec_period p);
bool ec_period_equal(ec_period a, ec_period b);

/* Orders by the month the period ends, then by length (shorter first):
 * 2007Q3 < 2007M9 < 2007Q4 < 2007H2 < 2007FY.  Returns <0, 0, >0. */
int ec_period_cmp(ec_period a, ec_period b);

/* Quarter index year*4 + q-1; -1 if p is not a quarter. */
int ec_period_qindex(ec_period p);
/* Inverse of ec_period_qindex. */
ec_period ec_period_from_qindex(int idx);

/* p stepped by k quarters (k may be negative); p must be a quarter.  For any
 * other type p is returned unchanged. */
ec_period ec_period_add_quarters(ec_period p, int k);
ec_period ec_period_prior_quarter(ec_period p);
/* The same period one year earlier (works for every type). */
ec_period ec_period_year_ago(ec_period p);

/* Label for charts: "Q3'10", "FY08", "9M07", "H1'12"; buf >= EC_PERIOD_STRLEN bytes. */
char *ec_period_short_label(ec_period p, char *buf);

#ifdef __cplusplus
}
#endif
#endif
