/* Clause boundaries in unpunctuated speech.  A speech-to-text transcript
 * often has no full stops: "... one point two billion dollars in the
 * second quarter gap gross margin was fifty eight point four percent and
 * non gap gross margin was sixty one percent ...".  Read as one sentence,
 * every number in it would share the periods, basis words and forecast
 * verbs of the whole stretch.  This module finds where a new statement
 * starts, from what a speaker does when a stated figure is finished:
 *   - a basis word or a metric phrase right after a figure ("... percent
 *     gap operating income was", "... million and capital expenditures");
 *   - a new subject or a discourse word after a figure ("... million we
 *     ended the quarter", "... last year operating cash flow", "... million
 *     now turning to guidance");
 *   - a period that leads a new statement ("for the full year we now
 *     expect", "for the fourth quarter we expect");
 *   - the hand-overs of a call ("thank you", "with that", "our next
 *     question").
 * With no speaker lines in such a text, ex_clause_kind tells where the
 * questions start and which statements an analyst makes ("so you did
 * like one point two billion in revenue"). 
 * The text is the cleaned text, where spoken numbers already are digits
 * (spoken.c). */
#include <string.h>

#include "ex.h"
#include "lex.h"

/* A run this long with no sentence end in its first UNPUNCT_SPAN bytes is
 * unpunctuated; prose sentences are far shorter. */
#define UNPUNCT_SPAN 400

int ex_unpunctuated(const char *s, size_t a, size_t b)
{
	if (b - a < UNPUNCT_SPAN)
		return 0;
	/* the full stops first (memchr), then the rarer '?' and '!' */
	const char *p = s + a, *end = s + a + UNPUNCT_SPAN;
	while ((p = memchr(p, '.', (size_t)(end - p))) != NULL) {
		if (p[1] == ' ' || p[1] == '\n' || p[1] == '"' || p[1] == ')')
			return 0;
		p++;
	}
	for (size_t i = a; i < a + UNPUNCT_SPAN; i++)
		if ((s[i] == '?' || s[i] == '!') &&
		    (s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '"' || s[i + 1] == ')'))
			return 0;
	return 1;
}

int ex_doc_unpunctuated(const char *s, size_t len)
{
	/* a sample of the start: a speech-to-text text has no full stops
	 * anywhere, a written one has one every sentence.  Letters are at
	 * most the sample's bytes, so once the ends reach a thousandth of
	 * those the answer is no: prose stops after its first sentences. */
	size_t n = len < 8192 ? len : 8192, ends = 0, enough = n / 1000 + 1;
	for (size_t i = 0; i < n && ends < enough; i++) {
		char c = s[i];
		if ((c == '.' || c == '?' || c == '!') &&
		    (i + 1 >= len || s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '"' || s[i + 1] == ')'))
			ends++;
	}
	if (ends >= enough)
		return 0;
	size_t letters = 0;
	for (size_t i = 0; i < n; i++)
		letters += ex_is_alpha((unsigned char)s[i]);
	return letters >= 200 && ends * 1000 < letters;
}

typedef struct word {
	size_t s, e;
} word;

static int is(const char *s, word w, const char *lit)
{
	size_t n = strlen(lit);
	if (w.e - w.s != n)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (ex_lower((unsigned char)s[w.s + k]) != (unsigned char)lit[k])
			return 0;
	return 1;
}

static int is_any(const char *s, word w, const char *const *lits)
{
	for (; *lits; lits++)
		if (is(s, w, *lits))
			return 1;
	return 0;
}

/* The word ends a stated figure: a number, its unit, or the period
 * after it ("... million", "... 61%", "... a year ago", "... last year"). */
static int is_year(const char *s, word w)
{
	return w.e - w.s == 4 && (s[w.s] == '1' || s[w.s] == '2') && (s[w.s + 1] == '9' || s[w.s + 1] == '0') &&
	       s[w.s + 2] >= '0' && s[w.s + 2] <= '9' && s[w.s + 3] >= '0' && s[w.s + 3] <= '9';
}

static int ends_figure(const char *s, word w)
{
	static const char *const tail[] = {"million", "billion", "thousand", "trillion", "dollars",
	                                   "dollar", "cents", "percent", "points", "bps",
	                                   "share", "ago", "year", "quarter", "period", NULL};
	if (w.e == w.s)
		return 0;
	unsigned char last = (unsigned char)s[w.e - 1];
	/* a year names a period, not a figure ("twenty twenty five earnings
	 * call"; see ex_clause_next for a year that ends a statement) */
	if (is_year(s, w))
		return 0;
	if ((last >= '0' && last <= '9') || last == '%')
		return 1;
	return is_any(s, w, tail);
}

/* Reads the word at or after i (a run of non-blanks), stopping at b. */
static word next_word(const char *s, size_t i, size_t b)
{
	while (i < b && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
		i++;
	word w = {i, i};
	while (w.e < b && s[w.e] != ' ' && s[w.e] != '\n' && s[w.e] != '\t')
		w.e++;
	return w;
}

/* The word starts a basis: "gap", "gaap", "non gap", "non-gaap",
 * "adjusted". */
static int basis_start(const char *s, word w, size_t b)
{
	static const char *const basis[] = {"gap", "gaap", "non-gap", "non-gaap", "adjusted", NULL};
	if (is_any(s, w, basis))
		return 1;
	if (is(s, w, "non")) {
		word n = next_word(s, w.e, b);
		return is(s, n, "gap") || is(s, n, "gaap");
	}
	return 0;
}

/* The word is the first word of a metric phrase ("operating", "capital",
 * "revenue"), not "per" ("... cents per diluted share" goes on). */
static int metric_start(const ex_lexidx *ix, const char *s, word w)
{
	char low[24];
	size_t n = w.e - w.s;
	if (n == 0 || n >= sizeof low || is(s, w, "per"))
		return 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char x = (unsigned char)s[w.s + k];
		if (!ex_is_alpha(x) && x != '-')
			return 0;
		low[k] = (char)ex_lower(x);
	}
	low[n] = 0;
	return ex_phrase_may_start(ix, low);
}

/* "wholesale revenue was", "direct to consumer revenue of": up to three
 * words naming a segment, then a metric phrase and a verb or "of". */
static int segment_start(const ex_doc *d, const ex_lexidx *ix, word w, size_t b)
{
	const char *s = d->clean;
	static const char *const stop[] = {"was", "were", "is", "are", "of", "and", "or", "the",
	                                   "a", "in", "for", "to", "from", "up", "down", "with",
	                                   "we", "our", "by", "at", "on", "as", "per", NULL};
	word x = w;
	for (int n = 0; n < 3 && x.s < b; n++) {
		ex_when when;
		if (is_any(s, x, stop) || basis_start(s, x, b) || ends_figure(s, x) ||
		    (ex_when_may_start(s, b, x.s) && ex_when_parse(s, b, x.s, &d->cal, &when)))
			return 0; /* a unit ("million dollars") or a period ("last year") */
		for (size_t k = x.s; k < x.e; k++)
			if (!ex_is_alpha((unsigned char)s[k]) && s[k] != '-')
				return 0;
		word m = next_word(s, x.e, b);
		if (metric_start(ix, s, m)) {
			word v = next_word(s, m.e, b);
			/* the phrase's last word may follow: "revenue was" */
			for (int k = 0; k < 3 && v.s < b; k++) {
				if (is(s, v, "was") || is(s, v, "were") || is(s, v, "of"))
					return 1;
				v = next_word(s, v.e, b);
			}
			return 0;
		}
		x = m;
	}
	return 0;
}

/* "for the full year we", "in the fourth quarter we": a period that opens
 * the statement after it. */
static int leading_period(const ex_doc *d, word w, size_t b)
{
	const char *s = d->clean;
	if (!is(s, w, "for") && !is(s, w, "in"))
		return 0;
	word p = next_word(s, w.e, b);
	ex_when when;
	if (p.s >= b || !ex_when_may_start(s, b, p.s) || !ex_when_parse(s, b, p.s, &d->cal, &when) ||
	    when.end <= p.s)
		return 0;
	word we = next_word(s, when.end, b);
	return is(s, we, "we");
}

size_t ex_clause_next(const ex_doc *d, const ex_lexidx *ix, size_t a, size_t b, int *inherit)
{
	static const char *const turn[] = {"now", "so", "turning", "moving", "finally", NULL};
	const char *s = d->clean;
	word prev2 = {a, a}, prev = {a, a};
	int digit = 0;
	*inherit = 0;
	for (word w = next_word(s, a, b); w.s < b; w = next_word(s, w.e, b)) {
		if (w.s > a) {
			word n = next_word(s, w.e, b);
			if ((is(s, w, "thank") && is(s, n, "you")) || is(s, w, "thanks") ||
			    (is(s, w, "with") && is(s, n, "that")) ||
			    (is(s, w, "our") && (is(s, n, "first") || is(s, n, "next"))))
				return w.s;
		}
		if (digit && w.s > a) {
			int after = ends_figure(s, prev) || (is(s, prev, "and") && ends_figure(s, prev2));
			/* "... in the first quarter of 2024 non gap eps was": a year
			 * ends a statement before a basis or a subject ("2024
			 * revenue" is the year's revenue) */
			int after_year = after || is_year(s, prev);
			if ((after && metric_start(ix, s, w)) || (after_year && basis_start(s, w, b)) ||
			    (after && segment_start(d, ix, w, b))) {
				*inherit = 1;
				return w.s;
			}
			if (after && (is(s, w, "we") || is(s, w, "our") || is_any(s, w, turn)))
				return w.s;
			if (leading_period(d, w, b))
				return w.s;
		}
		for (size_t k = w.s; k < w.e && !digit; k++)
			digit = s[k] >= '0' && s[k] <= '9';
		prev2 = prev;
		prev = w;
	}
	return b;
}

int ex_clause_kind(const ex_doc *d, size_t a, size_t b)
{
	const char *s = d->clean;
	int kind = 0;
	word prev = {a, a};
	for (word w = next_word(s, a, b); w.s < b; w = next_word(s, w.e, b)) {
		if (s[w.s] >= '0' && s[w.s] <= '9')
			break;
		if (s[w.s] == '$' && w.s + 1 < b && s[w.s + 1] >= '0' && s[w.s + 1] <= '9')
			break;
		/* "our first question comes from", "the line for questions" */
		if (is(s, w, "question") || is(s, w, "questions"))
			kind |= EX_CLAUSE_QA;
		/* "so you did like $1.2 billion", "you said 22.3%" */
		if (is(s, w, "you") && !is(s, prev, "thank"))
			kind |= EX_CLAUSE_ASKER;
		prev = w;
	}
	return kind;
}
