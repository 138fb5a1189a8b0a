/* Helpers shared by the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "earnchart/csvio.h"

void cli_error(const ec_error *e)
{
	char buf[1200];
	fprintf(stderr, "earnchart: %s\n", ec_error_format(e, buf, sizeof buf));
}

void cli_error_limits(const ec_error *e, unsigned mask)
{
	ec_error h = *e;
	cli_limit_hint(h.msg, sizeof h.msg, h.code, mask);
	cli_error(&h);
}

void cli_errorf(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "earnchart: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "earnchart %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'earnchart %s --help'.\n", cmd);
	return CLI_USAGE;
}

ec_err cli_load_series(char *const *paths, int n, const ec_csv_limits *limits,
                       ec_series **out, size_t *n_conflicts, ec_error *err)
{
	*out = NULL;
	size_t conf = 0;
	ec_series *all = NULL;
	for (int i = 0; i < n; i++) {
		ec_series *one;
		ec_err rc = ec_csv_read_file(paths[i], limits, &one, err);
		if (rc) {
			ec_series_free(all);
			return rc;
		}
		conf += ec_series_conflict_count(one);
		if (!all) {
			all = one;
			continue;
		}
		size_t c = 0;
		rc = ec_series_merge(all, one, &c, err);
		ec_series_free(one);
		conf += c;
		if (rc) {
			ec_series_free(all);
			return rc;
		}
	}
	if (!all && !(all = ec_series_new()))
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	*out = all;
	if (n_conflicts)
		*n_conflicts = conf;
	return EC_OK;
}

const char *cli_datadir(void)
{
	const char *env = getenv("EARNCHART_DATA");
	if (env && *env)
		return env;
	struct stat st;
	if (stat("data/docs", &st) == 0 && S_ISDIR(st.st_mode))
		return "data";
#ifdef EC_DATADIR
	if (stat(EC_DATADIR, &st) == 0 && S_ISDIR(st.st_mode))
		return EC_DATADIR;
#endif
	return "data";
}

bool cli_parse_size(const char *s, size_t *out)
{
	/* strtoull accepts spaces and a sign: allow digits only. */
	if (!s || s[0] < '0' || s[0] > '9')
		return false;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno == ERANGE || end == s)
		return false;
	unsigned shift = 0;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (*end != '\0' || v == 0)
		return false;
	if (v > (unsigned long long)SIZE_MAX >> shift)
		return false;
	*out = (size_t)v << shift;
	return true;
}

/* The limit options: name, group, and where the value goes. */
enum lim_field { F_FIELD, F_ROWS, F_COLUMNS, F_INPUT, F_DOC, F_LINE, F_PIX };
static const struct {
	const char *name;
	unsigned group;
	enum lim_field field;
} lim_opts[] = {
    {"--max-field", CLI_LIM_CSV, F_FIELD},
    {"--max-rows", CLI_LIM_CSV, F_ROWS},
    {"--max-columns", CLI_LIM_CSV, F_COLUMNS},
    {"--max-input", CLI_LIM_CSV, F_INPUT},
    {"--max-doc-bytes", CLI_LIM_DOC, F_DOC},
    {"--max-line", CLI_LIM_DOC, F_LINE},
    {"--max-pixels", CLI_LIM_PIXELS, F_PIX},
};

int cli_limit_option(const char *cmd, int argc, char **argv, int *i,
                     unsigned mask, cli_limits *l)
{
	const char *a = argv[*i];
	for (size_t k = 0; k < sizeof lim_opts / sizeof *lim_opts; k++) {
		if (!(lim_opts[k].group & mask))
			continue;
		const char *name = lim_opts[k].name;
		size_t n = strlen(name);
		if (strncmp(a, name, n) != 0 || (a[n] != '\0' && a[n] != '='))
			continue;
		const char *v;
		if (a[n] == '=') {
			v = a + n + 1;
		} else if (*i + 1 < argc) {
			v = argv[++*i];
		} else {
			cli_usage_error(cmd, "option '%s' needs a value", name);
			return -1;
		}
		size_t x;
		if (!cli_parse_size(v, &x)) {
			cli_usage_error(cmd,
			                "%s '%s' is not a positive whole number "
			                "(optional K, M or G suffix)",
			                name, v);
			return -1;
		}
		switch (lim_opts[k].field) {
		case F_FIELD: l->csv.max_field = x; break;
		case F_ROWS: l->csv.max_rows = x; break;
		case F_COLUMNS: l->csv.max_columns = x; break;
		case F_INPUT: l->csv.max_bytes = x; break;
		case F_DOC: l->max_doc_bytes = x; break;
		case F_LINE: l->max_line = x; break;
		case F_PIX: l->max_pixels = x; break;
		}
		return 1;
	}
	return 0;
}

void cli_limit_hint(char *msg, size_t n, ec_err code, unsigned mask)
{
	if (code != EC_ELIMIT || !msg || strstr(msg, "(raise with"))
		return;
	/* The messages of the CSV reader (csvio.c), the extractor (text.c,
	 * io.c through ec_extract_file) and the chart size check. */
	const char *flag = NULL;
	if ((mask & CLI_LIM_CSV) && strstr(msg, "field longer than"))
		flag = "--max-field";
	else if ((mask & CLI_LIM_CSV) && strstr(msg, " rows"))
		flag = "--max-rows";
	else if ((mask & CLI_LIM_CSV) && strstr(msg, " columns"))
		flag = "--max-columns";
	else if ((mask & CLI_LIM_CSV) && strstr(msg, "input longer than"))
		flag = "--max-input";
	else if ((mask & CLI_LIM_DOC) && strstr(msg, "line is "))
		flag = "--max-line";
	else if ((mask & CLI_LIM_DOC) && (strstr(msg, "document is ") ||
	                                  strstr(msg, "over the limit of")))
		flag = "--max-doc-bytes";
	else if ((mask & CLI_LIM_PIXELS) && strstr(msg, "pixels"))
		flag = "--max-pixels";
	if (!flag)
		return;
	size_t len = strlen(msg);
	snprintf(msg + len, n - len, " (raise with %s)", flag);
}
