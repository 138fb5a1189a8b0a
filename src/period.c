/* Reporting periods: parse, print, order, step. */
#include "earnchart/period.h"

#include <ctype.h>
#include <stdio.h>

#define YEAR_MIN 1900
#define YEAR_MAX 2199

static ec_err bad(ec_error *err, size_t col, const char *s, size_t len,
                  const char *why)
{
	/* Show at most 32 bytes of the input, cut at a character boundary,
	 * with control characters escaped so the message stays on one line
	 * (a period read from a quoted CSV field may hold a line break). */
	char shown[32 * 4 + 8];
	size_t o = 0, i = 0;
	for (; i < len && i < 32; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0xC0) {
			size_t k = 1;
			while (i + k < len &&
			       ((unsigned char)s[i + k] & 0xC0) == 0x80)
				k++;
			if (i + k > 32)
				break;
		}
		if (c == '\n' || c == '\r' || c == '\t')
			o += (size_t)snprintf(shown + o, sizeof shown - o,
			                      "\\%c",
			                      c == '\n'   ? 'n'
			                      : c == '\r' ? 'r'
			                                  : 't');
		else if (c < 0x20 || c == 0x7f)
			o += (size_t)snprintf(shown + o, sizeof shown - o,
			                      "\\x%02X", c);
		else
			shown[o++] = (char)c;
	}
	shown[o] = '\0';
	return ec_error_set(err, EC_EPARSE, NULL, 0, (long)col + 1,
	                    "bad period '%s%s': %s", shown,
	                    i < len ? "..." : "", why);
}

ec_err ec_period_parse(const char *s, size_t len, ec_period *out, ec_error *err)
{
	size_t i = 0;
	if (len == 0)
		return bad(err, 0, s, len, "empty");
	int fy_prefix = 0;
	if (len >= 2 && toupper((unsigned char)s[0]) == 'F' &&
	    toupper((unsigned char)s[1]) == 'Y') {
		fy_prefix = 1;
		i = 2;
	}
	size_t y0 = i;
	int year = 0;
	while (i < len && isdigit((unsigned char)s[i]) && i - y0 < 5) {
		year = year * 10 + (s[i] - '0');
		i++;
	}
	if (i - y0 != 4 || (i < len && isdigit((unsigned char)s[i])))
		return bad(err, y0, s, len, "the year must have four digits");
	if (year < YEAR_MIN || year > YEAR_MAX)
		return bad(err, y0, s, len, "the year must be 1900-2199");
	ec_period p = {year, EC_PERIOD_YEAR, 0};
	if (i == len) {
		if (!fy_prefix)
			return bad(err, i, s, len,
			           "expected Q1-Q4, H1-H2, M3/M6/M9/M12 or FY "
			           "after the year");
		*out = p;
		return EC_OK;
	}
	char c = (char)toupper((unsigned char)s[i]);
	size_t tpos = i;
	i++;
	if (c == 'F') {
		if (i < len && toupper((unsigned char)s[i]) == 'Y' &&
		    i + 1 == len && !fy_prefix) {
			*out = p;
			return EC_OK;
		}
		return bad(err, tpos, s, len, "expected 'FY' at the end");
	}
	if (c != 'Q' && c != 'H' && c != 'M')
		return bad(err, tpos, s, len,
		           "expected Q, H, M or FY after the year");
	size_t n0 = i;
	int n = 0;
	while (i < len && isdigit((unsigned char)s[i]) && i - n0 < 3) {
		n = n * 10 + (s[i] - '0');
		i++;
	}
	if (i == n0)
		return bad(
		        err, n0, s, len,
		        c == 'Q' ? "a quarter number 1-4 must follow Q"
		        : c == 'H'
		                ? "a half number 1-2 must follow H"
		                : "a month count 3, 6, 9 or 12 must follow M");
	if (i != len)
		return bad(err, i, s, len, "unexpected text after the period");
	if (c == 'Q') {
		if (n < 1 || n > 4)
			return bad(err, n0, s, len, "the quarter must be 1-4");
		p.type = EC_PERIOD_QUARTER;
	} else if (c == 'H') {
		if (n < 1 || n > 2)
			return bad(err, n0, s, len, "the half must be 1 or 2");
		p.type = EC_PERIOD_HALF;
	} else {
		if (n != 3 && n != 6 && n != 9 && n != 12)
			return bad(err, n0, s, len,
			           "the month count must be 3, 6, 9 or 12");
		p.type = EC_PERIOD_MONTHS;
	}
	p.n = n;
	*out = p;
	return EC_OK;
}

char *ec_period_format(ec_period p, char *buf)
{
	switch (p.type) {
	case EC_PERIOD_QUARTER:
		snprintf(buf, EC_PERIOD_STRLEN, "%04dQ%d", p.year % 10000,
		         p.n % 10);
		break;
	case EC_PERIOD_HALF:
		snprintf(buf, EC_PERIOD_STRLEN, "%04dH%d", p.year % 10000,
		         p.n % 10);
		break;
	case EC_PERIOD_MONTHS:
		snprintf(buf, EC_PERIOD_STRLEN, "%04dM%d", p.year % 10000,
		         p.n % 100);
		break;
	default:
		snprintf(buf, EC_PERIOD_STRLEN, "%04dFY", p.year % 10000);
		break;
	}
	return buf;
}

ec_period ec_period_quarter(int year, int q)
{
	ec_period p = {year, EC_PERIOD_QUARTER, q};
	return p;
}

bool ec_period_is_quarter(ec_period p) { return p.type == EC_PERIOD_QUARTER; }

bool ec_period_equal(ec_period a, ec_period b)
{
	return a.year == b.year && a.type == b.type && a.n == b.n;
}

/* Month (1..12) in which the period ends, and its length in months. */
static int end_month(ec_period p)
{
	switch (p.type) {
	case EC_PERIOD_QUARTER:
		return p.n * 3;
	case EC_PERIOD_HALF:
		return p.n * 6;
	case EC_PERIOD_MONTHS:
		return p.n;
	default:
		return 12;
	}
}

static int length_months(ec_period p)
{
	switch (p.type) {
	case EC_PERIOD_QUARTER:
		return 3;
	case EC_PERIOD_HALF:
		return 6;
	case EC_PERIOD_MONTHS:
		return p.n;
	default:
		return 12;
	}
}

int ec_period_cmp(ec_period a, ec_period b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	int ea = end_month(a), eb = end_month(b);
	if (ea != eb)
		return ea < eb ? -1 : 1;
	int la = length_months(a), lb = length_months(b);
	if (la != lb)
		return la < lb ? -1 : 1;
	if (a.type != b.type)
		return a.type < b.type ? -1 : 1;
	return 0;
}

int ec_period_qindex(ec_period p)
{
	if (p.type != EC_PERIOD_QUARTER)
		return -1;
	return p.year * 4 + p.n - 1;
}

ec_period ec_period_from_qindex(int idx)
{
	ec_period p = {idx / 4, EC_PERIOD_QUARTER, idx % 4 + 1};
	return p;
}

ec_period ec_period_add_quarters(ec_period p, int k)
{
	if (p.type != EC_PERIOD_QUARTER)
		return p;
	return ec_period_from_qindex(ec_period_qindex(p) + k);
}

ec_period ec_period_prior_quarter(ec_period p)
{
	return ec_period_add_quarters(p, -1);
}

ec_period ec_period_year_ago(ec_period p)
{
	p.year -= 1;
	return p;
}

char *ec_period_short_label(ec_period p, char *buf)
{
	int yy = ((p.year % 100) + 100) % 100;
	switch (p.type) {
	case EC_PERIOD_QUARTER:
		snprintf(buf, EC_PERIOD_STRLEN, "Q%d'%02d", p.n % 10, yy);
		break;
	case EC_PERIOD_HALF:
		snprintf(buf, EC_PERIOD_STRLEN, "H%d'%02d", p.n % 10, yy);
		break;
	case EC_PERIOD_MONTHS:
		snprintf(buf, EC_PERIOD_STRLEN, "%dM%02d", p.n % 100, yy);
		break;
	default:
		snprintf(buf, EC_PERIOD_STRLEN, "FY%02d", yy);
		break;
	}
	return buf;
}
