/* Fuzz target: the period parser (include/earnchart/period.h).
 *
 * Properties checked on every input:
 * - parsing never crashes and either succeeds or fills a message;
 * - a parsed period is in range (year 1900-2199, n valid for its type);
 * - format(parse(s)) parses again to the same period, and formatting that
 *   gives the same text (the canonical form is a fixed point);
 * - an error's column points inside the input (or one past its end). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/period.h"

static int valid(ec_period p)
{
	if (p.year < 1900 || p.year > 2199)
		return 0;
	switch (p.type) {
	case EC_PERIOD_QUARTER:
		return p.n >= 1 && p.n <= 4;
	case EC_PERIOD_HALF:
		return p.n >= 1 && p.n <= 2;
	case EC_PERIOD_MONTHS:
		return p.n == 3 || p.n == 6 || p.n == 9 || p.n == 12;
	case EC_PERIOD_YEAR:
		return p.n == 0;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Copy into an exact-size heap buffer so ASan sees any read past
	 * the end (the parser takes a length, not a NUL). */
	char *s = malloc(size ? size : 1);
	if (!s)
		return 0;
	if (size)
		memcpy(s, data, size);
	ec_period p;
	ec_error err;
	ec_error_clear(&err);
	ec_err rc = ec_period_parse(s, size, &p, &err);
	if (rc != EC_OK) {
		if (rc != EC_EPARSE || err.code != EC_EPARSE || err.msg[0] == 0)
			abort(); /* an error must say what is wrong */
		if (err.column < 0 || (size_t)err.column > size + 1)
			abort(); /* the column must point into the input */
		if (memchr(err.msg, '\n', strlen(err.msg)))
			abort(); /* errors are one line */
		free(s);
		return 0;
	}
	if (!valid(p))
		abort();
	char buf[EC_PERIOD_STRLEN], buf2[EC_PERIOD_STRLEN], lab[EC_PERIOD_STRLEN];
	ec_period_format(p, buf);
	size_t n = strnlen(buf, sizeof buf);
	if (n == 0 || n >= sizeof buf)
		abort();
	ec_period q;
	if (ec_period_parse(buf, n, &q, NULL) != EC_OK || !ec_period_equal(p, q) ||
	    ec_period_cmp(p, q) != 0)
		abort();
	ec_period_format(q, buf2);
	if (strcmp(buf, buf2) != 0)
		abort();
	ec_period_short_label(p, lab);
	if (strnlen(lab, sizeof lab) >= sizeof lab)
		abort();
	/* Quarter arithmetic stays consistent. */
	if (ec_period_is_quarter(p)) {
		int qi = ec_period_qindex(p);
		if (qi < 0 || !ec_period_equal(ec_period_from_qindex(qi), p))
			abort();
		ec_period pr = ec_period_prior_quarter(p);
		if (ec_period_qindex(pr) != qi - 1 || ec_period_cmp(pr, p) >= 0)
			abort();
		if (ec_period_qindex(ec_period_add_quarters(p, 4)) != qi + 4)
			abort();
	}
	ec_period ya = ec_period_year_ago(p);
	if (ya.type != p.type || ya.n != p.n || ya.year != p.year - 1)
		abort();
	free(s);
	return 0;
}
