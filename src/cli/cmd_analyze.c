/* earnchart analyze: trend, growth, margins and guidance accuracy of
 * series CSV files. */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "earnchart/analyze.h"
#include "earnchart/io.h"

static const char usage_text[] =
        "Usage: earnchart analyze [OPTION]... SERIES.csv...\n"
        "\n"
        "Reads and merges series CSV files (for example extracted documents "
        "and\n"
        "data/reference/jnpr_reference.csv), derives margins that are not\n"
        "stated, and reports the trend of a quarterly series (OLS and "
        "log-linear\n"
        "fits, growth per quarter and CAGR with confidence intervals, R^2,\n"
        "residual standard error, next-quarter projection with prediction\n"
        "interval, QoQ / YoY growth, trailing four quarters), the margin "
        "table\n"
        "(GAAP, non-GAAP, spread, incremental margin, stated vs derived) and "
        "the\n"
        "guidance scorecard (position, surprise vs midpoint and vs top of "
        "range,\n"
        "hit rate, bias with t test, sign test).\n"
        "\n"
        "Options:\n"
        "  --metric M        metric of the trend and the scorecard (default: "
        "the\n"
        "                    revenue trend, the margins and every guided "
        "metric)\n"
        "  --segment S       segment (default: total for the trend and "
        "margins,\n"
        "                    every segment for the scorecard)\n"
        "  --basis B         gaap, non_gaap or none (default: every basis)\n"
        "  --company C       only this company (default: every company)\n"
        "  --robust          bisquare robust trend fit; names the quarters it\n"
        "                    down-weights\n"
        "  --level L         confidence level, 0 < L < 1 (default 0.95); 90 "
        "is\n"
        "                    read as 0.90\n"
        "  --format F        text (default), csv or json\n"
        "  -o, --output FILE write to FILE (atomically) instead of stdout\n"
        CLI_HELP_CSV_LIMITS
        "  -h, --help        show this help and exit\n"
        "\n"
        CLI_HELP_LIMITS_NOTE
        "\n"
        "Rows without a company are read as the only company in the input "
        "when\n"
        "there is exactly one.  A guided period counts once in the summary "
        "(the\n"
        "latest guidance issued by the period's end); GAAP actuals are never\n"
        "scored against non-GAAP guidance.\n"
        "\n"
        "Exit status: 0 success, 1 bad input or nothing to analyse, 2 usage\n"
        "error.\n";

/* Value of option name at argv[*i]: "--name=V" or "--name V". */
static bool opt_value(int argc, char **argv, int *i, const char *name,
                      const char *shortname, const char **val, bool *missing)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	*missing = false;
	if (strncmp(a, name, n) == 0 && a[n] == '=') {
		*val = a + n + 1;
		return true;
	}
	if (strcmp(a, name) == 0 || (shortname && strcmp(a, shortname) == 0)) {
		if (*i + 1 >= argc) {
			*missing = true;
			return true;
		}
		*val = argv[++*i];
		return true;
	}
	return false;
}

int cmd_analyze(int argc, char **argv)
{
	const char *cmd = argv[0];
	ec_analyze_opts o;
	ec_analyze_opts_defaults(&o);
	ec_report_format fmt = EC_REPORT_TEXT;
	const char *output = NULL;
	char **files = calloc((size_t)argc + 1, sizeof *files);
	if (!files) {
		cli_errorf(cmd, "out of memory");
		return CLI_FAIL;
	}
	int nfiles = 0;
	bool opts_done = false;
	cli_limits lim = {0};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		bool missing;
		if (opts_done || a[0] != '-' || strcmp(a, "-") == 0) {
			files[nfiles++] = argv[i];
			continue;
		}
		int lr = cli_limit_option(cmd, argc, argv, &i, CLI_LIM_CSV, &lim);
		if (lr < 0) {
			free(files);
			return CLI_USAGE;
		}
		if (lr > 0)
			continue;
		if (strcmp(a, "--") == 0) {
			opts_done = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage_text, stdout);
			free(files);
			return CLI_OK;
		} else if (strcmp(a, "--robust") == 0) {
			o.robust = true;
		} else if (opt_value(argc, argv, &i, "--metric", NULL, &v,
		                     &missing) ||
		           opt_value(argc, argv, &i, "--segment", NULL, &v,
		                     &missing) ||
		           opt_value(argc, argv, &i, "--company", NULL, &v,
		                     &missing) ||
		           opt_value(argc, argv, &i, "--basis", NULL, &v,
		                     &missing) ||
		           opt_value(argc, argv, &i, "--level", NULL, &v,
		                     &missing) ||
		           opt_value(argc, argv, &i, "--format", NULL, &v,
		                     &missing) ||
		           opt_value(argc, argv, &i, "--output", "-o", &v,
		                     &missing)) {
			if (missing) {
				free(files);
				return cli_usage_error(cmd,
				                       "option '%s' needs "
				                       "a value",
				                       a);
			}
			if (strncmp(a, "--metric", 8) == 0) {
				o.metric = v;
			} else if (strncmp(a, "--segment", 9) == 0) {
				o.segment = v;
			} else if (strncmp(a, "--company", 9) == 0) {
				o.company = v;
			} else if (strncmp(a, "--basis", 7) == 0) {
				ec_basis b;
				if (!ec_basis_parse(v, &b)) {
					free(files);
					return cli_usage_error(
					        cmd,
					        "unknown basis '%s' (gaap, "
					        "non_gaap or none)",
					        v);
				}
				o.basis = (int)b;
			} else if (strncmp(a, "--level", 7) == 0) {
				char *end;
				errno = 0;
				double l = strtod(v, &end);
				if (end == v || *end || errno || !isfinite(l) ||
				    l <= 0 || l >= 100 || l == 1) {
					free(files);
					return cli_usage_error(
					        cmd,
					        "level '%s' is not a number "
					        "between 0 and 1",
					        v);
				}
				o.level = l > 1 ? l / 100 : l;
			} else if (strncmp(a, "--format", 8) == 0) {
				if (strcmp(v, "text") == 0)
					fmt = EC_REPORT_TEXT;
				else if (strcmp(v, "csv") == 0)
					fmt = EC_REPORT_CSV;
				else if (strcmp(v, "json") == 0)
					fmt = EC_REPORT_JSON;
				else {
					free(files);
					return cli_usage_error(
					        cmd,
					        "unknown format '%s' (text, "
					        "csv or json)",
					        v);
				}
			} else {
				output = v;
			}
			if (!*v) {
				free(files);
				return cli_usage_error(cmd,
				                       "option '%s' needs "
				                       "a value",
				                       a);
			}
		} else {
			free(files);
			return cli_usage_error(cmd, "unknown option '%s'", a);
		}
	}
	if (!nfiles) {
		free(files);
		return cli_usage_error(cmd, "no series CSV file given");
	}

	ec_error err;
	ec_error_clear(&err);
	ec_series *s = NULL;
	ec_analysis *an = NULL;
	int code = CLI_FAIL;
	if (cli_load_series(files, nfiles, &lim.csv, &s, NULL, &err) ||
	    ec_margins_derive(s, NULL, NULL, &err) ||
	    ec_analyze(s, &o, &an, &err)) {
		cli_error_limits(&err, CLI_LIM_CSV);
		goto done;
	}
	if (output) {
		ec_atomic *at;
		if (ec_atomic_open(output, &at, &err)) {
			cli_error(&err);
			goto done;
		}
		if (ec_analysis_write(an, ec_atomic_file(at), fmt, &err)) {
			ec_atomic_abort(at);
			if (err.code == EC_EIO) {
				char why[sizeof err.msg];
				snprintf(why, sizeof why, "%s", err.msg);
				ec_error_set(&err, EC_EIO, output, 0, 0,
				             "cannot write: %s", why);
			}
			cli_error(&err);
			goto done;
		}
		if (ec_atomic_commit(at, &err)) {
			cli_error(&err);
			goto done;
		}
	} else {
		if (ec_analysis_write(an, stdout, fmt, &err)) {
			cli_error(&err);
			goto done;
		}
		if (fflush(stdout) || ferror(stdout)) {
			cli_errorf(cmd, "writing to standard output failed");
			goto done;
		}
	}
	code = CLI_OK;
done:
	ec_analysis_free(an);
	ec_series_free(s);
	free(files);
	return code;
}
