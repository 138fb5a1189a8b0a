/* Tables of press releases: tab-separated rows, or rows flattened from PDF
 * with columns separated by runs of blanks or split over several lines.
 * Units from "(in thousands)" / "(in millions)"; column periods from
 * headers "Three Months Ended / Nine Months Ended September 30," over a
 * row of years, from dated headers "September 30, 2007  December 31, 2006"
 * (balance sheets: the quarter that ends then), or from quarter labels
 * ("Q3'12  Q2'12").  Negatives in parentheses, "-" for zero.  A row is
 * used only when its label names a metric exactly and it has one value
 * per column. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

#define MAXCELLS 24
#define MAXCOLS 12

typedef struct cell {
	size_t s, e; /* clean offsets, trimmed */
} cell;

typedef struct span {
	int months; /* 3, 6, 9, 12 */
	int month;  /* month of the period end, 0 unknown */
	int day;
} span;

typedef struct tstate {
	double scale;      /* of money cells: 1e3 = thousands; 0 unknown */
	int per_share_ok;  /* "except per share" or no scale statement */
	char title[256];   /* lower-case title lines */
	span spans[MAXCOLS];
	int nspans;
	int ncols;
	ec_period cols[MAXCOLS];
	int colok[MAXCOLS];
	char section[96]; /* lower-case label of the last "Header:" row */
	int section_basis;
	int recon; /* a GAAP to non-GAAP reconciliation */
	int balance;
} tstate;

static void lower_copy(char *dst, size_t cap, const char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n && o + 1 < cap; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c == '\t' || c == '\n')
			c = ' ';
		if (c == ' ' && (o == 0 || dst[o - 1] == ' '))
			continue;
		dst[o++] = c;
	}
	while (o > 0 && dst[o - 1] == ' ')
		o--;
	dst[o] = 0;
}

static int has(const char *s, const char *w) { return strstr(s, w) != NULL; }

/* Cells of a line: split on tabs, or on runs of 2+ blanks when the line
 * has no tab.  "$" alone is dropped (a currency column). */
static int split_cells(const char *s, size_t a, size_t b, cell *c, int max)
{
	int n = 0;
	int tabs = memchr(s + a, '\t', b - a) != NULL;
	size_t i = a;
	while (i <= b && n < max) {
		size_t j = i;
		if (tabs) {
			while (j < b && s[j] != '\t')
				j++;
		} else {
			while (j < b && !(s[j] == ' ' && j + 1 < b && s[j + 1] == ' '))
				j++;
		}
		size_t cs = i, ce = j;
		while (cs < ce && (s[cs] == ' ' || s[cs] == '\t'))
			cs++;
		while (ce > cs && (s[ce - 1] == ' ' || s[ce - 1] == '\t'))
			ce--;
		int dollar = ce - cs == 1 && s[cs] == '$';
		if (!dollar && (tabs || ce > cs)) {
			c[n].s = cs;
			c[n].e = ce;
			n++;
		}
		if (j >= b)
			break;
		i = j + 1;
		if (!tabs)
			while (i < b && s[i] == ' ')
				i++;
	}
	return n;
}

/* Number-ish tokens of a line without tabs or wide gaps, e.g. a line of a
 * flattened table: "$ 1,118 $ 1,075 (5,062) -". */
static int split_words(const char *s, size_t a, size_t b, cell *c, int max)
{
	int n = 0;
	size_t i = a;
	while (i < b && n < max) {
		while (i < b && s[i] == ' ')
			i++;
		if (i >= b)
			break;
		size_t j = i;
		if (s[i] == '$') {
			j = i + 1;
			while (j < b && s[j] == ' ')
				j++;
		}
		while (j < b && s[j] != ' ')
			j++;
		if (!(j - i == 1 && s[i] == '$')) {
			c[n].s = i;
			c[n].e = j;
			n++;
		}
		i = j;
	}
	return n;
}

static int is_year_cell(const char *s, size_t a, size_t b, int *y)
{
	while (b > a && (s[b - 1] == '*' || s[b - 1] == ')' || s[b - 1] == ' '))
		b--;
	if (b > a && s[a] == '(')
		a++;
	if (b - a != 4)
		return 0;
	int v = 0;
	for (size_t i = a; i < b; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	if (v < 1950 || v > 2100)
		return 0;
	*y = v;
	return 1;
}

/* Note markers between label and values: "C", "A/B", "(1)". */
static int is_note(const char *s, size_t a, size_t b)
{
	if (b - a == 0 || b - a > 4)
		return 0;
	for (size_t i = a; i < b; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '/' || s[i] == '(' || s[i] == ')' ||
		      (s[i] >= '0' && s[i] <= '9' && b - a <= 3 && s[a] == '(')))
			return 0;
	return 1;
}

/* Duration phrases in header text, in order. */
static void header_spans(tstate *t, const char *s, size_t a, size_t b)
{
	char l[512];
	lower_copy(l, sizeof l, s + a, b - a);
	static const struct {
		const char *w;
		int months;
	} ph[] = {{"three months", 3}, {"3 months", 3},  {"quarter ended", 3},
	          {"quarters ended", 3}, {"13 weeks", 3}, {"thirteen weeks", 3},
	          {"six months", 6},   {"6 months", 6},  {"26 weeks", 6},
	          {"nine months", 9},  {"9 months", 9},  {"39 weeks", 9},
	          {"twelve months", 12}, {"12 months", 12}, {"year ended", 12},
	          {"years ended", 12}, {"52 weeks", 12}, {"53 weeks", 12},
	          {"fiscal year", 12}, {"year ending", 12}};
	const char *p = l;
	span found[MAXCOLS];
	int nfound = 0;
	while (*p && nfound < MAXCOLS) {
		const char *best = NULL;
		int bm = 0;
		size_t bl = 0;
		for (size_t k = 0; k < sizeof ph / sizeof ph[0]; k++) {
			const char *q = strstr(p, ph[k].w);
			if (q && (!best || q < best)) {
				best = q;
				bm = ph[k].months;
				bl = strlen(ph[k].w);
			}
		}
		if (!best)
			break;
		span sp = {bm, 0, 0};
		/* a month right after: "ended september 30," */
		const char *q = best + bl;
		const char *stop = q + 40;
		for (; *q && q < stop; q++) {
			size_t e;
			int m = ex_month_parse(q, strlen(q), 0, &e);
			if (m && (q == l || q[-1] == ' ')) {
				sp.month = m;
				const char *dd = q + e;
				while (*dd == ' ')
					dd++;
				sp.day = atoi(dd) > 0 && atoi(dd) <= 31 ? atoi(dd) : 0; /* digits only */
				break;
			}
		}
		found[nfound++] = sp;
		p = best + bl;
	}
	if (nfound) {
		/* a new header: it replaces the previous one */
		memcpy(t->spans, found, sizeof found[0] * (size_t)nfound);
		t->nspans = nfound;
		return;
	}
	/* months named without a duration (a second header line): fill spans
	 * that lack one, in order */
	if (t->nspans) {
		int need = 0;
		for (int k = 0; k < t->nspans; k++)
			if (!t->spans[k].month)
				need = 1;
		if (need) {
			int k = 0;
			for (const char *q = l; *q; q++) {
				size_t e;
				if (q != l && q[-1] != ' ')
					continue;
				int m = ex_month_parse(q, strlen(q), 0, &e);
				if (!m)
					continue;
				while (k < t->nspans && t->spans[k].month)
					k++;
				if (k >= t->nspans)
					break;
				t->spans[k].month = m;
				q += e - 1;
			}
		}
	}
}

static void set_columns_from_years(tstate *t, const ex_doc *d, const int *years, int n)
{
	t->ncols = 0;
	if (n <= 0 || n > MAXCOLS || t->nspans <= 0 || n % t->nspans != 0)
		return;
	int per = n / t->nspans;
	/* one month named for all spans */
	int month = 0;
	for (int k = 0; k < t->nspans; k++)
		if (t->spans[k].month)
			month = t->spans[k].month;
	for (int i = 0; i < n; i++) {
		const span *sp = &t->spans[i / per];
		int m = sp->month ? sp->month : month;
		t->colok[i] = 0;
		if (!m || (d->cal.set < 0))
			continue;
		int mi = years[i] * 12 + m - 1;
		if (sp->day && sp->day <= 7)
			mi--;
		ec_period q = ec_period_from_qindex(ex_cal_quarter_of_month(&d->cal, mi));
		ec_period p = q;
		if (sp->months == 12) {
			p.type = EC_PERIOD_YEAR;
			p.n = 0;
		} else if (sp->months == 6) {
			p.type = EC_PERIOD_HALF;
			p.n = q.n <= 2 ? 1 : 2;
		} else if (sp->months == 9) {
			p.type = EC_PERIOD_MONTHS;
			p.n = 9;
			if (q.n != 3)
				continue;
		}
		t->cols[i] = p;
		t->colok[i] = 1;
	}
	t->ncols = n;
}

/* Row label -> metric.  Returns the family (F_*), with *pct for "% of
 * revenue" rows, *basis (-1 = from the table), *seg and *neg. */
static int label_metric(const tstate *t, const ex_lexidx *ix, const char *label,
                        int *pct, int *basis, char *seg, size_t segcap, int *neg)
{
	char l[160];
	size_t o = 0;
	/* drop parenthesised parts, footnote marks and markup */
	int depth = 0;
	for (const char *p = label; *p && o + 1 < sizeof l; p++) {
		char c = *p;
		if (c == '(') {
			depth++;
			continue;
		}
		if (c == ')') {
			if (depth)
				depth--;
			continue;
		}
		if (depth || c == '*')
			continue;
		if (c == ',' || c == ':')
			c = ' ';
		if (c == ' ' && (o == 0 || l[o - 1] == ' '))
			continue;
		l[o++] = c;
	}
	while (o > 0 && l[o - 1] == ' ')
		o--;
	l[o] = 0;
	*pct = 0;
	*basis = -1;
	*neg = 0;
	seg[0] = 0;
	char *p = l;
	/* basis prefix */
	if (strncmp(p, "non-gaap ", 9) == 0) {
		*basis = EC_BASIS_NON_GAAP;
		p += 9;
	} else if (strncmp(p, "adjusted ", 9) == 0) {
		*basis = EC_BASIS_NON_GAAP;
		p += 9;
	} else if (strncmp(p, "gaap ", 5) == 0) {
		*basis = EC_BASIS_GAAP;
		p += 5;
	}
	/* "% of revenue" suffix */
	static const char *const pcts[] = {" as a % of revenue", " as a percentage of revenue",
	                                   " % of revenue", " as a % of net revenue",
	                                   " % of net revenues", " percentage", " %"};
	for (size_t k = 0; k < sizeof pcts / sizeof pcts[0]; k++) {
		size_t n = strlen(pcts[k]), L = strlen(p);
		if (L > n && strcmp(p + L - n, pcts[k]) == 0) {
			p[L - n] = 0;
			*pct = 1;
			break;
		}
	}
	if (strncmp(p, "total ", 6) == 0)
		p += 6;
	if (strncmp(p, "long-term ", 10) == 0 || strncmp(p, "long term ", 10) == 0) {
		snprintf(seg, segcap, "long_term");
		p += 10;
	} else if (strncmp(p, "current ", 8) == 0) {
		snprintf(seg, segcap, "current");
		p += 8;
	}
	size_t L = strlen(p);
	if (L > 4 && strcmp(p + L - 4, " net") == 0)
		p[L - 4] = 0;
	/* words */
	const char *w[16];
	char buf[160];
	snprintf(buf, sizeof buf, "%s", p);
	size_t n = 0;
	for (char *q = buf; *q && n < 16;) {
		while (*q == ' ')
			q++;
		if (!*q)
			break;
		w[n++] = q;
		while (*q && *q != ' ')
			q++;
		if (*q)
			*q++ = 0;
	}
	if (n == 0)
		return F_NONE;
	/* rows named by the section: "Product" under "Net revenues:" */
	const char *sec = t->section;
	if (n == 1 && (!strcmp(w[0], "product") || !strcmp(w[0], "products") ||
	               !strcmp(w[0], "service") || !strcmp(w[0], "services"))) {
		if ((has(sec, "revenue") || has(sec, "sales")) && !has(sec, "cost")) {
			snprintf(seg, segcap, "%s", w[0][0] == 'p' ? "product" : "service");
			return F_REVENUE;
		}
		return F_NONE;
	}
	if (n == 1 && !strcmp(w[0], "diluted")) {
		if (has(sec, "shares"))
			return F_NONE;
		if (has(sec, "per share") || has(sec, "per diluted share") || has(sec, "eps") ||
		    has(sec, "earnings per"))
			return F_EPS;
		return F_NONE;
	}
	size_t nw;
	int ph = ex_phrase_longest(ix, w, n, &nw);
	if (ph < 0 || nw != n)
		return F_NONE;
	*neg = ex_phrases[ph].neg;
	return ex_phrases[ph].fam;
}

/* A segment name from a row label: "Service Layer Technologies" -> "slt",
 * "Infrastructure" -> "infrastructure", "Data Center" -> "data_center". */
static void slug(const char *s, size_t n, char *out, size_t cap)
{
	int words = 0, caps = 0;
	for (size_t i = 0; i < n; i++)
		if ((i == 0 || s[i - 1] == ' ') && s[i] != ' ') {
			words++;
			if (s[i] >= 'A' && s[i] <= 'Z')
				caps++;
		}
	size_t o = 0;
	if (words >= 3 && caps == words) {
		for (size_t i = 0; i < n && o + 1 < cap; i++)
			if ((i == 0 || s[i - 1] == ' ') && s[i] != ' ')
				out[o++] = (char)(s[i] + 32);
	} else {
		for (size_t i = 0; i < n && o + 1 < cap; i++) {
			char c = s[i];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if (!ex_is_word((unsigned char)c))
				c = '_';
			if (c == '_' && (o == 0 || out[o - 1] == '_'))
				continue;
			out[o++] = c;
		}
		while (o > 0 && out[o - 1] == '_')
			o--;
	}
	out[o] = 0;
}

static void emit_row(ex_doc *d, ex_mentions *out, tstate *t, const ex_lexidx *ix,
                     const char *s, size_t ls, size_t le, cell label, const ex_num *vals,
                     const int *kinds, int nv, size_t *order, int *err)
{
	char lab[160];
	size_t n = label.e - label.s;
	if (n >= sizeof lab)
		n = sizeof lab - 1;
	lower_copy(lab, sizeof lab, s + label.s, n);
	if (!lab[0] || nv != t->ncols || t->ncols == 0)
		return;
	int pct, basis, neg;
	char seg[48];
	int fam = label_metric(t, ix, lab, &pct, &basis, seg, sizeof seg, &neg);
	int total_row = !strcmp(lab, "total") || !strcmp(lab, "total:");
	if (fam == F_NONE && (has(t->title, "segment") || has(t->title, " by ")) &&
	    (has(t->title, "revenue") || has(t->title, "sales")) && !has(t->title, "cost")) {
		/* a revenue-by-segment table */
		fam = F_REVENUE;
		int prod = has(t->title, "product revenue") || has(t->title, "product sales");
		if (total_row) {
			snprintf(seg, sizeof seg, "%s", prod ? "product" : "total");
		} else {
			char sl[40];
			slug(s + label.s, label.e - label.s, sl, sizeof sl);
			if (!sl[0])
				return;
			snprintf(seg, sizeof seg, "%s%s", sl, prod ? "_product" : "");
		}
	} else if (fam == F_NONE && total_row && has(t->title, "cash") &&
	           has(t->title, "investments")) {
		fam = F_CASH;
	}
	if (fam == F_NONE || fam == F_BLOCK)
		return;
	if (fam == F_DEFREV && !seg[0] && has(t->section, "current liabilities"))
		snprintf(seg, sizeof seg, "current");
	if (fam == F_DEFREV && !seg[0] && has(t->section, "long-term"))
		snprintf(seg, sizeof seg, "long_term");
	if (!seg[0])
		snprintf(seg, sizeof seg, "total");
	if (basis < 0)
		basis = t->section_basis >= 0 ? t->section_basis : EC_BASIS_GAAP;
	/* the unit from the cells */
	int cells_pct = 0;
	for (int i = 0; i < nv; i++)
		if (kinds[i] == EX_CELL_NUM && vals[i].pct)
			cells_pct = 1;
	if (cells_pct)
		pct = 1;
	const ex_metric *met = ex_family_metric(fam, pct);
	if (!met)
		return;
	if (met->unit == EC_UNIT_PCT && !cells_pct)
		return;
	if (met->unit == EC_UNIT_USD_M && (cells_pct || t->scale <= 0))
		return;
	if (met->unit == EC_UNIT_USD && (cells_pct || !t->per_share_ok))
		return;
	if (!met->has_basis)
		basis = EC_BASIS_NONE;
	for (int i = 0; i < nv; i++) {
		if (!t->colok[i] || kinds[i] == EX_CELL_NA || kinds[i] == EX_CELL_TEXT)
			continue;
		double v;
		ex_num x = vals[i];
		if (met->unit == EC_UNIT_PCT && kinds[i] == EX_CELL_DASH)
			x.pct = 1;
		if (!ex_num_value(&x, met->unit, met->unit == EC_UNIT_USD_M ? t->scale : 1, &v))
			continue;
		if (fam == F_CAPEX)
			v = fabs(v);
		if (neg && v > 0)
			v = -v;
		/* balance items belong to the quarter that ends on the date */
		ec_period p = t->cols[i];
		if ((fam == F_DEFREV || fam == F_CASH || fam == F_BACKLOG) && p.type != EC_PERIOD_QUARTER)
			continue;
		if (!(fam == F_DEFREV || fam == F_CASH || fam == F_BACKLOG) && t->balance)
			continue;
		if (d->has_period) {
			/* nothing after the document's own period */
			ec_period dp = d->period;
			int pe = p.type == EC_PERIOD_QUARTER ? p.year * 12 + p.n * 3
			         : p.type == EC_PERIOD_MONTHS ? p.year * 12 + p.n
			         : p.type == EC_PERIOD_HALF  ? p.year * 12 + p.n * 6
			                                     : p.year * 12 + 12;
			if (pe > dp.year * 12 + dp.n * 3)
				continue;
		}
		ex_mention m;
		memset(&m, 0, sizeof m);
		m.period = p;
		m.metric = met->name;
		snprintf(m.segment, sizeof m.segment, "%s", seg);
		m.basis = (ec_basis)basis;
		m.kind = EC_KIND_ACTUAL;
		m.value = v;
		m.low = m.high = NAN;
		m.unit = met->unit;
		m.cstart = ls;
		m.cend = le;
		m.role = EX_ROLE_COMPANY;
		m.prio = 0;
		m.precision = x.digits;
		m.order = (*order)++;
		if (ex_mentions_push(out, &m))
			*err = 1;
	}
}

static int prose_line(const char *s, size_t a, size_t b)
{
	size_t n = b - a;
	if (n > 150)
		return 1;
	size_t e = b;
	while (e > a && s[e - 1] == ' ')
		e--;
	return n > 80 && e > a && s[e - 1] == '.';
}

ec_err ex_table_scan(ex_doc *d, ex_mentions *out)
{
	const char *s = d->clean;
	tstate *t = calloc(1, sizeof *t);
	if (!t)
		return EC_ENOMEM;
	ex_lexidx ix;
	ex_lex_index(&ix);
	t->section_basis = -1;
	size_t order = 1u << 30; /* after prose mentions of the same line */
	int err = 0;
	int in_title = 0; /* text lines since the last table row */
	for (size_t k = 0; k < d->n_lines && !err; k++) {
		const ex_line *L = &d->lines[k];
		size_t a = L->start, b = L->end;
		d->work += b - a + 1;
		if (L->cls == EX_L_BLANK)
			continue;
		if (L->cls != EX_L_TABLE) {
			if (prose_line(s, a, b) || L->cls == EX_L_SPEAKER) {
				memset(t, 0, sizeof *t);
				t->section_basis = -1;
				in_title = 0;
				continue;
			}
			/* a label line whose values follow on number-only lines */
			if (k + 1 < d->n_lines && d->lines[k + 1].cls == EX_L_TABLE && t->ncols) {
				cell c[MAXCELLS];
				size_t nx = k + 1;
				int nc = split_words(s, d->lines[nx].start, d->lines[nx].end, c, MAXCELLS);
				while (nc == 0 && nx + 1 < d->n_lines && d->lines[nx + 1].cls == EX_L_TABLE) {
					nx++; /* "$" alone on its line */
					nc = split_words(s, d->lines[nx].start, d->lines[nx].end, c, MAXCELLS);
				}
				ex_num nv;
				if (nc > 0 && ex_num_cell(s + c[0].s, c[0].e - c[0].s, &nv) != EX_CELL_TEXT) {
					/* handled below as a row with a label */
					goto row;
				}
			}
			if (t->ncols && b - a < 80) {
				/* "Net revenues:" as a line of its own in a flattened
				 * table */
				char l[96];
				lower_copy(l, sizeof l, s + a, b - a);
				size_t ll = strlen(l);
				if (ll && l[ll - 1] == ':') {
					snprintf(t->section, sizeof t->section, "%s", l);
					t->section_basis = strncmp(l, "non-gaap", 8) == 0 ? EC_BASIS_NON_GAAP
					                   : strncmp(l, "gaap", 4) == 0    ? EC_BASIS_GAAP
					                                                   : -1;
					continue;
				}
			}
			if (!in_title) {
				/* a new title block: forget the previous table */
				memset(t, 0, sizeof *t);
				t->section_basis = -1;
				in_title = 1;
			}
			{
				char l[200];
				lower_copy(l, sizeof l, s + a, b - a);
				if (has(l, "in thousands") || has(l, "000s") || has(l, "000's"))
					t->scale = 1e3;
				else if (has(l, "in millions"))
					t->scale = 1e6;
				else if (has(l, "in billions"))
					t->scale = 1e9;
				if (t->scale && !has(l, "except") && has(l, "per share"))
					t->per_share_ok = 0;
				else if (t->scale)
					t->per_share_ok = 1;
				size_t tl = strlen(t->title);
				if (tl + strlen(l) + 2 < sizeof t->title) {
					if (tl)
						t->title[tl++] = ' ';
					memcpy(t->title + tl, l, strlen(l) + 1);
				}
				if (has(l, "reconciliation") || (has(l, "gaap") && has(l, "non-gaap")))
					t->recon = 1;
				if (has(l, "balance sheet") || has(l, "financial position"))
					t->balance = 1;
				if (has(l, "ended") || has(l, "ending") || t->nspans)
					header_spans(t, s, a, b);
			}
			continue;
		}
	row:
		in_title = 0;
		{
			/* cells of this line (or label + following number lines) */
			cell c[MAXCELLS];
			int nc;
			size_t row_end = b;
			if (L->cls == EX_L_TABLE) {
				nc = split_cells(s, a, b, c, MAXCELLS);
				/* a line of numbers only with no tabs: split words */
				if (nc == 1 && !memchr(s + a, '\t', b - a)) {
					cell w[MAXCELLS];
					int nw = split_words(s, a, b, w, MAXCELLS);
					ex_num tmp;
					int allnum = nw > 0;
					for (int i = 0; i < nw; i++)
						if (ex_num_cell(s + w[i].s, w[i].e - w[i].s, &tmp) == EX_CELL_TEXT)
							allnum = 0;
					if (allnum) {
						/* values without a label: a header of years or
						 * a stray line */
						int years[MAXCOLS], ny = 0, yok = nw <= MAXCOLS;
						for (int i = 0; i < nw && yok; i++)
							if (!is_year_cell(s, w[i].s, w[i].e, &years[ny++]))
								yok = 0;
						if (yok && t->nspans)
							set_columns_from_years(t, d, years, ny);
						continue;
					}
				}
			} else {
				/* label line, then its number-only lines */
				c[0].s = a;
				c[0].e = b;
				while (c[0].e > c[0].s && s[c[0].e - 1] == ' ')
					c[0].e--;
				while (c[0].s < c[0].e && s[c[0].s] == ' ')
					c[0].s++;
				nc = 1;
				size_t j = k + 1;
				while (j < d->n_lines && d->lines[j].cls == EX_L_TABLE && nc < MAXCELLS) {
					cell w[MAXCELLS];
					int nw = split_words(s, d->lines[j].start, d->lines[j].end, w, MAXCELLS);
					ex_num tmp;
					if (nw == 0) {
						j++; /* "$" alone */
						continue;
					}
					int allnum = 1;
					for (int i = 0; i < nw; i++)
						if (ex_num_cell(s + w[i].s, w[i].e - w[i].s, &tmp) == EX_CELL_TEXT)
							allnum = 0;
					if (!allnum)
						break;
					for (int i = 0; i < nw && nc < MAXCELLS; i++)
						c[nc++] = w[i];
					row_end = d->lines[j].end;
					j++;
					if (t->ncols && nc - 1 >= t->ncols)
						break;
				}
				k = j - 1;
			}
			if (nc <= 0)
				continue;
			/* classify cells after the label */
			cell label = c[0];
			int first = 1;
			ex_num label_num;
			if (label.e > label.s && ex_num_cell(s + label.s, label.e - label.s, &label_num) == EX_CELL_TEXT)
				first = 1;
			else
				first = 0; /* no label: all cells are values */
			if (!first) {
				label.s = label.e = a;
			}
			ex_num vals[MAXCELLS];
			int kinds[MAXCELLS], nv = 0, ntext = 0, nyear = 0;
			int years[MAXCELLS];
			ec_period wper[MAXCELLS];
			int nwhen = 0, ndate = 0;
			for (int i = first; i < nc; i++) {
				size_t cs = c[i].s, ce = c[i].e;
				if (ce == cs)
					continue;
				int y;
				if (is_year_cell(s, cs, ce, &y)) {
					years[nyear++] = y;
					continue;
				}
				ex_num x;
				int kd = ex_num_cell(s + cs, ce - cs, &x);
				if (kd != EX_CELL_TEXT) {
					if (nv < MAXCELLS) {
						vals[nv] = x;
						kinds[nv++] = kd;
					}
					continue;
				}
				if (is_note(s, cs, ce))
					continue;
				ntext++;
				/* dated column "September 30, 2007" or "Q3'12" */
				int dy, dm, dd;
				size_t de;
				ex_when w;
				if (ex_date_parse(s, ce, cs, &dy, &dm, &dd, &de) && d->cal.set >= 0) {
					int mi = dy * 12 + dm - 1;
					if (dd <= 7)
						mi--;
					wper[ndate + nwhen] = ec_period_from_qindex(ex_cal_quarter_of_month(&d->cal, mi));
					ndate++;
				} else if (ex_when_parse(s, ce, cs, &d->cal, &w) && w.end == ce &&
				           (w.rel == EX_P_ABS)) {
					wper[ndate + nwhen] = w.p;
					nwhen++;
				}
			}
			if (ntext > 0 && nv == 0) {
				/* a header row */
				if (ndate + nwhen == ntext && ndate + nwhen > 0 && ndate + nwhen <= MAXCOLS) {
					t->ncols = ndate + nwhen;
					for (int i = 0; i < t->ncols; i++) {
						t->cols[i] = wper[i];
						t->colok[i] = 1;
					}
					t->nspans = 0;
					continue;
				}
				header_spans(t, s, label.e > label.s ? label.s : a, b);
				if (nyear && t->nspans)
					set_columns_from_years(t, d, years, nyear);
				continue;
			}
			if (nyear > 0 && nv == 0) {
				if (first && label.e > label.s)
					header_spans(t, s, label.s, label.e);
				if (t->nspans)
					set_columns_from_years(t, d, years, nyear);
				continue;
			}
			if (nv == 0) {
				/* a section header row "Net revenues:" */
				if (first) {
					char l[96];
					lower_copy(l, sizeof l, s + label.s, label.e - label.s);
					size_t ll = strlen(l);
					if (ll && l[ll - 1] == ':') {
						snprintf(t->section, sizeof t->section, "%s", l);
						t->section_basis = strncmp(l, "non-gaap", 8) == 0 ? EC_BASIS_NON_GAAP
						                   : strncmp(l, "gaap", 4) == 0    ? EC_BASIS_GAAP
						                                                   : -1;
					} else if (strstr(l, "months") || strstr(l, "ended")) {
						header_spans(t, s, label.s, label.e);
					}
				}
				continue;
			}
			if (!first)
				continue;
			emit_row(d, out, t, &ix, s, a, row_end, label, vals, kinds, nv, &order, &err);
		}
	}
	free(t);
	return err ? EC_ENOMEM : EC_OK;
}
