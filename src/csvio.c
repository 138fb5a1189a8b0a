/* Reading and writing the series CSV with libcsv.
 *
 * The reader is a stream: input arrives in chunks of any size and goes
 * through two layers.  Our own byte scanner keeps the line and column of
 * every byte (lines end at LF, CRLF or a lone CR; columns count characters,
 * not bytes), validates UTF-8 strictly (no overlongs, surrogates, code
 * points above U+10FFFF, NUL bytes) and enforces the limits.  It hands the
 * bytes to libcsv in strict mode in pieces that end at each ',', CR or LF,
 * the only bytes at which libcsv calls back; so when a callback runs we
 * know exactly which byte ended the field and where each field began.
 *
 * Round trip: every row keeps the text of its cells (and whether each was
 * quoted) so the writer gives back the same bytes for a valid file that
 * uses LF line ends, has no BOM and no blank lines, ends with a newline and
 * has no quoted header names.  The store has no place to remember CRLF or
 * a BOM: the writer always writes LF and no BOM. */
#define _POSIX_C_SOURCE 200809L
#include "csvio_internal.h"

#include <csv.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "earnchart/io.h"

/* ------------------------------------------------------------------ */
/* Columns */

enum {
	C_COMPANY,
	C_DOC,
	C_PERIOD,
	C_METRIC,
	C_SEGMENT,
	C_BASIS,
	C_KIND,
	C_VALUE,
	C_LOW,
	C_HIGH,
	C_UNIT,
	C_ISSUED,
	C_LINE,
	C_QUOTE,
	C_SOURCE_ROLE,
	N_STD
};

static const char *const std_names[N_STD] = {
        "company", "doc",    "period", "metric", "segment",
        "basis",   "kind",   "value",  "low",    "high",
        "unit",    "issued", "line",   "quote",  "source_role",
};

/* Columns without which a row means nothing. */
static const int required[] = {C_PERIOD, C_METRIC, C_KIND, C_VALUE, C_UNIT};

static int std_index(const char *name)
{
	for (int i = 0; i < N_STD; i++)
		if (strcmp(name, std_names[i]) == 0)
			return i;
	return -1;
}

void ec_csv_limits_defaults(ec_csv_limits *l)
{
	l->max_field = (size_t)1 << 20;
	l->max_rows = 10000000;
	l->max_columns = 1000;
	l->max_bytes = (size_t)2 << 30;
}

static ec_csv_limits limits_or_defaults(const ec_csv_limits *in)
{
	ec_csv_limits d, l;
	ec_csv_limits_defaults(&d);
	if (!in)
		return d;
	l = *in;
	if (!l.max_field)
		l.max_field = d.max_field;
	if (!l.max_rows)
		l.max_rows = d.max_rows;
	if (!l.max_columns)
		l.max_columns = d.max_columns;
	if (!l.max_bytes)
		l.max_bytes = d.max_bytes;
	return l;
}

/* ------------------------------------------------------------------ */
/* Field texts */

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* s[*a..*b) without ASCII spaces and tabs at either end. */
static void trim(const char *s, size_t len, size_t *a, size_t *b)
{
	size_t i = 0, j = len;
	while (i < j && is_blank(s[i]))
		i++;
	while (j > i && is_blank(s[j - 1]))
		j--;
	*a = i;
	*b = j;
}

/* Copies at most 40 bytes of s into buf for a message, cut at a character
 * boundary, with control characters shown as \n, \r, \t or \xNN so that
 * the message stays on one line. */
static const char *show(const char *s, size_t len, char *buf, size_t n)
{
	size_t o = 0, i = 0;
	const size_t max = 40;
	while (i < len && i < max && o + 6 < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' || c == '\r' || c == '\t') {
			buf[o++] = '\\';
			buf[o++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			o += (size_t)snprintf(buf + o, n - o, "\\x%02X", c);
			i++;
		} else {
			size_t k = 1;
			if (c >= 0xC0)
				while (i + k < len &&
				       ((unsigned char)s[i + k] & 0xC0) == 0x80)
					k++;
			if (i + k > max || o + k + 4 >= n)
				break;
			memcpy(buf + o, s + i, k);
			o += k;
			i += k;
		}
	}
	if (i < len && o + 4 < n) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}

static bool ascii_ieq(const char *a, size_t n, const char *b)
{
	if (strlen(b) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = a[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != b[i])
			return false;
	}
	return true;
}

const char *ec_csv_parse_number(const char *s, size_t len, double *out)
{
	size_t a, b;
	trim(s, len, &a, &b);
	*out = NAN;
	if (a == b)
		return NULL;
	const char *t = s + a;
	size_t n = b - a, i = 0;
	size_t k = t[0] == '-' ? 1 : 0;
	if (ascii_ieq(t + k, n - k, "nan") || ascii_ieq(t + k, n - k, "inf") ||
	    ascii_ieq(t + k, n - k, "infinity"))
		return "not a finite number";
	/* The grammar: -?(digits(.digits?)?|.digits)([eE][+-]?digits)? */
	i = k;
	size_t int_digits = 0, frac_digits = 0;
	bool commas = false;
	while (i < n && ((t[i] >= '0' && t[i] <= '9') || t[i] == ',')) {
		if (t[i] == ',')
			commas = true;
		else
			int_digits++;
		i++;
	}
	if (commas)
		return "not a number (write it without thousands separators)";
	if (i < n && t[i] == '.') {
		i++;
		while (i < n && t[i] >= '0' && t[i] <= '9') {
			frac_digits++;
			i++;
		}
	}
	if (int_digits + frac_digits == 0)
		return "not a number";
	if (i < n && (t[i] == 'e' || t[i] == 'E')) {
		size_t e0 = ++i;
		if (i < n && (t[i] == '+' || t[i] == '-'))
			e0 = ++i;
		while (i < n && t[i] >= '0' && t[i] <= '9')
			i++;
		if (i == e0)
			return "not a number (the exponent has no digits)";
	}
	if (i != n)
		return "not a number";
	/* strtod needs a terminated string; numbers are short, so copy. */
	char small[64];
	char *buf = n < sizeof small ? small : malloc(n + 1);
	if (!buf)
		return "out of memory";
	memcpy(buf, t, n);
	buf[n] = '\0';
	errno = 0;
	char *end;
	double v = strtod(buf, &end);
	int e = errno;
	bool whole = end == buf + n;
	if (buf != small)
		free(buf);
	if (!whole)
		return "not a number";
	if (e == ERANGE || !isfinite(v))
		return "out of range";
	*out = v;
	return NULL;
}

/* The shortest "%.*f" of v that reads back as v, for the common case of
 * a short decimal, without printf: m = |v| * 10^d rounded, for d = 0, 1,
 * ... while |v| * 10^d < 2^40.  The division m / 10^d of two exact doubles
 * is correctly rounded, as strtod of the decimal string is, so it reads
 * back as v exactly when the string would.  Below 2^40 the error of
 * |v| * 10^d is under 2^-12 and a double step of v is under 2^-11 / 10^d,
 * so the decimal within half a step of v is the nearest one to it: the
 * one printf writes and the one the rounding finds.  Returns 0 (nothing
 * written) when no such d is found: the caller falls back to printf. */
static int format_short_decimal(double v, char *buf)
{
	static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
	static const uint64_t u10[] = {1, 10, 100, 1000, 10000, 100000, 1000000,
	                               10000000, 100000000, 1000000000};
	double a = fabs(v);
	for (int d = 0; d < 10; d++) {
		double x = a * p10[d];
		if (!(x < 1099511627776.0)) /* 2^40 */
			return 0;
		double m = nearbyint(x);
		if (m / p10[d] != a)
			continue;
		uint64_t u = (uint64_t)m;
		uint64_t ip = u / u10[d], fp = u % u10[d];
		char tmp[32];
		size_t n = 0;
		for (int k = 0; k < d; k++) {
			tmp[n++] = (char)('0' + fp % 10);
			fp /= 10;
		}
		if (d)
			tmp[n++] = '.';
		do {
			tmp[n++] = (char)('0' + ip % 10);
			ip /= 10;
		} while (ip);
		size_t o = 0;
		if (v < 0)
			buf[o++] = '-';
		while (n)
			buf[o++] = tmp[--n];
		buf[o] = '\0';
		return 1;
	}
	return 0;
}

char *ec_csv_format_number(double v, char *buf)
{
	if (isnan(v)) {
		buf[0] = '\0';
		return buf;
	}
	double a = fabs(v);
	/* zero keeps printf ("-0" for minus zero) */
	if (v != 0 && a >= 1e-6 && a < 1e15 && format_short_decimal(v, buf))
		return buf;
	if (v == 0 || (a >= 1e-6 && a < 1e15)) {
		for (int d = 0; d <= 17; d++) {
			snprintf(buf, EC_CSV_NUMLEN, "%.*f", d, v);
			if (strtod(buf, NULL) == v)
				return buf;
		}
	}
	for (int p = 1; p <= 17; p++) {
		snprintf(buf, EC_CSV_NUMLEN, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			return buf;
	}
	snprintf(buf, EC_CSV_NUMLEN, "%.17g", v);
	return buf;
}

/* A non-negative whole number for the `line` column; empty is 0. */
static const char *parse_line(const char *s, size_t len, long *out)
{
	size_t a, b;
	trim(s, len, &a, &b);
	*out = 0;
	if (a == b)
		return NULL;
	long v = 0;
	for (size_t i = a; i < b; i++) {
		if (s[i] < '0' || s[i] > '9')
			return "expected a line number (a whole number, 0 or "
			       "more)";
		if (v > (LONG_MAX - 9) / 10)
			return "line number out of range";
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return NULL;
}

/* YYYY-MM-DD or empty. */
static const char *check_date(const char *s, size_t len)
{
	if (len == 0)
		return NULL;
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return "expected a date YYYY-MM-DD";
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return "expected a date YYYY-MM-DD";
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12)
		return "the month must be 01-12";
	if (d < 1 || d > 31)
		return "the day must be 01-31";
	return NULL;
}

/* Trimmed copy of s[0..len) for the enum parsers; false when too long to
 * be any valid name. */
static bool trimmed(const char *s, size_t len, char *buf, size_t n)
{
	size_t a, b;
	trim(s, len, &a, &b);
	if (b - a >= n)
		return false;
	memcpy(buf, s + a, b - a);
	buf[b - a] = '\0';
	return true;
}

static bool parse_basis(const char *s, size_t len, ec_basis *out)
{
	char buf[16];
	if (!trimmed(s, len, buf, sizeof buf))
		return false;
	if (!buf[0]) {
		*out = EC_BASIS_NONE;
		return true;
	}
	return ec_basis_parse(buf, out);
}

static bool parse_kind(const char *s, size_t len, ec_kind *out)
{
	char buf[16];
	return trimmed(s, len, buf, sizeof buf) && ec_kind_parse(buf, out);
}

static bool parse_unit(const char *s, size_t len, ec_unit *out)
{
	char buf[16];
	return trimmed(s, len, buf, sizeof buf) && ec_unit_parse(buf, out);
}

static ec_err parse_period(const char *s, size_t len, ec_period *out,
                           ec_error *e)
{
	size_t a, b;
	trim(s, len, &a, &b);
	return ec_period_parse(s + a, b - a, out, e);
}

/* ------------------------------------------------------------------ */
/* The streaming reader */

typedef struct field {
	char *text; /* NUL-terminated copy of the field's value */
	size_t len, cap;
	unsigned char quoted;
	long line, col; /* where the field starts */
} field;

typedef struct reader {
	struct csv_parser p;
	const char *name;
	ec_csv_limits lim;
	ec_error *err;
	ec_err rc; /* the first error; once set, nothing more is done */

	long line, col; /* position of the next byte */
	int pending_cr; /* the last byte was CR (an LF after it is the same
	                   line end) */
	size_t total;   /* bytes scanned */

	int bom_matched, bom_done;

	int u_need;               /* UTF-8 continuation bytes still expected */
	unsigned char u_lo, u_hi; /* range allowed for the next one */
	unsigned char u_lead;
	long u_line, u_col; /* where the sequence began */

	int expect_field; /* the next byte starts a field... */
	int row_start;    /* ...and a row: CR and LF there are blank lines */
	long f_line, f_col;
	int f_quoted;
	size_t f_raw;       /* bytes of the current field so far */
	long t_line, t_col; /* the byte that triggered the current callback */

	field *fields;
	size_t n_fields, cap_fields;
	long row_line, row_col;

	int have_header;
	size_t n_cols;
	int std_col[N_STD]; /* layout index of each standard column or -1 */
	size_t n_rows;
	ec_series *s;
	const char **cells;
	unsigned char *quoted;
} reader;

static void fail(reader *r, ec_err code, long line, long col, const char *fmt,
                 ...) __attribute__((format(printf, 5, 6)));

static void fail(reader *r, ec_err code, long line, long col, const char *fmt,
                 ...)
{
	if (r->rc)
		return;
	r->rc = code;
	if (!r->err)
		return;
	char msg[sizeof r->err->msg];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ec_error_set(r->err, code, r->name, line, col, "%s", msg);
}

static void fail_field(reader *r, const field *f, const char *col,
                       const char *why)
{
	char b[200];
	fail(r, EC_EPARSE, f->line, f->col, "bad %s '%s': %s", col,
	     show(f->text, f->len, b, sizeof b), why);
}

static void header_row(reader *r)
{
	size_t n = r->n_fields;
	const char **names = malloc(n * sizeof *names);
	if (!names) {
		fail(r, EC_ENOMEM, r->row_line, r->row_col, "out of memory");
		return;
	}
	for (int i = 0; i < N_STD; i++)
		r->std_col[i] = -1;
	for (size_t i = 0; i < n && !r->rc; i++) {
		const field *f = &r->fields[i];
		names[i] = f->text;
		if (f->len == 0) {
			fail(r, EC_EPARSE, f->line, f->col,
			     "empty column name in the header");
			break;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(r->fields[j].text, f->text) == 0) {
				char b[200];
				fail(r, EC_EPARSE, f->line, f->col,
				     "column '%s' appears twice in the header "
				     "(fields %zu and %zu)",
				     show(f->text, f->len, b, sizeof b), j + 1,
				     i + 1);
				break;
			}
		int k = std_index(f->text);
		if (k >= 0)
			r->std_col[k] = (int)i;
	}
	for (size_t i = 0; i < sizeof required / sizeof required[0] && !r->rc;
	     i++)
		if (r->std_col[required[i]] < 0)
			fail(r, EC_EPARSE, r->row_line, r->row_col,
			     "missing required column '%s' (the header must "
			     "name period, metric, kind, value and unit)",
			     std_names[required[i]]);
	if (!r->rc) {
		r->s = ec_series_new();
		r->cells = malloc(n * sizeof *r->cells);
		r->quoted = malloc(n);
		ec_error e;
		if (!r->s || !r->cells || !r->quoted ||
		    ec_series_set_layout(r->s, names, n, &e))
			fail(r, EC_ENOMEM, r->row_line, r->row_col,
			     "out of memory");
	}
	free(names);
	r->n_cols = n;
	r->have_header = 1;
}

/* The field of standard column k in the current row, or NULL when the
 * file has no such column. */
static const field *col(const reader *r, int k)
{
	return r->std_col[k] >= 0 ? &r->fields[r->std_col[k]] : NULL;
}

static const char *text(const reader *r, int k)
{
	const field *f = col(r, k);
	return f ? f->text : "";
}

static bool number(reader *r, int k, double *out)
{
	const field *f = col(r, k);
	*out = NAN;
	if (!f)
		return true;
	const char *why = ec_csv_parse_number(f->text, f->len, out);
	if (why) {
		fail_field(r, f, std_names[k], why);
		return false;
	}
	return true;
}

static void data_row(reader *r)
{
	if (r->n_fields < r->n_cols) {
		fail(r, EC_EPARSE, r->t_line, r->t_col,
		     "too few fields: the row ends after %zu, the header has "
		     "%zu",
		     r->n_fields, r->n_cols);
		return;
	}
	if (++r->n_rows > r->lim.max_rows) {
		fail(r, EC_ELIMIT, r->row_line, r->row_col,
		     "more than %zu rows", r->lim.max_rows);
		return;
	}
	ec_obs o = ec_obs_init();
	o.company = text(r, C_COMPANY);
	o.doc = text(r, C_DOC);
	o.metric = text(r, C_METRIC);
	o.segment = text(r, C_SEGMENT);
	o.issued = text(r, C_ISSUED);
	o.quote = text(r, C_QUOTE);
	o.source_role = text(r, C_SOURCE_ROLE);

	const field *f = col(r, C_PERIOD);
	ec_error pe;
	size_t a, b;
	trim(f->text, f->len, &a, &b);
	if (a == b) {
		fail(r, EC_EPARSE, f->line, f->col, "empty period");
		return;
	}
	if (parse_period(f->text, f->len, &o.period, &pe)) {
		fail(r, EC_EPARSE, f->line, f->col, "%s", pe.msg);
		return;
	}
	f = col(r, C_METRIC);
	if (!f->len) {
		fail(r, EC_EPARSE, f->line, f->col, "empty metric");
		return;
	}
	if ((f = col(r, C_BASIS)) && !parse_basis(f->text, f->len, &o.basis)) {
		fail_field(r, f, "basis", "expected gaap, non_gaap or none");
		return;
	}
	f = col(r, C_KIND);
	if (!parse_kind(f->text, f->len, &o.kind)) {
		fail_field(r, f, "kind", "expected actual or guidance");
		return;
	}
	f = col(r, C_UNIT);
	if (!parse_unit(f->text, f->len, &o.unit)) {
		fail_field(r, f, "unit",
		           "expected usd_m, usd, pct, days or count");
		return;
	}
	if (!number(r, C_VALUE, &o.value) || !number(r, C_LOW, &o.low) ||
	    !number(r, C_HIGH, &o.high))
		return;
	f = col(r, C_VALUE);
	if (isnan(o.value) && o.kind == EC_KIND_ACTUAL) {
		fail(r, EC_EPARSE, f->line, f->col,
		     "empty value: only guidance may leave value empty");
		return;
	}
	if (isnan(o.value) && isnan(o.low) && isnan(o.high)) {
		fail(r, EC_EPARSE, f->line, f->col,
		     "guidance without a number: value, low or high must be "
		     "given");
		return;
	}
	if ((f = col(r, C_ISSUED))) {
		const char *why = check_date(f->text, f->len);
		if (why) {
			fail_field(r, f, "issued", why);
			return;
		}
	}
	if ((f = col(r, C_LINE))) {
		const char *why = parse_line(f->text, f->len, &o.line);
		if (why) {
			fail_field(r, f, "line", why);
			return;
		}
	}
	for (size_t i = 0; i < r->n_cols; i++) {
		r->cells[i] = r->fields[i].text;
		r->quoted[i] = r->fields[i].quoted;
	}
	o.cells = r->cells;
	o.quoted = r->quoted;
	o.n_cells = r->n_cols;
	ec_error ae;
	ec_err rc = ec_series_add(r->s, &o, &ae);
	if (rc && rc != EC_ECONFLICT)
		fail(r, rc, r->row_line, r->row_col, "%s", ae.msg);
}

static void on_field(void *data, size_t len, void *ctx)
{
	reader *r = ctx;
	if (r->rc)
		return;
	size_t n = r->n_fields;
	if (r->have_header && n >= r->n_cols) {
		fail(r, EC_EPARSE, r->f_line, r->f_col,
		     "too many fields: the header has %zu", r->n_cols);
		return;
	}
	if (n >= r->lim.max_columns) {
		fail(r, EC_ELIMIT, r->f_line, r->f_col, "more than %zu columns",
		     r->lim.max_columns);
		return;
	}
	if (len > r->lim.max_field) {
		fail(r, EC_ELIMIT, r->f_line, r->f_col,
		     "field longer than the limit of %zu bytes",
		     r->lim.max_field);
		return;
	}
	if (n == r->cap_fields) {
		size_t cap = r->cap_fields ? r->cap_fields * 2 : 16;
		field *nf = realloc(r->fields, cap * sizeof *nf);
		if (!nf) {
			fail(r, EC_ENOMEM, r->f_line, r->f_col,
			     "out of memory");
			return;
		}
		memset(nf + r->cap_fields, 0,
		       (cap - r->cap_fields) * sizeof *nf);
		r->fields = nf;
		r->cap_fields = cap;
	}
	field *f = &r->fields[n];
	if (len + 1 > f->cap) {
		size_t cap = len + 1 < 32 ? 32 : len + 1;
		char *t = realloc(f->text, cap);
		if (!t) {
			fail(r, EC_ENOMEM, r->f_line, r->f_col,
			     "out of memory");
			return;
		}
		f->text = t;
		f->cap = cap;
	}
	if (len)
		memcpy(f->text, data, len);
	f->text[len] = '\0';
	f->len = len;
	f->quoted = (unsigned char)r->f_quoted;
	f->line = r->f_line;
	f->col = r->f_col;
	if (n == 0) {
		r->row_line = r->f_line;
		r->row_col = r->f_col;
	}
	r->n_fields++;
	r->expect_field = 1;
	r->row_start = 0;
}

static void on_row(int c, void *ctx)
{
	(void)c;
	reader *r = ctx;
	if (r->rc)
		return;
	if (!r->have_header)
		header_row(r);
	else
		data_row(r);
	r->n_fields = 0;
	r->expect_field = 1;
	r->row_start = 1;
}

/* Gives d[0..n) to libcsv; line and col are where d starts.  d holds no
 * line end except maybe its last byte, so a byte's line is line. */
static void feed(reader *r, const unsigned char *d, size_t n, long line,
                 long col)
{
	if (!n || r->rc)
		return;
	size_t got = csv_parse(&r->p, d, n, on_field, on_row, r);
	if (r->rc || got >= n)
		return;
	if (csv_error(&r->p) != CSV_EPARSE) {
		fail(r, EC_ENOMEM, line, col, "out of memory");
		return;
	}
	for (size_t i = 0; i < got; i++)
		if ((d[i] & 0xC0) != 0x80)
			col++;
	if (d[got] == '"')
		fail(r, EC_EPARSE, line, col,
		     "stray quote in an unquoted field (quote the whole field "
		     "and double the quotes inside it)");
	else
		fail(r, EC_EPARSE, line, col,
		     "text after the closing quote of a field (a quote inside "
		     "a quoted field must be doubled)");
}

/* Checks one byte of UTF-8.  On error returns false with the message in
 * msg and the position of the offending sequence in *line, *col. */
static bool utf8_ok(reader *r, unsigned char c, char *msg, size_t n, long *line,
                    long *col)
{
	*line = r->line;
	*col = r->col;
	if (r->u_need) {
		if (c >= r->u_lo && c <= r->u_hi) {
			r->u_need--;
			r->u_lo = 0x80;
			r->u_hi = 0xBF;
			return true;
		}
		const char *why = "incomplete sequence";
		if (c >= 0x80 && c <= 0xBF) {
			if (r->u_lead == 0xED)
				why = "UTF-16 surrogate";
			else if (r->u_lead == 0xF4)
				why = "code point above U+10FFFF";
			else
				why = "overlong encoding";
		}
		*line = r->u_line;
		*col = r->u_col;
		snprintf(msg, n, "invalid UTF-8: %s (lead byte 0x%02X)", why,
		         r->u_lead);
		return false;
	}
	if (c < 0x80) {
		if (c == 0) {
			snprintf(msg, n, "NUL byte in the input");
			return false;
		}
		return true;
	}
	r->u_lead = c;
	r->u_line = r->line;
	r->u_col = r->col;
	r->u_lo = 0x80;
	r->u_hi = 0xBF;
	if (c < 0xC0) {
		snprintf(msg, n,
		         "invalid UTF-8: unexpected continuation byte 0x%02X",
		         c);
		return false;
	}
	if (c < 0xC2) {
		snprintf(msg, n,
		         "invalid UTF-8: overlong encoding (byte 0x%02X)", c);
		return false;
	}
	if (c < 0xE0) {
		r->u_need = 1;
	} else if (c < 0xF0) {
		r->u_need = 2;
		if (c == 0xE0)
			r->u_lo = 0xA0;
		else if (c == 0xED)
			r->u_hi = 0x9F;
	} else if (c < 0xF5) {
		r->u_need = 3;
		if (c == 0xF0)
			r->u_lo = 0x90;
		else if (c == 0xF4)
			r->u_hi = 0x8F;
	} else {
		snprintf(msg, n,
		         "invalid UTF-8: byte 0x%02X never appears in UTF-8",
		         c);
		return false;
	}
	return true;
}

static void advance(reader *r, unsigned char c)
{
	if (c == '\r') {
		r->line++;
		r->col = 1;
		r->pending_cr = 1;
		return;
	}
	if (c == '\n') {
		if (!r->pending_cr) {
			r->line++;
			r->col = 1;
		}
		r->pending_cr = 0;
		return;
	}
	r->pending_cr = 0;
	if ((c & 0xC0) != 0x80)
		r->col++;
}

static void scan(reader *r, const unsigned char *d, size_t n)
{
	size_t seg = 0; /* first byte not yet given to libcsv */
	long seg_line = r->line, seg_col = r->col;
	/* A field's bytes in the file, with the byte that ends it, are at
	 * most 2 * content + 3 (quotes, doubled quotes, the comma or line
	 * end), so past this the field is surely too long: stop before
	 * libcsv buffers more of it. */
	size_t raw_max = r->lim.max_field > (SIZE_MAX - 3) / 2
	                         ? SIZE_MAX
	                         : r->lim.max_field * 2 + 3;
	for (size_t i = 0; i < n && !r->rc; i++) {
		unsigned char c = d[i];
		if (r->expect_field &&
		    !(r->row_start && (c == '\r' || c == '\n'))) {
			r->expect_field = 0;
			r->f_line = r->line;
			r->f_col = r->col;
			r->f_quoted = c == '"';
			r->f_raw = 0;
		}
		/* Errors found here come after every byte before them: give
		 * libcsv those first, it may have an earlier complaint. */
		if (r->total >= r->lim.max_bytes) {
			feed(r, d + seg, i - seg, seg_line, seg_col);
			fail(r, EC_ELIMIT, r->line, r->col,
			     "input longer than the limit of %zu bytes",
			     r->lim.max_bytes);
			return;
		}
		r->total++;
		if (!r->expect_field && ++r->f_raw > raw_max) {
			feed(r, d + seg, i - seg, seg_line, seg_col);
			fail(r, EC_ELIMIT, r->f_line, r->f_col,
			     "field longer than the limit of %zu bytes",
			     r->lim.max_field);
			return;
		}
		char msg[120];
		long el, ec;
		if ((c >= 0x80 || c == 0 || r->u_need) &&
		    !utf8_ok(r, c, msg, sizeof msg, &el, &ec)) {
			feed(r, d + seg, i - seg, seg_line, seg_col);
			fail(r, EC_EPARSE, el, ec, "%s", msg);
			return;
		}
		if (c == ',' || c == '\r' || c == '\n') {
			r->t_line = r->line;
			r->t_col = r->col;
			feed(r, d + seg, i + 1 - seg, seg_line, seg_col);
			seg = i + 1;
			advance(r, c);
			seg_line = r->line;
			seg_col = r->col;
		} else {
			advance(r, c);
		}
	}
	if (!r->rc && seg < n)
		feed(r, d + seg, n - seg, seg_line, seg_col);
}

static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};

static int no_space(unsigned char c)
{
	(void)c;
	return 0; /* keep spaces: a cell's text is written back as it was */
}

static ec_err reader_init(reader *r, const char *name,
                          const ec_csv_limits *limits, ec_error *err)
{
	memset(r, 0, sizeof *r);
	r->name = name ? name : "<memory>";
	r->lim = limits_or_defaults(limits);
	r->err = err;
	r->line = 1;
	r->col = 1;
	r->expect_field = 1;
	r->row_start = 1;
	ec_error_clear(err);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return ec_error_set(err, EC_ENOMEM, r->name, 0, 0,
		                    "out of memory");
	csv_set_space_func(&r->p, no_space);
	/* libcsv grows its field buffer by this many bytes at a time. */
	csv_set_blk_size(&r->p, 64 * 1024);
	return EC_OK;
}

static void reader_feed(reader *r, const unsigned char *d, size_t n)
{
	size_t i = 0;
	/* A BOM may arrive split over chunks: hold back what matches. */
	while (!r->bom_done && i < n) {
		if (d[i] == bom[r->bom_matched]) {
			i++;
			if (++r->bom_matched == 3)
				r->bom_done = 1;
		} else {
			r->bom_done = 1;
			scan(r, bom, (size_t)r->bom_matched);
		}
	}
	if (!r->rc && i < n)
		scan(r, d + i, n - i);
}

static void reader_finish(reader *r)
{
	if (!r->rc && !r->bom_done) {
		r->bom_done = 1;
		scan(r, bom, (size_t)r->bom_matched);
	}
	if (!r->rc && r->u_need)
		fail(r, EC_EPARSE, r->u_line, r->u_col,
		     "invalid UTF-8: incomplete sequence at the end of the "
		     "input "
		     "(lead byte 0x%02X)",
		     r->u_lead);
	if (!r->rc) {
		if (r->expect_field && !r->row_start) {
			/* The input ends right after a comma: an empty field. */
			r->f_line = r->line;
			r->f_col = r->col;
			r->f_quoted = 0;
		}
		r->t_line = r->line;
		r->t_col = r->col;
		if (csv_fini(&r->p, on_field, on_row, r) != 0)
			fail(r, EC_EPARSE, r->f_line, r->f_col,
			     "unbalanced quote: the quoted field that opens "
			     "here "
			     "never closes");
	}
	if (!r->rc && !r->have_header)
		fail(r, EC_EPARSE, r->line, r->col,
		     "no header row (the input is empty)");
}

static void reader_free(reader *r, bool keep_store)
{
	csv_free(&r->p);
	for (size_t i = 0; i < r->cap_fields; i++)
		free(r->fields[i].text);
	free(r->fields);
	free((void *)r->cells);
	free(r->quoted);
	if (!keep_store)
		ec_series_free(r->s);
	r->s = NULL;
}

static ec_err reader_end(reader *r, ec_series **out)
{
	reader_finish(r);
	if (r->rc) {
		ec_err rc = r->rc;
		reader_free(r, false);
		return rc;
	}
	*out = r->s;
	reader_free(r, true);
	return EC_OK;
}

ec_err ec_csv_read_mem_chunked(const char *data, size_t len, const char *name,
                               const ec_csv_limits *limits, size_t chunk,
                               ec_series **out, ec_error *err)
{
	*out = NULL;
	reader r;
	ec_err rc = reader_init(&r, name, limits, err);
	if (rc)
		return rc;
	if (!chunk)
		chunk = len ? len : 1;
	const unsigned char *d = (const unsigned char *)data;
	for (size_t off = 0; off < len && !r.rc; off += chunk)
		reader_feed(&r, d + off, len - off < chunk ? len - off : chunk);
	return reader_end(&r, out);
}

ec_err ec_csv_read_mem(const char *data, size_t len, const char *name,
                       const ec_csv_limits *limits, ec_series **out,
                       ec_error *err)
{
	return ec_csv_read_mem_chunked(data, len, name, limits, 0, out, err);
}

ec_err ec_csv_read_file(const char *path, const ec_csv_limits *limits,
                        ec_series **out, ec_error *err)
{
	*out = NULL;
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return ec_error_set(err, EC_EIO, path, 0, 0, "cannot open: %s",
		                    strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!is_stdin)
			fclose(f);
		return ec_error_set(err, EC_EIO, path, 0, 0,
		                    "is a directory, not a file");
	}
	reader r;
	ec_err rc = reader_init(&r, name, limits, err);
	if (rc) {
		if (!is_stdin)
			fclose(f);
		return rc;
	}
	unsigned char *buf = malloc(64 * 1024);
	if (!buf) {
		if (!is_stdin)
			fclose(f);
		reader_free(&r, false);
		return ec_error_set(err, EC_ENOMEM, name, 0, 0,
		                    "out of memory");
	}
	while (!r.rc) {
		size_t got = fread(buf, 1, 64 * 1024, f);
		if (got)
			reader_feed(&r, buf, got);
		if (got < 64 * 1024) {
			if (ferror(f))
				fail(&r, EC_EIO, 0, 0, "read error: %s",
				     strerror(errno));
			break;
		}
	}
	free(buf);
	if (!is_stdin)
		fclose(f);
	return reader_end(&r, out);
}

/* ------------------------------------------------------------------ */
/* Writing */

static bool needs_quotes(const char *s)
{
	return strpbrk(s, ",\"\r\n") != NULL;
}

/* Output gathered into rows: one fwrite per row instead of a stdio call
 * per field and separator (the same bytes). */
typedef struct wbuf {
	FILE *f;
	size_t n;
	char b[4096];
	/* the last periods formatted (a document's rows have a few periods,
	 * interleaved): n_per of them, the next one replaces per[next_per] */
	int n_per, next_per;
	ec_period per[8];
	char per_s[8][EC_PERIOD_STRLEN];
} wbuf;

static void wb_flush(wbuf *w)
{
	if (w->n)
		fwrite(w->b, 1, w->n, w->f);
	w->n = 0;
}

static void wb_put(wbuf *w, const char *s, size_t n)
{
	if (w->n + n > sizeof w->b) {
		wb_flush(w);
		if (n > sizeof w->b) {
			fwrite(s, 1, n, w->f);
			return;
		}
	}
	memcpy(w->b + w->n, s, n);
	w->n += n;
}

static void wb_putc(wbuf *w, char c)
{
	if (w->n == sizeof w->b)
		wb_flush(w);
	w->b[w->n++] = c;
}

/* The bytes that end a field copied as it is: its NUL, and those that
 * make it need quotes (needs_quotes). */
static const unsigned char field_stop[256] = {[0] = 1, [','] = 1, ['"'] = 1, ['\r'] = 1,
                                              ['\n'] = 1};

/* A field of at most FIELD_SHORT bytes without a byte that needs quotes:
 * copied into the buffer in the same pass that looks for those bytes
 * (instead of strpbrk, strlen and memcpy).  Returns 1 when written; 0
 * with nothing written (a longer field, one that needs quotes, or no
 * room): put_field decides then as before. */
enum { FIELD_SHORT = 48 };
static inline int put_short(wbuf *w, const char *s)
{
	if (w->n + FIELD_SHORT > sizeof w->b)
		return 0;
	char *d = w->b + w->n;
	for (size_t i = 0; i < FIELD_SHORT; i++) {
		unsigned char c = (unsigned char)s[i];
		if (field_stop[c]) {
			if (c)
				return 0; /* needs quotes */
			w->n += i;
			return 1;
		}
		d[i] = (char)c;
	}
	return 0;
}

/* Writes the field s, in quotes when quote is set or a byte of s needs
 * them (a quote doubled). */
static void put_field_any(wbuf *w, const char *s, bool quote)
{
	if (!quote && !needs_quotes(s)) {
		wb_put(w, s, strlen(s));
		return;
	}
	/* runs up to and with a quote in one call each; the quote doubled */
	wb_putc(w, '"');
	for (;;) {
		const char *q = strchr(s, '"');
		size_t n = q ? (size_t)(q - s) + 1 : strlen(s);
		wb_put(w, s, n);
		if (!q)
			break;
		wb_putc(w, '"');
		s = q + 1;
	}
	wb_putc(w, '"');
}

/* put_field_any, through put_short first: for fields that are mostly
 * short (all but quotes) */
static void put_field(wbuf *w, const char *s, bool quote)
{
	if (!quote && put_short(w, s))
		return;
	put_field_any(w, s, quote);
}

void ec_csv_put_cell(FILE *f, const char *s)
{
	wbuf w;
	w.f = f;
	w.n = 0;
	w.n_per = w.next_per = 0;
	put_field(&w, s ? s : "", false);
	wb_flush(&w);
}

static bool same_number(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

/* True when cell, read as column k, gives the value that o holds: then
 * the cell is written as it was. */
static bool cell_matches(int k, const char *cell, const ec_obs *o)
{
	size_t len = strlen(cell);
	double v;
	switch (k) {
	case C_COMPANY:
		return strcmp(cell, o->company ? o->company : "") == 0;
	case C_DOC:
		return strcmp(cell, o->doc ? o->doc : "") == 0;
	case C_METRIC:
		return strcmp(cell, o->metric ? o->metric : "") == 0;
	case C_SEGMENT:
		return strcmp(cell[0] ? cell : "total",
		              o->segment && o->segment[0] ? o->segment
		                                          : "total") == 0;
	case C_ISSUED:
		return strcmp(cell, o->issued ? o->issued : "") == 0;
	case C_QUOTE:
		return strcmp(cell, o->quote ? o->quote : "") == 0;
	case C_SOURCE_ROLE:
		return strcmp(cell, o->source_role ? o->source_role : "") == 0;
	case C_PERIOD: {
		ec_period p;
		return parse_period(cell, len, &p, NULL) == EC_OK &&
		       ec_period_equal(p, o->period);
	}
	case C_BASIS: {
		ec_basis b;
		return parse_basis(cell, len, &b) && b == o->basis;
	}
	case C_KIND: {
		ec_kind x;
		return parse_kind(cell, len, &x) && x == o->kind;
	}
	case C_UNIT: {
		ec_unit u;
		return parse_unit(cell, len, &u) && u == o->unit;
	}
	case C_VALUE:
		return !ec_csv_parse_number(cell, len, &v) &&
		       same_number(v, o->value);
	case C_LOW:
		return !ec_csv_parse_number(cell, len, &v) &&
		       same_number(v, o->low);
	case C_HIGH:
		return !ec_csv_parse_number(cell, len, &v) &&
		       same_number(v, o->high);
	case C_LINE: {
		long l;
		return !parse_line(cell, len, &l) && l == o->line;
	}
	default:
		return false;
	}
}

/* The period of o: the text of one of the last periods written, or
 * formatted and kept. */
static void put_period(wbuf *f, const ec_obs *o)
{
	int x = 0;
	while (x < f->n_per &&
	       (f->per[x].year != o->period.year || f->per[x].type != o->period.type ||
	        f->per[x].n != o->period.n))
		x++;
	if (x == f->n_per) {
		if (f->n_per < 8) {
			f->n_per++;
		} else {
			x = f->next_per;
			f->next_per = (f->next_per + 1) % 8;
		}
		ec_period_format(o->period, f->per_s[x]);
		f->per[x] = o->period;
	}
	put_field(f, f->per_s[x], false);
}

/* names and numbers never need quotes: written as they are */
static void put_name(wbuf *f, const char *t)
{
	wb_put(f, t, strlen(t));
}

static void put_number(wbuf *f, double v)
{
	if (isnan(v))
		return; /* ec_csv_format_number writes "" */
	char buf[EC_CSV_NUMLEN];
	put_name(f, ec_csv_format_number(v, buf));
}

/* "%ld" of a positive line number, without printf; nothing for 0 */
static void put_line(wbuf *f, long line)
{
	if (line <= 0)
		return;
	char tmp[24], buf[24];
	size_t n = 0, w = 0;
	for (unsigned long v = (unsigned long)line; v; v /= 10)
		tmp[n++] = (char)('0' + v % 10);
	while (n)
		buf[w++] = tmp[--n];
	wb_put(f, buf, w);
}

static const char *nz_str(const char *s) { return s ? s : ""; }

static const char *segment_text(const ec_obs *o)
{
	return o->segment && o->segment[0] ? o->segment : "total";
}

/* Writes standard column k of o as formatted text. */
static void put_std(wbuf *f, int k, const ec_obs *o)
{
	switch (k) {
	case C_COMPANY:
		put_field(f, nz_str(o->company), false);
		break;
	case C_DOC:
		put_field(f, nz_str(o->doc), false);
		break;
	case C_PERIOD:
		put_period(f, o);
		break;
	case C_METRIC:
		put_field(f, nz_str(o->metric), false);
		break;
	case C_SEGMENT:
		put_field(f, segment_text(o), false);
		break;
	case C_BASIS:
		put_name(f, ec_basis_name(o->basis));
		break;
	case C_KIND:
		put_name(f, ec_kind_name(o->kind));
		break;
	case C_VALUE:
		put_number(f, o->value);
		break;
	case C_LOW:
		put_number(f, o->low);
		break;
	case C_HIGH:
		put_number(f, o->high);
		break;
	case C_UNIT:
		put_name(f, ec_unit_name(o->unit));
		break;
	case C_ISSUED:
		put_field(f, nz_str(o->issued), false);
		break;
	case C_LINE:
		put_line(f, o->line);
		break;
	case C_QUOTE:
		/* a sentence: long, and often with a comma */
		put_field_any(f, nz_str(o->quote), false);
		break;
	case C_SOURCE_ROLE:
		put_field(f, nz_str(o->source_role), false);
		break;
	default:
		break; /* put_field of "": nothing */
	}
}

/* A row of the standard layout written from o alone (no cells): put_std
 * of every column in order with the commas, in one sequence. */
static void put_std_row(wbuf *f, const ec_obs *o)
{
	put_field(f, nz_str(o->company), false);
	wb_putc(f, ',');
	put_field(f, nz_str(o->doc), false);
	wb_putc(f, ',');
	put_period(f, o);
	wb_putc(f, ',');
	put_field(f, nz_str(o->metric), false);
	wb_putc(f, ',');
	put_field(f, segment_text(o), false);
	wb_putc(f, ',');
	put_name(f, ec_basis_name(o->basis));
	wb_putc(f, ',');
	put_name(f, ec_kind_name(o->kind));
	wb_putc(f, ',');
	put_number(f, o->value);
	wb_putc(f, ',');
	put_number(f, o->low);
	wb_putc(f, ',');
	put_number(f, o->high);
	wb_putc(f, ',');
	put_name(f, ec_unit_name(o->unit));
	wb_putc(f, ',');
	put_field(f, nz_str(o->issued), false);
	wb_putc(f, ',');
	put_line(f, o->line);
	wb_putc(f, ',');
	put_field_any(f, nz_str(o->quote), false);
	wb_putc(f, ',');
	put_field(f, nz_str(o->source_role), false);
	wb_putc(f, '\n');
}

static ec_err write_error(FILE *f, const char *name, ec_error *err)
{
	if (ferror(f))
		return ec_error_set(err, EC_EIO, name, 0, 0, "cannot write: %s",
		                    strerror(errno ? errno : EIO));
	return EC_OK;
}

ec_err ec_csv_write(const ec_series *s, FILE *f, const char *name,
                    ec_error *err)
{
	size_t nl = ec_series_layout_count(s);
	int *std = malloc((nl ? nl : 1) * sizeof *std);
	if (!std)
		return ec_error_set(err, EC_ENOMEM, name, 0, 0,
		                    "out of memory");
	wbuf *w = malloc(sizeof *w);
	if (!w) {
		free(std);
		return ec_error_set(err, EC_ENOMEM, name, 0, 0, "out of memory");
	}
	w->f = f;
	w->n = 0;
	w->n_per = w->next_per = 0;
	for (size_t j = 0; j < nl; j++) {
		std[j] = std_index(ec_series_layout_name(s, j));
		if (j)
			wb_putc(w, ',');
		put_field(w, ec_series_layout_name(s, j), false);
	}
	wb_putc(w, '\n');
	wb_flush(w);
	/* the standard columns in their order: rows without cells are
	 * written by put_std_row */
	bool standard = nl == N_STD;
	for (size_t j = 0; j < nl && standard; j++)
		standard = std[j] == (int)j;
	size_t n = ec_series_count(s);
	for (size_t i = 0; i < n && !ferror(f); i++) {
		const ec_obs *o = ec_series_get(s, i);
		bool cells = o->cells && o->n_cells == nl;
		if (standard && !cells) {
			put_std_row(w, o);
			continue;
		}
		for (size_t j = 0; j < nl; j++) {
			if (j)
				wb_putc(w, ',');
			const char *cell = cells ? o->cells[j] : NULL;
			bool q = cells && o->quoted && o->quoted[j];
			if (std[j] < 0)
				put_field(w, cell ? cell : "", q);
			else if (cell && cell_matches(std[j], cell, o))
				put_field(w, cell, q);
			else
				put_std(w, std[j], o);
		}
		wb_putc(w, '\n');
	}
	/* the rows went out whenever the buffer was full: the same bytes in
	 * the same order as a write per row */
	wb_flush(w);
	free(w);
	free(std);
	return write_error(f, name, err);
}

ec_err ec_csv_write_file(const ec_series *s, const char *path, ec_error *err)
{
	ec_atomic *a;
	ec_err rc = ec_atomic_open(path, &a, err);
	if (rc)
		return rc;
	rc = ec_csv_write(s, ec_atomic_file(a), path, err);
	if (rc) {
		ec_atomic_abort(a);
		return rc;
	}
	return ec_atomic_commit(a, err);
}

/* The number a row stands for: its value, or for guidance without one the
 * midpoint of its bounds (or the one bound there is). */
static double headline(const ec_obs *o)
{
	if (!isnan(o->value) || o->kind != EC_KIND_GUIDANCE)
		return o->value;
	if (!isnan(o->low) && !isnan(o->high))
		return (o->low + o->high) / 2;
	return isnan(o->low) ? o->high : o->low;
}

ec_err ec_csv_write_conflicts_file(const ec_series *s, const char *path,
                                   ec_error *err)
{
	ec_atomic *a;
	ec_err rc = ec_atomic_open(path, &a, err);
	if (rc)
		return rc;
	FILE *f = ec_atomic_file(a);
	wbuf *w = malloc(sizeof *w);
	if (!w) {
		ec_atomic_abort(a);
		return ec_error_set(err, EC_ENOMEM, path, 0, 0, "out of memory");
	}
	w->f = f;
	w->n = 0;
	w->n_per = w->next_per = 0;
	for (int k = 0; k < N_STD; k++) {
		put_field(w, std_names[k], false);
		wb_putc(w, ',');
	}
	static const char tail[] = "conflict_with_doc,conflict_with_line,conflict_with_value\n";
	wb_put(w, tail, sizeof tail - 1);
	for (size_t i = 0; i < ec_series_conflict_count(s); i++) {
		const ec_obs *kept = NULL;
		const ec_obs *o = ec_series_conflict(s, i, &kept);
		for (int k = 0; k < N_STD; k++) {
			put_std(w, k, o);
			wb_putc(w, ',');
		}
		char buf[EC_CSV_NUMLEN];
		put_field(w, kept->doc ? kept->doc : "", false);
		if (kept->line > 0) {
			char lb[32];
			int ln = snprintf(lb, sizeof lb, ",%ld,", kept->line);
			wb_put(w, lb, (size_t)ln);
		} else {
			wb_put(w, ",,", 2);
		}
		const char *hv = ec_csv_format_number(headline(kept), buf);
		wb_put(w, hv, strlen(hv));
		wb_putc(w, '\n');
	}
	wb_flush(w);
	free(w);
	rc = write_error(f, path, err);
	if (rc) {
		ec_atomic_abort(a);
		return rc;
	}
	return ec_atomic_commit(a, err);
}
