/* The fast paths of the text stage (text.c) against plain reference
 * versions of the same tests: the furniture hash and its first-byte tests,
 * the speaker-line, section-marker and table-row classifiers with their
 * one-pass and sixteen-byte prefilters, the plain-line flag of the
 * validation pass, the sixteen-byte quote copy and the known-word lookup.
 * The references are the code these replaced, kept here as the
 * specification.  text.c is included so that its static functions can be
 * called (its external definitions then come from this program, not from
 * the library). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.c"
#include "testlib.h"

/* The classifiers on an untrimmed line, as classify calls them after
 * trimming it. */
static int qa_marker(const char *s, size_t a, size_t b)
{
	a = trim_left(s, a, b);
	return qa_marker_t(s, a, trim_right(s, a, b));
}

static int table_line(const char *s, size_t a, size_t b)
{
	return table_line_t(s, trim_left(s, a, b), trim_right(s, a, b), b);
}

/* ---- references ------------------------------------------------------ */

static int ref_furniture(const char *s, size_t n)
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
	/* every start, compared in full */
	for (size_t k = 0; k + 7 <= m; k++)
		if (vendor_at(t + k, m - k))
			return 1;
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
	if (spaced_caps(t, m) && contains_ci(t, m, "t r a n s c r i p t"))
		return 1;
	/* "Oct. 19. 2010 / 8:45PM, JNPR - Q3 2010 ... Call" (a '/' after the
	 * date: without one in the line, no date is read) */
	int y, mo, d;
	size_t de;
	if (memchr(t, '/', m) && ex_date_parse(t, m, 0, &y, &mo, &d, &de)) {
		size_t k = ex_skip_ws(t, m, de);
		if (k < m && t[k] == '/')
			return 1;
	}
	return 0;
}

static int ref_speaker_line(ex_doc *d, const char *s, size_t a, size_t b)
{
	a = trim_left(s, a, b);
	b = trim_right(s, a, b);
	size_t n = b - a;
	if (n == 0 || n > 110)
		return 0;
	if ((n == 8 && strncmp(s + a, "Operator", 8) == 0) ||
	    (n == 9 && strncmp(s + a, "Operator:", 9) == 0))
		return EX_ROLE_OPERATOR + 1;
	/* fields separated by " - " or " -- " or " – ": none without a '-'
	 * or the lead byte of the dash (two memchr, most lines stop here) */
	if (!has_pair(s, a, b, ' ', '-') && !has_pair(s, a, b, ' ', 0xe2))
		return 0;
	size_t seps[4];
	int nsep = 0;
	for (size_t i = a; i + 2 < b && nsep < 4; i++) {
		if (s[i] == ' ' && s[i + 1] == '-' && (s[i + 2] == ' ' || (s[i + 2] == '-' && i + 3 < b && s[i + 3] == ' '))) {
			seps[nsep++] = i;
			i += 2;
		} else if (s[i] == ' ' && i + 4 < b && (unsigned char)s[i + 1] == 0xe2 &&
		           (unsigned char)s[i + 2] == 0x80 &&
		           ((unsigned char)s[i + 3] == 0x93 || (unsigned char)s[i + 3] == 0x94) && s[i + 4] == ' ') {
			seps[nsep++] = i;
			i += 4;
		}
	}
	if (nsep < 1 || nsep > 3)
		return 0;
	/* the name: 2..5 words, each capitalised, no digits */
	int words = 0;
	size_t i = a;
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
	/* no sentence inside */
	for (size_t k = a; k < b; k++)
		if (s[k] == '?' || s[k] == '!' || s[k] == ';' || (s[k] >= '0' && s[k] <= '9'))
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

static int ref_qa_marker(const char *s, size_t a, size_t b)
{
	a = trim_left(s, a, b);
	b = trim_right(s, a, b);
	size_t n = b - a;
	if (n == 0 || n > 60)
		return 0;
	const char *t = s + a;
	if (spaced_caps(t, n))
		return contains_ci(t, n, "q u e s t i o n") ? 2 : 1;
	/* the three long forms all hold "question": one scan for most lines,
	 * after a memchr for its first letter */
	int q = memchr(t, 'q', n) || memchr(t, 'Q', n);
	if ((q && contains_ci(t, n, "question") &&
	     (contains_ci(t, n, "question-and-answer") || contains_ci(t, n, "question and answer") ||
	      contains_ci(t, n, "questions and answers"))) ||
	    (n <= 4 && q && contains_ci(t, n, "q&a")))
		return 2;
	if ((n == 12 && contains_ci(t, n, "presentation")) || contains_ci(t, n, "prepared remarks"))
		return 1;
	return 0;
}

static int ref_table_line(const char *s, size_t a, size_t b)
{
	size_t a2 = trim_left(s, a, b);
	size_t b2 = trim_right(s, a, b);
	if (a2 >= b2)
		return 0;
	/* a tab after some content (between cells or closing empty cells) */
	if (memchr(s + a2, '\t', b - a2))
		return 1;
	b = b2;
	/* a cell of a flattened table on its own line: "%" after a number,
	 * an em or en dash for zero */
	if ((b - a2 == 1 && (s[a2] == '%' || s[a2] == '-')) ||
	    (b - a2 == 3 && (unsigned char)s[a2] == 0xe2 && (unsigned char)s[a2 + 1] == 0x80 &&
	     ((unsigned char)s[a2 + 2] == 0x93 || (unsigned char)s[a2 + 2] == 0x94)))
		return 1;
	/* every test below needs a number (a digit) or a '$' */
	{
		size_t i = a2;
#if defined(__SSE2__)
		while (i + 16 <= b) { /* sixteen bytes at a time first */
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i hit = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
			                                         _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1))),
			                           _mm_cmpeq_epi8(v, _mm_set1_epi8('$')));
			if (_mm_movemask_epi8(hit))
				break;
			i += 16;
		}
#endif
		while (i + 8 <= b) { /* eight bytes at a time first */
			uint64_t x;
			memcpy(&x, s + i, 8);
			if (ex_has_digit8(x) || ex_has_byte8(x, '$'))
				break;
			i += 8;
		}
		while (i < b && !((unsigned char)(s[i] - '0') < 10) && s[i] != '$')
			i++;
		if (i == b)
			return 0;
	}
	int nums = 0, other = 0, run = 0, wide = 0;
	/* without a run of three blanks wide stays 0: then the first word
	 * that is not a number decides (other > 0 gives 0 below) */
	int can_be_wide = has_pair(s, a2, b, ' ', ' ') && has_three_blanks(s, a2, b);
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
		if (ex_num_parse(s, b, i, &n)) {
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

static int ref_collapsed_turns(const char *s, size_t a, size_t b)
{
	/* only a ':' followed by a blank opens a turn */
	if (!has_pair(s, a, b, ':', ' '))
		return 0;
	int words = 0, caps = 1;
	for (size_t i = a; i < b; i++) {
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

/* Reference quote: the byte loop of ex_doc_quote alone. */
static void ref_quote(const ex_doc *d, size_t a, size_t b, char *buf, size_t n)
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
	for (size_t i = ra; i < rb && o + 4 < n;) {
		unsigned char c = u[i];
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

static int ref_is_known(const ex_doc *d, const char *w, size_t n)
{
	for (size_t i = 0; i < d->n_known; i++)
		if (strlen(d->known[i]) == n && memcmp(d->known[i], w, n) == 0)
			return 1;
	return 0;
}

/* ---- random text ----------------------------------------------------- */

static unsigned long long rng = 0x9e3779b97f4a7c15ull;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Pieces that the tests look for, cut and mixed with their neighbours. */
static const char *const pieces[] = {
	"StreetEvents", "streetevents", "Thomson", "THOMSON", "Refinitiv", "rights reserved",
	"Rights Reserved", "republished", "Republication", "CallStreet", "written consent",
	"www.streetevents.com", "Reuters", "Page 3 of 12", "12", "2010", "1999", " / ",
	"Oct. 19. 2010 / 8:45PM", "Jan 5, 2011 / ", "2024-01-05 / x", "F I N A L  T R A N S C R I P T",
	"P R E S E N T A T I O N", "Q U E S T I O N S", "\xc2\xa9 2010", "Operator", "Operator:",
	"Kevin Johnson", " - ", " -- ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " -", "- ", "Juniper Networks",
	"Inc.", "Co.", " - Analyst", "CEO", "Question-and-Answer", "question and answer",
	"Questions and Answers", "Q&A", "q&a", "Presentation", "Prepared Remarks", "prepared remarks",
	"Revenue", "$", "$1.2", "12.5%", "(1,900)", "\t", "   ", "  ", " ", "?", "!", ";", ":", ": ",
	".", "\r", "\f", "\v", "*", "**", "_", "__", "\\$", "<u>", "</u>", "<", "\\", "#", "## ",
	"\xe2\x80\xa2 ", "\xe2\x80\x99", "\xc2\xa0", "\xe2\x80\xaf", "\xff", "\x80", "\x01", "-",
	"%", "a", "the quarter", "Sam Lee", "Acme Corp", "US$5", "US$ 12", "\xe2\x88\x92" "3.1",
	"-4", "(12)", "$ (1.89)", "1,283", "0.5", "Q3"};

/* A random line (no '\n') of up to max bytes into buf; its length. */
static size_t rand_line(char *buf, size_t max)
{
	size_t n = 0, want = rnd((unsigned)max + 1);
	while (n < want) {
		const char *p = pieces[rnd(sizeof pieces / sizeof pieces[0])];
		size_t l = strlen(p);
		size_t from = rnd(4) == 0 ? rnd((unsigned)l) : 0; /* sometimes a cut piece */
		for (size_t k = from; k < l && n < want; k++)
			buf[n++] = p[k];
		if (n < want && rnd(3) == 0)
			buf[n++] = ' ';
	}
	return n;
}

/* ---- checks ---------------------------------------------------------- */

static void check_classifiers(void)
{
	int bad_fur = 0, bad_qa = 0, bad_spk = 0, bad_tab = 0, bad_known = 0, bad_turns = 0;
	char buf[520];
	ex_doc d1, d2;
	memset(&d1, 0, sizeof d1);
	memset(&d2, 0, sizeof d2);
	for (int it = 0; it < 60000; it++) {
		size_t n = rand_line(buf, it % 4 == 0 ? 400 : 120);
		/* the line inside a larger buffer, as in a document: the
		 * sixteen-byte tests must not read past b */
		if (furniture(buf, n) != ref_furniture(buf, n))
			bad_fur++;
		if (qa_marker(buf, 0, n) != ref_qa_marker(buf, 0, n))
			bad_qa++;
		if (table_line(buf, 0, n) != ref_table_line(buf, 0, n))
			bad_tab++;
		for (size_t a = 0; a < n && a < 20; a += 1 + rnd(6))
			if (ex_collapsed_turns(buf, a, n) != ref_collapsed_turns(buf, a, n))
				bad_turns++;
		size_t k1 = d1.n_known;
		if (speaker_line(&d1, buf, 0, n) != ref_speaker_line(&d2, buf, 0, n) ||
		    d1.n_known != d2.n_known)
			bad_spk++;
		for (size_t k = k1; k < d1.n_known; k++)
			if (strcmp(d1.known[k], d2.known[k]) != 0)
				bad_spk++;
		/* known words: the words of the line, whole and cut */
		for (size_t i = 0; i < n && i < 40; i += 1 + rnd(8)) {
			size_t l = 1 + rnd(12);
			if (i + l > n)
				l = n - i;
			if (ex_doc_is_known(&d1, buf + i, l) != ref_is_known(&d1, buf + i, l))
				bad_known++;
		}
	}
	/* every vendor word at every offset, in every case mix that
	 * furniture reads as one (each letter | 0x20) */
	static const char *const vw[] = {"streetevents", "thomson", "refinitiv", "rights reserved",
	                                 "republished", "republication", "callstreet", "written consent"};
	for (size_t w = 0; w < sizeof vw / sizeof vw[0]; w++)
		for (size_t off = 0; off < 40; off++)
			for (int cut = 0; cut < 2; cut++) {
				size_t l = strlen(vw[w]) - (size_t)cut; /* cut: one byte short */
				memset(buf, 'x', off);
				for (size_t k = 0; k < l; k++)
					buf[off + k] = rnd(2) ? (char)(vw[w][k] & ~0x20 & 0xff) : vw[w][k];
				for (size_t k = 0; k < l; k++)
					if (vw[w][k] == ' ')
						buf[off + k] = ' ';
				for (size_t tail = 0; tail < 9; tail++) {
					memset(buf + off + l, 'y', tail);
					size_t n = off + l + tail;
					if (furniture(buf, n) != ref_furniture(buf, n) ||
					    furniture(buf, n) != !cut)
						bad_fur++;
				}
			}
	CHECK(bad_fur == 0, "furniture: hashed windows and first-byte tests as every start (%d differ)", bad_fur);
	CHECK(bad_qa == 0, "qa_marker: one scan for 'q' and 'p' as the memchr and contains_ci tests (%d differ)", bad_qa);
	CHECK(bad_spk == 0, "speaker_line: one-pass prefilter and separators as before (%d differ)", bad_spk);
	CHECK(bad_tab == 0, "table_line: tab and digit in one pass as before (%d differ)", bad_tab);
	CHECK(bad_turns == 0, "ex_collapsed_turns: sixteen bytes of events at a time as the byte loop (%d differ)",
	      bad_turns);
	CHECK(bad_known == 0, "ex_doc_is_known without strlen as with it (%d differ)", bad_known);
	ex_doc_free(&d1);
	ex_doc_free(&d2);
}

static void check_quote(void)
{
	int bad = 0;
	char raw[700], q1[300], q2[300];
	static const char *const ws[] = {" ", "  ", "\t", "\n", "\r\n", "\f", "\v", " \n "};
	for (int it = 0; it < 40000; it++) {
		size_t n = 0, want = rnd(600);
		while (n < want) {
			int r = rnd(10);
			if (r < 6) { /* a word */
				size_t l = 1 + rnd(12);
				for (size_t k = 0; k < l && n < want; k++)
					raw[n++] = (char)('a' + rnd(26));
			} else if (r < 9) {
				const char *w = ws[rnd(sizeof ws / sizeof ws[0])];
				for (size_t k = 0; w[k] && n < want; k++)
					raw[n++] = w[k];
			} else {
				const char *p = pieces[rnd(sizeof pieces / sizeof pieces[0])];
				for (size_t k = 0; p[k] && n < want; k++)
					raw[n++] = p[k];
			}
		}
		ex_doc d;
		memset(&d, 0, sizeof d);
		d.raw = raw;
		d.raw_len = n;
		size_t a = n ? rnd((unsigned)n) : 0, b = a + rnd((unsigned)(n - a + 1));
		size_t cap = 1 + rnd(299);
		memset(q1, 'X', sizeof q1);
		memset(q2, 'Y', sizeof q2);
		ex_doc_quote(&d, a, b, q1, cap);
		ref_quote(&d, a, b, q2, cap);
		if (strcmp(q1, q2) != 0)
			bad++;
	}
	CHECK(bad == 0, "ex_doc_quote: sixteen and eight bytes at a time as the byte loop (%d differ)", bad);
}

/* The cleaned text of one line as clean_line writes it without the
 * plain flag (every byte read). */
static void slow_clean(const char *raw, size_t n, char *out, size_t *on)
{
	ex_doc d;
	memset(&d, 0, sizeof d);
	builder b = {&d, 0, 0, 0, 0, 1, NULL, 0, 0};
	clean_line(&b, raw, 0, n, 0);
	memcpy(out, d.clean, d.clean_len);
	*on = d.clean_len;
	free(d.clean);
	free(d.segs);
}

static void check_plain(void)
{
	/* every byte value at every offset of a line: the plain flag of the
	 * validation pass (sixteen, eight and one byte at a time) must
	 * never let clean_line skip a byte it would change */
	int bad = 0;
	char raw[64], want[128];
	for (int c = 1; c < 256; c++) {
		if (c == '\n')
			continue;
		for (size_t at = 0; at < 40; at++) {
			size_t n = 40;
			memset(raw, 'a', n);
			raw[at] = (char)c;
			ec_extract_opts o;
			memset(&o, 0, sizeof o);
			ex_doc d;
			size_t wn;
			slow_clean(raw, n, want, &wn);
			if (ex_doc_prepare(&d, raw, n, "t", &o, NULL) != EC_OK || d.clean_len != wn ||
			    memcmp(d.clean, want, wn) != 0)
				bad++;
			ex_doc_free(&d);
		}
	}
	CHECK(bad == 0, "plain lines: copied as clean_line reads them byte by byte (%d differ)", bad);
}

int main(void)
{
	check_classifiers();
	check_quote();
	check_plain();
	return ec_test_done();
}
