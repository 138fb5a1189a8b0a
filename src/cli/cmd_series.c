/* earnchart series: shows what series CSV files hold, as a table with one
 * row per period and one column per metric/segment/basis/kind. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
        "Usage: earnchart series FILE.csv... [OPTION]...\n"
        "Show what series CSV files hold, as a table: one row per period, one\n"
        "column per metric, segment, basis and kind (and company when the\n"
        "files hold several).  The files are read and merged; FILE '-' is\n"
        "standard input.\n"
        "\n"
        "Options:\n"
        "  --metric M    only rows of metric M (revenue, eps_diluted, ...)\n"
        "  --company C   only rows of company C (e.g. JNPR)\n"
        "  --segment S   only rows of segment S (total, product, service, "
        "...)\n"
        "  --basis B     only rows of basis B: gaap, non_gaap or none\n"
        "  --kind K      only rows of kind K: actual or guidance\n"
        CLI_HELP_CSV_LIMITS
        "  -h, --help    show this help and exit\n"
        "\n"
        CLI_HELP_LIMITS_NOTE
        "\n"
        "Values are shown by unit: usd_m as $1,118.0M, usd as $0.32, pct as\n"
        "24.1%, days as 55d, count as 9,129; guidance as its range low–high\n"
        "(>=X or <=X with one bound).  When a period was guided more than "
        "once\n"
        "the latest issue is shown.  Tables wider than 100 characters are cut\n"
        "into blocks of columns.\n"
        "\n"
        "When two rows with the same key disagree beyond the unit's\n"
        "tolerance, the first stays and the other is kept aside as a\n"
        "conflict, reported on standard error as a warning line.  When no\n"
        "row matches, a note goes to standard error and nothing is printed.\n"
        "\n"
        "Exit status: 0 success (also when no row matches), 1 unreadable or\n"
        "malformed input (one line 'earnchart: FILE:LINE:COLUMN: message'),\n"
        "2 usage error.\n";

#define TABLE_WIDTH 100
#define GAP 2

/* ------------------------------------------------------------------ */
/* Formatting */

/* Display width of UTF-8 text: one per character. */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

/* Spaces are held back until something follows them on the line, so that
 * lines carry no trailing blanks. */
static size_t pending;

static void pad(size_t n) { pending += n; }

static void put(const char *s)
{
	if (!*s)
		return;
	for (; pending; pending--)
		putchar(' ');
	fputs(s, stdout);
}

static void endline(void)
{
	pending = 0;
	putchar('\n');
}

/* |v| with between lo and hi decimals (as few as show it exactly), with
 * thousands separators. */
static void plain(double v, int lo, int hi, char *out, size_t n)
{
	int d = lo;
	for (; d < hi; d++) {
		double m = fabs(v) * pow(10, d);
		if (fabs(m - nearbyint(m)) <= 1e-6 * fmax(1.0, m))
			break;
	}
	char num[64];
	snprintf(num, sizeof num, "%.*f", d, fabs(v));
	const char *dot = strchr(num, '.');
	size_t ilen = dot ? (size_t)(dot - num) : strlen(num);
	size_t o = 0;
	for (size_t i = 0; i < ilen && o + 2 < n; i++) {
		if (i && (ilen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = num[i];
	}
	snprintf(out + o, n - o, "%s", dot ? dot : "");
}

static void fmt_value(ec_unit unit, double v, char *out, size_t n)
{
	char num[80];
	const char *sign = v < 0 ? "-" : "";
	switch (unit) {
	case EC_UNIT_USD_M:
		plain(v, 1, 3, num, sizeof num);
		snprintf(out, n, "%s$%sM", sign, num);
		break;
	case EC_UNIT_USD:
		plain(v, 2, 4, num, sizeof num);
		snprintf(out, n, "%s$%s", sign, num);
		break;
	case EC_UNIT_PCT:
		plain(v, 1, 3, num, sizeof num);
		snprintf(out, n, "%s%s%%", sign, num);
		break;
	case EC_UNIT_DAYS:
		plain(v, 0, 1, num, sizeof num);
		snprintf(out, n, "%s%sd", sign, num);
		break;
	default:
		plain(v, 0, 2, num, sizeof num);
		snprintf(out, n, "%s%s", sign, num);
		break;
	}
}

static void fmt_obs(const ec_obs *o, char *out, size_t n)
{
	char a[100], b[100];
	bool lo = !isnan(o->low), hi = !isnan(o->high);
	if (o->kind == EC_KIND_GUIDANCE && (lo || hi)) {
		if (lo && hi && o->low == o->high) {
			fmt_value(o->unit, o->low, out, n);
		} else if (lo && hi) {
			fmt_value(o->unit, o->low, a, sizeof a);
			fmt_value(o->unit, o->high, b, sizeof b);
			snprintf(out, n, "%s\u2013%s", a, b);
		} else {
			fmt_value(o->unit, lo ? o->low : o->high, a, sizeof a);
			snprintf(out, n, "%s%s", lo ? ">=" : "<=", a);
		}
		return;
	}
	if (isnan(o->value)) {
		snprintf(out, n, "?");
		return;
	}
	fmt_value(o->unit, o->value, out, n);
}

/* ------------------------------------------------------------------ */
/* The table */

typedef struct column {
	const ec_obs *proto; /* a row of this column: its key parts */
	size_t w;
} column;

/* Order of columns: company, metric, segment (total first), basis, kind. */
static int col_cmp(const ec_obs *a, const ec_obs *b, bool companies)
{
	int c;
	if (companies && (c = strcmp(a->company, b->company)))
		return c;
	if ((c = strcmp(a->metric, b->metric)))
		return c;
	bool ta = strcmp(a->segment, "total") == 0;
	bool tb = strcmp(b->segment, "total") == 0;
	if (ta != tb)
		return ta ? -1 : 1;
	if ((c = strcmp(a->segment, b->segment)))
		return c;
	if (a->basis != b->basis)
		return a->basis < b->basis ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return 0;
}

/* Columns are few: an insertion sort keeps col_cmp's extra argument. */
static void sort_columns(column *c, size_t n, bool companies)
{
	for (size_t i = 1; i < n; i++) {
		column x = c[i];
		size_t j = i;
		for (; j > 0 && col_cmp(c[j - 1].proto, x.proto, companies) > 0;
		     j--)
			c[j] = c[j - 1];
		c[j] = x;
	}
}

/* s with control characters escaped, so that a warning stays on one line
 * (texts read from quoted CSV fields may hold line breaks). */
static const char *one_line(const char *s, char *buf, size_t n)
{
	size_t o = 0;
	for (; *s && o + 5 < n; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f)
			o += (size_t)snprintf(buf + o, n - o, "\\x%02X", c);
		else
			buf[o++] = (char)c;
	}
	buf[o] = '\0';
	return buf;
}

/* The header line `line` of column c: 0 company, 1 metric, 2 segment,
 * 3 basis, 4 kind. */
static const char *head(const column *c, int line, char *buf, size_t n)
{
	switch (line) {
	case 0:
		return c->proto->company[0]
		               ? one_line(c->proto->company, buf, n)
		               : "(none)";
	case 1:
		return one_line(c->proto->metric, buf, n);
	case 2:
		return one_line(c->proto->segment, buf, n);
	case 3:
		return ec_basis_name(c->proto->basis);
	default:
		return ec_kind_name(c->proto->kind);
	}
}

static int print_table(const ec_obs **rows, size_t n)
{
	/* Several companies get their own header line. */
	bool companies_flag = false;
	for (size_t i = 1; i < n; i++)
		if (strcmp(rows[i]->company, rows[0]->company) != 0)
			companies_flag = true;

	column *cols = calloc(n, sizeof *cols);
	size_t *colof = malloc(n * sizeof *colof);
	size_t *perof = malloc(n * sizeof *perof);
	const ec_obs **pers = malloc(n * sizeof *pers);
	if (!cols || !colof || !perof || !pers) {
		free(cols);
		free(colof);
		free(perof);
		free(pers);
		cli_errorf("series", "out of memory");
		return CLI_FAIL;
	}
	size_t nc = 0, np = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < nc &&
		       col_cmp(cols[j].proto, rows[i], companies_flag))
			j++;
		if (j == nc)
			cols[nc++].proto = rows[i];
		/* Rows come sorted by period. */
		if (!np ||
		    !ec_period_equal(pers[np - 1]->period, rows[i]->period))
			pers[np++] = rows[i];
		perof[i] = np - 1;
	}
	sort_columns(cols, nc, companies_flag);
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (col_cmp(cols[j].proto, rows[i], companies_flag))
			j++;
		colof[i] = j;
	}
	/* The grid of cells: the last row of a cell wins, which for guidance
	 * issued more than once is the latest issue (select orders by it). */
	const ec_obs **grid = calloc(np * nc > 0 ? np * nc : 1, sizeof *grid);
	if (!grid) {
		free(cols);
		free(colof);
		free(perof);
		free(pers);
		cli_errorf("series", "out of memory");
		return CLI_FAIL;
	}
	for (size_t i = 0; i < n; i++)
		grid[perof[i] * nc + colof[i]] = rows[i];

	char buf[256];
	int first_line = companies_flag ? 0 : 1;
	size_t pw = strlen("period");
	for (size_t p = 0; p < np; p++) {
		char per[EC_PERIOD_STRLEN];
		if (width(ec_period_format(pers[p]->period, per)) > pw)
			pw = width(per); /* "2007M12" is wider than "period" */
	}
	for (size_t j = 0; j < nc; j++) {
		for (int l = first_line; l < 5; l++) {
			size_t w = width(head(&cols[j], l, buf, sizeof buf));
			if (w > cols[j].w)
				cols[j].w = w;
		}
		for (size_t p = 0; p < np; p++)
			if (grid[p * nc + j]) {
				fmt_obs(grid[p * nc + j], buf, sizeof buf);
				if (width(buf) > cols[j].w)
					cols[j].w = width(buf);
			}
	}

	/* Blocks of columns that fit in TABLE_WIDTH (at least one each). */
	for (size_t b0 = 0; b0 < nc;) {
		size_t b1 = b0, used = pw;
		while (b1 < nc &&
		       (b1 == b0 || used + GAP + cols[b1].w <= TABLE_WIDTH))
			used += GAP + cols[b1++].w;
		if (b0)
			endline();
		for (int l = first_line; l < 5; l++) {
			const char *lead = l == 1 ? "period" : "";
			put(lead);
			pad(pw - width(lead));
			for (size_t j = b0; j < b1; j++) {
				const char *h =
				        head(&cols[j], l, buf, sizeof buf);
				pad(GAP + cols[j].w - width(h));
				put(h);
			}
			endline();
		}
		for (size_t k = 0; k < used; k++)
			putchar('-');
		endline();
		for (size_t p = 0; p < np; p++) {
			char per[EC_PERIOD_STRLEN];
			ec_period_format(pers[p]->period, per);
			put(per);
			pad(pw - width(per));
			for (size_t j = b0; j < b1; j++) {
				const ec_obs *o = grid[p * nc + j];
				buf[0] = '\0';
				if (o)
					fmt_obs(o, buf, sizeof buf);
				pad(GAP + cols[j].w - width(buf));
				put(buf);
			}
			endline();
		}
		b0 = b1;
	}
	free(grid);
	free(cols);
	free(colof);
	free(perof);
	free(pers);
	return CLI_OK;
}

/* ------------------------------------------------------------------ */

static void warn_conflicts(const ec_series *s)
{
	for (size_t i = 0; i < ec_series_conflict_count(s); i++) {
		const ec_obs *kept;
		const ec_obs *o = ec_series_conflict(s, i, &kept);
		char p[EC_PERIOD_STRLEN], a[100], b[100];
		fmt_obs(o, a, sizeof a);
		fmt_obs(kept, b, sizeof b);
		char co[200], me[200], se[200], d1[300], d2[300];
		fprintf(stderr,
		        "earnchart: warning: conflict: %s%s%s %s %s %s %s: %s "
		        "(%s line %ld) disagrees with %s (%s line %ld)\n",
		        one_line(o->company, co, sizeof co),
		        o->company[0] ? " " : "",
		        ec_period_format(o->period, p),
		        one_line(o->metric, me, sizeof me),
		        one_line(o->segment, se, sizeof se),
		        ec_basis_name(o->basis), ec_kind_name(o->kind), a,
		        o->doc[0] ? one_line(o->doc, d1, sizeof d1) : "no doc",
		        o->line, b,
		        kept->doc[0] ? one_line(kept->doc, d2, sizeof d2)
		                     : "no doc",
		        kept->line);
	}
}

/* Matches "--name V" and "--name=V"; advances *i past what it used. */
static int option(int argc, char **argv, int *i, const char *name,
                  const char **val)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		*val = a + n + 1;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*val = argv[++*i];
	return 1;
}

int cmd_series(int argc, char **argv)
{
	static const char *const names[] = {"--metric", "--company",
	                                    "--segment", "--basis", "--kind"};
	const char *vals[5] = {NULL, NULL, NULL, NULL, NULL};
	char **files = malloc((size_t)(argc > 0 ? argc : 1) * sizeof *files);
	if (!files) {
		cli_errorf(argv[0], "out of memory");
		return CLI_FAIL;
	}
	int nf = 0;
	bool only_files = false;
	cli_limits lim = {0};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
			files[nf++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_files = true;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			free(files);
			fputs(usage_text, stdout);
			return CLI_OK;
		}
		int hit = cli_limit_option(argv[0], argc, argv, &i,
		                           CLI_LIM_CSV, &lim);
		if (hit < 0) {
			free(files);
			return CLI_USAGE;
		}
		for (int k = 0; k < 5 && !hit; k++) {
			hit = option(argc, argv, &i, names[k], &vals[k]);
			if (hit < 0) {
				free(files);
				return cli_usage_error(
				        argv[0], "option '%s' needs a value",
				        names[k]);
			}
		}
		if (!hit) {
			free(files);
			return cli_usage_error(argv[0], "unknown option '%s'",
			                       a);
		}
	}
	ec_select sel = ec_select_all();
	sel.metric = vals[0];
	sel.company = vals[1];
	sel.segment = vals[2];
	if (vals[3]) {
		ec_basis b;
		if (!ec_basis_parse(vals[3], &b)) {
			free(files);
			return cli_usage_error(
			        argv[0],
			        "--basis must be gaap, non_gaap or "
			        "none, not '%s'",
			        vals[3]);
		}
		sel.basis = (int)b;
	}
	if (vals[4]) {
		ec_kind k;
		if (!ec_kind_parse(vals[4], &k)) {
			free(files);
			return cli_usage_error(
			        argv[0],
			        "--kind must be actual or guidance, "
			        "not '%s'",
			        vals[4]);
		}
		sel.kind = (int)k;
	}
	if (!nf) {
		free(files);
		return cli_usage_error(argv[0],
		                       "no input file (give FILE.csv or -)");
	}

	ec_series *s;
	ec_error err;
	ec_err rc = cli_load_series(files, nf, &lim.csv, &s, NULL, &err);
	free(files);
	if (rc) {
		cli_error_limits(&err, CLI_LIM_CSV);
		return CLI_FAIL;
	}
	warn_conflicts(s);
	const ec_obs **rows;
	size_t n;
	if (ec_series_select(s, &sel, &rows, &n)) {
		ec_series_free(s);
		cli_errorf(argv[0], "out of memory");
		return CLI_FAIL;
	}
	int code = CLI_OK;
	if (!n)
		cli_errorf(argv[0], "no rows match");
	else
		code = print_table(rows, n);
	free(rows);
	ec_series_free(s);
	return code;
}
