/* Batch figure production: the manifest reader, output path safety, and a
 * pool of worker threads that draw the rows. */
#define _GNU_SOURCE /* syncfs */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700 /* realpath */
#include "earnchart/batch.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "earnchart/csvio.h"
#include "earnchart/extract.h"
#include "earnchart/io.h"
#include "earnchart/period.h"
#include "earnchart/series.h"

/* Limits of the manifest reader. */
#define MANIFEST_MAX_BYTES ((size_t)256 << 20) /* 256 MiB */
#define MANIFEST_MAX_FIELD ((size_t)64 << 10)  /* 64 KiB per cell */
#define MANIFEST_MAX_SERIES 64                 /* CSVs per row */
#define BATCH_MAX_JOBS 256

/* ---- manifest columns --------------------------------------------- */

enum col {
	COL_OUTPUT,
	COL_TYPE,
	COL_SERIES,
	COL_METRIC,
	COL_SEGMENT,
	COL_BASIS,
	COL_COMPANY,
	COL_FROM,
	COL_TO,
	COL_TITLE,
	COL_SUBTITLE,
	COL_SIZE,
	COL_DPI,
	COL_THEME,
	COL_TREND,
	COL_GROSS,
	N_COLS
};

static const char *const col_names[N_COLS] = {
        "output",  "type",  "series", "metric", "segment",  "basis",
        "company", "from",  "to",     "title",  "subtitle", "size",
        "dpi",     "theme", "trend",  "gross",
};

/* A row as owned by the manifest: the public part plus its storage. */
typedef struct mrow {
	ec_manifest_row pub;
	char *cells[N_COLS]; /* NULL when the column is absent or empty */
	char **series;       /* resolved paths */
	char *error;
	char *norm_output; /* output with "." components and extra '/' removed */
} mrow;

struct ec_manifest {
	char *name;
	char *base; /* folder of the manifest, "" for the current folder */
	mrow *rows;
	size_t n, cap;
	size_t n_invalid;
	size_t max_pixels; /* for the size column; 0: the chart default */
};

/* ---- parsing state ------------------------------------------------ */

typedef struct mparse {
	ec_manifest *m;
	const char *name;
	long cur_line; /* physical line being fed to libcsv */
	long row_line; /* where the current record started */
	long end_line; /* where the last record ended */
	char **fields;
	size_t nf, capf;
	int colmap[1000]; /* header position -> enum col */
	size_t n_header;
	bool have_header;
	ec_err fail;
	ec_error *err;
} mparse;

static size_t count_nl(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

static void on_field(void *s, size_t len, void *data)
{
	mparse *p = data;
	if (p->fail)
		return;
	if (p->nf == 0)
		p->row_line =
		        p->cur_line - (long)count_nl(s ? s : "", s ? len : 0);
	if (len > MANIFEST_MAX_FIELD) {
		p->fail = ec_error_set(p->err, EC_ELIMIT, p->name, p->row_line,
		                       0, "a cell is over %zu bytes",
		                       MANIFEST_MAX_FIELD);
		return;
	}
	if (s && memchr(s, '\0', len)) {
		p->fail = ec_error_set(p->err, EC_EPARSE, p->name, p->row_line,
		                       0, "a cell holds a NUL byte");
		return;
	}
	if (p->nf == p->capf) {
		size_t nc = p->capf ? p->capf * 2 : 32;
		if (nc > 1000) {
			if (p->capf >= 1000) {
				p->fail = ec_error_set(
				        p->err, EC_ELIMIT, p->name, p->row_line,
				        0, "more than 1000 columns");
				return;
			}
			nc = 1000;
		}
		char **nf = realloc(p->fields, nc * sizeof *nf);
		if (!nf) {
			p->fail = ec_error_set(p->err, EC_ENOMEM, p->name, 0, 0,
			                       "out of memory");
			return;
		}
		p->fields = nf;
		p->capf = nc;
	}
	char *c = malloc(len + 1);
	if (!c) {
		p->fail = ec_error_set(p->err, EC_ENOMEM, p->name, 0, 0,
		                       "out of memory");
		return;
	}
	if (len)
		memcpy(c, s, len);
	c[len] = '\0';
	p->fields[p->nf++] = c;
}

static void clear_fields(mparse *p)
{
	for (size_t i = 0; i < p->nf; i++)
		free(p->fields[i]);
	p->nf = 0;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *c = malloc(n);
	if (c)
		memcpy(c, s, n);
	return c;
}

/* Sets row r invalid with "name:line: message". */
static int row_fail(ec_manifest *m, mrow *r, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static int row_fail(ec_manifest *m, mrow *r, const char *fmt, ...)
{
	if (r->error) /* the first reason is the one reported */
		return 0;
	char msg[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	size_t n = strlen(m->name) + strlen(msg) + 32;
	r->error = malloc(n);
	if (!r->error)
		return -1;
	snprintf(r->error, n, "%s:%ld: %s", m->name, r->pub.line, msg);
	/* Cells are quoted in messages: no control character may reach a
	 * terminal (the input is valid UTF-8, checked before parsing). */
	for (char *c = r->error; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
	r->pub.error = r->error;
	r->pub.valid = false;
	m->n_invalid++;
	return 0;
}

bool ec_batch_output_ok(const char *rel, char *why, size_t n)
{
	const char *msg = NULL;
	if (!rel || !*rel)
		msg = "is empty";
	else if (rel[0] == '/')
		msg = "is an absolute path; give a path inside the output "
		      "folder";
	else if (rel[strlen(rel) - 1] == '/')
		msg = "names a folder, not a file";
	else {
		for (const unsigned char *c = (const unsigned char *)rel; *c;
		     c++)
			if (*c < 0x20 || *c == 0x7f) {
				msg = "holds a control character";
				break;
			}
		/* Every component: ".." would climb out of the folder. */
		const char *s = rel;
		while (!msg && *s) {
			const char *e = strchr(s, '/');
			size_t len = e ? (size_t)(e - s) : strlen(s);
			if (len == 2 && s[0] == '.' && s[1] == '.')
				msg = "has a '..' component and would leave "
				      "the output "
				      "folder";
			s += len;
			while (*s == '/')
				s++;
		}
		if (!msg) {
			const char *last = strrchr(rel, '/');
			last = last ? last + 1 : rel;
			if (strcmp(last, ".") == 0)
				msg = "names a folder, not a file";
		}
	}
	if (msg && why && n)
		snprintf(why, n, "%s", msg);
	return msg == NULL;
}

/* rel without "." components and repeated '/' (rel already passed
 * ec_batch_output_ok), so that "a/./b.png" and "a//b.png" are one output. */
static char *normalize_rel(const char *rel)
{
	size_t n = strlen(rel);
	char *o = malloc(n + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	const char *s = rel;
	while (*s) {
		const char *e = strchr(s, '/');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		if (len && !(len == 1 && s[0] == '.')) {
			if (k)
				o[k++] = '/';
			memcpy(o + k, s, len);
			k += len;
		}
		s += len;
		while (*s == '/')
			s++;
	}
	o[k] = '\0';
	return o;
}

static bool parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = {"1", "true", "yes", "on"};
	static const char *const no[] = {"0", "false", "no", "off"};
	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

static bool parse_double(const char *s, double *out)
{
	if (!*s)
		return false;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || !isfinite(v))
		return false;
	*out = v;
	return true;
}

/* Splits the series cell at ';' and resolves each path against base. */
static int row_series(ec_manifest *m, mrow *r, const char *cell)
{
	size_t cnt = 1;
	for (const char *c = cell; *c; c++)
		cnt += *c == ';';
	if (cnt > MANIFEST_MAX_SERIES)
		return row_fail(m, r, "more than %d series files",
		                MANIFEST_MAX_SERIES);
	r->series = calloc(cnt, sizeof *r->series);
	if (!r->series)
		return -1;
	size_t k = 0;
	const char *s = cell;
	for (;;) {
		const char *e = strchr(s, ';');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		while (len && (*s == ' ' || *s == '\t')) {
			s++;
			len--;
		}
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		if (len) {
			bool abs = s[0] == '/';
			size_t bl = abs ? 0 : strlen(m->base);
			char *p = malloc(bl + len + 2);
			if (!p)
				return -1;
			size_t o = 0;
			if (bl) {
				memcpy(p, m->base, bl);
				o = bl;
				if (p[o - 1] != '/')
					p[o++] = '/';
			}
			memcpy(p + o, s, len);
			p[o + len] = '\0';
			r->series[k++] = p;
		}
		if (!e)
			break;
		s = e + 1;
	}
	r->pub.n_series = k;
	r->pub.series = (const char *const *)r->series;
	if (k == 0)
		return row_fail(m, r, "the 'series' cell names no file");
	return 0;
}

static const char *cell(const mrow *r, enum col c) { return r->cells[c]; }

/* Fills r->pub from its cells; problems make the row invalid. */
static int row_validate(ec_manifest *m, mrow *r)
{
	ec_chart_opts *o = &r->pub.opts;
	ec_chart_opts_defaults(o);
	if (m->max_pixels)
		o->max_pixels = m->max_pixels;
	r->pub.valid = true;
	const char *v;
	char why[256];

	r->pub.output = cell(r, COL_OUTPUT) ? cell(r, COL_OUTPUT) : "";
	if (!cell(r, COL_OUTPUT))
		return row_fail(m, r, "the 'output' cell is empty");
	if (!ec_batch_output_ok(cell(r, COL_OUTPUT), why, sizeof why))
		return row_fail(m, r, "output '%s' %s", cell(r, COL_OUTPUT),
		                why);
	if (!(r->norm_output = normalize_rel(cell(r, COL_OUTPUT))))
		return -1;
	if (!ec_format_from_path(r->norm_output, &r->pub.format))
		return row_fail(m, r,
		                "output '%s' must end in .png, .svg or .pdf",
		                cell(r, COL_OUTPUT));

	if (!(v = cell(r, COL_TYPE)))
		return row_fail(m, r, "the 'type' cell is empty");
	if (!ec_chart_type_parse(v, &o->type))
		return row_fail(m, r,
		                "unknown type '%s' (revenue, margin, backlog, "
		                "guidance, eps, panel)",
		                v);
	if (!cell(r, COL_SERIES))
		return row_fail(m, r, "the 'series' cell is empty");
	if (row_series(m, r, cell(r, COL_SERIES)))
		return -1;
	if (r->error)
		return 0;

	o->metric = cell(r, COL_METRIC);
	o->segment = cell(r, COL_SEGMENT);
	o->company = cell(r, COL_COMPANY);
	o->title = cell(r, COL_TITLE);
	o->subtitle = cell(r, COL_SUBTITLE);
	if ((v = cell(r, COL_BASIS))) {
		ec_basis b;
		if (!ec_basis_parse(v, &b))
			return row_fail(
			        m, r,
			        "unknown basis '%s' (gaap, non_gaap, none)", v);
		o->basis = (int)b;
	}
	static const enum col pcols[2] = {COL_FROM, COL_TO};
	for (int i = 0; i < 2; i++) {
		if (!(v = cell(r, pcols[i])))
			continue;
		ec_period p;
		ec_error pe;
		ec_error_clear(&pe);
		if (ec_period_parse(v, strlen(v), &p, &pe))
			return row_fail(m, r, "'%s': %s", col_names[pcols[i]],
			                pe.msg);
		if (!ec_period_is_quarter(p))
			return row_fail(m, r,
			                "'%s' must be a quarter such as "
			                "2010Q3, not '%s'",
			                col_names[pcols[i]], v);
		if (i == 0) {
			o->has_from = true;
			o->from = p;
		} else {
			o->has_to = true;
			o->to = p;
		}
	}
	if (o->has_from && o->has_to && ec_period_cmp(o->from, o->to) > 0)
		return row_fail(m, r, "'from' %s is after 'to' %s",
		                cell(r, COL_FROM), cell(r, COL_TO));
	if ((v = cell(r, COL_DPI))) {
		double d;
		if (!parse_double(v, &d) || d < 10 || d > 2400)
			return row_fail(
			        m, r,
			        "dpi '%s' is not a number from 10 to 2400", v);
		o->dpi = d;
	}
	if ((v = cell(r, COL_SIZE))) {
		ec_error se;
		ec_error_clear(&se);
		if (ec_chart_set_size(o, v, &se))
			/* The message names the size already. */
			return row_fail(m, r, "%s", se.msg);
	}
	if ((v = cell(r, COL_THEME)) && !ec_theme_parse(v, &o->theme))
		return row_fail(m, r, "unknown theme '%s' (light, dark, print)",
		                v);
	if ((v = cell(r, COL_TREND)) && !parse_bool(v, &o->trend))
		return row_fail(
		        m, r, "trend '%s' is not 1/0, true/false or yes/no", v);
	if ((v = cell(r, COL_GROSS)) && !parse_bool(v, &o->gross))
		return row_fail(
		        m, r, "gross '%s' is not 1/0, true/false or yes/no", v);
	return 0;
}

static void on_record(int c, void *data)
{
	(void)c;
	mparse *p = data;
	if (p->fail)
		return;
	p->end_line = p->cur_line;
	ec_manifest *m = p->m;
	/* A record of empty cells only is a blank line: skip it. */
	bool blank = true;
	for (size_t i = 0; i < p->nf; i++)
		if (p->fields[i][0]) {
			blank = false;
			break;
		}
	if (blank) {
		clear_fields(p);
		return;
	}
	if (!p->have_header) {
		bool seen[N_COLS] = {false};
		for (size_t i = 0; i < p->nf; i++) {
			const char *h = p->fields[i];
			/* A UTF-8 byte order mark before the first name. */
			if (i == 0 && strncmp(h, "\xEF\xBB\xBF", 3) == 0)
				h += 3;
			int found = -1;
			for (int k = 0; k < N_COLS; k++)
				if (strcasecmp(h, col_names[k]) == 0)
					found = k;
			if (found < 0) {
				char shown[64];
				snprintf(shown, sizeof shown, "%s", h);
				for (char *c = shown; *c; c++)
					if ((unsigned char)*c < 0x20 ||
					    *c == 0x7f)
						*c = '?';
				p->fail = ec_error_set(
				        p->err, EC_EPARSE, p->name, p->row_line,
				        0,
				        "unknown column '%s' (known: output, "
				        "type, "
				        "series, metric, segment, basis, "
				        "company, "
				        "from, to, title, subtitle, size, dpi, "
				        "theme, trend, gross)",
				        shown);
				return;
			}
			if (seen[found]) {
				p->fail = ec_error_set(
				        p->err, EC_EPARSE, p->name, p->row_line,
				        0, "column '%s' appears twice",
				        col_names[found]);
				return;
			}
			seen[found] = true;
			p->colmap[i] = found;
		}
		static const enum col req[3] = {COL_OUTPUT, COL_TYPE,
		                                COL_SERIES};
		for (int k = 0; k < 3; k++)
			if (!seen[req[k]]) {
				p->fail = ec_error_set(
				        p->err, EC_EPARSE, p->name, p->row_line,
				        0, "missing required column '%s'",
				        col_names[req[k]]);
				return;
			}
		p->n_header = p->nf;
		p->have_header = true;
		clear_fields(p);
		return;
	}
	if (m->n == m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 64;
		mrow *nr = realloc(m->rows, nc * sizeof *nr);
		if (!nr) {
			p->fail = ec_error_set(p->err, EC_ENOMEM, p->name, 0, 0,
			                       "out of memory");
			return;
		}
		m->rows = nr;
		m->cap = nc;
	}
	mrow *r = &m->rows[m->n++];
	memset(r, 0, sizeof *r);
	r->pub.line = p->row_line;
	for (size_t i = 0; i < p->nf && i < p->n_header; i++) {
		if (p->fields[i][0]) {
			r->cells[p->colmap[i]] = p->fields[i];
			p->fields[i] = NULL;
		}
	}
	bool extra = false;
	for (size_t i = p->n_header; i < p->nf; i++)
		if (p->fields[i] && p->fields[i][0])
			extra = true;
	for (size_t i = 0; i < p->nf; i++)
		free(p->fields[i]);
	p->nf = 0;
	int rc =
	        extra ? row_fail(m, r, "more cells than the header has columns")
	              : row_validate(m, r);
	if (rc)
		p->fail = ec_error_set(p->err, EC_ENOMEM, p->name, 0, 0,
		                       "out of memory");
}

static void row_free(mrow *r)
{
	for (int k = 0; k < N_COLS; k++)
		free(r->cells[k]);
	if (r->series)
		for (size_t i = 0; i < r->pub.n_series; i++)
			free(r->series[i]);
	free(r->series);
	free(r->error);
	free(r->norm_output);
}

void ec_manifest_free(ec_manifest *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		row_free(&m->rows[i]);
	free(m->rows);
	free(m->name);
	free(m->base);
	free(m);
}

/* Marks later rows that write the same output as an earlier one: two
 * threads renaming onto one file would make the result depend on timing. */
static int mark_duplicates(ec_manifest *m)
{
	if (m->n < 2)
		return 0;
	size_t *idx = malloc(m->n * sizeof *idx);
	if (!idx)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++)
		if (m->rows[i].norm_output)
			idx[k++] = i;
	/* Insertion-free approach: sort indices by (name, index). */
	for (size_t gap = k / 2; gap > 0; gap /= 2)
		for (size_t i = gap; i < k; i++) {
			size_t t = idx[i], j = i;
			while (j >= gap) {
				const mrow *a = &m->rows[idx[j - gap]];
				const mrow *b = &m->rows[t];
				int c = strcmp(a->norm_output, b->norm_output);
				if (c < 0 || (c == 0 && idx[j - gap] < t))
					break;
				idx[j] = idx[j - gap];
				j -= gap;
			}
			idx[j] = t;
		}
	int rc = 0;
	for (size_t i = 1; i < k && !rc; i++) {
		mrow *a = &m->rows[idx[i - 1]];
		mrow *b = &m->rows[idx[i]];
		if (strcmp(a->norm_output, b->norm_output) == 0) {
			/* b is later; find the first row with this name */
			size_t f = i - 1;
			while (f > 0 && strcmp(m->rows[idx[f - 1]].norm_output,
			                       b->norm_output) == 0)
				f--;
			rc = row_fail(m, b,
			              "output '%s' is also written by line %ld",
			              b->pub.output, m->rows[idx[f]].pub.line);
		}
	}
	free(idx);
	return rc;
}

/* Checks that data is text: no NUL byte, valid UTF-8 (no overlong forms,
 * no surrogates).  On failure fills line and column (1-based) and returns
 * the reason. */
static const char *not_text(const unsigned char *d, size_t len, long *line,
                            long *col)
{
	long ln = 1;
	size_t ls = 0;
	for (size_t i = 0; i < len;) {
		unsigned c = d[i];
		const char *why = NULL;
		size_t k = 1;
		if (c == 0) {
			why = "binary file (NUL byte), not a CSV manifest";
		} else if (c >= 0x80) {
			unsigned min = 0, cp;
			if (c >= 0xC2 && c <= 0xDF) {
				k = 2;
				cp = c & 0x1F;
				min = 0x80;
			} else if (c >= 0xE0 && c <= 0xEF) {
				k = 3;
				cp = c & 0x0F;
				min = 0x800;
			} else if (c >= 0xF0 && c <= 0xF4) {
				k = 4;
				cp = c & 0x07;
				min = 0x10000;
			} else {
				k = 0;
				cp = 0;
			}
			if (k == 0 || i + k > len) {
				why = "invalid UTF-8";
			} else {
				for (size_t j = 1; j < k && !why; j++) {
					if ((d[i + j] & 0xC0) != 0x80)
						why = "invalid UTF-8";
					cp = (cp << 6) | (d[i + j] & 0x3F);
				}
				if (!why && (cp < min || cp > 0x10FFFF ||
				             (cp >= 0xD800 && cp <= 0xDFFF)))
					why = "invalid UTF-8";
			}
		}
		if (why) {
			*line = ln;
			*col = (long)(i - ls) + 1;
			return why;
		}
		if (c == '\n') {
			ln++;
			ls = i + 1;
		}
		i += k;
	}
	return NULL;
}

/* The first line after line `after` that holds more than white space:
 * where a record left open at the end of the input started. */
static long first_nonblank_after(const char *data, size_t len, long after)
{
	long line = 1;
	size_t i = 0;
	while (i < len && line <= after) {
		if (data[i] == '\n')
			line++;
		i++;
	}
	for (; i < len; i++) {
		if (data[i] == '\n')
			line++;
		else if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r')
			break;
	}
	return line;
}

ec_err ec_manifest_read_mem(const char *data, size_t len, const char *name,
                            ec_manifest **out, ec_error *err)
{
	return ec_manifest_read_mem_ex(data, len, name, 0, out, err);
}

ec_err ec_manifest_read_mem_ex(const char *data, size_t len, const char *name,
                               size_t max_pixels, ec_manifest **out,
                               ec_error *err)
{
	*out = NULL;
	if (!name)
		name = "manifest";
	if (len > MANIFEST_MAX_BYTES)
		return ec_error_set(err, EC_ELIMIT, name, 0, 0,
		                    "manifest is over %zu bytes",
		                    MANIFEST_MAX_BYTES);
	const char *nul = memchr(data, '\0', len);
	if (nul)
		/* The whole file is not text: named at line 1, as a file. */
		return ec_error_set(
		        err, EC_EPARSE, name, 1, 0,
		        "binary file (a NUL byte on line %ld), not a "
		        "CSV manifest",
		        1 + (long)count_nl(data, (size_t)(nul - data)));
	long bl_line = 0, bl_col = 0;
	const char *why =
	        not_text((const unsigned char *)data, len, &bl_line, &bl_col);
	if (why)
		return ec_error_set(err, EC_EPARSE, name, bl_line, bl_col, "%s",
		                    why);
	ec_manifest *m = calloc(1, sizeof *m);
	if (!m)
		return ec_error_set(err, EC_ENOMEM, name, 0, 0,
		                    "out of memory");
	m->max_pixels = max_pixels;
	m->name = xstrdup(name);
	const char *slash = strrchr(name, '/');
	size_t bl = (slash && strcmp(name, "-") != 0)
	                    ? (size_t)(slash - name) + 1
	                    : 0;
	m->base = malloc(bl + 1);
	if (!m->name || !m->base) {
		ec_manifest_free(m);
		return ec_error_set(err, EC_ENOMEM, name, 0, 0,
		                    "out of memory");
	}
	memcpy(m->base, name, bl);
	m->base[bl] = '\0';

	struct csv_parser cp;
	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		ec_manifest_free(m);
		return ec_error_set(err, EC_ENOMEM, name, 0, 0,
		                    "out of memory");
	}
	mparse p;
	memset(&p, 0, sizeof p);
	p.m = m;
	p.name = name;
	p.err = err;
	p.cur_line = 1;
	/* Fed one physical line at a time, so that the callbacks know the
	 * line they are on (libcsv does not count lines). */
	size_t pos = 0;
	while (pos < len && !p.fail) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : len - pos;
		if (csv_parse(&cp, data + pos, n, on_field, on_record, &p) !=
		    n) {
			if (!p.fail)
				p.fail = ec_error_set(
				        err, EC_EPARSE, name, p.cur_line, 0,
				        "%s",
				        csv_error(&cp) == CSV_EPARSE
				                ? "malformed CSV: a quote in "
				                  "an unquoted "
				                  "cell or text after a "
				                  "closing quote"
				                : csv_strerror(csv_error(&cp)));
			break;
		}
		pos += n;
		if (nl)
			p.cur_line++;
	}
	if (!p.fail && csv_fini(&cp, on_field, on_record, &p) != 0 && !p.fail)
		p.fail = ec_error_set(
		        err, EC_EPARSE, name,
		        first_nonblank_after(data, len, p.end_line), 0,
		        "malformed CSV: a quoted cell is not "
		        "closed");
	csv_free(&cp);
	clear_fields(&p);
	free(p.fields);
	if (!p.fail && !p.have_header)
		p.fail = ec_error_set(err, EC_EPARSE, name, 1, 0,
		                      "empty manifest: no header row "
		                      "(output,type,series,...)");
	if (!p.fail && mark_duplicates(m))
		p.fail = ec_error_set(err, EC_ENOMEM, name, 0, 0,
		                      "out of memory");
	if (p.fail) {
		ec_manifest_free(m);
		return p.fail;
	}
	*out = m;
	return EC_OK;
}

ec_err ec_manifest_read_file(const char *path, ec_manifest **out, ec_error *err)
{
	return ec_manifest_read_file_ex(path, 0, out, err);
}

ec_err ec_manifest_read_file_ex(const char *path, size_t max_pixels,
                                ec_manifest **out, ec_error *err)
{
	*out = NULL;
	char *data;
	size_t len;
	ec_err rc = ec_read_file(path, MANIFEST_MAX_BYTES, &data, &len, err);
	if (rc)
		return rc;
	rc = ec_manifest_read_mem_ex(data, len, path, max_pixels, out, err);
	free(data);
	return rc;
}

size_t ec_manifest_count(const ec_manifest *m) { return m ? m->n : 0; }

const ec_manifest_row *ec_manifest_get(const ec_manifest *m, size_t i)
{
	return m && i < m->n ? &m->rows[i].pub : NULL;
}

size_t ec_manifest_invalid_count(const ec_manifest *m)
{
	return m ? m->n_invalid : 0;
}

ec_err ec_batch_parse_shard(const char *s, unsigned *k, unsigned *n,
                            ec_error *err)
{
	const char *slash = s ? strchr(s, '/') : NULL;
	unsigned long vk = 0, vn = 0;
	bool ok = slash != NULL;
	if (ok) {
		char *end;
		errno = 0;
		if (s[0] < '0' || s[0] > '9')
			ok = false;
		else {
			vk = strtoul(s, &end, 10);
			ok = !errno && end == slash;
		}
		if (ok) {
			if (slash[1] < '0' || slash[1] > '9')
				ok = false;
			else {
				vn = strtoul(slash + 1, &end, 10);
				ok = !errno && *end == '\0';
			}
		}
	}
	if (!ok)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "shard '%s' is not K/N (for example 2/8)",
		                    s ? s : "");
	if (vn < 1 || vn > 1000000 || vk < 1 || vk > vn)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "shard '%s': need 1 <= K <= N <= 1000000",
		                    s);
	*k = (unsigned)vk;
	*n = (unsigned)vn;
	return EC_OK;
}

/* ---- running ------------------------------------------------------ */

void ec_batch_opts_defaults(ec_batch_opts *o)
{
	memset(o, 0, sizeof *o);
	o->out_dir = ".";
}

void ec_batch_outcome_free(ec_batch_outcome *o)
{
	if (!o)
		return;
	free(o->results);
	free(o);
}


/* True when real (a canonical path) is root or below it. */
static bool inside(const char *root, const char *real)
{
	size_t n = strlen(root);
	if (n == 1 && root[0] == '/')
		return true;
	return strncmp(root, real, n) == 0 &&
	       (real[n] == '\0' || real[n] == '/');
}

/* Creates the sub-folders of rel (a normalized relative path) under the
 * output folder, one component at a time, refusing any component that is a
 * symbolic link leading outside root (the canonical output folder), so no
 * folder is ever created outside it.  Fills full with out_dir/rel. */
static int prepare_output(const char *out_dir, const char *root,
                          const char *rel, char *full, size_t fn, char *why,
                          size_t wn)
{
	int w = snprintf(full, fn, "%s/%s", out_dir, rel);
	if (w < 0 || (size_t)w >= fn) {
		snprintf(why, wn, "output path is too long");
		return -1;
	}
	size_t base = strlen(out_dir) + 1;
	for (size_t i = base; full[i]; i++) {
		if (full[i] != '/')
			continue;
		full[i] = '\0';
		struct stat st;
		if (lstat(full, &st) != 0) {
			if (errno != ENOENT ||
			    (mkdir(full, 0777) != 0 && errno != EEXIST) ||
			    lstat(full, &st) != 0) {
				snprintf(why, wn,
				         "cannot create folder %.300s: %s",
				         full, strerror(errno));
				full[i] = '/';
				return -1;
			}
		}
		if (S_ISLNK(st.st_mode)) {
			char *real = realpath(full, NULL);
			bool ok = real && inside(root, real);
			free(real);
			if (!ok) {
				snprintf(why, wn,
				         "folder %.300s is a symbolic link "
				         "leading out of "
				         "the output folder",
				         full);
				full[i] = '/';
				return -1;
			}
		} else if (!S_ISDIR(st.st_mode)) {
			snprintf(why, wn, "%.300s exists and is not a folder",
			         full);
			full[i] = '/';
			return -1;
		}
		full[i] = '/';
	}
	/* The parent, canonical, must be inside root (covers links met
	 * through links); the file itself is replaced by rename(), which
	 * replaces a symbolic link rather than writing through it. */
	char *slash = strrchr(full, '/');
	*slash = '\0';
	char *real = realpath(full, NULL);
	bool ok = real && inside(root, real);
	free(real);
	*slash = '/';
	if (!ok) {
		snprintf(why, wn, "its folder is outside the output folder");
		return -1;
	}
	struct stat st;
	if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(why, wn, "%.300s is a folder", full);
		return -1;
	}
	return 0;
}

/* A loaded input: one series CSV, or the merge of a row's several CSVs. */
typedef struct input {
	char *key; /* path, or the row's paths joined by '\n' */
	ec_series *store;
	ec_err code;
	char message[1024];
} input;

typedef struct job {
	const ec_manifest *m;
	const ec_batch_opts *o;
	const char *out_dir;
	char *root;
	size_t *sel; /* selected row indexes */
	size_t n_sel;
	ec_batch_result *results;
	input *files; /* distinct CSVs */
	size_t n_files;
	input *combos; /* distinct multi-file sets */
	size_t n_combos;
	size_t *row_input; /* per selected row: index into files or combos */
	bool *row_combo;
	mode_t mode; /* permissions of new figures: 0666 less the umask */
	pthread_mutex_t mu;
	size_t next, done, failed;
	int phase; /* 0 load files, 1 draw rows */
} job;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static ssize_t find_key(char **sorted, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(sorted[mid], key);
		if (c == 0)
			return (ssize_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The input with this key in a key-sorted array, or NULL. */
static const input *find_input(const input *a, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(a[mid].key, key);
		if (c == 0)
			return &a[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* A series CSV is read; any other file is a document and is extracted
 * (so a manifest can draw from documents without an extraction step). */
static void load_file(input *in, const ec_csv_limits *lim)
{
	ec_error e;
	ec_error_clear(&e);
	size_t n = strlen(in->key);
	if (n >= 4 && strcasecmp(in->key + n - 4, ".csv") == 0) {
		in->code = ec_csv_read_file(in->key, lim, &in->store, &e);
	} else if (!(in->store = ec_series_new())) {
		in->code = ec_error_set(&e, EC_ENOMEM, in->key, 0, 0,
		                        "out of memory");
	} else {
		in->code = ec_extract_file(in->key, NULL, in->store, NULL, &e);
	}
	if (in->code)
		ec_error_format(&e, in->message, sizeof in->message);
}

/* Writes data to path through a temporary file in the same folder and a
 * rename, so a crash or a full disk never leaves a partial figure.  No
 * fsync per file (it serialises the threads on the file system journal and
 * costs more than drawing); ec_batch_run syncs the output file system once
 * at the end instead. */
static ec_err write_atomic(const char *path, const unsigned char *data,
                           size_t len, mode_t mode, ec_error *err)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + 32);
	if (!tmp)
		return ec_error_set(err, EC_ENOMEM, path, 0, 0,
		                    "out of memory");
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	memcpy(tmp, path, dir);
	snprintf(tmp + dir, n + 32 - dir, ".%s.tmpXXXXXX", path + dir);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return ec_error_set(err, EC_EIO, path, 0, 0, "cannot write: %s",
		                    strerror(e));
	}
	int e = 0;
	if (fchmod(fd, mode) != 0)
		e = errno;
	size_t off = 0;
	while (!e && off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
		} else {
			off += (size_t)w;
		}
	}
	if (close(fd) != 0 && !e)
		e = errno;
	if (!e && rename(tmp, path) != 0)
		e = errno;
	if (e)
		unlink(tmp);
	free(tmp);
	if (e)
		return ec_error_set(err, EC_EIO, path, 0, 0, "cannot write: %s",
		                    strerror(e));
	return EC_OK;
}

static void draw_row(job *j, size_t si)
{
	const mrow *r = &j->m->rows[j->sel[si]];
	ec_batch_result *res = &j->results[si];
	res->row = j->sel[si];
	res->line = r->pub.line;
	res->output = r->pub.output;
	res->code = EC_OK;
	res->message[0] = '\0';
	if (!r->pub.valid) {
		res->code = EC_EINVAL;
		snprintf(res->message, sizeof res->message, "%.1000s",
		         r->pub.error);
		return;
	}
	const input *in = j->row_combo[si] ? &j->combos[j->row_input[si]]
	                                   : &j->files[j->row_input[si]];
	if (in->code) {
		res->code = in->code;
		snprintf(res->message, sizeof res->message,
		         "%.300s:%ld: series: %.600s", j->m->name, r->pub.line,
		         in->message);
		return;
	}
	char full[PATH_MAX + 1], why[600];
	if (prepare_output(j->out_dir, j->root, r->norm_output, full,
	                   sizeof full, why, sizeof why)) {
		res->code = EC_EINVAL;
		snprintf(res->message, sizeof res->message,
		         "%.300s:%ld: output '%.200s': %.400s", j->m->name,
		         r->pub.line, r->pub.output, why);
		return;
	}
	ec_error e;
	ec_error_clear(&e);
	ec_scene *sc = NULL;
	ec_err rc = ec_chart_build(in->store, &r->pub.opts, &sc, &e);
	unsigned char *data = NULL;
	size_t len = 0;
	if (!rc)
		rc = ec_scene_write_mem(sc, r->pub.format, &data, &len, &e);
	ec_scene_free(sc);
	if (!rc)
		rc = write_atomic(full, data, len, j->mode, &e);
	free(data);
	if (rc) {
		char buf[1100];
		res->code = rc;
		snprintf(res->message, sizeof res->message,
		         "%.200s:%ld: %.200s: %.580s", j->m->name, r->pub.line,
		         r->pub.output, ec_error_format(&e, buf, sizeof buf));
	}
}

/* Replaces control characters in s (cells may hold them) with '?'. */
static void no_controls(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

static void *worker(void *arg)
{
	job *j = arg;
	for (;;) {
		pthread_mutex_lock(&j->mu);
		size_t limit = j->phase == 0 ? j->n_files : j->n_sel;
		size_t i = j->next;
		if (i < limit)
			j->next++;
		pthread_mutex_unlock(&j->mu);
		if (i >= limit)
			break;
		if (j->phase == 0) {
			load_file(&j->files[i], &j->o->csv_limits);
			continue;
		}
		draw_row(j, i);
		no_controls(j->results[i].message);
		pthread_mutex_lock(&j->mu);
		j->done++;
		if (j->results[i].code)
			j->failed++;
		if (j->o->progress)
			j->o->progress(j->o->progress_ctx, &j->results[i],
			               j->done, j->failed, j->n_sel);
		pthread_mutex_unlock(&j->mu);
	}
	return NULL;
}

/* Runs worker() on n threads (the calling thread is one of them).  When
 * a thread cannot be started the others, at least the caller, do its
 * share. */
static void run_phase(job *j, int phase, unsigned n)
{
	j->phase = phase;
	j->next = 0;
	pthread_t tid[BATCH_MAX_JOBS];
	unsigned started = 0;
	for (unsigned i = 1; i < n; i++) {
		if (pthread_create(&tid[started], NULL, worker, j) != 0)
			break;
		started++;
	}
	worker(j);
	for (unsigned i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
}

static void job_free(job *j)
{
	for (size_t i = 0; i < j->n_files; i++) {
		free(j->files[i].key);
		ec_series_free(j->files[i].store);
	}
	for (size_t i = 0; i < j->n_combos; i++) {
		free(j->combos[i].key);
		ec_series_free(j->combos[i].store);
	}
	free(j->files);
	free(j->combos);
	free(j->row_input);
	free(j->row_combo);
	free(j->sel);
	free(j->root);
}

/* The key of a row's set of files: the paths joined by '\n'. */
static char *combo_key(const mrow *r)
{
	size_t n = 1;
	for (size_t i = 0; i < r->pub.n_series; i++)
		n += strlen(r->series[i]) + 1;
	char *k = malloc(n);
	if (!k)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < r->pub.n_series; i++) {
		size_t l = strlen(r->series[i]);
		memcpy(k + o, r->series[i], l);
		o += l;
		k[o++] = '\n';
	}
	k[o ? o - 1 : 0] = '\0';
	return k;
}

/* Finds the distinct files and file sets of the selected valid rows. */
static ec_err plan_inputs(job *j, ec_error *err)
{
	size_t nkeys = 0, ncombo = 0;
	for (size_t s = 0; s < j->n_sel; s++) {
		const mrow *r = &j->m->rows[j->sel[s]];
		if (!r->pub.valid)
			continue;
		nkeys += r->pub.n_series;
		ncombo += r->pub.n_series > 1;
	}
	char **keys = malloc((nkeys + 1) * sizeof *keys);
	char **ckeys = malloc((ncombo + 1) * sizeof *ckeys);
	j->row_input = calloc(j->n_sel + 1, sizeof *j->row_input);
	j->row_combo = calloc(j->n_sel + 1, sizeof *j->row_combo);
	char **rowc = calloc(j->n_sel + 1, sizeof *rowc);
	ec_err rc = EC_OK;
	if (!keys || !ckeys || !j->row_input || !j->row_combo || !rowc) {
		rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	size_t k = 0, c = 0;
	for (size_t s = 0; s < j->n_sel; s++) {
		const mrow *r = &j->m->rows[j->sel[s]];
		if (!r->pub.valid)
			continue;
		for (size_t i = 0; i < r->pub.n_series; i++)
			keys[k++] = r->series[i];
		if (r->pub.n_series > 1) {
			if (!(rowc[s] = combo_key(r))) {
				rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
				                  "out of memory");
				goto done;
			}
			ckeys[c++] = rowc[s];
		}
	}
	qsort(keys, k, sizeof *keys, cmp_str);
	qsort(ckeys, c, sizeof *ckeys, cmp_str);
	/* unique */
	size_t uk = 0, uc = 0;
	for (size_t i = 0; i < k; i++)
		if (!uk || strcmp(keys[uk - 1], keys[i]))
			keys[uk++] = keys[i];
	for (size_t i = 0; i < c; i++)
		if (!uc || strcmp(ckeys[uc - 1], ckeys[i]))
			ckeys[uc++] = ckeys[i];
	j->files = calloc(uk + 1, sizeof *j->files);
	j->combos = calloc(uc + 1, sizeof *j->combos);
	if (!j->files || !j->combos) {
		rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < uk; i++) {
		if (!(j->files[i].key = xstrdup(keys[i]))) {
			rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
			                  "out of memory");
			goto done;
		}
		j->n_files++;
	}
	for (size_t i = 0; i < uc; i++) {
		if (!(j->combos[i].key = xstrdup(ckeys[i]))) {
			rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
			                  "out of memory");
			goto done;
		}
		j->n_combos++;
	}
	for (size_t s = 0; s < j->n_sel; s++) {
		const mrow *r = &j->m->rows[j->sel[s]];
		if (!r->pub.valid)
			continue;
		if (r->pub.n_series > 1) {
			j->row_combo[s] = true;
			j->row_input[s] = (size_t)find_key(ckeys, uc, rowc[s]);
		} else {
			j->row_input[s] =
			        (size_t)find_key(keys, uk, r->series[0]);
		}
	}
done:
	if (rowc)
		for (size_t s = 0; s < j->n_sel; s++)
			free(rowc[s]);
	free(rowc);
	free(keys);
	free(ckeys);
	return rc;
}

/* Merges the files of each multi-file set, in the row's order. */
static ec_err build_combos(job *j, ec_error *err)
{
	for (size_t i = 0; i < j->n_combos; i++) {
		input *cb = &j->combos[i];
		ec_series *all = ec_series_new();
		if (!all)
			return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
			                    "out of memory");
		const char *s = cb->key;
		while (*s && !cb->code) {
			const char *e = strchr(s, '\n');
			size_t len = e ? (size_t)(e - s) : strlen(s);
			char path[PATH_MAX + 1];
			snprintf(path, sizeof path, "%.*s", (int)len, s);
			const input *in =
			        find_input(j->files, j->n_files, path);
			if (!in || in->code) {
				cb->code = in ? in->code : EC_EIO;
				snprintf(cb->message, sizeof cb->message,
				         "%.1000s", in ? in->message : path);
				break;
			}
			ec_error e2;
			ec_error_clear(&e2);
			ec_err rc = ec_series_merge(all, in->store, NULL, &e2);
			if (rc) {
				cb->code = rc;
				ec_error_format(&e2, cb->message,
				                sizeof cb->message);
			}
			s += len;
			if (*s == '\n')
				s++;
		}
		cb->store = all;
	}
	return EC_OK;
}

ec_err ec_batch_run(const ec_manifest *m, const ec_batch_opts *o,
                    ec_batch_outcome **out, ec_error *err)
{
	*out = NULL;
	ec_batch_opts def;
	if (!o) {
		ec_batch_opts_defaults(&def);
		o = &def;
	}
	if (o->shard_n && (o->shard_k < 1 || o->shard_k > o->shard_n))
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "shard %u/%u: need 1 <= K <= N", o->shard_k,
		                    o->shard_n);
	const char *dir = o->out_dir && *o->out_dir ? o->out_dir : ".";
	job j;
	memset(&j, 0, sizeof j);
	j.m = m;
	j.o = o;
	ec_err rc = ec_make_dirs(dir, err);
	if (rc)
		return rc;
	/* Strip trailing '/' so that "dir/" + "/" + rel stays tidy. */
	size_t dl = strlen(dir);
	char *dcopy = malloc(dl + 1);
	if (!dcopy)
		return ec_error_set(err, EC_ENOMEM, dir, 0, 0, "out of memory");
	memcpy(dcopy, dir, dl + 1);
	while (dl > 1 && dcopy[dl - 1] == '/')
		dcopy[--dl] = '\0';
	j.out_dir = dcopy;
	j.root = realpath(dcopy, NULL);
	ec_batch_outcome *oc = calloc(1, sizeof *oc);
	size_t n = ec_manifest_count(m);
	j.sel = malloc((n + 1) * sizeof *j.sel);
	if (!j.root || !oc || !j.sel) {
		rc = ec_error_set(
		        err, j.root ? EC_ENOMEM : EC_EIO, dir, 0, 0, "%s",
		        j.root ? "out of memory" : "cannot resolve the folder");
		goto fail;
	}
	for (size_t i = 0; i < n; i++)
		if (!o->shard_n || i % o->shard_n == o->shard_k - 1)
			j.sel[j.n_sel++] = i;
	oc->results = calloc(j.n_sel + 1, sizeof *oc->results);
	if (!oc->results) {
		rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		goto fail;
	}
	j.results = oc->results;
	if ((rc = plan_inputs(&j, err)))
		goto fail;
	unsigned jobs = o->jobs;
	if (!jobs) {
		long c = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = c > 0 ? (unsigned)c : 1;
	}
	if (jobs > BATCH_MAX_JOBS)
		jobs = BATCH_MAX_JOBS;
	if (pthread_mutex_init(&j.mu, NULL) != 0) {
		rc = ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                  "cannot create a mutex");
		goto fail;
	}
	unsigned lj =
	        jobs < j.n_files ? jobs : (unsigned)(j.n_files ? j.n_files : 1);
	run_phase(&j, 0, lj);
	if ((rc = build_combos(&j, err))) {
		pthread_mutex_destroy(&j.mu);
		goto fail;
	}
	unsigned dj = jobs < j.n_sel ? jobs : (unsigned)(j.n_sel ? j.n_sel : 1);
	/* umask can only be read by setting it: done once, before threads. */
	mode_t um = umask(022);
	umask(um);
	j.mode = 0666 & ~um;
	run_phase(&j, 1, dj);
	pthread_mutex_destroy(&j.mu);
	/* One sync of the output's file system makes every figure durable. */
	int dfd = open(dcopy, O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) {
		(void)syncfs(dfd);
		close(dfd);
	}
	oc->total = j.n_sel;
	oc->failed = j.failed;
	oc->ok = j.n_sel - j.failed;
	oc->inputs = j.n_files;
	job_free(&j);
	free(dcopy);
	*out = oc;
	return EC_OK;
fail:
	job_free(&j);
	free(dcopy);
	ec_batch_outcome_free(oc);
	return rc;
}
