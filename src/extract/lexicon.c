/* The metric lexicon shared by prose and tables: phrases (lower case,
 * words separated by single spaces; commas in the text are skipped when
 * matching) naming a metric family, and blockers: financial nouns that are
 * not one of our metrics and so end the reach of the previous metric
 * phrase ("R&D expenses were $212 million" is not operating expenses). */
#include <pthread.h>
#include <string.h>

#include "lex.h"

const ex_phrase ex_phrases[] = {
    /* revenue */
    {"revenue", F_REVENUE, 0},
    {"revenues", F_REVENUE, 0},
    {"net revenue", F_REVENUE, 0},
    {"net revenues", F_REVENUE, 0},
    {"sales", F_REVENUE, 0},
    {"net sales", F_REVENUE, 0},
    {"top line", F_REVENUE, 0},
    {"top-line", F_REVENUE, 0},
    {"turnover", F_REVENUE, 0},
    {"operating revenue", F_REVENUE, 0},
    {"operating revenues", F_REVENUE, 0},
    {"total operating revenues", F_REVENUE, 0},
    /* gross margin / profit (the unit decides) */
    {"gross margin", F_GM, 0},
    {"gross margins", F_GM, 0},
    {"gross profit", F_GM, 0},
    {"gross profit margin", F_GM, 0},
    {"gross profits", F_GM, 0},
    {"gm", F_GM, 0},
    /* operating margin / income */
    {"operating margin", F_OP, 0},
    {"operating margins", F_OP, 0},
    {"op margin", F_OP, 0},
    {"operating income", F_OP, 0},
    {"operating profit", F_OP, 0},
    {"operating profits", F_OP, 0},
    {"income from operations", F_OP, 0},
    {"operating income (loss)", F_OP, 0},
    {"operating loss", F_OP, 1},
    {"loss from operations", F_OP, 1},
    {"operating profit margin", F_OP, 0},
    /* operating expenses */
    {"operating expenses", F_OPEX, 0},
    {"operating expense", F_OPEX, 0},
    {"opex", F_OPEX, 0},
    {"operating costs", F_OPEX, 0},
    {"total operating expenses", F_OPEX, 0},
    /* net income */
    {"net income", F_NI, 0},
    {"net earnings", F_NI, 0},
    {"net profit", F_NI, 0},
    {"net loss", F_NI, 1},
    {"net income (loss)", F_NI, 0},
    /* IFRS wording */
    {"profit for the period", F_NI, 0},
    {"profit for the year", F_NI, 0},
    {"profit attributable to shareholders", F_NI, 0},
    {"profit attributable to owners of the parent", F_NI, 0},
    {"profit attributable to equity holders", F_NI, 0},
    {"bottom line", F_NI, 0},
    /* EPS */
    {"earnings per share", F_EPS, 0},
    {"earnings per diluted share", F_EPS, 0},
    {"diluted earnings per share", F_EPS, 0},
    {"earnings per share diluted", F_EPS, 0},
    {"eps", F_EPS, 0},
    {"diluted eps", F_EPS, 0},
    {"net income per share", F_EPS, 0},
    {"net income per diluted share", F_EPS, 0},
    {"diluted net income per share", F_EPS, 0},
    {"net earnings per share", F_EPS, 0},
    {"net earnings per diluted share", F_EPS, 0},
    {"diluted net earnings per share", F_EPS, 0},
    {"income per share", F_EPS, 0},
    {"income per diluted share", F_EPS, 0},
    {"diluted income per share", F_EPS, 0},
    {"net income per share diluted", F_EPS, 0},
    {"loss per share", F_EPS, 1},
    {"net loss per share", F_EPS, 1},
    {"loss per diluted share", F_EPS, 1},
    {"net loss per diluted share", F_EPS, 1},
    {"diluted net loss per share", F_EPS, 1},
    {"net income (loss) per share", F_EPS, 0},
    /* balances and other metrics */
    {"backlog", F_BACKLOG, 0},
    {"order backlog", F_BACKLOG, 0},
    {"deferred revenue", F_DEFREV, 0},
    {"deferred revenues", F_DEFREV, 0},
    {"cash and investments", F_CASH, 0},
    {"cash and total investments", F_CASH, 0},
    {"cash cash equivalents and investments", F_CASH, 0},
    {"cash cash equivalents and marketable securities", F_CASH, 0},
    {"cash and marketable securities", F_CASH, 0},
    {"cash and short-term investments", F_CASH, 0},
    {"cash and short term investments", F_CASH, 0},
    {"cash cash equivalents and short-term investments", F_CASH, 0},
    {"cash cash equivalents short-term and long-term investments", F_CASH, 0},
    {"cash cash equivalents and short and long term investments", F_CASH, 0},
    {"cash cash equivalents and short and long-term investments", F_CASH, 0},
    {"cash cash equivalents and short- and long-term investments", F_CASH, 0},
    {"cash and cash equivalents and investments", F_CASH, 0},
    {"cash equivalents and investments", F_CASH, 0},
    {"cash flow from operations", F_OCF, 0},
    {"cash flows from operations", F_OCF, 0},
    {"operating cash flow", F_OCF, 0},
    {"operating cash flows", F_OCF, 0},
    {"cash from operations", F_OCF, 0},
    {"cash generated from operations", F_OCF, 0},
    {"cash provided by operations", F_OCF, 0},
    {"cash provided by operating activities", F_OCF, 0},
    {"cash flow from operating activities", F_OCF, 0},
    {"cash flows from operating activities", F_OCF, 0},
    {"cash from operating activities", F_OCF, 0},
    {"net cash from operations", F_OCF, 0},
    {"net cash provided by operations", F_OCF, 0},
    {"net cash provided by operating activities", F_OCF, 0},
    {"net cash flows from operations", F_OCF, 0},
    {"net cash flow from operations", F_OCF, 0},
    {"cash flow from operating", F_OCF, 0},
    {"capital expenditures", F_CAPEX, 0},
    {"capital expenditure", F_CAPEX, 0},
    {"capex", F_CAPEX, 0},
    {"cap ex", F_CAPEX, 0}, /* speech-to-text */
    {"purchases of property and equipment", F_CAPEX, 0},
    {"purchases of property and equipment net", F_CAPEX, 0},
    {"purchase of property and equipment", F_CAPEX, 0},
    {"dso", F_DSO, 0},
    {"dsos", F_DSO, 0},
    {"d s o", F_DSO, 0}, /* speech-to-text, letter by letter */
    {"d s os", F_DSO, 0},
    {"days sales outstanding", F_DSO, 0},
    {"day sales outstanding", F_DSO, 0},
    {"days sales outstanding in accounts receivable", F_DSO, 0},
    {"headcount", F_HEAD, 0},
    {"head count", F_HEAD, 0},
    {"employees", F_HEAD, 0},
    {"employee count", F_HEAD, 0},
    {"full-time employees", F_HEAD, 0},
    {"full-time equivalent employees", F_HEAD, 0},
    {"full-time equivalents", F_HEAD, 0},
    {"fte employees", F_HEAD, 0},
    {"associates", F_HEAD, 0},
    {"colleagues", F_HEAD, 0},
    {"team members", F_HEAD, 0},
    {"tax rate", F_TAX, 0},
    {"effective tax rate", F_TAX, 0},
    {"income tax rate", F_TAX, 0},
    {"tax rates", F_TAX, 0},
    {"effective tax rates", F_TAX, 0},
    /* blockers: not our metrics */
    {"r&d", F_BLOCK, 0},
    {"research and development", F_BLOCK, 0},
    {"sales and marketing", F_BLOCK, 0},
    {"selling and marketing", F_BLOCK, 0},
    {"g&a", F_BLOCK, 0},
    {"sg&a", F_BLOCK, 0},
    {"general and administrative", F_BLOCK, 0},
    {"selling general and administrative", F_BLOCK, 0},
    {"depreciation", F_BLOCK, 0},
    {"amortization", F_BLOCK, 0},
    {"interest", F_BLOCK, 0},
    {"interest and other income", F_BLOCK, 0},
    {"other income", F_BLOCK, 0},
    {"shares", F_BLOCK, 0},
    {"share count", F_BLOCK, 0},
    {"price", F_BLOCK, 0},
    {"bookings", F_BLOCK, 0},
    {"orders", F_BLOCK, 0},
    {"dividend", F_BLOCK, 0},
    {"dividends", F_BLOCK, 0},
    {"buyback", F_BLOCK, 0},
    {"repurchase", F_BLOCK, 0},
    {"repurchased", F_BLOCK, 0},
    {"repurchases", F_BLOCK, 0},
    {"impairment", F_BLOCK, 0},
    {"charges", F_BLOCK, 0},
    {"charge", F_BLOCK, 0},
    {"restructuring", F_BLOCK, 0},
    {"stock-based compensation", F_BLOCK, 0},
    {"share-based compensation", F_BLOCK, 0},
    {"cost of revenue", F_BLOCK, 0},
    {"cost of revenues", F_BLOCK, 0},
    {"cost of sales", F_BLOCK, 0},
    {"cost of goods sold", F_BLOCK, 0},
    {"costs", F_BLOCK, 0},
    {"expenses", F_BLOCK, 0},
    {"expense", F_BLOCK, 0},
    {"income tax", F_BLOCK, 0},
    {"income taxes", F_BLOCK, 0},
    {"provision", F_BLOCK, 0},
    {"debt", F_BLOCK, 0},
    {"inventory", F_BLOCK, 0},
    {"inventories", F_BLOCK, 0},
    {"receivable", F_BLOCK, 0},
    {"receivables", F_BLOCK, 0},
    {"goodwill", F_BLOCK, 0},
    {"assets", F_BLOCK, 0},
    {"liabilities", F_BLOCK, 0},
    {"equity", F_BLOCK, 0},
    {"market", F_BLOCK, 0},
    {"ebitda", F_BLOCK, 0},
    {"free cash flow", F_BLOCK, 0},
    {"gain", F_BLOCK, 0},
    {"gains", F_BLOCK, 0},
    {"book-to-bill", F_BLOCK, 0},
    {"budget", F_BLOCK, 0},
    {"budgets", F_BLOCK, 0},
    {"pipeline", F_BLOCK, 0},
    {"contract", F_BLOCK, 0},
    {"deal", F_BLOCK, 0},
    {"growth", F_BLOCK, 0},
    {"investment", F_BLOCK, 0},
    {"investments", F_BLOCK, 0},
    {"acquisition", F_BLOCK, 0},
    {"acquisitions", F_BLOCK, 0},
    {"bonus", F_BLOCK, 0},
    {"cash and cash equivalents", F_BLOCK, 0},
    {"cash", F_BLOCK, 0},
    {"margin rate", F_BLOCK, 0},
    {"contribution margin", F_BLOCK, 0},
    {"ebit", F_BLOCK, 0},
    {"benefit", F_BLOCK, 0},
    {"impact", F_BLOCK, 0},
    {"customers", F_BLOCK, 0},
    {"customer", F_BLOCK, 0},
    {"units", F_BLOCK, 0},
    {"subscribers", F_BLOCK, 0},
    {"users", F_BLOCK, 0},
    {"run rate", F_BLOCK, 0},
    {"run-rate", F_BLOCK, 0},
    {"authorization", F_BLOCK, 0},
    {"capacity", F_BLOCK, 0},
    {"spending", F_BLOCK, 0},
    {"spend", F_BLOCK, 0},
    {"savings", F_BLOCK, 0},
    {"weighted average", F_BLOCK, 0},
    {"basic", F_BLOCK, 0},
    {"basic earnings per share", F_BLOCK, 0},
    {"basic eps", F_BLOCK, 0},
    {"basic net income per share", F_BLOCK, 0},
    {"gross margin rate", F_GM, 0},
    /* revenue-like measures that are not revenue */
    {"recurring revenue", F_BLOCK, 0},
    {"annual recurring revenue", F_BLOCK, 0},
    {"annualized recurring revenue", F_BLOCK, 0},
    {"arr", F_BLOCK, 0},
    {"remaining performance obligations", F_BLOCK, 0},
    {"rpo", F_BLOCK, 0},
    {"billings", F_BLOCK, 0},
    {"revenue run rate", F_BLOCK, 0},
    {"revenue run-rate", F_BLOCK, 0},
    {"gross merchandise value", F_BLOCK, 0},
    {"gmv", F_BLOCK, 0},
    {"total payment volume", F_BLOCK, 0},
    {"payment volume", F_BLOCK, 0},
};
const size_t ex_n_phrases = sizeof ex_phrases / sizeof ex_phrases[0];

/* The metrics by index (ex_family_metric returns &metrics[M_*] without a
 * look-up by name). */
enum {
	M_REVENUE,
	M_GROSS_PROFIT,
	M_GROSS_MARGIN,
	M_OP_INCOME,
	M_OP_MARGIN,
	M_OPEX,
	M_NET_INCOME,
	M_EPS,
	M_BACKLOG,
	M_DEFREV,
	M_CASH,
	M_OCF,
	M_CAPEX,
	M_DSO,
	M_HEAD,
	M_TAX,
	M_COUNT
};

static const ex_metric metrics[M_COUNT] = {
    [M_REVENUE] = {"revenue", EC_UNIT_USD_M, 1},
    [M_GROSS_PROFIT] = {"gross_profit", EC_UNIT_USD_M, 1},
    [M_GROSS_MARGIN] = {"gross_margin", EC_UNIT_PCT, 1},
    [M_OP_INCOME] = {"operating_income", EC_UNIT_USD_M, 1},
    [M_OP_MARGIN] = {"operating_margin", EC_UNIT_PCT, 1},
    [M_OPEX] = {"operating_expenses", EC_UNIT_USD_M, 1},
    [M_NET_INCOME] = {"net_income", EC_UNIT_USD_M, 1},
    [M_EPS] = {"eps_diluted", EC_UNIT_USD, 1},
    [M_BACKLOG] = {"backlog", EC_UNIT_USD_M, 0},
    [M_DEFREV] = {"deferred_revenue", EC_UNIT_USD_M, 0},
    [M_CASH] = {"cash_investments", EC_UNIT_USD_M, 0},
    [M_OCF] = {"operating_cash_flow", EC_UNIT_USD_M, 0},
    [M_CAPEX] = {"capex", EC_UNIT_USD_M, 0},
    [M_DSO] = {"dso", EC_UNIT_DAYS, 0},
    [M_HEAD] = {"headcount", EC_UNIT_COUNT, 0},
    [M_TAX] = {"tax_rate", EC_UNIT_PCT, 1},
};

const ex_metric *ex_metric_named(const char *name)
{
	for (size_t i = 0; i < sizeof metrics / sizeof metrics[0]; i++)
		if (strcmp(metrics[i].name, name) == 0)
			return &metrics[i];
	return NULL;
}

const ex_metric *ex_family_metric(int fam, int pct)
{
	switch (fam) {
	case F_REVENUE:
		return &metrics[M_REVENUE];
	case F_GM:
		return &metrics[pct ? M_GROSS_MARGIN : M_GROSS_PROFIT];
	case F_OP:
		return &metrics[pct ? M_OP_MARGIN : M_OP_INCOME];
	case F_OPEX:
		return &metrics[M_OPEX];
	case F_NI:
		return pct ? NULL : &metrics[M_NET_INCOME];
	case F_EPS:
		return &metrics[M_EPS];
	case F_BACKLOG:
		return &metrics[M_BACKLOG];
	case F_DEFREV:
		return &metrics[M_DEFREV];
	case F_CASH:
		return &metrics[M_CASH];
	case F_OCF:
		return &metrics[M_OCF];
	case F_CAPEX:
		return &metrics[M_CAPEX];
	case F_DSO:
		return &metrics[M_DSO];
	case F_HEAD:
		return &metrics[M_HEAD];
	case F_TAX:
		return &metrics[M_TAX];
	}
	return NULL;
}

/* Matches the phrase p against the words w[0..n) (lower case). */
static size_t phrase_words(const char *p, const char *const *w, size_t n)
{
	size_t k = 0;
	const char *s = p;
	while (*s) {
		if (k >= n)
			return 0;
		/* the word w[k] must equal the phrase's word up to its blank */
		const char *x = w[k];
		while (*s && *s != ' ' && *x == *s) {
			s++;
			x++;
		}
		if (*x || (*s && *s != ' '))
			return 0;
		k++;
		if (*s == ' ')
			s++;
	}
	return k;
}

static int bucket(char c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}

/* The index key of a first word: its bucket and its length (lengths of
 * 31 and more share a key; the length is compared again anyway). */
static unsigned lex_key(char c0, size_t len)
{
	return (unsigned)bucket(c0) * 32u + (unsigned)(len < 31 ? len : 31);
}

enum { EX_LEX_KEYS = 28 * 32 };

static void lex_index_build(ex_lexidx *ix)
{
	unsigned short count[EX_LEX_KEYS] = {0};
	for (size_t i = 0; i < ex_n_phrases && i < 512; i++) {
		const char *sp = strchr(ex_phrases[i].words, ' ');
		size_t fl = sp ? (size_t)(sp - ex_phrases[i].words) : strlen(ex_phrases[i].words);
		ix->flen[i] = (unsigned char)fl;
		ix->c2[i] = 0;
		ix->l2[i] = 0;
		if (sp) {
			const char *sp2 = strchr(sp + 1, ' ');
			size_t l2 = sp2 ? (size_t)(sp2 - (sp + 1)) : strlen(sp + 1);
			ix->c2[i] = (unsigned char)sp[1];
			ix->l2[i] = (unsigned char)(l2 < 255 ? l2 : 255);
		}
		count[lex_key(ex_phrases[i].words[0], fl)]++;
	}
	ix->start[0] = 0;
	for (unsigned k = 0; k < EX_LEX_KEYS; k++)
		ix->start[k + 1] = (unsigned short)(ix->start[k] + count[k]);
	unsigned short fill[EX_LEX_KEYS];
	memcpy(fill, ix->start, sizeof fill);
	for (size_t i = 0; i < ex_n_phrases && i < 512; i++)
		ix->list[fill[lex_key(ex_phrases[i].words[0], ix->flen[i])]++] = (unsigned short)i;
}

/* The index is the same for every document (ex_phrases is constant):
 * built once (lex_once) and copied out. */
static ex_lexidx lex_built;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static void lex_build_once(void)
{
	lex_index_build(&lex_built);
}

void ex_lex_index(ex_lexidx *ix)
{
	if (pthread_once(&lex_once, lex_build_once) != 0) {
		lex_index_build(ix); /* cannot happen; build it here then */
		return;
	}
	memcpy(ix, &lex_built, sizeof *ix);
}

/* The n bytes at a and b are equal: a loop for the short words here
 * (cheaper than a memcmp call). */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (a[k] != b[k])
			return 0;
	return 1;
}

int ex_phrase_may_start(const ex_lexidx *ix, const char *w)
{
	size_t l0 = strlen(w);
	unsigned key = lex_key(w[0], l0);
	/* some phrase of the key has w as its first word */
	for (unsigned k = ix->start[key]; k < ix->start[key + 1]; k++) {
		size_t i = ix->list[k];
		if (ix->flen[i] == l0 && same_bytes(ex_phrases[i].words, w, l0))
			return 1;
	}
	return 0;
}

int ex_phrase_longest(const ex_lexidx *ix, const char *const *w, size_t n,
                      size_t *nwords)
{
	int best = -1;
	size_t bl = 0;
	*nwords = 0;
	if (n == 0)
		return -1;
	size_t l0 = strlen(w[0]);
	unsigned key = lex_key(w[0][0], l0);
	/* the list's second word (first letter, length up to 255) */
	unsigned char c1 = n > 1 ? (unsigned char)w[1][0] : 0;
	size_t l1 = (size_t)-1; /* measured when a phrase's second word needs it */
	for (unsigned k = ix->start[key]; k < ix->start[key + 1]; k++) {
		size_t i = ix->list[k];
		if (ix->flen[i] != l0)
			continue;
		/* a phrase of two or more words needs the same second word
		 * (a longer one than 255 bytes is compared in full below) */
		if (ix->l2[i]) {
			if (n < 2 || ix->c2[i] != c1)
				continue;
			if (l1 == (size_t)-1) {
				l1 = strlen(w[1]);
				if (l1 > 255)
					l1 = 255;
			}
			if (ix->l2[i] != l1)
				continue;
		}
		if (!same_bytes(ex_phrases[i].words, w[0], l0))
			continue;
		/* the first word matches (same length, same bytes): only the
		 * rest of the phrase, after its blank, is left to compare
		 * (phrase_words of "" is 0: a phrase of one word is 1) */
		const char *rest = ex_phrases[i].words + l0;
		size_t l = 1;
		if (*rest) {
			size_t r = phrase_words(rest + 1, w + 1, n - 1);
			l = r ? r + 1 : 0;
		}
		if (l > bl) {
			bl = l;
			best = (int)i;
		}
	}
	*nwords = bl;
	return best;
}
