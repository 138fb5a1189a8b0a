/* Tables of press releases: tab-separated rows (Markdown pipe rows are
 * turned into these by text.c), or rows flattened from PDF with columns
 * separated by runs of blanks or with every cell on a line of its own.
 * Units from "(in thousands)" / "(in millions)" in the title, the head
 * cell or the sentence that introduces the table.  Column periods from
 * header pieces that may be spread over lines: durations ("Three Months
 * Ended / Six Months Ended"), months for each span or each column ("October
 * 28, / July 29,"), then the years, whose row may hold columns without a
 * period ("Change"); from dates alone (balance sheets: the quarter that
 * ends then); from full dates "September 30, 2007  December 31, 2006"; or
 * from quarter labels ("Q3'12  Q2'12", "Q1 FY24 ... Q/Q Y/Y").  "Low /
 * High" under quarter labels makes guidance ranges.  Negatives in
 * parentheses, a dash for zero.  A row is used only when its label names
 * a metric exactly (or, under "Revenue:", a segment) and it has one value
 * per column. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lex.h"

#define MAXCELLS 24
#define MAXCOLS 12
/* The kind of an empty cell that keeps its column's place (beside the
 * EX_CELL_* kinds of ex_num_cell). */
#define CELL_EMPTY 100
/* A cell that is a range, "$410 - $415 million", "20% - 21%": low in v,
 * high in hi (a forecast table's cell) */
#define CELL_RANGE 101

typedef struct cell {
	size_t s, e; /* clean offsets, trimmed */
	int pct;     /* a "%" on a line of its own follows (flattened tables) */
} cell;

typedef struct span {
	int months; /* 3, 6, 9, 12 */
	int month;  /* month of the period end, 0 unknown */
	int day;
} span;

typedef struct tstate {
	double scale;      /* of money cells: 1e3 = thousands; 0 unknown */
	int foreign;       /* the money cells are in another currency than US
	                    * dollars ("Millions of yen", "EUR million"):
	                    * no usd value is read from them */
	int per_share_ok;  /* "except per share" or no scale statement */
	char title[256];   /* lower-case title lines */
	int title_ok, title_seg; /* segment_title of title, when title_ok */
	span spans[MAXCOLS];
	int nspans;
	int ncols;
	ec_period cols[MAXCOLS];
	int colok[MAXCOLS];
	int colkind[MAXCOLS];  /* COL_*: an actual, or a guidance bound */
	int colpoint[MAXCOLS]; /* a date column: balances only */
	int coldur[MAXCOLS];   /* a column under a duration ("Three Months Ended") */
	/* Header pieces, which a table flattened from PDF spreads over many
	 * lines: months named without a duration ("October 28, / July 29,"),
	 * the row of years with its other columns ("2023 2022 Change": 0),
	 * and the periods of a row of quarter labels, for a "Low / High" row
	 * under them. */
	int hmonth[MAXCOLS], hday[MAXCOLS];
	int nh;
	int ycol[MAXCOLS];
	int nyc;
	ec_period gper[MAXCOLS];
	int ngper;
	int hdr_stale; /* a data row came since: the next header piece starts anew */
	int section_total; /* a "Total ..." row closed the section */
	int gained;        /* header_spans found a duration or a month */
	char section[96]; /* lower-case label of the last "Header:" row */
	int secfam_ok, secfam; /* sec_family of section, when secfam_ok */
	int section_basis;
	int recon; /* a GAAP to non-GAAP reconciliation */
	int balance;
	/* Columns that name a metric as well as a period ("Revenue H1
	 * 2024", "Adj. operating profit H1 2023"): the rows are segments.
	 * colfam F_NONE: a plain period column. */
	int colfam[MAXCOLS];
	int colbasis[MAXCOLS]; /* -1: GAAP unless the row says otherwise */
	int nmetcols;
	/* A flattened header of column labels one a line ("FY2025Q1 /
	 * FY2024Q4 / FY2024Q1 / Q/Q / Y/Y"): the columns gathered so far
	 * (in cols[0, ncols)), and the line the next label must be on. */
	int qacc;
	size_t qacc_next;
	/* An income statement's "Gross profit" row and the row after it
	 * ("Selling, general and administrative expenses"): when gross
	 * profit less that row is operating income in every column, the row
	 * is the whole of operating expenses.  Values in usd_m per column,
	 * NAN when unknown. */
	double gp[MAXCOLS];
	int rows_since_gp; /* rows after the gross-profit row; 0: none seen */
	int cand_ok;
	cell cand_label;
	size_t cand_ls, cand_le;
	ex_num cand_vals[MAXCELLS];
	int cand_kinds[MAXCELLS];
	int cand_nv;
} tstate;

/* lower_copy's byte map: A-Z to a-z, tab and newline to a blank. */
static const unsigned char lc_tab[256] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 32, 32, 11, 12, 13, 14, 15,
	16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
	32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
	48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
	64, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 91, 92, 93, 94, 95,
	96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
	128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143,
	144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159,
	160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175,
	176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
	192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207,
	208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
	224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239,
	240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255,
};

/* lc_tab applied to each byte of x (A-Z to a-z, tab and newline to a
 * blank); *blanks gets 0x80 in each byte that is a blank afterwards.
 * Exact per byte: the sums of the 7 low bits and a constant below 0x80
 * never carry into the next byte. */
static inline uint64_t lower_eight(uint64_t x, uint64_t *blanks)
{
	const uint64_t ones = 0x0101010101010101u, hi = ones * 0x80, lo7 = x & (ones * 0x7f);
	uint64_t upper = (lo7 + ones * (0x7f - 0x40)) & ~(lo7 + ones * (0x7f - 0x5a)) & ~x & hi;
	uint64_t tabnl = (lo7 + ones * (0x7f - 0x08)) & ~(lo7 + ones * (0x7f - 0x0a)) & ~x & hi;
	uint64_t y = x ^ (ones * 0x20);
	uint64_t sp = ~(((y & (ones * 0x7f)) + ones * 0x7f) | y | (ones * 0x7f));
	uint64_t m = (tabnl >> 7) * 0xff;
	*blanks = sp | tabnl;
	return ((x | (upper >> 2)) & ~m) | (m & (ones * 0x20));
}

static void lower_copy(char *dst, size_t cap, const char *s, size_t n)
{
	size_t o = 0;
	int blank = 1; /* the last byte written was a blank (or none yet) */
	size_t i = 0;
	/* o <= i: with n < cap the room test of the loop below always
	 * holds, so this loop leaves it out */
	if (n < cap) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* eight bytes at a time while no blank follows a blank (o == i
		 * then): lower case and blanks by the exact per-byte range
		 * tests of lower_eight() */
		while (i + 8 <= n) {
			uint64_t x, blanks;
			memcpy(&x, s + i, 8);
			x = lower_eight(x, &blanks);
			if ((blanks & (blanks << 8)) || (blank && (blanks & 0x80u)))
				break; /* a run of blanks: the loop below collapses it */
			memcpy(dst + i, &x, 8);
			blank = (int)(blanks >> 63);
			i += 8;
		}
		o = i;
#endif
		for (; i < n; i++) {
			char c = (char)lc_tab[(unsigned char)s[i]];
			int sp = c == ' ';
			dst[o] = c;
			o += (size_t)!(sp & blank);
			blank = sp;
		}
	}
	for (; i < n && o + 1 < cap; i++) {
		/* branch-free: a blank after a blank is written but not kept */
		char c = (char)lc_tab[(unsigned char)s[i]];
		int sp = c == ' ';
		dst[o] = c;
		o += (size_t)!(sp & blank);
		blank = sp;
	}
	while (o > 0 && dst[o - 1] == ' ')
		o--;
	dst[o] = 0;
}

static int has(const char *s, const char *w) { return strstr(s, w) != NULL; }

/* COL_PCTOF: a "% of Net Sales" column; its cells are percentages of
 * the amount in the period column before it (margins for gross profit
 * and operating income rows). */
enum { COL_ACTUAL = 0, COL_LOW = 1, COL_HIGH = 2, COL_PCTOF = 3 };

/* Called before every header piece: after data rows, a header starts a
 * new table layout. */
static void header_begin(tstate *t)
{
	if (!t->hdr_stale)
		return;
	t->nspans = 0;
	t->nh = 0;
	t->nyc = 0;
	t->ngper = 0;
	t->hdr_stale = 0;
}

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
			c[n].pct = 0;
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
		size_t e = j; /* "$ " at a line end (a CRLF line's blank) */
		while (e > i && s[e - 1] == ' ')
			e--;
		if (!(e - i == 1 && s[i] == '$')) {
			c[n].s = i;
			c[n].e = e;
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

/* Some duration phrase of header_spans may be in l: each one holds
 * "month", "quarter", "week" or "year". */
static int duration_word(const char *l)
{
	for (const char *p = l; *p; p++) {
		switch (*p) {
		case 'm':
			if (strncmp(p, "month", 5) == 0)
				return 1;
			break;
		case 'q':
			if (strncmp(p, "quarter", 7) == 0)
				return 1;
			break;
		case 'w':
			if (strncmp(p, "week", 4) == 0)
				return 1;
			break;
		case 'y':
			if (strncmp(p, "year", 4) == 0)
				return 1;
			break;
		default:
			break;
		}
	}
	return 0;
}

static void header_spans_l(tstate *t, const char *l);

static void header_spans(tstate *t, const char *s, size_t a, size_t b)
{
	char l[512];
	lower_copy(l, sizeof l, s + a, b - a);
	header_spans_l(t, l);
}

/* Duration phrases in header text, in order: header_spans on the
 * lower-cased, blank-collapsed text l (at most 511 bytes, as lower_copy
 * makes it). */
static void header_spans_l(tstate *t, const char *l)
{
#define PH(w, m) {w, sizeof w - 1, m}
	static const struct {
		const char *w;
		size_t n;
		int months;
	} ph[] = {PH("three months", 3),  PH("3 months", 3),    PH("quarter ended", 3),
	          PH("quarters ended", 3), PH("13 weeks", 3),    PH("thirteen weeks", 3),
	          PH("six months", 6),    PH("6 months", 6),    PH("26 weeks", 6),
	          PH("nine months", 9),   PH("9 months", 9),    PH("39 weeks", 9),
	          PH("twelve months", 12), PH("12 months", 12), PH("year ended", 12),
	          PH("years ended", 12),  PH("52 weeks", 12),   PH("53 weeks", 12),
	          PH("fiscal year", 12),  PH("year ending", 12)};
#undef PH
	enum { NPH = sizeof ph / sizeof ph[0] };
	const char *p = l;
	const char *lend = l + strlen(l);
	span found[MAXCOLS];
	int nfound = 0;
	if (!duration_word(l))
		p = lend; /* no phrase can match: straight to the months */
	/* the first bytes of the phrases, as a bit set: the positions that
	 * start none of them are passed over */
	uint64_t first[4] = {0, 0, 0, 0};
	for (size_t k = 0; k < NPH; k++) {
		unsigned char c = (unsigned char)ph[k].w[0];
		first[c >> 6] |= (uint64_t)1 << (c & 63);
	}
	while (*p && nfound < MAXCOLS) {
		/* the earliest phrase (strstr of each, the nearest; at one
		 * place the first in ph): the first position from p where
		 * some phrase starts, and there the first phrase that does */
		const char *best = NULL;
		int bm = 0;
		size_t bl = 0;
		for (const char *q = p; *q && !best; q++) {
			unsigned char c = (unsigned char)*q;
			if (!((first[c >> 6] >> (c & 63)) & 1))
				continue;
			for (size_t k = 0; k < NPH; k++)
				if (ph[k].w[0] == (char)c && q[1] == ph[k].w[1] &&
				    strncmp(q, ph[k].w, ph[k].n) == 0) {
					best = q;
					bm = ph[k].months;
					bl = ph[k].n;
					break;
				}
		}
		if (!best)
			break;
		span sp = {bm, 0, 0};
		/* a month right after: "ended september 30," */
		const char *q = best + bl;
		size_t rest = (size_t)(lend - q);
		const char *stop = q + (rest < 40 ? rest : 40); /* within the string */
		for (; q < stop; q++) {
			size_t e;
			int m = ex_month_parse(q, (size_t)(lend - q), 0, &e);
			if (m && (q == l || q[-1] == ' ')) {
				sp.month = m;
				const char *dd = q + e;
				while (*dd == ' ')
					dd++;
				int day = 0;
				for (int n = 0; n < 2 && dd[n] >= '0' && dd[n] <= '9'; n++)
					day = day * 10 + (dd[n] - '0');
				sp.day = day <= 31 ? day : 0;
				break;
			}
		}
		found[nfound++] = sp;
		p = best + bl;
	}
	if (nfound) {
		/* a new header replaces the previous one; the pieces of one
		 * header ("Three Months Ended", "June 30,", "Six Months Ended"
		 * on lines of their own) add up */
		header_begin(t);
		if (t->nyc) {
			t->nspans = 0;
			t->nh = 0;
			t->nyc = 0;
		}
		for (int k = 0; k < nfound && t->nspans < MAXCOLS; k++)
			t->spans[t->nspans++] = found[k];
		t->gained = 1;
		return;
	}
	/* months named without a duration: "October 28, July 29," over the
	 * years, or the dates of a balance sheet; the first letters of the
	 * month names (l is lower case already) reject most words */
	static const unsigned char month_first[256] = {['j'] = 1, ['f'] = 1, ['m'] = 1, ['a'] = 1,
	                                               ['s'] = 1, ['o'] = 1, ['n'] = 1, ['d'] = 1};
	for (const char *q = l; *q; q++) {
		size_t e;
		if ((q != l && q[-1] != ' ') || !month_first[(unsigned char)*q])
			continue;
		/* the first two letters of every month name and abbreviation
		 * ("and", "of", "for" stop here) */
		char c1 = q[1];
		int pair = 0;
		switch (*q) {
		case 'j': pair = c1 == 'a' || c1 == 'u'; break;
		case 'f': pair = c1 == 'e'; break;
		case 'm': pair = c1 == 'a'; break;
		case 'a': pair = c1 == 'p' || c1 == 'u'; break;
		case 's': pair = c1 == 'e'; break;
		case 'o': pair = c1 == 'c'; break;
		case 'n': pair = c1 == 'o'; break;
		case 'd': pair = c1 == 'e'; break;
		default: break;
		}
		if (!pair)
			continue;
		int m = ex_month_parse(q, (size_t)(lend - q), 0, &e);
		if (!m)
			continue;
		header_begin(t);
		if (t->nh < MAXCOLS) {
			const char *dd = q + e;
			while (*dd == ' ')
				dd++;
			int day = 0;
			for (int n = 0; n < 2 && dd[n] >= '0' && dd[n] <= '9'; n++)
				day = day * 10 + (dd[n] - '0');
			t->hmonth[t->nh] = m;
			t->hday[t->nh] = day <= 31 ? day : 0;
			t->nh++;
			t->gained = 1;
		}
		q += e - 1;
	}
}

/* Columns from the header pieces: each year of the year row is a
 * column of the span it falls under (years split evenly over the spans),
 * ended in the month named for that column, for its span, or for all;
 * without a duration the columns are dates (balances).  Other cells of
 * the year row ("Change") are columns without a period. */
static void set_columns(tstate *t, const ex_doc *d)
{
	t->ncols = 0;
	t->nmetcols = 0;
	for (int i = 0; i < MAXCOLS; i++)
		t->colfam[i] = F_NONE;
	int ny = 0;
	for (int i = 0; i < t->nyc; i++)
		if (t->ycol[i])
			ny++;
	if (ny == 0 || t->nyc > MAXCOLS)
		return;
	int per = 0;
	if (t->nspans > 0) {
		if (ny % t->nspans != 0)
			return;
		per = ny / t->nspans;
	} else if (!(t->nh == ny || t->nh == 1)) {
		return;
	}
	/* one month named for all spans */
	int month = 0, mday = 0;
	for (int k = 0; k < t->nspans; k++)
		if (t->spans[k].month) {
			month = t->spans[k].month;
			mday = t->spans[k].day;
		}
	if (!month && t->nh == 1) {
		month = t->hmonth[0];
		mday = t->hday[0];
	}
	int yi = 0;
	for (int i = 0; i < t->nyc; i++) {
		t->colok[i] = 0;
		t->colkind[i] = COL_ACTUAL;
		t->colpoint[i] = 0;
		t->coldur[i] = 0;
		if (!t->ycol[i])
			continue;
		int m = month, day = mday, months = 0;
		if (per) {
			const span *sp = &t->spans[yi / per];
			months = sp->months;
			if (t->nh == ny) {
				m = t->hmonth[yi];
				day = t->hday[yi];
			} else if (t->nh == t->nspans) {
				m = t->hmonth[yi / per];
				day = t->hday[yi / per];
			} else if (sp->month) {
				m = sp->month;
				day = sp->day;
			}
		} else if (t->nh == ny) {
			m = t->hmonth[yi];
			day = t->hday[yi];
		}
		yi++;
		if (!m && months == 12) {
			/* "Fiscal Year | 2024 | 2023": the years are the fiscal
			 * years' own labels */
			t->cols[i].type = EC_PERIOD_YEAR;
			t->cols[i].year = t->ycol[i];
			t->cols[i].n = 0;
			t->colok[i] = 1;
			t->coldur[i] = 1;
			continue;
		}
		if (!m || (d->cal.set < 0))
			continue;
		int mi = t->ycol[i] * 12 + m - 1;
		if (day && day <= 7)
			mi--;
		ec_period q = ec_period_from_qindex(ex_cal_quarter_of_month(&d->cal, mi));
		ec_period p = q;
		if (months == 12) {
			p.type = EC_PERIOD_YEAR;
			p.n = 0;
		} else if (months == 6) {
			p.type = EC_PERIOD_HALF;
			p.n = q.n <= 2 ? 1 : 2;
		} else if (months == 9) {
			p.type = EC_PERIOD_MONTHS;
			p.n = 9;
			if (q.n != 3)
				continue;
		}
		t->cols[i] = p;
		t->colok[i] = 1;
		t->colpoint[i] = months == 0;
		t->coldur[i] = months != 0;
	}
	t->ncols = t->nyc;
}

/* Splits buf in place into its blank-separated words (at most max);
 * their starts go to w.  Returns the count. */
static size_t word_list(char *buf, const char **w, size_t max)
{
	size_t n = 0;
	for (char *q = buf; *q && n < max;) {
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
	return n;
}

/* The metric family a section label names exactly ("Operating income
 * (loss):" -> F_OP), or F_NONE. */
static int sec_family(const char *sec, const ex_lexidx *ix)
{
	char buf[96];
	size_t o = 0;
	int depth = 0;
	for (const char *p = sec; *p && o + 1 < sizeof buf; p++) {
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
		if (depth || c == ':' || c == '*')
			continue;
		if (c == ' ' && (o == 0 || buf[o - 1] == ' '))
			continue;
		buf[o++] = c;
	}
	while (o > 0 && buf[o - 1] == ' ')
		o--;
	buf[o] = 0;
	const char *w[12];
	char *b0 = buf;
	if (strncmp(b0, "segment ", 8) == 0)
		b0 += 8; /* "Segment operating income" over the segments' rows */
	size_t n = word_list(b0, w, 12);
	size_t nw;
	int ph = n ? ex_phrase_longest(ix, w, n, &nw) : -1;
	return ph >= 0 && nw == n ? ex_phrases[ph].fam : F_NONE;
}

/* sec_family of t->section, found once per section: set_section and
 * reset (the only writers of t->section) clear secfam_ok. */
static int section_family(tstate *t, const ex_lexidx *ix)
{
	if (!t->secfam_ok) {
		t->secfam = sec_family(t->section, ix);
		t->secfam_ok = 1;
	}
	return t->secfam;
}

/* Rows of a segment table that are not segments: the reconciling
 * lines between the segments and the total (l lower case). */
static int not_segment(const char *l)
{
	static const char *const w[] = {"corporate", "corporate and other", "corporate & other",
	                                "other", "all other", "eliminations", "intersegment eliminations",
	                                "unallocated", "unallocated costs", "central costs",
	                                "corporate costs", "reconciling items"};
	for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
		if (!strcmp(l, w[k]))
			return 1;
	return 0;
}

/* label_metric's byte classes: LM_PLAIN is copied as it is. */
enum { LM_PLAIN = 0, LM_END, LM_OPEN, LM_CLOSE, LM_DROP, LM_BLANK };
static const unsigned char lm_class[256] = {
	[0] = LM_END, ['('] = LM_OPEN, [')'] = LM_CLOSE, ['*'] = LM_DROP,
	[','] = LM_BLANK, [':'] = LM_BLANK, [' '] = LM_BLANK,
};

/* The n bytes at p + L - n are w (and there is more before them). */
static inline int ends_with(const char *p, size_t L, const char *w, size_t n)
{
	/* the last byte first: a cheap reject of most words */
	return L > n && p[L - 1] == w[n - 1] && memcmp(p + L - n, w, n) == 0;
}

/* p (L bytes) starts with the n bytes of w: strncmp(p, w, n) == 0 for a
 * w of n bytes without a NUL. */
static inline int starts_with(const char *p, size_t L, const char *w, size_t n)
{
	return L >= n && memcmp(p, w, n) == 0;
}

/* snprintf(dst, cap, "%s", src) for cap >= 1, without printf */
static void put_str(char *dst, size_t cap, const char *src)
{
	size_t n = strlen(src);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = 0;
}

/* The n bytes of s (16 <= n) hold none of "()*,:", no blank first or
 * last and no two blanks in a row: label_metric's copy loop gives them
 * back unchanged.  0 when not so, or not known (without SSE2). */
static int label_plain(const char *s, size_t n)
{
#if defined(__SSE2__)
	if (n < 16 || s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	const __m128i op = _mm_set1_epi8('('), cp = _mm_set1_epi8(')'), st = _mm_set1_epi8('*'),
	              cm = _mm_set1_epi8(','), co = _mm_set1_epi8(':'), bl = _mm_set1_epi8(' ');
	unsigned carry = 0; /* the byte before the sixteen at i is a blank */
	for (size_t i = 0;; i += 16) {
		int last = i + 16 >= n;
		if (last && i + 16 > n) {
			/* the last sixteen, back over some seen already: the pair
			 * across the previous sixteen's end lies inside them */
			i = n - 16;
			carry = 0;
		}
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i sp = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, op), _mm_cmpeq_epi8(v, cp)),
		                          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, st),
		                                                    _mm_cmpeq_epi8(v, cm)),
		                                       _mm_cmpeq_epi8(v, co)));
		if (_mm_movemask_epi8(sp))
			return 0;
		unsigned b = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, bl));
		if ((b & (b >> 1)) || (carry && (b & 1)))
			return 0;
		if (last)
			return 1;
		carry = b >> 15;
	}
#else
	(void)s;
	(void)n;
	return 0;
#endif
}

/* label_metric's label into l (cap bytes): its basis in parentheses to
 * *basis; parenthesised parts, footnote marks and markup dropped; ','
 * and ':' are blanks; no blank at the start or after a blank.  Returns
 * the bytes written (not terminated; trailing blanks left). */
static size_t label_copy(char *l, size_t cap, const char *label, int *basis)
{
	size_t o = 0;
	/* "Operating income (GAAP)", "Diluted EPS (non-GAAP)" (all three
	 * need a '(') */
	if (strchr(label, '(')) {
		if (has(label, "(non-gaap)") || has(label, "(adjusted)"))
			*basis = EC_BASIS_NON_GAAP;
		else if (has(label, "(gaap)"))
			*basis = EC_BASIS_GAAP;
	}
	int depth = 0;
	for (const char *p = label; o + 1 < cap; p++) {
		unsigned char c = (unsigned char)*p;
		unsigned k = lm_class[c];
		if (k == LM_PLAIN) {
			if (!depth)
				l[o++] = (char)c;
			continue;
		}
		if (k == LM_END)
			break;
		if (k == LM_OPEN)
			depth++;
		else if (k == LM_CLOSE)
			depth -= depth > 0;
		else if (k == LM_BLANK && !depth && o > 0 && l[o - 1] != ' ')
			l[o++] = ' ';
	}
	return o;
}

/* Row label -> metric.  Returns the family (F_*), with *pct for "% of
 * revenue" rows, *basis (-1 = from the table), *seg and *neg.  Lengths
 * are kept along (L) instead of measured again: every test below is
 * the strcmp / strncmp it replaces on the NUL-terminated text. */
static int label_metric(tstate *t, const ex_lexidx *ix, const char *label,
                        int *pct, int *basis, char *seg, size_t segcap, int *neg)
{
	char l[160];
	size_t o;
	*basis = -1;
	size_t ln = strlen(label);
	if (ln < sizeof l && label_plain(label, ln)) {
		/* nothing to drop (no '(': no basis in parentheses) */
		memcpy(l, label, ln + 1);
		o = ln;
	} else {
		o = label_copy(l, sizeof l, label, basis);
	}
	while (o > 0 && l[o - 1] == ' ')
		o--;
	l[o] = 0;
	*pct = 0;
	*neg = 0;
	seg[0] = 0;
	char *p = l;
	size_t L = o; /* strlen(p) */
	/* "Net income attributable to Tressler": the parent's share (17
	 * bytes: nothing shorter holds it) */
	char *attr = L >= 17 ? strstr(p, " attributable to ") : NULL;
	if (attr) {
		*attr = 0;
		L = (size_t)(attr - p);
		if ((L == 6 && !memcmp(p, "profit", 6)) || (L == 10 && !memcmp(p, "net profit", 10))) {
			/* "Profit attributable to shareholders": IFRS net income */
			return F_NI;
		}
	}
/* a string literal and its length */
#define LIT(w) w, sizeof w - 1
#define ENDS(w) ends_with(p, L, LIT(w))
#define STARTS(w) starts_with(p, L, LIT(w))
	/* "Net loss per share, basic and diluted": one figure for both */
	if (ENDS(" basic and diluted")) {
		L -= 18;
		p[L] = 0;
	}
	/* basis prefix */
	if (STARTS("non-gaap ")) {
		*basis = EC_BASIS_NON_GAAP;
		p += 9;
		L -= 9;
	} else if (STARTS("adjusted ")) {
		*basis = EC_BASIS_NON_GAAP;
		p += 9;
		L -= 9;
	} else if (STARTS("adj. ")) {
		*basis = EC_BASIS_NON_GAAP;
		p += 5;
		L -= 5;
	} else if (STARTS("gaap ")) {
		*basis = EC_BASIS_GAAP;
		p += 5;
		L -= 5;
	}
	/* "% of revenue" suffix (the first that ends p, in this order) */
	static const struct {
		const char *w;
		size_t n;
	} pcts[] = {{LIT(" as a % of revenue")},     {LIT(" as a percentage of revenue")},
	            {LIT(" % of revenue")},          {LIT(" as a % of net revenue")},
	            {LIT(" % of net revenues")},     {LIT(" percentage")},
	            {LIT(" %")}};
	for (size_t k = 0; k < sizeof pcts / sizeof pcts[0]; k++) {
		if (ends_with(p, L, pcts[k].w, pcts[k].n)) {
			L -= pcts[k].n;
			p[L] = 0;
			*pct = 1;
			break;
		}
	}
	if (STARTS("total ")) {
		p += 6;
		L -= 6;
	}
	if (STARTS("long-term ") || STARTS("long term ")) {
		put_str(seg, segcap, "long_term");
		p += 10;
		L -= 10;
	} else if (STARTS("current ")) {
		put_str(seg, segcap, "current");
		p += 8;
		L -= 8;
	}
	if (ENDS(" net")) {
		L -= 4;
		p[L] = 0;
	}
	/* "Deferred revenue, current", "Deferred revenue, non-current" */
	static const struct {
		const char *w;
		size_t n;
		const char *seg;
	} tails[] = {{LIT(" non-current"), "long_term"}, {LIT(" noncurrent"), "long_term"},
	             {LIT(" long-term"), "long_term"}, {LIT(" current"), "current"}};
	for (size_t k = 0; k < sizeof tails / sizeof tails[0] && !seg[0]; k++) {
		if (ends_with(p, L, tails[k].w, tails[k].n)) {
			L -= tails[k].n;
			p[L] = 0;
			put_str(seg, segcap, tails[k].seg);
		}
	}
#undef LIT
#undef ENDS
#undef STARTS
	/* words */
	const char *w[16];
	char buf[160];
	/* p is inside l (160 bytes with its NUL): the whole of it fits */
	memcpy(buf, p, L + 1);
	size_t n = word_list(buf, w, 16);
	if (n == 0)
		return F_NONE;
	/* rows named by the section: "Product" under "Net revenues:" */
	const char *sec = t->section;
	if (n == 1 && (!strcmp(w[0], "product") || !strcmp(w[0], "products") ||
	               !strcmp(w[0], "service") || !strcmp(w[0], "services"))) {
		if ((has(sec, "revenue") || has(sec, "sales")) && !has(sec, "cost")) {
			put_str(seg, segcap, w[0][0] == 'p' ? "product" : "service");
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
	if (ph < 0 || nw != n) {
		/* "Subscription", "Software and data" under "Revenue:" (before
		 * the section's total): revenue of a segment, named as printed
		 * in lower snake case.  The cheap tests first: they are the
		 * same conjunction, only reordered (no test has a side
		 * effect). */
		if (t->section_total || n > 5 || seg[0] != 0 || *basis >= 0 ||
		    strncmp(l, "total", 5) == 0)
			return F_NONE;
		int secfam = section_family(t, ix);
		if (secfam == F_REVENUE || secfam == F_OP || secfam == F_GM ||
		    ((has(sec, "revenue") || has(sec, "sales")) && !has(sec, "cost") &&
		     !has(sec, "deferred") && secfam == F_NONE)) {
			if (secfam == F_NONE)
				secfam = F_REVENUE; /* "Revenue by region:" */
			if (not_segment(l))
				return F_NONE;
			size_t o2 = 0;
			for (size_t k = 0; k < n; k++) {
				if (!strcmp(w[k], "&"))
					continue; /* "Health & Wellness" -> health_wellness */
				for (const char *q = w[k]; *q; q++) {
					char x = *q;
					if (!ex_is_alpha((unsigned char)x) && x != '&' && x != '-' && x != '\'')
						return F_NONE; /* digits or signs: not a name */
					if (x == '\'')
						continue;
					if (o2 + 2 >= segcap)
						return F_NONE;
					if (x == '&' || x == '-')
						x = '_';
					if (q == w[k] && o2 > 0)
						seg[o2++] = '_';
					seg[o2++] = x;
				}
			}
			seg[o2] = 0;
			return o2 ? secfam : F_NONE;
		}
		return F_NONE;
	}
	*neg = ex_phrases[ph].neg;
	/* a row the lexicon names ("Revenue", "Cost of revenue") ends the
	 * segment rows of a "Revenue:" section */
	t->section_total = 1;
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

/* Whether w (lower case) occurs within n bytes after the row [ls, le)
 * other than in the row itself (a bounded look ahead: linear). */
static int near_text(const ex_doc *d, size_t ls, size_t le, size_t n, const char *w)
{
	(void)ls;
	size_t e = le + n < d->clean_len ? le + n : d->clean_len;
	size_t m = strlen(w);
	for (size_t i = le; i + m <= e; i++) {
		size_t k = 0;
		while (k < m && ex_lower((unsigned char)d->clean[i + k]) == (unsigned char)w[k])
			k++;
		if (k == m)
			return 1;
	}
	return 0;
}

/* A row with as many numbers as the table has period columns, its
 * "Change %" / "% of Net Sales" cells left empty ("| Diluted EPS | 3.27 |
 * | 2.96 | |", whose empty cells the pipe reader drops): the numbers go
 * to the period columns in order, when all are percentages or none is. */
static int spread_periods(const tstate *t, ex_num *vals, int *kinds, int *nv)
{
	int np = 0, npct = 0;
	if (t->ncols > MAXCOLS || *nv == 0)
		return 0;
	for (int i = 0; i < t->ncols; i++)
		np += t->colok[i] && t->colkind[i] == COL_ACTUAL;
	if (np != *nv || np == t->ncols)
		return 0;
	for (int i = 0; i < *nv; i++)
		npct += kinds[i] == EX_CELL_NUM && vals[i].pct;
	if (npct != 0 && npct != *nv)
		return 0;
	ex_num v2[MAXCOLS];
	int k2[MAXCOLS], j = 0;
	for (int i = 0; i < t->ncols; i++) {
		if (t->colok[i] && t->colkind[i] == COL_ACTUAL) {
			v2[i] = vals[j];
			k2[i] = kinds[j++];
		} else {
			memset(&v2[i], 0, sizeof v2[i]);
			k2[i] = CELL_EMPTY;
		}
	}
	memcpy(vals, v2, sizeof v2[0] * (size_t)t->ncols);
	memcpy(kinds, k2, sizeof k2[0] * (size_t)t->ncols);
	*nv = t->ncols;
	return 1;
}

/* Whether period p ends after the document's own quarter (a forecast
 * column, not an actual). */
static int after_doc(const ex_doc *d, ec_period p)
{
	if (!d->has_period)
		return 0;
	ec_period dp = d->period;
	int pe = p.type == EC_PERIOD_QUARTER ? p.year * 12 + p.n * 3
	         : p.type == EC_PERIOD_MONTHS ? p.year * 12 + p.n
	         : p.type == EC_PERIOD_HALF  ? p.year * 12 + p.n * 6
	                                     : p.year * 12 + 12;
	return pe > dp.year * 12 + dp.n * 3;
}

/* One actual value of a table cell. */
static void push_actual(ex_mentions *out, ec_period p, const ex_metric *met, const char *seg,
                        int basis, double v, int digits, size_t ls, size_t le, size_t *order,
                        int *err)
{
	ex_mention m;
	memset(&m, 0, sizeof m);
	m.period = p;
	m.metric = met->name;
	put_str(m.segment, sizeof m.segment, seg);
	m.basis = met->has_basis ? (ec_basis)basis : EC_BASIS_NONE;
	m.kind = EC_KIND_ACTUAL;
	m.value = v;
	m.low = m.high = NAN;
	m.unit = met->unit;
	m.cstart = ls;
	m.cend = le;
	m.role = EX_ROLE_COMPANY;
	m.prio = 0;
	m.precision = digits;
	m.order = (*order)++;
	if (ex_mentions_push(out, &m))
		*err = 1;
}

/* A row of a table whose columns name metrics ("Revenue H1 2024 | Adj.
 * operating profit H1 2024"): the row label is a segment, or the total
 * ("Group", "Total"). */
static void emit_metric_cols(ex_doc *d, ex_mentions *out, tstate *t, const ex_lexidx *ix,
                             const char *s, size_t ls, size_t le, cell label, const char *lab,
                             const ex_num *vals, const int *kinds, int nv, size_t *order,
                             int *err)
{
	char seg[48];
	if (!strcmp(lab, "group") || !strcmp(lab, "total") || !strcmp(lab, "group total") ||
	    !strcmp(lab, "total group") || !strcmp(lab, "consolidated")) {
		put_str(seg, sizeof seg, "total");
	} else {
		if (not_segment(lab) || has(lab, "total"))
			return;
		/* a row that names a metric is no segment */
		int pct, basis, neg;
		char s2[48];
		tstate tmp = *t;
		if (label_metric(&tmp, ix, lab, &pct, &basis, s2, sizeof s2, &neg) != F_NONE)
			return;
		size_t o = 0;
		for (size_t i = label.s; i < label.e && o + 1 < sizeof seg; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c == '&' || c == '*')
				continue;
			if (!ex_is_alpha(c) && c != ' ' && c != '-')
				return; /* digits or signs: not a name */
			char x = (char)ex_lower(c);
			if (x == ' ' || x == '-')
				x = '_';
			if (x == '_' && (o == 0 || seg[o - 1] == '_'))
				continue;
			seg[o++] = x;
		}
		while (o > 0 && seg[o - 1] == '_')
			o--;
		seg[o] = 0;
		if (!o)
			return;
	}
	for (int i = 0; i < nv && i < t->ncols; i++) {
		if (!t->colok[i] || t->colfam[i] == F_NONE || kinds[i] != EX_CELL_NUM ||
		    t->colkind[i] != COL_ACTUAL || after_doc(d, t->cols[i]))
			continue;
		ex_num x = vals[i];
		const ex_metric *met = ex_family_metric(t->colfam[i], x.pct);
		if (!met || (met->unit == EC_UNIT_PCT) != (x.pct != 0))
			continue;
		if (met->unit == EC_UNIT_USD_M && t->scale <= 0 && !(x.scale > 0))
			continue;
		if (met->unit == EC_UNIT_USD && t->scale > 0 && !t->per_share_ok)
			continue;
		if ((met->unit == EC_UNIT_USD_M || met->unit == EC_UNIT_USD) && t->foreign)
			continue;
		double v;
		if (!ex_num_value(&x, met->unit, met->unit == EC_UNIT_USD_M ? t->scale : 1, &v))
			continue;
		if (t->colfam[i] == F_CAPEX)
			v = fabs(v);
		int basis = t->colbasis[i] >= 0 ? t->colbasis[i] : EC_BASIS_GAAP;
		push_actual(out, t->cols[i], met, seg, basis, v, x.digits, ls, le, order, err);
	}
}

/* The cell [cs, ce) is one range and nothing else: "$410 - $415
 * million", "$1.735 - $1.750 billion", "20% - 21%", "$0.50 - $0.52".
 * Returns 1 with the low end in *x (and the high in x->hi). */
static int range_cell(const char *s, size_t cs, size_t ce, ex_num *x)
{
	ex_range r;
	if (cs < ce && (s[cs] == '~' || s[cs] == '('))
		return 0;
	if (ex_range_parse(s, ce, cs, &r) && r.kind == EX_R_RANGE && r.end == ce) {
		/* "$410 to $415 million" */
		if (r.a.foreign || r.b.foreign || r.b.v < r.a.v)
			return 0;
		*x = r.a;
		x->hi = r.b.v;
		return 1;
	}
	/* "$410 - $415 million", "20% - 21%": a dash between two numbers */
	ex_num a, b;
	if (!ex_num_parse(s, ce, cs, &a))
		return 0;
	size_t i = a.end;
	while (i < ce && s[i] == ' ')
		i++;
	if (i < ce && s[i] == '-')
		i++;
	else if (i + 3 <= ce && (unsigned char)s[i] == 0xe2 && (unsigned char)s[i + 1] == 0x80 &&
	         ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
		i += 3; /* en or em dash */
	else
		return 0;
	while (i < ce && s[i] == ' ')
		i++;
	if (i >= ce || !ex_num_parse(s, ce, i, &b) || b.end != ce)
		return 0;
	/* the bounds share what one of them writes: "$1.735 - $1.750 billion" */
	if (!a.scale)
		a.scale = b.scale;
	if (!a.pct)
		a.pct = b.pct;
	if (!a.cur)
		a.cur = b.cur;
	if ((b.scale && b.scale != a.scale) || a.pct != (b.pct || a.pct) || a.foreign || b.foreign ||
	    b.v < a.v)
		return 0;
	*x = a;
	x->hi = b.v;
	return 1;
}

/* The title names a revenue-by-segment table (found once per title:
 * reset and the title's one writer in ex_table_scan clear title_ok). */
static int segment_title(tstate *t)
{
	if (!t->title_ok) {
		const char *x = t->title;
		t->title_seg = (has(x, "segment") || has(x, " by ")) &&
		               (has(x, "revenue") || has(x, "sales")) && !has(x, "cost");
		t->title_ok = 1;
	}
	return t->title_seg;
}

/* The lower-case label of a row: lower_copy of its first LABCAP - 1
 * bytes (emit_row's lab). */
#define LABCAP 160
static void row_label(char *lab, const char *s, cell label)
{
	size_t n = label.e - label.s;
	if (n >= LABCAP)
		n = LABCAP - 1;
	lower_copy(lab, LABCAP, s + label.s, n);
}

/* A row: lab0 is row_label of label, or NULL to make it here. */
static void emit_row(ex_doc *d, ex_mentions *out, tstate *t, const ex_lexidx *ix,
                     const char *s, size_t ls, size_t le, cell label, const char *lab0,
                     const ex_num *vals0, const int *kinds0, int nv0, size_t *order, int *err,
                     int force)
{
	char lab_own[LABCAP];
	const char *lab = lab0;
	if (!lab) {
		row_label(lab_own, s, label);
		lab = lab_own;
	}
	if (!lab[0] || t->ncols == 0)
		return;
	/* The cells by column: every cell when there are as many as columns
	 * ("Up 4%" under "Y/Y"), else the numbers alone. */
	ex_num vals[MAXCELLS];
	int kinds[MAXCELLS], nv = 0;
	int empties = 0;
	for (int i = 0; i < nv0; i++)
		empties += kinds0[i] == CELL_EMPTY;
	if (nv0 == t->ncols || (empties && nv0 < t->ncols && t->ncols <= MAXCELLS)) {
		/* a pipe row keeps its empty cells; trailing ones may be cut
		 * off with the row's last "|" */
		memcpy(vals, vals0, sizeof vals[0] * (size_t)nv0);
		memcpy(kinds, kinds0, sizeof kinds[0] * (size_t)nv0);
		nv = nv0;
		for (; nv < t->ncols; nv++) {
			memset(&vals[nv], 0, sizeof vals[nv]);
			kinds[nv] = CELL_EMPTY;
		}
	} else {
		for (int i = 0; i < nv0; i++)
			if (kinds0[i] != EX_CELL_TEXT && kinds0[i] != CELL_EMPTY) {
				vals[nv] = vals0[i];
				kinds[nv++] = kinds0[i];
			}
		if (nv != t->ncols && !spread_periods(t, vals, kinds, &nv))
			return;
	}
	if (t->nmetcols > 0) {
		emit_metric_cols(d, out, t, ix, s, ls, le, label, lab, vals, kinds, nv, order, err);
		return;
	}
	if (force == F_NONE) {
		/* the row after "Gross profit": maybe all of operating
		 * expenses (checked at the operating income row) */
		if (t->rows_since_gp == 1 && nv0 <= MAXCELLS && (has(lab, "expense") || has(lab, "administrative")) &&
		    !has(lab, "cost") && !has(lab, "research")) {
			t->cand_ok = 1;
			t->cand_label = label;
			t->cand_ls = ls;
			t->cand_le = le;
			memcpy(t->cand_vals, vals0, sizeof vals0[0] * (size_t)nv0);
			memcpy(t->cand_kinds, kinds0, sizeof kinds0[0] * (size_t)nv0);
			t->cand_nv = nv0;
		} else if (t->rows_since_gp == 1) {
			t->cand_ok = 0;
		}
		if (t->rows_since_gp)
			t->rows_since_gp++;
	}
	int pct, basis, neg;
	char seg[48];
	int fam;
	if (force != F_NONE) {
		fam = force;
		pct = 0;
		basis = -1;
		neg = 0;
		seg[0] = 0;
	} else {
		fam = label_metric(t, ix, lab, &pct, &basis, seg, sizeof seg, &neg);
	}
	/* "Adjusted operating margin (%)": the cells are percentages (both
	 * need a '(') */
	int label_pct = strchr(lab, '(') && (has(lab, "(%)") || has(lab, "(in %)"));
	int total_row = !strcmp(lab, "total") || !strcmp(lab, "total:");
	if (fam == F_NONE && segment_title(t) &&
	    (!t->section[0] || has(t->section, "revenue") || has(t->section, "sales"))) {
		/* a revenue-by-segment table */
		fam = F_REVENUE;
		int prod = has(t->title, "product revenue") || has(t->title, "product sales");
		if (total_row) {
			put_str(seg, sizeof seg, prod ? "product" : "total");
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
	} else if (fam == F_BLOCK && !strcmp(lab, "cash and cash equivalents") &&
	           !near_text(d, ls, le, 400, "investments") && !near_text(d, ls, le, 400, "marketable") &&
	           !near_text(d, ls, le, 400, "short-term")) {
		/* the only cash line of the balance sheet: no investments to add */
		fam = F_CASH;
	}
	if (fam == F_NONE || fam == F_BLOCK)
		return;
	if (fam == F_DEFREV && !seg[0] && has(t->section, "current liabilities"))
		put_str(seg, sizeof seg, "current");
	if (fam == F_DEFREV && !seg[0] && has(t->section, "long-term"))
		put_str(seg, sizeof seg, "long_term");
	if (!seg[0])
		put_str(seg, sizeof seg, "total");
	/* revenue is GAAP unless its own label says otherwise: a "Non-GAAP"
	 * summary table repeats the GAAP revenue */
	if (basis < 0)
		basis = t->section_basis >= 0 && fam != F_REVENUE ? t->section_basis : EC_BASIS_GAAP;
	/* "Deferred revenue" above "Deferred revenue, non-current" is the
	 * current part */
	if (fam == F_DEFREV && !strcmp(seg, "total") && near_text(d, ls, le, 600, "deferred revenue") &&
	    (near_text(d, ls, le, 600, "non-current") || near_text(d, ls, le, 600, "noncurrent")))
		put_str(seg, sizeof seg, "current");
	/* "Purchases of property and equipment" beside "Capitalized
	 * software": capital spending is wider than this row */
	if (fam == F_CAPEX && has(lab, "purchase") && near_text(d, ls, le, 300, "capitalized"))
		return;
	/* the unit from the cells of the period columns */
	int cells_pct = 0;
	for (int i = 0; i < nv; i++)
		if (t->colok[i] && (kinds[i] == EX_CELL_NUM || kinds[i] == CELL_RANGE) && vals[i].pct)
			cells_pct = 1;
	if (label_pct) {
		/* every period cell must be a plain number */
		for (int i = 0; i < nv; i++)
			if (t->colok[i] && (kinds[i] == EX_CELL_NUM || kinds[i] == CELL_RANGE) && vals[i].scale > 0)
				return;
		cells_pct = 1;
		for (int i = 0; i < nv; i++)
			if ((kinds[i] == EX_CELL_NUM || kinds[i] == CELL_RANGE))
				vals[i].pct = 1;
	}
	if (cells_pct)
		pct = 1;
	const ex_metric *met = ex_family_metric(fam, pct);
	if (!met)
		return;
	if (met->unit == EC_UNIT_PCT && !cells_pct)
		return;
	/* "Revenue (in billions)": the row's own unit */
	double scale = t->scale;
	if (has(lab, "in billions"))
		scale = 1e9;
	else if (has(lab, "in millions"))
		scale = 1e6;
	else if (has(lab, "in thousands"))
		scale = 1e3;
	/* "$1.21B": cells that carry their own scale need no unit statement */
	int cells_scaled = 0, cells_num = 0;
	for (int i = 0; i < nv; i++)
		if (t->colok[i] && (kinds[i] == EX_CELL_NUM || kinds[i] == CELL_RANGE)) {
			cells_num++;
			cells_scaled += vals[i].scale > 0;
		}
	if (met->unit == EC_UNIT_USD_M &&
	    (cells_pct || (scale <= 0 && !(cells_num > 0 && cells_scaled == cells_num))))
		return;
	if (met->unit == EC_UNIT_USD && (cells_pct || (t->scale > 0 && !t->per_share_ok)))
		return;
	if ((met->unit == EC_UNIT_USD_M || met->unit == EC_UNIT_USD) && t->foreign)
		return; /* yen, euros: never a usd value */
	if (!met->has_basis)
		basis = EC_BASIS_NONE;
	int balance_fam = fam == F_DEFREV || fam == F_CASH || fam == F_BACKLOG;
	/* gross profit and operating income by column, for the check of the
	 * row between them (usd_m; NAN unknown) */
	int is_gp = force == F_NONE && fam == F_GM && met->unit == EC_UNIT_USD_M && !strcmp(seg, "total");
	int is_oi = force == F_NONE && fam == F_OP && met->unit == EC_UNIT_USD_M && !strcmp(seg, "total") &&
	            basis == EC_BASIS_GAAP;
	double oi[MAXCOLS];
	for (int i = 0; i < MAXCOLS; i++) {
		oi[i] = NAN;
		if (is_gp)
			t->gp[i] = NAN;
	}
	if (is_gp) {
		t->rows_since_gp = 1;
		t->cand_ok = 0;
	}
	for (int i = 0; i < nv; i++) {
		if (!t->colok[i] || kinds[i] == EX_CELL_NA || kinds[i] == EX_CELL_TEXT ||
		    kinds[i] == CELL_EMPTY || t->colkind[i] == COL_HIGH)
			continue;
		double v, vh = NAN;
		ex_num x = vals[i];
		if (met->unit == EC_UNIT_PCT && kinds[i] == EX_CELL_DASH)
			x.pct = 1;
		if (!ex_num_value(&x, met->unit, met->unit == EC_UNIT_USD_M ? scale : 1, &v))
			continue;
		int guid = t->colkind[i] == COL_LOW;
		if (kinds[i] == CELL_RANGE) {
			/* a range cell is a forecast: only for a period after the
			 * document's own */
			if (t->colkind[i] != COL_ACTUAL || !d->has_period ||
			    !after_doc(d, t->cols[i]))
				continue;
			ex_num y = x;
			y.v = x.hi;
			if (!ex_num_value(&y, met->unit, met->unit == EC_UNIT_USD_M ? scale : 1, &vh) || vh < v)
				continue;
			guid = 1;
		} else if (guid) {
			/* "Low / High" under one period: a guidance range */
			if (i + 1 >= nv || t->colkind[i + 1] != COL_HIGH || !t->colok[i + 1] ||
			    ec_period_cmp(t->cols[i], t->cols[i + 1]) != 0 ||
			    kinds[i + 1] != EX_CELL_NUM)
				continue;
			ex_num y = vals[i + 1];
			if (!ex_num_value(&y, met->unit, met->unit == EC_UNIT_USD_M ? scale : 1, &vh) ||
			    vh < v)
				continue;
		}
		if (fam == F_CAPEX) {
			v = fabs(v);
			vh = fabs(vh);
		}
		if (neg && v > 0)
			v = -v;
		if (neg && vh > 0)
			vh = -vh;
		if (!guid && i < MAXCOLS && t->colkind[i] == COL_ACTUAL) {
			if (is_gp)
				t->gp[i] = v;
			if (is_oi)
				oi[i] = v;
		}
		/* balance items belong to the quarter that ends on the date */
		ec_period p = t->cols[i];
		if (balance_fam && p.type != EC_PERIOD_QUARTER)
			continue;
		if (!balance_fam && (t->colpoint[i] || (t->balance && !t->coldur[i])))
			continue;
		if (guid && balance_fam)
			continue;
		if (d->has_period && !guid) {
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
		put_str(m.segment, sizeof m.segment, seg);
		m.basis = (ec_basis)basis;
		if (guid) {
			m.kind = EC_KIND_GUIDANCE;
			m.low = v;
			m.high = vh;
			m.value = (v + vh) / 2;
		} else {
			m.kind = EC_KIND_ACTUAL;
			m.value = v;
			m.low = m.high = NAN;
		}
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
	/* "% of Net Sales" cells beside the amounts: the margins of gross
	 * profit and operating income rows (other rows' shares are no
	 * metric of ours) */
	if ((fam == F_GM || fam == F_OP) && !pct && force == F_NONE) {
		const ex_metric *mm = ex_family_metric(fam, 1);
		for (int i = 1; i < nv && i < t->ncols && mm && mm->unit == EC_UNIT_PCT; i++) {
			if (t->colkind[i] != COL_PCTOF || kinds[i] != EX_CELL_NUM || !vals[i].pct ||
			    vals[i].scale > 0)
				continue;
			int j = i - 1; /* the amount column it divides */
			if (!t->colok[j] || t->colkind[j] != COL_ACTUAL || t->colpoint[j] ||
			    (kinds[j] != EX_CELL_NUM) || after_doc(d, t->cols[j]))
				continue;
			double v;
			ex_num x = vals[i];
			if (!ex_num_value(&x, EC_UNIT_PCT, 1, &v) || v < -100 || v > 100)
				continue;
			push_actual(out, t->cols[j], mm, seg, basis, v, x.digits, ls, le, order, err);
		}
	}
	/* Gross profit less the row between it and this operating income
	 * row is operating income in every column: that row is the whole of
	 * operating expenses ("Selling, general and administrative") */
	if (is_oi && t->rows_since_gp == 3 && t->cand_ok) {
		ex_num cv[MAXCELLS];
		int ck[MAXCELLS], cn = 0;
		if (t->cand_nv == t->ncols) {
			memcpy(cv, t->cand_vals, sizeof cv[0] * (size_t)t->cand_nv);
			memcpy(ck, t->cand_kinds, sizeof ck[0] * (size_t)t->cand_nv);
			cn = t->cand_nv;
		} else {
			for (int i = 0; i < t->cand_nv; i++)
				if (t->cand_kinds[i] != EX_CELL_TEXT && t->cand_kinds[i] != CELL_EMPTY) {
					cv[cn] = t->cand_vals[i];
					ck[cn++] = t->cand_kinds[i];
				}
		}
		int checked = 0, ok = cn == t->ncols;
		for (int i = 0; ok && i < cn && i < MAXCOLS; i++) {
			if (!t->colok[i] || t->colkind[i] != COL_ACTUAL)
				continue;
			double x;
			ex_num y = cv[i];
			if (ck[i] != EX_CELL_NUM || isnan(t->gp[i]) || isnan(oi[i]) || y.pct ||
			    !ex_num_value(&y, EC_UNIT_USD_M, scale, &x)) {
				ok = 0;
				break;
			}
			if (fabs(t->gp[i] - fabs(x) - oi[i]) > 1e-3 * fabs(t->gp[i]) + 1e-9)
				ok = 0;
			checked++;
		}
		t->cand_ok = 0;
		if (ok && checked > 0)
			emit_row(d, out, t, ix, s, t->cand_ls, t->cand_le, t->cand_label, NULL,
			         t->cand_vals, t->cand_kinds, t->cand_nv, order, err, F_OPEX);
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

/* prose[k] for every line k of d (malloc'd, the caller frees; NULL when
 * out of memory): prose_line, or a line of a hard-wrapped paragraph (a
 * release converted from PDF: "For the full fiscal year 2025, ending
 * January 31, 2025, Quillon now expects revenue of" / "$2.83 billion
 * ... ."): a run of two or more text lines, one of them over 60 bytes,
 * over 150 bytes in all, whose last line ends a sentence.  A table's
 * title and header lines ("Three Months Ended" / "July 31,") end with no
 * full stop, so their pieces are never taken for prose. */
static unsigned char *prose_lines(const ex_doc *d)
{
	const char *s = d->clean;
	unsigned char *p = malloc(d->n_lines ? d->n_lines : 1);
	if (!p)
		return NULL;
	for (size_t k = 0; k < d->n_lines; k++)
		p[k] = (unsigned char)prose_line(s, d->lines[k].start, d->lines[k].end);
	for (size_t k = 0; k < d->n_lines;) {
		if (d->lines[k].cls != EX_L_TEXT) {
			k++;
			continue;
		}
		size_t k1 = k, total = 0, longest = 0;
		for (; k1 < d->n_lines && d->lines[k1].cls == EX_L_TEXT; k1++) {
			size_t n = d->lines[k1].end - d->lines[k1].start;
			total += n;
			if (n > longest)
				longest = n;
		}
		size_t a = d->lines[k1 - 1].start, e = d->lines[k1 - 1].end;
		while (e > a && (s[e - 1] == ' ' || s[e - 1] == '"'))
			e--;
		if (k1 - k >= 2 && longest > 60 && total > 150 && e > a && s[e - 1] == '.')
			for (size_t j = k; j < k1; j++)
				p[j] = 1;
		k = k1;
	}
	return p;
}

/* The period a table's title names ("2024 outlook", "fiscal 2025
 * guidance", "fourth quarter 2024 outlook"): the first full one. */
static int title_period(const tstate *t, const ex_doc *d, ec_period *p)
{
	const char *s = t->title;
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && s[i - 1] != ' ')
			continue;
		ex_when w;
		if (!ex_when_parse(s, n, i, &d->cal, &w))
			continue;
		if (w.rel == EX_P_ABS && (w.p.type == EC_PERIOD_QUARTER || w.p.type == EC_PERIOD_YEAR)) {
			*p = w.p;
			return 1;
		}
		if (w.rel == EX_P_FY && w.explicit_year) {
			*p = w.p;
			p->type = EC_PERIOD_YEAR;
			p->n = 0;
			return 1;
		}
	}
	/* "2024 Outlook": a year alone names the year of a forecast */
	if (!has(s, "outlook") && !has(s, "guidance"))
		return 0;
	for (size_t i = 0; i + 4 <= n; i++) {
		int y;
		if ((i == 0 || s[i - 1] == ' ') && (i + 4 == n || s[i + 4] == ' ') &&
		    is_year_cell(s, i, i + 4, &y)) {
			p->type = EC_PERIOD_YEAR;
			p->year = y;
			p->n = 0;
			return 1;
		}
	}
	return 0;
}

/* A currency right before an occurrence of UNIT in l: "US$ million",
 * "$million", "USD thousands", euro or pound sign and a space (l is
 * lower case). */
static int cur_unit(const char *l, const char *unit)
{
	static const char *const cur[] = {"$ ", "$", "usd ", "eur ", "gbp ", "\xe2\x82\xac ",
	                                  "\xc2\xa3 "};
	for (const char *p = strstr(l, unit); p; p = strstr(p + 1, unit))
		for (size_t k = 0; k < sizeof cur / sizeof cur[0]; k++) {
			size_t n = strlen(cur[k]);
			if ((size_t)(p - l) >= n && memcmp(p - n, cur[k], n) == 0)
				return 1;
		}
	return 0;
}

/* A unit statement or column head in another currency than US dollars
 * (l is lower case): "millions of yen", "eur million", "(in \xe2\x82\xac
 * thousands)", "£m", "rmb'000". */
static int foreign_unit(const char *l)
{
	static const char *const words[] = {"yen", "euro", "euros", "sterling", "pence", "yuan",
	                                    "renminbi", "rmb", "jpy", "eur", "gbp", "chf", "cny",
	                                    "inr", "krw", "cad", "aud", "sek", "nok", "dkk", NULL};
	/* A word of the list where a word of l starts (l[i - 1] no word
	 * byte), as strstr finds it and ex_word_at takes it: one pass over
	 * the starts of l's words (the list's words are lower-case letters:
	 * its first letters, as a bit set, reject most starts). */
	uint32_t firsts = 0;
	for (const char *const *w = words; *w; w++)
		firsts |= (uint32_t)1 << ((*w)[0] - 'a');
	size_t n = 0, len = 0; /* len: strlen(l), once needed */
	unsigned high = 0; /* the bytes or'ed: a sign below needs one >= 0x80 */
	while (l[n]) {
		unsigned char c = (unsigned char)l[n];
		if (!ex_is_word(c)) {
			high |= c;
			n++;
			continue;
		}
		/* a word of l starts at n */
		if ((unsigned)(c - 'a') < 26 && ((firsts >> (c - 'a')) & 1)) {
			if (!len)
				len = n + strlen(l + n);
			for (const char *const *w = words; *w; w++) {
				if ((*w)[0] != (char)c)
					continue;
				size_t k = 1; /* l + n starts with *w (strstr's match) */
				while ((*w)[k] && l[n + k] == (*w)[k])
					k++;
				if (!(*w)[k] && ex_word_at(l, len, n, *w))
					return 1;
			}
		}
		while (ex_is_word((unsigned char)l[n]))
			n++;
	}
	if ((high & 0x80) &&
	    (strstr(l, "\xc2\xa5") || strstr(l, "\xc2\xa3") || strstr(l, "\xe2\x82\xac")))
		return 1; /* yen, pound, euro signs */
	for (const char *p = strchr(l, '$'); p; p = strchr(p + 1, '$'))
		if (p > l && p[-1] >= 'a' && p[-1] <= 'z' && !(p - l >= 2 && p[-2] == 'u' && p[-1] == 's'))
			return 1; /* "c$", "hk$", "a$"; not "us$" */
	return 0;
}

/* The unit statement of a line: "(in thousands)", "($ in millions, ...)". */
static void scale_of(tstate *t, const char *l)
{
	double sc = 0;
	/* every unit statement below holds "000", "thousand" or "illion"
	 * ("in thousands" holds the word; "million", "in millions" and "in
	 * billions" hold "illion"): most lines have none ("in the" is no
	 * reason to look further) */
	if (!has(l, "000") && !has(l, "illion") && !has(l, "thousand"))
		return;
	/* a currency before the unit: "US$ million", "$ millions", "USD
	 * thousands" (a table's head cell or title) */
	int cur_m = cur_unit(l, "million"), cur_t = cur_unit(l, "thousand");
	if (has(l, "in thousands") || has(l, "000s") || has(l, "000's") || cur_t)
		sc = 1e3;
	else if (has(l, "in millions") || cur_m)
		sc = 1e6;
	else if (has(l, "in billions"))
		sc = 1e9;
	if (!sc && has(l, "illion") && foreign_unit(l))
		sc = 1e6; /* "Millions of yen", "EUR million": only to know */
	if (!sc)
		return;
	t->scale = sc;
	t->per_share_ok = !(!has(l, "except") && has(l, "per share"));
	t->foreign = foreign_unit(l);
}

static void set_section(tstate *t, const char *l)
{
	put_str(t->section, sizeof t->section, l); /* "%.95s" */
	t->secfam_ok = 0;
	t->section_basis = strncmp(l, "non-gaap", 8) == 0 ? EC_BASIS_NON_GAAP
	                   : strncmp(l, "adjusted", 8) == 0 ? EC_BASIS_NON_GAAP
	                   : strncmp(l, "gaap", 4) == 0     ? EC_BASIS_GAAP
	                                                    : -1;
	t->section_total = 0;
}

static void reset(tstate *t)
{
	memset(t, 0, sizeof *t);
	t->section_basis = -1;
}

/* A row of the table follows line k: a table line, or a label line
 * whose values follow on number-only lines (flattened tables). */
static int row_follows(const ex_doc *d, size_t k)
{
	if (k + 1 >= d->n_lines)
		return 0;
	if (d->lines[k + 1].cls == EX_L_TABLE)
		return 1;
	return d->lines[k + 1].cls == EX_L_TEXT && k + 2 < d->n_lines &&
	       d->lines[k + 2].cls == EX_L_TABLE;
}

/* Short words of a column without a period: "Change", "% Change",
 * "Q/Q", "Y/Y", "Variance". */
static int skip_head(const char *l)
{
	return strlen(l) <= 24 && (has(l, "change") || has(l, "q/q") || has(l, "y/y") ||
	                           has(l, "variance") || has(l, "yoy") || has(l, "qoq"));
}

/* A column of percentages of an amount column: "% of Net Sales", "% of
 * revenue", "as a % of sales" (cl lower case). */
static int pctof_head(const char *cl)
{
	return strlen(cl) <= 32 && (has(cl, "% of ") || has(cl, "percent of ") ||
	                            has(cl, "percentage of "));
}

/* Nothing but blanks, footnote marks and parenthesised remarks ("(as
 * recast)", "(restated)") in s[i, e). */
static int only_remarks(const char *s, size_t i, size_t e)
{
	int depth = 0;
	for (; i < e; i++) {
		char c = s[i];
		if (c == '(')
			depth++;
		else if (c == ')')
			depth -= depth > 0;
		else if (!depth && c != ' ' && c != '*' && c != ',')
			return 0;
	}
	return 1;
}

/* The period of a quarter (qindex q) as a column of the given length
 * in months (3, 6, 9, 12); 0 if a nine-month column does not end a third
 * quarter. */
static int span_period(ec_period q, int months, ec_period *p)
{
	*p = q;
	if (months == 12) {
		p->type = EC_PERIOD_YEAR;
		p->n = 0;
	} else if (months == 6) {
		p->type = EC_PERIOD_HALF;
		p->n = q.n <= 2 ? 1 : 2;
	} else if (months == 9) {
		p->type = EC_PERIOD_MONTHS;
		p->n = 9;
		if (q.n != 3)
			return 0;
	}
	return 1;
}

/* A column head that states a duration and its end: "13 Weeks Ended
 * February 1, 2025", "Three Months Ended December 31, 2024", "53 Weeks
 * Ended February 3, 2024 (as recast)".  Retail years count 13 or 14
 * weeks for a quarter, 52 or 53 for a year. */
static int head_dur_date(const ex_doc *d, const char *s, size_t cs, size_t ce, ec_period *p)
{
	static const struct {
		const char *w;
		int months;
	} ph[] = {{"three months", 3},  {"3 months", 3},        {"13 weeks", 3},
	          {"thirteen weeks", 3}, {"14 weeks", 3},        {"fourteen weeks", 3},
	          {"quarter", 3},        {"six months", 6},      {"6 months", 6},
	          {"26 weeks", 6},       {"27 weeks", 6},        {"nine months", 9},
	          {"9 months", 9},       {"39 weeks", 9},        {"40 weeks", 9},
	          {"twelve months", 12}, {"12 months", 12},      {"52 weeks", 12},
	          {"53 weeks", 12},      {"fifty-two weeks", 12}, {"fifty-three weeks", 12},
	          {"fiscal year", 12},   {"year", 12}};
	char l[128];
	if (d->cal.set < 0 || ce - cs >= sizeof l)
		return 0;
	lower_copy(l, sizeof l, s + cs, ce - cs);
	int months = 0;
	size_t pl = 0;
	for (size_t k = 0; k < sizeof ph / sizeof ph[0]; k++) {
		size_t n = strlen(ph[k].w);
		if (strncmp(l, ph[k].w, n) == 0 && l[n] == ' ') {
			months = ph[k].months;
			pl = n + 1;
			break;
		}
	}
	if (!months || (strncmp(l + pl, "ended ", 6) != 0 && strncmp(l + pl, "ending ", 7) != 0))
		return 0;
	/* the end date, read from the text itself */
	for (size_t i = cs; i < ce; i++) {
		if (i > cs && s[i - 1] != ' ')
			continue;
		int y, m, dd;
		size_t de;
		if (!ex_date_parse(s, ce, i, &y, &m, &dd, &de))
			continue;
		if (!only_remarks(s, de, ce))
			return 0;
		int mi = y * 12 + m - 1;
		if (dd <= 7)
			mi--; /* a 52/53-week period ending early in a month */
		ec_period q = ec_period_from_qindex(ex_cal_quarter_of_month(&d->cal, mi));
		return span_period(q, months, p);
	}
	return 0;
}

/* A half year as a column head: "H1 2024", "1H 2024", "H2 FY2025",
 * "H1 FY25", "1H24", with remarks after it ("(restated)").  The year is
 * the label the document gives. */
static int head_half(const char *cl, ec_period *p)
{
	int n;
	if (cl[0] == 'h' && (cl[1] == '1' || cl[1] == '2'))
		n = cl[1] - '0';
	else if ((cl[0] == '1' || cl[0] == '2') && cl[1] == 'h')
		n = cl[0] - '0';
	else
		return 0;
	size_t i = 2;
	if (cl[i] == ' ' || cl[i] == '\'')
		i++;
	if (cl[i] == 'f' && cl[i + 1] == 'y') {
		i += 2;
		if (cl[i] == ' ')
			i++;
	}
	size_t j = i;
	int v = 0;
	while (cl[j] >= '0' && cl[j] <= '9' && j - i < 5)
		v = v * 10 + (cl[j++] - '0');
	if (j - i == 2)
		v += 2000;
	else if (j - i != 4)
		return 0;
	if (v < 1950 || v > 2100 || !only_remarks(cl, j, strlen(cl)))
		return 0;
	p->type = EC_PERIOD_HALF;
	p->year = v;
	p->n = n;
	return 1;
}

/* A column head that states a period by itself: a duration with its end,
 * a half year, or a period expression ("Q2 2023", "Fiscal 2024").
 * *dated: 1 for a date alone (a balance). */
static int head_period(const ex_doc *d, const char *s, size_t cs, size_t ce, const char *cl,
                       ec_period *p, int *dated)
{
	int dy, dm, dd;
	size_t de;
	ex_when w;
	*dated = 0;
	if (head_dur_date(d, s, cs, ce, p) || head_half(cl, p))
		return 1;
	if (ex_date_parse(s, ce, cs, &dy, &dm, &dd, &de) && d->cal.set >= 0) {
		int mi = dy * 12 + dm - 1;
		if (dd <= 7)
			mi--;
		*p = ec_period_from_qindex(ex_cal_quarter_of_month(&d->cal, mi));
		*dated = 1;
		return 1;
	}
	if (ex_when_parse(s, ce, cs, &d->cal, &w) && w.end == ce &&
	    (w.rel == EX_P_ABS || (w.rel == EX_P_FY && w.explicit_year))) {
		if (w.rel == EX_P_FY) {
			w.p.type = EC_PERIOD_YEAR;
			w.p.n = 0;
		}
		*p = w.p;
		return 1;
	}
	return 0;
}

/* Line k [a, b) (l: lower case) as one column of a header flattened
 * from PDF with a label a line: a quarter or fiscal-year label
 * ("FY2025Q1", "Q4 FY24", "Fiscal 2024") starts or extends the header;
 * "Q/Q", "Y/Y", "% Change" right after such labels adds a column without
 * a period.  Returns 1 when the line was taken as a column. */
static int flat_head_label(tstate *t, const ex_doc *d, const char *s, size_t a, size_t b,
                           const char *l, size_t k)
{
	int more = t->qacc > 0 && t->qacc_next == k;
	ec_period p;
	int dated = 0, skip = 0;
	if (more && skip_head(l))
		skip = 1;
	else if (!head_period(d, s, a, b, l, &p, &dated) || dated)
		return 0;
	if (!more) {
		t->qacc = 0;
		t->ncols = 0;
		t->ngper = 0;
	}
	if (t->ncols >= MAXCOLS)
		return 0;
	int i = t->ncols++;
	t->qacc++;
	t->qacc_next = k + 1;
	if (skip)
		memset(&t->cols[i], 0, sizeof t->cols[i]);
	else
		t->cols[i] = p;
	t->colok[i] = !skip;
	t->colkind[i] = COL_ACTUAL;
	t->colfam[i] = F_NONE;
	t->colbasis[i] = -1;
	t->colpoint[i] = 0;
	t->coldur[i] = !skip;
	t->nmetcols = 0;
	if (!skip)
		t->gper[t->ngper++] = p;
	t->nspans = 0;
	t->nh = 0;
	t->nyc = 0;
	t->hdr_stale = 0;
	return 1;
}

/* A column head that names a metric before its period: "Revenue H1
 * 2024", "Adj. operating profit H1 2023", "Operating income Q2 2024".
 * The metric must be a lexicon phrase as a whole; *basis -1 unless
 * "Adjusted"/"Adj."/"Non-GAAP" leads it. */
static int head_metric_period(const ex_doc *d, const ex_lexidx *ix, const char *s, size_t cs,
                              size_t ce, ec_period *p, int *fam, int *basis)
{
	char cl[128];
	if (ce - cs >= sizeof cl)
		return 0;
	lower_copy(cl, sizeof cl, s + cs, ce - cs);
	size_t n = strlen(cl);
	for (size_t j = 1; j + 2 < n; j++) {
		if (cl[j - 1] != ' ')
			continue;
		ec_period q;
		ex_when w;
		int ok = head_half(cl + j, &q);
		if (!ok && ex_when_parse(cl, n, j, &d->cal, &w) && w.end == n &&
		    (w.rel == EX_P_ABS || (w.rel == EX_P_FY && w.explicit_year))) {
			q = w.p;
			if (w.rel == EX_P_FY) {
				q.type = EC_PERIOD_YEAR;
				q.n = 0;
			}
			ok = 1;
		}
		if (!ok)
			continue;
		/* the words before the period */
		char buf[128];
		memcpy(buf, cl, j - 1);
		buf[j - 1] = 0;
		char *b = buf;
		*basis = -1;
		static const char *const pre[] = {"adjusted ", "adj. ", "adj ", "non-gaap ", "underlying "};
		for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++)
			if (strncmp(b, pre[k], strlen(pre[k])) == 0) {
				b += strlen(pre[k]);
				*basis = EC_BASIS_NON_GAAP;
				break;
			}
		const char *wv[12];
		size_t nw = word_list(b, wv, 12);
		size_t got;
		int ph = nw ? ex_phrase_longest(ix, wv, nw, &got) : -1;
		if (ph < 0 || got != nw || ex_phrases[ph].fam == F_BLOCK || ex_phrases[ph].neg)
			return 0;
		*fam = ex_phrases[ph].fam;
		*p = q;
		return 1;
	}
	return 0;
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
	/* idle[k]: no table line comes after line k before the next line
	 * that resets the state (a prose or speaker line) or the end of the
	 * document. A text line that is idle only changes t, which that
	 * reset (or the end) throws away before any row reads it, so it is
	 * skipped (most lines of a call transcript); so is an idle reset
	 * line, as every line up to the next reset is idle too. */
	unsigned char *idle = malloc(d->n_lines ? d->n_lines : 1);
	unsigned char *prose = prose_lines(d);
	if (!idle || !prose) {
		free(idle);
		free(prose);
		free(t);
		return EC_ENOMEM;
	}
	{
		int table_ahead = 0;
		for (size_t k = d->n_lines; k-- > 0;) {
			const ex_line *L = &d->lines[k];
			idle[k] = (unsigned char)!table_ahead;
			if (L->cls == EX_L_TABLE)
				table_ahead = 1;
			else if (L->cls != EX_L_BLANK &&
			         (L->cls == EX_L_SPEAKER || prose[k]))
				table_ahead = 0;
		}
	}
	size_t order = 1u << 30; /* after prose mentions of the same line */
	int err = 0;
	int in_title = 0; /* text lines since the last table row */
	size_t work = 0; /* to d->work at the end (nothing here reads it) */
	for (size_t k = 0; k < d->n_lines && !err; k++) {
		const ex_line *L = &d->lines[k];
		size_t a = L->start, b = L->end;
		work += b - a + 1;
		if (L->cls == EX_L_BLANK)
			continue;
		if (L->cls != EX_L_TABLE) {
			if (idle[k])
				continue;
			if (prose[k] || L->cls == EX_L_SPEAKER) {
				/* a sentence that introduces a table may state its
				 * unit: "... guidance for ... (in millions, except per
				 * share data):" */
				double keep_scale = 0;
				int keep_ps = 0, keep_foreign = 0;
				size_t e = b;
				while (e > a && s[e - 1] == ' ')
					e--;
				if (L->cls != EX_L_SPEAKER && e > a && s[e - 1] == ':') {
					char l[200];
					size_t from = e - a > 150 ? e - 150 : a;
					lower_copy(l, sizeof l, s + from, e - from);
					tstate tmp;
					memset(&tmp, 0, sizeof tmp);
					scale_of(&tmp, l);
					keep_scale = tmp.scale;
					keep_ps = tmp.per_share_ok;
					keep_foreign = tmp.foreign;
				}
				reset(t);
				t->scale = keep_scale;
				t->per_share_ok = keep_ps;
				t->foreign = keep_foreign;
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
			char l[200];
			lower_copy(l, sizeof l, s + a, b - a);
			size_t ll = strlen(l);
			/* a column label alone on its line, in a header flattened
			 * from PDF: "FY2025Q1", then "FY2024Q4", ..., "Q/Q" */
			if (ll <= 24 && flat_head_label(t, d, s, a, b, l, k))
				continue;
			/* "GAAP" / "Non-GAAP" alone above a table: its basis */
			if (ll <= 9 && (!strcmp(l, "gaap") || !strcmp(l, "non-gaap") || !strcmp(l, "adjusted") ||
			                !strcmp(l, "gaap:") || !strcmp(l, "non-gaap:"))) {
				if (!in_title && t->hdr_stale)
					reset(t);
				in_title = 1;
				t->section_basis = l[0] == 'g' ? EC_BASIS_GAAP : EC_BASIS_NON_GAAP;
				continue;
			}
			if (t->ncols && b - a < 80 && ll && l[ll - 1] == ':') {
				/* "Net revenues:" as a line of its own */
				set_section(t, l);
				continue;
			}
			/* a column without a period after the years of a
			 * flattened header: "% Change" */
			if (t->nyc && !t->hdr_stale && skip_head(l) && t->nyc < MAXCOLS) {
				t->ycol[t->nyc++] = 0;
				set_columns(t, d);
				continue;
			}
			/* "Operating expenses" or "Assets" between rows: a section
			 * label inside the table, not a new title */
			if (t->ncols && t->hdr_stale && ll < 60 && row_follows(d, k)) {
				int upper = 0, lowc = 0, digit = 0;
				for (size_t i = a; i < b; i++) {
					unsigned char x = (unsigned char)s[i];
					upper += x >= 'A' && x <= 'Z';
					lowc += x >= 'a' && x <= 'z';
					digit += x >= '0' && x <= '9';
				}
				if (lowc > upper && !digit && !has(l, "ended") && !has(l, "ending") &&
				    !has(l, "months") && !has(l, "weeks") && !has(l, "year") && l[0] != '(' &&
				    !has(l, "in thousands") && !has(l, "in millions") && !has(l, "in billions") &&
				    !has(l, "reconciliation") && !has(l, "statement") && !has(l, "balance sheet") &&
				    !has(l, "unaudited") && !has(l, "summary")) {
					set_section(t, l);
					continue;
				}
			}
			/* "Three Months Ended" over the next rows of the same table:
			 * a new header, under the same title and unit */
			if (t->ncols && t->hdr_stale && ll < 80 && row_follows(d, k) &&
			    (has(l, "ended") || has(l, "ending") || has(l, "months") || has(l, "weeks"))) {
				header_spans(t, s, a, b);
				continue;
			}
			if (!in_title && t->hdr_stale) {
				/* a new title block: forget the previous table; but a
				 * short caption right above the next table of the same
				 * statement ("**Fiscal Year**" between the quarter's
				 * and the year's columns) keeps the statement's unit */
				double keep_scale = t->scale;
				int keep_ps = t->per_share_ok, keep_foreign = t->foreign;
				size_t nx = k + 1;
				while (nx < d->n_lines && d->lines[nx].cls == EX_L_BLANK)
					nx++;
				int caption = ll < 40 && l[0] != '#' && nx < d->n_lines &&
				              d->lines[nx].cls == EX_L_TABLE && !has(l, "statement") &&
				              !has(l, "balance") && !has(l, "reconciliation") &&
				              !has(l, "segment") && !has(l, "cash flow");
				reset(t);
				if (caption) {
					t->scale = keep_scale;
					t->per_share_ok = keep_ps;
					t->foreign = keep_foreign;
				}
			}
			in_title = 1;
			scale_of(t, l);
			size_t tl = strlen(t->title);
			if (tl + ll + 2 < sizeof t->title) {
				if (tl)
					t->title[tl++] = ' ';
				memcpy(t->title + tl, l, ll + 1);
				t->title_ok = 0;
			}
			/* "non-gaap" holds "gaap" */
			if (has(l, "reconciliation") || has(l, "non-gaap"))
				t->recon = 1;
			if (has(l, "balance sheet") || has(l, "financial position"))
				t->balance = 1;
			/* l is the lower_copy of the whole line here (shorter
			 * than its buffer), as header_spans would make it */
			if (b - a < 120)
				header_spans_l(t, l);
			continue;
		}
	row:
		in_title = 0;
		{
			/* cells of this line (or label + following number lines) */
			cell c[MAXCELLS];
			int nc;
			size_t row_end = b;
			/* every cell below nc is set whole (pct too) before it is
			 * read: no memset of the array */
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
						/* values without a label: a header of years
						 * (flattened: one year a line, so they add
						 * up while the header lasts) or a stray line */
						int years[MAXCOLS], ny = 0, yok = nw <= MAXCOLS;
						for (int i = 0; i < nw && yok; i++)
							if (!is_year_cell(s, w[i].s, w[i].e, &years[ny++]))
								yok = 0;
						if (yok && (t->nspans || t->nh)) {
							header_begin(t);
							for (int i = 0; i < ny && t->nyc < MAXCOLS; i++)
								t->ycol[t->nyc++] = years[i];
							set_columns(t, d);
						}
						continue;
					}
				}
			} else {
				/* label line, then its number-only lines */
				c[0].s = a;
				c[0].e = b;
				c[0].pct = 0;
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
					if (nw == 1 && w[0].e - w[0].s == 1 && s[w[0].s] == '%') {
						if (nc > 1)
							c[nc - 1].pct = 1; /* "14.5" then "%" */
						row_end = d->lines[j].end;
						j++;
						continue;
					}
					if (t->ncols && nc - 1 >= t->ncols)
						break;
					int allnum = 1;
					for (int i = 0; i < nw; i++)
						if (ex_num_cell(s + w[i].s, w[i].e - w[i].s, &tmp) == EX_CELL_TEXT)
							allnum = 0;
					if (!allnum)
						break;
					for (int i = 0; i < nw && nc < MAXCELLS; i++) {
						c[nc] = w[i];
						c[nc++].pct = 0;
					}
					row_end = d->lines[j].end;
					j++;
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
			if (first && L->cls == EX_L_TABLE && !memchr(s + a, '\t', b - a)) {
				/* "      Dec. 31, 2023    Dec. 31, 2022": a head whose
				 * first cell is a date, not a row's label */
				int dy, dm, dd;
				size_t de;
				ex_when w;
				if ((ex_date_parse(s, label.e, label.s, &dy, &dm, &dd, &de) && de == label.e) ||
				    (ex_when_parse(s, label.e, label.s, &d->cal, &w) && w.end == label.e &&
				     w.rel == EX_P_ABS))
					first = 0;
			}
			if (!first) {
				label.s = label.e = a;
			}
			ex_num vals[MAXCELLS];
			int kinds[MAXCELLS], nv = 0, ntext = 0, nyear = 0, nnum = 0;
			int ycells[MAXCELLS], nyc = 0; /* the year row: year or 0 */
			ec_period wper[MAXCELLS];
			int wdate[MAXCELLS];
			int nwhen = 0, ndate = 0, nlh = 0, nskip = 0, lh[MAXCELLS], nhc = 0, nnote = 0;
			int wfam[MAXCELLS], wbasis[MAXCELLS], nempty = 0;
			int tabbed = memchr(s + a, '\t', b - a) != NULL;
			for (int i = first; i < nc; i++) {
				size_t cs = c[i].s, ce = c[i].e;
				if (ce == cs) {
					/* an empty cell of a row with a label keeps its
					 * column's place (pipe tables: "| 3.27 | | 2.96 |") */
					if (first && tabbed && L->cls == EX_L_TABLE) {
						memset(&vals[nv], 0, sizeof vals[nv]);
						kinds[nv++] = CELL_EMPTY;
						nempty++;
					}
					continue;
				}
				int y;
				if (is_year_cell(s, cs, ce, &y)) {
					ycells[nyc++] = y;
					nyear++;
					continue;
				}
				ex_num x;
				int kd = ex_num_cell(s + cs, ce - cs, &x);
				if (kd != EX_CELL_TEXT) {
					if (c[i].pct)
						x.pct = 1;
					x.hi = NAN;
					vals[nv] = x;
					kinds[nv++] = kd;
					nnum++;
					continue;
				}
				if (range_cell(s, cs, ce, &x)) {
					vals[nv] = x;
					kinds[nv++] = CELL_RANGE;
					nnum++;
					continue;
				}
				if (is_note(s, cs, ce)) {
					nnote++; /* or a short head: "GAAP" */
					continue;
				}
				memset(&vals[nv], 0, sizeof vals[nv]);
				kinds[nv++] = EX_CELL_TEXT;
				ntext++;
				char cl[128];
				lower_copy(cl, sizeof cl, s + cs, ce - cs);
				wfam[nhc] = F_NONE;
				wbasis[nhc] = -1;
				if (!strcmp(cl, "low") || !strcmp(cl, "high")) {
					lh[nlh++] = cl[0] == 'h';
					continue;
				}
				if (skip_head(cl) || pctof_head(cl)) {
					nskip++;
					ycells[nyc++] = 0;
					memset(&wper[nhc], 0, sizeof wper[nhc]);
					wdate[nhc++] = pctof_head(cl) ? -2 : -1;
					continue;
				}
				/* dated column "September 30, 2007", "Q3'12", "H1
				 * 2024", "13 Weeks Ended February 1, 2025", or a metric
				 * and its period "Revenue H1 2024" */
				int dated, hf, hb;
				if (head_period(d, s, cs, ce, cl, &wper[nhc], &dated)) {
					wdate[nhc++] = dated;
					if (dated)
						ndate++;
					else
						nwhen++;
				} else if (head_metric_period(d, &ix, s, cs, ce, &wper[nhc], &hf, &hb)) {
					wfam[nhc] = hf;
					wbasis[nhc] = hb;
					wdate[nhc++] = 0;
					nwhen++;
				}
			}
			if (nnum == 0) {
				/* a header row */
				if (first) {
					char ll2[200];
					lower_copy(ll2, sizeof ll2, s + label.s, label.e - label.s);
					scale_of(t, ll2);
				}
				/* "| | Millions of yen | % |", "| | Yen | Yen |" */
				char row[400];
				lower_copy(row, sizeof row, s + a, b - a);
				if (foreign_unit(row))
					t->foreign = 1;
				if (nlh == 2 && ntext == 2 && t->ngper == 0 && title_period(t, d, &t->gper[0]))
					t->ngper = 1; /* "2024 Outlook" over "Low High" */
				if (nlh > 0 && nlh == ntext && t->ngper > 0 && nlh == 2 * t->ngper) {
					/* "Low High Low High" under "Q4 FY25  Full Year FY25" */
					for (int i = 0; i < nlh; i++) {
						t->cols[i] = t->gper[i / 2];
						t->colok[i] = 1;
						t->colkind[i] = lh[i] ? COL_HIGH : COL_LOW;
						t->colpoint[i] = 0;
						t->coldur[i] = 1;
						t->colfam[i] = F_NONE;
					}
					t->ncols = nlh;
					t->nmetcols = 0;
					continue;
				}
				if (ndate + nwhen > 0 && nyear == 0 && ndate + nwhen + nskip == ntext &&
				    ntext <= MAXCOLS) {
					/* "Q1 FY24  Q4 FY23  Q1 FY23  Q/Q  Y/Y", "October 31,
					 * 2024  January 31, 2024" */
					t->ncols = nhc;
					t->ngper = 0;
					/* under "Three Months Ended" the dates end the
					 * durations: "Dec. 31, 2023  Dec. 31, 2022" */
					int nd = 0;
					for (int i = 0; i < nhc; i++)
						nd += wdate[i] == 1;
					int per = t->nspans && !t->hdr_stale && nd == nhc && nd % t->nspans == 0
					              ? nd / t->nspans
					              : 0;
					t->nmetcols = 0;
					for (int i = 0; i < t->ncols; i++) {
						t->colok[i] = wdate[i] >= 0;
						t->cols[i] = wper[i];
						t->colkind[i] = wdate[i] == -2 ? COL_PCTOF : COL_ACTUAL;
						t->colfam[i] = wfam[i];
						t->colbasis[i] = wbasis[i];
						t->nmetcols += wfam[i] != F_NONE;
						t->colpoint[i] = wdate[i] == 1;
						t->coldur[i] = wdate[i] == 0;
						if (per) {
							int months = t->spans[i / per].months;
							ec_period q = wper[i];
							t->colpoint[i] = 0;
							t->coldur[i] = 1;
							if (months == 12) {
								t->cols[i].type = EC_PERIOD_YEAR;
								t->cols[i].n = 0;
							} else if (months == 6) {
								t->cols[i].type = EC_PERIOD_HALF;
								t->cols[i].n = q.n <= 2 ? 1 : 2;
							} else if (months == 9) {
								t->cols[i].type = EC_PERIOD_MONTHS;
								t->cols[i].n = 9;
								t->colok[i] = q.n == 3;
							}
						}
						if (t->colok[i])
							t->gper[t->ngper++] = t->cols[i];
					}
					t->nspans = 0;
					t->nh = 0;
					t->nyc = 0;
					t->hdr_stale = 0;
					continue;
				}
				if (ntext > 0 || (first && label.e > label.s)) {
					size_t hs = first && label.e > label.s ? label.s : a;
					char ll2[200];
					lower_copy(ll2, sizeof ll2, s + hs, b - hs);
					size_t l2 = strlen(ll2);
					if (nyear == 0 && ntext == 0 && l2 && ll2[l2 - 1] == ':') {
						/* a section header row "Net revenues:" */
						set_section(t, ll2);
						continue;
					}
					t->gained = 0;
					header_spans(t, s, hs, b);
					if (!t->gained && first && nyear == 0 && ntext == 0 && nnote == 0 &&
					    nempty > 0 && t->ncols) {
						/* "| **Net sales** | | | |": a section of the
						 * rows below, in a pipe table */
						char sec[96];
						size_t o = 0;
						for (size_t i = 0; ll2[i] && o + 1 < sizeof sec; i++)
							if (ll2[i] != '*')
								sec[o++] = ll2[i];
						sec[o] = 0;
						set_section(t, sec);
						continue;
					}
					/* "GAAP  Adjustments  Non-GAAP": new columns we
					 * cannot date; the old ones no longer apply */
					if (!t->gained && nyear == 0 && ntext + nnote >= 2)
						t->ncols = 0;
				}
				if (nyear > 0 && (t->nspans || t->nh)) {
					header_begin(t);
					for (int i = 0; i < nyc && t->nyc < MAXCOLS; i++)
						t->ycol[t->nyc++] = ycells[i];
					set_columns(t, d);
				}
				continue;
			}
			if (!first)
				continue;
			/* the row's lower-case label, for emit_row too: its first
			 * five bytes are those of a shorter lower_copy */
			char lab[LABCAP];
			row_label(lab, s, label);
			if (!strncmp(lab, "total", 5))
				t->section_total = 1;
			emit_row(d, out, t, &ix, s, a, row_end, label, lab, vals, kinds, nv, &order, &err,
			         F_NONE);
			t->hdr_stale = 1;
		}
	}
	d->work += work;
	free(idle);
	free(prose);
	free(t);
	return err ? EC_ENOMEM : EC_OK;
}
