/* earnchart chart: one chart from series CSVs, as PNG, SVG or PDF. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "earnchart/chart.h"

static const char usage_text[] =
    "Usage: earnchart chart --type TYPE [OPTION]... -o FILE SERIES.csv...\n"
    "\n"
    "Draws one chart of the series in the CSV files (merged) to FILE; the\n"
    "format follows FILE's extension: .png, .svg or .pdf.\n"
    "\n"
    "Types:\n"
    "  revenue    quarterly bars from zero; the guided range of a future\n"
    "             quarter as an outlined box; the latest value labelled\n"
    "  margin     GAAP and non-GAAP operating margin as lines, the spread\n"
    "             shaded; derived margins hollow; guided ranges as boxes\n"
    "  backlog    backlog by quarter with the quarter-over-quarter change\n"
    "  guidance   guided range vs actual for one metric, with hit rate and\n"
    "             bias\n"
    "  eps        GAAP and non-GAAP diluted EPS side by side\n"
    "  panel      2x2 small multiples: revenue, operating margin, backlog,\n"
    "             guidance\n"
    "\n"
    "Options:\n"
    "  --type TYPE        chart type (required)\n"
    "  --metric M         metric (default: revenue for revenue and guidance,\n"
    "                     operating_margin, backlog, eps_diluted)\n"
    "  --segment S        segment (default: total)\n"
    "  --basis B          gaap, non_gaap or none (default: the type's own)\n"
    "  --company C        company (default: the only or most common one)\n"
    "  --from P           first quarter shown, e.g. 2009Q1 (a year: its Q1)\n"
    "  --to P             last quarter shown, e.g. 2013Q4 (a year: its Q4)\n"
    "  --title T          title (default: company and metric)\n"
    "  --subtitle T       subtitle (default: metric, basis and unit)\n"
    "  --footnote T       footnote (default: the source documents)\n"
    "  --size SIZE        slide (1920x1080 px at 144 dpi), report (6.5x4 in\n"
    "                     at --dpi, default 300), square (1200x1200 px at\n"
    "                     144 dpi) or WxH in pixels (default 1600x900)\n"
    "  --dpi N            resolution in dots per inch (default 144; 300 for\n"
    "                     report)\n"
    "  --theme THEME      light (default), dark or print\n"
    "  --trend            revenue: log-linear trend line with its 95% band\n"
    "  --gross            margin: gross margin lines too\n"
    "  -o, --output FILE  the chart file (.png, .svg or .pdf), written\n"
    "                     atomically\n"
    CLI_HELP_CSV_LIMITS
    CLI_HELP_PIXEL_LIMIT
    "  -h, --help         show this help and exit\n"
    "\n"
    CLI_HELP_LIMITS_NOTE
    "\n"
    "Exit status: 0 success, 1 failure (bad input, nothing to draw),\n"
    "2 usage error.\n";

/* Takes the value of option name at argv[*i]: "--name=V" or "--name V". */
static const char *take(int argc, char **argv, int *i, const char *name,
                        bool *missing)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	*missing = false;
	if (a[n] == '=')
		return a + n + 1;
	if (*i + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*i];
}

/* True when a is option name, alone or as "name=value". */
static bool is_opt(const char *a, const char *name)
{
	size_t n = strlen(name);
	return strncmp(a, name, n) == 0 && (a[n] == '\0' || a[n] == '=');
}

/* A quarter, or a year (its first or last quarter). */
static bool parse_quarter(const char *s, bool last, ec_period *out)
{
	ec_period p;
	size_t len = strlen(s);
	bool year_only = len == 4;
	for (size_t i = 0; year_only && i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			year_only = false;
	if (year_only) {
		char buf[8];
		snprintf(buf, sizeof buf, "%sFY", s);
		if (ec_period_parse(buf, strlen(buf), &p, NULL))
			return false;
	} else if (ec_period_parse(s, len, &p, NULL)) {
		return false;
	}
	if (p.type == EC_PERIOD_QUARTER) {
		*out = p;
		return true;
	}
	if (p.type != EC_PERIOD_YEAR)
		return false;
	*out = ec_period_quarter(p.year, last ? 4 : 1);
	return true;
}

int cmd_chart(int argc, char **argv)
{
	const char *cmd = argv[0];
	ec_chart_opts o;
	ec_chart_opts_defaults(&o);
	const char *type = NULL, *size = NULL, *theme = NULL, *basis = NULL;
	const char *out = NULL, *dpi = NULL, *from = NULL, *to = NULL;
	char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
	int n_inputs = 0;
	int rc = CLI_USAGE;
	if (!inputs) {
		cli_errorf(cmd, "out of memory");
		return CLI_FAIL;
	}
	static const char *const value_opts[] = {
	    "--type", "--metric", "--segment", "--basis",    "--company",
	    "--from", "--to",     "--title",   "--subtitle", "--footnote",
	    "--size", "--dpi",    "--theme",   "--output"};
	bool only_files = false;
	cli_limits lim = {0};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
			inputs[n_inputs++] = argv[i];
			continue;
		}
		int lr = cli_limit_option(cmd, argc, argv, &i,
		                          CLI_LIM_CSV | CLI_LIM_PIXELS, &lim);
		if (lr < 0)
			goto done;
		if (lr > 0)
			continue;
		if (strcmp(a, "--") == 0) {
			only_files = true;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage_text, stdout);
			rc = CLI_OK;
			goto done;
		}
		if (strcmp(a, "--trend") == 0) {
			o.trend = true;
			continue;
		}
		if (strcmp(a, "--gross") == 0) {
			o.gross = true;
			continue;
		}
		if (strcmp(a, "-o") == 0) {
			if (i + 1 >= argc) {
				cli_usage_error(cmd, "option '-o' needs a value");
				goto done;
			}
			out = argv[++i];
			continue;
		}
		const char *name = NULL;
		for (size_t k = 0; k < sizeof value_opts / sizeof *value_opts; k++)
			if (is_opt(a, value_opts[k]))
				name = value_opts[k];
		if (!name) {
			cli_usage_error(cmd, "unknown option '%s'", a);
			goto done;
		}
		bool missing;
		const char *v = take(argc, argv, &i, name, &missing);
		if (missing) {
			cli_usage_error(cmd, "option '%s' needs a value", name);
			goto done;
		}
		if (strcmp(name, "--type") == 0)
			type = v;
		else if (strcmp(name, "--metric") == 0)
			o.metric = v;
		else if (strcmp(name, "--segment") == 0)
			o.segment = v;
		else if (strcmp(name, "--basis") == 0)
			basis = v;
		else if (strcmp(name, "--company") == 0)
			o.company = v;
		else if (strcmp(name, "--from") == 0)
			from = v;
		else if (strcmp(name, "--to") == 0)
			to = v;
		else if (strcmp(name, "--title") == 0)
			o.title = v;
		else if (strcmp(name, "--subtitle") == 0)
			o.subtitle = v;
		else if (strcmp(name, "--footnote") == 0)
			o.footnote = v;
		else if (strcmp(name, "--size") == 0)
			size = v;
		else if (strcmp(name, "--dpi") == 0)
			dpi = v;
		else if (strcmp(name, "--theme") == 0)
			theme = v;
		else
			out = v;
	}
	if (!type) {
		cli_usage_error(cmd, "--type is required");
		goto done;
	}
	if (!ec_chart_type_parse(type, &o.type)) {
		cli_usage_error(cmd,
		                "unknown chart type '%s' (revenue, margin, "
		                "backlog, guidance, eps, panel)",
		                type);
		goto done;
	}
	if (!out || !*out) {
		cli_usage_error(cmd, "-o FILE is required");
		goto done;
	}
	ec_format fmt;
	if (!ec_format_from_path(out, &fmt)) {
		cli_usage_error(cmd,
		                "cannot tell the format of '%s': use .png, .svg "
		                "or .pdf",
		                out);
		goto done;
	}
	if (n_inputs == 0) {
		cli_usage_error(cmd, "no series CSV given");
		goto done;
	}
	if (theme && !ec_theme_parse(theme, &o.theme)) {
		cli_usage_error(cmd, "unknown theme '%s' (light, dark, print)",
		                theme);
		goto done;
	}
	if (basis) {
		ec_basis b;
		if (strcmp(basis, "non-gaap") == 0)
			basis = "non_gaap";
		if (!ec_basis_parse(basis, &b)) {
			cli_usage_error(cmd,
			                "unknown basis '%s' (gaap, non_gaap, none)",
			                basis);
			goto done;
		}
		o.basis = (int)b;
	}
	if (from && !parse_quarter(from, false, &o.from)) {
		cli_usage_error(cmd, "--from '%s' is not a quarter or a year",
		                from);
		goto done;
	}
	o.has_from = from != NULL;
	if (to && !parse_quarter(to, true, &o.to)) {
		cli_usage_error(cmd, "--to '%s' is not a quarter or a year", to);
		goto done;
	}
	o.has_to = to != NULL;
	if (o.has_from && o.has_to && ec_period_cmp(o.from, o.to) > 0) {
		cli_usage_error(cmd, "--from %s is after --to %s", from, to);
		goto done;
	}
	if (dpi) {
		char *end;
		errno = 0;
		double d = strtod(dpi, &end);
		if (end == dpi || *end || errno || !isfinite(d) || d <= 0) {
			cli_usage_error(cmd, "--dpi '%s' is not a positive number",
			                dpi);
			goto done;
		}
		o.dpi = d;
	} else if (size && strcmp(size, "report") == 0) {
		o.dpi = 300.0; /* print resolution unless asked otherwise */
	}
	if (lim.max_pixels)
		o.max_pixels = lim.max_pixels;
	ec_error err;
	ec_error_clear(&err);
	if (size) {
		if (ec_chart_set_size(&o, size, &err)) {
			cli_limit_hint(err.msg, sizeof err.msg, err.code,
			               CLI_LIM_PIXELS);
			cli_usage_error(cmd, "--size: %s", err.msg);
			goto done;
		}
	} else if (dpi || lim.max_pixels) {
		/* Keep the default pixel size; check it at the new dpi and
		 * against the new pixel limit. */
		char def[32];
		snprintf(def, sizeof def, "%dx%d", o.width_px, o.height_px);
		if (ec_chart_set_size(&o, def, &err)) {
			cli_limit_hint(err.msg, sizeof err.msg, err.code,
			               CLI_LIM_PIXELS);
			cli_usage_error(cmd, "%s: %s",
			                dpi ? "--dpi" : "--max-pixels", err.msg);
			goto done;
		}
	}

	ec_series *s = NULL;
	if (cli_load_series(inputs, n_inputs, &lim.csv, &s, NULL, &err)) {
		cli_error_limits(&err, CLI_LIM_CSV);
		rc = CLI_FAIL;
		goto done;
	}
	if (ec_chart_render_file(s, &o, out, &err)) {
		cli_error_limits(&err, CLI_LIM_PIXELS);
		rc = CLI_FAIL;
	} else {
		rc = CLI_OK;
	}
	ec_series_free(s);
	ec_render_cleanup();
done:
	free(inputs);
	return rc;
}
