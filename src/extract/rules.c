/* Facts in prose: sentences are split without relying on line breaks,
 * tokenised into words, numbers (with their ranges) and period
 * expressions; each number is tied to a metric phrase of the lexicon, a
 * period, a basis and a kind, or dropped.  Precision first: a number that
 * is a change ("up 3%"), an approximate bound ("over $2 billion"), an
 * aside ("including $5 million of charges") or that cannot be tied to a
 * metric and a period is not emitted. */
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lex.h"

enum { T_WORD = 0, T_NUM = 1, T_WHEN = 2, T_PUNCT = 3 };

#define MAXTOK 512
#define MAXSENT 1500 /* bytes; longer runs are cut at a blank */

typedef struct tok {
	int type;
	size_t s, e;
	char w[24]; /* lower-case word, or the punctuation character */
	int cap;    /* starts with an upper-case letter */
	int allcaps;
	int ph;   /* phrase starting here, -1 */
	int phn;  /* tokens the phrase covers */
	int inph; /* inside a phrase */
	unsigned sets; /* T_WORD: the word lists it belongs to (S_*) */
	/* Only read for tokens of their type (r: T_NUM, when: T_WHEN), so
	 * they are left out of the per-token reset (see TOK_RESET). */
	ex_range r;
	ex_when when;
} tok;

/* Bytes of a tok cleared for each new token: everything before r. */
#define TOK_RESET offsetof(tok, r)

/* Word lists a token can belong to: looked up once per word at
 * tokenisation (kw_sets) instead of a scan of the list for every number
 * that looks at the word. */
enum {
	S_CAP_OK = 1u << 0,
	S_CHANGE = 1u << 1,
	S_VALUE = 1u << 2,
	S_APPROX = 1u << 3,
	S_STOP_FOLLOW = 1u << 4,
	S_COMPARE = 1u << 5,
	S_GUIDE = 1u << 6,
	S_PRIOR = 1u << 7,
	S_LT = 1u << 8,
	S_ASIDE = 1u << 9,
	S_STOPQ = 1u << 10,
	S_SKIPQ = 1u << 11,
	S_SEGNOISE = 1u << 12,
	S_CHNOUN = 1u << 13,
	S_BASISW = 1u << 14, /* a word is_basis_word() reads */
	S_PHSTART = 1u << 15, /* the first word of a lexicon phrase */
	S_WSTART = 1u << 16,  /* a word of when_starter's list (starter_words) */
	S_ABBREV = 1u << 17   /* a word of abbrevs (no sentence ends after it) */
};

/* Open-addressing table word -> S_* bits; a power of two, about three
 * times the ~700 listed words (short probe runs for the words that are
 * not listed, most of them). */
#define KW_SIZE 2048u
typedef struct kwent {
	uint32_t h;    /* full kw_hash of the word: most probes stop here */
	uint32_t sets; /* S_* bits */
	const char *w; /* the word zero-filled to 24 bytes (kw_pool), NULL for
	                * an empty slot */
	uint16_t len;
} kwent;

/* The word table is the same for every document: built once (kw_once)
 * and only read afterwards, so threads may share it. */
static kwent kw_table[KW_SIZE];
static char kw_pool[KW_SIZE][24];
static pthread_once_t kw_once = PTHREAD_ONCE_INIT;

typedef struct ctx {
	ex_doc *d;
	const kwent *kw;
	ex_mentions *out;
	ex_lexidx ix;
	int basis_ctx;
	int gp_set;
	ec_period gp;
	size_t order;
	int role, qa, outlook;
	/* A lead-in ("For fiscal 2024, X expects:", a heading "Fiscal Year
	 * 2023 Highlights") gives the bullets under it their period and
	 * kind: lead_* is in force for the current bullets, pend_* is what
	 * the run being read would set. */
	int lead_set, lead_guide, lead_has_per;
	ec_period lead_per;
	int pend_set, pend_guide, pend_has_per;
	ec_period pend_per;
	int in_heading;
	/* the segment named by a sub-heading, for the bullets under it */
	char lead_seg[48], pend_seg[48], bullet_seg[48];
	/* unpunctuated speech (clause.c): the last statement's forecast
	 * cues, and whether the next statement goes on with them */
	int last_guide, last_fwd, inherit;
	int cash_alone; /* cash_alone(): -1 not yet known */
	int unpunct;    /* the whole document is unpunctuated speech */
	int lower_doc;  /* speech-to-text in lower case: sentences start with
	                 * a small letter (lower_case_doc) */
	/* a paragraph's frame: "For the full year, ..." opening a sentence
	 * dates the figures of the paragraph that state no period */
	int frame_set;
	ec_period frame_per;
	/* a frame opened after the paragraph already stated figures ("...
	 * up 14%. For the full year, revenue was $3.0 billion. Adjusted net
	 * income was $158 million ...") frames its own sentence only: the
	 * paragraph is about the quarter and comes back to it.  frame_once
	 * says so; kept_* is the frame to restore after the sentence. */
	int frame_once, kept_set;
	ec_period kept_per;
	int para_figures; /* a sentence of this paragraph had figures */
	/* a heading's period ("Overview of results for the nine months"):
	 * the frame of the paragraphs under it, up to the next heading */
	int section_set;
	ec_period section_per;
	int err;
	tok t[MAXTOK];
	size_t nt;
	/* of the tokens t[0..nt) (set by tokenize): the union of their word
	 * lists (S_*), and whether a number among them is a percentage or
	 * in basis points or points; rules that need a word of a list or
	 * such a number skip sentences without one */
	unsigned sent_sets;
	int sent_ratio;
} ctx;

/* Always inlined so that w is a literal: its length folds to a constant
 * and the compare of the word with its NUL becomes a few integer
 * compares (t->w is zero-filled after its NUL, 24 bytes). */
static inline EX_ALWAYS_INLINE int W(const tok *t, const char *w)
{
	size_t n = strlen(w);
	if (n + 1 > sizeof t->w)
		return 0; /* longer than any stored word */
	return t->type == T_WORD && t->w[0] == w[0] && memcmp(t->w, w, n + 1) == 0;
}

static inline int in_set(const char *w, const char *const *set)
{
	for (; *set; set++)
		if ((*set)[0] == w[0] && strcmp(w, *set) == 0)
			return 1;
	return 0;
}

/* The words is_basis_word() tests (with S_BASISW in the word table). */
static const char *const basis_words[] = {"gaap", "gap", "non-gaap", "non-gap", "adjusted",
                                          "forma", "nongaap", "statutory", NULL};

static int is_basis_word(const ctx *c, size_t k, int *basis)
{
	const tok *t = &c->t[k];
	if (t->type != T_WORD || !(t->sets & S_BASISW))
		return 0;
	switch (t->w[0]) { /* the first letters of the words below */
	case 'g': case 'n': case 'a': case 'f': case 's':
		break;
	default:
		return 0;
	}
	if (W(t, "statutory")) {
		*basis = EC_BASIS_GAAP; /* IFRS / UK "statutory" figures */
		return 1;
	}
	if (W(t, "gaap") || W(t, "gap")) {
		if (k > 0 && W(&c->t[k - 1], "non")) {
			*basis = EC_BASIS_NON_GAAP;
			return 1;
		}
		*basis = EC_BASIS_GAAP;
		return 1;
	}
	if (W(t, "non-gaap") || W(t, "non-gap") || W(t, "adjusted") || W(t, "forma") ||
	    W(t, "nongaap")) {
		*basis = EC_BASIS_NON_GAAP;
		return 1;
	}
	return 0;
}

/* ---- tokens ---------------------------------------------------------- */

static unsigned kw_sets(const ctx *c, const char *w, size_t n, uint32_t h);

/* Tokens are built in place in c->t[c->nt] (the loop guarantees room)
 * and kept by incrementing c->nt. */
static inline void tok_push(ctx *c)
{
	c->nt++;
}

/* The words that can start a period expression besides the digit and
 * "Q1"/"FY"/"H1" forms of when_starter (lower-case letters and '-'):
 * marked S_WSTART in the word table. */
static const char *const starter_words[] = {
    "annual", "a", "april", "august", "apr", "aug", "beginning", "current", "coming",
    "december", "dec", "entire", "end", "first", "fourth", "fiscal", "full", "full-year",
    "following", "february", "feb", "january", "june", "july", "jan", "jun", "jul", "last",
    "march", "may", "mar", "nine", "next", "november", "nov", "our", "october", "oct",
    "prior", "previous", "preceding", "prior-year", "quarter", "second", "six",
    "sequential", "same", "start", "september", "sep", "sept", "the", "this", "that",
    "third", "three", "twelve", "upcoming", "year", "year-ago", NULL};

/* The longest of starter_words ("sequential", "prior-year"). */
#define STARTER_MAX 10

/* kw_hash of a word stored in a zero-filled buffer (w[n..] zero up to
 * the next multiple of 8 bytes): eight bytes at a time. */
static inline uint32_t kw_hash_padded(const char *w, size_t n)
{
	uint64_t h = n;
	for (size_t q = 0; q < n; q += 8) {
		uint64_t x;
		memcpy(&x, w + q, 8);
		h = (h ^ x) * 0x9E3779B97F4A7C15u;
		h ^= h >> 32; /* the low bits (the table index) from all bytes */
	}
	return (uint32_t)h;
}


/* Whether the word at s[i] (a word start, a letter, len the end of the
 * sentence) can start a period expression (a cheap filter before the
 * full parser): "Q1".."Q4", "FY", "H1"/"H2", or a run of letters and
 * '-' (up to a byte that is neither) that is one of starter_words.
 * tokenize has already copied the word into w[0..k) (lower case, '\''
 * for a typographic apostrophe; run: the length of its leading letters
 * and '-'), s[j] after it, with table bits sets: the run ends where the
 * word ends unless s[j] is a '-' the word stopped at ("year- ": no
 * starter word ends in '-'), or inside the word at a digit, '&' or
 * apostrophe. */
static int when_starter(const ctx *c, const char *s, size_t len, size_t i, const char *w,
                        size_t k, size_t run, size_t j, unsigned sets)
{
	if (run == k && (sets & S_WSTART) && !(j < len && s[j] == '-'))
		return 1; /* (k <= STARTER_MAX: the word was not cut) */
	unsigned char ch = (unsigned char)s[i];
	if ((ch == 'Q' || ch == 'q') && i + 1 < len && s[i + 1] >= '1' && s[i + 1] <= '4')
		return 1;
	if ((ch == 'F' || ch == 'f') && i + 1 < len && (s[i + 1] == 'Y' || s[i + 1] == 'y'))
		return 1;
	if ((ch == 'H' || ch == 'h') && i + 1 < len && (s[i + 1] == '1' || s[i + 1] == '2'))
		return 1; /* H1 2024 */
	if (run == k || run > STARTER_MAX)
		return 0;
	/* a digit, '&' or apostrophe ends the run inside the word */
	char p[24] = {0};
	memcpy(p, w, run);
	return (kw_sets(c, p, run, kw_hash_padded(p, run)) & S_WSTART) != 0;
}

/* Bytes of a word token, by what the word loop of tokenize does with
 * them: 0 ends the word. */
enum { WC_END = 0, WC_UPPER = 1, WC_LOWER = 2, WC_OTHER_WORD = 3, WC_JOIN = 4, WC_E2 = 5 };
static const unsigned char word_class[256] = {
	['0'] = WC_OTHER_WORD, ['1'] = WC_OTHER_WORD, ['2'] = WC_OTHER_WORD, ['3'] = WC_OTHER_WORD,
	['4'] = WC_OTHER_WORD, ['5'] = WC_OTHER_WORD, ['6'] = WC_OTHER_WORD, ['7'] = WC_OTHER_WORD,
	['8'] = WC_OTHER_WORD, ['9'] = WC_OTHER_WORD, ['&'] = WC_OTHER_WORD,
	['-'] = WC_JOIN, ['\''] = WC_JOIN, [0xe2] = WC_E2,
	['A'] = WC_UPPER, ['B'] = WC_UPPER, ['C'] = WC_UPPER, ['D'] = WC_UPPER, ['E'] = WC_UPPER,
	['F'] = WC_UPPER, ['G'] = WC_UPPER, ['H'] = WC_UPPER, ['I'] = WC_UPPER, ['J'] = WC_UPPER,
	['K'] = WC_UPPER, ['L'] = WC_UPPER, ['M'] = WC_UPPER, ['N'] = WC_UPPER, ['O'] = WC_UPPER,
	['P'] = WC_UPPER, ['Q'] = WC_UPPER, ['R'] = WC_UPPER, ['S'] = WC_UPPER, ['T'] = WC_UPPER,
	['U'] = WC_UPPER, ['V'] = WC_UPPER, ['W'] = WC_UPPER, ['X'] = WC_UPPER, ['Y'] = WC_UPPER,
	['Z'] = WC_UPPER,
	['a'] = WC_LOWER, ['b'] = WC_LOWER, ['c'] = WC_LOWER, ['d'] = WC_LOWER, ['e'] = WC_LOWER,
	['f'] = WC_LOWER, ['g'] = WC_LOWER, ['h'] = WC_LOWER, ['i'] = WC_LOWER, ['j'] = WC_LOWER,
	['k'] = WC_LOWER, ['l'] = WC_LOWER, ['m'] = WC_LOWER, ['n'] = WC_LOWER, ['o'] = WC_LOWER,
	['p'] = WC_LOWER, ['q'] = WC_LOWER, ['r'] = WC_LOWER, ['s'] = WC_LOWER, ['t'] = WC_LOWER,
	['u'] = WC_LOWER, ['v'] = WC_LOWER, ['w'] = WC_LOWER, ['x'] = WC_LOWER, ['y'] = WC_LOWER,
	['z'] = WC_LOWER};

/* Copies the word at s[i] (b the end) into tp->w (lower case, at most
 * 23 bytes, a typographic apostrophe read as '\''; tp->w zero-filled
 * before), sets its length *k, its kw_hash *h, the length of its
 * leading run of letters and '-' in *other (*k if all of it) and
 * whether it has two letters or more and none in lower case in *allcaps;
 * returns the end of the word. */
static inline EX_ALWAYS_INLINE size_t word_copy(const char *s, size_t i, size_t b, tok *tp,
                                                size_t *kp, uint32_t *hp, int *allcapsp,
                                                size_t *otherp)
{
	size_t j = i, k = 0, other = sizeof tp->w;
	int lower = 0, letters = 0;
#if defined(__SSE2__) && defined(__GNUC__)
	/* A word of letters, digits and '&' that ends inside the sixteen
	 * bytes at i, at a byte the loop below stops at at once (no '-',
	 * '\'' or UTF-8 quote): classified by compares of all sixteen. */
	if (i + 16 <= b) {
		const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		const __m128i b20 = _mm_set1_epi8(0x20);
		__m128i l = _mm_or_si128(v, b20);
		__m128i lt = _mm_and_si128(_mm_cmpgt_epi8(l, _mm_set1_epi8(0x60)),
		                           _mm_cmplt_epi8(l, _mm_set1_epi8(0x7b)));
		__m128i dg = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x2f)),
		                           _mm_cmplt_epi8(v, _mm_set1_epi8(0x3a)));
		__m128i am = _mm_cmpeq_epi8(v, _mm_set1_epi8('&'));
		unsigned lm = (unsigned)_mm_movemask_epi8(lt);
		unsigned stop = ~(lm | (unsigned)_mm_movemask_epi8(_mm_or_si128(dg, am))) & 0xffffu;
		if (stop) {
			unsigned n = (unsigned)__builtin_ctz(stop);
			if (n > 0 && word_class[(unsigned char)s[i + n]] == WC_END) {
				static const unsigned char keep[32] = {
				    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
				    0xff, 0xff, 0xff, 0xff, 0xff};
				unsigned km = (1u << n) - 1;
				/* upper-case letters lack 0x20 */
				unsigned um = lm & ~(unsigned)_mm_movemask_epi8(
				                       _mm_cmpeq_epi8(_mm_and_si128(v, b20), b20));
				unsigned lw = lm & km;
				__m128i out = _mm_or_si128(v, _mm_and_si128(lt, b20));
				out = _mm_and_si128(out, _mm_loadu_si128((const __m128i *)(const void *)(keep + 16 - n)));
				_mm_storeu_si128((__m128i *)(void *)tp->w, out); /* w[16..] stay zero */
				unsigned nonletter = ~lm & km;
				*otherp = nonletter ? (size_t)__builtin_ctz(nonletter) : n;
				*kp = n;
				*hp = kw_hash_padded(tp->w, n);
				/* two letters or more, none lower case */
				*allcapsp = (lw & (lw - 1)) != 0 && !(lw & ~um);
				return i + n;
			}
		}
	}
#endif
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* ASCII letters eight at a time first (what the loop below does
	 * with them, exactly): most words are letters only */
	const uint64_t ones = 0x0101010101010101u;
	while (j + 8 <= b && k + 8 < sizeof tp->w) {
		uint64_t x;
		memcpy(&x, s + j, 8);
		uint64_t y = (x | ones * 0x20) & ones * 0x7f;
		/* per byte: high bit of y + 0x1f when y >= 'a', of y + 5
		 * when y > 'z' (no carry leaves a byte: y <= 0x7f) */
		uint64_t alpha = (y + ones * (0x80 - 'a')) & ~(y + ones * (0x80 - 'z' - 1)) & ~x &
		                 ones * 0x80;
		uint64_t mask = ~0ull;
		size_t run = 8;
		if (alpha != ones * 0x80) {
			run = (size_t)__builtin_ctzll(~alpha & ones * 0x80) / 8;
			mask = (1ull << (8 * run)) - 1;
		}
		/* a lower-case letter has 0x20 (bit 5 shifted to bit 7) */
		lower |= (alpha & (x << 2) & mask) != 0;
		letters += (int)run;
		uint64_t lx = (x | alpha >> 2) & mask;
		memcpy(tp->w + k, &lx, 8); /* the bytes after run stay zero */
		k += run;
		j += run;
		if (run < 8)
			break;
	}
#endif
	while (j < b) {
		unsigned char x = (unsigned char)s[j];
		unsigned char cl = word_class[x];
		if (cl == WC_UPPER) {
			letters++;
			x = (unsigned char)(x + 32);
		} else if (cl == WC_LOWER) {
			letters++;
			lower = 1;
		} else if (cl == WC_JOIN) {
			/* '-' or '\'' inside a word */
			if (!(j + 1 < b && ex_is_word((unsigned char)s[j + 1]) && j > i))
				break;
			if (x == '\'' && other > k)
				other = k;
		} else if (cl == WC_E2) {
			if (!(j + 3 < b && (unsigned char)s[j + 1] == 0x80 &&
			      (unsigned char)s[j + 2] == 0x99 && ex_is_alpha((unsigned char)s[j + 3])))
				break;
			/* ’ inside a word: read as ' */
			if (other > k)
				other = k;
			if (k + 1 < sizeof tp->w)
				tp->w[k++] = '\'';
			j += 3;
			continue;
		} else if (cl == WC_OTHER_WORD) {
			if (other > k)
				other = k;
		} else {
			break;
		}
		if (k + 1 < sizeof tp->w)
			tp->w[k++] = (char)x;
		j++;
	}
	tp->w[k] = 0;
	*otherp = other < k ? other : k;
	*kp = k;
	*hp = kw_hash_padded(tp->w, k);
	*allcapsp = letters >= 2 && !lower;
	return j;
}

static void tokenize(ctx *c, size_t a, size_t b)
{
	const char *s = c->d->clean;
	size_t i = a;
	c->nt = 0;
	c->sent_sets = 0;
	c->sent_ratio = 0;
	while (i < b && c->nt < MAXTOK) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			i++;
			continue;
		}
		tok *tp = &c->t[c->nt];
		memset(tp, 0, TOK_RESET);
		tp->ph = -1;
		tp->s = i;
		int wordstart = ex_is_word(ch) && (i == a || !ex_is_word((unsigned char)s[i - 1]));
		if (ex_is_alpha(ch)) {
			/* A letter: the word is copied and looked up in the word
			 * table first, which also says whether it may start a
			 * period; a period or a range ("between", "from") made of
			 * it takes the place of the word (then cleared again). */
			size_t k;
			uint32_t h;
			int allcaps;
			size_t run;
			size_t j = word_copy(s, i, b, tp, &k, &h, &allcaps, &run);
			unsigned sets = kw_sets(c, tp->w, k, h);
			if (wordstart && when_starter(c, s, b, i, tp->w, k, run, j, sets) &&
			    ex_when_may_follow(s, b, i) && ex_when_parse(s, b, i, &c->d->cal, &tp->when) &&
			    tp->when.end > i) {
				memset(tp->w, 0, sizeof tp->w);
				tp->type = T_WHEN;
				tp->e = tp->when.end;
				tok_push(c);
				i = tp->e;
				continue;
			}
			/* a word only opens a range as "between" or "from" (the
			 * words ex_range_parse reads before its number) */
			if ((ch == 'b' || ch == 'B' || ch == 'f' || ch == 'F') && wordstart &&
			    (ex_word_at(s, b, i, "between") || ex_word_at(s, b, i, "from")) &&
			    ex_range_parse(s, b, i, &tp->r) && tp->r.kind == EX_R_RANGE) {
				memset(tp->w, 0, sizeof tp->w);
				tp->type = T_NUM;
				tp->e = tp->r.end;
				c->sent_ratio |= tp->r.a.pct || tp->r.a.bps || tp->r.a.pts;
				tok_push(c);
				i = tp->e;
				continue;
			}
			tp->sets = sets;
			c->sent_sets |= sets;
			tp->type = T_WORD;
			tp->e = j;
			tp->cap = ch >= 'A' && ch <= 'Z';
			tp->allcaps = allcaps;
			tok_push(c);
			i = j;
			continue;
		}
		/* a digit opens a period only as a word start ("2024", "12
		 * months"); other bytes open none */
		if (wordstart && ch >= '0' && ch <= '9' && ex_when_may_follow(s, b, i) &&
		    ex_when_parse(s, b, i, &c->d->cal, &tp->when) && tp->when.end > i) {
			tp->type = T_WHEN;
			tp->e = tp->when.end;
			tok_push(c);
			i = tp->e;
			continue;
		}
		if ((ch >= '0' && ch <= '9') || ch == '$' || ch == '(' || ch == '-') {
			if (ex_range_parse(s, b, i, &tp->r)) {
				const ex_num *n = &tp->r.a;
				int year = tp->r.kind == EX_R_POINT && !n->cur && !n->pct && !n->scale &&
				           !n->decimals && n->v >= 1950 && n->v <= 2100 &&
				           n->end - n->start == 4 && !n->bps && !n->pts && !n->cents;
				if (!year) {
					tp->type = T_NUM;
					tp->e = tp->r.end;
					c->sent_ratio |= n->pct || n->bps || n->pts;
					tok_push(c);
					i = tp->e;
					continue;
				}
			}
		}
		if (ex_is_word(ch) || ch == '&') {
			size_t k;
			uint32_t h;
			int allcaps;
			size_t run;
			size_t j = word_copy(s, i, b, tp, &k, &h, &allcaps, &run);
			tp->sets = kw_sets(c, tp->w, k, h);
			c->sent_sets |= tp->sets;
			tp->type = T_WORD;
			tp->e = j;
			tp->cap = 0; /* a digit or '&' */
			tp->allcaps = allcaps;
			tok_push(c);
			i = j;
			continue;
		}
		/* punctuation; UTF-8 dashes and quotes read as ASCII */
		tp->type = T_PUNCT;
		if (ch == 0xe2 && i + 2 < b && (unsigned char)s[i + 1] == 0x80) {
			unsigned char x = (unsigned char)s[i + 2];
			tp->w[0] = (x == 0x93 || x == 0x94) ? '-' : (x >= 0x98 && x <= 0x9d) ? '"' : '?';
			tp->e = i + 3;
		} else if (ch >= 0x80) {
			size_t j = i + 1;
			while (j < b && ((unsigned char)s[j] & 0xc0) == 0x80)
				j++;
			tp->w[0] = '?';
			tp->e = j;
		} else {
			tp->w[0] = (char)ch;
			tp->e = i + 1;
		}
		tok_push(c);
		i = tp->e;
	}
}

/* Marks lexicon phrases: longest match at each word, commas skipped. */
static void phrases(ctx *c)
{
	for (size_t k = 0; k < c->nt; k++) {
		if (c->t[k].type != T_WORD || c->t[k].inph)
			continue;
		if (!(c->t[k].sets & S_PHSTART))
			continue; /* no phrase starts with this word (the word
			           * table holds ex_phrase_may_start's answer) */
		const char *w[10];
		size_t idx[10], n = 0;
		for (size_t j = k; j < c->nt && n < 10; j++) {
			if (c->t[j].type == T_PUNCT && c->t[j].w[0] == ',' && n > 0)
				continue;
			if (c->t[j].type != T_WORD)
				break;
			idx[n] = j;
			w[n++] = c->t[j].w;
		}
		size_t nw;
		int p = ex_phrase_longest(&c->ix, w, n, &nw);
		if (p < 0)
			continue;
		size_t last = idx[nw - 1];
		c->t[k].ph = p;
		c->t[k].phn = (int)(last - k + 1);
		for (size_t j = k; j <= last; j++)
			c->t[j].inph = 1;
	}
}

static const char *const cap_ok[];
static int cap_name(const ctx *c, size_t j);

/* ---- qualifiers: segment and basis written before a metric phrase ---- */

typedef struct qual {
	char seg[48];
	int basis; /* -1 none */
	int nbasis;
	int combined; /* "combined product revenue", "organic revenue": another measure */
	int ytd;      /* "year-to-date revenue" */
	int bases[4]; /* every basis named, in reading order: "GAAP and non-GAAP" */
	int nb;
	size_t start;
} qual;

static const char *const skip_quals[] = {
    "total", "net", "consolidated", "reported", "record", "overall", "quarterly",
    "strong", "solid", "healthy", "robust", "good", "higher", "lower", "sequential",
    "company", "companywide", "company-wide", "diluted", "fiscal", "annual", "full-year",
    "gaap", "non-gaap", "adjusted", "pro", "forma", "gap", "non-gap", "non", "reported",
    "record-breaking", "all-time", "combined-company", "cash", "year-end", "ending",
    "resulting", "respective", "aggregate", "recognized", "strong", "continued",
    "first-quarter", "second-quarter", "third-quarter", "fourth-quarter", "quarter",
    "year", "first-half", "second-half", "full-quarter",
    NULL};
static const char *const stop_quals[] = {
    "the", "our", "a", "an", "their", "its", "this", "that", "of", "in", "for", "on",
    "at", "to", "with", "and", "or", "was", "were", "is", "are", "we", "as", "by",
    "from", "than", "while", "per", "these", "those", "your", "his", "her", "has",
    "have", "had", "be", "been", "also", "both", "which", "what", "if", "on", "into",
    "so", "but", "then", "delivered", "posted", "reported", "generated", "grew",
    "increased", "decreased", "saw", "see", "expect", "expects", "expected", "earned",
    "achieved", "include", "includes", "including", "excluding", "other", "all", "any",
    "some", "my", "i", "you", "it", "he", "she", "they", "us", "there", "here", "when",
    "where", "why", "how", "not", "no", "about", "approximately", "roughly", "around",
    "will", "would", "could", "should", "may", "might", "can", "do", "does", "did",
    "each", "every", "just", "only", "even", "over", "under", "into", "through", "next",
    "last", "prior", "previous", "current", "same", "such", "more", "less", "most",
    "least", "new", "remaining", "within", "across", "between", "among", "after",
    "before", "during", "since", "until", "given", "based", "driven", "led", "like",
    "sequentially", "organically", "respectively", "additionally", "similarly", "finally",
    "said", "says", "mentioned", "noted", "stated", "discussed", "highlighted",
    "notably", "importantly", "specifically", "meanwhile", "now", "today", "again",
    "still", "already", "further", "however", "together", "primarily", "mainly",
    "largely", "partly", "slightly", "significantly", "substantially", "modestly",
    "nearly", "almost", "currently", "recently", "operator", "thanks", "thank",
    "everyone", "everybody", "morning", "afternoon", "evening", "okay", "ok", "well", "yes",
    "right", "great",
    NULL};
static const char *const seg_noise[] = {"segment", "segments", "business", "businesses",
                                        "division", "group", "unit", "line", "lines",
                                        "family", "families", NULL};

/* "products revenue" and "services revenue" alone are the product /
 * service split; a longer name keeps its plural ("issuer_services"). */
static void seg_final(char *seg)
{
	if (!strcmp(seg, "products") || !strcmp(seg, "services"))
		seg[7] = 0;
}

static void seg_append(char *seg, size_t cap, const char *w)
{
	char word[32];
	size_t n = 0;
	for (const char *p = w; *p && n + 1 < sizeof word; p++) {
		char x = *p;
		if (x == '\'' )
			break; /* possessive */
		if (x == '&' || x == '-')
			x = '_';
		word[n++] = x;
	}
	word[n] = 0;
	/* "Health & Wellness": health_wellness */
	if (!word[0] || !strcmp(word, "_"))
		return;
	size_t l = strlen(seg);
	if (l && l + 1 < cap) {
		memmove(seg + strlen(word) + 1, seg, l + 1);
		memcpy(seg, word, strlen(word));
		seg[strlen(word)] = '_';
	} else if (!l && strlen(word) < cap) {
		memcpy(seg, word, strlen(word) + 1);
	}
}

static void qualifiers(const ctx *c, size_t k, qual *q)
{
	memset(q, 0, sizeof *q);
	q->basis = -1;
	q->start = c->t[k].s;
	int words = 0;
	for (size_t j = k; j-- > 0 && words < 5;) {
		const tok *t = &c->t[j];
		if (t->type == T_WHEN) {
			q->start = t->s;
			continue;
		}
		if (t->type != T_WORD || t->inph)
			break;
		/* "combined product revenue", "organic revenue", "constant
		 * currency revenue": another measure than the metric */
		if (W(t, "combined") || W(t, "organic") || W(t, "comparable") || W(t, "underlying") ||
		    W(t, "like-for-like") || W(t, "constant-currency") || W(t, "unbilled") ||
		    W(t, "contracted") || W(t, "annualized") || W(t, "same-store") ||
		    (W(t, "currency") && j > 0 && W(&c->t[j - 1], "constant"))) {
			q->combined = 1;
			break;
		}
		if (W(t, "year-to-date") || W(t, "ytd")) {
			q->ytd = 1;
			q->start = t->s;
			continue;
		}
		int b;
		if (is_basis_word(c, j, &b)) {
			if (q->basis >= 0 && q->basis != b)
				q->nbasis++;
			if (q->basis < 0)
				q->nbasis = 1;
			q->basis = b;
			q->start = t->s;
			if (q->nb < 4 && (q->nb == 0 || q->bases[q->nb - 1] != b))
				q->bases[q->nb++] = b;
			continue;
		}
		int b2;
		if ((W(t, "and") || W(t, "or")) && j > 0 && is_basis_word(c, j - 1, &b2))
			continue; /* "GAAP and adjusted gross margins" */
		/* "Software and data revenue" opening a sentence: one name */
		if (W(t, "and") && words > 0 && j >= 1 && cap_name(c, j - 1) &&
		    (j == 1 || c->t[j - 2].type != T_WORD)) {
			seg_append(q->seg, sizeof q->seg, t->w);
			q->start = t->s;
			continue;
		}
		if ((t->sets & (S_STOPQ | S_GUIDE)))
			break;
		if ((t->sets & S_SKIPQ)) {
			q->start = t->s;
			continue;
		}
		size_t l = strlen(t->w);
		if (l >= 2 && t->w[l - 2] == '\'' && t->w[l - 1] == 's')
			break; /* possessive: the owner, not a segment */
		if (ex_doc_is_known(c->d, c->d->clean + t->s, t->e - t->s))
			break;
		if ((t->sets & S_SEGNOISE)) {
			q->start = t->s;
			continue;
		}
		if ((t->sets & S_CAP_OK) && strcmp(t->w, "product") && strcmp(t->w, "products") &&
		    strcmp(t->w, "service") && strcmp(t->w, "services"))
			break;
		if (!t->cap && (l > 3 && (!strcmp(t->w + l - 3, "ing") || !strcmp(t->w + l - 2, "ed"))))
			break; /* a verb: "we're expecting revenue", "estimated" */
		if (!t->cap && l > 3 && t->w[l - 1] == 's' && strcmp(t->w, "products") &&
		    strcmp(t->w, "services") && strcmp(t->w, "sales") &&
		    !(j > 0 && cap_name(c, j - 1) && (j == 1 || c->t[j - 2].type != T_WORD ||
		                                      !cap_name(c, j - 2))))
			break; /* "Juniper estimates revenue", not "Merchant solutions revenue" */
		if (t->w[0] >= '0' && t->w[0] <= '9' && !t->cap) {
			/* "10 gig" etc: a product name */
		}
		seg_append(q->seg, sizeof q->seg, t->w);
		q->start = t->s;
		words++;
	}
	/* collected right to left */
	for (int i = 0; i < q->nb / 2; i++) {
		int x = q->bases[i];
		q->bases[i] = q->bases[q->nb - 1 - i];
		q->bases[q->nb - 1 - i] = x;
	}
}

/* ---- cues ------------------------------------------------------------ */

static const char *const change_words[] = {
    "up", "down", "increase", "increased", "increases", "increasing", "decrease",
    "decreased", "decreases", "decreasing", "decline", "declined", "declines", "grew",
    "grow", "grows", "growing", "rose", "fell", "improved", "improvement", "expanded",
    "expansion", "contracted", "by", "change", "changed", "delta", "growth", "reduction",
    "reduced", "drop", "dropped", "jumped", "climbed", "added", "adding", "additional",
    "incremental", "another", "improve", "improving", "shortfall", "shy", "offset",
    "headwind", "tailwind", "impact", "benefit", "sequential", NULL};
static const char *const change_nouns[] = {
    "increase", "decrease", "growth", "improvement", "decline", "reduction", "gain",
    "change", "expansion", "contraction", "benefit", "impact", "headwind", "tailwind",
    "delta", "drop", "swing", "rise", "shortfall", "total", NULL};
static const char *const value_words[] = {
    "to", "from", "was", "were", "is", "are", "be", "been", "at", "totaled", "totalled",
    "totaling", "totalling", "reached", "reaching", "posted", "reported", "generated",
    "with", "stood", "came", "delivered", "recorded", "record", "achieved", "ended",
    "equal", "equaled", "hit", "of",
    "earned", "had", "have", "has", "remained", "remain", "approached", "exited", "finished",
    "closed", "comprised", "represented", "than", "versus", "vs",
    "between", "range", "respectively", NULL};
static const char *const approx_words[] = {
    "over", "nearly", "almost", "under", "above", "below", "exceeding", "exceed",
    "exceeded", "upwards", "beyond", "north", "south", NULL};
static const char *const stop_follow[] = {
    "compared", "versus", "vs", "from", "up", "down", "increase", "increased",
    "decrease", "decreased", "against", "while", "which", "but", "whereas", "than",
    "relative", NULL};
static const char *const compare_before[] = {
    "from", "versus", "vs", "than", "compared", "with", "over", "against", "since",
    "relative", "vs.", "to", NULL};
static const char *const guide_words[] = {
    "expect", "expects", "expected", "expecting", "anticipate", "anticipates",
    "anticipated", "anticipating", "estimate", "estimates", "forecast", "forecasts",
    "outlook", "guidance", "guide", "guiding", "guided", "project", "projects",
    "projected", "projecting", "will", "should", "target", "targets", "plan",
    "reaffirm", "reaffirms", "reaffirmed", "reaffirming", "reiterate", "reiterates",
    "reiterated", "reiterating", "assume", "assumes", "assuming",
    "plans", "intend", "intends", "going", "would", NULL};
static const char *const prior_guide[] = {
    "previous", "previously", "original", "originally", "earlier", "prior", NULL};
static const char *const lt_words[] = {"long-term", "long", "longer-term", "longer", "model",
                                       "goal", "goals", "aspiration", "long-range",
                                       "multi-year", "multiyear", NULL};
static const char *const aside_words[] = {"include", "includes", "including", "included",
                                          "excluding", "excludes", "exclude", NULL};
static const char *const cap_ok[] = {
    "gaap", "non-gaap", "eps", "dso", "dsos", "capex", "opex", "i", "ceo", "cfo", "coo",
    "r&d", "g&a", "sg&a", "reports", "announces", "announced", "financial", "results",
    "record", "quarter", "quarterly", "fiscal", "year", "first", "second", "third",
    "fourth", "full", "total", "net", "revenue", "revenues", "income", "operating",
    "margin", "margins", "gross", "diluted", "earnings", "per", "share", "cash", "outlook",
    "guidance", "highlights", "preliminary", "and", "of", "the", "for", "on", "in",
    "with", "a", "an", "to", "from", "up", "down", "company", "inc", "corp",
    "corporation", "ltd", "non", "adjusted", "sales", "profit", "loss", "expenses",
    "product", "products", "service", "services", "q&a", "ok", "okay", "yes", "thanks",
    "thank", "fy", "business", "summary", "key", "metrics", "balance", "sheet", "flow",
    "statement", "statements", "condensed", "unaudited", "gap", "deferred", "backlog",
    "tax", "rate", "days", "head", "count", "headcount", "our", "we", NULL};

static int is_punct(const tok *t, char ch)
{
	return t->type == T_PUNCT && t->w[0] == ch;
}

/* Token j is the label of a comparative in parentheses: "(H1 2023:
 * $219 million)".  Its period is the figure's after the colon only. */
static int comparative_label(const ctx *c, size_t j)
{
	return c->t[j].type == T_WHEN && j > 0 && is_punct(&c->t[j - 1], '(') && j + 1 < c->nt &&
	       is_punct(&c->t[j + 1], ':');
}

/* ---- periods ---------------------------------------------------------- */

static int when_is_comparison(const ctx *c, size_t k)
{
	for (size_t j = k; j-- > 0;) {
		const tok *t = &c->t[j];
		if (t->type != T_WORD)
			return 0;
		if (W(t, "the") || W(t, "our") || W(t, "in") || W(t, "for"))
			continue;
		return (t->sets & S_COMPARE) || W(t, "to");
	}
	return 0;
}

static int month_end(ec_period p)
{
	switch (p.type) {
	case EC_PERIOD_QUARTER:
		return p.year * 12 + p.n * 3;
	case EC_PERIOD_HALF:
		return p.year * 12 + p.n * 6;
	case EC_PERIOD_MONTHS:
		return p.year * 12 + p.n;
	default:
		return p.year * 12 + 12;
	}
}

/* Why a number is not kept.  A debugging build (-DEX_TRACE) prints each
 * reason on standard error; the library proper never prints. */
#ifdef EX_TRACE
#include <stdio.h>
#define DROP(why) do { fprintf(stderr, "drop (%s): %.*s\n", why, (int)(T->e - T->s), c->d->clean + T->s); return; } while (0)
#else
#define DROP(why) return
#endif

/* ---- one number ------------------------------------------------------- */

static void emit_mention(ctx *c, ex_mention *m)
{
	m->role = c->role == EX_ROLE_ANALYST ? EX_ROLE_ANALYST : EX_ROLE_COMPANY;
	m->prio = c->role == EX_ROLE_ANALYST ? 2 : c->qa ? 1 : 0;
	m->order = c->order++;
	if (ex_mentions_push(c->out, m))
		c->err = 1;
}

typedef struct sentinfo {
	size_t a, b;
	int guide;       /* guidance cue or outlook section */
	int fwd;         /* a forward-looking verb or an outlook section, not only
	                  * the noun: "at the high end of our guidance range" */
	int prior_guide; /* mentions earlier guidance */
	int longterm;
	int respectively;
	size_t first_ph; /* token of the first phrase, or SIZE_MAX */
	int headline;    /* mostly upper-case words */
	int guide_ctx;   /* guide set by the context (an outlook section, a
	                  * forecast going on), not only by the words */
} sentinfo;

/* A dash between blanks (a dateline's " -- ", an aside), not the end of
 * a word ("MX- D" as transcribed). */

/* Token j can be a word of a segment's name: capitalised, not a word of
 * the lexicon's headings (GAAP, Revenue, Quarter ...), not the company or
 * a speaker, not a month. */
static int cap_name(const ctx *c, size_t j)
{
	const tok *t = &c->t[j];
	if (t->type != T_WORD || !t->cap || t->inph || (t->sets & S_CAP_OK))
		return 0;
	const ex_doc *d = c->d;
	if (ex_doc_is_known(d, d->clean + t->s, t->e - t->s))
		return 0;
	size_t me;
	return !ex_month_parse(d->clean, t->e, t->s, &me);
}

static int spaced_dash(const ctx *c, size_t j)
{
	size_t s0 = c->t[j].s;
	return s0 == 0 || c->d->clean[s0 - 1] == ' ' || c->d->clean[s0 - 1] == '\n';
}

static int foreign_subject(const ctx *c, size_t upto, const sentinfo *si)
{
	if (si->headline)
		return 0;
	int first = 1;
	/* only the clause after a dateline dash or a colon */
	size_t from = 0;
	for (size_t j = 0; j < upto; j++)
		if (c->t[j].type == T_PUNCT && (c->t[j].w[0] == ':' ||
		                                (c->t[j].w[0] == '-' && spaced_dash(c, j))))
			from = j + 1;
	for (size_t j = from; j < upto; j++) {
		const tok *t = &c->t[j];
		if (t->type == T_PUNCT) {
			if (t->w[0] == ':' || (t->w[0] == '-' && spaced_dash(c, j)) || t->w[0] == '"' ||
			    t->w[0] == '(')
				first = 1;
			continue;
		}
		if (t->type != T_WORD) {
			first = 0;
			continue;
		}
		if (first) {
			first = 0;
			continue;
		}
		if (!t->cap || t->inph || t->e - t->s == 1) /* "the P and L" */
			continue;
		if ((t->sets & S_CAP_OK))
			continue;
		if (ex_doc_is_known(c->d, c->d->clean + t->s, t->e - t->s))
			continue;
		int m = 0;
		size_t me;
		if ((m = ex_month_parse(c->d->clean, t->e, t->s, &me)))
			continue;
		return 1;
	}
	return 0;
}

/* "64.5% and 65.0%, respectively, plus or minus 50 basis points": the
 * margin after "respectively" applies to every number of the list. */
static void resp_margin(const ctx *c, size_t k, ex_range *rr)
{
	size_t j = k + 1;
	while (j < c->nt && (c->t[j].type == T_NUM || is_punct(&c->t[j], ',') || W(&c->t[j], "and")))
		j++;
	if (j >= c->nt || !W(&c->t[j], "respectively"))
		return;
	j++;
	if (j < c->nt && is_punct(&c->t[j], ','))
		j++;
	if (j + 3 >= c->nt || !W(&c->t[j], "plus") || !W(&c->t[j + 1], "or") ||
	    !W(&c->t[j + 2], "minus") || c->t[j + 3].type != T_NUM ||
	    c->t[j + 3].r.kind != EX_R_POINT)
		return;
	ex_num b = c->t[j + 3].r.a;
	if (!ex_num_margin(&rr->a, &b, &rr->rel))
		return;
	rr->b = b;
	rr->kind = EX_R_PM;
}

static int number_is_base(const ctx *c, size_t k)
{
	for (size_t j = k, n = 0; j-- > 0 && n < 10; n++) {
		const tok *t = &c->t[j];
		if (t->type == T_NUM || is_punct(t, ';') || is_punct(t, '.'))
			return 0;
		if (t->type != T_WORD)
			continue;
		int cmp = W(t, "compared") || W(t, "versus") || W(t, "vs") || W(t, "against") ||
		          (W(t, "from") && j > 0 && c->t[j - 1].type == T_WORD &&
		           (c->t[j - 1].sets & S_CHANGE));
		if (cmp) {
			/* a base compared with an earlier figure of the sentence;
			 * "Compared to last year, revenue grew to $5 billion"
			 * opens with the frame and states the current figure */
			for (size_t x = j; x-- > 0;)
				if (c->t[x].type == T_NUM)
					return 1;
			return 0;
		}
	}
	return 0;
}

/* The base at k of a change said with its direction: "up 14%
 * year-over-year from $712.6 million" (1: the year-ago figure), "up 4%
 * sequentially from $781.0 million" (2: the prior quarter's); 0 when the
 * number is no such base.  The change's own figure comes first. */
static int adverb_base(const ctx *c, size_t k)
{
	if (k < 3 || !W(&c->t[k - 1], "from"))
		return 0;
	const tok *a = &c->t[k - 2];
	int kind = W(a, "year-over-year") || W(a, "year-on-year") || W(a, "yoy") ? 1
	           : W(a, "sequentially") || W(a, "quarter-over-quarter") ? 2 : 0;
	if (!kind || c->t[k - 3].type != T_NUM)
		return 0;
	const ex_num *n = &c->t[k - 3].r.a;
	return n->pct || n->bps || n->pts ? kind : 0;
}

/* The base at k follows "compared with" / "versus" right after a figure
 * of the same kind ("was $3.41 compared with $3.18", "18.1%, versus
 * 17.5%"): the two figures of one comparison. */
static int plain_compare(const ctx *c, size_t k)
{
	size_t j = k;
	while (j > 0 && c->t[j - 1].type == T_WORD &&
	       (W(&c->t[j - 1], "with") || W(&c->t[j - 1], "to") || W(&c->t[j - 1], "a") ||
	        W(&c->t[j - 1], "an")))
		j--;
	if (j == 0 || !(W(&c->t[j - 1], "compared") || W(&c->t[j - 1], "versus") ||
	                W(&c->t[j - 1], "vs")))
		return 0;
	j--;
	if (j > 0 && is_punct(&c->t[j - 1], ','))
		j--;
	if (j == 0 || c->t[j - 1].type != T_NUM)
		return 0;
	const ex_num *a = &c->t[j - 1].r.a, *b = &c->t[k].r.a;
	return a->cur == b->cur && a->pct == b->pct && a->cents == b->cents && a->scale == b->scale;
}

static int guide_reference(const ctx *c, size_t j);

/* A present-tense estimate before the number at k: "expects", "anticipates",
 * "estimates", "is expected to", "are expected to" (not "as we expected"). */
static int estimate_verb(const ctx *c, size_t k)
{
	for (size_t j = 0; j < k; j++) {
		const tok *t = &c->t[j];
		if (t->type != T_WORD)
			continue;
		if (W(t, "expects") || W(t, "expect") || W(t, "anticipates") || W(t, "anticipate") ||
		    W(t, "estimates"))
			return 1;
		if (W(t, "expected") && j + 1 < c->nt && W(&c->t[j + 1], "to") && j > 0 &&
		    (W(&c->t[j - 1], "is") || W(&c->t[j - 1], "are") || W(&c->t[j - 1], "be")))
			return 1;
	}
	return 0;
}

/* The document names no investments or marketable securities: "cash and
 * cash equivalents" is then all its cash (as a balance sheet's only cash
 * line is, see table.c). */
static int cash_alone(ctx *c)
{
	if (c->cash_alone < 0)
		c->cash_alone = !strstr(c->d->clean, "nvestments") && !strstr(c->d->clean, "NVESTMENTS") &&
		                !strstr(c->d->clean, "arketable") && !strstr(c->d->clean, "ARKETABLE");
	return c->cash_alone;
}

/* Every forecast word of the sentence comes after the number at k, in a
 * new clause with a subject of its own: "..., and we are raising our
 * outlook", "...; we expect". */
static int forecast_later(const ctx *c, size_t k)
{
	size_t brk = 0;
	for (size_t j = k + 1; j + 1 < c->nt && !brk; j++) {
		if (is_punct(&c->t[j], ';')) {
			brk = j;
		} else if (is_punct(&c->t[j], ',')) {
			size_t x = j + 1;
			if (W(&c->t[x], "and") || W(&c->t[x], "but") || W(&c->t[x], "while"))
				x++;
			if (x > j + 1 && x < c->nt &&
			    (W(&c->t[x], "we") || W(&c->t[x], "our") || W(&c->t[x], "i") ||
			     W(&c->t[x], "management")))
				brk = j;
		}
	}
	if (!brk)
		return 0;
	for (size_t j = 0; j < brk; j++)
		if (c->t[j].type == T_WORD && (c->t[j].sets & S_GUIDE) && !guide_reference(c, j))
			return 0;
	return 1;
}

static void analyze_number(ctx *c, size_t k, const sentinfo *si0, int *prev_change,
                           size_t *prev_num, int *prev_pct)
{
	c->d->work += c->nt; /* its rules look at the sentence's tokens */
	const tok *T = &c->t[k];
	const ex_range *r = &T->r;
	sentinfo sl = *si0;
	const sentinfo *si = &sl;
	if (sl.guide && !sl.guide_ctx && forecast_later(c, k)) {
		/* "Backlog ended the quarter at $624.5 million, and we are
		 * raising our outlook for the year": the forecast is another
		 * clause's */
		sl.guide = sl.fwd = 0;
	}
	if (sl.guide && !sl.fwd) {
		/* "Revenue came in at $2.05 billion, at the high end of our
		 * guidance range of $1.95 billion to $2.05 billion": only the
		 * noun, no forecast.  The range "of" the guidance is the earlier
		 * guidance for this period, and a point stated with a past verb
		 * is an actual. */
		static const char *const past[] = {
		    "was", "were", "came", "totaled", "totalled", "reached", "grew", "rose", "fell",
		    "increased", "decreased", "declined", "ended", "delivered", "posted", "reported",
		    "achieved", "generated", "recorded", "finished", "closed", NULL};
		int is_past = 0;
		for (size_t j = k, n = 0; j-- > 0 && n < 4; n++) {
			if (c->t[j].type == T_NUM)
				break;
			if (c->t[j].type == T_WORD && in_set(c->t[j].w, past))
				is_past = 1;
		}
		/* "our guidance range of $A to $B" in such a sentence */
		int of_guid = 0;
		if (k >= 2 && W(&c->t[k - 1], "of")) {
			size_t j = k - 2;
			if (j > 0 && W(&c->t[j], "range"))
				j--;
			of_guid = W(&c->t[j], "guidance") || W(&c->t[j], "outlook");
		}
		int moved = 0; /* "we have increased our guidance ... to" */
		for (size_t j = 0; j < c->nt; j++)
			if (c->t[j].type == T_WORD &&
			    (!strncmp(c->t[j].w, "rais", 4) || !strncmp(c->t[j].w, "increas", 7) ||
			     !strncmp(c->t[j].w, "lower", 5) || !strncmp(c->t[j].w, "updat", 5) ||
			     !strncmp(c->t[j].w, "narrow", 6) || !strncmp(c->t[j].w, "bring", 5) ||
			     !strncmp(c->t[j].w, "brings", 6)))
				moved = 1;
		if (r->kind != EX_R_POINT && of_guid && !moved) {
			*prev_num = k;
			return;
		}
		if (r->kind == EX_R_POINT && is_past && !moved)
			sl.guide = 0;
	}
	size_t pnum0 = *prev_num; /* the number before this one */
	ex_mention m;
	memset(&m, 0, sizeof m);
	int change = 0, dropped = 0;
	/* "(5 million)" is an aside; "$(0.21)" is a negative amount */
	if (r->a.paren && c->d->clean[r->a.start] != '$')
		dropped = 1;
	if (T->s > 0 && (c->d->clean[T->s - 1] == '[' || c->d->clean[T->s - 1] == '#'))
		dropped = 1;
	/* The metric: a phrase right after the number, else the last phrase
	 * before it. */
	int ph = -1;
	size_t phk = 0;
	int post = 0, per_share = 0;
	int resp_basis = -1; /* basis given by position in a "respectively" list */
	size_t after = k + 1;
	for (size_t j = k + 1; j < c->nt && j <= k + 4; j++) {
		const tok *t = &c->t[j];
		if (t->type == T_WORD && t->ph >= 0) {
			/* "67.5% of revenue": a ratio; the metric is before */
			if (ex_phrases[t->ph].fam == F_REVENUE && (r->a.pct || r->a.bps || r->a.pts))
				break;
			ph = t->ph;
			phk = j;
			post = 1;
			break;
		}
		if (W(t, "per") || W(t, "a")) {
			if (j + 1 < c->nt && (W(&c->t[j + 1], "share") || W(&c->t[j + 1], "diluted"))) {
				per_share = 1;
				break;
			}
			if (W(t, "per"))
				break;
			continue;
		}
		if (W(t, "in") || W(t, "of") || W(t, "total") || W(t, "new"))
			continue;
		if (W(t, "non-gaap") || W(t, "gaap") || W(t, "adjusted"))
			continue;
		break;
	}
	(void)after;
	/* "employed approximately 21,400 people": people are a headcount in
	 * a sentence about employing them */
	if (!post && k + 1 < c->nt && W(&c->t[k + 1], "people")) {
		int employ = 0;
		for (size_t j = 0; j < c->nt && !employ; j++)
			employ = c->t[j].type == T_WORD && !strncmp(c->t[j].w, "employ", 6);
		for (size_t i = 0; employ && i < ex_n_phrases; i++)
			if (!strcmp(ex_phrases[i].words, "employees")) {
				ph = (int)i;
				phk = k + 1;
				post = 1;
				break;
			}
	}
	if (post) {
		/* "$24 million of revenue for MX": revenue of something else */
		size_t e = phk + (size_t)c->t[phk].phn;
		if (e + 1 < c->nt && (W(&c->t[e], "for") || W(&c->t[e], "from")) &&
		    c->t[e + 1].type == T_WORD && c->t[e + 1].cap && !ex_doc_is_known(c->d, c->d->clean + c->t[e + 1].s, c->t[e + 1].e - c->t[e + 1].s))
			dropped = 1;
		/* "27 new employees from the acquisition": an addition */
		if (ex_phrases[ph].fam == F_HEAD && phk == k + 2 &&
		    (W(&c->t[k + 1], "new") || W(&c->t[k + 1], "additional")))
			dropped = 1;
		/* employees only directly after the number */
		if (ex_phrases[ph].fam == F_HEAD && phk != k + 1 &&
		    !(phk == k + 2 && W(&c->t[k + 1], "full-time")))
			post = 0, ph = -1;
	}
	if (!post) {
		for (size_t j = k; j-- > 0;) {
			if (is_punct(&c->t[j], ',')) {
				/* "Adjusted EPS, which excludes the impairment, was
				 * $3.41": the relative clause names no metric of its
				 * own for the figure after it */
				for (size_t m = j, n = 0; m-- > 1 && n < 16; n++)
					if (is_punct(&c->t[m], ',') &&
					    (W(&c->t[m + 1], "which") || W(&c->t[m + 1], "that"))) {
						j = m;
						break;
					}
				continue;
			}
			if (c->t[j].type == T_WORD && c->t[j].ph >= 0) {
				ph = c->t[j].ph;
				phk = j;
				break;
			}
		}
		if (si->respectively && ph >= 0) {
			/* "GAAP and non-GAAP gross margins are expected to be
			 * 64.5% and 65.0%, respectively": the n-th number goes
			 * with the n-th basis.  "A and B were $x and $y,
			 * respectively": the first number goes with the first
			 * phrase, the others are not tied with certainty. */
			qual qf;
			qualifiers(c, si->first_ph, &qf);
			size_t e0 = si->first_ph + (size_t)c->t[si->first_ph].phn;
			if (qf.nb > 1 && ph == c->t[si->first_ph].ph && k >= e0) {
				int idx = 0;
				for (size_t j = e0; j < k; j++)
					if (c->t[j].type == T_NUM)
						idx++;
				if (idx < qf.nb)
					resp_basis = qf.bases[idx];
				else
					dropped = 1;
			} else if (*prev_num != (size_t)-1 && *prev_num > si->first_ph) {
				dropped = 1;
			}
			ph = c->t[si->first_ph].ph;
			phk = si->first_ph;
		}
	}
	if (ph < 0)
		DROP("no metric");
	int fam = ex_phrases[ph].fam;
	if (fam == F_BLOCK && !strcmp(ex_phrases[ph].words, "cash and cash equivalents") &&
	    cash_alone(c))
		fam = F_CASH; /* the document's only cash figure */
	int neg = ex_phrases[ph].neg;
	if (per_share) {
		if (fam == F_NI || fam == F_EPS)
			fam = F_EPS;
		else
			DROP("per share of a non-EPS metric");
	} else if (fam == F_NI && r->a.cur && !r->a.scale && !r->a.pct && r->a.decimals >= 2 &&
	           fabs(r->a.v) < 50) {
		fam = F_EPS; /* "net income of $X million, or $0.27 ..., from the $0.15" */
	} else if (fam == F_EPS && r->a.scale) {
		DROP("EPS in millions"); /* "EPS of $1 billion"? no */
	}
	if (fam == F_BLOCK)
		DROP("not our metric");
	/* "translated at the average rate of ... would be approximately
	 * US$18.75 billion": a convenience translation of another currency */
	if (r->a.cur)
		for (size_t j = 0; j < c->nt; j++)
			if (W(&c->t[j], "translated") || W(&c->t[j], "translation") ||
			    W(&c->t[j], "translations"))
				DROP("a currency translation");
	/* Words between the metric phrase (or previous number) and this
	 * number: asides, changes, approximate bounds. */
	/* "This includes product revenue of $97 million": the part of
	 * something named before; from the previous number (or the start)
	 * up to this one */
	size_t from = *prev_num != (size_t)-1 ? *prev_num + 1 : 0;
	/* not in a relative clause that closes before the number: "Adjusted
	 * EPS, which excludes the extra week, was $3.41" */
	int rel = 0, rel_aside = 0;
	for (size_t j = from; j < k; j++) {
		if (is_punct(&c->t[j], ',')) {
			if (rel && rel_aside)
				rel_aside = 0; /* the clause closed: its aside was about it */
			rel = j + 1 < k && (W(&c->t[j + 1], "which") || W(&c->t[j + 1], "that"));
			continue;
		}
		if (c->t[j].type == T_WORD && (c->t[j].sets & S_ASIDE)) {
			if (rel)
				rel_aside = 1;
			else
				dropped = 1;
		}
	}
	if (rel_aside)
		dropped = 1; /* ", which includes $5 million": still open */
	/* "Gross margin of 62% was a nice step up, and Diagnostics grew 6%
	 * to $741 million": a new clause with a subject of its own */
	size_t par_a = 0, par_b = 0; /* a parallel segment's name tokens */
	int new_subject = 0;          /* the nearest clause before k has its own */
	if (!post) {
		static const char *const verbs[] = {
		    "grew", "was", "were", "rose", "fell", "increased", "decreased", "declined",
		    "reached", "delivered", "posted", "generated", "had", "came", "totaled",
		    "contributed", "added", "improved", "jumped", "climbed", "dropped", NULL};
		for (size_t j = phk + (size_t)c->t[phk].phn; j + 2 < k; j++) {
			if (!(is_punct(&c->t[j], ',') || is_punct(&c->t[j], ';') || W(&c->t[j], "and") ||
			      W(&c->t[j], "while")))
				continue;
			size_t x = j + 1;
			while (x < k && x <= j + 3 && cap_name(c, x))
				x++;
			if (x > j + 1 && x < k && c->t[x].type == T_WORD && in_set(c->t[x].w, verbs)) {
				/* "North America Retail net sales were $2.05 billion,
				 * International was $640 million": another segment of
				 * the same metric, named as the subject */
				if (x + 1 == k && (W(&c->t[x], "was") || W(&c->t[x], "were"))) {
					par_a = j + 1;
					par_b = x;
					new_subject = 0;
				} else {
					new_subject = 1;
					par_a = par_b = 0;
				}
			}
		}
		if (new_subject)
			dropped = 1;
	}
	/* "revenue for last quarter, it was $24 million": a pronoun after
	 * the phrase stands for something else named earlier */
	if (!post)
		for (size_t j = phk + (size_t)c->t[phk].phn; j + 1 < k; j++) {
			if (!is_punct(&c->t[j], ','))
				continue;
			if (W(&c->t[j + 1], "it") || W(&c->t[j + 1], "they") || W(&c->t[j + 1], "this"))
				dropped = 1;
			if (W(&c->t[j + 1], "that") || W(&c->t[j + 1], "which")) {
				/* unless a relative clause about the phrase closes
				 * before the number: "EPS, which excludes X, was" */
				size_t x = j + 2;
				while (x < k && !is_punct(&c->t[x], ',') && c->t[x].type != T_NUM)
					x++;
				if (x >= k || !is_punct(&c->t[x], ','))
					dropped = 1;
				else
					j = x - 1;
			}
		}
	/* nearest cue before the number */
	int decided = 0;
	for (size_t j = k, n = 0; j-- > 0 && n < 6; n++) {
		const tok *t = &c->t[j];
		if (t->type == T_NUM || (t->type == T_WORD && t->ph >= 0 && j < k))
			break;
		if (t->type != T_WORD)
			continue;
		if (W(t, "of") && j > 0 && c->t[j - 1].type == T_WORD &&
		    (c->t[j - 1].sets & S_CHNOUN)) {
			change = 1;
			decided = 1;
			break;
		}
		if ((t->sets & S_VALUE)) {
			decided = 1;
			break;
		}
		if ((t->sets & S_CHANGE)) {
			change = 1;
			decided = 1;
			break;
		}
		if ((t->sets & S_APPROX) || W(t, "least") || W(t, "excess") ||
		    (W(t, "than") && j > 0 && (W(&c->t[j - 1], "more") || W(&c->t[j - 1], "less") ||
		                               W(&c->t[j - 1], "greater") || W(&c->t[j - 1], "fewer")))) {
			/* a headcount is stated "approximately 21,400 people" */
			if (!(si->guide && (W(t, "least"))) && !(fam == F_HEAD && (t->sets & S_APPROX)))
				dropped = 1;
			decided = 1;
			break;
		}
	}
	/* a list that continues a change: "an increase of $0.02 sequentially
	 * and $0.09" */
	if (!decided && *prev_change && *prev_num != (size_t)-1 && k > *prev_num + 1) {
		int only_links = 1;
		for (size_t j = *prev_num + 1; j < k; j++) {
			const tok *t = &c->t[j];
			if (!(is_punct(t, ',') || W(t, "and") || W(t, "or") || W(t, "sequentially") ||
			      W(t, "year-over-year") || W(t, "year-on-year")))
				only_links = 0;
		}
		if (only_links)
			change = 1;
	}
	if (!decided && *prev_change && *prev_num != (size_t)-1 && k == *prev_num + 2 &&
	    W(&c->t[k - 1], "or"))
		change = 1;
	/* after the number: "sequentially", "year-over-year" */
	if (k + 1 < c->nt) {
		const tok *t = &c->t[k + 1];
		if (W(t, "sequentially") || W(t, "year-over-year") || W(t, "year-on-year") ||
		    W(t, "quarter-over-quarter") || W(t, "yoy") || W(t, "increase") ||
		    W(t, "decrease") || W(t, "improvement") || W(t, "growth") || W(t, "higher") ||
		    W(t, "lower") || W(t, "more") || W(t, "less") || W(t, "better") || W(t, "worse") ||
		    W(t, "sequential"))
			change = 1;
	}
	if (r->a.bps || r->a.pts)
		change = 1;
	/* "up 53.7% from Q2" said of a margin: read as the Q2 margin. */
	int change_from_when = 0;
	if (change && r->a.pct && k + 2 < c->nt && W(&c->t[k + 1], "from") &&
	    c->t[k + 2].type == T_WHEN && (fam == F_GM || fam == F_OP || fam == F_TAX))
		change_from_when = 1;
	*prev_change = change && !change_from_when;
	*prev_num = k;
	if ((change && !change_from_when) || dropped) {
		*prev_pct = r->a.pct;
		DROP("a change or an aside");
	}
	/* Unit and metric. */
	ex_range rr = *r;
	if (si->respectively && rr.kind == EX_R_POINT)
		resp_margin(c, k, &rr);
	if (rr.from && rr.kind == EX_R_RANGE) {
		/* "decrease from 29% to 28.5%": a change; the value is the
		 * second number */
		int verb = 0;
		for (size_t j = 0; j < k; j++)
			if (c->t[j].type == T_WORD && ((c->t[j].sets & S_CHANGE) ||
			                               W(&c->t[j], "lower") || W(&c->t[j], "raise") ||
			                               W(&c->t[j], "raised") || W(&c->t[j], "lowered")))
				verb = 1;
		if (verb) {
			rr.a = rr.b;
			rr.kind = EX_R_POINT;
		}
	}
	/* "EPS of at least $4.95", "capex of up to $300 million": an open
	 * bound of a forecast (the words before the number) */
	if (rr.kind == EX_R_POINT && si->guide && k >= 2 && c->t[k - 1].type == T_WORD &&
	    c->t[k - 2].type == T_WORD) {
		if (W(&c->t[k - 2], "at") && W(&c->t[k - 1], "least"))
			rr.kind = EX_R_ATLEAST;
		else if ((W(&c->t[k - 2], "at") && W(&c->t[k - 1], "most")) ||
		         (W(&c->t[k - 2], "up") && W(&c->t[k - 1], "to") && k >= 3 &&
		          !(c->t[k - 3].type == T_WORD && (c->t[k - 3].sets & S_CHANGE))))
			rr.kind = EX_R_ATMOST;
	}
	if (!rr.a.pct && !rr.a.cur && !rr.a.scale && !rr.a.cents && *prev_pct &&
	    (fam == F_GM || fam == F_OP || fam == F_TAX)) {
		rr.a.pct = 1;
		if (rr.kind == EX_R_RANGE)
			rr.b.pct = 1;
	}
	if (fam == F_DSO || fam == F_HEAD) {
		if (rr.a.cur || rr.a.pct)
			DROP("unit of days/count");
	}
	if (fam == F_HEAD && (rr.a.decimals || rr.a.v < 10))
		DROP("not a headcount");
	const ex_metric *met = ex_family_metric(fam, rr.a.pct);
	if (!met)
		DROP("no metric for the unit");
	double low, high;
	if (!ex_range_bounds(&rr, met->unit, 0, &low, &high))
		DROP("unit");
	*prev_pct = rr.a.pct;
	if (neg) {
		if (low > 0)
			low = -low;
		if (high > 0)
			high = -high;
		if (rr.kind == EX_R_RANGE) {
			double x = low;
			low = high;
			high = x;
		}
	}
	/* Qualifiers of the phrase: segment and basis. */
	ex_doc *d0 = c->d;
	int subject_seg = 0;
	qual q;
	qualifiers(c, phk, &q);
	if (q.combined)
		DROP("a combined figure");
	if (si->respectively && q.nbasis > 1 && resp_basis < 0)
		DROP("bases without order"); /* "GAAP and adjusted gross margins ... respectively" */
	/* basis written between phrase and number, or right after it */
	/* "GAAP and non-GAAP EPS were $0.50 and $0.70": as many numbers
	 * as bases after the phrase pair in order, as with "respectively" */
	if (resp_basis < 0 && !si->respectively && !post && q.nb > 1) {
		int idx = -1, nn = 0;
		for (size_t j = phk + (size_t)c->t[phk].phn; j < c->nt; j++) {
			if (is_punct(&c->t[j], ';') || is_punct(&c->t[j], '.'))
				break;
			if (c->t[j].type == T_NUM) {
				if (j == k)
					idx = nn;
				nn++;
			}
		}
		if (nn == q.nb && idx >= 0)
			resp_basis = q.bases[idx];
	}
	int basis = resp_basis >= 0 ? resp_basis : q.basis;
	/* "GAAP and non-GAAP tax rates are expected to be 17.0%": one
	 * number for both bases */
	int both = 0;
	if (resp_basis < 0 && q.nb > 1 && !si->respectively && !post) {
		both = 1;
		for (size_t j = phk + (size_t)c->t[phk].phn; j < c->nt; j++) {
			if (is_punct(&c->t[j], ';') || is_punct(&c->t[j], '.'))
				break;
			if (c->t[j].type == T_NUM && j != k)
				both = 0;
		}
	}
	if (!post && resp_basis < 0)
		for (size_t j = phk + (size_t)c->t[phk].phn; j < k; j++) {
			int b;
			if (is_basis_word(c, j, &b))
				basis = b;
		}
	for (size_t j = k + 1; j < c->nt && j <= k + 5 && resp_basis < 0; j++) {
		const tok *t = &c->t[j];
		int b;
		if (t->type == T_NUM || is_punct(t, ';') || is_punct(t, '.') || is_punct(t, ',') ||
		    W(t, "and") || (t->type == T_WORD && t->ph >= 0 && j != phk))
			break;
		if (is_basis_word(c, j, &b)) {
			/* a qualifier of the next metric, not of this number */
			if (j + 1 < c->nt && c->t[j + 1].type == T_WORD && c->t[j + 1].ph >= 0)
				break;
			basis = b;
			break;
		}
	}
	/* "operating margins for IPG", "Revenue in Productivity and Business
	 * Processes", "revenue from the Data Center segment": a segment named
	 * after the phrase: capitalised words, "and" / "&" between two of
	 * them, a leading "the", a trailing "segment" */
	if (!q.seg[0] && !post) {
		size_t e = phk + (size_t)c->t[phk].phn;
		if (e + 1 < k && (W(&c->t[e], "for") || W(&c->t[e], "from") || W(&c->t[e], "in"))) {
			size_t j = e + 1;
			if (W(&c->t[j], "the") && j + 1 < k)
				j++;
			size_t first = j, last = j;
			int words = 0;
			while (j < k && words < 6) {
				/* inside a name, "Business", "Services", "Products"
				 * are its words ("Business Processes") */
				const tok *tj = &c->t[j];
				int inner = words > 0 && tj->type == T_WORD && tj->cap && !tj->inph &&
				            (W(tj, "business") || W(tj, "services") || W(tj, "products") ||
				             W(tj, "service") || W(tj, "product"));
				if (cap_name(c, j) || inner) {
					last = ++j;
					words++;
				} else if (words > 0 && j + 1 < k &&
				           (cap_name(c, j + 1) || (c->t[j + 1].type == T_WORD && c->t[j + 1].cap &&
				                                   W(&c->t[j + 1], "business"))) &&
				           (W(&c->t[j], "and") || is_punct(&c->t[j], '&'))) {
					j++;
				} else {
					break;
				}
			}
			/* "the" needs a name that says what it is: "the Data
			 * Center segment", "the Americas" */
			if (words > 0 && !(first > e + 1 && words == 1 && !(last < k && (c->t[last].sets & S_SEGNOISE)) &&
			                   first + 1 == last && c->t[first].e - c->t[first].s < 3)) {
				char name[48] = "";
				for (size_t x = last; x-- > first;)
					seg_append(name, sizeof name, c->t[x].w);
				snprintf(q.seg, sizeof q.seg, "%s", name);
			}
		}
	}
	/* "SLT delivered record revenue": the subject names the segment */
	if (!post) {
		size_t j0 = 0;
		while (j0 < phk && c->t[j0].type != T_WORD)
			j0++;
		static const char *const verbs[] = {"delivered", "had", "posted", "generated",
		                                    "reported", "achieved", "recorded", "saw",
		                                    "grew", "contributed", NULL};
		if (j0 + 1 < phk && c->t[j0].cap && !(c->t[j0].sets & S_CAP_OK) && !ex_doc_is_known(d0, d0->clean + c->t[j0].s, c->t[j0].e - c->t[j0].s) &&
		    c->t[j0 + 1].type == T_WORD && in_set(c->t[j0 + 1].w, verbs)) {
			/* prepend the subject to the qualifier segment */
			seg_append(q.seg, sizeof q.seg, c->t[j0].w);
			subject_seg = 1;
		}
	}
	int seg_fam = fam == F_REVENUE || fam == F_OP || fam == F_GM;
	/* "In Surgical Solutions, revenue grew 10% to $1.12 billion": the
	 * segment fronted before a comma */
	if (!q.seg[0] && !post && seg_fam && c->nt > 3 && W(&c->t[0], "in")) {
		size_t j = 1;
		while (j < c->nt && j <= 4 && cap_name(c, j))
			j++;
		if (j > 1 && j < c->nt && is_punct(&c->t[j], ',') && phk == j + 1) {
			for (size_t x = j; x-- > 1;)
				seg_append(q.seg, sizeof q.seg, c->t[x].w);
			subject_seg = 1;
		}
	}
	/* "End-market revenue: Automotive $812 million, ...; Industrial $604
	 * million": the name right before each amount */
	if (!post && seg_fam && k > 0 && phk + (size_t)c->t[phk].phn < k) {
		size_t j = k;
		while (j > 0 && k - j < 3 && cap_name(c, j - 1))
			j--;
		if (j < k && j > phk + (size_t)c->t[phk].phn &&
		    (is_punct(&c->t[j - 1], ':') || is_punct(&c->t[j - 1], ';') ||
		     is_punct(&c->t[j - 1], ','))) {
			q.seg[0] = 0;
			for (size_t x = k; x-- > j;)
				seg_append(q.seg, sizeof q.seg, c->t[x].w);
			subject_seg = 1;
		}
	}
	if (par_b) {
		/* only in a list of segments: the phrase names one itself */
		if (!q.seg[0] || !seg_fam)
			DROP("a new clause with a subject of its own");
		q.seg[0] = 0;
		for (size_t x = par_b; x-- > par_a;)
			seg_append(q.seg, sizeof q.seg, c->t[x].w);
		subject_seg = 1;
	}
	/* a bullet under a segment's sub-heading ("*Data Center*") */
	if (!q.seg[0] && seg_fam && c->bullet_seg[0]) {
		snprintf(q.seg, sizeof q.seg, "%s", c->bullet_seg);
		subject_seg = 1;
	}
	seg_final(q.seg);
	/* segment from the metric name */
	const char *seg = q.seg[0] ? q.seg : "total";
	if (fam == F_DEFREV && strcmp(seg, "total") != 0 && strcmp(seg, "current") != 0 &&
	    strcmp(seg, "long_term") != 0 && strcmp(seg, "product") != 0 && strcmp(seg, "service") != 0)
		DROP("deferred revenue part");
	if ((fam == F_CASH || fam == F_OCF || fam == F_CAPEX || fam == F_DSO || fam == F_HEAD ||
	     fam == F_TAX || fam == F_OPEX || fam == F_EPS || fam == F_NI) &&
	    strcmp(seg, "total") != 0)
		DROP("segment of an untracked metric"); /* segment-level versions of these are not tracked */
	if (!subject_seg && (!strcmp(seg, "total") || !strcmp(seg, "product") || !strcmp(seg, "service")) &&
	    foreign_subject(c, post ? k : phk, si))
		DROP("foreign subject");
	if (!subject_seg && q.seg[0] && strcmp(seg, "product") && strcmp(seg, "service") && !post) {
		/* "Our partner Novamed reported Zelora sales of ...": another
		 * company named before the segment's name */
		size_t qk = 0;
		while (qk < phk && c->t[qk].s < q.start)
			qk++;
		size_t from = 0;
		for (size_t j = 0; j < qk; j++)
			if (is_punct(&c->t[j], ',') || is_punct(&c->t[j], ';') || is_punct(&c->t[j], ':'))
				from = j + 1;
		int first = 1;
		for (size_t j = from; j < qk; j++) {
			if (c->t[j].type != T_WORD)
				continue;
			if (!first && cap_name(c, j) && c->t[j].e - c->t[j].s > 1)
				DROP("foreign subject of a segment"); /* the clause names its own subject */
			first = 0;
		}
	}
	/* The period. */
	const ex_when *wh = NULL;
	size_t whk = 0;
	/* between the metric phrase and the number: "backlog at the
	 * beginning of this quarter was $260 million" */
	int first_after_phrase = 1;
	for (size_t j = phk + 1; j < k && !post; j++)
		if (c->t[j].type == T_NUM)
			first_after_phrase = 0;
	if (!post && phk < k && first_after_phrase) {
		for (size_t j = k; j-- > phk + (size_t)c->t[phk].phn;) {
			const tok *t = &c->t[j];
			if (t->type == T_NUM || is_punct(t, ';'))
				break;
			if (t->type == T_WHEN && !(si->guide && t->when.rel == EX_P_THIS) &&
			    !when_is_comparison(c, j)) {
				wh = &t->when;
				whk = j;
				break;
			}
		}
	}
	/* "from $3.96 in 2022": a year right after the number is its period */
	ex_when year_when;
	if (!wh && k + 2 < c->nt && (W(&c->t[k + 1], "in") || W(&c->t[k + 1], "for")) &&
	    c->t[k + 2].type == T_WORD) {
		const char *x = c->t[k + 2].w;
		if (x[0] && x[1] && x[2] && x[3] && !x[4] && (x[0] == '1' || x[0] == '2') && x[1] >= '0' && x[1] <= '9' &&
		    x[2] >= '0' && x[2] <= '9' && x[3] >= '0' && x[3] <= '9') {
			memset(&year_when, 0, sizeof year_when);
			year_when.rel = EX_P_ABS;
			year_when.p.type = EC_PERIOD_YEAR;
			year_when.p.year = (x[0] - '0') * 1000 + (x[1] - '0') * 100 + (x[2] - '0') * 10 + (x[3] - '0');
			year_when.explicit_year = 1;
			year_when.start = c->t[k + 2].s;
			year_when.end = c->t[k + 2].e;
			if (year_when.p.year >= 1950 && year_when.p.year <= 2100) {
				wh = &year_when;
				whk = c->nt; /* no token of its own */
			}
		}
	}
	/* following, up to a comparison cue */
	int passed = 0;
	for (size_t j = k + 1; j < c->nt && !wh; j++) {
		const tok *t = &c->t[j];
		/* "$243 million (H1 2023: $219 million)": the label of the
		 * comparative after it */
		if (comparative_label(c, j))
			break;
		if (t->type == T_WHEN) {
			if (si->guide && t->when.rel == EX_P_THIS)
				continue;
			if (change_from_when || !when_is_comparison(c, j)) {
				wh = &t->when;
				whk = j;
			}
			break;
		}
		if (t->type == T_WORD && (t->sets & S_STOP_FOLLOW) && !(change_from_when && j == k + 1))
			break;
		if (is_punct(t, ';') || is_punct(t, '.'))
			break;
		if (t->type == T_NUM) {
			if (passed || !(W(&c->t[j - 1], "or")))
				break;
			passed = 1;
		}
		if (t->type == T_WORD && t->ph >= 0 && ex_phrases[t->ph].fam != F_BLOCK && j > k + 3)
			break;
	}
	/* preceding, back to the previous number or ';' */
	if (!wh) {
		for (size_t j = k; j-- > 0;) {
			const tok *t = &c->t[j];
			if (t->type == T_NUM || is_punct(t, ';'))
				break;
			if (t->type == T_WHEN && si->guide && t->when.rel == EX_P_THIS)
				continue; /* "for the quarter" in guidance: the guided one */
			/* "the prior year figure of $0.22": the number's own period
			 * even after a comparison word */
			int own = (j + 1 == k) || (j + 2 == k && (W(&c->t[j + 1], "of") ||
			                                          is_punct(&c->t[j + 1], ':')));
			if (t->type == T_WHEN && !own && comparative_label(c, j))
				continue; /* "(H1 2023: $384 million), or $1.18" */
			if (t->type == T_WHEN && (own || !when_is_comparison(c, j))) {
				wh = &t->when;
				whk = j;
				break;
			}
		}
	}
	/* the sentence's scope: its first stated period */
	const ex_when *scope_w = NULL;
	for (size_t j = 0; j < k; j++)
		if (c->t[j].type == T_WHEN && !when_is_comparison(c, j) && !comparative_label(c, j) &&
		    !(si->guide && c->t[j].when.rel == EX_P_THIS)) {
			scope_w = &c->t[j].when;
			break;
		}
	ex_doc *d = c->d;
	ec_period scope, per;
	int have_scope = scope_w && ex_when_resolve(scope_w, &d->cal, d->has_period, d->period, NULL, 0, &scope);
	if (!have_scope && c->frame_set && !si->guide) {
		scope = c->frame_per; /* "... a year earlier" in a framed paragraph */
		have_scope = 1;
	}
	/* "up from about $145 million", "compared with a net loss of
	 * $1,072.4 million": a comparison base is only kept with its own
	 * period, never the sentence's */
	/* "In the first half, revenue was $6.5 billion": a half the period
	 * grammar does not date is not the document's quarter */
	if (!wh) {
		size_t j0 = pnum0 != (size_t)-1 ? pnum0 + 1 : 1;
		for (size_t j = j0 > 0 ? j0 : 1; j < k; j++)
			if ((W(&c->t[j], "half") &&
			     (W(&c->t[j - 1], "first") || W(&c->t[j - 1], "second") ||
			      W(&c->t[j - 1], "back") || W(&c->t[j - 1], "front"))) ||
			    W(&c->t[j], "h1") || W(&c->t[j], "h2") || W(&c->t[j], "1h") || W(&c->t[j], "2h") ||
			    W(&c->t[j], "first-half") || W(&c->t[j], "second-half"))
				DROP("an undated half year");
	}
	/* A base with no period of its own ("EPS was $8.52 compared with
	 * $7.95"): in a press release, the year-ago figure of the sentence's
	 * period (releases compare with the prior year unless they say
	 * otherwise); in a call, a comparison could be with any period. */
	int base_year_ago = 0, base_prior_q = 0;
	int adverb = !wh ? adverb_base(c, k) : 0;
	if (adverb) {
		if (si->guide)
			DROP("comparison base in a forecast");
		base_year_ago = adverb == 1;
		base_prior_q = adverb == 2;
	} else if (!wh && number_is_base(c, k)) {
		if (c->d->kind == EC_DOC_TRANSCRIPT || si->guide || !plain_compare(c, k))
			DROP("comparison base without period");
		base_year_ago = 1;
	}
	/* "fourth-quarter GAAP diluted EPS of $0.71", "full-year revenue of":
	 * the hyphenated period among the phrase's qualifiers */
	ex_when hy_when;
	if (!wh && !post) {
		for (size_t j = phk; j-- > 0 && phk - j <= 5;) {
			const tok *t = &c->t[j];
			if (t->type != T_WORD)
				break;
			int n = W(t, "first-quarter") ? 1 : W(t, "second-quarter") ? 2
			        : W(t, "third-quarter") ? 3 : W(t, "fourth-quarter") ? 4 : 0;
			if (n || W(t, "full-year")) {
				memset(&hy_when, 0, sizeof hy_when);
				hy_when.rel = n ? EX_P_QN : EX_P_FY;
				hy_when.n = n;
				hy_when.start = t->s;
				hy_when.end = t->e;
				wh = &hy_when;
				break;
			}
		}
	}
	int explicit_when = wh != NULL;
	if (!wh && scope_w) {
		wh = scope_w;
		explicit_when = 1;
	}
	int guidance = 0;
	if (wh) {
		if (!ex_when_resolve(wh, &d->cal, d->has_period, d->period, have_scope ? &scope : NULL,
		                     si->guide, &per))
			DROP("period unresolved");
	} else {
		if (!d->has_period)
			DROP("no document period");
		per = d->period;
		if (c->lead_set && c->lead_has_per && !c->lead_guide && !si->guide)
			per = c->lead_per; /* a bullet under "Fiscal Year 2023 Highlights" */
		int framed = c->frame_set && !si->guide;
		if (framed)
			per = c->frame_per; /* "For the full year, ... . Capex was $512 million." */
		if (si->guide) {
			per = c->gp_set ? c->gp : ec_period_add_quarters(d->period, 1);
			/* estimates under "Preliminary Fourth Quarter Results" */
			if (!c->gp_set && c->lead_set && c->lead_has_per && !c->lead_guide &&
			    month_end(c->lead_per) == month_end(d->period) && estimate_verb(c, k))
				per = c->lead_per;
		}
		/* a half-year report states the half's flows ("Net cash from
		 * operating activities was $561 million"); balances stay at
		 * the quarter's end */
		else if ((d->half_report || d->fy_report) && !framed && ec_period_equal(per, d->period) &&
		         fam != F_CASH && fam != F_DEFREV && fam != F_BACKLOG && fam != F_HEAD &&
		         fam != F_DSO) {
			per.type = d->fy_report ? EC_PERIOD_YEAR : EC_PERIOD_HALF;
			per.n = d->fy_report ? 0 : d->period.n / 2;
		}
	}
	if (base_year_ago)
		per = ec_period_year_ago(per);
	if (base_prior_q) {
		if (per.type != EC_PERIOD_QUARTER)
			DROP("a sequential base of no quarter");
		per = ec_period_add_quarters(per, -1);
	}
	/* "Year-to-date revenue": the months of the year so far */
	if (q.ytd) {
		if (!d->has_period || per.type != EC_PERIOD_QUARTER || explicit_when)
			DROP("year to date");
		if (per.n == 2) {
			per.type = EC_PERIOD_HALF;
			per.n = 1;
		} else if (per.n == 3) {
			per.type = EC_PERIOD_MONTHS;
			per.n = 9;
		} else if (per.n == 4) {
			per.type = EC_PERIOD_YEAR;
			per.n = 0;
		}
	}
	/* a balance "at the end of fiscal 2023" belongs to the quarter that
	 * ends the year */
	if ((fam == F_CASH || fam == F_DEFREV || fam == F_BACKLOG || fam == F_HEAD || fam == F_DSO) &&
	    per.type == EC_PERIOD_YEAR)
		per = ec_period_quarter(per.year, 4);
	int future = d->has_period ? month_end(per) > month_end(d->period) : 0;
	if (si->guide) {
		/* "Sorensen expects revenue for the fourth quarter of 2024 to be
		 * between $612 million and $618 million": a release's estimate
		 * of its own period, not yet reported (a pre-announcement) */
		if (d->has_period && d->kind != EC_DOC_TRANSCRIPT &&
		    month_end(per) == month_end(d->period) && estimate_verb(c, k)) {
			guidance = 1;
		} else if (!future && explicit_when && d->has_period) {
			/* a guidance sentence about a past period: an actual, or
			 * a comparison; keep only a plain stated actual */
			if (wh && wh->rel != EX_P_ABS && wh->rel != EX_P_THIS && wh->rel != EX_P_QN)
				DROP("past period in guidance");
		} else if (future || !d->has_period) {
			guidance = 1;
		}
	} else if (future) {
		DROP("actual in the future"); /* an actual cannot be about the future */
	}
	if (guidance) {
		/* earlier guidance restated: "up from our previous outlook of" */
		size_t w0 = pnum0 != (size_t)-1 ? pnum0 + 1 : 0;
		int prior = 0;
		for (size_t j = w0; j < k; j++) {
			if (c->t[j].type != T_WORD)
				continue;
			if ((c->t[j].sets & S_PRIOR))
				prior = 1;
			else if ((c->t[j].sets & S_GUIDE) && !W(&c->t[j], "guidance") &&
			         !W(&c->t[j], "outlook") &&
			         !(j > 0 && c->t[j - 1].type == T_WORD && (c->t[j - 1].sets & S_PRIOR)))
				prior = 0; /* "$4.05 to $4.20 previously, and ... we expect"; not
				            * "(previous forecast: $3,800.0 million)" */
		}
		if (prior)
			DROP("prior guidance");
		if (si->longterm)
			DROP("long-term model");
	} else if (rr.kind != EX_R_POINT) {
		DROP("range as actual"); /* an actual is one number */
	}
	if (guidance && explicit_when) {
		c->gp = per;
		c->gp_set = 1;
	}
	/* Basis by context. */
	if (!met->has_basis) {
		basis = EC_BASIS_NONE;
	} else if (fam == F_REVENUE) {
		basis = basis == EC_BASIS_NON_GAAP ? EC_BASIS_NON_GAAP : EC_BASIS_GAAP;
	} else if (basis < 0) {
		if (guidance && d->guidance_basis >= 0)
			basis = d->guidance_basis;
		else if (c->basis_ctx >= 0)
			basis = c->basis_ctx;
		else
			basis = EC_BASIS_GAAP;
	}
	/* The mention. */
	m.period = per;
	m.metric = met->name;
	snprintf(m.segment, sizeof m.segment, "%s", seg);
	m.basis = (ec_basis)basis;
	m.kind = guidance ? EC_KIND_GUIDANCE : EC_KIND_ACTUAL;
	m.unit = met->unit;
	if (guidance) {
		m.low = low;
		m.high = high;
		m.value = (!isnan(low) && !isnan(high)) ? (low + high) / 2 : NAN;
	} else {
		m.value = low;
		m.low = m.high = NAN;
	}
	m.precision = r->a.digits + (r->kind == EX_R_RANGE || r->kind == EX_R_PM ? r->b.digits : 0);
	/* quote: the sentence when short, else phrase .. number .. period */
	size_t qa = q.start < T->s ? q.start : T->s;
	if (phk < k && c->t[phk].s < qa)
		qa = c->t[phk].s;
	size_t qb = T->e;
	if (post)
		qb = c->t[phk + (size_t)c->t[phk].phn - 1].e;
	if (wh && whk < c->nt && c->t[whk].type == T_WHEN && &c->t[whk].when == wh) {
		if (c->t[whk].s < qa)
			qa = c->t[whk].s;
		if (c->t[whk].e > qb)
			qb = c->t[whk].e;
	}
	if (si->b - si->a <= 400) {
		qa = si->a;
		qb = si->b;
	} else {
		if (qb - qa > 400)
			qa = T->s > 200 + si->a ? T->s - 200 : si->a;
		while (qa > si->a && qa > 0 && d->clean[qa - 1] != ' ' && d->clean[qa - 1] != '\n')
			qa--;
	}
	size_t bar;
	while (ex_doc_barrier_between(d, qa, qb, &bar)) {
		if (bar <= T->s)
			qa = bar;
		else
			qb = bar;
	}
	while (qa < qb && (d->clean[qa] == ' ' || d->clean[qa] == '\n'))
		qa++;
	while (qb > qa && (d->clean[qb - 1] == ' ' || d->clean[qb - 1] == '\n'))
		qb--;
	m.cstart = qa;
	m.cend = qb;
	if (both && met->has_basis && fam != F_REVENUE) {
		for (int i = 0; i < q.nb && !c->err; i++) {
			m.basis = (ec_basis)q.bases[i];
			emit_mention(c, &m);
		}
		return;
	}
	emit_mention(c, &m);
}

/* ---- sentences ------------------------------------------------------- */

static void update_context(ctx *c, sentinfo *si)
{
	/* both rules below need a basis word (is_basis_word: S_BASISW) */
	if (!(c->sent_sets & S_BASISW))
		return;
	/* Guidance basis: "guidance is provided on a non-GAAP basis". */
	int has_guid = 0, nb = -1;
	for (size_t j = 0; j < c->nt; j++) {
		if (W(&c->t[j], "guidance") || W(&c->t[j], "outlook"))
			has_guid = 1;
		int b;
		if (nb < 0 && is_basis_word(c, j, &b))
			nb = b;
	}
	size_t first_metric = c->nt;
	for (size_t j = 0; j < c->nt; j++)
		if ((c->t[j].type == T_WORD && c->t[j].ph >= 0) || c->t[j].type == T_NUM) {
			first_metric = j;
			break;
		}
	if (has_guid && nb >= 0 && first_metric == c->nt) {
		c->d->guidance_basis = nb;
		return;
	}
	/* Basis context: "On a non-GAAP basis, ...", "Turning to our non-GAAP
	 * results", before any metric phrase. */
	for (size_t j = 0; j < first_metric; j++) {
		int b;
		if (!is_basis_word(c, j, &b))
			continue;
		int framed = 0;
		for (size_t n = j + 1; n < c->nt && n <= j + 3; n++) {
			const tok *t = &c->t[n];
			if (W(t, "basis") || W(t, "results") || W(t, "numbers") || W(t, "metrics") ||
			    W(t, "discussion") || W(t, "figures") || W(t, "measures") ||
			    W(t, "financials") || W(t, "financial") || W(t, "terms"))
				framed = 1;
		}
		for (size_t n = j >= 3 ? j - 3 : 0; n < j; n++)
			if (W(&c->t[n], "turning") || W(&c->t[n], "turn"))
				framed = 1;
		if (framed) {
			if (!(has_guid && first_metric == c->nt))
				c->basis_ctx = b;
			break;
		}
	}
	(void)si;
}

/* A forecast word that refers back to an earlier forecast as the yardstick
 * of a result: "above the high end of our outlook", "in line with our
 * guidance", "better than expected", "exceeded our expectations".  Such a
 * sentence states an actual.  ("in line with our outlook" is not one of
 * them: a new range is often said to be in line with the old one.) */
static int guide_reference(const ctx *c, size_t j)
{
	const tok *t = &c->t[j];
	/* "assume" forecasts only as the speaker's own assumption ("we're
	 * assuming an adjusted tax rate of 21%"); "diluted EPS assuming
	 * conversion" states no forecast at all (counted here with the
	 * words that are none) */
	if (W(t, "assume") || W(t, "assuming")) {
		const tok *p = j > 0 ? &c->t[j - 1] : NULL;
		return !(p && (W(p, "we") || W(p, "we're") || W(p, "are") || W(p, "i'm")));
	}
	if (!(W(t, "outlook") || W(t, "guidance") || W(t, "guide") || W(t, "expected") ||
	      W(t, "forecast") || W(t, "expectations") || W(t, "estimates")))
		return 0;
	static const char *const yard[] = {"above", "below", "within", "exceeded", "exceeding",
	                                   "exceeds", "exceed", "beat", "beating", "ahead",
	                                   "top", "end", "midpoint", "than", "surpassed",
	                                   "topped", "missed", "short", NULL};
	for (size_t x = j, n = 0; x-- > 0 && n < 6; n++) {
		const tok *u = &c->t[x];
		if (u->type == T_NUM)
			break;
		if (u->type == T_WORD && in_set(u->w, yard))
			return 1;
	}
	return 0;
}

/* "For the full year, ...", "In the fourth quarter, ..." opening a
 * sentence: the period of the paragraph's figures that state none. */
static void paragraph_frame(ctx *c, int digit)
{
	const ex_doc *d = c->d;
	ec_period p;
	if (c->nt >= 3 && (W(&c->t[0], "for") || W(&c->t[0], "in") || W(&c->t[0], "during")) &&
	    c->t[1].type == T_WHEN && is_punct(&c->t[2], ',')) {
		if (ex_when_resolve(&c->t[1].when, &d->cal, d->has_period, d->period, NULL, 0, &p)) {
			if (c->para_figures && !c->frame_once) {
				c->frame_once = 1;
				c->kept_set = c->frame_set;
				c->kept_per = c->frame_per;
			}
			c->frame_per = p;
			c->frame_set = 1;
		}
		return;
	}
	/* the paragraph's first sentence with figures states a longer period
	 * than the document's quarter: "Revenue for the nine months was ...
	 * Gross profit was ..." */
	if (!digit || c->para_figures)
		return;
	c->para_figures = 1;
	if (c->frame_set || c->role == EX_ROLE_ANALYST)
		return;
	for (size_t j = 0; j < c->nt && c->t[j].type != T_NUM; j++) {
		if (c->t[j].type != T_WHEN || when_is_comparison(c, j))
			continue;
		if (ex_when_resolve(&c->t[j].when, &d->cal, d->has_period, d->period, NULL, 0, &p) &&
		    d->has_period && p.type != EC_PERIOD_QUARTER && month_end(p) == month_end(d->period)) {
			c->frame_per = p;
			c->frame_set = 1;
		}
		return;
	}
}

/* A sentence without numbers that announces the period of the forecasts
 * that follow: "Now to our 2024 outlook.", "Turning to guidance for the
 * fourth quarter."  Sets the forecast period of the speaker's following
 * sentences. */
static void forecast_period(ctx *c)
{
	/* it needs one of its forecast words, all of the list S_GUIDE */
	if (!(c->sent_sets & S_GUIDE))
		return;
	int guide = 0;
	const ex_when *w = NULL;
	int year = 0;
	for (size_t j = 0; j < c->nt; j++) {
		const tok *t = &c->t[j];
		/* a statement with figures of its own (a bare day number, as in
		 * "announced on October 31, 2024", is none) */
		const ex_num *n = &t->r.a;
		if (t->type == T_NUM && (t->r.kind != EX_R_POINT || n->cur || n->pct || n->scale ||
		                         n->decimals || n->bps || n->pts || n->cents || n->foreign ||
		                         n->v > 31 || n->v < 1))
			return;
		if (t->type == T_WORD &&
		    (W(t, "outlook") || W(t, "guidance") || W(t, "forecast") || W(t, "forecasts")) &&
		    !guide_reference(c, j))
			guide = 1;
		if (t->type == T_WHEN && !w && !when_is_comparison(c, j))
			w = &t->when;
		const char *x = t->w;
		if (t->type == T_WORD && !year && x[0] && x[1] && x[2] && x[3] && !x[4] && (x[0] == '1' || x[0] == '2') &&
		    x[1] >= '0' && x[1] <= '9' && x[2] >= '0' && x[2] <= '9' && x[3] >= '0' && x[3] <= '9')
			year = (x[0] - '0') * 1000 + (x[1] - '0') * 100 + (x[2] - '0') * 10 + (x[3] - '0');
	}
	if (!guide)
		return;
	const ex_doc *d = c->d;
	ec_period p;
	/* the first period after the document's: "In light of the results
	 * through the third quarter, the Company has revised its forecasts
	 * for FY2025" */
	for (size_t j = 0; w && j < c->nt; j++) {
		ec_period f;
		if (c->t[j].type == T_WHEN && !when_is_comparison(c, j) &&
		    ex_when_resolve(&c->t[j].when, &d->cal, d->has_period, d->period, NULL, 1, &f) &&
		    (!d->has_period || month_end(f) > month_end(d->period))) {
			w = &c->t[j].when;
			break;
		}
	}
	if (w) {
		if (!ex_when_resolve(w, &d->cal, d->has_period, d->period, NULL, 1, &p))
			return;
	} else if (year) {
		p.year = year;
		p.type = EC_PERIOD_YEAR;
		p.n = 0;
	} else {
		return;
	}
	/* a forecast is about a later period than the document's */
	if (d->has_period && month_end(p) <= month_end(d->period))
		return;
	c->gp = p;
	c->gp_set = 1;
}

/* What a lead-in sets for the bullets under it: guidance when it says
 * so ("expects", "outlook"), and the first period it states. */
/* A heading that names the period of the section under it, longer than
 * the document's quarter and ending with it: "Overview of results for
 * the nine months", "Results by segment (nine months)". */
static void section_frame(ctx *c)
{
	const ex_doc *d = c->d;
	if (!d->has_period)
		return;
	ec_period p;
	for (size_t j = 0; j < c->nt; j++) {
		const tok *t = &c->t[j];
		int ok = 0;
		if (t->type == T_WHEN)
			ok = ex_when_resolve(&t->when, &d->cal, d->has_period, d->period, NULL, 0, &p);
		else if (j + 1 < c->nt && (W(t, "six") || W(t, "nine")) && W(&c->t[j + 1], "months")) {
			ex_when m;
			memset(&m, 0, sizeof m);
			m.rel = EX_P_MTD;
			m.n = W(t, "six") ? 6 : 9;
			ok = ex_when_resolve(&m, &d->cal, d->has_period, d->period, NULL, 0, &p);
		} else {
			continue;
		}
		if (ok && p.type != EC_PERIOD_QUARTER && month_end(p) == month_end(d->period)) {
			c->section_per = p;
			c->section_set = 1;
		}
		return; /* the heading's first period decides */
	}
}

static void lead_in(ctx *c)
{
	int guide = 0;
	const ex_when *w = NULL;
	for (size_t j = 0; j < c->nt; j++) {
		const tok *t = &c->t[j];
		/* the words of a forecast; not "will" or "plan" ("which will
		 * be discussed on the call:") */
		if (t->type == T_WORD && (t->sets & S_GUIDE) &&
		    (!strncmp(t->w, "expect", 6) || !strncmp(t->w, "anticipat", 9) ||
		     !strncmp(t->w, "guid", 4) || !strncmp(t->w, "outlook", 7) ||
		     !strncmp(t->w, "forecast", 8) || !strncmp(t->w, "project", 7) ||
		     !strncmp(t->w, "estimate", 8) || !strncmp(t->w, "reaffirm", 8) ||
		     !strncmp(t->w, "reiterat", 8)))
			guide = 1;
		if (W(t, "guidance") || W(t, "outlook"))
			guide = 1;
		if (t->type == T_WHEN && !w && !when_is_comparison(c, j))
			w = &t->when;
		if (t->type == T_NUM)
			return; /* a statement with numbers of its own, not a lead-in */
	}
	if (!guide && !w)
		return;
	c->pend_set = 1;
	c->pend_guide = guide;
	c->pend_has_per = 0;
	const ex_doc *d = c->d;
	if (w && ex_when_resolve(w, &d->cal, d->has_period, d->period, NULL, guide, &c->pend_per))
		c->pend_has_per = 1;
	if (!w && guide) {
		/* "Guidance for 2025:": a year alone names the year */
		for (size_t j = 0; j < c->nt; j++) {
			const char *x = c->t[j].w;
			if (c->t[j].type == T_WORD && x[0] && x[1] && x[2] && x[3] && !x[4] && x[0] >= '1' && x[0] <= '2' &&
			    x[1] >= '0' && x[1] <= '9' && x[2] >= '0' && x[2] <= '9' && x[3] >= '0' && x[3] <= '9') {
				int y = (x[0] - '0') * 1000 + (x[1] - '0') * 100 + (x[2] - '0') * 10 + (x[3] - '0');
				if (y >= 1950 && y <= 2100) {
					c->pend_per.type = EC_PERIOD_YEAR;
					c->pend_per.year = y;
					c->pend_per.n = 0;
					c->pend_has_per = 1;
					break;
				}
			}
		}
	}
}

/* A letter pattern of context_may_change() at s[p] (lower case). */
static inline int ctx_pattern_at(const char *s, size_t p, size_t b)
{
	unsigned char x = (unsigned char)(s[p] | 0x20);
	unsigned char y = p + 1 < b ? (unsigned char)(s[p + 1] | 0x20) : 0;
	unsigned char z = p + 2 < b ? (unsigned char)(s[p + 2] | 0x20) : 0;
	unsigned char w = p + 3 < b ? (unsigned char)(s[p + 3] | 0x20) : 0;
	int zl = z >= 'a' && z <= 'z';
	return (x == 'a' && y == 'p' && !zl) || (x == 'm' && y == 'a' && !zl) ||
	       (x == 'd' && y == 'j') || (x == 't' && y == 'l' && z == 'o') ||
	       (x == 'g' && y == 'u' && z == 'i') || (x == 'e' && y == 'c' && z == 'a' && w == 's');
}

/* Whether a sentence [a, b) without digits that is no lead-in can change
 * the context at all, as analyze_sentence reads it: only by a basis word
 * (update_context: "gaap", "gap", "non-gaap", "non-gap", "nongaap",
 * "adjusted", "forma"), a first word "for", "in" or "during"
 * (paragraph_frame) or a forecast word ("outlook", "guidance",
 * "forecast(s)": forecast_period).  A word token is those bytes in
 * either case followed by a byte that is no letter (or by b), so without
 * "ap" or "ma" followed by no letter, "dj", "tlo", "gui", "ecas" and a
 * first word "for", "in", "during" the sentence changes nothing and its
 * tokens are not needed.  A cheap superset test: a hit only means
 * "tokenise". */
static int context_may_change(const char *s, size_t a, size_t b)
{
	size_t i = a;
	while (i < b && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	{
		/* the first word: "for", "in", "during" followed by no letter */
		size_t n = 0;
		char w[8];
		while (i + n < b && n < 7 && ex_is_alpha((unsigned char)s[i + n])) {
			w[n] = (char)(s[i + n] | 0x20);
			n++;
		}
		w[n] = 0;
		if ((n == 3 || n == 2 || n == 6) && !(i + n < b && ex_is_alpha((unsigned char)s[i + n])) &&
		    (!strcmp(w, "for") || !strcmp(w, "in") || !strcmp(w, "during")))
			return 1;
	}
#if defined(__SSE2__)
	/* sixteen starts at a time while their patterns lie inside [a, b) */
	for (; i + 19 <= b; i += 16) {
		const __m128i b20 = _mm_set1_epi8(0x20);
		__m128i v0 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), b20);
		__m128i v1 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)), b20);
		__m128i v2 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 2)), b20);
		__m128i v3 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 3)), b20);
		/* v2 a letter ('a'..'z' after | 0x20; bytes from 0x80 on are
		 * negative and fail the first compare) */
		__m128i l2 = _mm_and_si128(_mm_cmpgt_epi8(v2, _mm_set1_epi8(0x60)),
		                           _mm_cmplt_epi8(v2, _mm_set1_epi8(0x7b)));
#define EQ(v, ch) _mm_cmpeq_epi8((v), _mm_set1_epi8(ch))
		__m128i end2 = _mm_or_si128(_mm_and_si128(EQ(v0, 'a'), EQ(v1, 'p')),
		                            _mm_and_si128(EQ(v0, 'm'), EQ(v1, 'a')));
		__m128i hit = _mm_andnot_si128(l2, end2);
		hit = _mm_or_si128(hit, _mm_and_si128(EQ(v0, 'd'), EQ(v1, 'j')));
		hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(EQ(v0, 't'), EQ(v1, 'l')), EQ(v2, 'o')));
		hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(EQ(v0, 'g'), EQ(v1, 'u')), EQ(v2, 'i')));
		hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(EQ(v0, 'e'), EQ(v1, 'c')),
		                                      _mm_and_si128(EQ(v2, 'a'), EQ(v3, 's'))));
#undef EQ
		if (_mm_movemask_epi8(hit))
			return 1;
	}
#endif
	for (; i < b; i++)
		if (ctx_pattern_at(s, i, b))
			return 1;
	return 0;
}

/* Whether s[p] starts what the basis test of analyze_sentence looks
 * for (p + 3 <= b): "aa" or "ap" in either case (GAAP, gap), or "jus"
 * with 'j' in either case (adjusted). */
static inline int basis_at(const char *s, size_t p)
{
	char x = s[p], y = s[p + 1];
	if ((x == 'A' || x == 'a') && (y == 'A' || y == 'a' || y == 'P' || y == 'p'))
		return 1;
	return (x == 'j' || x == 'J') && y == 'u' && s[p + 2] == 's';
}

/* Whether s[a, b) has an ASCII digit; when it has none, *basis is set
 * to whether basis_at holds at some p with p + 3 <= b (when it has one,
 * *basis may be left unset: only sentences without digits read it).
 * One pass: sixteen bytes at a time, a digit ends the scan; the basis
 * candidates of a block ("a" or "j" before "a", "p" or "u", both in
 * either case: a superset) are checked one by one with basis_at. */
static int digits_and_basis(const char *s, size_t a, size_t b, int *basis)
{
	size_t i = a;
	int found = 0;
#if defined(__SSE2__)
	const __m128i b20 = _mm_set1_epi8(0x20);
	/* s[i + 16] is read by the load at i + 1: i + 17 <= b */
	for (; i + 17 <= b; i += 16) {
		__m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i dg = _mm_and_si128(_mm_cmpgt_epi8(v0, _mm_set1_epi8('0' - 1)),
		                           _mm_cmplt_epi8(v0, _mm_set1_epi8('9' + 1)));
		if (_mm_movemask_epi8(dg))
			return 1;
		if (found)
			continue;
		__m128i l0 = _mm_or_si128(v0, b20);
		__m128i l1 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)), b20);
		__m128i first = _mm_or_si128(_mm_cmpeq_epi8(l0, _mm_set1_epi8('a')),
		                             _mm_cmpeq_epi8(l0, _mm_set1_epi8('j')));
		__m128i second = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(l1, _mm_set1_epi8('a')),
		                                           _mm_cmpeq_epi8(l1, _mm_set1_epi8('p'))),
		                              _mm_cmpeq_epi8(l1, _mm_set1_epi8('u')));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(first, second));
		for (; m && !found; m &= m - 1) {
			size_t p = i + (size_t)__builtin_ctz(m);
			found = p + 3 <= b && basis_at(s, p);
		}
	}
#endif
	for (; i < b; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
		if (!found && i + 3 <= b && basis_at(s, i))
			found = 1;
	}
	*basis = found;
	return 0;
}

static void analyze_sentence(ctx *c, size_t a, size_t b)
{
	const char *s = c->d->clean;
	int inherit = c->inherit && c->last_guide, inherit_fwd = c->last_fwd;
	c->inherit = c->last_guide = c->last_fwd = 0;
	if (c->frame_once) {
		/* the last sentence's own frame ends with it */
		c->frame_set = c->kept_set;
		c->frame_per = c->kept_per;
		c->frame_once = 0;
	}
	/* only sentences with a digit can state a number */
	int basis_word = 0;
	int digit = digits_and_basis(s, a, b, &basis_word);
	/* a lead-in: a heading, or a sentence that ends with a colon */
	size_t z = b;
	while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\n' || s[z - 1] == '*'))
		z--;
	int is_lead = c->in_heading || (z > a && s[z - 1] == ':');
	if (!digit && !is_lead) {
		/* only a basis statement matters in a sentence without numbers */
		if (!basis_word || !context_may_change(s, a, b))
			return;
	}
	tokenize(c, a, b);
	phrases(c);
	c->d->work += (b - a) + c->nt;
	/* "69.5% of (total) revenue" is a ratio: that "revenue" names no
	 * metric for the numbers after it */
	for (size_t j = 0; c->sent_ratio && j < c->nt; j++) {
		if (c->t[j].ph < 0 || ex_phrases[c->t[j].ph].fam != F_REVENUE)
			continue;
		size_t i = j;
		while (i > 0 && (W(&c->t[i - 1], "total") || W(&c->t[i - 1], "net")))
			i--;
		if (i >= 2 && W(&c->t[i - 1], "of") && c->t[i - 2].type == T_NUM &&
		    (c->t[i - 2].r.a.pct || c->t[i - 2].r.a.bps || c->t[i - 2].r.a.pts))
			c->t[j].ph = -1;
	}
	if (c->in_heading)
		section_frame(c);
	if (is_lead)
		lead_in(c);
	sentinfo si;
	memset(&si, 0, sizeof si);
	si.a = a;
	si.b = b;
	si.first_ph = (size_t)-1;
	update_context(c, &si);
	paragraph_frame(c, digit);
	if (c->role != EX_ROLE_OPERATOR)
		forecast_period(c);
	if (!digit || c->role == EX_ROLE_OPERATOR)
		return;
	int upper = 0, words = 0;
	for (size_t j = 0; j < c->nt; j++) {
		const tok *t = &c->t[j];
		if (t->type == T_WORD) {
			words++;
			if (t->allcaps)
				upper++;
			if ((t->sets & S_GUIDE) && !guide_reference(c, j)) {
				si.guide = 1;
				if (!W(t, "guidance") && !W(t, "outlook") && !W(t, "guide"))
					si.fwd = 1;
			}
			if ((t->sets & S_PRIOR))
				si.prior_guide = 1;
			if ((t->sets & S_LT))
				si.longterm = 1;
			if (W(t, "respectively"))
				si.respectively = 1;
			if (t->ph >= 0 && si.first_ph == (size_t)-1)
				si.first_ph = j;
		}
	}
	if (c->outlook) {
		si.guide = 1;
		si.fwd = 1;
		si.guide_ctx = 1;
	}
	if (inherit) {
		si.guide = 1;
		si.fwd |= inherit_fwd;
		si.guide_ctx = 1;
	}
	c->last_guide = si.guide;
	c->last_fwd = si.fwd;
	si.headline = words > 0 && upper * 2 > words;
	int prev_change = 0, prev_pct = 0;
	size_t prev_num = (size_t)-1;
	for (size_t k = 0; k < c->nt; k++)
		if (c->t[k].type == T_NUM)
			analyze_number(c, k, &si, &prev_change, &prev_num, &prev_pct);
}

static const char *const abbrevs[] = {
    "inc", "corp", "co", "ltd", "mr", "mrs", "ms", "dr", "jr", "sr", "st", "vs", "no",
    "calif", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "e.g", "i.e", "approx", "est", "fig", "dept", "mass", "wash",
    "n.y", "l.p", "s.a", "n.v", "plc", "nos", "llc", "ph", "etc", NULL};

/* The longest word of abbrevs ("approx"): longer words need no lookup. */
#define ABBREV_MAX 6

/* Whether the text is speech-to-text output in lower case ("revenue was
 * one point two billion dollars. gap gross margin was ..."): in a sample
 * of its start, fewer than one letter in two hundred is a capital.  Its
 * sentences start with a small letter, so a full stop before one still
 * ends a sentence. */
static int lower_case_doc(const char *s, size_t len)
{
	size_t n = len < 8192 ? len : 8192, upper = 0, lower = 0;
	/* lower <= n <= 8192: from 41 capitals on the answer is no, which
	 * written text reaches in its first lines */
	for (size_t i = 0; i < n && upper <= 40; i++) {
		unsigned char x = (unsigned char)s[i];
		upper += x >= 'A' && x <= 'Z';
		lower += x >= 'a' && x <= 'z';
	}
	return lower >= 1000 && upper * 200 < lower;
}

/* A sentence [a, b): its statements when it is unpunctuated speech. */
static void statements(ctx *c, size_t a, size_t b, int unp)
{
	if (!unp) {
		analyze_sentence(c, a, b);
		return;
	}
	int role = c->role;
	while (a < b && !c->err) {
		int inherit;
		/* look for a cue no further than a statement can run, so that a
		 * long text without cues stays linear */
		size_t lim = b - a > MAXSENT + 64 ? a + MAXSENT + 64 : b;
		size_t e = ex_clause_next(c->d, &c->ix, a, lim, &inherit);
		c->d->work += lim - a; /* the cue search, and ex_clause_kind's */
		if (e - a > MAXSENT) {
			/* a statement no cue ends: cut at a blank, as prose is */
			const char *s = c->d->clean;
			size_t x = a + MAXSENT;
			while (x > a + MAXSENT / 2 && s[x] != ' ' && s[x] != '\n')
				x--;
			e = x > a + MAXSENT / 2 ? x + 1 : a + MAXSENT;
			inherit = 0;
		}
		int kind = ex_clause_kind(c->d, a, e);
		if (kind & EX_CLAUSE_QA)
			c->qa = 1; /* the rest of the run is questions and answers */
		if ((kind & EX_CLAUSE_ASKER) && role == EX_ROLE_COMPANY)
			c->role = EX_ROLE_ANALYST;
		analyze_sentence(c, a, e);
		c->role = role;
		c->inherit = inherit;
		a = e;
	}
	c->inherit = 0;
}

/* Splits [a, b) into sentences and analyses each. */
static void sentences(ctx *c, size_t a, size_t b)
{
	const char *s = c->d->clean;
	size_t start = a;
	c->d->work += b - a;
	int unp = c->unpunct || ex_unpunctuated(s, a, b);
	/* the bytes that can end a sentence: '.', '?', '!', and a blank
	 * (the cut of an overlong one) */
	static const unsigned char ender[256] = {['.'] = 1, ['?'] = 1, ['!'] = 1, [' '] = 2, ['\n'] = 2};
	for (size_t i = a; i < b; i++) {
		/* sixteen (SSE2), then eight bytes at a time while none of them
		 * can end a sentence: no '.', '?', '!', and not yet MAXSENT
		 * long */
#if defined(__SSE2__)
		while (i + 16 <= b && i + 16 - start <= MAXSENT) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
			                                        _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))),
			                           _mm_cmpeq_epi8(v, _mm_set1_epi8('!')));
			int mk = _mm_movemask_epi8(hit);
			if (mk) {
				/* to that byte: the blanks before it cut nothing
				 * (not MAXSENT long yet) */
				i += (size_t)__builtin_ctz((unsigned)mk);
				break;
			}
			i += 16;
		}
#endif
		while (i + 8 <= b && i + 8 - start <= MAXSENT) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			if (ex_has_byte8(x, '.') || ex_has_byte8(x, '?') || ex_has_byte8(x, '!'))
				break;
			i += 8;
		}
		if (i >= b)
			break;
		char ch = s[i];
		if (!ender[(unsigned char)ch])
			continue;
		int cut = 0;
		if ((ch == '.' || ch == '?' || ch == '!') && (i + 1 >= b || s[i + 1] == ' ' || s[i + 1] == '\n' ||
		                                              s[i + 1] == '"' || s[i + 1] == ')')) {
			cut = 1;
			if (ch == '.') {
				/* the word before the dot */
				size_t w = i;
				while (w > start && (ex_is_alpha((unsigned char)s[w - 1]) || s[w - 1] == '.'))
					w--;
				size_t n = i - w;
				c->d->work += n;
				char word[24] = {0}; /* zero-filled for the word table */
				if (n > 0 && n <= ABBREV_MAX) { /* longer words are no abbreviation */
					for (size_t k = 0; k < n; k++) {
						char x = s[w + k];
						word[k] = (char)(x >= 'A' && x <= 'Z' ? x + 32 : x);
					}
					/* in abbrevs: S_ABBREV in the word table */
					if ((n <= ABBREV_MAX &&
					     (kw_sets(c, word, n, kw_hash_padded(word, n)) & S_ABBREV)) ||
					    (n == 1 && s[w] >= 'A' && s[w] <= 'Z'))
						cut = 0;
				}
				/* next visible character must not be lower case */
				size_t j = i + 1;
				while (j < b && (s[j] == ' ' || s[j] == '\n' || s[j] == '"' || s[j] == ')'))
					j++;
				if (!c->lower_doc && j < b && s[j] >= 'a' && s[j] <= 'z' &&
				    !ex_word_at(s, b, j, "non-gaap") &&
				    !ex_word_at(s, b, j, "non"))
					cut = 0;
			}
		}
		/* (unpunctuated speech is cut into statements instead) */
		if (!cut && !unp && i - start >= MAXSENT && (ch == ' ' || ch == '\n'))
			cut = 1;
		if (cut) {
			statements(c, start, i + 1, unp);
			start = i + 1;
			if (c->err)
				return;
		}
	}
	if (start < b)
		statements(c, start, b, unp);
}

/* The hash of the word table: of w[0..n) as kw_hash_padded reads it
 * from a zero-filled buffer. */
static uint32_t kw_hash(const char *w, size_t n)
{
	uint64_t h = n;
	for (size_t q = 0; q < n; q += 8) {
		uint64_t x = 0;
		memcpy(&x, w + q, n - q < 8 ? n - q : 8);
		h = (h ^ x) * 0x9E3779B97F4A7C15u;
		h ^= h >> 32;
	}
	return (uint32_t)h;
}

/* Adds bit to the word w[0..n) (a static string, not necessarily
 * NUL-terminated at n). */
static void kw_add_word(const char *w, size_t n, unsigned bit)
{
	if (n + 1 > sizeof kw_pool[0])
		return; /* longer than any token's word (tok.w) */
	uint32_t h = kw_hash(w, n);
	for (unsigned i = h & (KW_SIZE - 1);; i = (i + 1) & (KW_SIZE - 1)) {
		kwent *e = &kw_table[i];
		if (!e->w) {
			memcpy(kw_pool[i], w, n);
			e->w = kw_pool[i];
			e->h = h;
			e->len = (uint16_t)n;
			e->sets = bit;
			return;
		}
		if (e->len == n && memcmp(e->w, w, n) == 0) {
			e->sets |= bit;
			return;
		}
	}
}

static void kw_add(const char *const *set, unsigned bit)
{
	for (; *set; set++)
		kw_add_word(*set, strlen(*set), bit);
}

static void kw_build(void)
{
	kw_add(cap_ok, S_CAP_OK);
	kw_add(change_words, S_CHANGE);
	kw_add(value_words, S_VALUE);
	kw_add(approx_words, S_APPROX);
	kw_add(stop_follow, S_STOP_FOLLOW);
	kw_add(compare_before, S_COMPARE);
	kw_add(guide_words, S_GUIDE);
	kw_add(prior_guide, S_PRIOR);
	kw_add(lt_words, S_LT);
	kw_add(aside_words, S_ASIDE);
	kw_add(stop_quals, S_STOPQ);
	kw_add(skip_quals, S_SKIPQ);
	kw_add(seg_noise, S_SEGNOISE);
	kw_add(change_nouns, S_CHNOUN);
	kw_add(basis_words, S_BASISW);
	kw_add(starter_words, S_WSTART);
	kw_add(abbrevs, S_ABBREV);
	/* the first words of the lexicon's phrases (as ex_phrase_may_start
	 * finds them: the phrases the index holds) */
	for (size_t i = 0; i < ex_n_phrases && i < 512; i++) {
		const char *w = ex_phrases[i].words;
		const char *sp = strchr(w, ' ');
		kw_add_word(w, sp ? (size_t)(sp - w) : strlen(w), S_PHSTART);
	}
}

/* The S_* bits of the word w[0..n) (zero-filled to 24 bytes) whose
 * kw_hash is h. */
static unsigned kw_sets(const ctx *c, const char *w, size_t n, uint32_t h)
{
	for (unsigned i = h & (KW_SIZE - 1);; i = (i + 1) & (KW_SIZE - 1)) {
		const kwent *e = &c->kw[i];
		if (!e->w)
			return 0;
		if (e->h == h && e->len == n) {
			/* both zero-filled: eight bytes at a time */
			size_t q = 0;
			for (; q < n; q += 8) {
				uint64_t x, y;
				memcpy(&x, e->w + q, 8);
				memcpy(&y, w + q, 8);
				if (x != y)
					break;
			}
			if (q >= n)
				return e->sets;
		}
	}
}

/* A segment's sub-heading: "*Data Center*" (italics), or a heading of
 * one to four capitalised words that names no heading topic.  Sets
 * c->pend_seg to the name in lower snake case. */
static void segment_heading(ctx *c, size_t a, size_t b, int heading)
{
	static const char *const topics[] = {
	    "acquisitions", "acquisition", "partnerships", "partners", "products", "launches",
	    "leadership", "sustainability", "esg", "awards", "customers", "technology",
	    "innovation", "strategy", "people", "community", "events", "milestones",
	    "achievements", "announcements", "news", "momentum", "growth", "progress",
	    "team", "management", "board", "governance", "liquidity", "allocation",
	    "highlights", "overview", "results", "outlook", "guidance", "summary",
	    "business", "financial", "performance", "update", "updates", "commentary",
	    "information", "conference", "call", "webcast", "about", "contacts", "contact",
	    "media", "investor", "investors", "relations", "notes", "note", "reconciliation",
	    "recent", "developments", "corporate", "operational", "strategic", "dividend",
	    "capital", "returns", "forward-looking", "statements", "sheet", "flow",
	    "segment", "segments", "regional", "geographic", "other", "webcast", "replay",
	    "presentation", "remarks", "disclaimer", "safe", "harbor", "non-gaap", "gaap",
	    "measures", "use", "description", "additional", "supplemental", "tables",
	    "schedule", "operations", "quarter", "fiscal", "year", "full", "annual", NULL};
	const char *s = c->d->clean;
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	int italic = b - a > 2 && (s[a] == '*' || s[a] == '_') && s[b - 1] == s[a] && s[a + 1] != s[a];
	if (italic) {
		a++;
		b--;
	} else if (!heading) {
		return;
	}
	if (b - a > 48 || b <= a)
		return;
	char name[48];
	size_t o = 0;
	int words = 0, generic = 0;
	for (size_t i = a; i < b;) {
		while (i < b && s[i] == ' ')
			i++;
		size_t e = i;
		while (e < b && s[e] != ' ')
			e++;
		if (e == i)
			break;
		char w[24];
		size_t n = 0;
		for (size_t x = i; x < e && n + 1 < sizeof w; x++) {
			unsigned char ch = (unsigned char)s[x];
			if (!(ex_is_alpha(ch) || ch == '&' || ch == '-'))
				return; /* digits, punctuation: not a name */
			w[n++] = (char)ex_lower(ch);
		}
		w[n] = 0;
		int joiner = !strcmp(w, "and") || !strcmp(w, "&");
		if (!joiner && !(s[i] >= 'A' && s[i] <= 'Z'))
			return;
		if (in_set(w, topics) || in_set(w, cap_ok))
			generic = 1;
		if (!joiner && ex_doc_is_known(c->d, s + i, e - i))
			return;
		words++;
		for (size_t x = 0; x < n && o + 2 < sizeof name; x++)
			name[o++] = w[x] == '-' || w[x] == '&' ? '_' : w[x];
		if (o + 2 < sizeof name && e < b)
			name[o++] = '_';
		i = e;
	}
	while (o > 0 && name[o - 1] == '_')
		o--;
	name[o] = 0;
	if (words < 1 || words > 4 || generic || !o)
		return;
	snprintf(c->pend_seg, sizeof c->pend_seg, "%s", name);
}

/* A paragraph that opens with a segment's name and a colon ("Power
 * Systems: Revenue was $1,142.8 million ... The segment operating margin
 * was 11.3%."): its sentences are about that segment. */
static void lead_in_segment(ctx *c, size_t a, size_t b)
{
	const char *s = c->d->clean;
	size_t span = b - a < 50 ? b - a : 50;
	const char *cp = memchr(s + a, ':', span);
	if (!cp || (size_t)(cp - s) + 1 >= b || s[cp - s + 1] != ' ' ||
	    ex_word_at(s, b, a, "operator"))
		return;
	char keep[sizeof c->pend_seg];
	memcpy(keep, c->pend_seg, sizeof keep);
	c->pend_seg[0] = 0;
	segment_heading(c, a, (size_t)(cp - s), 1);
	if (c->pend_seg[0])
		memcpy(c->bullet_seg, c->pend_seg, sizeof c->bullet_seg);
	memcpy(c->pend_seg, keep, sizeof keep);
}

ec_err ex_rules_scan(ex_doc *d, ex_mentions *out)
{
	/* Only the fields before the token array need clearing: tokens are
	 * set up as tokenize() makes them (the array is ~170 KB, clearing it
	 * per document cost more than a page of text). */
	ctx *c = malloc(sizeof *c);
	if (!c)
		return EC_ENOMEM;
	memset(c, 0, offsetof(ctx, t));
	c->nt = 0;
	if (pthread_once(&kw_once, kw_build) != 0) {
		free(c);
		return EC_ENOMEM;
	}
	c->kw = kw_table;
	c->d = d;
	c->out = out;
	ex_lex_index(&c->ix);
	c->basis_ctx = -1;
	c->cash_alone = -1;
	c->unpunct = ex_doc_unpunctuated(d->clean, d->clean_len);
	c->lower_doc = lower_case_doc(d->clean, d->clean_len);
	size_t k = 0;
	int last_role = -1;
	while (k < d->n_lines && !c->err) {
		const ex_line *L = &d->lines[k];
		if (L->cls == EX_L_SPEAKER || L->cls == EX_L_SECTION) {
			if (L->role != last_role || L->cls == EX_L_SECTION)
				c->basis_ctx = -1;
			c->basis_ctx = -1;
			c->gp_set = 0;
			c->section_set = 0;
			last_role = L->role;
			k++;
			continue;
		}
		if (L->cls == EX_L_BLANK || L->cls == EX_L_TABLE) {
			k++;
			continue;
		}
		/* a run: a heading alone; a bullet with its continuation lines;
		 * a paragraph of text lines */
		size_t j = k + 1;
		if (L->cls == EX_L_HEADING) {
			c->basis_ctx = -1;
			c->gp_set = 0;
		} else {
			while (j < d->n_lines && d->lines[j].cls == EX_L_TEXT && !d->lines[j].turn)
				j++;
		}
		if (L->turn) {
			/* a new speaker: what the last one framed ends */
			c->basis_ctx = -1;
			c->gp_set = 0;
		}
		if (L->cls == EX_L_HEADING)
			c->section_set = 0; /* a new section */
		/* a frame holds for its paragraph; a section's for its own */
		c->frame_set = c->section_set;
		c->frame_per = c->section_per;
		c->frame_once = 0;
		c->para_figures = 0;
		c->role = L->role;
		c->qa = L->qa;
		c->outlook = L->outlook;
		int bullet = L->cls == EX_L_BULLET;
		c->bullet_seg[0] = 0;
		c->pend_seg[0] = 0;
		if (bullet)
			memcpy(c->bullet_seg, c->lead_seg, sizeof c->bullet_seg);
		else
			c->lead_seg[0] = 0;
		if (!bullet && j == k + 1)
			segment_heading(c, L->start, L->end, L->cls == EX_L_HEADING);
		if (!bullet && L->cls == EX_L_TEXT && !L->turn && d->kind != EC_DOC_TRANSCRIPT)
			lead_in_segment(c, L->start, L->end);
		if (bullet && c->lead_set) {
			if (c->lead_guide)
				c->outlook = 1;
			if (c->lead_guide && c->lead_has_per) {
				c->gp = c->lead_per;
				c->gp_set = 1;
			}
		} else if (!bullet) {
			c->lead_set = 0;
		}
		c->pend_set = 0;
		c->in_heading = L->cls == EX_L_HEADING;
		sentences(c, L->start, d->lines[j - 1].end);
		c->in_heading = 0;
		if (!bullet && c->pend_seg[0])
			memcpy(c->lead_seg, c->pend_seg, sizeof c->lead_seg);
		if (!bullet && c->pend_set) {
			c->lead_set = 1;
			c->lead_guide = c->pend_guide;
			c->lead_has_per = c->pend_has_per;
			c->lead_per = c->pend_per;
		}
		k = j;
	}
	int err = c->err;
	free(c);
	return err ? EC_ENOMEM : EC_OK;
}
