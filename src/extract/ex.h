/* Internal interface of the extractor (src/extract/): the number grammar,
 * period expressions, the cleaned document, tables, the metric rules and
 * reconciliation.  Not installed; tests include it directly. */
#ifndef EC_EXTRACT_EX_H
#define EC_EXTRACT_EX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "earnchart/error.h"
#include "earnchart/extract.h"
#include "earnchart/period.h"
#include "earnchart/series.h"

/* ---- number.c: the number grammar ------------------------------------ */

/* One number as written.  v carries the sign ("(5,062)" gives -5062) but
 * not the scale word; scale is 1e3/1e6/1e9 when a scale word or suffix
 * follows ("million", "bn", "M"), else 0. */
typedef struct ex_num {
	double v;
	double scale;
	int cur;      /* a currency sign ($, US$) */
	int pct;      /* "%" or "percent" */
	int bps;      /* "basis points" / "bps" */
	int pts;      /* "points" / "percentage points" (a change of a rate) */
	int cents;    /* "cents" / "¢" */
	int foreign;  /* another currency than US dollars: "¥", "£", "€",
	               * "C$", "EUR", "... billion yen" (never a usd value) */
	double hi;    /* table.c: a cell holding a range ("$410 - $415
	               * million") keeps its high end here, its low in v;
	               * NAN otherwise (set by table.c only) */
	int paren;    /* written in parentheses: negative */
	int decimals; /* digits after the decimal point */
	int digits;   /* significant digits written */
	size_t start, end; /* span in the text, end exclusive */
} ex_num;

/* Parses a number starting at s[i] (a digit, '$', "US$", '(' or '-' before
 * a digit).  Returns 1 and fills *out, or 0 when no number starts there.
 * A number glued to letters ("MX240", "10-Q", "3D") is not a number. */
int ex_num_parse(const char *s, size_t len, size_t i, ex_num *out);

/* Value of n in unit (EC_UNIT_*): usd_m needs a currency sign or a scale
 * word (table_scale is the table's "(in thousands)" factor, 0 in prose);
 * usd needs a currency sign without scale, or cents; pct needs "%".  Bare
 * numbers are accepted for days and count.  Returns 1 and sets *out. */
int ex_num_value(const ex_num *n, ec_unit unit, double table_scale,
                 double *out);

/* Table cells. */
enum { EX_CELL_TEXT = 0, EX_CELL_NUM = 1, EX_CELL_DASH = 2, EX_CELL_NA = 3 };
/* Classifies one table cell (markup already removed): a number (with
 * "$", parentheses, "%"), "-" or an em dash for zero, "n/a", or text. */
int ex_num_cell(const char *s, size_t len, ex_num *out);

/* Ranges and bounds around numbers. */
enum {
	EX_R_POINT = 0,   /* one number */
	EX_R_RANGE = 1,   /* between a and b, a to b */
	EX_R_PM = 2,      /* a plus or minus b */
	EX_R_ATLEAST = 3, /* a or higher, at least a */
	EX_R_ATMOST = 4   /* a or lower, up to a */
};
typedef struct ex_range {
	int kind;
	ex_num a, b;    /* b is the second bound (RANGE) or the margin (PM) */
	int between;    /* introduced by "between" / "range of" / "from" */
	int from;       /* introduced by "from" (a change "from a to b") */
	int rel;        /* PM with a percent margin on an amount: b is % of a */
	size_t start, end;
} ex_range;

/* Parses a number and what may follow it ("to Y", "and Y", "plus or minus
 * Y", "or higher") at s[i]; i may point at "between" or "from".  The second
 * bound inherits currency, scale and percent from the first and vice versa
 * ("$921 million and 971 million", "$3.57 to $3.62 billion").  Returns 1 on
 * success. */
int ex_range_parse(const char *s, size_t len, size_t i, ex_range *out);

/* Normalises b as the margin of "a plus or minus b": points and basis
 * points of a rate become percent; a bare number takes a's percent sign;
 * "$0.10" takes a's scale.  *rel is set when b is a percentage of the
 * amount a ("$28.0 billion, plus or minus 2%").  Returns 1 when b can be
 * a margin of a. */
int ex_num_margin(const ex_num *a, ex_num *b, int *rel);

/* Low and high of r in unit; for a point both are the value.  NAN for an
 * open bound.  Returns 1 when both parts convert. */
int ex_range_bounds(const ex_range *r, ec_unit unit, double table_scale,
                    double *low, double *high);

/* ---- when.c: periods ------------------------------------------------- */

/* How a document maps calendar months to its fiscal quarters: the quarter
 * index (year*4+q-1) of the quarter that ends in month index anchor_m
 * (year*12 + month-1).  Calendar quarters when not set. */
typedef struct ex_cal {
	int set;
	int anchor_q;
	int anchor_m;
} ex_cal;

/* The quarter (qindex) whose end is nearest to month m (year*12+month-1)
 * under cal. */
int ex_cal_quarter_of_month(const ex_cal *cal, int m);

/* A period expression found in text, before resolution. */
enum {
	EX_P_ABS = 0,     /* a fully stated period: p */
	EX_P_QN = 1,      /* quarter n, year unknown ("the fourth quarter") */
	EX_P_THIS = 2,    /* the document's quarter ("this quarter") */
	EX_P_PRIOR = 3,   /* the prior quarter */
	EX_P_NEXT = 4,    /* the next quarter */
	EX_P_YAGO = 5,    /* the year-ago quarter; n > 0: quarter n of last year */
	EX_P_SAMEYA = 6,  /* "the same period last year": year ago of scope */
	EX_P_FY = 7,      /* the full / fiscal year, year unknown */
	EX_P_MONTHQ = 8,  /* "the December quarter": n = month 1..12 */
	EX_P_PRIORFY = 9, /* last year (full) */
	EX_P_BEGIN = 10,  /* "beginning of the quarter": prior quarter end */
	EX_P_HALF = 11,   /* "the half year": the half the document's quarter ends */
	EX_P_MTD = 12     /* "the nine months": n months to the document's
	                   * quarter's end (6: its half, 12: its year) */
};
typedef struct ex_when {
	int rel;        /* EX_P_* */
	ec_period p;    /* EX_P_ABS */
	int n;          /* quarter or month for QN, YAGO, MONTHQ */
	int explicit_year;
	size_t start, end;
} ex_when;

/* Parses a period expression at s[i] (i at a word start).  cal maps dates
 * to quarters.  Returns 1 and fills *out. */
int ex_when_parse(const char *s, size_t len, size_t i, const ex_cal *cal,
                  ex_when *out);

/* A cheap necessary test for ex_when_parse at s[i] (i at a word start):
 * 0 when no period expression can start there (digits that go on with
 * '.', ',' or '%'; "the", "this", "that", "our" and "a" before a word
 * that opens none).  1 means "try it". */
int ex_when_may_start(const char *s, size_t len, size_t i);
/* The part of ex_when_may_start after its first-word test (digits,
 * determiners, "a"): for a caller that has already tested the first word
 * against a list inside ex_when_may_start's prefixes (tokenize). */
int ex_when_may_follow(const char *s, size_t len, size_t i);

/* Resolves w against the document's quarter doc (has_doc 0: only absolute
 * periods resolve) and the sentence's scope period (for "the same period
 * last year"; NULL if none).  guidance: the fact is a forecast (a bare
 * "fourth quarter" is then the coming one).  Returns 1 and sets *out. */
int ex_when_resolve(const ex_when *w, const ex_cal *cal, int has_doc,
                    ec_period doc, const ec_period *scope, int guidance,
                    ec_period *out);

/* A date "October 23, 2007", "Oct. 23, 2012", "Oct. 23. 2008",
 * "23 October 2007" or "2007-10-23" at s[i]. */
int ex_date_parse(const char *s, size_t len, size_t i, int *y, int *m,
                  int *d, size_t *end);

/* Month name at s[i] ("September", "Sept.", "Sep"); returns 1..12 or 0;
 * *end after the word (and its dot). */
int ex_month_parse(const char *s, size_t len, size_t i, size_t *end);

/* ---- text.c: the cleaned document ------------------------------------ */

/* A run of the cleaned text copied from the raw text: clean bytes
 * [cstart, next cstart) came from raw bytes starting at rstart. */
typedef struct ex_seg {
	size_t cstart, rstart;
} ex_seg;

enum { EX_ROLE_COMPANY = 0, EX_ROLE_ANALYST = 1, EX_ROLE_OPERATOR = 2 };

/* Line classes of the cleaned text. */
enum {
	EX_L_TEXT = 0,
	EX_L_BLANK = 1,
	EX_L_TABLE = 2,   /* a row of a table (tabs or column runs) */
	EX_L_SPEAKER = 3, /* "Name - Company - Title", "Operator" */
	EX_L_HEADING = 4, /* a short title line */
	EX_L_BULLET = 5,  /* "- ..." / "* ..." / "• ..." */
	EX_L_SECTION = 6  /* "P R E S E N T A T I O N", "Q&A" markers */
};

typedef struct ex_line {
	size_t start, end; /* in clean text, end before '\n' */
	int cls;
	int role;    /* speaker role in force (EX_ROLE_*) */
	int qa;      /* in the question-and-answer part */
	int outlook; /* under an "Outlook" / "Guidance" heading */
	int turn;    /* a text line that opens with its speaker ("Name - Title: ...") */
} ex_line;

typedef struct ex_doc {
	const char *raw;
	size_t raw_len;
	char *clean; /* NUL-terminated, owned */
	size_t clean_len;
	ex_seg *segs; /* owned */
	size_t n_segs;
	size_t *barriers; /* clean offsets where page furniture was cut out */
	size_t n_barriers;
	size_t *raw_lines; /* raw offsets of line starts, owned */
	size_t n_raw_lines;
	ex_line *lines; /* owned */
	size_t n_lines;
	ec_doc_kind kind;
	/* what the document says about itself */
	int has_period;
	ec_period period;
	int fiscal_labels; /* the document labels quarters by fiscal year */
	int half_report;   /* a half-year report: its title names the half that
	                    * its quarter ends (ex_doc_identify) */
	int fy_report;     /* a full-year report dated by "the year ended DATE"
	                    * only: figures without a period are the year's */
	ex_cal cal;
	char issued[11];
	char company[32];
	/* capitalised words that name the company or a speaker */
	char **known;
	size_t n_known, cap_known;
	int guidance_basis; /* basis stated for guidance, -1 unknown */
	/* Work done on the document: bytes scanned plus tokens examined by
	 * every pass.  Only read by the linearity test (ex_extract_counted):
	 * doubling the input must at most about double it. */
	size_t work;
} ex_doc;

/* Validates and cleans raw[0..len): markup, escapes, page furniture,
 * line classes, speakers and sections.  name is for error messages.
 * Returns EC_OK or an error (binary data, invalid text). */
ec_err ex_doc_prepare(ex_doc *d, const char *raw, size_t len,
                      const char *name, const ec_extract_opts *o,
                      ec_error *err);
void ex_doc_free(ex_doc *d);

/* Raw offset of clean offset c. */
size_t ex_doc_raw(const ex_doc *d, size_t c);
/* 1-based raw line number of raw offset r. */
long ex_doc_line(const ex_doc *d, size_t r);
/* The quote for clean span [a, b): raw text with white space collapsed,
 * invalid UTF-8 shown as U+FFFD.  Writes into buf (NUL-terminated). */
void ex_doc_quote(const ex_doc *d, size_t a, size_t b, char *buf, size_t n);
/* True when a furniture cut lies inside clean span (a, b). */
int ex_doc_barrier_between(const ex_doc *d, size_t a, size_t b,
                           size_t *where);
/* Adds a known capitalised word (company name part, person name). */
void ex_doc_add_known(ex_doc *d, const char *w, size_t n);
int ex_doc_is_known(const ex_doc *d, const char *w, size_t n);

/* Numbers spoken in words in speech-to-text transcripts ("one point two
 * four billion dollars", "eighty seven cents", "twenty twenty four"):
 * rewrites them in d->clean into digits ("$1.24 billion", "$0.87",
 * "2024") and remaps segs, barriers and lines so quotes keep the spoken
 * words.  A document without spoken numbers is left as it is.  Call
 * after ex_doc_prepare, before ex_doc_speakers (spoken.c).  Returns
 * EC_OK or EC_ENOMEM (the document is then unchanged). */
ec_err ex_doc_spoken(ex_doc *d);

/* A whole call on one line: after a sentence end in s[a, b), 1..6
 * capitalised words and ": " open another speaker's turn (text.c). */
int ex_collapsed_turns(const char *s, size_t a, size_t b);

/* Speakers of the transcript formats classify() does not see alone (a
 * participants roster, a name on a line of its own, "Name: remarks", the
 * analysts the operator names): recomputes every line's role and Q&A
 * flag, and the document kind (speakers.c). */
void ex_doc_speakers(ex_doc *d);

/* Learns the document's own period, date, calendar and ticker
 * (when.c). */
void ex_doc_identify(ex_doc *d, const ec_extract_opts *o);

/* ---- mentions and reconciliation ------------------------------------- */

typedef struct ex_mention {
	ec_period period;
	const char *metric; /* static string */
	char segment[48];
	ec_basis basis;
	ec_kind kind;
	double value, low, high;
	ec_unit unit;
	size_t cstart, cend; /* quote span in clean text */
	int role;            /* EX_ROLE_* */
	int prio;            /* 0 release / prepared, 1 Q&A answer, 2 analyst */
	int precision;       /* significant digits */
	size_t order;
} ex_mention;

typedef struct ex_mentions {
	ex_mention *v;
	size_t n, cap;
} ex_mentions;

ec_err ex_mentions_push(ex_mentions *m, const ex_mention *x);
void ex_mentions_free(ex_mentions *m);

/* rules.c: prose sentences; table.c: tables. */
ec_err ex_rules_scan(ex_doc *d, ex_mentions *out);
ec_err ex_table_scan(ex_doc *d, ex_mentions *out);

/* Metric lookup shared by prose and tables: the metric named by the
 * lower-case phrase (exact match), its unit and whether it has a basis. */
typedef struct ex_metric {
	const char *name;
	ec_unit unit;
	int has_basis;
} ex_metric;
const ex_metric *ex_metric_named(const char *name);

/* reconcile.c: one row per key into out; disagreements become conflicts
 * in out.  Returns rows added and conflicts through the pointers. */
ec_err ex_reconcile(ex_doc *d, ex_mentions *m, const char *docname,
                    ec_series *out, size_t *rows, size_t *conflicts,
                    ec_error *err);

/* ec_extract_mem that also reports the work counter of the document
 * (ex_doc.work, summed over all passes) in *work (not NULL). */
ec_err ex_extract_counted(const char *data, size_t len, const char *name,
                          const ec_extract_opts *opts, ec_series *out,
                          ec_extract_info *info, size_t *work, ec_error *err);

/* Small helpers shared by the modules: inline because the scanners call
 * them for nearly every byte of the text. */
static inline int ex_is_alpha(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

static inline int ex_is_word(unsigned char c)
{
	return ex_is_alpha(c) || (unsigned char)(c - '0') < 10;
}

/* Some byte of the eight in x is an ASCII digit: the "has between" bit
 * trick of Sean Anderson's bit hacks, exact for every byte value (no
 * carry crosses a byte). */
static inline int ex_has_digit8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t lo7 = x & (ones * 127);
	return ((ones * (127 + '9' + 1) - lo7) & ~x & (lo7 + ones * (127 - ('0' - 1))) &
	        (ones * 128)) != 0;
}

/* Some byte of the eight in x equals c. */
static inline int ex_has_byte8(uint64_t x, unsigned char c)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t y = x ^ (ones * c);
	return ((y - ones) & ~y & (ones * 128)) != 0;
}

static inline unsigned char ex_lower(unsigned char c)
{
	return (unsigned char)(c - 'A') < 26 ? (unsigned char)(c + 32) : c;
}

#if defined(__GNUC__)
#define EX_ALWAYS_INLINE __attribute__((always_inline))
#else
#define EX_ALWAYS_INLINE
#endif

/* s[e] may end a word: e is the end of the text, or s[e] is no word
 * byte and no '-' or '\'' before a letter.  Returns e or 0. */
static inline EX_ALWAYS_INLINE size_t ex_word_end(const char *s, size_t len, size_t e)
{
	if (e < len) {
		unsigned char c = (unsigned char)s[e];
		if (ex_is_word(c))
			return 0;
		if ((c == '-' || c == '\'') && e + 1 < len && ex_is_alpha((unsigned char)s[e + 1]))
			return 0;
	}
	return e;
}

/* Case-insensitive match of the ASCII word w at s[i] followed by a
 * non-word character (nor '-' or '\'' and a letter); returns the end or
 * 0.  The first byte is compared before anything else: most calls fail
 * there. */
/* (Always inlined: with w a literal the first-byte test folds to one
 * compare; the out-of-line call cost more than the test.) */
static inline EX_ALWAYS_INLINE size_t ex_word_at(const char *s, size_t len, size_t i,
                                                 const char *w)
{
	if (i >= len || ex_lower((unsigned char)s[i]) != ex_lower((unsigned char)w[0]))
		return 0;
	size_t k = 1;
	for (; w[k]; k++)
		if (i + k >= len || ex_lower((unsigned char)s[i + k]) != ex_lower((unsigned char)w[k]))
			return 0;
	return ex_word_end(s, len, i + k);
}

/* Skips spaces and tabs and newlines (and CR) from i. */
static inline size_t ex_skip_ws(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

#endif
