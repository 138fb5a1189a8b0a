/* Helpers shared by the subcommands. */
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli.h"
#include "earnchart/csvio.h"

void cli_error(const ec_error *e)
{
	char buf[1200];
	fprintf(stderr, "earnchart: %s\n", ec_error_format(e, buf, sizeof buf));
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

ec_err cli_load_series(char *const *paths, int n, ec_series **out,
                       size_t *n_conflicts, ec_error *err)
{
	*out = NULL;
	size_t conf = 0;
	ec_series *all = NULL;
	for (int i = 0; i < n; i++) {
		ec_series *one;
		ec_err rc = ec_csv_read_file(paths[i], NULL, &one, err);
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
