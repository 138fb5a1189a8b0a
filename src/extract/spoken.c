/* Numbers spoken in words.  Speech-to-text transcripts write "revenue of
 * one point two four billion dollars", "fifty eight point four percent",
 * "eighty seven cents", "a dollar thirty one", "twenty two and a half
 * percent", "a hundred and forty basis points", "third quarter twenty
 * twenty four".  This pass rewrites such numbers in the cleaned text into
 * the digit forms the number grammar reads ("$1.24 billion", "58.4%",
 * "$0.87", "$1.31", "22.5%", "140 basis points", "2024") and keeps the
 * clean-to-raw map so that quotes stay the document's own words.
 *
 * Only numbers that are clearly numbers are rewritten: a decimal ("one
 * point two"), a compound ("fifty eight", "a hundred"), a year ("twenty
 * twenty four"), or a number followed by a unit word (scale, dollars,
 * cents, percent, basis points, points).  "one of our customers", "no
 * one", "a one-time charge" and ordinals ("the fourth quarter") stay. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ex.h"

/* Word classes. */
enum {
	W_NONE = 0,
	W_UNIT,     /* zero .. nineteen: v */
	W_TENS,     /* twenty .. ninety: v */
	W_HUNDRED,
	W_THOUSAND,
	W_SCALE,    /* million, billion, trillion: v = power of ten */
	W_POINT,
	W_AND,
	W_A,
	W_HALF,
	W_DOLLAR,
	W_CENT,
	W_PERCENT,
	W_PER,
	W_OH,
	W_TO,
	W_OR,
	W_BASIS,
	W_POINTS,   /* "points" */
	W_PERCENTAGE,
	W_BPS
};

typedef struct tok {
	size_t s, e; /* clean span of the word */
	int k, v;
} tok;

#define MAXTOK 32

/* The tokens after a possible number start, read on demand. */
typedef struct cursor {
	const char *s;
	size_t len;
	tok t[MAXTOK];
	int n;    /* tokens read */
	int done; /* no further token (separator or word class failed) */
	size_t *work;
} cursor;

/* The lower-case letters of a word of at most 8 letters packed into an
 * integer, so that a word is classified by a few integer compares (the
 * scan classifies nearly every short word of the text). */
static inline uint64_t pack(const char *w, size_t n, size_t avail)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* one load when 8 bytes can be read (w[0] the low byte) */
	if (avail >= 8) {
		uint64_t y;
		memcpy(&y, w, 8);
		y |= UINT64_C(0x2020202020202020);
		return n >= 8 ? y : y & ((UINT64_C(1) << (8 * n)) - 1);
	}
#else
	(void)avail;
#endif
	uint64_t x = 0;
	for (size_t k = 0; k < n; k++)
		x |= (uint64_t)((unsigned char)w[k] | 0x20) << (8 * k);
	return x;
}

/* pack() of a string literal of at most 8 letters; folded by the
 * compiler. */
#define PK(l)                                                                   \
	((uint64_t)(unsigned char)(l)[0] |                                      \
	 (sizeof(l) > 2 ? (uint64_t)(unsigned char)(l)[sizeof(l) > 2 ? 1 : 0] << 8 : 0) |  \
	 (sizeof(l) > 3 ? (uint64_t)(unsigned char)(l)[sizeof(l) > 3 ? 2 : 0] << 16 : 0) | \
	 (sizeof(l) > 4 ? (uint64_t)(unsigned char)(l)[sizeof(l) > 4 ? 3 : 0] << 24 : 0) | \
	 (sizeof(l) > 5 ? (uint64_t)(unsigned char)(l)[sizeof(l) > 5 ? 4 : 0] << 32 : 0) | \
	 (sizeof(l) > 6 ? (uint64_t)(unsigned char)(l)[sizeof(l) > 6 ? 5 : 0] << 40 : 0) | \
	 (sizeof(l) > 7 ? (uint64_t)(unsigned char)(l)[sizeof(l) > 7 ? 6 : 0] << 48 : 0) | \
	 (sizeof(l) > 8 ? (uint64_t)(unsigned char)(l)[sizeof(l) > 8 ? 7 : 0] << 56 : 0))

/* Class of the word w[0..n) of letters (any case); *v its value.  avail
 * bytes can be read from w (at least n). */
static int classify_word(const char *w, size_t n, size_t avail, int *v)
{
	*v = 0;
	if (n == 0 || n > 10)
		return W_NONE;
	if (n > 8) {
		if (n == 9 && pack(w, 8, avail) == PK("seventee") && (w[8] | 0x20) == 'n') {
			*v = 17;
			return W_UNIT;
		}
		if (n == 10 && pack(w, 8, avail) == PK("percenta") && (w[8] | 0x20) == 'g' &&
		    (w[9] | 0x20) == 'e')
			return W_PERCENTAGE;
		return W_NONE;
	}
	uint64_t x = pack(w, n, avail);
#define U(lit, val)                  \
	if (x == PK(lit)) {          \
		*v = (val);          \
		return W_UNIT;       \
	}
#define T(lit, val)                  \
	if (x == PK(lit)) {          \
		*v = (val);          \
		return W_TENS;       \
	}
#define S(lit, val)                  \
	if (x == PK(lit)) {          \
		*v = (val);          \
		return W_SCALE;      \
	}
#define K(lit, kind)                 \
	if (x == PK(lit))            \
		return (kind);
	switch (n) {
	case 1:
		K("a", W_A);
		break;
	case 2:
		K("oh", W_OH);
		K("or", W_OR);
		K("to", W_TO);
		break;
	case 3:
		U("one", 1);
		U("two", 2);
		U("six", 6);
		U("ten", 10);
		K("and", W_AND);
		K("per", W_PER);
		K("bps", W_BPS);
		break;
	case 4:
		U("zero", 0);
		U("four", 4);
		U("five", 5);
		U("nine", 9);
		K("half", W_HALF);
		K("cent", W_CENT);
		break;
	case 5:
		U("three", 3);
		U("seven", 7);
		U("eight", 8);
		T("forty", 40);
		T("fifty", 50);
		T("sixty", 60);
		K("point", W_POINT);
		K("cents", W_CENT);
		K("basis", W_BASIS);
		break;
	case 6:
		U("eleven", 11);
		U("twelve", 12);
		T("twenty", 20);
		T("thirty", 30);
		T("eighty", 80);
		T("ninety", 90);
		K("points", W_POINTS);
		K("dollar", W_DOLLAR);
		break;
	case 7:
		U("fifteen", 15);
		U("sixteen", 16);
		T("seventy", 70);
		K("hundred", W_HUNDRED);
		K("percent", W_PERCENT);
		K("dollars", W_DOLLAR);
		S("million", 6);
		S("billion", 9);
		break;
	case 8:
		U("thirteen", 13);
		U("fourteen", 14);
		U("eighteen", 18);
		U("nineteen", 19);
		K("thousand", W_THOUSAND);
		S("trillion", 12);
		break;
	default:
		break;
	}
#undef U
#undef T
#undef S
#undef K
	return W_NONE;
}

/* Reads the word at i (s[i] a letter): its end, or 0 when the letters run
 * into a digit ("one2" is no word).  s[len] is the text's closing NUL,
 * neither a letter nor a digit: no bound tests. */
static size_t word_end(const char *s, size_t len, size_t i)
{
	(void)len;
	size_t e = i;
	while (ex_is_alpha((unsigned char)s[e]))
		e++;
	if ((unsigned char)(s[e] - '0') < 10)
		return 0;
	return e;
}

/* tk() for a token not read yet. */
static const tok *tk_read(cursor *c, int k)
{
	while (c->n <= k && !c->done) {
		if (c->n >= MAXTOK) {
			c->done = 1;
			break;
		}
		size_t j;
		if (c->n == 0) {
			c->done = 1; /* the first token is set by the caller */
			break;
		}
		size_t e = c->t[c->n - 1].e;
		j = e;
		int hy = 0;
		while (j < c->len && (c->s[j] == ' ' || (c->s[j] == '-' && !hy))) {
			if (c->s[j] == '-')
				hy = 1;
			j++;
		}
		if (j == e || j >= c->len || !ex_is_alpha((unsigned char)c->s[j])) {
			c->done = 1;
			break;
		}
		size_t we = word_end(c->s, c->len, j);
		if (!we) {
			c->done = 1;
			break;
		}
		*c->work += we - e;
		tok *t = &c->t[c->n++];
		t->s = j;
		t->e = we;
		/* the text ends with a NUL at len: len + 1 - j bytes */
		t->k = classify_word(c->s + j, we - j, c->len + 1 - j, &t->v);
	}
	return k < c->n ? &c->t[k] : NULL;
}

/* Token k of the cursor, or NULL when the words stop before it.  Words
 * are separated by spaces or one hyphen ("fifty-eight"); any other
 * character (a comma, a full stop, a line break) ends the number.  The
 * parser asks for the tokens already read most of the time. */
static inline const tok *tk(cursor *c, int k)
{
	return k < c->n ? &c->t[k] : tk_read(c, k);
}

static int kind_at(cursor *c, int k)
{
	const tok *t = tk(c, k);
	return t ? t->k : W_NONE;
}

static int is_unit(cursor *c, int k, int lo, int hi)
{
	const tok *t = tk(c, k);
	return t && t->k == W_UNIT && t->v >= lo && t->v <= hi;
}

/* "fifty eight", "twenty", "seven", "nineteen": 0..99 at token *p. */
static int tens_part(cursor *c, int *p, long *val, int *ntok)
{
	const tok *t = tk(c, *p);
	if (!t)
		return 0;
	if (t->k == W_TENS) {
		*val = t->v;
		(*p)++;
		(*ntok)++;
		if (is_unit(c, *p, 1, 9)) {
			*val += tk(c, *p)->v;
			(*p)++;
			(*ntok)++;
		}
		return 1;
	}
	if (t->k == W_UNIT) {
		*val = t->v;
		(*p)++;
		(*ntok)++;
		return 1;
	}
	return 0;
}

/* 0..9999 below a thousand-word: "a hundred and forty", "one hundred
 * fifty one", "fifteen hundred", "eighty seven". */
static int group(cursor *c, int *p, long *val, int *ntok)
{
	int q = *p, n = 0;
	long h;
	if (kind_at(c, q) == W_A && kind_at(c, q + 1) == W_HUNDRED) {
		h = 100;
		q += 2;
		n += 2;
	} else {
		if (!tens_part(c, &q, &h, &n))
			return 0;
		if (kind_at(c, q) != W_HUNDRED || h == 0) {
			*p = q;
			*val = h;
			*ntok += n;
			return 1;
		}
		h *= 100;
		q++;
		n++;
	}
	/* after "hundred": optional "and" + 1..99 */
	long r = 0;
	int q2 = q, n2 = 0;
	if (kind_at(c, q2) == W_AND)
		q2++;
	if (tens_part(c, &q2, &r, &n2) && r > 0) {
		q = q2;
		n += n2;
		h += r;
	}
	*p = q;
	*val = h;
	*ntok += n;
	return 1;
}

/* A parsed spoken number. */
typedef struct spnum {
	long ival;
	int has_int;
	char frac[8]; /* decimal digits as spoken */
	int nfrac;
	int year;     /* a year: printed without grouping */
	int ntok;     /* number words (compound when >= 2) */
	int scale;    /* 6, 9, 12 or 0 */
	int cur, pct, cents, unitword;
	int dcents;   /* "a dollar thirty one": cents after the dollars, -1 none */
	int p;        /* token after the number and its unit words */
	int last;     /* last token of the span to rewrite */
} spnum;

/* The integer part at token *p: a year ("twenty twenty four", "nineteen
 * ninety nine", "twenty oh nine") or a cardinal up to the thousands
 * ("two thousand and nine", "twelve thousand"). */
static int integer(cursor *c, int *p, spnum *o)
{
	const tok *t = tk(c, *p);
	if (!t)
		return 0;
	int pre = (t->k == W_TENS && t->v == 20) || (t->k == W_UNIT && t->v == 19);
	if (pre) {
		int q = *p + 1;
		const tok *u = tk(c, q);
		if (u && u->k == W_OH && is_unit(c, q + 1, 1, 9)) {
			o->ival = t->v * 100L + tk(c, q + 1)->v;
			o->year = 1;
			o->ntok += 3;
			*p = q + 2;
			return 1;
		}
		if (u && (u->k == W_TENS || (u->k == W_UNIT && u->v >= 10))) {
			long tail = 0;
			int n = 0;
			tens_part(c, &q, &tail, &n);
			o->ival = t->v * 100L + tail;
			o->year = 1;
			o->ntok += 1 + n;
			*p = q;
			return 1;
		}
	}
	long g = 0;
	int q = *p;
	if (kind_at(c, q) == W_A && kind_at(c, q + 1) == W_THOUSAND) {
		g = 1;
		q++;
		o->ntok++;
	} else if (!group(c, &q, &g, &o->ntok)) {
		return 0;
	}
	if (kind_at(c, q) == W_THOUSAND && g > 0 && g < 1000) {
		q++;
		o->ntok++;
		g *= 1000;
		long r = 0;
		int q2 = q, n2 = 0;
		if (kind_at(c, q2) == W_AND)
			q2++;
		if (group(c, &q2, &r, &n2) && r > 0 && r < 1000) {
			q = q2;
			o->ntok += n2;
			/* "two thousand and nine", "two thousand twenty four" */
			if (g == 2000 && r < 100)
				o->year = 1;
			g += r;
		}
	}
	o->ival = g;
	*p = q;
	return 1;
}

/* Parses a spoken number at token p0 with its unit words.  Returns 1 and
 * fills *o when a number starts there (licensed or not). */
static int parse_spoken(cursor *c, int p0, spnum *o)
{
	memset(o, 0, sizeof *o);
	o->dcents = -1;
	int p = p0;
	int k0 = kind_at(c, p);
	if (k0 == W_POINT) {
		if (!is_unit(c, p + 1, 0, 9))
			return 0;
	} else if (k0 == W_A) {
		int k1 = kind_at(c, p + 1);
		if (k1 == W_SCALE || k1 == W_DOLLAR) {
			/* "a dollar" only with cents after: "a dollar thirty
			 * one", not "on a dollar basis" */
			o->ival = 1;
			o->has_int = 1;
			o->ntok = 1;
			p++;
		} else if (k1 == W_HUNDRED || k1 == W_THOUSAND) {
			if (!integer(c, &p, o))
				return 0;
			o->has_int = 1;
		} else {
			return 0;
		}
	} else {
		if (!integer(c, &p, o))
			return 0;
		o->has_int = 1;
	}
	/* decimals: "point two four", "point oh five" */
	if (!o->year && kind_at(c, p) == W_POINT &&
	    (kind_at(c, p + 1) == W_UNIT || kind_at(c, p + 1) == W_TENS ||
	     kind_at(c, p + 1) == W_OH)) {
		p++;
		/* "one point twenty five billion": two digits in one word */
		const tok *t1 = tk(c, p);
		int two = t1 && (t1->k == W_TENS || (t1->k == W_UNIT && t1->v >= 10));
		if (two) {
			long fv = 0;
			int nn = 0;
			tens_part(c, &p, &fv, &nn);
			o->frac[o->nfrac++] = (char)('0' + fv / 10);
			o->frac[o->nfrac++] = (char)('0' + fv % 10);
		}
		while (!two && o->nfrac < 6) {
			const tok *t = tk(c, p);
			if (t && t->k == W_UNIT && t->v <= 9)
				o->frac[o->nfrac++] = (char)('0' + t->v);
			else if (t && t->k == W_OH)
				o->frac[o->nfrac++] = '0';
			else
				break;
			p++;
		}
	} else if (!o->year && o->has_int && kind_at(c, p) == W_AND && kind_at(c, p + 1) == W_A &&
	           kind_at(c, p + 2) == W_HALF) {
		o->frac[o->nfrac++] = '5';
		p += 3;
	}
	o->frac[o->nfrac] = 0;
	o->last = p - 1;
	if (o->year) {
		o->p = p;
		return 1;
	}
	/* unit words */
	int k = kind_at(c, p);
	if (k == W_SCALE) {
		o->scale = tk(c, p)->v;
		o->last = p++;
		if (kind_at(c, p) == W_DOLLAR) {
			o->cur = 1;
			o->last = p++;
		}
	} else if (k == W_DOLLAR && o->has_int) {
		o->cur = 1;
		o->last = p++;
		/* "a dollar thirty one", "one dollar and five cents" */
		if (!o->nfrac && o->ival < 1000) {
			int q = p, and = 0, n = 0;
			long cv = 0;
			if (kind_at(c, q) == W_AND) {
				q++;
				and = 1;
			}
			if (tens_part(c, &q, &cv, &n) && cv > 0) {
				int nk = kind_at(c, q);
				if (nk == W_CENT) {
					o->dcents = (int)cv;
					o->last = q;
					p = q + 1;
				} else if (!and && nk != W_SCALE && nk != W_PERCENT &&
				           /* "a dollar nineteen per share"; not
				            * "... per cent" */
				           (nk != W_PER || kind_at(c, q + 1) != W_CENT) &&
				           nk != W_HUNDRED && nk != W_THOUSAND && nk != W_POINT &&
				           nk != W_DOLLAR && nk != W_POINTS && nk != W_BASIS &&
				           nk != W_PERCENTAGE && nk != W_BPS) {
					o->dcents = (int)cv;
					o->last = q - 1;
					p = q;
				}
			}
		}
	} else if (k == W_CENT && o->has_int && !o->nfrac && o->ival < 100) {
		o->cents = 1;
		o->last = p++;
	} else if (k == W_PERCENT) {
		o->pct = 1;
		o->last = p++;
	} else if (k == W_PER && tk(c, p + 1) && tk(c, p + 1)->k == W_CENT &&
	           tk(c, p + 1)->e - tk(c, p + 1)->s == 4) {
		o->pct = 1;
		o->last = p + 1;
		p += 2;
	} else if (((k == W_BASIS || k == W_PERCENTAGE) &&
	            (kind_at(c, p + 1) == W_POINTS || kind_at(c, p + 1) == W_POINT)) ||
	           k == W_BPS) {
		/* (bare "points" is not enough: "two points I would make") */
		o->unitword = 1; /* kept as written */
	}
	if (k0 == W_A && o->cur && !o->scale && o->dcents < 0)
		return 0;
	o->p = p;
	return 1;
}

static int licensed(const spnum *o)
{
	if (o->cur || o->pct || o->cents || o->scale || o->unitword)
		return 1;
	if (!o->has_int)
		return 0; /* "point five" needs a unit: "at this point five ..." */
	return o->nfrac > 0 || o->year || o->ntok >= 2;
}

/* Digits of v with thousands separators unless plain. */
static size_t put_int(char *b, size_t n, long v, int plain)
{
	if (plain || v < 1000)
		return (size_t)snprintf(b, n, "%ld", v);
	if (v < 1000000)
		return (size_t)snprintf(b, n, "%ld,%03ld", v / 1000, v % 1000);
	return (size_t)snprintf(b, n, "%ld,%03ld,%03ld", v / 1000000, v / 1000 % 1000, v % 1000);
}

/* Writes the digit form of o into b (n bytes); returns its length. */
static size_t render(const spnum *o, char *b, size_t n)
{
	size_t k = 0;
	char num[40];
	size_t m = put_int(num, sizeof num, o->has_int ? o->ival : 0, o->year);
	if (o->nfrac && m + 1 + (size_t)o->nfrac < sizeof num) {
		num[m++] = '.';
		memcpy(num + m, o->frac, (size_t)o->nfrac);
		m += (size_t)o->nfrac;
		num[m] = 0;
	}
	static const char *const scales[] = {"", "", "", "", "", "", " million", "", "",
	                                     " billion", "", "", " trillion"};
	const char *sc = o->scale >= 0 && o->scale <= 12 ? scales[o->scale] : "";
	if (o->cents)
		k = (size_t)snprintf(b, n, "$0.%02ld", o->ival);
	else if (o->dcents >= 0)
		k = (size_t)snprintf(b, n, "$%ld.%02d", o->ival, o->dcents);
	else if (o->cur)
		k = (size_t)snprintf(b, n, "$%s%s", num, sc);
	else if (o->pct)
		k = (size_t)snprintf(b, n, "%s%%", num);
	else
		k = (size_t)snprintf(b, n, "%s%s", num, sc);
	return k < n ? k : n - 1;
}

/* One rewrite: clean [a, b) becomes t. */
typedef struct rep {
	size_t a, b;
	char t[48];
	size_t n;
} rep;

typedef struct reps {
	rep *v;
	size_t n, cap;
	size_t grow; /* sum of t lengths */
} reps;

static int reps_push(reps *r, size_t a, size_t b, const char *t, size_t n)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		rep *v = realloc(r->v, cap * sizeof *v);
		if (!v)
			return 0;
		r->v = v;
		r->cap = cap;
	}
	rep *x = &r->v[r->n++];
	x->a = a;
	x->b = b;
	memcpy(x->t, t, n);
	x->n = n;
	r->grow += n;
	return 1;
}

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define SPOKEN_SSE2 1
/* Bit k set when p[k] is an ASCII letter, for the 64 bytes at p. */
static inline uint64_t letters64(const char *p)
{
	const __m128i b20 = _mm_set1_epi8(0x20), lo = _mm_set1_epi8(0x60),
	              hi = _mm_set1_epi8(0x7b);
	uint64_t m = 0;
	for (int k = 0; k < 4; k++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
		/* (c | 0x20) in 'a'..'z'; bytes from 0x80 on are negative and
		 * fail the first compare (signed) */
		__m128i l = _mm_or_si128(v, b20);
		__m128i in = _mm_and_si128(_mm_cmpgt_epi8(l, lo), _mm_cmplt_epi8(l, hi));
		m |= (uint64_t)(unsigned)_mm_movemask_epi8(in) << (16 * k);
	}
	return m;
}
#else
#define SPOKEN_SSE2 0
#endif

/* The word at i starts a word (not the tail of "covid-nineteen" or of
 * "Q3's"). */
static int word_start(const char *s, size_t i)
{
	if (i == 0)
		return 1;
	unsigned char p = (unsigned char)s[i - 1];
	if (ex_is_word(p) || p == '\'' || p == '.' || p == '$')
		return 0;
	if (p == '-' && i >= 2 && ex_is_word((unsigned char)s[i - 2]))
		return 0;
	return 1;
}

/* The words a number can start with (the W_UNIT, W_TENS, W_A and W_POINT
 * words of classify_word) are "a" and words of three letters or more
 * whose first three letters, lower-cased, are one of these. */
#define TRI(a, b, c) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16)
/* A perfect hash of the 17 keys into 32 slots (a collision would be a
 * repeated designated initializer, which -Werror=override-init rejects;
 * test_spoken checks every number word against may_start). */
#define TRI_SLOT(k) ((uint32_t)((uint32_t)(k) * 0xea90a8f1u) >> 27)
static const uint32_t tri_keys[32] = {
#define E(a, b, c) [TRI_SLOT(TRI(a, b, c))] = TRI(a, b, c)
    E('o', 'n', 'e'), E('t', 'w', 'o'), E('s', 'i', 'x'), E('t', 'e', 'n'), E('z', 'e', 'r'),
    E('f', 'o', 'u'), E('f', 'i', 'v'), E('n', 'i', 'n'), E('t', 'h', 'r'), E('s', 'e', 'v'),
    E('e', 'i', 'g'), E('e', 'l', 'e'), E('t', 'w', 'e'), E('f', 'i', 'f'), E('t', 'h', 'i'),
    E('f', 'o', 'r'), E('p', 'o', 'i'),
#undef E
};

/* A superset of the letter runs at s[st] whose word classify_word()
 * finds a number's first word in (s[st] a letter), from w: the bytes
 * s[st], s[st + 1], s[st + 2] | 0x20 in its low three bytes (the third
 * may be any byte when the second is no letter; the fourth byte is not
 * read).  A run of one letter can only be "a"; a longer one needs the
 * first three letters of a number word (the third byte after a run of two
 * letters is no letter, and a byte whose | 0x20 is a lower-case letter
 * was a letter, so no such key matches). */
static inline int may_start(uint32_t w)
{
	uint32_t key = w & 0xffffff;
	if (tri_keys[TRI_SLOT(key)] == key)
		return 1;
	return (unsigned char)w == 'a' && !ex_is_alpha((unsigned char)(w >> 8));
}

/* may_start() at s[st] of a text that ends with a NUL at len > st: reads
 * s[st + 2] only when s[st + 1] is a letter, so before that NUL. */
static inline int may_start_at(const char *s, size_t st)
{
	uint32_t c1 = (unsigned char)s[st + 1];
	uint32_t c2 = ex_is_alpha((unsigned char)c1) ? (unsigned char)s[st + 2] : 0;
	return may_start(((unsigned char)s[st] | c1 << 8 | c2 << 16) | 0x202020u);
}

static int number_at(ex_doc *d, reps *out, size_t st, size_t e, int k, int v, size_t *i);

/* The word s[st, e) (a whole letter run): when a spoken number starts
 * there, its rewrite is pushed and *i set after it; else *i = e.
 * Returns 0 on a failed allocation.  Inline up to the word's class: most
 * words offered are no number. */
static inline EX_ALWAYS_INLINE int word_at(ex_doc *d, reps *out, size_t st, size_t e, size_t *i)
{
	const char *s = d->clean;
	size_t len = d->clean_len;
	/* by length, the first letters of the words a number can start with
	 * (the W_UNIT, W_TENS, W_A and W_POINT words of classify_word) */
#define B(ch) (1u << ((ch) - 'a'))
	static const uint32_t first[10] = {
	    0,
	    B('a'),                                 /* a */
	    0,                                      /* */
	    B('o') | B('t') | B('s'),               /* one two six ten */
	    B('z') | B('f') | B('n'),               /* zero four five nine */
	    B('t') | B('s') | B('e') | B('f') | B('p'), /* three seven eight forty fifty sixty point */
	    B('e') | B('t') | B('n'),               /* eleven twelve twenty thirty eighty ninety */
	    B('f') | B('s'),                        /* fifteen sixteen seventy */
	    B('t') | B('f') | B('e') | B('n'),      /* thirteen fourteen eighteen nineteen */
	    B('s'),                                 /* seventeen */
	};
	/* by length and first letter, the second letters of those words */
#define L(ch) ((ch) - 'a')
	static const uint32_t second[10][26] = {
	    [3] = {[L('o')] = B('n'), [L('t')] = B('w') | B('e'), [L('s')] = B('i')},
	    [4] = {[L('z')] = B('e'), [L('f')] = B('o') | B('i'), [L('n')] = B('i')},
	    [5] = {[L('t')] = B('h'), [L('s')] = B('e') | B('i'), [L('e')] = B('i'),
	           [L('f')] = B('o') | B('i'), [L('p')] = B('o')},
	    [6] = {[L('e')] = B('l') | B('i'), [L('t')] = B('w') | B('h'), [L('n')] = B('i')},
	    [7] = {[L('f')] = B('i'), [L('s')] = B('i') | B('e')},
	    [8] = {[L('t')] = B('h'), [L('f')] = B('o'), [L('e')] = B('i'), [L('n')] = B('i')},
	    [9] = {[L('s')] = B('e')},
	};
#undef L
#undef B
	*i = e;
	unsigned char ch = (unsigned char)s[st];
	if (e - st > 9 || !(first[e - st] >> ((ch | 0x20) - 'a') & 1))
		return 1;
	/* and their second letters ("the" is no "two" or "ten") */
	if (e - st >= 2 &&
	    !(second[e - st][(ch | 0x20) - 'a'] >> (((unsigned char)s[st + 1] | 0x20) - 'a') & 1))
		return 1;
	if (e < len && (unsigned char)(s[e] - '0') < 10)
		return 1; /* "one2" */
	if (!word_start(s, st))
		return 1;
	int v, k = classify_word(s + st, e - st, len + 1 - st, &v);
	if (k != W_UNIT && k != W_TENS && k != W_A && k != W_POINT)
		return 1;
	return number_at(d, out, st, e, k, v, i);
}

/* word_at() for a word of class k (value v) that may start a number. */
static int number_at(ex_doc *d, reps *out, size_t st, size_t e, int k, int v, size_t *i)
{
	const char *s = d->clean;
	size_t len = d->clean_len;
	cursor c;
	c.s = s;
	c.len = len;
	c.n = 1;
	c.done = 0;
	c.work = &d->work;
	c.t[0].s = st;
	c.t[0].e = e;
	c.t[0].k = k;
	c.t[0].v = v;
	if (k == W_A) {
		/* "a" starts a number only before a scale, "dollar(s)",
		 * "hundred" or "thousand" (parse_spoken() reads the same
		 * token, then from the cursor) */
		int k1 = kind_at(&c, 1);
		if (k1 != W_SCALE && k1 != W_DOLLAR && k1 != W_HUNDRED && k1 != W_THOUSAND)
			return 1;
	}
	spnum o;
	if (!parse_spoken(&c, 0, &o))
		return 1;
	if (!licensed(&o)) {
		/* "twenty to twenty two percent", "between one and two
		 * billion dollars": a bound takes the unit of the other */
		int kk = kind_at(&c, o.p);
		spnum o2;
		if (o.has_int && (kk == W_TO || kk == W_AND || kk == W_OR) &&
		    o.p + 1 < MAXTOK &&
		    parse_spoken(&c, o.p + 1, &o2) && licensed(&o2) &&
		    (o2.pct || o2.cur || o2.scale || o2.unitword)) {
			o.pct = o2.pct;
			o.cur = o2.cur && !o2.cents && o2.dcents < 0;
		} else {
			return 1;
		}
	} else if (o.nfrac && !o.cur && !o.pct && !o.scale && !o.cents && !o.unitword) {
		/* "between one point two eight and one point three two
		 * billion dollars": "$1.28 and $1.32 billion" */
		int kk = kind_at(&c, o.p);
		spnum o2;
		if ((kk == W_TO || kk == W_AND) && o.p + 1 < MAXTOK &&
		    parse_spoken(&c, o.p + 1, &o2) && (o2.cur || o2.pct) && !o2.cents &&
		    o2.dcents < 0) {
			o.cur = o2.cur;
			o.pct = o2.pct;
		}
	} else if (!o.nfrac && !o.year && o.has_int && o.ival < 100 && !o.cur && !o.pct &&
	           !o.scale && !o.cents && !o.unitword) {
		/* "fifty five to fifty nine cents": "$0.55 to $0.59" */
		int kk = kind_at(&c, o.p);
		spnum o2;
		if ((kk == W_TO || kk == W_AND) && o.p + 1 < MAXTOK &&
		    parse_spoken(&c, o.p + 1, &o2) && o2.cents)
			o.cents = 1;
	}
	char t[48];
	size_t n = render(&o, t, sizeof t);
	size_t a = c.t[0].s, b = c.t[o.last].e;
	if (!reps_push(out, a, b, t, n))
		return 0;
	*i = b;
	return 1;
}

/* Finds the rewrites of the whole text.  Every letter run (a "word":
 * s[st] a letter, s[st - 1] none) at or after i is offered to word_at();
 * i only moves to the end of a letter run or of a rewrite, which a
 * non-letter follows, so the words offered are exactly the runs that
 * start at or after i.  Runs that may_start() rejects are skipped
 * without reading them: word_at() would return at its first tests. */
static int scan(ex_doc *d, reps *out)
{
	const char *s = d->clean;
	size_t len = d->clean_len;
	size_t i = 0;
#if SPOKEN_SSE2
	/* 64 bytes at a time: the run starts of the block, one bit each;
	 * the last 66 bytes or fewer byte by byte */
	size_t base = 0;
	uint64_t prev = 0; /* s[base - 1] is a letter */
	for (; base + 64 + 3 <= len; base += 64) {
		uint64_t let = letters64(s + base);
		uint64_t starts = let & ~(let << 1 | prev);
		prev = let >> 63;
		for (; starts; starts &= starts - 1) {
			size_t st = base + (unsigned)__builtin_ctzll(starts);
			/* s[st + 3] lies before len (the loop's bound); x86 is
			 * little-endian: s[st] is the low byte */
			uint32_t w;
			memcpy(&w, s + st, 4);
			w |= 0x20202020u;
			if (!may_start(w) || st < i)
				continue;
			size_t e = st + 1;
			while (ex_is_alpha((unsigned char)s[e]))
				e++; /* NUL at len: no bound test */
			if (!word_at(d, out, st, e, &i))
				return 0;
		}
	}
	/* the rest byte by byte, from a run start */
	if (i < base) {
		i = base;
		if (prev)
			while (ex_is_alpha((unsigned char)s[i]))
				i++;
	}
#endif
	while (i < len) {
		if (!ex_is_alpha((unsigned char)s[i])) {
			i++;
			continue;
		}
		size_t st = i;
		/* d->clean ends with a NUL (no letter) at len: no bound test */
		do
			i++;
		while (ex_is_alpha((unsigned char)s[i]));
		if (may_start_at(s, st) && !word_at(d, out, st, i, &i))
			return 0;
	}
	d->work += len;
	return 1;
}

typedef struct segv {
	ex_seg *v;
	size_t n, cap;
} segv;

/* Appends a segment unless it continues the previous one. */
static void seg_add(segv *g, size_t cs, size_t rs)
{
	if (g->n > 0) {
		const ex_seg *l = &g->v[g->n - 1];
		if (l->cstart == cs) {
			g->v[g->n - 1].rstart = rs;
			return;
		}
		if (l->rstart + (cs - l->cstart) == rs)
			return;
	}
	/* capacity reserved by the caller */
	g->v[g->n].cstart = cs;
	g->v[g->n].rstart = rs;
	g->n++;
}

/* Appends a segment as it is (bytes of a rewrite map to one raw byte
 * each); one at the same clean offset is replaced. */
static void seg_put(segv *g, size_t cs, size_t rs)
{
	if (g->n > 0 && g->v[g->n - 1].cstart == cs) {
		g->v[g->n - 1].rstart = rs;
		return;
	}
	g->v[g->n].cstart = cs;
	g->v[g->n].rstart = rs;
	g->n++;
}

/* Copies clean [x, y) to the new text at *no with its segments; *si is
 * the old segment holding x or before it.  nc may be d->clean itself
 * (rebuild() in place, *no <= x): the bytes move only when *no < x. */
static void copy_run(const ex_doc *d, size_t x, size_t y, size_t *si, char *nc, size_t *no,
                     segv *g)
{
	if (x >= y)
		return;
	while (*si + 1 < d->n_segs && d->segs[*si + 1].cstart <= x)
		(*si)++;
	const ex_seg *sg = &d->segs[*si];
	seg_add(g, *no, sg->rstart + (x - sg->cstart));
	for (size_t j = *si + 1; j < d->n_segs && d->segs[j].cstart < y; j++)
		seg_add(g, *no + (d->segs[j].cstart - x), d->segs[j].rstart);
	if (nc + *no != d->clean + x)
		memmove(nc + *no, d->clean + x, y - x);
	*no += y - x;
}

/* Clean offset c after the rewrites; offsets are asked in increasing
 * order (*j, *shift carry the position). */
static size_t remap(const reps *r, size_t c, size_t *j, long *shift)
{
	while (*j < r->n && r->v[*j].b <= c) {
		*shift += (long)r->v[*j].n - (long)(r->v[*j].b - r->v[*j].a);
		(*j)++;
	}
	if (*j < r->n && r->v[*j].a < c)
		return (size_t)((long)r->v[*j].a + *shift) + r->v[*j].n;
	return (size_t)((long)c + *shift);
}

static int rebuild(ex_doc *d, const reps *r)
{
	size_t removed = 0;
	for (size_t k = 0; k < r->n; k++)
		removed += r->v[k].b - r->v[k].a;
	size_t nlen = d->clean_len - removed + r->grow;
	/* In place when no rewrite leaves the text up to its end longer than
	 * it was (the common case: "one point two four billion dollars"
	 * becomes "$1.24 billion"): every byte is then written at or before
	 * the place it is read from, after it was read, and the text before
	 * the first rewrite does not move.  Else ("six to ten cents": "six"
	 * becomes "$0.06") into a new buffer. */
	int inplace = 1;
	long grown = 0;
	for (size_t k = 0; k < r->n && inplace; k++) {
		grown += (long)r->v[k].n - (long)(r->v[k].b - r->v[k].a);
		inplace = grown <= 0;
	}
	char *nc = inplace ? d->clean : malloc(nlen + 16);
	segv g = {0};
	g.cap = d->n_segs + r->grow + 2 * r->n + 2;
	g.v = malloc(g.cap * sizeof *g.v);
	if (!nc || !g.v) {
		if (!inplace)
			free(nc);
		free(g.v);
		return 0;
	}
	size_t no = 0, ci = 0, si = 0;
	for (size_t k = 0; k < r->n; k++) {
		const rep *x = &r->v[k];
		copy_run(d, ci, x->a, &si, nc, &no, &g);
		/* The first byte maps to the first spoken byte and every
		 * other byte to the last one: a quote that starts at the
		 * number starts at its words, one that ends in it or right
		 * after it ends after its last word (ex_doc_quote takes
		 * raw(b - 1) + 1). */
		size_t ra = ex_doc_raw(d, x->a), rl = ex_doc_raw(d, x->b - 1);
		for (size_t q = 0; q < x->n; q++)
			seg_put(&g, no + q, q == 0 ? ra : rl);
		memcpy(nc + no, x->t, x->n);
		no += x->n;
		ci = x->b;
		/* the text after starts a segment of its own */
		if (ci < d->clean_len) {
			while (si + 1 < d->n_segs && d->segs[si + 1].cstart <= ci)
				si++;
			seg_put(&g, no, d->segs[si].rstart + (ci - d->segs[si].cstart));
		}
	}
	copy_run(d, ci, d->clean_len, &si, nc, &no, &g);
	nc[no] = 0;
	/* lines and barriers: clean offsets, increasing.  Those that end
	 * before the first rewrite keep their offsets (remap() returns them
	 * as they are); after the last one, remap() only adds the shift. */
	size_t j = 0, k = 0;
	long shift = 0;
	while (k < d->n_lines && d->lines[k].end <= r->v[0].a)
		k++;
	for (; k < d->n_lines && j < r->n; k++) {
		d->lines[k].start = remap(r, d->lines[k].start, &j, &shift);
		d->lines[k].end = remap(r, d->lines[k].end, &j, &shift);
	}
	for (; k < d->n_lines; k++) {
		d->lines[k].start = (size_t)((long)d->lines[k].start + shift);
		d->lines[k].end = (size_t)((long)d->lines[k].end + shift);
	}
	j = 0;
	shift = 0;
	for (k = 0; k < d->n_barriers; k++)
		d->barriers[k] = remap(r, d->barriers[k], &j, &shift);
	if (!inplace)
		free(d->clean);
	free(d->segs);
	d->clean = nc;
	d->clean_len = no;
	d->segs = g.v;
	d->n_segs = g.n;
	d->work += nlen + g.n + d->n_lines + d->n_barriers;
	return 1;
}

ec_err ex_doc_spoken(ex_doc *d)
{
	if (!d->clean || d->clean_len == 0 || d->n_segs == 0)
		return EC_OK;
	reps r = {0};
	if (!scan(d, &r)) {
		free(r.v);
		return EC_ENOMEM;
	}
	int ok = r.n == 0 || rebuild(d, &r);
	free(r.v);
	return ok ? EC_OK : EC_ENOMEM;
}
