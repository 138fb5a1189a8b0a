/* Periods in text: "Q3 2010", "Q3'07", "3Q10", "FY2024Q1", "Q1 FY24",
 * "the third quarter of 2006", "fiscal 2024 first quarter", "the 2007 third
 * quarter", "the prior quarter", "the prior year third quarter", "the
 * December quarter", "nine months ended September 30, 2007", "the first
 * nine months of 2007", "full year", "fiscal 2008", "as of September 30,
 * 2007"; dates; and what a document says about its own period and date. */
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ex.h"

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int floor_div(int a, int b)
{
	int q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

int ex_cal_quarter_of_month(const ex_cal *cal, int m)
{
	int aq = 2000 * 4, am = 2000 * 12 + 2; /* 2000Q1 ends in March 2000 */
	if (cal && cal->set > 0) {
		aq = cal->anchor_q;
		am = cal->anchor_m;
	}
	return aq + floor_div(m - am + 2, 3);
}

/* The month index in which quarter qi ends. */
static int cal_end_month(const ex_cal *cal, int qi)
{
	int aq = 2000 * 4, am = 2000 * 12 + 2;
	if (cal && cal->set > 0) {
		aq = cal->anchor_q;
		am = cal->anchor_m;
	}
	return am + 3 * (qi - aq);
}

/* The eight bytes s[j..j+8) as one word in memory order, zero bytes
 * past len: prefix tests against several words at one place compare
 * words instead of bytes (pfx8). */
static inline uint64_t load8(const char *s, size_t len, size_t j)
{
	uint64_t x = 0;
	if (j + 8 <= len)
		memcpy(&x, s + j, 8);
	else if (j < len)
		memcpy(&x, s + j, len - j);
	return x;
}

/* The lower-case word p (n <= 8 bytes of lower-case letters, digits,
 * '-' or '\'', padded with zero bytes to eight) is a prefix of the text
 * bytes x of load8 in any case, as ex_lower(text byte) == p byte: at the
 * places where p has a letter the text byte is taken with bit 0x20 set
 * (x | 0x20 is that lower-case letter for it and its upper case only), at
 * the others as it is.  A zero byte past the text's end equals no byte of
 * p either way.  The letter places of p (cm: bytes 0x61..0x7a, all of p's
 * bytes being below 0x80 no carry crosses a byte) and the other constants
 * fold for a literal p (PFX). */
static inline EX_ALWAYS_INLINE int pfx8(uint64_t x, const char *p, size_t n)
{
	static const unsigned char ones16[16] = {255, 255, 255, 255, 255, 255, 255, 255};
	const uint64_t ones = 0x0101010101010101u;
	uint64_t v, m;
	memcpy(&v, p, 8);
	memcpy(&m, ones16 + 8 - (n < 8 ? n : 8), 8);
	uint64_t cm = ((v + ones * (0x80 - 'a')) & ~(v + ones * (0x80 - 'z' - 1)) & (ones * 0x80)) >> 2;
	return ((x | cm) & m) == v;
}
#define PFX(x, lit) pfx8((x), lit "\0\0\0\0\0\0\0", sizeof(lit) - 1)

/* ex_word_at(s, len, i, lit) for a lower-case literal lit, x being
 * load8(s, len, i): the same test (the bytes of lit in any case, then a
 * word end), on the eight bytes read once for all the words tried at i.
 * Words longer than eight bytes go to ex_word_at. */
#define WORD_AT(x, s, len, i, lit)                                                   \
	(sizeof(lit) > 9 ? ex_word_at((s), (len), (i), lit)                          \
	                 : PFX((x), lit) ? ex_word_end((s), (len), (i) + sizeof(lit) - 1) \
	                                 : (size_t)0)

/* Three lower-case letters as one key (the switches below). */
#define KEY3(a, b, c) ((unsigned)(a) << 16 | (unsigned)(b) << 8 | (unsigned)(c))

/* The month (0..11) whose three-letter abbreviation is s[i..i+3) in any
 * case, -1 for none.  Every month's full name, abbreviation (and "sept")
 * starts with it, and the twelve are distinct: the only month that can
 * match at i.  (x | 0x20 is a lower-case letter for that letter in either
 * case only, so the key test is exact.) */
static inline int month_key(const char *s, size_t len, size_t i)
{
	/* the twelve keys by a multiplicative hash that puts each in its own
	 * one of sixteen slots (the empty ones hold key 0, which no text has:
	 * every byte | 0x20 is at least 0x20) */
	static const struct {
		uint32_t key;
		signed char m;
	} slot[16] = {
	    [0] = {KEY3('n', 'o', 'v'), 10}, [1] = {KEY3('m', 'a', 'r'), 2},
	    [2] = {KEY3('s', 'e', 'p'), 8},  [3] = {KEY3('j', 'u', 'l'), 6},
	    [4] = {KEY3('m', 'a', 'y'), 4},  [6] = {KEY3('a', 'u', 'g'), 7},
	    [7] = {KEY3('o', 'c', 't'), 9},  [8] = {KEY3('j', 'u', 'n'), 5},
	    [11] = {KEY3('d', 'e', 'c'), 11}, [12] = {KEY3('j', 'a', 'n'), 0},
	    [14] = {KEY3('a', 'p', 'r'), 3}, [15] = {KEY3('f', 'e', 'b'), 1},
	};
	if (i + 3 > len)
		return -1;
	uint32_t k = KEY3((unsigned char)s[i] | 0x20, (unsigned char)s[i + 1] | 0x20,
	                  (unsigned char)s[i + 2] | 0x20);
	unsigned h = (uint32_t)(k * 0x2c4a3699u) >> 28;
	return slot[h].key == k ? slot[h].m : -1;
}

int ex_month_parse(const char *s, size_t len, size_t i, size_t *end)
{
	static const char *const full[] = {
	    "january", "february", "march",     "april",   "may",      "june",
	    "july",    "august",   "september", "october", "november", "december"};
	static const char *const abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
	                                   "jul", "aug", "sep", "oct", "nov", "dec"};
	/* The first three letters name the only month that can match, and
	 * most words fail at this one switch (month_key).  For that month the
	 * full name is tried before the abbreviation, as always ("May." is the
	 * full name without its dot). */
	int m = month_key(s, len, i);
	if (m < 0)
		return 0;
	size_t e;
	if ((e = ex_word_at(s, len, i, full[m]))) {
		*end = e;
		return m + 1;
	}
	if ((e = ex_word_at(s, len, i, abbr[m])) || (m == 8 && (e = ex_word_at(s, len, i, "sept")))) {
		if (e < len && s[e] == '.')
			e++;
		*end = e;
		return m + 1;
	}
	return 0;
}

/* Reads 1-4 digits at s[i]; returns count, *v the value. */
static int digits_at(const char *s, size_t len, size_t i, int max, int *v)
{
	int n = 0, x = 0;
	while (i + n < len && n < max && is_digit((unsigned char)s[i + n])) {
		x = x * 10 + (s[i + n] - '0');
		n++;
	}
	if (i + n < len && is_digit((unsigned char)s[i + n]))
		return 0;
	*v = x;
	return n;
}

static int year4_at(const char *s, size_t len, size_t i, int *y)
{
	/* no year without a digit at i (the common failure, tested first;
	 * every test below only returns 0 as well) */
	if (i >= len || !is_digit((unsigned char)s[i]))
		return 0;
	if (i > 0 && (is_digit((unsigned char)s[i - 1]) || s[i - 1] == '$' ||
	              s[i - 1] == '.' || s[i - 1] == ','))
		return 0;
	int v;
	if (digits_at(s, len, i, 4, &v) != 4 || v < 1950 || v > 2100)
		return 0;
	if (i + 4 < len && (ex_is_alpha((unsigned char)s[i + 4]) ||
	                    (s[i + 4] == ',' && i + 5 < len &&
	                     is_digit((unsigned char)s[i + 5])) ||
	                    (s[i + 4] == '.' && i + 5 < len &&
	                     is_digit((unsigned char)s[i + 5]))))
		return 0;
	*y = v;
	return 1;
}

int ex_date_parse(const char *s, size_t len, size_t i, int *y, int *m,
                  int *d, size_t *end)
{
	size_t e;
	/* the month-first form needs a letter at i, the others a digit
	 * (digits_at below reads none otherwise, and every form after it
	 * needs one) */
	if (i >= len)
		return 0;
	int mo = is_digit((unsigned char)s[i]) ? 0 : ex_month_parse(s, len, i, &e);
	if (!mo && !is_digit((unsigned char)s[i]))
		return 0;
	if (mo) {
		size_t j = ex_skip_ws(s, len, e);
		int day;
		int n = digits_at(s, len, j, 2, &day);
		if (!n || day < 1 || day > 31)
			return 0;
		j += n;
		if (j + 1 < len && (s[j] == 's' || s[j] == 'n' || s[j] == 'r' || s[j] == 't') &&
		    ex_is_alpha((unsigned char)s[j + 1]))
			j += 2; /* 1st 2nd 3rd 30th */
		if (j < len && (s[j] == ',' || s[j] == '.'))
			j++;
		j = ex_skip_ws(s, len, j);
		int yr;
		if (!year4_at(s, len, j, &yr))
			return 0;
		*y = yr;
		*m = mo;
		*d = day;
		*end = j + 4;
		return 1;
	}
	int v;
	int n = digits_at(s, len, i, 4, &v);
	if (n == 4 && i + 10 <= len && s[i + 4] == '-' && s[i + 7] == '-') {
		int mm, dd;
		if (digits_at(s, len, i + 5, 2, &mm) == 2 &&
		    digits_at(s, len, i + 8, 2, &dd) == 2 && mm >= 1 && mm <= 12 &&
		    dd >= 1 && dd <= 31 && v >= 1950 && v <= 2100) {
			*y = v;
			*m = mm;
			*d = dd;
			*end = i + 10;
			return 1;
		}
		return 0;
	}
	if (n >= 1 && n <= 2 && v >= 1 && v <= 31) {
		/* "25 July 2024", "25 Jul, 2024", "25-Jul-2024" */
		int dash = i + n < len && s[i + n] == '-';
		size_t j = dash ? i + n + 1 : ex_skip_ws(s, len, i + n);
		int mo2 = ex_month_parse(s, len, j, &e);
		if (mo2 && dash && !(e < len && s[e] == '-'))
			mo2 = 0;
		if (mo2) {
			j = dash ? e + 1 : ex_skip_ws(s, len, e);
			if (j < len && s[j] == ',')
				j = ex_skip_ws(s, len, j + 1);
			int yr;
			if (year4_at(s, len, j, &yr)) {
				*y = yr;
				*m = mo2;
				*d = v;
				*end = j + 4;
				return 1;
			}
		}
	}
	return 0;
}

/* "'07", "’07", " 2007", " '07" after a quarter label: the year. */
static int year_after(const char *s, size_t len, size_t i, int *y,
                      size_t *end)
{
	size_t j = i;
	while (j < len && s[j] == ' ')
		j++;
	int v;
	if (j < len && s[j] == '\'') {
		if (digits_at(s, len, j + 1, 2, &v) == 2) {
			*y = 2000 + v > 2070 ? 1900 + v : 2000 + v;
			*end = j + 3;
			return 1;
		}
		return 0;
	}
	if (j + 2 < len && (unsigned char)s[j] == 0xe2 &&
	    (unsigned char)s[j + 1] == 0x80 && (unsigned char)s[j + 2] == 0x99) {
		if (digits_at(s, len, j + 3, 2, &v) == 2) {
			*y = 2000 + v > 2070 ? 1900 + v : 2000 + v;
			*end = j + 5;
			return 1;
		}
		return 0;
	}
	if (year4_at(s, len, j, &v)) {
		*y = v;
		*end = j + 4;
		return 1;
	}
	return 0;
}

/* After a fiscal year's number at p: ", ending January 31, 2025" (or
 * "ended ..."), a date of that year v, belongs to it; returns the end of
 * that date, else p. */
static size_t year_end_after(const char *s, size_t len, size_t p, int v)
{
	size_t k = ex_skip_ws(s, len, p), e;
	if (k < len && s[k] == ',')
		k = ex_skip_ws(s, len, k + 1);
	if (!(e = ex_word_at(s, len, k, "ending")) && !(e = ex_word_at(s, len, k, "ended")))
		return p;
	int dy, dm, dd;
	size_t de;
	if (ex_date_parse(s, len, ex_skip_ws(s, len, e), &dy, &dm, &dd, &de) && dy == v)
		return de;
	return p;
}

/* "FY24", "FY2024", "FY 2024", "FY'24", "fiscal 2024", "fiscal year 2024"
 * at s[i]. */
static int fiscal_year_at(const char *s, size_t len, size_t i, int *y,
                          size_t *end)
{
	size_t e, j;
	/* both forms open with 'F' or 'f' (x | 0x20 is 'f' for those only) */
	if (i >= len || ((unsigned char)s[i] | 0x20) != 'f')
		return 0;
	if (i + 2 <= len && (s[i] == 'F' || s[i] == 'f') && (s[i + 1] == 'Y' || s[i + 1] == 'y') &&
	    (i == 0 || !ex_is_word((unsigned char)s[i - 1]))) {
		j = i + 2;
		if (j < len && (s[j] == ' ' || s[j] == '\''))
			j++;
		int v, n = digits_at(s, len, j, 4, &v);
		/* "FY3/25", "FY3/2025": the fiscal year ending in March 2025 */
		if ((n == 1 || n == 2) && v >= 1 && v <= 12 && j + (size_t)n < len && s[j + n] == '/') {
			int yv, yn = digits_at(s, len, j + n + 1, 4, &yv);
			if (yn == 2 || (yn == 4 && yv >= 1950 && yv <= 2100)) {
				*y = yn == 2 ? 2000 + yv : yv;
				*end = j + n + 1 + yn;
				return 1;
			}
			return 0;
		}
		if (n == 4 && v >= 1950 && v <= 2100) {
			*y = v;
			*end = j + 4;
			return 1;
		}
		if (n == 2) {
			*y = 2000 + v;
			*end = j + 2;
			return 1;
		}
		return 0;
	}
	if ((e = ex_word_at(s, len, i, "fiscal"))) {
		j = ex_skip_ws(s, len, e);
		size_t e2;
		if ((e2 = ex_word_at(s, len, j, "year")))
			j = ex_skip_ws(s, len, e2);
		int v;
		/* "fiscal year ending March 31, 2025": the year it ends */
		size_t e3;
		if (e2 && ((e3 = ex_word_at(s, len, j, "ending")) || (e3 = ex_word_at(s, len, j, "ended")))) {
			int m, dd;
			size_t de;
			if (ex_date_parse(s, len, ex_skip_ws(s, len, e3), &v, &m, &dd, &de)) {
				*y = v;
				*end = de;
				return 1;
			}
		}
		if (year4_at(s, len, j, &v)) {
			*y = v;
			*end = year_end_after(s, len, j + 4, v);
			return 1;
		}
		if (j < len && s[j] == '\'' && digits_at(s, len, j + 1, 2, &v) == 2) {
			*y = 2000 + v;
			*end = j + 3;
			return 1;
		}
	}
	return 0;
}

/* "first".."fourth", "1st".."4th" at s[i]: 1..4 and *end, or 0.  By
 * first byte: no two of these words can match at one place (a match ends
 * at a non-word byte), so only the one(s) with s[i]'s letter are tried. */
static int ordinal_at(const char *s, size_t len, size_t i, size_t *end)
{
	size_t e = 0;
	int q = 0;
	if (i >= len)
		return 0;
	uint64_t x = load8(s, len, i);
	switch (ex_lower((unsigned char)s[i])) {
	case 'f':
		if ((e = WORD_AT(x, s, len, i, "first")))
			q = 1;
		else if ((e = WORD_AT(x, s, len, i, "fourth")))
			q = 4;
		break;
	case 's':
		q = (e = WORD_AT(x, s, len, i, "second")) ? 2 : 0;
		break;
	case 't':
		q = (e = WORD_AT(x, s, len, i, "third")) ? 3 : 0;
		break;
	case '1':
		q = (e = WORD_AT(x, s, len, i, "1st")) ? 1 : 0;
		break;
	case '2':
		q = (e = WORD_AT(x, s, len, i, "2nd")) ? 2 : 0;
		break;
	case '3':
		q = (e = WORD_AT(x, s, len, i, "3rd")) ? 3 : 0;
		break;
	case '4':
		q = (e = WORD_AT(x, s, len, i, "4th")) ? 4 : 0;
		break;
	default:
		return 0;
	}
	if (q)
		*end = e;
	return q;
}

/* Skips "of", "in", ",", "the", "fiscal"... as listed. */
static size_t skip_words(const char *s, size_t len, size_t i,
                         const char *const *ws, size_t n)
{
	for (;;) {
		size_t j = ex_skip_ws(s, len, i), e = 0;
		if (j < len && s[j] == ',') {
			i = j + 1;
			continue;
		}
		for (size_t k = 0; k < n && !e; k++)
			e = ex_word_at(s, len, j, ws[k]);
		if (!e)
			return j;
		i = e;
	}
}

/* After "quarter" or a full period: "ended|ending <date>" refines the
 * year through the calendar.  Returns the end of the date or 0. */
static size_t ended_date(const char *s, size_t len, size_t i, const ex_cal *cal,
                         int *qi)
{
	size_t j = ex_skip_ws(s, len, i), e;
	if (j < len && s[j] == ',')
		j = ex_skip_ws(s, len, j + 1);
	if (!(e = ex_word_at(s, len, j, "ended")) && !(e = ex_word_at(s, len, j, "ending")))
		return 0;
	j = ex_skip_ws(s, len, e);
	int y, m, d;
	size_t de;
	if (!ex_date_parse(s, len, j, &y, &m, &d, &de))
		return 0;
	int mi = y * 12 + m - 1;
	if (d <= 7)
		mi--;
	if (cal && cal->set < 0)
		return 0;
	*qi = ex_cal_quarter_of_month(cal, mi);
	return de;
}

/* Periods "N months ended DATE" and "year ended DATE". */
static int months_ended(const char *s, size_t len, size_t i, const ex_cal *cal,
                        ex_when *w)
{
	size_t e = 0;
	int months = 0;
	if (i >= len)
		return 0;
	/* the first word: "three", "six", "nine", "twelve", "3", "6", "9",
	 * "12", "fiscal", "year", "quarter", by first byte (no two of them
	 * can match at one place: a match ends at a non-word byte) */
	unsigned char c0 = ex_lower((unsigned char)s[i]);
	uint64_t x = load8(s, len, i);
	switch (c0) {
	case 't':
		if ((e = WORD_AT(x, s, len, i, "three")))
			months = 3;
		else if ((e = WORD_AT(x, s, len, i, "twelve")))
			months = 12;
		break;
	case 's':
		months = (e = WORD_AT(x, s, len, i, "six")) ? 6 : 0;
		break;
	case 'n':
		months = (e = WORD_AT(x, s, len, i, "nine")) ? 9 : 0;
		break;
	case '3':
		months = (e = WORD_AT(x, s, len, i, "3")) ? 3 : 0;
		break;
	case '6':
		months = (e = WORD_AT(x, s, len, i, "6")) ? 6 : 0;
		break;
	case '9':
		months = (e = WORD_AT(x, s, len, i, "9")) ? 9 : 0;
		break;
	case '1':
		months = (e = WORD_AT(x, s, len, i, "12")) ? 12 : 0;
		break;
	case 'f':
		months = (e = WORD_AT(x, s, len, i, "fiscal")) ? 12 : 0;
		break;
	case 'y':
		months = (e = WORD_AT(x, s, len, i, "year")) ? 12 : 0;
		break;
	case 'q':
		months = (e = WORD_AT(x, s, len, i, "quarter")) ? 3 : 0;
		break;
	default:
		return 0;
	}
	if (!e)
		return 0;
	size_t j = ex_skip_ws(s, len, e);
	size_t e2;
	if (c0 == 'f') { /* "fiscal year" */
		if (!(e2 = ex_word_at(s, len, j, "year")))
			return 0;
		j = ex_skip_ws(s, len, e2);
	} else if (c0 != 'y' && c0 != 'q') { /* neither "year" nor "quarter" */
		if (!(e2 = ex_word_at(s, len, j, "months")) && !(e2 = ex_word_at(s, len, j, "month")))
			return 0;
		j = e2;
	} else {
		j = e;
	}
	int qi;
	size_t de = ended_date(s, len, j, cal, &qi);
	if (!de)
		return 0;
	ec_period q = ec_period_from_qindex(qi);
	w->rel = EX_P_ABS;
	w->explicit_year = 1;
	w->end = de;
	if (months == 3) {
		w->p = q;
	} else if (months == 12) {
		w->p.year = q.year;
		w->p.type = EC_PERIOD_YEAR;
		w->p.n = 0;
	} else if (months == 6) {
		w->p.year = q.year;
		w->p.type = EC_PERIOD_HALF;
		w->p.n = q.n <= 2 ? 1 : 2;
	} else {
		w->p.year = q.year;
		w->p.type = EC_PERIOD_MONTHS;
		w->p.n = q.n * 3;
	}
	return 1;
}

static void set_abs_q(ex_when *w, int year, int q)
{
	w->rel = EX_P_ABS;
	w->p = ec_period_quarter(year, q);
	w->explicit_year = 1;
}

static void set_fy(ex_when *w, int year)
{
	w->rel = EX_P_ABS;
	w->p.year = year;
	w->p.type = EC_PERIOD_YEAR;
	w->p.n = 0;
	w->explicit_year = 1;
}

/* After a quarter with no year yet: "of 2006", "2011", "of fiscal 2024",
 * "fiscal 2024", "FY24", "of last year", "of the prior year", "last year",
 * "ended DATE". */
static void quarter_tail(const char *s, size_t len, size_t j, const ex_cal *cal,
                         int q, ex_when *w)
{
	static const char *const of[] = {"of", "in"};
	size_t k = skip_words(s, len, j, of, 2), e;
	int y;
	/* "Third Quarter of the Fiscal Year Ending March 31, 2025" */
	if ((e = ex_word_at(s, len, k, "the")) && ex_word_at(s, len, ex_skip_ws(s, len, e), "fiscal"))
		k = ex_skip_ws(s, len, e);
	/* "the second quarter and first half of 2024", "third quarter and
	 * nine months ended September 30, 2024", "fourth quarter and full
	 * year 2023": the year (or date) of the longer period dates the
	 * quarter too; the quarter's words end where they did */
	size_t ea = ex_word_at(s, len, ex_skip_ws(s, len, j), "and");
	if (ea) {
		size_t a = ex_skip_ws(s, len, ea), kk = 0, e1, e2;
		if ((e1 = ex_word_at(s, len, a, "the")))
			a = ex_skip_ws(s, len, e1);
		if (((e1 = ex_word_at(s, len, a, "first")) || (e1 = ex_word_at(s, len, a, "second"))) &&
		    (e2 = ex_word_at(s, len, ex_skip_ws(s, len, e1), "half")))
			kk = e2;
		else if (((e1 = ex_word_at(s, len, a, "six")) || (e1 = ex_word_at(s, len, a, "nine")) ||
		          (e1 = ex_word_at(s, len, a, "twelve"))) &&
		         (e2 = ex_word_at(s, len, ex_skip_ws(s, len, e1), "months")))
			kk = e2;
		else if (((e1 = ex_word_at(s, len, a, "full")) || (e1 = ex_word_at(s, len, a, "fiscal"))) &&
		         (e2 = ex_word_at(s, len, ex_skip_ws(s, len, e1), "year")))
			kk = e2;
		else if ((e1 = ex_word_at(s, len, a, "full-year")))
			kk = e1;
		if (kk) {
			size_t k3 = skip_words(s, len, kk, of, 2);
			int qi;
			if (year4_at(s, len, k3, &y) || fiscal_year_at(s, len, k3, &y, &e)) {
				set_abs_q(w, y, q);
				return;
			}
			if (ended_date(s, len, kk, cal, &qi) && ec_period_from_qindex(qi).n == q) {
				set_abs_q(w, ec_period_from_qindex(qi).year, q);
				return;
			}
		}
	}
	if (year4_at(s, len, k, &y)) {
		set_abs_q(w, y, q);
		w->end = k + 4;
		return;
	}
	if (fiscal_year_at(s, len, k, &y, &e)) {
		set_abs_q(w, y, q);
		w->end = e;
		return;
	}
	size_t k2 = k;
	if ((e = ex_word_at(s, len, k2, "the")))
		k2 = ex_skip_ws(s, len, e);
	if ((e = ex_word_at(s, len, k2, "last")) || (e = ex_word_at(s, len, k2, "prior")) ||
	    (e = ex_word_at(s, len, k2, "previous"))) {
		size_t e2 = ex_word_at(s, len, ex_skip_ws(s, len, e), "year");
		if (e2 && k2 != j) {
			w->rel = EX_P_YAGO;
			w->n = q;
			w->end = e2;
			return;
		}
	}
	int qi;
	size_t de = ended_date(s, len, j, cal, &qi);
	if (de) {
		ec_period p = ec_period_from_qindex(qi);
		if (p.n == q) {
			set_abs_q(w, p.year, q);
			w->end = de;
			return;
		}
	}
	w->rel = EX_P_QN;
	w->n = q;
}

/* Case-insensitive: the lower-case word p is a prefix of s[j..len). */
static int prefix_ci(const char *s, size_t len, size_t j, const char *p)
{
	for (size_t k = 0; p[k]; k++)
		if (j + k >= len || ex_lower((unsigned char)s[j + k]) != (unsigned char)p[k])
			return 0;
	return 1;
}


/* A cheap necessary test for the branches of ex_when_parse after the
 * determiner ("the", "this", "that", "our"; det != 0 when one was read):
 * every one of them needs the word at j to start with one of the words
 * below (quarter, current, prior, ..., a month, full, fiscal, year; "a"
 * of "a year ago" and a date only without a determiner).  A prefix test
 * and no word-end test: it only has to let through everything that the
 * branches could accept. */
static int may_open_rest(const char *s, size_t len, size_t j, int det)
{
	if (j >= len)
		return 0;
	unsigned char c = (unsigned char)s[j];
	if (is_digit(c))
		return !det; /* a date */
	if (!ex_is_alpha(c))
		return 0;
	if (!det && (c == 'a' || c == 'A'))
		return 1; /* "a year ago" */
	uint64_t x = load8(s, len, j);
	switch (c | 0x20) { /* c is a letter: its lower case */
	case 'a':
		return PFX(x, "annual") || PFX(x, "apr") || PFX(x, "aug");
	case 'b':
		return PFX(x, "beginnin") && prefix_ci(s, len, j + 8, "g"); /* "beginning" */
	case 'c':
		return PFX(x, "current") || PFX(x, "coming");
	case 'd':
		return PFX(x, "dec");
	case 'e':
		return PFX(x, "end") || PFX(x, "entire");
	case 'f':
		return PFX(x, "feb") || PFX(x, "full") || PFX(x, "fiscal") || PFX(x, "first") ||
		       (PFX(x, "followin") && prefix_ci(s, len, j + 8, "g")); /* "following" */
	case 'h':
		return PFX(x, "half");
	case 'j':
		return PFX(x, "jan") || PFX(x, "jun") || PFX(x, "jul");
	case 'l':
		return PFX(x, "last");
	case 'm':
		return PFX(x, "mar") || PFX(x, "may");
	case 'n':
		return PFX(x, "next") || PFX(x, "nov") || PFX(x, "nine");
	case 'o':
		return PFX(x, "oct");
	case 'p':
		return PFX(x, "pr"); /* prior, previous, preceding */
	case 'q':
		return PFX(x, "quarter");
	case 's':
		return (PFX(x, "sequenti") && prefix_ci(s, len, j + 8, "al")) || /* "sequential" */
		       PFX(x, "same") || PFX(x, "start") || PFX(x, "sep") || PFX(x, "six");
	case 't':
		return PFX(x, "twelve");
	case 'u':
		return PFX(x, "upcoming");
	case 'y':
		return PFX(x, "year");
	default:
		return 0;
	}
}

/* Digits at s[i]: four digits (a year, "2007-10-23"), or digits
 * followed by a letter ("3Q10", "1st", "23October") or a blank ("3
 * months", "23 October 2007"): nothing else opens a period. */
static int digits_may_start(const char *s, size_t len, size_t i)
{
	size_t r = 1;
	while (r < 4 && i + r < len && is_digit((unsigned char)s[i + r]))
		r++;
	if (r >= 4)
		return 1;
	if (i + r >= len)
		return 0;
	unsigned char x = (unsigned char)s[i + r];
	return ex_is_alpha(x) || x == ' ' || x == '\t' || x == '\n' || x == '\r';
}

int ex_when_may_start(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	unsigned char c = (unsigned char)s[i];
	if (is_digit(c))
		return digits_may_start(s, len, i);
	if (!ex_is_alpha(c))
		return 0;
	/* the first word of every branch, as a prefix (no word-end test:
	 * this only has to let through what the branches accept) */
	uint64_t x = load8(s, len, i);
	int any;
	switch (c | 0x20) { /* c is a letter: its lower case */
	case 'a': /* "a" itself ("a year ago") */
		any = !(i + 1 < len && ex_is_alpha((unsigned char)s[i + 1])) || PFX(x, "annual") ||
		      PFX(x, "apr") || PFX(x, "aug");
		break;
	case 'b':
		any = PFX(x, "beginnin") && prefix_ci(s, len, i + 8, "g"); /* "beginning" */
		break;
	case 'c':
		any = PFX(x, "current") || PFX(x, "coming");
		break;
	case 'd':
		any = PFX(x, "dec");
		break;
	case 'e':
		any = PFX(x, "end") || PFX(x, "entire");
		break;
	case 'f':
		any = PFX(x, "fy") || PFX(x, "first") || PFX(x, "fourth") || PFX(x, "fiscal") ||
		      PFX(x, "full") || PFX(x, "feb") ||
		      (PFX(x, "followin") && prefix_ci(s, len, i + 8, "g")); /* "following" */
		break;
	case 'h':
		any = PFX(x, "h1") || PFX(x, "h2");
		break;
	case 'j':
		any = PFX(x, "jan") || PFX(x, "jun") || PFX(x, "jul");
		break;
	case 'l':
		any = PFX(x, "last");
		break;
	case 'm':
		any = PFX(x, "mar") || PFX(x, "may");
		break;
	case 'n':
		any = PFX(x, "nine") || PFX(x, "next") || PFX(x, "nov");
		break;
	case 'o':
		any = PFX(x, "our") || PFX(x, "oct");
		break;
	case 'p':
		any = PFX(x, "pr"); /* prior, previous, preceding */
		break;
	case 'q':
		any = 1;
		break;
	case 's':
		any = PFX(x, "second") || PFX(x, "six") ||
		      (PFX(x, "sequenti") && prefix_ci(s, len, i + 8, "al")) || /* "sequential" */
		      PFX(x, "same") || PFX(x, "start") || PFX(x, "sep");
		break;
	case 't':
		any = PFX(x, "th") || PFX(x, "twelve"); /* the this that third three */
		break;
	case 'u':
		any = PFX(x, "upcoming");
		break;
	case 'y':
		any = PFX(x, "year");
		break;
	default:
		any = 0;
		break;
	}
	if (!any)
		return 0;
	return ex_when_may_follow(s, len, i);
}

/* A balance date at s[j]: "September 30, 2007", a quarter end of cal (no
 * dates with cal->set < 0).  Returns 1 and fills *w, or 0. */
static int balance_date(const char *s, size_t len, size_t j, const ex_cal *cal, ex_when *w)
{
	int dy, dm, dd;
	size_t de;
	if (!cal || cal->set < 0 || !ex_date_parse(s, len, j, &dy, &dm, &dd, &de))
		return 0;
	int mi = dy * 12 + dm - 1;
	if (dd <= 7)
		mi--;
	else if (dd < 24)
		return 0;
	int qi = ex_cal_quarter_of_month(cal, mi);
	if (cal_end_month(cal, qi) != mi)
		return 0;
	w->rel = EX_P_ABS;
	w->p = ec_period_from_qindex(qi);
	w->explicit_year = 1;
	w->end = de;
	return 1;
}

/* What the first byte of a word lets through (ex_when_parse): each flag
 * is the set of bytes that the named reader accepts first (its own first
 * test), so calling it only for those bytes changes nothing and saves the
 * calls that fail at once. */
enum {
	K_FY = 1,  /* fiscal_year_at: 'F' or 'f' */
	K_MON = 2, /* months_ended: three six nine twelve 3 6 9 12 fiscal year quarter */
	K_Y4 = 4,  /* year4_at: a digit */
	K_ORD = 8  /* ordinal_at: first second third fourth 1st 2nd 3rd 4th */
};
static const unsigned char first_kind[256] = {
    ['F'] = K_FY | K_MON | K_ORD, ['f'] = K_FY | K_MON | K_ORD,
    ['T'] = K_MON | K_ORD,        ['t'] = K_MON | K_ORD,
    ['S'] = K_MON | K_ORD,        ['s'] = K_MON | K_ORD,
    ['N'] = K_MON,                ['n'] = K_MON,
    ['Y'] = K_MON,                ['y'] = K_MON,
    ['Q'] = K_MON,                ['q'] = K_MON,
    ['0'] = K_Y4,                 ['1'] = K_Y4 | K_MON | K_ORD,
    ['2'] = K_Y4 | K_ORD,         ['3'] = K_Y4 | K_MON | K_ORD,
    ['4'] = K_Y4 | K_ORD,         ['5'] = K_Y4,
    ['6'] = K_Y4 | K_MON,         ['7'] = K_Y4,
    ['8'] = K_Y4,                 ['9'] = K_Y4 | K_MON,
};

int ex_when_may_follow(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	unsigned char c = (unsigned char)s[i];
	size_t e;
	if (is_digit(c))
		return digits_may_start(s, len, i);
	if (c != 'a' && c != 'A' && c != 't' && c != 'T' && c != 'o' && c != 'O')
		return 1;
	uint64_t x = load8(s, len, i);
	/* "a" only opens "a year ago" */
	if ((e = WORD_AT(x, s, len, i, "a")))
		return prefix_ci(s, len, ex_skip_ws(s, len, e), "year");
	/* a determiner: the word after it must open the rest (see the
	 * determiner branch of ex_when_parse; no branch before it accepts
	 * these words) */
	if ((e = WORD_AT(x, s, len, i, "the")) || (e = WORD_AT(x, s, len, i, "this")) ||
	    (e = WORD_AT(x, s, len, i, "that")) || (e = WORD_AT(x, s, len, i, "our"))) {
		size_t j = ex_skip_ws(s, len, e), oe;
		if (j >= len)
			return 0;
		unsigned char x = (unsigned char)s[j];
		if (is_digit(x) || x == 'Q' || x == 'q' || x == 'F' || x == 'f' ||
		    ((first_kind[x] & K_ORD) && ordinal_at(s, len, j, &oe)))
			return 1;
		return may_open_rest(s, len, j, 1);
	}
	return 1;
}

int ex_when_parse(const char *s, size_t len, size_t i, const ex_cal *cal,
                  ex_when *w)
{
	memset(w, 0, sizeof *w);
	w->start = i;
	if (i >= len || (i > 0 && ex_is_word((unsigned char)s[i - 1])))
		return 0;
	size_t e, j;
	int y, q;
	unsigned char c = (unsigned char)s[i];
	/* Q3 2010, Q3'07, Q3 FY24, Q3 of fiscal 2024, Q3 */
	if ((c == 'Q' || c == 'q') && i + 1 < len && s[i + 1] >= '1' && s[i + 1] <= '4' &&
	    (i + 2 >= len || !is_digit((unsigned char)s[i + 2]))) {
		q = s[i + 1] - '0';
		j = i + 2;
		if (j < len && ex_is_alpha((unsigned char)s[j]) &&
		    !((s[j] == 'F' || s[j] == 'f') && j + 1 < len && (s[j + 1] == 'Y' || s[j + 1] == 'y')))
			return 0;
		if (year_after(s, len, j, &y, &e)) {
			set_abs_q(w, y, q);
			w->end = e;
			return 1;
		}
		size_t k = j;
		if (k < len && s[k] == ' ')
			k++;
		if (fiscal_year_at(s, len, k, &y, &e)) {
			set_abs_q(w, y, q);
			w->end = e;
			return 1;
		}
		w->end = j;
		quarter_tail(s, len, j, cal, q, w);
		return 1;
	}
	/* H1 2024, H1'24, H2 FY25, 1H 2024, 1H24: a half year */
	if ((((c == 'H' || c == 'h') && i + 1 < len && (s[i + 1] == '1' || s[i + 1] == '2')) ||
	     ((c == '1' || c == '2') && i + 1 < len && (s[i + 1] == 'H' || s[i + 1] == 'h'))) &&
	    (i + 2 >= len || !ex_is_alpha((unsigned char)s[i + 2]) ||
	     ((s[i + 2] == 'F' || s[i + 2] == 'f') && i + 3 < len && (s[i + 3] == 'Y' || s[i + 3] == 'y')))) {
		int h = (c == '1' || c == '2') ? c - '0' : s[i + 1] - '0';
		int v;
		j = i + 2;
		if ((c == '1' || c == '2') && digits_at(s, len, j, 4, &v) == 2) {
			y = 2000 + v;
			e = j + 2;
		} else if (!year_after(s, len, j, &y, &e) &&
		           !fiscal_year_at(s, len, j < len && s[j] == ' ' ? j + 1 : j, &y, &e)) {
			return 0;
		}
		w->rel = EX_P_ABS;
		w->p.year = y;
		w->p.type = EC_PERIOD_HALF;
		w->p.n = h;
		w->explicit_year = 1;
		w->end = e;
		return 1;
	}
	/* 3Q10, 3Q 2010, 3QFY24 */
	if (c >= '1' && c <= '4' && i + 1 < len && (s[i + 1] == 'Q' || s[i + 1] == 'q')) {
		q = c - '0';
		j = i + 2;
		int v;
		if (digits_at(s, len, j, 4, &v) == 2) {
			set_abs_q(w, 2000 + v, q);
			w->end = j + 2;
			return 1;
		}
		if (year_after(s, len, j, &y, &e) || fiscal_year_at(s, len, j, &y, &e) ||
		    (j < len && s[j] == ' ' && fiscal_year_at(s, len, j + 1, &y, &e))) {
			set_abs_q(w, y, q);
			w->end = e;
			return 1;
		}
		if (j >= len || !ex_is_word((unsigned char)s[j])) {
			w->rel = EX_P_QN;
			w->n = q;
			w->end = j;
			return 1;
		}
		return 0;
	}
	/* FY2024Q1, FY24 Q1, FY2024 first quarter, FY2008, fiscal 2008,
	 * fiscal year 2008, fiscal 2024 first quarter */
	unsigned kind = first_kind[c];
	if ((kind & K_FY) && fiscal_year_at(s, len, i, &y, &e)) {
		j = e;
		size_t k = j;
		if (k < len && (s[k] == ' ' || s[k] == '-'))
			k++;
		if (k + 1 < len && (s[k] == 'Q' || s[k] == 'q') && s[k + 1] >= '1' &&
		    s[k + 1] <= '4' && (k + 2 >= len || !ex_is_word((unsigned char)s[k + 2]))) {
			set_abs_q(w, y, s[k + 1] - '0');
			w->end = k + 2;
			return 1;
		}
		k = ex_skip_ws(s, len, j);
		if ((q = ordinal_at(s, len, k, &e))) {
			size_t e2 = ex_word_at(s, len, ex_skip_ws(s, len, e), "quarter");
			if (e2) {
				set_abs_q(w, y, q);
				w->end = e2;
				return 1;
			}
		}
		set_fy(w, y);
		w->end = j;
		return 1;
	}
	/* nine months ended ..., year ended ... */
	if ((kind & K_MON) && months_ended(s, len, i, cal, w))
		return 1;
	/* the 2007 third quarter; 2007 full year */
	if ((kind & K_Y4) && year4_at(s, len, i, &y)) {
		j = ex_skip_ws(s, len, i + 4);
		size_t e2;
		if ((e2 = ex_word_at(s, len, j, "fiscal")))
			j = ex_skip_ws(s, len, e2);
		if ((q = ordinal_at(s, len, j, &e)) &&
		    (e2 = ex_word_at(s, len, ex_skip_ws(s, len, e), "quarter"))) {
			set_abs_q(w, y, q);
			w->end = e2;
			return 1;
		}
		if ((e2 = ex_word_at(s, len, j, "annual")) || ((e2 = ex_word_at(s, len, j, "full")) &&
		    (e2 = ex_word_at(s, len, ex_skip_ws(s, len, e2), "year")))) {
			set_fy(w, y);
			w->end = e2;
			return 1;
		}
		return 0;
	}
	/* third quarter (of 2006 | 2011 | of fiscal 2024 | fiscal 2024 |
	 * ended DATE); third fiscal quarter; first nine months of 2007;
	 * first half of 2012 */
	if ((kind & K_ORD) && (q = ordinal_at(s, len, i, &e))) {
		j = ex_skip_ws(s, len, e);
		size_t e2;
		if ((e2 = ex_word_at(s, len, j, "fiscal")))
			j = ex_skip_ws(s, len, e2);
		if ((e2 = ex_word_at(s, len, j, "quarter"))) {
			w->end = e2;
			quarter_tail(s, len, e2, cal, q, w);
			return 1;
		}
		if (q <= 2 && ((e2 = ex_word_at(s, len, j, "half")))) {
			static const char *const of[] = {"of", "in"};
			size_t k = skip_words(s, len, e2, of, 2);
			w->end = e2;
			if (year4_at(s, len, k, &y) || fiscal_year_at(s, len, k, &y, &e)) {
				w->rel = EX_P_ABS;
				w->p.year = y;
				w->p.type = EC_PERIOD_HALF;
				w->p.n = q;
				w->explicit_year = 1;
				w->end = year4_at(s, len, k, &y) ? k + 4 : e;
				return 1;
			}
			return 0;
		}
		if (q == 1) {
			static const struct {
				const char *w;
				int m;
			} nm[] = {{"three", 3}, {"six", 6}, {"nine", 9}};
			for (int k = 0; k < 3; k++)
				if ((e2 = ex_word_at(s, len, j, nm[k].w)) &&
				    (e2 = ex_word_at(s, len, ex_skip_ws(s, len, e2), "months"))) {
					static const char *const of[] = {"of", "in"};
					size_t k2 = skip_words(s, len, e2, of, 2);
					if (year4_at(s, len, k2, &y) || fiscal_year_at(s, len, k2, &y, &e)) {
						w->rel = EX_P_ABS;
						w->p.year = y;
						w->p.type = nm[k].m == 6 ? EC_PERIOD_HALF : EC_PERIOD_MONTHS;
						w->p.n = nm[k].m == 6 ? 1 : nm[k].m;
						if (nm[k].m == 3)
							w->p = ec_period_quarter(y, 1);
						w->explicit_year = 1;
						w->end = year4_at(s, len, k2, &y) ? k2 + 4 : e;
						return 1;
					}
				}
		}
		return 0;
	}
	/* Phrases that start with a determiner or an adjective.  WJ(w) is
	 * ex_word_at(s, len, j, w) on xj, the bytes at j read once (kept up
	 * to date with j). */
#define WJ(lit) WORD_AT(xj, s, len, j, lit)
	j = i;
	uint64_t xj = load8(s, len, j);
	int det = 0;
	if ((e = WJ("the")) || (e = WJ("this")) ||
	    (e = WJ("that")) || (e = WJ("our"))) {
		det = WJ("this") ? 2 : 1;
		j = ex_skip_ws(s, len, e);
		xj = load8(s, len, j);
		/* "the third quarter of 2006", "the 2007 third quarter" */
		if (j < len && (((first_kind[(unsigned char)s[j]] & K_ORD) && ordinal_at(s, len, j, &e)) ||
		                (s[j] >= '0' && s[j] <= '9') ||
		                s[j] == 'Q' || s[j] == 'q' || s[j] == 'F' || s[j] == 'f') &&
		    !WJ("full") && !WJ("fiscal") &&
		    ex_when_parse(s, len, j, cal, w)) {
			w->start = i;
			return 1;
		}
	}
	if (!may_open_rest(s, len, j, det))
		return 0; /* "the company", "that we": most determiners stop here */
	/* a digit (may_open_rest lets one through only without a determiner)
	 * opens none of the words below: only the balance date at the end */
	if (is_digit((unsigned char)s[j]))
		return balance_date(s, len, j, cal, w);
	size_t e2, e3;
	if ((e2 = WJ("quarter"))) {
		if (!det)
			return 0;
		/* "the quarter ended DATE" */
		int qi;
		size_t de = ended_date(s, len, e2, cal, &qi);
		if (de) {
			w->rel = EX_P_ABS;
			w->p = ec_period_from_qindex(qi);
			w->explicit_year = 1;
			w->end = de;
			return 1;
		}
		w->rel = EX_P_THIS;
		w->end = e2;
		return 1;
	}
	if ((e2 = WJ("current")) &&
	    (e3 = ex_word_at(s, len, ex_skip_ws(s, len, e2), "quarter"))) {
		w->rel = EX_P_THIS;
		w->end = e3;
		return 1;
	}
	/* "the year ended 31 March 2025", "the fiscal year ended ...": the
	 * year that the date ends */
	if (det && (WJ("year") || WJ("fiscal")) &&
	    months_ended(s, len, j, cal, w)) {
		w->start = i;
		return 1;
	}
	/* "the nine months ended December 31, 2024"; "for the nine months",
	 * "the first six months": months to the document's quarter's end */
	if (det) {
		size_t a = j, m;
		if ((m = ex_word_at(s, len, a, "first")))
			a = ex_skip_ws(s, len, m);
		int months = (e2 = ex_word_at(s, len, a, "six")) ? 6
		             : (e2 = ex_word_at(s, len, a, "nine")) ? 9
		             : (e2 = ex_word_at(s, len, a, "twelve")) ? 12
		                                                        : 0;
		if (months && (e3 = ex_word_at(s, len, ex_skip_ws(s, len, e2), "months"))) {
			if (a == j && months_ended(s, len, j, cal, w)) {
				w->start = i;
				return 1;
			}
			size_t k = ex_skip_ws(s, len, e3);
			if (!ex_word_at(s, len, k, "ended") && !ex_word_at(s, len, k, "ending")) {
				memset(w, 0, sizeof *w);
				w->start = i;
				w->rel = EX_P_MTD;
				w->n = months;
				w->end = e3;
				return 1;
			}
			return 0;
		}
	}
	/* "for the half year", "the half-year", "this half" (not "half of
	 * the increase") */
	if (det) {
		size_t he = 0;
		if ((e2 = WJ("half-year"))) {
			he = e2;
		} else if ((e2 = WJ("half"))) {
			size_t k2 = ex_skip_ws(s, len, e2);
			if ((e3 = ex_word_at(s, len, k2, "year")))
				he = e3;
			else if (!ex_word_at(s, len, k2, "of"))
				he = e2;
		}
		if (he) {
			w->rel = EX_P_HALF;
			w->end = he;
			return 1;
		}
	}
	if ((e2 = WJ("prior")) || (e2 = WJ("previous")) ||
	    (e2 = WJ("preceding")) || (e2 = WJ("last")) ||
	    (e2 = WJ("sequential")) || (e2 = WJ("year-ago")) ||
	    (e2 = WJ("prior-year")) || (e2 = WJ("same")) ||
	    /* "the year ago quarter"; "the year" alone is the full year
	     * (below) */
	    ((e2 = WJ("year")) && ex_word_at(s, len, ex_skip_ws(s, len, e2), "ago"))) {
		int kind = WJ("year-ago") || WJ("prior-year") ? 1
		           : WJ("same") ? 2
		           : WJ("year") ? 3
		                                            : 0;
		size_t k = ex_skip_ws(s, len, e2);
		if (kind == 3) {
			/* "year ago quarter" */
			if (!(e3 = ex_word_at(s, len, k, "ago")))
				return 0;
			k = ex_skip_ws(s, len, e3);
			kind = 1;
		}
		if (kind == 0) {
			/* prior year ..., last year's ... */
			if ((e3 = ex_word_at(s, len, k, "year")) || (e3 = ex_word_at(s, len, k, "year's"))) {
				size_t k2 = ex_skip_ws(s, len, e3);
				if ((q = ordinal_at(s, len, k2, &e)) &&
				    (e = ex_word_at(s, len, ex_skip_ws(s, len, e), "quarter"))) {
					w->rel = EX_P_YAGO;
					w->n = q;
					w->end = e;
					return 1;
				}
				if ((e = ex_word_at(s, len, k2, "quarter")) ||
				    (e = ex_word_at(s, len, k2, "period")) ||
				    (e = ex_word_at(s, len, k2, "figure"))) {
					w->rel = EX_P_YAGO;
					w->end = e;
					return 1;
				}
				w->rel = EX_P_YAGO;
				w->end = e3;
				return 1;
			}
			if ((e3 = ex_word_at(s, len, k, "quarter"))) {
				w->rel = EX_P_PRIOR;
				w->end = e3;
				return 1;
			}
			if ((e3 = ex_word_at(s, len, k, "fiscal")) &&
			    (e3 = ex_word_at(s, len, ex_skip_ws(s, len, e3), "year"))) {
				w->rel = EX_P_YAGO;
				w->end = e3;
				return 1;
			}
			return 0;
		}
		if (kind == 1) {
			if ((e3 = ex_word_at(s, len, k, "quarter")) || (e3 = ex_word_at(s, len, k, "period"))) {
				w->rel = EX_P_YAGO;
				w->end = e3;
				return 1;
			}
			if ((q = ordinal_at(s, len, k, &e)) &&
			    (e = ex_word_at(s, len, ex_skip_ws(s, len, e), "quarter"))) {
				w->rel = EX_P_YAGO;
				w->n = q;
				w->end = e;
				return 1;
			}
			return 0;
		}
		/* the same quarter|period (of|in) (last year|a year ago|the
		 * prior year|YYYY) */
		if ((e3 = ex_word_at(s, len, k, "quarter")) || (e3 = ex_word_at(s, len, k, "period"))) {
			int is_q = ex_word_at(s, len, k, "quarter") != 0;
			static const char *const of[] = {"of", "in", "the"};
			size_t k2 = skip_words(s, len, e3, of, 3), e4;
			w->rel = is_q ? EX_P_YAGO : EX_P_SAMEYA;
			w->end = e3;
			if ((e4 = ex_word_at(s, len, k2, "last")) || (e4 = ex_word_at(s, len, k2, "prior")) ||
			    (e4 = ex_word_at(s, len, k2, "previous"))) {
				size_t e5 = ex_word_at(s, len, ex_skip_ws(s, len, e4), "year");
				if (e5)
					w->end = e5;
			} else if ((e4 = ex_word_at(s, len, k2, "a"))) {
				size_t e5 = ex_word_at(s, len, ex_skip_ws(s, len, e4), "year");
				if (e5 && (e5 = ex_word_at(s, len, ex_skip_ws(s, len, e5), "ago")))
					w->end = e5;
			} else if (year4_at(s, len, k2, &y)) {
				w->end = k2 + 4;
			}
			return 1;
		}
		return 0;
	}
	if ((e2 = WJ("next")) || (e2 = WJ("coming")) ||
	    (e2 = WJ("upcoming")) || (e2 = WJ("following"))) {
		if ((e3 = ex_word_at(s, len, ex_skip_ws(s, len, e2), "quarter"))) {
			w->rel = EX_P_NEXT;
			w->end = e3;
			return 1;
		}
		return 0;
	}
	if ((e2 = WJ("beginning")) || (e2 = WJ("start"))) {
		size_t k = ex_skip_ws(s, len, e2);
		if ((e3 = ex_word_at(s, len, k, "of"))) {
			k = ex_skip_ws(s, len, e3);
			if ((e3 = ex_word_at(s, len, k, "the")) || (e3 = ex_word_at(s, len, k, "this")))
				k = ex_skip_ws(s, len, e3);
			if ((e3 = ex_word_at(s, len, k, "quarter"))) {
				w->rel = EX_P_BEGIN;
				w->end = e3;
				return 1;
			}
		}
		return 0;
	}
	if ((e2 = WJ("end"))) {
		/* "the end of last year", "end of the prior year" */
		size_t k = ex_skip_ws(s, len, e2);
		if ((e3 = ex_word_at(s, len, k, "of"))) {
			k = ex_skip_ws(s, len, e3);
			if ((e3 = ex_word_at(s, len, k, "the")))
				k = ex_skip_ws(s, len, e3);
			if ((e3 = ex_word_at(s, len, k, "last")) || (e3 = ex_word_at(s, len, k, "prior")) ||
			    (e3 = ex_word_at(s, len, k, "previous"))) {
				size_t e4 = ex_word_at(s, len, ex_skip_ws(s, len, e3), "year");
				if (e4) {
					w->rel = EX_P_PRIORFY;
					w->end = e4;
					return 1;
				}
			}
		}
		return 0;
	}
	/* the December quarter */
	int mo;
	if ((mo = ex_month_parse(s, len, j, &e2)) &&
	    (e3 = ex_word_at(s, len, ex_skip_ws(s, len, e2), "quarter"))) {
		w->rel = EX_P_MONTHQ;
		w->n = mo;
		w->end = e3;
		return 1;
	}
	/* full year, the full 2008 year, full fiscal year, the fiscal year,
	 * full-year, this year, the year */
	if ((e2 = WJ("full")) || (e2 = WJ("full-year")) ||
	    (e2 = WJ("fiscal")) || (e2 = WJ("year")) ||
	    (e2 = WJ("annual")) || (e2 = WJ("entire"))) {
		int full_year = WJ("full-year") != 0;
		int is_year = WJ("year") != 0;
		int annual = WJ("annual") != 0;
		size_t k = ex_skip_ws(s, len, e2);
		int yr = 0;
		if (annual) {
			w->rel = EX_P_FY;
			w->end = e2;
			return 1;
		}
		if (is_year) {
			if (!det)
				return 0;
			w->rel = EX_P_FY;
			w->end = e2;
			return 1;
		}
		if (!full_year) {
			if (year4_at(s, len, k, &yr))
				k = ex_skip_ws(s, len, k + 4);
			if ((e3 = ex_word_at(s, len, k, "fiscal")))
				k = ex_skip_ws(s, len, e3);
			if (!(e3 = ex_word_at(s, len, k, "year")))
				return 0;
			e2 = e3;
		}
		w->rel = EX_P_FY;
		w->end = e2;
		k = ex_skip_ws(s, len, e2);
		if (!yr && k < len && year4_at(s, len, k, &yr))
			w->end = year_end_after(s, len, k + 4, yr);
		else if (!yr && fiscal_year_at(s, len, k, &yr, &e3))
			w->end = e3;
		if (yr) {
			w->rel = EX_P_ABS;
			w->p.year = yr;
			w->p.type = EC_PERIOD_YEAR;
			w->p.n = 0;
			w->explicit_year = 1;
			w->rel = EX_P_FY; /* resolve checks plausibility */
		}
		return 1;
	}
	/* last year, a year ago, a year earlier */
	if (!det && (e2 = WJ("a")) &&
	    (e3 = ex_word_at(s, len, ex_skip_ws(s, len, e2), "year"))) {
		size_t k3 = ex_skip_ws(s, len, e3), e4;
		if ((e4 = ex_word_at(s, len, k3, "ago")) || (e4 = ex_word_at(s, len, k3, "earlier"))) {
			w->rel = EX_P_YAGO;
			w->end = e4;
			return 1;
		}
	}
	/* A balance date: "September 30, 2007" (a quarter end). */
	return !det && balance_date(s, len, j, cal, w);
#undef WJ
}

int ex_when_resolve(const ex_when *w, const ex_cal *cal, int has_doc,
                    ec_period doc, const ec_period *scope, int guidance,
                    ec_period *out)
{
	if (w->rel == EX_P_ABS) {
		*out = w->p;
		return 1;
	}
	if (!has_doc || doc.type != EC_PERIOD_QUARTER)
		return 0;
	switch (w->rel) {
	case EX_P_QN:
		if (guidance)
			*out = ec_period_quarter(w->n > doc.n ? doc.year : doc.year + 1, w->n);
		else
			*out = ec_period_quarter(w->n <= doc.n ? doc.year : doc.year - 1, w->n);
		if (guidance && w->n == doc.n)
			*out = doc;
		return 1;
	case EX_P_THIS:
		*out = doc;
		return 1;
	case EX_P_HALF:
		out->type = EC_PERIOD_HALF;
		out->year = doc.year;
		out->n = doc.n <= 2 ? 1 : 2;
		return 1;
	case EX_P_MTD:
		if (w->n != doc.n * 3)
			return 0; /* "the nine months" in a second-quarter report */
		out->year = doc.year;
		out->type = w->n == 6 ? EC_PERIOD_HALF : w->n == 12 ? EC_PERIOD_YEAR : EC_PERIOD_MONTHS;
		out->n = w->n == 6 ? 1 : w->n == 12 ? 0 : w->n;
		return 1;
	case EX_P_PRIOR:
	case EX_P_BEGIN:
		*out = ec_period_prior_quarter(doc);
		return 1;
	case EX_P_NEXT:
		*out = ec_period_add_quarters(doc, 1);
		return 1;
	case EX_P_YAGO:
		if (w->n)
			*out = ec_period_quarter(doc.year - 1, w->n);
		else if (scope && scope->type != EC_PERIOD_QUARTER)
			*out = ec_period_year_ago(*scope);
		else
			*out = ec_period_year_ago(doc);
		return 1;
	case EX_P_SAMEYA:
		*out = ec_period_year_ago(scope ? *scope : doc);
		return 1;
	case EX_P_FY:
		out->type = EC_PERIOD_YEAR;
		out->n = 0;
		out->year = doc.year;
		/* A stated year far from the document's is a misheard word
		 * ("for the full 2000 year" said in 2008). */
		if (w->explicit_year && w->p.year >= doc.year - 1 && w->p.year <= doc.year + 2)
			out->year = w->p.year;
		return 1;
	case EX_P_PRIORFY:
		*out = ec_period_quarter(doc.year - 1, 4);
		return 1;
	case EX_P_MONTHQ: {
		/* The quarter ending in that month nearest to the document's. */
		static const int order[] = {0, 1, -1, -2};
		if (cal && cal->set < 0)
			return 0;
		for (int k = 0; k < 4; k++) {
			ec_period p = ec_period_add_quarters(doc, order[k]);
			int m = cal_end_month(cal, ec_period_qindex(p));
			if (((m % 12) + 12) % 12 + 1 == w->n) {
				*out = p;
				return 1;
			}
		}
		return 0;
	}
	default:
		return 0;
	}
}

/* ---- the document's own period, date and ticker ---------------------- */

static int near_cue(const char *s, size_t len, size_t a, size_t b)
{
	static const char *const cues[] = {"results", "earnings", "conference",
	                                   "reports", "announces", "reported",
	                                   "financial"};
	size_t lo = a > 120 ? a - 120 : 0, hi = b + 120 < len ? b + 120 : len;
	for (size_t i = lo; i < hi; i++) {
		if (i > 0 && ex_is_word((unsigned char)s[i - 1]))
			continue;
		for (size_t k = 0; k < sizeof cues / sizeof cues[0]; k++)
			if (ex_word_at(s, len, i, cues[k]))
				return 1;
	}
	return 0;
}

static void ticker_at(ex_doc *d, const char *s, size_t len, size_t i)
{
	size_t j = i;
	while (j < len && (s[j] == ' ' || s[j] == ':'))
		j++;
	size_t k = j;
	while (k < len && k - j < 8 &&
	       ((s[k] >= 'A' && s[k] <= 'Z') || (s[k] == '.' && k + 1 < len && s[k + 1] >= 'A' && s[k + 1] <= 'Z')))
		k++;
	if (k - j >= 1 && k - j <= 6 && (k >= len || !ex_is_word((unsigned char)s[k])) &&
	    !d->company[0]) {
		memcpy(d->company, s + j, k - j);
		d->company[k - j] = 0;
	}
}

/* Capitalised words just before "(NASDAQ:" are the company's name. */
static void name_before(ex_doc *d, const char *s, size_t i)
{
	size_t j = i;
	int words = 0;
	while (j > 0 && words < 5) {
		/* also the quotes and parenthesis of a short name:
		 * Orbis Freight Technologies, Inc. ("Orbis") (NASDAQ: ORBF) */
		while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == ',' || s[j - 1] == '(' || s[j - 1] == '.' ||
		                 s[j - 1] == '"' || s[j - 1] == ')' || (unsigned char)s[j - 1] >= 0x80))
			j--;
		size_t e = j;
		while (j > 0 && ex_is_word((unsigned char)s[j - 1]))
			j--;
		if (e == j || !(s[j] >= 'A' && s[j] <= 'Z'))
			break;
		ex_doc_add_known(d, s + j, e - j);
		words++;
	}
}

/* "(NASDAQ: JNPR)", "NYSE American: X" at s[i]: the ticker, and the
 * company name before the parenthesis. */
static void exchange_at(ex_doc *d, const char *s, size_t len, size_t i)
{
	/* first letters of the exchange names, upper case as written */
	static const unsigned char exch_first[256] = {['N'] = 1, ['T'] = 1, ['L'] = 1, ['O'] = 1};
	unsigned char c = (unsigned char)s[i];
	if (!exch_first[c] || (i > 0 && ex_is_word((unsigned char)s[i - 1])))
		return;
	size_t e;
	if ((e = ex_word_at(s, len, i, "nasdaq")) || (e = ex_word_at(s, len, i, "nyse")) ||
	    (e = ex_word_at(s, len, i, "tsx")) || (e = ex_word_at(s, len, i, "lse")) ||
	    (e = ex_word_at(s, len, i, "otc"))) {
		size_t k = e;
		/* "NYSE American:", "NASDAQ GS:" */
		if (k < len && s[k] == ' ' && k + 1 < len && s[k + 1] != ':') {
			size_t k2 = k + 1;
			while (k2 < len && ex_is_alpha((unsigned char)s[k2]) && k2 - k < 12)
				k2++;
			if (k2 < len && s[k2] == ':')
				k = k2;
		}
		if (k < len && s[k] == ':') {
			if (i > 0 && s[i - 1] == '(')
				name_before(d, s, i - 1);
			ticker_at(d, s, len, k + 1);
		}
	}
}

/* The head of a document: its first HEAD_MAX bytes are searched for the
 * document's period and date. */
#define HEAD_MAX 6000
#define HEAD_WORDS ((HEAD_MAX + 63) / 64)

/* The word starts of the head s[0..n) (n <= HEAD_MAX) as a bit set: bit
 * i of bits[i / 64] is set when s[i] is a word byte (ex_is_word) and
 * i == 0 or s[i - 1] is not.  The scans of the head only ever look at
 * such places (each skipped a byte whose predecessor is a word byte, or
 * that is not one itself), so they go from one set bit to the next
 * (next_start) instead of testing every byte.  The bits are made 64
 * bytes at a time when a scan first gets there: most scans stop early. */
typedef struct wstarts {
	const char *s;
	size_t n;
	size_t built; /* bits[0..built) are made */
	uint64_t bits[HEAD_WORDS];
} wstarts;

/* Makes bits[k], the starts among s[64k .. 64k + 64) (k < (n + 63) / 64). */
static void wstarts_build(wstarts *ws, size_t k)
{
	const char *s = ws->s;
	size_t i = k * 64, end = i + 64 < ws->n ? i + 64 : ws->n;
	unsigned prev = i > 0 && ex_is_word((unsigned char)s[i - 1]); /* s[i - 1] is a word byte */
	uint64_t b = 0;
#if defined(__SSE2__)
	/* sixteen bytes at a time: the same unsigned range tests as
	 * ex_is_alpha and ex_is_word, (x - lo) <= span as min(x - lo, span) ==
	 * x - lo */
	for (; i + 16 <= end; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i l = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
		__m128i dg = _mm_sub_epi8(v, _mm_set1_epi8('0'));
		__m128i isl = _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(25)), l);
		__m128i isd = _mm_cmpeq_epi8(_mm_min_epu8(dg, _mm_set1_epi8(9)), dg);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(isl, isd));
		unsigned st = m & ~((m << 1) | prev) & 0xffffu;
		b |= (uint64_t)st << (i % 64);
		prev = (m >> 15) & 1u;
	}
#endif
	for (; i < end; i++) {
		unsigned w = (unsigned)ex_is_word((unsigned char)s[i]);
		if (w && !prev)
			b |= (uint64_t)1 << (i % 64);
		prev = w;
	}
	ws->bits[k] = b;
}

static inline unsigned ctz64(uint64_t x)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(x);
#else
	unsigned k = 0;
	while (!(x & 1)) {
		x >>= 1;
		k++;
	}
	return k;
#endif
}

/* The first word start at or after from, n if none. */
static inline size_t next_start(wstarts *ws, size_t from)
{
	size_t n = ws->n;
	if (from >= n)
		return n;
	size_t k = from / 64, nw = (n + 63) / 64;
	while (ws->built <= k)
		wstarts_build(ws, ws->built++);
	uint64_t x = ws->bits[k] & (~(uint64_t)0 << (from % 64));
	while (!x) {
		if (++k >= nw)
			return n;
		while (ws->built <= k)
			wstarts_build(ws, ws->built++);
		x = ws->bits[k];
	}
	return k * 64 + ctz64(x);
}

static void find_issued(ex_doc *d, const char *s, size_t len, size_t head,
                        wstarts *starts);

/* "Microsoft ... Second Quarter Results ... for the quarter ended December
 * 31, 2023": the document's quarter came from a date, and the title names
 * another quarter number without a year.  The title's number is the
 * fiscal quarter that ends on that date; the fiscal year is named for the
 * calendar year in which it ends.  d->period holds the calendar quarter of
 * the date. */
static void fiscal_from_title(ex_doc *d, const char *s, size_t len, size_t head)
{
	size_t top = head < 400 ? head : 400;
	for (size_t i = 0; i < top; i++) {
		if (i > 0 && ex_is_word((unsigned char)s[i - 1]))
			continue;
		if (!ex_is_alpha((unsigned char)s[i]))
			continue;
		ex_when w;
		if (!ex_when_parse(s, len, i, &d->cal, &w))
			continue;
		if (w.rel == EX_P_QN && w.n >= 1 && w.n <= 4 && near_cue(s, len, i, w.end)) {
			int n = w.n;
			if (n == d->period.n)
				return; /* the calendar and the title agree */
			int mi = d->period.year * 12 + d->period.n * 3 - 1; /* the date's quarter end */
			int fy_end = mi + 3 * (4 - n);
			ec_period p = ec_period_quarter(fy_end / 12, n);
			d->cal.set = 1;
			d->cal.anchor_q = ec_period_qindex(p);
			d->cal.anchor_m = mi;
			d->period = p;
			d->fiscal_labels = 1;
			return;
		}
		if (w.rel == EX_P_ABS)
			return; /* a stated quarter or year first: nothing to infer */
		if (w.end > i + 1)
			i = w.end - 1;
	}
}

/* A half-year report: "Half-Year 2024 Results", "Interim results for the
 * six months ended 30 June 2024", "First Half 2024", "H1 2024 results" in
 * the title (the first two lines with text, one of them also saying
 * "results", "report" or "financial"), for a document whose quarter
 * ends that half.  Figures stated without a period are then the half's. */
static void half_title(ex_doc *d)
{
	const char *s = d->clean;
	size_t len = d->clean_len, i = 0, lines = 0;
	d->half_report = 0;
	if (!d->has_period || d->period.type != EC_PERIOD_QUARTER ||
	    (d->period.n != 2 && d->period.n != 4))
		return;
	while (i < len && lines < 2 && i < 600) {
		size_t e = i;
		while (e < len && s[e] != '\n')
			e++;
		int text = 0, half = 0, report = 0;
		for (size_t k = i; k < e; k++) {
			if (k > i && ex_is_word((unsigned char)s[k - 1]))
				continue;
			text |= ex_is_alpha((unsigned char)s[k]);
			int first = ex_word_at(s, e, k, "half-year") || ex_word_at(s, e, k, "interim") ||
			            ex_word_at(s, e, k, "h1") || ex_word_at(s, e, k, "1h") ||
			            (ex_word_at(s, e, k, "half") &&
			             ex_word_at(s, e, ex_skip_ws(s, e, k + 4), "year")) ||
			            (ex_word_at(s, e, k, "first") &&
			             ex_word_at(s, e, ex_skip_ws(s, e, k + 5), "half")) ||
			            (ex_word_at(s, e, k, "six") &&
			             ex_word_at(s, e, ex_skip_ws(s, e, k + 3), "months"));
			int second = ex_word_at(s, e, k, "h2") || ex_word_at(s, e, k, "2h") ||
			             (ex_word_at(s, e, k, "second") &&
			              ex_word_at(s, e, ex_skip_ws(s, e, k + 6), "half"));
			if ((d->period.n == 2 && first) || (d->period.n == 4 && second))
				half = 1;
			report |= ex_word_at(s, e, k, "results") || ex_word_at(s, e, k, "report") ||
			          ex_word_at(s, e, k, "financial");
		}
		if (half && report)
			d->half_report = 1;
		lines += text;
		i = e + 1;
	}
}

static void fiscal_year_end(ex_doc *d, const char *s, size_t len);

void ex_doc_identify(ex_doc *d, const ec_extract_opts *o)
{
	const char *s = d->clean;
	size_t len = d->clean_len;
	if (o && o->company && o->company[0]) {
		size_t n = strlen(o->company);
		if (n >= sizeof d->company)
			n = sizeof d->company - 1;
		memcpy(d->company, o->company, n);
		d->company[n] = 0;
	}
	int have_period = 0, vendor_date = 0;
	size_t head = len < HEAD_MAX ? len : HEAD_MAX;
	wstarts starts;
	starts.s = s;
	starts.n = head;
	starts.built = 0;
	/* the raw text once, the clean text twice (exchange names, "ended"),
	 * and the head twice */
	d->work += d->raw_len + 2 * len + 2 * head;
	/* The vendor header ("Oct. 19. 2010 / 8:45PM, JNPR - Q3 2010 ...") is
	 * page furniture, cut from the cleaned text: read it in the raw. */
	const char *raw = d->raw;
	size_t rlen = d->raw_len;
	for (size_t i = 12; i + 2 < rlen && !vendor_date; i++) {
		/* to the next '/' (memchr): the only byte that can start it */
		const char *sl = memchr(raw + i, '/', rlen - 2 - i);
		if (!sl)
			break;
		i = (size_t)(sl - raw);
		if (raw[i + 1] != ' ' || raw[i - 1] != ' ')
			continue;
		size_t ls = i;
		while (ls > 0 && raw[ls - 1] != '\n' && i - ls < 40)
			ls--;
		int y, m, dd;
		size_t de;
		if (!ex_date_parse(raw, rlen, ls, &y, &m, &dd, &de) || ex_skip_ws(raw, rlen, de) != i)
			continue;
		vendor_date = 1;
		char buf[16];
		int n = snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
		if (n == 10)
			memcpy(d->issued, buf, 11);
		size_t k = i + 1, le = k;
		while (le < rlen && raw[le] != '\n')
			le++;
		while (k < le && raw[k] != ',')
			k++;
		if (k >= le)
			continue;
		k++;
		while (k < le && raw[k] == ' ')
			k++;
		size_t t = k;
		while (t < le && raw[t] >= 'A' && raw[t] <= 'Z')
			t++;
		if (t > k && t - k <= 6 && t + 2 < le && raw[t] == ' ' && raw[t + 1] == '-' && !d->company[0]) {
			memcpy(d->company, raw + k, t - k);
			d->company[t - k] = 0;
		}
		for (size_t p = t; p < le && !have_period; p++) {
			if (p > 0 && ex_is_word((unsigned char)raw[p - 1]))
				continue;
			ex_when w;
			if (ex_when_parse(raw, le, p, &d->cal, &w) && w.rel == EX_P_ABS &&
			    w.p.type == EC_PERIOD_QUARTER) {
				d->period = w.p;
				have_period = 1;
				for (size_t q = p; q < w.end; q++)
					if ((raw[q] == 'F' || raw[q] == 'f') && q + 1 < w.end && (raw[q + 1] == 'Y' || raw[q + 1] == 'y'))
						d->fiscal_labels = 1;
			}
		}
	}
	/* A name only counts with a colon 3 to 18 bytes after its start
	 * ("NYSE:" .. "NASDAQ " + 11 letters + ":"): only the starts in such
	 * a window before each colon are read, each once, in order. */
	size_t next_i = 0;
	const char *cp = len ? memchr(s, ':', len) : NULL;
	while (cp) {
		size_t colon = (size_t)(cp - s);
		size_t lo = colon >= 18 ? colon - 18 : 0;
		if (lo < next_i)
			lo = next_i;
		for (size_t i = lo; i + 3 <= colon; i++)
			exchange_at(d, s, len, i);
		if (colon >= 2 && colon - 2 > next_i)
			next_i = colon - 2;
		cp = colon + 1 < len ? memchr(cp + 1, ':', len - colon - 1) : NULL;
	}
	if (!vendor_date)
		find_issued(d, s, len, head, &starts);
	/* month index (year*12 + month-1) of the document's date, -1 unknown */
	int issued_mi = -1;
	if (d->issued[0]) {
		int iy = 0, im = 0;
		for (int k = 0; k < 4; k++)
			iy = iy * 10 + (d->issued[k] - '0');
		im = (d->issued[5] - '0') * 10 + (d->issued[6] - '0');
		issued_mi = iy * 12 + im - 1;
	}
	/* The period: the first fully stated quarter near a results cue in
	 * the head of the document, not one that ends after the document's
	 * date ("Q3 2024 trading update" in the calendar of a July release)
	 * unless it is a fiscal label, whose year may run ahead. */
	for (size_t i = next_start(&starts, 0); i < head && !have_period;
	     i = next_start(&starts, i + 1)) {
		ex_when w;
		if (!ex_when_may_start(s, len, i) || !ex_when_parse(s, len, i, &d->cal, &w))
			continue;
		if (w.rel == EX_P_ABS && w.p.type == EC_PERIOD_QUARTER && near_cue(s, len, i, w.end)) {
			/* "three months ended DATE" is a table header or a
			 * sentence about the period: fine as well. */
			int fiscal = 0;
			for (size_t k = i; k < w.end; k++)
				if (ex_word_at(s, len, k, "fiscal") || ex_word_at(s, len, k, "fy") ||
				    ((s[k] == 'F' || s[k] == 'f') && k + 1 < w.end && (s[k + 1] == 'Y' || s[k + 1] == 'y')))
					fiscal = 1;
			if (!fiscal && issued_mi >= 0 && w.p.year * 12 + w.p.n * 3 - 1 > issued_mi) {
				if (w.end > i + 1)
					i = w.end - 1;
				continue;
			}
			d->period = w.p;
			have_period = 1;
			d->fiscal_labels |= fiscal;
			if (!fiscal && (ex_word_at(s, len, i, "the") || ex_word_at(s, len, i, "quarter")))
				fiscal_from_title(d, s, len, head);
		}
		if (w.end > i + 1)
			i = w.end - 1;
	}
	/* A full-year report ("Full Year Results for the year ended 31 March
	 * 2025"): its period is the last quarter of that fiscal year, named by
	 * the year it ends in, and its figures without a period are the
	 * year's (d->fy_report). */
	for (size_t i = next_start(&starts, 0); i < head && !have_period;
	     i = next_start(&starts, i + 1)) {
		if (!ex_is_alpha((unsigned char)s[i]))
			continue;
		ex_when w;
		if (!ex_word_at(s, len, i, "year") && !ex_word_at(s, len, i, "fiscal") &&
		    !ex_word_at(s, len, i, "the"))
			continue;
		if (!ex_when_parse(s, len, i, &d->cal, &w) || w.rel != EX_P_ABS ||
		    w.p.type != EC_PERIOD_YEAR || !near_cue(s, len, i, w.end))
			continue;
		/* the date that ends it */
		int y = 0, m = 0, dd = 31;
		for (size_t k = i; k < w.end && !y; k++) {
			size_t e, de;
			if ((e = ex_word_at(s, len, k, "ended")) || (e = ex_word_at(s, len, k, "ending")))
				if (!ex_date_parse(s, len, ex_skip_ws(s, len, e), &y, &m, &dd, &de))
					y = 0;
		}
		if (!y || (issued_mi >= 0 && y * 12 + m - 1 > issued_mi))
			continue;
		d->period = ec_period_quarter(y, 4);
		d->fiscal_labels |= m != 12;
		d->cal.set = 1;
		d->cal.anchor_q = ec_period_qindex(d->period);
		d->cal.anchor_m = y * 12 + m - 1 - (dd <= 7 ? 1 : 0);
		d->fy_report = 1;
		have_period = 1;
	}
	d->has_period = have_period;
	/* Calendar anchor: "quarter ended DATE" / "three months ended DATE". */
	if (have_period) {
		const uint64_t ones = 0x0101010101010101u;
		for (size_t i = 0; i + 6 < len; i++) {
			size_t e;
#if defined(__SSE2__)
			/* sixteen starts at a time while none is "end" in any
			 * case (both words below start so): to the first one */
			while (i + 18 <= len) {
				const __m128i b20 = _mm_set1_epi8(0x20);
				__m128i v0 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), b20);
				__m128i v1 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)), b20);
				__m128i v2 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 2)), b20);
				__m128i hit = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8('e')),
				                                          _mm_cmpeq_epi8(v1, _mm_set1_epi8('n'))),
				                            _mm_cmpeq_epi8(v2, _mm_set1_epi8('d')));
				unsigned mk = (unsigned)_mm_movemask_epi8(hit);
				if (mk) {
					i += (size_t)__builtin_ctz(mk);
					break;
				}
				i += 16;
			}
#endif
			/* eight starts at a time while none is "en" in any case
			 * (x | 0x20 is 'e' for 'e' and 'E' only, 'n' likewise) */
			while (i + 9 <= len) {
				uint64_t x, y;
				memcpy(&x, s + i, 8);
				memcpy(&y, s + i + 1, 8);
				uint64_t t = ((x | ones * 0x20) ^ (ones * 'e')) | ((y | ones * 0x20) ^ (ones * 'n'));
				if ((t - ones) & ~t & (ones * 128))
					break; /* an "en" in these eight: read them */
				i += 8;
			}
			if (i + 6 >= len)
				break;
			if (((unsigned char)s[i] | 0x20) != 'e')
				continue; /* neither 'e' nor 'E' */
			if (!(e = ex_word_at(s, len, i, "ended")) && !(e = ex_word_at(s, len, i, "ending")))
				continue;
			if (i > 0 && ex_is_word((unsigned char)s[i - 1]))
				continue;
			/* the words before must say quarter / three months */
			size_t lo = i > 40 ? i - 40 : 0;
			int q = 0;
			for (size_t k = lo; k < i; k++)
				if (ex_word_at(s, len, k, "quarter") || ex_word_at(s, len, k, "three"))
					q = 1;
			if (!q)
				continue;
			/* "Third Quarter of the Fiscal Year Ending March 31,
			 * 2025": the year's end, not the quarter's (but "fourth
			 * quarter and fiscal year ended" ends both) */
			size_t yb = i;
			while (yb > 0 && s[yb - 1] == ' ')
				yb--;
			if (yb >= 4 && ex_word_at(s, len, yb - 4, "year") == yb) {
				int of = 0;
				for (size_t k = lo; k < yb && !of; k++)
					of = (k == 0 || !ex_is_word((unsigned char)s[k - 1])) &&
					     ex_word_at(s, len, k, "of");
				if (of)
					continue;
			}
			int y, m, dd;
			size_t de;
			if (!ex_date_parse(s, len, ex_skip_ws(s, len, e), &y, &m, &dd, &de))
				continue;
			int mi = y * 12 + m - 1;
			if (dd <= 7)
				mi--;
			int qi = ec_period_qindex(d->period);
			/* calendar already agrees? then nothing to learn */
			ex_cal cal0 = {0, 0, 0};
			if (ex_cal_quarter_of_month(&cal0, mi) == qi && !d->fiscal_labels)
				break;
			d->cal.set = 1;
			d->cal.anchor_q = qi;
			d->cal.anchor_m = mi;
			break;
		}
		if (!d->cal.set && d->fiscal_labels)
			d->cal.set = -1; /* fiscal labels, unknown calendar: no dates */
		fiscal_year_end(d, s, len);
	}
	half_title(d);
}

/* "Our fiscal year ends on June 30" (or "fiscal year ends June 30",
 * "fiscal year ending June 30") in the first 16 KB: the month the fiscal
 * year ends in, 1..12, or 0. */
static int fiscal_end_month(const char *s, size_t len)
{
	size_t n = len < 16384 ? len : 16384;
	/* every "year" (a 'y', found by memchr) after "fiscal " */
	for (const char *p = s; (p = memchr(p, 'y', (size_t)(s + n - p))) != NULL; p++) {
		size_t i = (size_t)(p - s), e;
		if (i < 7 || !(e = ex_word_at(s, n, i, "year")) ||
		    !ex_word_at(s, n, i - 7, "fiscal") || (i > 7 && ex_is_word((unsigned char)s[i - 8])))
			continue;
		/* "ends", "ending" (not "ended": a past year's end states no
		 * calendar), "ends on" */
		i = ex_skip_ws(s, n, e);
		if ((e = ex_word_at(s, n, i, "ends")) || (e = ex_word_at(s, n, i, "ending")))
			i = ex_skip_ws(s, n, e);
		else
			continue;
		if ((e = ex_word_at(s, n, i, "on")))
			i = ex_skip_ws(s, n, e);
		int m = ex_month_parse(s, n, i, &e);
		if (m)
			return m;
	}
	return 0;
}

/* A document dated by its quarter's end alone ("Quarterly Report on Form
 * 10-Q for the quarterly period ended September 30, 2024") that states
 * its fiscal year ends in another month than December ("Our fiscal year
 * ends on June 30"): its quarter is the fiscal one, FY2025Q1, and so are
 * its other periods (fiscal labels, the calendar anchored at that
 * quarter).  Only when nothing set the calendar or the labels before. */
static void fiscal_year_end(ex_doc *d, const char *s, size_t len)
{
	if (d->cal.set || d->fiscal_labels || d->period.type != EC_PERIOD_QUARTER)
		return;
	int fm = fiscal_end_month(s, len);
	if (fm == 0 || fm == 12)
		return;
	/* the calendar quarter's last month, 1..12, and its year */
	int m = d->period.n * 3, y = d->period.year;
	/* months since the fiscal year began (the month after fm): the
	 * quarter ends at 2, 5, 8 or 11 when the year ends at a quarter's
	 * end */
	int pos = ((m - fm - 1) % 12 + 12) % 12;
	if (pos % 3 != 2)
		return;
	ec_period f;
	f.year = m <= fm ? y : y + 1;
	f.type = EC_PERIOD_QUARTER;
	f.n = pos / 3 + 1;
	d->cal.set = 1;
	d->cal.anchor_q = ec_period_qindex(f);
	d->cal.anchor_m = y * 12 + m - 1;
	d->period = f;
	d->fiscal_labels = 1;
}

/* The document's date when no vendor header gave it: the first date in
 * the head that is not a period end. */
static void find_issued(ex_doc *d, const char *s, size_t len, size_t head,
                        wstarts *starts)
{
	{
		for (size_t i = next_start(starts, 0); i < head; i = next_start(starts, i + 1)) {
			/* a date opens with a digit or a month's first three
			 * letters (ex_date_parse) */
			if (!is_digit((unsigned char)s[i]) && month_key(s, len, i) < 0)
				continue;
			int y, m, dd;
			size_t de;
			if (!ex_date_parse(s, len, i, &y, &m, &dd, &de))
				continue;
			size_t lo = i > 14 ? i - 14 : 0;
			int ended = 0;
			for (size_t k = lo; k < i; k++)
				if (ex_word_at(s, len, k, "ended") || ex_word_at(s, len, k, "ending") ||
				    ex_word_at(s, len, k, "of") || ex_word_at(s, len, k, "through") ||
				    ex_word_at(s, len, k, "until"))
					ended = 1;
			if (ended) {
				i = de;
				continue;
			}
			char buf[16];
			int n = snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
			if (n == 10)
				memcpy(d->issued, buf, 11);
			break;
		}
	}
}
