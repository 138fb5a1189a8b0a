/* earnchart report: the main job on the given inputs or the bundled data. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "earnchart/chart.h"
#include "earnchart/report.h"

static void usage(FILE *f)
{
	fprintf(f,
	        "Usage: earnchart report [-o DIR] [--company C] [INPUT]...\n"
	        "\n"
	        "Extracts the documents among INPUT (.txt, .md), merges them "
	        "with\n"
	        "the series CSVs among INPUT (.csv), analyses the result and\n"
	        "writes into DIR: series.csv, conflicts.csv, analysis.txt,\n"
	        "analysis.json, the standard figures as PNG and SVG (revenue,\n"
	        "operating-margin, backlog, guidance-revenue, guidance-eps,\n"
	        "guidance-operating-margin, panel), deck.pdf and report.html.\n"
	        "With no INPUT it reads the bundled data: every document in\n"
	        "DATA/docs/ and every CSV in DATA/reference/, where DATA is\n"
	        "$EARNCHART_DATA, ./data, or the data folder of the source "
	        "tree.\n"
	        "\n"
	        "Options:\n"
	        "  -o, --output DIR  output folder (default: out); created if\n"
	        "                    missing; files in it are replaced "
	        "atomically\n"
	        "      --company C   ticker to extract, analyse and chart\n"
	        "                    (default: detected from the documents)\n"
	        CLI_HELP_CSV_LIMITS
	        CLI_HELP_DOC_LIMITS
	        "  -h, --help        show this help\n"
	        "\n"
	        CLI_HELP_LIMITS_NOTE
	        "\n"
	        "Exit status: 0 everything written, 1 a step failed (it is "
	        "named\n"
	        "and the rest is still written), 2 usage error.\n"
	        "Example: earnchart report -o out\n");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the regular files of dir to *list, sorted by name; documents
 * (want_csv false) skip CSVs, README files and hidden files; CSVs
 * (want_csv true) take only names ending in ".csv".  -1 when the folder
 * cannot be read. */
static int list_dir(const char *dir, bool want_csv, char ***list, size_t *n,
                    size_t *cap)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	size_t start = *n;
	struct dirent *de;
	int rc = 0;
	while ((de = readdir(d))) {
		const char *nm = de->d_name;
		size_t l = strlen(nm);
		if (nm[0] == '.')
			continue;
		bool csv = l >= 4 && strcasecmp(nm + l - 4, ".csv") == 0;
		if (want_csv != csv)
			continue;
		if (!want_csv && strncasecmp(nm, "README", 6) == 0)
			continue;
		size_t pl = strlen(dir) + l + 2;
		char *p = malloc(pl);
		if (!p) {
			rc = -1;
			break;
		}
		snprintf(p, pl, "%s/%s", dir, nm);
		struct stat st;
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		if (*n == *cap) {
			size_t nc = *cap ? *cap * 2 : 16;
			char **nl = realloc(*list, nc * sizeof *nl);
			if (!nl) {
				free(p);
				rc = -1;
				break;
			}
			*list = nl;
			*cap = nc;
		}
		(*list)[(*n)++] = p;
	}
	closedir(d);
	qsort(*list + start, *n - start, sizeof **list, cmp_str);
	return rc;
}

int cmd_report(int argc, char **argv)
{
	const char *cmd = argv[0];
	ec_report_opts o;
	ec_report_opts_defaults(&o);
	char **inputs = NULL; /* owned strings when bundled, else argv */
	size_t n_in = 0, cap = 0;
	bool dashdash = false;
	cli_limits lim = {0};
	const char **given = calloc((size_t)argc + 1, sizeof *given);
	size_t n_given = 0;
	if (!given) {
		cli_errorf(cmd, "out of memory");
		return CLI_FAIL;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!dashdash && a[0] == '-' && a[1]) {
			if (strcmp(a, "--") == 0) {
				dashdash = true;
				continue;
			}
			if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
				usage(stdout);
				free(given);
				return CLI_OK;
			}
			int lr = cli_limit_option(cmd, argc, argv, &i,
			                          CLI_LIM_CSV | CLI_LIM_DOC,
			                          &lim);
			if (lr < 0) {
				free(given);
				return CLI_USAGE;
			}
			if (lr > 0)
				continue;
			const char *val = NULL;
			bool is_out = false;
			if (strcmp(a, "-o") == 0 ||
			    strcmp(a, "--output") == 0 ||
			    strcmp(a, "--company") == 0) {
				if (i + 1 >= argc) {
					free(given);
					return cli_usage_error(
					        cmd,
					        "option '%s' needs a value", a);
				}
				val = argv[++i];
				is_out = a[1] == 'o' || a[2] == 'o';
			} else if (strncmp(a, "--output=", 9) == 0) {
				val = a + 9;
				is_out = true;
			} else if (strncmp(a, "--company=", 10) == 0) {
				val = a + 10;
			} else if (strncmp(a, "-o", 2) == 0) {
				val = a + 2;
				is_out = true;
			} else {
				free(given);
				return cli_usage_error(
				        cmd, "unknown option '%s'", a);
			}
			if (!*val) {
				free(given);
				return cli_usage_error(
				        cmd, "option '%s' needs a value", a);
			}
			if (is_out)
				o.out_dir = val;
			else
				o.company = val;
			continue;
		}
		given[n_given++] = a;
	}
	bool bundled = n_given == 0;
	if (bundled) {
		const char *data = cli_datadir();
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/docs", data);
		if (list_dir(dir, false, &inputs, &n_in, &cap)) {
			cli_errorf(
			        cmd,
			        "cannot read the bundled documents in %s (set "
			        "EARNCHART_DATA to the data folder, or give "
			        "inputs)",
			        dir);
			free(given);
			return CLI_FAIL;
		}
		snprintf(dir, sizeof dir, "%s/reference", data);
		if (list_dir(dir, true, &inputs, &n_in, &cap))
			cli_errorf(cmd, "cannot read the bundled series in %s",
			           dir);
		o.inputs = (const char *const *)inputs;
		o.n_inputs = n_in;
	} else {
		o.inputs = given;
		o.n_inputs = n_given;
	}
	o.csv_limits = lim.csv;
	o.max_doc_bytes = lim.max_doc_bytes;
	o.max_line = lim.max_line;
	ec_report_result *r = NULL;
	ec_error e;
	ec_error_clear(&e);
	int rc = CLI_OK;
	if (ec_report_run(&o, &r, &e)) {
		cli_error(&e);
		rc = CLI_FAIL;
	} else {
		for (size_t i = 0; i < r->n_problems; i++) {
			ec_report_problem *p = &r->problems[i];
			/* Documents are extracted, CSVs read: each has its
			 * own limit flags. */
			unsigned mask = strcmp(p->step, "extract") == 0
			                        ? CLI_LIM_DOC
			                        : CLI_LIM_CSV;
			cli_limit_hint(p->message, sizeof p->message, p->code,
			               mask);
			fprintf(stderr, "earnchart: report: %s: %s\n",
			        p->step, p->message);
		}
		size_t n_fig = 0;
		ec_report_figures(&n_fig);
		printf("report: %zu document%s read (%zu with facts, %zu "
		       "rows), "
		       "%zu series file%s\n",
		       r->documents, r->documents == 1 ? "" : "s",
		       r->documents_used, r->extracted, r->csv_files,
		       r->csv_files == 1 ? "" : "s");
		printf("  %zu rows in %s/series.csv, %zu conflict%s in "
		       "%s/conflicts.csv\n",
		       r->rows, o.out_dir, r->conflicts,
		       r->conflicts == 1 ? "" : "s", o.out_dir);
		printf("  %zu of %zu figures (PNG and SVG), deck.pdf with %zu "
		       "pages, %zu files written\n",
		       r->figures, n_fig, r->deck_pages, r->files);
		if (r->n_problems)
			printf("  %zu step%s failed (see above)\n",
			       r->n_problems, r->n_problems == 1 ? "" : "s");
		printf("  open %s/report.html\n", o.out_dir);
		if (r->n_problems)
			rc = CLI_FAIL;
		ec_report_result_free(r);
	}
	for (size_t i = 0; i < n_in; i++)
		free(inputs[i]);
	free(inputs);
	free(given);
	ec_render_cleanup();
	return rc;
}
