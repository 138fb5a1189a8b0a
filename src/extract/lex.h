/* The metric lexicon (lexicon.c), shared by rules.c and table.c. */
#ifndef EC_EXTRACT_LEX_H
#define EC_EXTRACT_LEX_H

#include <stddef.h>

#include "ex.h"

/* Metric families: a phrase names a family; the number's unit picks the
 * metric (gross margin in percent is gross_margin, in dollars
 * gross_profit). */
enum {
	F_NONE = 0,
	F_REVENUE,
	F_GM,
	F_OP,
	F_OPEX,
	F_NI,
	F_EPS,
	F_BACKLOG,
	F_DEFREV,
	F_CASH,
	F_OCF,
	F_CAPEX,
	F_DSO,
	F_HEAD,
	F_TAX,
	F_BLOCK
};

typedef struct ex_phrase {
	const char *words; /* lower case, single spaces */
	int fam;
	int neg; /* a loss: a positive number is negative */
} ex_phrase;

extern const ex_phrase ex_phrases[];
extern const size_t ex_n_phrases;

/* Phrases bucketed by first letter, built once per scan. */
typedef struct ex_lexidx {
	/* phrases keyed by first letter and length of the first word
	 * (EX_LEX_KEYS keys, see lexicon.c), in lexicon order in each key */
	unsigned short start[28 * 32 + 1];
	unsigned short list[512];
	unsigned char flen[512]; /* length of each phrase's first word */
	/* each phrase's second word: its first letter and length (0 for a
	 * phrase of one word), a cheap reject before the full compare */
	unsigned char c2[512], l2[512];
} ex_lexidx;
void ex_lex_index(ex_lexidx *ix);

/* Some phrase may start with the word w (lower case): 0 means that
 * ex_phrase_longest finds none for any list that starts with w. */
int ex_phrase_may_start(const ex_lexidx *ix, const char *w);

/* The longest phrase that starts the word list w[0..n) (lower-case words);
 * its index, or -1.  *nwords receives its length in words. */
int ex_phrase_longest(const ex_lexidx *ix, const char *const *w, size_t n,
                      size_t *nwords);

/* The metric of a family for a number in percent (pct=1) or not. */
const ex_metric *ex_family_metric(int fam, int pct);

/* clause.c: statements of unpunctuated speech.  ex_unpunctuated: the run
 * d->clean[a, b) is long and has no sentence end near its start.
 * ex_clause_next: the start of the next statement after a in [a, b), b
 * when there is none; *inherit is 1 when that statement goes on with the
 * same forecast ("we expect revenue of X non gap margin of Y"). */
int ex_unpunctuated(const char *s, size_t a, size_t b);
/* The document as a whole is unpunctuated speech: fewer than one sentence
 * end per thousand letters at its start (a transcript with a line per
 * speaker turn and no full stops). */
int ex_doc_unpunctuated(const char *s, size_t len);
size_t ex_clause_next(const ex_doc *d, const ex_lexidx *ix, size_t a, size_t b, int *inherit);
/* What the words of the statement [a, b) before its first number say:
 * EX_CLAUSE_QA, the questions start ("our first question comes from");
 * EX_CLAUSE_ASKER, the statement is put to the company ("so you did"). */
enum { EX_CLAUSE_QA = 1, EX_CLAUSE_ASKER = 2 };
int ex_clause_kind(const ex_doc *d, size_t a, size_t b);

#endif
