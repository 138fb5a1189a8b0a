/* The cleaned document: validation (binary data, invalid UTF-8, limits),
 * Markdown escapes and markup removed ("\$", <u>..</u>, **..**), Markdown
 * pipe rows turned into tab-separated rows, a word hyphenated across a line
 * break joined, transcript vendor page furniture cut out (headers and
 * footers that split sentences), and every line classified: text, blank,
 * table row, speaker line (or a text line that opens with its speaker),
 * heading, bullet, section marker.  The cleaned text keeps a map back to
 * the raw bytes so quotes are the document's own text. */
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ex.h"

/* A hot test's common first steps inlined into its caller, its rare rest
 * kept out of line (no call of a large function for most lines). */
#if defined(__GNUC__)
#define TEXT_NOINLINE __attribute__((noinline))
#define TEXT_INLINE inline __attribute__((always_inline))
#else
#define TEXT_NOINLINE
#define TEXT_INLINE inline
#endif

static unsigned char lower(unsigned char c)
{
	return ex_lower(c);
}

/* Length of a valid UTF-8 sequence at s[i], 0 if invalid. */
static int utf8_len(const unsigned char *s, size_t len, size_t i)
{
	unsigned char c = s[i];
	if (c < 0x80)
		return 1;
	int n;
	unsigned min;
	unsigned cp;
	if ((c & 0xe0) == 0xc0) {
		n = 2;
		cp = c & 0x1f;
		min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		n = 3;
		cp = c & 0x0f;
		min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		n = 4;
		cp = c & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (i + (size_t)n > len)
		return 0;
	for (int k = 1; k < n; k++) {
		if ((s[i + k] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i + k] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* ---- building the cleaned text --------------------------------------- */

typedef struct builder {
	ex_doc *d;
	size_t cap, cap_segs, cap_bar;
	size_t last_raw; /* raw offset of the last byte emitted + 1 */
	int ok;
	/* where the cleaned text holds a '\n' (only emit_nl writes one),
	 * in order, so that classify need not look for them */
	size_t *nl, n_nl, cap_nl;
} builder;

static inline void emit(builder *b, char c, size_t raw)
{
	ex_doc *d = b->d;
	if (!b->ok)
		return;
	if (d->clean_len + 2 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4096;
		char *n = realloc(d->clean, cap);
		if (!n) {
			b->ok = 0;
			return;
		}
		d->clean = n;
		b->cap = cap;
	}
	if (d->n_segs == 0 || raw != b->last_raw) {
		if (d->n_segs == b->cap_segs) {
			size_t cap = b->cap_segs ? b->cap_segs * 2 : 64;
			ex_seg *n = realloc(d->segs, cap * sizeof *n);
			if (!n) {
				b->ok = 0;
				return;
			}
			d->segs = n;
			b->cap_segs = cap;
		}
		d->segs[d->n_segs].cstart = d->clean_len;
		d->segs[d->n_segs].rstart = raw;
		d->n_segs++;
	}
	d->clean[d->clean_len++] = c;
	b->last_raw = raw + 1;
}

/* Copies n raw bytes starting at raw offset raw, which map one to one to
 * the cleaned text (a run of plain ASCII): one capacity check and at
 * most one new segment for the run instead of per byte. */
static inline void emit_run(builder *b, const char *src, size_t n, size_t raw)
{
	ex_doc *d = b->d;
	if (!b->ok || n == 0)
		return;
	if (d->clean_len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4096;
		if (cap < d->clean_len + n + 2)
			cap = d->clean_len + n + 2;
		char *c = realloc(d->clean, cap);
		if (!c) {
			b->ok = 0;
			return;
		}
		d->clean = c;
		b->cap = cap;
	}
	if (d->n_segs == 0 || raw != b->last_raw) {
		if (d->n_segs == b->cap_segs) {
			size_t cap = b->cap_segs ? b->cap_segs * 2 : 64;
			ex_seg *g = realloc(d->segs, cap * sizeof *g);
			if (!g) {
				b->ok = 0;
				return;
			}
			d->segs = g;
			b->cap_segs = cap;
		}
		d->segs[d->n_segs].cstart = d->clean_len;
		d->segs[d->n_segs].rstart = raw;
		d->n_segs++;
	}
	memcpy(d->clean + d->clean_len, src, n);
	d->clean_len += n;
	b->last_raw = raw + n;
}

/* A line end in the cleaned text (the only way one gets there: a raw
 * line never holds a '\n'), its offset recorded in b->nl. */
static inline void emit_nl(builder *b, size_t raw)
{
	size_t at = b->d->clean_len;
	emit(b, '\n', raw);
	if (!b->ok)
		return;
	if (b->n_nl == b->cap_nl) {
		size_t cap = b->cap_nl ? b->cap_nl * 2 : 256;
		size_t *n = realloc(b->nl, cap * sizeof *n);
		if (!n) {
			b->ok = 0;
			return;
		}
		b->nl = n;
		b->cap_nl = cap;
	}
	b->nl[b->n_nl++] = at;
}

/* The cleaned text was cut back to d->clean_len: the line ends past it
 * go. */
static void drop_nl(builder *b)
{
	while (b->n_nl > 0 && b->nl[b->n_nl - 1] >= b->d->clean_len)
		b->n_nl--;
}

static void barrier(builder *b)
{
	ex_doc *d = b->d;
	if (!b->ok)
		return;
	if (d->n_barriers == b->cap_bar) {
		size_t cap = b->cap_bar ? b->cap_bar * 2 : 16;
		size_t *n = realloc(d->barriers, cap * sizeof *n);
		if (!n) {
			b->ok = 0;
			return;
		}
		d->barriers = n;
		b->cap_bar = cap;
	}
	d->barriers[d->n_barriers++] = d->clean_len;
}

/* w (lower case, not empty) is in s[0..n), ignoring the case of s.  The
 * first byte is tested against its two cases before the rest. */
static int contains_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	unsigned char c0 = (unsigned char)w[0];
	unsigned char c1 = c0 >= 'a' && c0 <= 'z' ? (unsigned char)(c0 - 32) : c0;
	size_t i = 0;
#if defined(__SSE2__)
	/* the starts of sixteen bytes at a time: a bit for each first byte */
	const __m128i v0 = _mm_set1_epi8((char)c0), v1 = _mm_set1_epi8((char)c1);
	for (; i + 16 <= n && i + m <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned mk = (unsigned)_mm_movemask_epi8(
		    _mm_or_si128(_mm_cmpeq_epi8(v, v0), _mm_cmpeq_epi8(v, v1)));
		while (mk) {
			size_t p = i + (size_t)__builtin_ctz(mk);
			mk &= mk - 1;
			if (p + m > n)
				return 0; /* and so for every later start */
			size_t k = 1;
			while (k < m && lower((unsigned char)s[p + k]) == (unsigned char)w[k])
				k++;
			if (k == m)
				return 1;
		}
	}
#endif
	for (; i + m <= n; i++) {
		unsigned char x = (unsigned char)s[i];
		if (x != c0 && x != c1)
			continue;
		size_t k = 1;
		while (k < m && lower((unsigned char)s[i + k]) == (unsigned char)w[k])
			k++;
		if (k == m)
			return 1;
	}
	return 0;
}

static int is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f')
			return 0;
	return 1;
}

/* "P R E S E N T A T I O N", "F I N A L  T R A N S C R I P T": letters
 * separated by single spaces. */
static int spaced_caps(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	int letters = 0;
	for (; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z') {
			if (i + 1 < n && s[i + 1] >= 'A' && s[i + 1] <= 'Z')
				return 0;
			letters++;
		} else if (s[i] != ' ' && s[i] != '\r') {
			return 0;
		}
	}
	return letters >= 5;
}

/* spaced_caps(t, m) can hold, for t[0] no blank (a trimmed line): it
 * returns 0 at once on a byte other than a capital, ' ' or '\r', and on
 * a capital followed by a capital; so a capital must be followed by ' '
 * or '\r' (a capital alone is one letter of the five needed). */
static inline int may_spaced_caps(const char *t, size_t m)
{
	return t[0] == '\r' || (t[0] >= 'A' && t[0] <= 'Z' && m > 1 && (t[1] == ' ' || t[1] == '\r'));
}

/* First letters of the vendor words of furniture(): s t r c w. */
static const unsigned char fur_first[256] = {['s'] = 1, ['t'] = 1, ['r'] = 1, ['c'] = 1, ['w'] = 1,
                                             ['S'] = 1, ['T'] = 1, ['R'] = 1, ['C'] = 1, ['W'] = 1};

/* Case-insensitive compare of n bytes of x with the lower-case word w. */
static int ci_eq(const char *x, const char *w, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (ex_lower((unsigned char)x[k]) != (unsigned char)w[k])
			return 0;
	return 1;
}

/* A vendor word starts at x (r bytes left in the line). */
static int vendor_at(const char *x, size_t r)
{
	if (!fur_first[(unsigned char)*x])
		return 0;
	switch (ex_lower((unsigned char)*x)) {
	case 's':
		return r >= 12 && ci_eq(x, "streetevents", 12);
	case 't':
		return r >= 7 && ci_eq(x, "thomson", 7);
	case 'r':
		return (r >= 9 && ci_eq(x, "refinitiv", 9)) ||
		       (r >= 15 && ci_eq(x, "rights reserved", 15)) ||
		       (r >= 11 && ci_eq(x, "republished", 11)) ||
		       (r >= 13 && ci_eq(x, "republication", 13));
	case 'c':
		return r >= 10 && ci_eq(x, "callstreet", 10);
	case 'w':
		return r >= 15 && ci_eq(x, "written consent", 15);
	default:
		return 0;
	}
}

/* fur_tab[h] = 1 for h = ((w * 0x9E3779B1) mod 2^32) >> 20 of the 28
 * four-byte pieces at offsets 0..3 of the vendor words of vendor_at
 * ("stre", "tree", "reet", "eete", "thom", "homs", ...), w the
 * little-endian value of the four bytes with 0x20 or-ed into each (a
 * letter's lower case; a blank stays a blank).  Generated by a script;
 * any other four bytes hit a set entry 28 times in 4096.  One byte per
 * entry: a load and no shifts per window. */
static const unsigned char fur_tab[4096] = {
	[17] = 1, [84] = 1, [272] = 1, [317] = 1, [432] = 1, [832] = 1, [835] = 1, [883] = 1,
	[958] = 1, [978] = 1, [1153] = 1, [1461] = 1, [1497] = 1, [1747] = 1, [1954] = 1,
	[1977] = 1, [2015] = 1, [2269] = 1, [2280] = 1, [2580] = 1, [2598] = 1, [2682] = 1,
	[2785] = 1, [3402] = 1, [3466] = 1, [3471] = 1, [3497] = 1, [3665] = 1,
};

/* Bytes that clean_line copies as they are: ASCII other than markup
 * ('\\' '<' '*' '_') and the controls it turns into blanks. */
static const unsigned char plain_tab[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* plain_tab: 1 for ASCII other than '\\' '<' '*' '_' '\r' '\f' '\v';
 * one lookup per byte in the hot copy loop. */
static inline unsigned char plain_byte(unsigned char c)
{
	return plain_tab[c];
}

/* The eight bytes of x are all plain_byte()s: ASCII, none of '\\' '<'
 * '*' '_', none in 0x0b..0x0d ('\v' '\f' '\r'; the "has between" bit
 * trick, exact per byte). */
static inline int plain8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t lo7 = x & (ones * 127);
	uint64_t ctl = (ones * (127 + 0x0e) - lo7) & ~x & (lo7 + ones * (127 - 0x0a)) & (ones * 128);
	return !(x & (ones * 128)) && !ctl && !ex_has_byte8(x, '\\') && !ex_has_byte8(x, '<') &&
	       !ex_has_byte8(x, '*') && !ex_has_byte8(x, '_');
}

#if defined(__SSE2__)
/* Bit k set when p[k] is no plain_byte() (as plain8), for the sixteen
 * bytes at p. */
static inline unsigned not_plain16(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	/* '\v' '\f' '\r' (bytes from 0x80 on are negative: not > 0x0a) */
	__m128i bad = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x0a)),
	                            _mm_cmplt_epi8(v, _mm_set1_epi8(0x0e)));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('*')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
	/* and no byte from 0x80 on (its high bit) */
	return (unsigned)(_mm_movemask_epi8(bad) | _mm_movemask_epi8(v));
}
#endif

/* The eight bytes at x as fur_tab hashes its windows: the little-endian
 * value with 0x20 or-ed into each byte (which carries nowhere); the
 * window at x is the low half, the one at x + 4 the high half. */
static inline uint64_t fur_load8(const char *x)
{
	const unsigned char *ux = (const unsigned char *)x;
	uint64_t w8;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(&w8, ux, 8);
#else
	w8 = 0;
	for (int k = 7; k >= 0; k--)
		w8 = w8 << 8 | ux[k];
#endif
	return w8 | 0x2020202020202020u;
}

/* The fur_tab entry of the window w (as fur_load8 reads it). */
static inline unsigned fur_bit(uint32_t w)
{
	return fur_tab[(uint32_t)(w * 0x9E3779B1u) >> 20];
}

/* A vendor word starts at one of the up to four starts t + q - 3 .. t + q
 * (m bytes in the line) that can cover the window at q. */
static int fur_starts(const char *t, size_t m, size_t q)
{
	for (size_t k = q >= 3 ? q - 3 : 0; k <= q && k + 7 <= m; k++)
		if (vendor_at(t + k, m - k))
			return 1;
	return 0;
}

/* Page furniture of transcript vendors: copyright lines, vendor names and
 * URLs, "F I N A L  T R A N S C R I P T", the date/ticker header, page
 * numbers. */
static int furniture(const char *s, size_t n)
{
	if (n > 400)
		return 0;
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	size_t m = n - i;
	const char *t = s + i;
	if (m == 0)
		return 0;
	/* a page number alone */
	if (m <= 4) {
		int digits = 1;
		for (size_t k = 0; k < m; k++)
			if (!(t[k] >= '0' && t[k] <= '9') && t[k] != '\r' && t[k] != ' ')
				digits = 0;
		/* a year alone is a column head of a flattened table */
		int v = 0, nd = 0;
		for (size_t k = 0; k < m; k++)
			if (t[k] >= '0' && t[k] <= '9') {
				v = v * 10 + (t[k] - '0');
				nd++;
			}
		if (digits && nd > 0 && !(nd == 4 && v >= 1950 && v <= 2100))
			return 1; /* not a blank CRLF line: digits are needed */
	}
	if (m > 300)
		return 0;
	/* vendor words (the shortest is 7 bytes): each one covers a
	 * four-byte window at a multiple of 4, so only those windows are
	 * hashed (letters | 0x20, as in fur_tab) and the up to four starts
	 * before a window whose bit is set are compared in full.  Two
	 * windows per eight-byte load (the same windows in the same order
	 * as one at a time; a hit tests each of the two in turn). */
	size_t q = 0;
	for (; q + 8 <= m; q += 8) {
		uint64_t w8 = fur_load8(t + q);
		unsigned b0 = fur_bit((uint32_t)w8), b1 = fur_bit((uint32_t)(w8 >> 32));
		if (!(b0 | b1))
			continue;
		if ((b0 && fur_starts(t, m, q)) || (b1 && fur_starts(t, m, q + 4)))
			return 1;
	}
	if (q + 4 <= m) { /* the last window, which fur_load8 would overrun */
		const unsigned char *ux = (const unsigned char *)t + q;
		uint32_t w4 = (uint32_t)(ux[0] | 0x20) | (uint32_t)(ux[1] | 0x20) << 8 |
		              (uint32_t)(ux[2] | 0x20) << 16 | (uint32_t)(ux[3] | 0x20) << 24;
		if (fur_bit(w4) && fur_starts(t, m, q))
			return 1;
	}
	if (m < 20) {
		char low[24];
		for (size_t k = 0; k < m; k++)
			low[k] = (char)lower((unsigned char)t[k]);
		low[m] = 0;
		if (strstr(low, "page ") && strstr(low, " of "))
			return 1;
	}
	if ((unsigned char)t[0] == 0xc2 && m > 1 && (unsigned char)t[1] == 0xa9)
		return 1; /* © ... */
	if (may_spaced_caps(t, m) && spaced_caps(t, m) &&
	    contains_ci(t, m, "t r a n s c r i p t"))
		return 1;
	/* "Oct. 19. 2010 / 8:45PM, JNPR - Q3 2010 ... Call" (a '/' after the
	 * date: without one in the line, no date is read; and a date read at
	 * 0 by ex_date_parse opens with a month name, whose first letter is
	 * one of "jfmasond", or a digit) */
	int y, mo, d;
	size_t de;
	unsigned char c0 = lower((unsigned char)t[0]);
	int may_date = (c0 >= '0' && c0 <= '9') || c0 == 'j' || c0 == 'f' || c0 == 'm' ||
	               c0 == 'a' || c0 == 's' || c0 == 'o' || c0 == 'n' || c0 == 'd';
	if (may_date && memchr(t, '/', m) && ex_date_parse(t, m, 0, &y, &mo, &d, &de)) {
		size_t k = ex_skip_ws(t, m, de);
		if (k < m && t[k] == '/')
			return 1;
	}
	return 0;
}

static TEXT_NOINLINE void clean_markup(builder *b, const char *raw, size_t i, size_t re);

/* Copies one raw line (or a part of one) into the cleaned text without
 * markup.  plain: every byte of the line is a plain_byte() (as the
 * validation pass found), so the whole rest is one run, as the loop in
 * clean_markup would find it. */
static TEXT_INLINE void clean_line(builder *b, const char *raw, size_t rs, size_t re, int plain)
{
	size_t i = rs;
	/* Markdown heading marks "## " */
	if (i < re && raw[i] == '#') {
		size_t k = i;
		while (k < re && raw[k] == '#')
			k++;
		if (k < re && raw[k] == ' ')
			i = k + 1;
	}
	if (plain)
		emit_run(b, raw + i, re - i, i);
	else
		clean_markup(b, raw, i, re);
}

/* The rest of clean_line from i on, for a line that is not plain. */
static TEXT_NOINLINE void clean_markup(builder *b, const char *raw, size_t i, size_t re)
{
	const unsigned char *u = (const unsigned char *)raw;
	while (i < re) {
		/* a run of plain ASCII with no markup character: copied as is */
		size_t j = i;
#if defined(__SSE2__)
		while (j + 16 <= re) {
			unsigned np = not_plain16(u + j);
			if (np) {
				j += (size_t)__builtin_ctz(np); /* the first one */
				break;
			}
			j += 16;
		}
#endif
		while (j + 8 <= re) { /* eight plain bytes at a time first */
			uint64_t x;
			memcpy(&x, u + j, 8);
			if (!plain8(x))
				break;
			j += 8;
		}
		while (j < re && plain_byte(u[j]))
			j++;
		if (j > i) {
			emit_run(b, raw + i, j - i, i);
			i = j;
			continue;
		}
		unsigned char c = u[i];
		if (c == '\\' && i + 1 < re && u[i + 1] < 0x80 && u[i + 1] > ' ' &&
		    !ex_is_word(u[i + 1])) {
			emit(b, raw[i + 1], i + 1);
			i += 2;
			continue;
		}
		if (c == '<') {
			static const char *const tags[] = {"<u>", "</u>", "<b>", "</b>", "<i>",
			                                   "</i>", "<br>", "<br/>", "<sup>", "</sup>",
			                                   "<strong>", "</strong>", "<em>", "</em>"};
			int hit = 0;
			for (size_t k = 0; k < sizeof tags / sizeof tags[0] && !hit; k++) {
				size_t tl = strlen(tags[k]);
				if (i + tl <= re && strncmp(raw + i, tags[k], tl) == 0) {
					i += tl;
					hit = 1;
				}
			}
			if (hit)
				continue;
		}
		if ((c == '*' || c == '_') && i + 1 < re && u[i + 1] == c) {
			i += 2;
			continue;
		}
		if (c == '\r' || c == '\f' || c == '\v') {
			emit(b, ' ', i);
			i++;
			continue;
		}
		if (c < 0x80) {
			emit(b, (char)c, i);
			i++;
			continue;
		}
		int n = utf8_len(u, re, i);
		if (n == 0) {
			emit(b, ' ', i); /* invalid byte: a blank in the text */
			i++;
			continue;
		}
		/* no-break and thin spaces read as blanks */
		if ((n == 2 && c == 0xc2 && u[i + 1] == 0xa0) ||
		    (n == 3 && c == 0xe2 && u[i + 1] == 0x80 && (u[i + 2] == 0xaf || u[i + 2] == 0x89))) {
			for (int k = 0; k < n; k++)
				emit(b, ' ', i + k);
			i += n;
			continue;
		}
		for (int k = 0; k < n; k++)
			emit(b, raw[i + k], i + k);
		i += n;
	}
}

/* A Markdown pipe table row converted from EDGAR HTML ("| Net income |
 * $ | 12,302 | | $ | (1,900 | ) |") becomes a tab-separated row: the first
 * cell is the label, empty cells are dropped, a "$" cell joins the next
 * cell and a ")" cell the previous one.  A separator row "|---|" becomes
 * an empty line.  Returns 0 when the line is not a pipe row.  plain: as
 * for clean_line. */
static int pipe_row(builder *b, const char *raw, size_t rs, size_t re, int plain)
{
	size_t i = rs, e = re;
	while (i < e && (raw[i] == ' ' || raw[i] == '\t'))
		i++;
	if (i >= e || raw[i] != '|') /* most lines: before the right end */
		return 0;
	while (e > i && (raw[e - 1] == ' ' || raw[e - 1] == '\t' || raw[e - 1] == '\r'))
		e--;
	if (e - i < 2 || raw[e - 1] != '|')
		return 0;
	int sep = 1;
	for (size_t k = i; k < e; k++)
		if (raw[k] != '|' && raw[k] != '-' && raw[k] != ':' && raw[k] != ' ')
			sep = 0;
	if (sep)
		return 1;
	int cell = 0, dollar = 0, values = 0;
	size_t k = i + 1;
	while (k < e) {
		size_t j = k;
		while (j < e && !(raw[j] == '|' && raw[j - 1] != '\\'))
			j++;
		size_t cs = k, ce = j;
		while (cs < ce && (raw[cs] == ' ' || raw[cs] == '\t'))
			cs++;
		while (ce > cs && (raw[ce - 1] == ' ' || raw[ce - 1] == '\t'))
			ce--;
		if (cell == 0) {
			clean_line(b, raw, cs, ce, plain);
		} else if (ce - cs == 1 && raw[cs] == ')') {
			emit(b, ')', cs);
		} else if (ce > cs) {
			if (!dollar)
				emit(b, '\t', k - 1);
			values++;
			clean_line(b, raw, cs, ce, plain);
			dollar = ce - cs == 1 && raw[cs] == '$';
			if (dollar)
				emit(b, ' ', cs + 1);
		}
		cell++;
		k = j + 1;
	}
	if (!values)
		emit(b, '\t', e - 1); /* "| Revenue: | | |": a section row */
	return 1;
}

/* ---- line classes ---------------------------------------------------- */

static size_t trim_left(const char *s, size_t a, size_t b)
{
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	return a;
}

static size_t trim_right(const char *s, size_t a, size_t b)
{
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	return b;
}

/* Some i in [a, b - 1) has s[i] == x and s[i + 1] == y: eight starts at
 * a time (the zero-byte test is exact about whether any byte is zero). */
static int has_pair(const char *s, size_t a, size_t b, unsigned char x, unsigned char y)
{
	const uint64_t ones = 0x0101010101010101u;
	size_t i = a;
#if defined(__SSE2__)
	/* sixteen starts at a time (reading up to s[i + 16] < s[b]) */
	for (; i + 17 <= b; i += 16) {
		__m128i u = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
		__m128i t = _mm_and_si128(_mm_cmpeq_epi8(u, _mm_set1_epi8((char)x)),
		                          _mm_cmpeq_epi8(v, _mm_set1_epi8((char)y)));
		if (_mm_movemask_epi8(t))
			return 1;
	}
#endif
	for (; i + 9 <= b; i += 8) {
		uint64_t u, v;
		memcpy(&u, s + i, 8);
		memcpy(&v, s + i + 1, 8);
		uint64_t t = (u ^ (ones * x)) | (v ^ (ones * y));
		if ((t - ones) & ~t & (ones * 128))
			return 1;
	}
	for (; i + 1 < b; i++)
		if ((unsigned char)s[i] == x && (unsigned char)s[i + 1] == y)
			return 1;
	return 0;
}

/* Three blanks in a row in [a, b). */
static int has_three_blanks(const char *s, size_t a, size_t b)
{
#if defined(__SSE2__)
	/* sixteen starts at a time (reading up to s[i + 17] < s[b]), the
	 * last sixteen starts overlapping the ones before */
	if (b - a >= 18) {
		for (size_t i = a;; i += 16) {
			if (i + 18 > b)
				i = b - 18;
			const __m128i bl = _mm_set1_epi8(' ');
			__m128i x = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), bl);
			__m128i y = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)), bl);
			__m128i z = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 2)), bl);
			if (_mm_movemask_epi8(_mm_and_si128(_mm_and_si128(x, y), z)))
				return 1;
			if (i + 18 >= b)
				return 0;
		}
	}
#endif
	for (size_t i = a; i + 2 < b; i++)
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ')
			return 1;
	return 0;
}

/* Some i in [a, b - 1) has s[i] == ' ' and s[i + 1] '-' or 0xe2 (the
 * lead byte of an en or em dash): has_pair for both pairs in one pass. */
static int has_dash_pair(const char *s, size_t a, size_t b)
{
#if defined(__SSE2__)
	/* sixteen starts at a time (reading up to s[i + 16] < s[b]), the
	 * last sixteen starts overlapping the ones before */
	if (b - a >= 17) {
		for (size_t i = a;; i += 16) {
			if (i + 17 > b)
				i = b - 17;
			__m128i u = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
			__m128i d = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')),
			                         _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xe2)));
			if (_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(u, _mm_set1_epi8(' ')), d)))
				return 1;
			if (i + 17 >= b)
				return 0;
		}
	}
#endif
	for (size_t i = a; i + 1 < b; i++)
		if (s[i] == ' ' && (s[i + 1] == '-' || (unsigned char)s[i + 1] == 0xe2))
			return 1;
	return 0;
}

/* A separator of speaker_line at i (i + 2 < b): " - " or " -- " or " – "
 * (en or em dash); returns where the scan goes on after it, less i (3
 * for " -- " too: at its closing blank), 0 when there is none. */
static inline size_t sep_at(const char *s, size_t i, size_t b)
{
	if (s[i] == ' ' && s[i + 1] == '-' && (s[i + 2] == ' ' || (s[i + 2] == '-' && i + 3 < b && s[i + 3] == ' ')))
		return 3;
	if (s[i] == ' ' && i + 4 < b && (unsigned char)s[i + 1] == 0xe2 && (unsigned char)s[i + 2] == 0x80 &&
	    ((unsigned char)s[i + 3] == 0x93 || (unsigned char)s[i + 3] == 0x94) && s[i + 4] == ' ')
		return 5;
	return 0;
}

/* The separator scan of speaker_line from i: the first separator at or
 * after i (sep_at, i + 2 < b) is added to seps (at *nsep, which the
 * caller keeps below 4); returns where the scan goes on, b when there is
 * none.  Only a blank before a '-' or 0xe2 can start one: sixteen starts
 * at a time are sifted for those (SSE2), in order. */
static size_t sep_next(const char *s, size_t i, size_t b, int *nsep, size_t *seps)
{
#if defined(__SSE2__)
	for (; i + 17 <= b; i += 16) {
		__m128i u = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
		__m128i d = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')),
		                         _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xe2)));
		unsigned mk = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(u, _mm_set1_epi8(' ')), d));
		while (mk) {
			size_t p = i + (size_t)__builtin_ctz(mk), n;
			mk &= mk - 1;
			if (p + 2 < b && (n = sep_at(s, p, b)) != 0) {
				seps[(*nsep)++] = p;
				return p + n;
			}
		}
	}
#endif
	for (; i + 2 < b; i++) {
		size_t n = sep_at(s, i, b);
		if (n) {
			seps[(*nsep)++] = i;
			return i + n;
		}
	}
	return b;
}

/* Some byte of s[a, b) is '?', '!', ';' or a digit (sixteen at a time
 * first). */
static int has_stop_or_digit(const char *s, size_t a, size_t b)
{
#if defined(__SSE2__)
	if (b - a >= 16) { /* the last sixteen overlapping the ones before */
		for (size_t i = a;; i += 16) {
			if (i + 16 > b)
				i = b - 16;
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i hit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
			                            _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
			hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
			hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('!')));
			hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(';')));
			if (_mm_movemask_epi8(hit))
				return 1;
			if (i + 16 >= b)
				return 0;
		}
	}
#endif
	for (size_t i = a; i < b; i++)
		if (s[i] == '?' || s[i] == '!' || s[i] == ';' || (s[i] >= '0' && s[i] <= '9'))
			return 1;
	return 0;
}

/* Speaker lines: "Operator", "Kevin Johnson - Juniper Networks - CEO",
 * "Kevin Johnson -- Chief Executive Officer", "Name - Analyst".  Returns
 * the role + 1, or 0 when the line is not a speaker line. */
static int speaker_line_t(ex_doc *d, const char *s, size_t a, size_t b);

static int speaker_line(ex_doc *d, const char *s, size_t a, size_t b)
{
	a = trim_left(s, a, b);
	return speaker_line_t(d, s, a, trim_right(s, a, b));
}

/* speaker_line of the trimmed line s[a, b). */
static TEXT_NOINLINE int speaker_fields(ex_doc *d, const char *s, size_t a, size_t b);

static TEXT_INLINE int speaker_line_t(ex_doc *d, const char *s, size_t a, size_t b)
{
	size_t n = b - a;
	if (n == 0 || n > 110)
		return 0;
	if ((n == 8 && strncmp(s + a, "Operator", 8) == 0) ||
	    (n == 9 && strncmp(s + a, "Operator:", 9) == 0))
		return EX_ROLE_OPERATOR + 1;
	/* fields separated by " - " or " -- " or " – ": none without a blank
	 * before a '-' or the lead byte of the dash (one pass, most lines
	 * stop here: the rest out of line) */
	if (!has_dash_pair(s, a, b))
		return 0;
	return speaker_fields(d, s, a, b);
}

/* The rest of speaker_line_t: the fields. */
static TEXT_NOINLINE int speaker_fields(ex_doc *d, const char *s, size_t a, size_t b)
{
	size_t seps[4];
	int nsep = 0;
	size_t i = sep_next(s, a, b, &nsep, seps);
	if (nsep == 0)
		return 0;
	/* the name: 2..5 words, each capitalised, no digits (read before
	 * the other separators are looked for: a line that fails here
	 * returns 0 whatever they are) */
	int words = 0;
	size_t after = i; /* where the separators go on */
	i = a;
	while (i < seps[0]) {
		while (i < seps[0] && s[i] == ' ')
			i++;
		if (i >= seps[0])
			break;
		if (!(s[i] >= 'A' && s[i] <= 'Z'))
			return 0;
		size_t ws = i;
		while (i < seps[0] && s[i] != ' ') {
			if (s[i] >= '0' && s[i] <= '9')
				return 0;
			i++;
		}
		(void)ws;
		words++;
	}
	if (words < 1 || words > 5)
		return 0;
	while (after < b && nsep < 4 && (after = sep_next(s, after, b, &nsep, seps)) < b) {
	}
	if (nsep > 3)
		return 0;
	/* no sentence inside */
	if (has_stop_or_digit(s, a, b))
		return 0;
	if (s[b - 1] == '.' && !(b >= 3 && (strncmp(s + b - 3, "Co.", 3) == 0 || strncmp(s + b - 3, "nc.", 3) == 0)))
		return 0;
	/* the name's words are known capitalised words */
	i = a;
	while (i < seps[0]) {
		while (i < seps[0] && s[i] == ' ')
			i++;
		size_t ws = i;
		while (i < seps[0] && s[i] != ' ')
			i++;
		if (i > ws)
			ex_doc_add_known(d, s + ws, i - ws);
	}
	size_t last = seps[nsep - 1];
	int analyst = contains_ci(s + last, b - last, "analyst");
	if (!analyst && nsep >= 2) {
		/* company words of the company's own speakers */
		size_t cs = seps[0] + 3, ce = seps[1];
		while (cs < ce) {
			while (cs < ce && (s[cs] == ' ' || s[cs] == ',' || s[cs] == '-'))
				cs++;
			size_t ws = cs;
			while (cs < ce && s[cs] != ' ' && s[cs] != ',')
				cs++;
			if (cs > ws && s[ws] >= 'A' && s[ws] <= 'Z')
				ex_doc_add_known(d, s + ws, cs - ws);
		}
	}
	return (analyst ? EX_ROLE_ANALYST : EX_ROLE_COMPANY) + 1;
}

/* A whole call on one line ("Operator: ... Maria Lopez: Thank you. ...
 * CFO: Thanks."): another "Name:" opens a sentence after a.  One pass. */
int ex_collapsed_turns(const char *s, size_t a, size_t b)
{
	/* only a ':' followed by a blank opens a turn */
	if (!has_pair(s, a, b, ':', ' '))
		return 0;
	/* A sentence end ('.', '?', '!') starts the count again; a word
	 * starts at a byte other than a blank after a blank (or at a); a
	 * ':' before a blank after one to six words, all capitalised (or
	 * opening with '-'), opens a turn. */
	int words = 0, caps = 1;
	size_t i = a;
#if defined(__SSE2__)
	/* sixteen bytes at a time: the bits of those events, taken in
	 * order, the same steps as the byte loop below takes */
	for (; i + 16 <= b; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
		unsigned term = (unsigned)_mm_movemask_epi8(
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
		                              _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))),
		                 _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))));
		unsigned colon = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')));
		unsigned capok = (unsigned)_mm_movemask_epi8(
		    _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
		                               _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1))),
		                 _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))));
		/* a blank before each byte (the one before the first: s[i - 1],
		 * or i == a) and after it (s[i + 16] for the last) */
		unsigned before = (sp << 1 | (i == a || s[i - 1] == ' ')) & 0xffffu;
		unsigned after = sp >> 1 | (unsigned)(i + 16 < b && s[i + 16] == ' ') << 15;
		colon &= after;
		unsigned start = ~sp & before & ~term & 0xffffu;
		unsigned ev = term | colon | start;
		while (ev) {
			unsigned bit = ev & -ev;
			ev &= ev - 1;
			if (term & bit) {
				words = 0;
				caps = 1;
				continue;
			}
			if ((colon & bit) && words >= 1 && words <= 6 && caps)
				return 1;
			if (start & bit) {
				words++;
				if (!(capok & bit))
					caps = 0;
			}
		}
	}
#endif
	for (; i < b; i++) {
		char c = s[i];
		if (c == '.' || c == '?' || c == '!') {
			words = 0;
			caps = 1;
			continue;
		}
		if (c == ':' && i + 1 < b && s[i + 1] == ' ' && words >= 1 && words <= 6 && caps)
			return 1;
		if (c != ' ' && (i == a || s[i - 1] == ' ')) {
			words++;
			if (!(c >= 'A' && c <= 'Z') && c != '-')
				caps = 0;
		}
	}
	return 0;
}

/* Bit 0: some byte of t[0, n) is 'q' or 'Q'; bit 1: 'p' or 'P' (n >= 16
 * for SSE2: sixteen bytes at a time, the last sixteen overlapping; a
 * byte | 0x20 is 'q' for those two bytes only, and so for 'p'). */
static unsigned qp_letters(const char *t, size_t n)
{
#if defined(__SSE2__)
	if (n >= 16) {
		__m128i aq = _mm_setzero_si128(), ap = aq;
		for (size_t i = 0;; i += 16) {
			if (i + 16 > n)
				i = n - 16;
			__m128i v = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(t + i)),
			                         _mm_set1_epi8(0x20));
			aq = _mm_or_si128(aq, _mm_cmpeq_epi8(v, _mm_set1_epi8('q')));
			ap = _mm_or_si128(ap, _mm_cmpeq_epi8(v, _mm_set1_epi8('p')));
			if (i + 16 >= n)
				break;
		}
		return (_mm_movemask_epi8(aq) ? 1u : 0u) | (_mm_movemask_epi8(ap) ? 2u : 0u);
	}
#endif
	return (memchr(t, 'q', n) || memchr(t, 'Q', n) ? 1u : 0u) |
	       (memchr(t, 'p', n) || memchr(t, 'P', n) ? 2u : 0u);
}

/* qa_marker of the trimmed line s[a, b). */
static int qa_marker_t(const char *s, size_t a, size_t b)
{
	size_t n = b - a;
	if (n == 0 || n > 60)
		return 0;
	const char *t = s + a;
	if (may_spaced_caps(t, n) && spaced_caps(t, n))
		return contains_ci(t, n, "q u e s t i o n") ? 2 : 1;
	/* the three long forms all hold "question", and "prepared remarks"
	 * a 'p': one scan for both first letters; below 16 bytes only "q&a"
	 * (n <= 4) and "presentation" can be there (the long forms hold 19
	 * bytes or more, "prepared remarks" 16) */
	unsigned qp = n >= 16 ? qp_letters(t, n) : n <= 4 && (memchr(t, 'q', n) || memchr(t, 'Q', n));
	int q = qp & 1;
	if ((q && contains_ci(t, n, "question") &&
	     (contains_ci(t, n, "question-and-answer") || contains_ci(t, n, "question and answer") ||
	      contains_ci(t, n, "questions and answers"))) ||
	    (n <= 4 && q && contains_ci(t, n, "q&a")))
		return 2;
	if ((n == 12 && contains_ci(t, n, "presentation")) ||
	    ((qp & 2) && contains_ci(t, n, "prepared remarks")))
		return 1;
	return 0;
}

/* 2 when some byte of s[a, b) is a tab; else 1 when one is a digit or a
 * '$'; else 0.  One pass, sixteen bytes at a time (the last sixteen
 * overlapping the ones before: only whether a byte is there counts). */
static int tab_digit(const char *s, size_t a, size_t b)
{
	int dig = 0;
#if defined(__SSE2__)
	if (b - a >= 16) {
		for (size_t i = a;; i += 16) {
			if (i + 16 > b)
				i = b - 16;
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			if (_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))))
				return 2;
			__m128i hit = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
			                                         _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1))),
			                           _mm_cmpeq_epi8(v, _mm_set1_epi8('$')));
			dig |= _mm_movemask_epi8(hit);
			if (i + 16 >= b)
				break;
		}
		return dig ? 1 : 0;
	}
#endif
	for (size_t i = a; i < b; i++) {
		if (s[i] == '\t')
			return 2;
		if ((unsigned char)(s[i] - '0') < 10 || s[i] == '$')
			dig = 1;
	}
	return dig ? 1 : 0;
}

/* A row of a table: tab-separated cells, a run of 3+ spaces between a
 * label and numbers (tables flattened from PDF), or a line of numbers only
 * (columns split over lines).  The line s[.., b), trimmed to [a2, b2). */
static int table_line_t(const char *s, size_t a2, size_t b2, size_t b)
{
	if (a2 >= b2)
		return 0;
	/* a tab after some content (between cells or closing empty cells) */
	int td = tab_digit(s, a2, b);
	if (td == 2)
		return 1;
	b = b2;
	/* a cell of a flattened table on its own line: "%" after a number,
	 * an em or en dash for zero */
	if ((b - a2 == 1 && (s[a2] == '%' || s[a2] == '-')) ||
	    (b - a2 == 3 && (unsigned char)s[a2] == 0xe2 && (unsigned char)s[a2 + 1] == 0x80 &&
	     ((unsigned char)s[a2 + 2] == 0x93 || (unsigned char)s[a2 + 2] == 0x94)))
		return 1;
	/* every test below needs a number (a digit) or a '$' (in [a2, b2):
	 * the bytes after b2 are blanks, with no tab in the line) */
	if (!td)
		return 0;
	int nums = 0, other = 0, run = 0, wide = 0;
	/* without a run of three blanks wide stays 0: then the first word
	 * that is not a number decides (other > 0 gives 0 below) */
	int can_be_wide = has_three_blanks(s, a2, b);
	for (size_t i = a2; i < b;) {
		if (s[i] == ' ') {
			run++;
			i++;
			continue;
		}
		if (run >= 3)
			wide++;
		run = 0;
		ex_num n;
		/* ex_num_parse reads a digit at once or after '(', '-', the
		 * minus sign (0xe2 ...), "US$" or '$': no number starts at
		 * another byte (most words: no call) */
		unsigned char c0 = (unsigned char)s[i];
		int may_num = (c0 >= '0' && c0 <= '9') || c0 == '(' || c0 == '-' || c0 == 0xe2 ||
		              c0 == 'U' || c0 == '$';
		if (may_num && ex_num_parse(s, b, i, &n)) {
			nums++;
			i = n.end;
			continue;
		}
		if (s[i] == '$' || s[i] == '-' || s[i] == '%' || s[i] == ')' || s[i] == '(') {
			i++;
			continue;
		}
		other++;
		if (!can_be_wide)
			return 0;
		while (i < b && s[i] != ' ')
			i++;
	}
	if (nums > 0 && other == 0)
		return 1; /* numbers only */
	if (nums == 0 && other == 0 && memchr(s + a2, '$', b - a2))
		return 1; /* a currency sign alone: a column split over lines */
	return wide >= 1 && nums >= 2;
}

/* bullet_line of s[a, b) with its leading blanks trimmed (not its
 * trailing ones). */
static int bullet_line_t(const char *s, size_t a, size_t b)
{
	if (a + 1 < b && (s[a] == '-' || s[a] == '*' || s[a] == '+') && s[a + 1] == ' ')
		return 1;
	if (a + 3 < b && (unsigned char)s[a] == 0xe2 && (unsigned char)s[a + 1] == 0x80 &&
	    ((unsigned char)s[a + 2] == 0xa2 || (unsigned char)s[a + 2] == 0x93))
		return 1;
	return 0;
}

/* heading_text of the trimmed line s[a, b). */
static int heading_text_t(const char *s, size_t a, size_t b)
{
	size_t n = b - a;
	if (n == 0 || n > 80)
		return 0;
	if (!((s[a] >= 'A' && s[a] <= 'Z') || (s[a] >= '0' && s[a] <= '9')))
		return 0;
	char last = s[b - 1];
	/* "For fiscal 2024, X expects:" introduces a list: a lead-in of the
	 * section, not a heading of a new one */
	if (last == '.' || last == ',' || last == ';' || last == ':')
		return 0;
	int words = 1;
	for (size_t i = a; i < b; i++)
		if (s[i] == ' ')
			words++;
	return words <= 10;
}

/* Splits the cleaned text into lines at its '\n's, which are at nl[0 ..
 * n_nl) in order (as the builder recorded them), and classifies them. */
static ec_err classify(ex_doc *d, const size_t *nl, size_t n_nl)
{
	const char *s = d->clean;
	size_t len = d->clean_len, n = n_nl + 1;
	d->lines = malloc(n * sizeof *d->lines);
	if (!d->lines)
		return EC_ENOMEM;
	for (size_t k = 0, i = 0; k < n; k++) {
		size_t e = k < n_nl ? nl[k] : len;
		ex_line *L = &d->lines[k];
		memset(L, 0, sizeof *L);
		L->start = i;
		L->end = e;
		i = e + 1;
	}
	d->n_lines = n;
	int role = EX_ROLE_COMPANY, qa = 0, outlook = 0, speakers = 0;
	for (size_t k = 0; k < n; k++) {
		ex_line *L = &d->lines[k];
		int r, q;
		/* the line trimmed once for the tests below (a line that is not
		 * blank holds a byte other than ' ' and '\t': trimming the
		 * right from ta ends where trimming it from L->start does) */
		size_t ta = 0, tb = 0;
		if (is_blank(s + L->start, L->end - L->start)) {
			L->cls = EX_L_BLANK;
		} else if (ta = trim_left(s, L->start, L->end), tb = trim_right(s, ta, L->end),
		           (q = qa_marker_t(s, ta, tb))) {
			L->cls = EX_L_SECTION;
			qa = q == 2;
			role = EX_ROLE_COMPANY;
		} else if ((r = speaker_line_t(d, s, ta, tb))) {
			L->cls = EX_L_SPEAKER;
			role = r - 1;
			speakers++;
			if (role == EX_ROLE_ANALYST)
				qa = 1;
		} else if (table_line_t(s, ta, tb, L->end)) {
			L->cls = EX_L_TABLE;
		} else if (bullet_line_t(s, ta, L->end)) {
			L->cls = EX_L_BULLET;
		} else {
			L->cls = EX_L_TEXT;
			/* "Sam Lee - Acme - CFO: Thank you. Revenue was ...": a
			 * speaker named at the start of the line */
			size_t span = L->end - L->start < 110 ? L->end - L->start : 110;
			const char *cp = memchr(s + L->start, ':', span);
			size_t colon = cp ? (size_t)(cp - s) : L->start + span;
			if (colon < L->end && s[colon] == ':' && colon + 1 < L->end && s[colon + 1] == ' ' &&
			    !ex_collapsed_turns(s, colon + 1, L->end) &&
			    (r = speaker_line(d, s, L->start, colon))) {
				role = r - 1;
				speakers++;
				if (role == EX_ROLE_ANALYST)
					qa = 1;
				L->turn = 1;
			}
			int before = k == 0 || d->lines[k - 1].cls == EX_L_BLANK;
			size_t nx = k + 1;
			int after = 1;
			if (nx < n) {
				const ex_line *N = &d->lines[nx];
				after = is_blank(s + N->start, N->end - N->start);
			}
			if (before && after && heading_text_t(s, ta, tb)) {
				L->cls = EX_L_HEADING;
				size_t hs = L->start, hn = L->end - L->start;
				outlook = contains_ci(s + hs, hn, "outlook") || contains_ci(s + hs, hn, "guidance") ||
				          contains_ci(s + hs, hn, "forecast");
			}
		}
		L->role = role;
		L->qa = qa;
		L->outlook = outlook;
		d->work += L->end - L->start + 1;
	}
	d->kind = speakers >= 2 ? EC_DOC_TRANSCRIPT : EC_DOC_RELEASE;
	return EC_OK;
}

/* Flags of a raw line in ex_doc_prepare. */
enum { LF_PLAIN = 1, LF_FUR = 2 };

/* Doubles the capacity *cap of d->raw_lines and of the flags *lflag of
 * the lines alike.  Returns nonzero when out of memory. */
static int grow_lines(ex_doc *d, unsigned char **lflag, size_t *cap)
{
	size_t c = *cap ? *cap * 2 : 256;
	size_t *l = realloc(d->raw_lines, c * sizeof *l);
	if (!l)
		return 1;
	d->raw_lines = l;
	unsigned char *f = realloc(*lflag, c);
	if (!f)
		return 1;
	*lflag = f;
	*cap = c;
	return 0;
}

/* Appends the raw line start r to d->raw_lines (growing it and *lflag).
 * Returns nonzero when out of memory. */
static inline int push_line(ex_doc *d, unsigned char **lflag, size_t *cap, size_t r)
{
	if (d->n_raw_lines == *cap && grow_lines(d, lflag, cap))
		return 1;
	d->raw_lines[d->n_raw_lines++] = r;
	return 0;
}

/* An error before the cleaned text: the line starts and flags go. */
static ec_err prepare_fail(ex_doc *d, unsigned char *lflag, ec_err rc)
{
	free(lflag);
	free(d->raw_lines);
	d->raw_lines = NULL;
	d->n_raw_lines = 0;
	return rc;
}

/* Some byte of the eight in w is markup for clean_line: '\\' '<' '*' '_'. */
static inline int markup8(uint64_t w)
{
	return ex_has_byte8(w, '\\') || ex_has_byte8(w, '<') || ex_has_byte8(w, '*') ||
	       ex_has_byte8(w, '_');
}

#if defined(__SSE2__)
/* 0xff in each byte of v that is '\\' '<' '*' or '_'. */
static inline __m128i markup16(__m128i v)
{
	__m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
	                         _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('*')));
	return _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
}
#endif

ec_err ex_doc_prepare(ex_doc *d, const char *raw, size_t len,
                      const char *name, const ec_extract_opts *o,
                      ec_error *err)
{
	memset(d, 0, sizeof *d);
	d->raw = raw;
	d->raw_len = len;
	d->guidance_basis = -1;
	size_t max_bytes = o && o->max_bytes ? o->max_bytes : (size_t)256 << 20;
	size_t max_line = o && o->max_line ? o->max_line : (size_t)64 << 20;
	if (len > max_bytes)
		return ec_error_set(err, EC_ELIMIT, name, 0, 0,
		                    "document is %zu bytes, the limit is %zu", len, max_bytes);
	if (len >= UINT32_MAX)
		return ec_error_set(err, EC_ELIMIT, name, 0, 0, "document too large");
	/* Binary data: NUL bytes, or many control bytes / invalid UTF-8.  The
	 * same pass records the raw line starts and which lines are plain:
	 * every byte a plain_byte(), so that clean_line copies them as they
	 * are (lflag bit LF_PLAIN; LF_FUR below). */
	const unsigned char *u = (const unsigned char *)raw;
	size_t bad = 0, ctl = 0, lines = 1, ls = 0, cap_lines = 0;
	unsigned char *lflag = NULL;
	int plain = 1; /* the line being read holds plain bytes only */
	if (push_line(d, &lflag, &cap_lines, 0))
		return prepare_fail(d, lflag, ec_error_set(err, EC_ENOMEM, name, 0, 0, "out of memory"));
	for (size_t i = 0; i < len;) {
		/* sixteen (SSE2) or eight bytes of printable ASCII at once: the
		 * common case; markup bytes too stop it while the line is
		 * plain */
		int found = 0; /* i is at a byte the loops stop at */
#if defined(__SSE2__)
		while (i + 16 <= len) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
			/* below 0x20 or from 0x80 on: less than 0x20 as signed */
			int mk = _mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
			if (plain)
				mk |= _mm_movemask_epi8(markup16(v));
			if (mk) {
				i += (size_t)__builtin_ctz((unsigned)mk); /* that byte */
				found = 1;
				break;
			}
			i += 16;
		}
#endif
		while (!found && i + 8 <= len) {
			uint64_t w;
			memcpy(&w, u + i, 8);
			if ((w | (w - 0x2020202020202020u)) & 0x8080808080808080u)
				break;
			if (plain && markup8(w))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		unsigned char c = u[i];
		if (!plain_byte(c))
			plain = 0; /* markup, '\v' '\f' '\r', or not ASCII */
		if (c >= 0x20 && c < 0x80) {
			i++; /* plain ASCII: the common case */
			continue;
		}
		if (c == 0)
			return prepare_fail(d, lflag,
			                    ec_error_set(err, EC_EPARSE, name, (long)lines, (long)(i - ls + 1),
			                                 "binary file (NUL byte), not a text document"));
		if (c == '\n') {
			if (i - ls > max_line)
				return prepare_fail(d, lflag,
				                    ec_error_set(err, EC_ELIMIT, name, (long)lines, 0,
				                                 "line is %zu bytes, the limit is %zu", i - ls,
				                                 max_line));
			lflag[lines - 1] = plain ? LF_PLAIN : 0;
			if (push_line(d, &lflag, &cap_lines, i + 1))
				return prepare_fail(d, lflag,
				                    ec_error_set(err, EC_ENOMEM, name, 0, 0, "out of memory"));
			lines++;
			ls = i + 1;
			plain = 1;
			i++;
			continue;
		}
		if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') {
			ctl++;
			i++;
			continue;
		}
		int n = utf8_len(u, len, i);
		if (!n) {
			bad++;
			i++;
			continue;
		}
		i += (size_t)n;
	}
	lflag[lines - 1] = plain ? LF_PLAIN : 0;
	if (len - ls > max_line)
		return prepare_fail(d, lflag,
		                    ec_error_set(err, EC_ELIMIT, name, (long)lines, 0,
		                                 "line is %zu bytes, the limit is %zu", len - ls, max_line));
	if ((bad + ctl) * 20 > len + 20)
		return prepare_fail(d, lflag,
		                    ec_error_set(err, EC_EPARSE, name, 0, 0,
		                                 "not a text document (%zu invalid UTF-8 or control bytes "
		                                 "in %zu)",
		                                 bad + ctl, len));
	/* furniture blocks */
	for (size_t k = 0; k < d->n_raw_lines; k++) {
		size_t a = d->raw_lines[k];
		size_t b = k + 1 < d->n_raw_lines ? d->raw_lines[k + 1] - 1 : len;
		if (b - a <= 400 && furniture(raw + a, b - a))
			lflag[k] |= LF_FUR;
	}
	unsigned char *fur = lflag; /* fur[k] & LF_FUR: line k is furniture */
	builder b = {d, 0, 0, 0, 0, 1, NULL, 0, 0};
	/* The cleaned text is never longer than the raw text (+ a margin):
	 * allocate once. */
	d->clean = malloc(len + 16);
	if (!d->clean) {
		free(fur);
		return ec_error_set(err, EC_ENOMEM, name, 0, 0, "out of memory");
	}
	b.cap = len + 16;
	int join_next = 0;
	for (size_t k = 0; k < d->n_raw_lines; k++) {
		size_t a = d->raw_lines[k];
		size_t e = k + 1 < d->n_raw_lines ? d->raw_lines[k + 1] - 1 : len;
		if (fur[k] & LF_FUR) {
			/* A block of furniture and blank lines: drop it; join the
			 * text around it unless the text before ended a sentence. */
			size_t j = k;
			while (j < d->n_raw_lines) {
				size_t a2 = d->raw_lines[j];
				size_t e2 = j + 1 < d->n_raw_lines ? d->raw_lines[j + 1] - 1 : len;
				if (!(fur[j] & LF_FUR) && !is_blank(raw + a2, e2 - a2))
					break;
				j++;
			}
			/* blank lines already emitted before the block */
			while (d->clean_len > 0 && (d->clean[d->clean_len - 1] == '\n' ||
			                            d->clean[d->clean_len - 1] == ' '))
				d->clean_len--;
			while (d->n_segs > 0 && d->segs[d->n_segs - 1].cstart >= d->clean_len)
				d->n_segs--;
			drop_nl(&b);
			b.last_raw = (size_t)-1; /* the next byte starts a segment */
			char lastc = d->clean_len ? d->clean[d->clean_len - 1] : '.';
			int ends = lastc == '.' || lastc == '?' || lastc == '!' || lastc == ':' || lastc == '"';
			emit_nl(&b, a);
			if (ends || j >= d->n_raw_lines)
				emit_nl(&b, a);
			else
				barrier(&b);
			k = j - 1;
			continue;
		}
		if (join_next) {
			/* the rest of a word split by a hyphen at the line end */
			while (a < e && (raw[a] == ' ' || raw[a] == '\t'))
				a++;
			join_next = 0;
		}
		if (!pipe_row(&b, raw, a, e, fur[k] & LF_PLAIN))
			clean_line(&b, raw, a, e, fur[k] & LF_PLAIN);
		/* "in the prior-" + "year period": one word, so that phrases
		 * and periods read across the break */
		size_t cl = d->clean_len; /* without the blank of a CRLF line end */
		if (e > a && raw[e - 1] == '\r')
			while (cl > 0 && d->clean[cl - 1] == ' ')
				cl--;
		/* the '-' first: most lines stop there */
		if (cl >= 2 && d->clean[cl - 1] == '-' && e < len && k + 1 < d->n_raw_lines &&
		    !(fur[k + 1] & LF_FUR) && ex_is_alpha((unsigned char)d->clean[cl - 2])) {
			size_t n0 = d->raw_lines[k + 1];
			while (n0 < len && (raw[n0] == ' ' || raw[n0] == '\t'))
				n0++;
			if (n0 < len && raw[n0] >= 'a' && raw[n0] <= 'z') {
				d->clean_len = cl;
				while (d->n_segs > 0 && d->segs[d->n_segs - 1].cstart >= d->clean_len)
					d->n_segs--;
				drop_nl(&b);
				b.last_raw = (size_t)-1; /* the next byte starts a segment */
				join_next = 1;
				continue;
			}
		}
		if (e < len)
			emit_nl(&b, e);
	}
	free(fur);
	if (!b.ok) {
		free(b.nl);
		return ec_error_set(err, EC_ENOMEM, name, 0, 0, "out of memory");
	}
	if (!d->clean) {
		d->clean = malloc(1);
		if (!d->clean) {
			free(b.nl);
			return ec_error_set(err, EC_ENOMEM, name, 0, 0, "out of memory");
		}
	}
	d->clean[d->clean_len] = 0;
	/* validation, line starts and cleaning each read the raw text once */
	d->work += 3 * len;
	ec_err rc = classify(d, b.nl, b.n_nl);
	free(b.nl);
	if (rc)
		return ec_error_set(err, EC_ENOMEM, name, 0, 0, "out of memory");
	return EC_OK;
}

void ex_doc_free(ex_doc *d)
{
	free(d->clean);
	free(d->segs);
	free(d->barriers);
	free(d->raw_lines);
	free(d->lines);
	for (size_t i = 0; i < d->n_known; i++)
		free(d->known[i]);
	free(d->known);
	memset(d, 0, sizeof *d);
}

size_t ex_doc_raw(const ex_doc *d, size_t c)
{
	if (!d->n_segs)
		return c;
	size_t lo = 0, hi = d->n_segs;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->segs[mid].cstart <= c)
			lo = mid;
		else
			hi = mid;
	}
	size_t r = d->segs[lo].rstart + (c - d->segs[lo].cstart);
	return r < d->raw_len ? r : d->raw_len;
}

long ex_doc_line(const ex_doc *d, size_t r)
{
	size_t lo = 0, hi = d->n_raw_lines;
	if (!hi)
		return 1;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->raw_lines[mid] <= r)
			lo = mid;
		else
			hi = mid;
	}
	return (long)lo + 1;
}

int ex_doc_barrier_between(const ex_doc *d, size_t a, size_t b, size_t *where)
{
	for (size_t lo = 0, hi = d->n_barriers; lo < hi;) {
		size_t mid = (lo + hi) / 2;
		size_t x = d->barriers[mid];
		if (x <= a)
			lo = mid + 1;
		else if (x >= b)
			hi = mid;
		else {
			if (where)
				*where = x;
			return 1;
		}
	}
	return 0;
}

void ex_doc_quote(const ex_doc *d, size_t a, size_t b, char *buf, size_t n)
{
	size_t o = 0;
	if (n == 0)
		return;
	buf[0] = 0;
	if (b <= a)
		return;
	size_t ra = ex_doc_raw(d, a), rb = ex_doc_raw(d, b - 1) + 1;
	if (rb > d->raw_len)
		rb = d->raw_len;
	const unsigned char *u = (const unsigned char *)d->raw;
	int space = 0;
	const uint64_t ones = 0x0101010101010101u;
	for (size_t i = ra; i < rb && o + 4 < n;) {
#if defined(__SSE2__)
		/* sixteen bytes at a time while they are ASCII from 0x20 on or
		 * white space, with no two white space bytes in a row, and the
		 * loop would copy all of them (o + 21 <= n: o + 4 < n before
		 * each, and one blank before them): each white space byte
		 * becomes a blank, as the byte loop below writes it (one
		 * pending blank, written before the next other byte while o >
		 * 0); so a leading one is written as the pending blank (none
		 * at o == 0), and a trailing one is left pending */
		if (i + 16 <= rb && o + 21 <= n) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
			__m128i ws = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
			                          _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x08)),
			                                        _mm_cmplt_epi8(v, _mm_set1_epi8(0x0e))));
			/* other bytes below 0x20, or from 0x80 on (negative) */
			__m128i bad = _mm_andnot_si128(ws, _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
			unsigned bl = (unsigned)_mm_movemask_epi8(ws);
			if (!_mm_movemask_epi8(bad) && !(bl & (bl >> 1))) {
				v = _mm_or_si128(_mm_andnot_si128(ws, v), _mm_and_si128(ws, _mm_set1_epi8(' ')));
				if (!(bl & 1u)) {
					if (space && o > 0)
						buf[o++] = ' ';
					_mm_storeu_si128((__m128i *)(void *)(buf + o), v);
					o += 16;
				} else if (o > 0) { /* the blank is the pending one */
					_mm_storeu_si128((__m128i *)(void *)(buf + o), v);
					o += 16;
				} else { /* nothing is written yet: no blank */
					_mm_storeu_si128((__m128i *)(void *)(buf + o), _mm_srli_si128(v, 1));
					o += 15;
				}
				space = 0;
				if (bl & 0x8000u) { /* pending, not written yet */
					o--;
					space = 1;
				}
				i += 16;
				continue;
			}
		}
#endif
		/* eight bytes at a time while they are ASCII from 0x20 on,
		 * with single blanks between other bytes (which the loop below
		 * copies as they are), and it would copy all of them (o + 4 <
		 * n before each, and one blank before them) */
		if (i + 8 <= rb && o + 13 <= n) {
			uint64_t x;
			memcpy(&x, u + i, 8);
			/* per byte below 0x80: high bit of x + 0x60 when x >= 0x20 */
			uint64_t ok = ~x & ((x & ones * 0x7f) + ones * 0x60) & ones * 0x80;
			if (ok == ones * 0x80) {
				/* the blanks, exactly per byte (y = 0 there; y + 0x7f
				 * carries nowhere as y < 0x80) */
				uint64_t y = x ^ (ones * ' ');
				uint64_t bl = ~(y + ones * 0x7f) & ones * 0x80;
				if (!(bl & (bl >> 8)) && !(bl & 0x80u) && !(bl >> 56)) {
					if (space && o > 0)
						buf[o++] = ' ';
					space = 0;
					memcpy(buf + o, &x, 8);
					o += 8;
					i += 8;
					continue;
				}
			}
		}
		unsigned char c = u[i];
		/* printable ASCII other than the blank first: the common case
		 * (white space and controls are all below 0x21) */
		if (c > ' ' && c < 0x80) {
			if (space && o > 0)
				buf[o++] = ' ';
			space = 0;
			buf[o++] = (char)c;
			i++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			space = 1;
			i++;
			continue;
		}
		if (space && o > 0)
			buf[o++] = ' ';
		space = 0;
		if (c < 0x20) {
			i++;
			continue;
		}
		if (c < 0x80) {
			buf[o++] = (char)c;
			i++;
			continue;
		}
		int l = utf8_len(u, d->raw_len, i);
		if (!l) {
			buf[o++] = (char)0xef;
			buf[o++] = (char)0xbf;
			buf[o++] = (char)0xbd;
			i++;
			continue;
		}
		if (o + (size_t)l + 1 >= n)
			break;
		memcpy(buf + o, u + i, (size_t)l);
		o += (size_t)l;
		i += (size_t)l;
	}
	buf[o] = 0;
}

void ex_doc_add_known(ex_doc *d, const char *w, size_t n)
{
	while (n > 0 && (w[n - 1] == ',' || w[n - 1] == '.' || w[n - 1] == ':'))
		n--;
	if (n == 0 || n > 40 || ex_doc_is_known(d, w, n) || d->n_known >= 4096)
		return;
	if (d->n_known == d->cap_known) {
		size_t cap = d->cap_known ? d->cap_known * 2 : 32;
		char **k = realloc(d->known, cap * sizeof *k);
		if (!k)
			return; /* a smaller lexicon is not an error */
		d->known = k;
		d->cap_known = cap;
	}
	char *c = malloc(n + 1);
	if (!c)
		return;
	memcpy(c, w, n);
	c[n] = 0;
	d->known[d->n_known++] = c;
}

int ex_doc_is_known(const ex_doc *d, const char *w, size_t n)
{
	if (n == 0)
		return 0; /* no known word is empty */
	/* the first byte first: most words differ there; then byte by byte
	 * while they agree, which stops at the known word's NUL (no byte of
	 * w is compared past it: a NUL in w at k < n differs from the known
	 * word, which has no byte k then), and the known word must end at n:
	 * the same as strlen() == n && memcmp() == 0, without the strlen (no
	 * known word is empty: see ex_doc_add_known) */
	for (size_t i = 0; i < d->n_known; i++) {
		const char *k = d->known[i];
		if (k[0] != w[0])
			continue;
		size_t j = 1;
		while (j < n && k[j] == w[j] && k[j])
			j++;
		if (j == n && k[n] == 0)
			return 1;
	}
	return 0;
}
