/* The number grammar: "$1.012 billion", "\$1,118 million" (escapes are gone
 * by now), "(5,062)", "$0.00001", "1,283.4", "24.5%", "20 basis points",
 * "19 cents", ranges "between $0.35 and $0.37", "$921 million and 971
 * million", "$3.57 to $3.62 billion", "$1.120 billion plus or minus $20
 * million", "24.5% plus or minus half a point", "25% or higher".
 * Hand-written scanners: every call looks at a bounded window after i. */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "ex.h"

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* A UTF-8 sequence at s[i] equal to lit. */
static inline int lit_at(const char *s, size_t len, size_t i, const char *lit)
{
	size_t n = strlen(lit);
	/* the first byte alone first: most calls fail there */
	return i + n <= len && s[i] == lit[0] && memcmp(s + i, lit, n) == 0;
}

/* The scale word at s[j] ("million", "bn", ...), its first letter 'm',
 * 'b' or 't' (the first letters of all of them).  Returns the factor and
 * sets *end, or 0.  By first letter, with the words as literals: no two
 * of them can match at one place (a match ends at a non-word byte), so
 * the order of the tries does not matter. */
static double scale_word(const char *s, size_t len, size_t j, size_t *end)
{
	size_t e = 0;
	double f = 0;
	switch (ex_lower((unsigned char)s[j])) {
	case 'm':
		if ((e = ex_word_at(s, len, j, "million")) || (e = ex_word_at(s, len, j, "millions")) ||
		    (e = ex_word_at(s, len, j, "mln")) || (e = ex_word_at(s, len, j, "mil")) ||
		    (e = ex_word_at(s, len, j, "mm")))
			f = 1e6;
		break;
	case 'b':
		if ((e = ex_word_at(s, len, j, "billion")) || (e = ex_word_at(s, len, j, "billions")) ||
		    (e = ex_word_at(s, len, j, "bln")) || (e = ex_word_at(s, len, j, "bn")))
			f = 1e9;
		break;
	case 't':
		if ((e = ex_word_at(s, len, j, "thousand")))
			f = 1e3;
		else if ((e = ex_word_at(s, len, j, "trillion")))
			f = 1e12;
		break;
	default:
		break;
	}
	if (e)
		*end = e;
	return f;
}

/* Scale word or suffix at s[i] (after optional blanks).  Returns the
 * factor and sets *end, or 0.  Inline: after most numbers it fails at its
 * first byte or two. */
static inline double scale_at(const char *s, size_t len, size_t i, size_t *end)
{
	if (i >= len)
		return 0;
	unsigned char c = (unsigned char)s[i];
	/* Glued suffix: "735.0M", "3.7B", "250K". */
	if (c == 'M' || c == 'B' || c == 'K' || c == 'm' || c == 'b' || c == 'k') {
		size_t e = ex_word_at(s, len, i, c == 'm'   ? "m"
		                                 : c == 'M' ? "M"
		                                 : c == 'b' ? "b"
		                                 : c == 'B' ? "B"
		                                 : c == 'k' ? "k"
		                                            : "K");
		if (e) {
			*end = e;
			return (c == 'M' || c == 'm') ? 1e6 : (c == 'B' || c == 'b') ? 1e9 : 1e3;
		}
	}
	size_t j = i;
	while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n'))
		j++;
	if (j == i && !ex_is_alpha(c))
		return 0;
	/* every word of the list starts with 'm', 'b' or 't' */
	if (j >= len)
		return 0;
	switch (ex_lower((unsigned char)s[j])) {
	case 'm': case 'b': case 't':
		return scale_word(s, len, j, end);
	default:
		return 0;
	}
}

/* The currency written right before the digits at s[i] (after at most
 * one blank): 1 US dollars ("US$"), 2 another currency ("\xc2\xa5",
 * "\xc2\xa3", "\xe2\x82\xac", "C$", "HK$", "EUR", "JPY" ...), 0 none. */
static int currency_before(const char *s, size_t i)
{
	size_t j = i;
	if (j > 0 && s[j - 1] == ' ')
		j--;
	if (j == 0)
		return 0;
	unsigned char p = (unsigned char)s[j - 1];
	if (p == '$') {
		size_t a = j - 1;
		while (a > 0 && j - 1 - a < 3 && s[a - 1] >= 'A' && s[a - 1] <= 'Z')
			a--;
		if (a == j - 1)
			return 0; /* "$" itself is read by the parser */
		if (j - 1 - a == 2 && s[a] == 'U' && s[a + 1] == 'S')
			return 1;
		return 2; /* "C$", "A$", "HK$", "NZ$", "R$" */
	}
	/* yen, pound, euro, rupee, won signs (UTF-8) */
	if (j >= 2 && (unsigned char)s[j - 2] == 0xc2 && (p == 0xa5 || p == 0xa3))
		return 2;
	if (j >= 3 && (unsigned char)s[j - 3] == 0xe2 && (unsigned char)s[j - 2] == 0x82 &&
	    (p == 0xac || p == 0xb9 || p == 0xa9))
		return 2;
	/* ISO codes */
	if (j >= 3 && p >= 'A' && p <= 'Z' && s[j - 2] >= 'A' && s[j - 2] <= 'Z' &&
	    s[j - 3] >= 'A' && s[j - 3] <= 'Z' && (j == 3 || !ex_is_alpha((unsigned char)s[j - 4]))) {
		static const char *const codes[] = {"JPY", "EUR", "GBP", "CHF", "RMB", "CNY", "INR",
		                                    "KRW", "CAD", "AUD", "SEK", "NOK", "DKK", "BRL",
		                                    "MXN", "HKD", "SGD", "TWD", NULL};
		for (const char *const *c = codes; *c; c++)
			if (memcmp(s + j - 3, *c, 3) == 0)
				return 2;
		if (memcmp(s + j - 3, "USD", 3) == 0)
			return 1;
	}
	return 0;
}

/* A currency word after the number and its scale: "2.1 billion yen".
 * By first letter: at most one word of the list can match at k (a match
 * ends at a non-word byte, so no listed word can match where a longer or
 * shorter one does), so only the words with s[k]'s letter are tried. */
static int currency_word(const char *s, size_t len, size_t k)
{
	if (k >= len)
		return 0;
	switch (ex_lower((unsigned char)s[k])) {
	case 'y':
		return ex_word_at(s, len, k, "yen") || ex_word_at(s, len, k, "yuan");
	case 'e':
		return ex_word_at(s, len, k, "euro") || ex_word_at(s, len, k, "euros");
	case 'p':
		return ex_word_at(s, len, k, "pounds") || ex_word_at(s, len, k, "pence") ||
		       ex_word_at(s, len, k, "pesos");
	case 's':
		return ex_word_at(s, len, k, "sterling") != 0;
	case 'r':
		return ex_word_at(s, len, k, "renminbi") || ex_word_at(s, len, k, "rupees") ||
		       ex_word_at(s, len, k, "reais");
	case 'w':
		return ex_word_at(s, len, k, "won") != 0;
	case 'f':
		return ex_word_at(s, len, k, "francs") != 0;
	case 'k':
		return ex_word_at(s, len, k, "kronor") || ex_word_at(s, len, k, "kroner") ||
		       ex_word_at(s, len, k, "krona");
	default:
		return 0;
	}
}

int ex_num_parse(const char *s, size_t len, size_t i, ex_num *out)
{
	memset(out, 0, sizeof *out);
	if (i >= len)
		return 0;
	size_t start = i;
	/* a number opens with '(', '-', a minus sign (0xe2 ...), "US$", '$'
	 * or a digit (the steps below skip nothing else): text fails here */
	switch ((unsigned char)s[i]) {
	case '(': case '-': case 0xe2: case 'U': case '$':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		break;
	default:
		return 0;
	}
	if (i > 0) {
		unsigned char p = (unsigned char)s[i - 1];
		if (ex_is_alpha(p) || is_digit(p) || p == '.' || p == '_')
			return 0;
	}
	int paren = 0, neg = 0, cur = 0;
	if (s[i] == '(') {
		paren = 1;
		i++;
	}
	if (i < len && s[i] == '-' && i + 1 < len &&
	    (is_digit((unsigned char)s[i + 1]) || s[i + 1] == '$')) {
		neg = 1;
		i++;
	} else if (lit_at(s, len, i, "\xe2\x88\x92")) { /* minus sign */
		neg = 1;
		i += 3;
	}
	if (lit_at(s, len, i, "US$")) {
		cur = 1;
		i += 3;
	} else if (i < len && s[i] == '$') {
		cur = 1;
		i++;
	}
	if (cur)
		while (i < len && (s[i] == ' ' || s[i] == '\t') && i - start < 8)
			i++;
	if (cur && !paren && i < len && s[i] == '(' && i + 1 < len &&
	    (s[i + 1] >= '0' && s[i + 1] <= '9')) {
		paren = 1; /* "$ (1.89)", "$(5.2)" */
		i++;
	}
	if (paren && !neg && i < len && s[i] == '-' && i + 1 < len &&
	    is_digit((unsigned char)s[i + 1])) {
		neg = 1;
		i++;
	}
	if (i >= len || !is_digit((unsigned char)s[i]))
		return 0;
	int foreign = 0;
	if (!cur) {
		int cb = currency_before(s, i);
		cur = cb == 1;
		foreign = cb == 2;
	}
	/* Integer part with optional thousands separators. */
	double v = 0;
	int digits = 0, lead = 1, ndig = 0;
	size_t j = i;
	while (j < len && is_digit((unsigned char)s[j]) && ndig < 18) {
		v = v * 10 + (s[j] - '0');
		if (s[j] != '0' || !lead) {
			digits++;
			lead = 0;
		}
		ndig++;
		j++;
		if (j + 3 < len + 0 && s[j] == ',' && is_digit((unsigned char)s[j + 1]) &&
		    is_digit((unsigned char)s[j + 2]) &&
		    is_digit((unsigned char)s[j + 3]) &&
		    (j + 4 >= len || !is_digit((unsigned char)s[j + 4])))
			j++; /* "1,283" */
	}
	if (j < len && is_digit((unsigned char)s[j]))
		return 0; /* absurdly long digit run */
	int decimals = 0;
	if (j + 1 < len && s[j] == '.' && is_digit((unsigned char)s[j + 1])) {
		double f = 0.1;
		j++;
		while (j < len && is_digit((unsigned char)s[j]) && decimals < 12) {
			v += f * (s[j] - '0');
			f /= 10;
			if (s[j] != '0' || !lead) {
				digits++;
				lead = 0;
			}
			decimals++;
			j++;
		}
		if (j < len && is_digit((unsigned char)s[j]))
			return 0;
	}
	/* A number glued to letters is a name ("10-Q", "3D", "4Q"), unless the
	 * letters are a scale suffix or the "%" family. */
	size_t e = j;
	double scale = 0;
	size_t se;
	/* "84.1c" (US cents), "22.4p" (pence: another currency) */
	int glued_cents = 0, glued_pence = 0;
	if (j < len && (s[j] == 'c' || s[j] == 'p') && !cur &&
	    (j + 1 >= len || !ex_is_word((unsigned char)s[j + 1]))) {
		glued_cents = s[j] == 'c';
		glued_pence = s[j] == 'p';
		e = j + 1;
	} else if (j < len && ex_is_alpha((unsigned char)s[j])) {
		scale = scale_at(s, len, j, &se);
		if (!scale || se - j > 1) {
			/* glued word other than M/B/K: "3D", "2Q", "10th" */
			if (!(scale && (ex_word_at(s, len, j, "bn") ||
			                ex_word_at(s, len, j, "mm"))))
				return 0;
		}
		e = se;
	}
	if (j < len && s[j] == '-' && j + 1 < len &&
	    ex_is_alpha((unsigned char)s[j + 1]))
		return 0; /* "10-Q", "3-year" */
	if (paren) {
		size_t k = e;
		while (k < len && s[k] == ' ')
			k++;
		if (k < len && s[k] == ')') {
			neg = 1;
			e = k + 1;
		} else {
			/* "(408) 936" is not negative; an unclosed "(" is just
			 * punctuation before the number. */
			paren = 0;
		}
	}
	if (!paren && s[start] == '(') {
		/* the number starts after the "(" */
		start++;
	}
	/* *out is still all zero (set at the top, untouched since) */
	ex_num *n = out;
	n->cur = cur;
	n->foreign = foreign || glued_pence;
	n->cents = glued_cents;
	n->paren = paren;
	n->decimals = decimals;
	n->digits = digits ? digits : 1;
	/* Trailing unit words. */
	if (!scale && !glued_cents && !glued_pence) {
		scale = scale_at(s, len, e, &se);
		if (scale)
			e = se;
	}
	n->scale = scale;
	size_t k = e;
	while (k < len && s[k] == ' ')
		k++;
	size_t w;
	if (currency_word(s, len, k)) {
		n->foreign = 1; /* the word stays outside the number */
		n->cur = 0;
	} else if (k < len && s[k] == '%') {
		n->pct = 1;
		e = k + 1;
	} else if ((w = ex_word_at(s, len, k, "percent")) ||
	           (w = ex_word_at(s, len, k, "pct"))) {
		n->pct = 1;
		e = w;
		size_t k2 = ex_skip_ws(s, len, w);
		size_t w2;
		if ((w2 = ex_word_at(s, len, k2, "points")) ||
		    (w2 = ex_word_at(s, len, k2, "point"))) {
			n->pct = 0;
			n->pts = 1;
			e = w2;
		}
	} else if ((w = ex_word_at(s, len, k, "percentage"))) {
		size_t k2 = ex_skip_ws(s, len, w);
		size_t w2;
		if ((w2 = ex_word_at(s, len, k2, "points")) ||
		    (w2 = ex_word_at(s, len, k2, "point"))) {
			n->pts = 1;
			e = w2;
		}
	} else if ((w = ex_word_at(s, len, k, "basis"))) {
		size_t k2 = ex_skip_ws(s, len, w);
		size_t w2;
		if ((w2 = ex_word_at(s, len, k2, "points")) ||
		    (w2 = ex_word_at(s, len, k2, "point"))) {
			n->bps = 1;
			e = w2;
		}
	} else if ((w = ex_word_at(s, len, k, "bps")) ||
	           (w = ex_word_at(s, len, k, "bp"))) {
		n->bps = 1;
		e = w;
	} else if ((w = ex_word_at(s, len, k, "points")) ||
	           (w = ex_word_at(s, len, k, "point"))) {
		n->pts = 1;
		e = w;
	} else if ((w = ex_word_at(s, len, k, "cents")) ||
	           (w = ex_word_at(s, len, k, "cent"))) {
		n->cents = 1;
		e = w;
	} else if (lit_at(s, len, k, "\xc2\xa2")) {
		n->cents = 1;
		e = k + 2;
	}
	if (n->pct && scale) {
		/* "5 million%" is nonsense; keep the percent, drop the scale */
		n->scale = 0;
	}
	n->v = neg ? -v : v;
	n->start = start;
	n->end = e;
	return 1;
}

int ex_num_value(const ex_num *n, ec_unit unit, double table_scale,
                 double *out)
{
	switch (unit) {
	case EC_UNIT_USD_M:
		if (n->pct || n->bps || n->pts || n->cents || n->foreign)
			return 0;
		if (n->scale) {
			*out = n->v * n->scale / 1e6;
			return 1;
		}
		if (table_scale > 0) {
			*out = n->v * table_scale / 1e6;
			return 1;
		}
		return 0;
	case EC_UNIT_USD:
		if (n->pct || n->bps || n->pts || n->foreign)
			return 0;
		if (n->cents && !n->scale) {
			*out = n->v / 100;
			return 1;
		}
		if (n->scale)
			return 0;
		if (n->cur || table_scale > 0) {
			*out = n->v;
			return 1;
		}
		return 0;
	case EC_UNIT_PCT:
		if (!n->pct)
			return 0;
		*out = n->v;
		return 1;
	case EC_UNIT_DAYS:
	case EC_UNIT_COUNT:
		if (n->cur || n->pct || n->bps || n->pts || n->cents || n->foreign)
			return 0;
		*out = n->scale ? n->v * n->scale : n->v;
		return 1;
	}
	return 0;
}

int ex_num_cell(const char *s, size_t len, ex_num *out)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	                   s[len - 1] == '*'))
		len--;
	if (i >= len)
		return EX_CELL_TEXT;
	/* *out is zeroed on every path from here: by the dash and n/a
	 * branches, else by ex_num_parse */
	size_t n = len - i;
	const char *c = s + i;
	/* "-", "$ -", an en or em dash: zero in financial tables. */
	size_t k = 0;
	if (c[0] == '$') {
		k = 1;
		while (k < n && c[k] == ' ')
			k++;
	}
	if ((n - k == 1 && c[k] == '-') || (n - k == 2 && c[k] == '-' && c[k + 1] == '-') ||
	    (n - k == 3 && (lit_at(c, n, k, "\xe2\x80\x94") ||
	                    lit_at(c, n, k, "\xe2\x80\x93")))) {
		memset(out, 0, sizeof *out);
		out->v = 0;
		out->digits = 1;
		return EX_CELL_DASH;
	}
	if ((n == 3 && (strncmp(c, "n/a", 3) == 0 || strncmp(c, "N/A", 3) == 0)) ||
	    (n == 2 && (strncmp(c, "NA", 2) == 0 || strncmp(c, "nm", 2) == 0 ||
	                strncmp(c, "NM", 2) == 0))) {
		memset(out, 0, sizeof *out);
		return EX_CELL_NA;
	}
	if (!ex_num_parse(c, n, 0, out))
		return EX_CELL_TEXT;
	/* The whole cell must be the number (a trailing footnote mark is
	 * allowed). */
	size_t e = out->end;
	while (e < n && (c[e] == ' ' || c[e] == '*' || c[e] == ')'))
		e++;
	if (e != n)
		return EX_CELL_TEXT;
	out->start += i;
	out->end += i;
	return EX_CELL_NUM;
}

/* Lead-ins and connectors of the range grammar. */
static size_t word_seq(const char *s, size_t len, size_t i,
                       const char *const *ws, size_t nw)
{
	size_t j = i;
	for (size_t k = 0; k < nw; k++) {
		j = ex_skip_ws(s, len, j);
		size_t e = ex_word_at(s, len, j, ws[k]);
		if (!e)
			return 0;
		j = e;
	}
	return j;
}

static void inherit(ex_num *a, ex_num *b)
{
	if (a->foreign || b->foreign)
		a->foreign = b->foreign = 1; /* "¥3.8 to 3.9 billion" */
	if (a->cur && !b->cur && !b->pct)
		b->cur = 1;
	if (b->cur && !a->cur && !a->pct)
		a->cur = 1;
	if (a->pct && !b->pct && !b->cur && !b->scale)
		b->pct = 1;
	if (b->pct && !a->pct && !a->cur && !a->scale)
		a->pct = 1;
	if (a->scale && !b->scale && !b->pct && !b->cents)
		b->scale = a->scale;
	if (b->scale && !a->scale && !a->pct && !a->cents)
		a->scale = b->scale;
	if (b->cents && !a->cents && !a->cur)
		a->cents = 1;
}

static int compatible(const ex_num *a, const ex_num *b)
{
	if ((a->pct && b->cur) || (a->cur && b->pct))
		return 0;
	if (a->bps != b->bps || a->pts != b->pts)
		return 0;
	return 1;
}

/* "half a point", "a half point", "one point", "a point", "half a
 * percentage point": a margin in percent. */
static int spoken_margin(const char *s, size_t len, size_t i, ex_num *b)
{
	static const char *const half1[] = {"half", "a", "percentage", "point"};
	static const char *const half2[] = {"half", "a", "point"};
	static const char *const half3[] = {"a", "half", "point"};
	static const char *const half4[] = {"half", "of", "a", "point"};
	static const char *const one1[] = {"one", "point"};
	static const char *const one2[] = {"a", "point"};
	static const char *const one3[] = {"one", "percentage", "point"};
	size_t e;
	double v = 0;
	if ((e = word_seq(s, len, i, half1, 4)) || (e = word_seq(s, len, i, half2, 3)) ||
	    (e = word_seq(s, len, i, half3, 3)) || (e = word_seq(s, len, i, half4, 4)))
		v = 0.5;
	else if ((e = word_seq(s, len, i, one3, 3)) || (e = word_seq(s, len, i, one1, 2)) ||
	         (e = word_seq(s, len, i, one2, 2)))
		v = 1;
	else
		return 0;
	memset(b, 0, sizeof *b);
	b->v = v;
	b->pct = 1;
	b->decimals = v == 0.5 ? 1 : 0;
	b->digits = 1;
	b->start = ex_skip_ws(s, len, i);
	b->end = e;
	return 1;
}

int ex_num_margin(const ex_num *a, ex_num *b, int *rel)
{
	*rel = 0;
	if (!b->pct && !b->cur && !b->scale && !b->bps && !b->pts && a->pct)
		b->pct = 1;
	if (a->pct && (b->bps || b->pts)) {
		/* "54.0%, plus or minus 1 percentage point", "plus or minus 50
		 * basis points": a margin in points of the rate */
		if (b->bps) {
			b->v /= 100;
			b->decimals += 2;
		}
		b->bps = b->pts = 0;
		b->pct = 1;
	}
	if (b->cur && !b->scale && a->scale && !a->pct)
		b->scale = a->scale;
	if (b->pct && !a->pct && !a->bps && !a->pts) {
		*rel = 1; /* "$11.00 billion, plus or minus 2%" */
		return 1;
	}
	return compatible(a, b) || (a->pct && b->pct);
}

int ex_range_parse(const char *s, size_t len, size_t i, ex_range *out)
{
	/* every field zero; out->a is zeroed by ex_num_parse below (its first
	 * step, on every call), so only the rest is cleared here */
	out->kind = 0;
	memset(&out->b, 0, sizeof *out - offsetof(ex_range, b));
	out->start = i;
	size_t j = i, e;
	if ((e = ex_word_at(s, len, j, "between"))) {
		out->between = 1;
		j = ex_skip_ws(s, len, e);
	} else if ((e = ex_word_at(s, len, j, "from"))) {
		out->between = 1;
		out->from = 1;
		j = ex_skip_ws(s, len, e);
	}
	if (!ex_num_parse(s, len, j, &out->a))
		return 0;
	out->end = out->a.end;
	out->kind = EX_R_POINT;
	size_t k = out->a.end;
	/* optional "per share" between bounds is rare; stop here */
	size_t c = ex_skip_ws(s, len, k);
	if (c < len && s[c] == ',') {
		size_t c2 = ex_skip_ws(s, len, c + 1);
		if (ex_word_at(s, len, c2, "plus"))
			c = c2; /* "$11.00 billion, plus or minus 2%" */
	}
	static const char *const pm[] = {"plus", "or", "minus"};
	static const char *const orh[][2] = {
	    {"or", "higher"}, {"or", "more"},  {"or", "greater"},
	    {"or", "better"}, {"or", "above"}, {"or", "over"}};
	static const char *const orl[][2] = {
	    {"or", "lower"}, {"or", "less"}, {"or", "below"}, {"or", "under"}};
	/* every word sequence below starts with "plus" or "or": most numbers
	 * are followed by neither */
	size_t c0 = ex_skip_ws(s, len, c);
	unsigned char f0 = c0 < len ? (unsigned char)(s[c0] | 0x20) : 0;
	int may_seq = f0 == 'o' || f0 == 'p';
	e = 0; /* no word sequence read (tested below) */
	if ((may_seq && (e = word_seq(s, len, c, pm, 3))) || lit_at(s, len, c, "+/-") ||
	    lit_at(s, len, c, "\xc2\xb1")) {
		if (!e)
			e = c + (s[c] == '+' ? 3 : 2);
		size_t b0 = ex_skip_ws(s, len, e);
		ex_num b;
		if ((ex_num_parse(s, len, b0, &b) || spoken_margin(s, len, b0, &b)) &&
		    ex_num_margin(&out->a, &b, &out->rel)) {
			out->b = b;
			out->kind = EX_R_PM;
			out->end = b.end;
		}
		return 1;
	}
	/* "or higher", "or lower", ...: the pairs of orh and orl all open
	 * with "or", read once here (word_seq would read it again for each
	 * pair); the second words are tried in the same order */
	size_t or_e = may_seq ? word_seq(s, len, c, orh[0], 1) : 0;
	if (or_e) {
		size_t w2 = ex_skip_ws(s, len, or_e);
		for (size_t q = 0; q < sizeof orh / sizeof orh[0]; q++)
			if ((e = ex_word_at(s, len, w2, orh[q][1]))) {
				out->kind = EX_R_ATLEAST;
				out->end = e;
				return 1;
			}
		for (size_t q = 0; q < sizeof orl / sizeof orl[0]; q++)
			if ((e = ex_word_at(s, len, w2, orl[q][1]))) {
				out->kind = EX_R_ATMOST;
				out->end = e;
				return 1;
			}
	}
	size_t b0 = 0;
	if ((e = ex_word_at(s, len, c, "to")) || (e = ex_word_at(s, len, c, "through")))
		b0 = ex_skip_ws(s, len, e);
	else if (out->between && (e = ex_word_at(s, len, c, "and")))
		b0 = ex_skip_ws(s, len, e);
	else if (c < len && c == k && s[c] == '-')
		b0 = c + 1; /* "35-45", "$1.10-$1.13" */
	else if (lit_at(s, len, c, "\xe2\x80\x93") || lit_at(s, len, c, "\xe2\x80\x94"))
		b0 = ex_skip_ws(s, len, c + 3);
	if (!b0)
		return 1;
	ex_num b;
	if (!ex_num_parse(s, len, b0, &b) || !compatible(&out->a, &b))
		return 1;
	ex_num a = out->a;
	inherit(&a, &b);
	double va = a.v * (a.scale ? a.scale : 1), vb = b.v * (b.scale ? b.scale : 1);
	if (!out->from && va > vb)
		return 1; /* "4 to 3" is not a range */
	out->a = a;
	out->b = b;
	out->kind = EX_R_RANGE;
	out->end = b.end;
	return 1;
}

int ex_range_bounds(const ex_range *r, ec_unit unit, double table_scale,
                    double *low, double *high)
{
	double a, b;
	if (!ex_num_value(&r->a, unit, table_scale, &a))
		return 0;
	switch (r->kind) {
	case EX_R_POINT:
		*low = *high = a;
		return 1;
	case EX_R_RANGE:
		if (!ex_num_value(&r->b, unit, table_scale, &b))
			return 0;
		*low = a;
		*high = b;
		return 1;
	case EX_R_PM:
		if (r->rel) {
			*low = a * (1 - r->b.v / 100);
			*high = a * (1 + r->b.v / 100);
			return 1;
		}
		if (!ex_num_value(&r->b, unit, table_scale, &b))
			return 0;
		*low = a - b;
		*high = a + b;
		return 1;
	case EX_R_ATLEAST:
		*low = a;
		*high = NAN;
		return 1;
	case EX_R_ATMOST:
		*low = NAN;
		*high = a;
		return 1;
	}
	return 0;
}
