/* earnchart extract: documents in, series CSV out (with evidence). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "earnchart/csvio.h"
#include "earnchart/extract.h"

static void usage(FILE *f)
{
	fprintf(f,
	        "Usage: earnchart extract [-o OUT.csv] [--company TICKER]\n"
	        "                         [--conflicts FILE.csv] DOC...\n"
	        "\n"
	        "Reads earnings press releases and call transcripts (plain text or\n"
	        "Markdown; '-' reads standard input) and writes the series CSV: one\n"
	        "row per fact (company, doc, period, metric, segment, basis, kind,\n"
	        "value, low, high, unit, issued, line, quote, source_role).  The same\n"
	        "fact stated in two documents is two rows; mentions within one\n"
	        "document become one row with the most precise value.\n"
	        "\n"
	        "Options:\n"
	        "  -o, --output OUT.csv   write the CSV to OUT.csv atomically (a failed\n"
	        "                         run leaves an existing OUT.csv untouched);\n"
	        "                         default: standard output\n"
	        "  --company TICKER       set the company column of every row; default:\n"
	        "                         the ticker the document states, e.g.\n"
	        "                         \"(NASDAQ: JNPR)\", else empty\n"
	        "  --conflicts FILE.csv   write the mentions that disagree with a kept\n"
	        "                         row to FILE.csv (always written when given,\n"
	        "                         header only when there are none); default:\n"
	        "                         OUT's name with .conflicts.csv instead of .csv,\n"
	        "                         written only when there are conflicts (none\n"
	        "                         without -o)\n"
	        CLI_HELP_DOC_LIMITS
	        "  -h, --help             show this help\n"
	        "\n"
	        CLI_HELP_LIMITS_NOTE
	        "\n"
	        "The number of conflicts is reported on standard error.  A document\n"
	        "with no financial facts gives a note on standard error and no rows.\n"
	        "\n"
	        "Exit status: 0 success, 1 a document could not be read (binary,\n"
	        "too large) or the output could not be written, 2 usage error.\n");
}

/* OUT.csv -> OUT.conflicts.csv; OUT -> OUT.conflicts.csv */
static char *conflicts_name(const char *out)
{
	size_t n = strlen(out);
	size_t stem = n;
	const char *slash = strrchr(out, '/');
	const char *dot = strrchr(out, '.');
	if (dot && (!slash || dot > slash) && dot != out && (!slash || dot > slash + 1))
		stem = (size_t)(dot - out);
	static const char suffix[] = ".conflicts.csv";
	char *p = malloc(stem + sizeof suffix);
	if (!p)
		return NULL;
	memcpy(p, out, stem);
	memcpy(p + stem, suffix, sizeof suffix);
	return p;
}

int cmd_extract(int argc, char **argv)
{
	const char *cmd = argv[0];
	const char *out = NULL, *company = NULL, *conflicts = NULL;
	/* Options may come before or after the documents; "--" ends them. */
	char **docs = calloc((size_t)argc, sizeof *docs);
	int ndocs = 0, opts_done = 0;
	cli_limits lim = {0};
	if (!docs) {
		cli_errorf(cmd, "out of memory");
		return CLI_FAIL;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (opts_done || a[0] != '-' || a[1] == 0) {
			docs[ndocs++] = argv[i];
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			free(docs);
			usage(stdout);
			return CLI_OK;
		}
		if (strcmp(a, "--") == 0) {
			opts_done = 1;
			continue;
		}
		int lr = cli_limit_option(cmd, argc, argv, &i, CLI_LIM_DOC, &lim);
		if (lr < 0) {
			free(docs);
			return CLI_USAGE;
		}
		if (lr > 0)
			continue;
		const char **slot = NULL;
		const char *v = NULL;
		if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)
			slot = &out;
		else if (strcmp(a, "--company") == 0)
			slot = &company;
		else if (strcmp(a, "--conflicts") == 0)
			slot = &conflicts;
		if (slot) {
			if (i + 1 >= argc) {
				free(docs);
				return cli_usage_error(cmd, "option '%s' needs a value", a);
			}
			v = argv[++i];
		} else if (strncmp(a, "--output=", 9) == 0) {
			slot = &out;
			v = a + 9;
		} else if (strncmp(a, "--company=", 10) == 0) {
			slot = &company;
			v = a + 10;
		} else if (strncmp(a, "--conflicts=", 12) == 0) {
			slot = &conflicts;
			v = a + 12;
		} else {
			free(docs);
			return cli_usage_error(cmd, "unknown option '%s'", a);
		}
		*slot = v;
	}
	if (ndocs == 0) {
		free(docs);
		return cli_usage_error(cmd, "no document given");
	}
	if ((out && !*out) || (conflicts && !*conflicts)) {
		free(docs);
		return cli_usage_error(cmd, "empty file name");
	}
	if (company && strlen(company) > 31) {
		free(docs);
		return cli_usage_error(cmd, "company is longer than 31 characters");
	}

	ec_series *s = ec_series_new();
	if (!s || ec_series_set_doc_keyed(s, true)) {
		ec_series_free(s);
		free(docs);
		cli_errorf(cmd, "out of memory");
		return CLI_FAIL;
	}
	ec_extract_opts opts;
	ec_extract_opts_defaults(&opts);
	opts.company = company;
	if (lim.max_doc_bytes)
		opts.max_bytes = lim.max_doc_bytes;
	if (lim.max_line)
		opts.max_line = lim.max_line;
	size_t conf = 0;
	for (int i = 0; i < ndocs; i++) {
		ec_extract_info info;
		ec_error err;
		ec_error_clear(&err);
		ec_err rc = ec_extract_file(docs[i], &opts, s, &info, &err);
		if (rc) {
			cli_error_limits(&err, CLI_LIM_DOC);
			ec_series_free(s);
			free(docs);
			return CLI_FAIL;
		}
		conf += info.conflicts;
		if (info.rows == 0)
			fprintf(stderr, "earnchart: %s: no financial facts found\n", docs[i]);
	}
	ec_error err;
	ec_error_clear(&err);
	ec_err rc;
	if (out)
		rc = ec_csv_write_file(s, out, &err);
	else
		rc = ec_csv_write(s, stdout, "-", &err);
	if (!rc && !out && fflush(stdout) != 0)
		rc = ec_error_set(&err, EC_EIO, "-", 0, 0, "cannot write standard output");
	if (rc) {
		cli_error(&err);
		ec_series_free(s);
		free(docs);
		return CLI_FAIL;
	}
	char *cname = NULL;
	if (conflicts) {
		rc = ec_csv_write_conflicts_file(s, conflicts, &err);
	} else if (out && ec_series_conflict_count(s) > 0) {
		cname = conflicts_name(out);
		if (!cname)
			rc = ec_error_set(&err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		else
			rc = ec_csv_write_conflicts_file(s, cname, &err);
	}
	if (rc) {
		cli_error(&err);
		free(cname);
		free(docs);
		ec_series_free(s);
		return CLI_FAIL;
	}
	size_t nconf = ec_series_conflict_count(s);
	if (nconf) {
		const char *where = conflicts ? conflicts : cname;
		if (where)
			fprintf(stderr, "earnchart: %zu conflict%s between mentions (see %s)\n",
			        nconf, nconf == 1 ? "" : "s", where);
		else
			fprintf(stderr, "earnchart: %zu conflict%s between mentions "
			        "(use --conflicts FILE to see them)\n",
			        nconf, nconf == 1 ? "" : "s");
	}
	(void)conf;
	free(docs);
	free(cname);
	ec_series_free(s);
	return CLI_OK;
}
