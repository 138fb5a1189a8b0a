/* earnchart command-line tool: the subcommands and their shared helpers.
 * The CLI only calls the public API in include/earnchart/. */
#ifndef EC_CLI_H
#define EC_CLI_H

#include <stdio.h>

#include "earnchart/error.h"
#include "earnchart/series.h"

/* Exit codes, documented in --help and the man page. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* Each subcommand gets argv[0] = its name; "--help" prints its usage to
 * stdout and returns CLI_OK; misuse prints to stderr and returns CLI_USAGE. */
int cmd_series(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_chart(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_report(int argc, char **argv);

/* Prints "earnchart: <file:line:col: message>" on one line to stderr. */
void cli_error(const ec_error *e);
/* Prints "earnchart: CMD: message" to stderr (printf-style). */
void cli_errorf(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints "earnchart CMD: message\nTry 'earnchart CMD --help'." to stderr
 * and returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reads and merges series CSVs into one new store (*out).  Conflicts
 * between files are kept in the store and counted in *n_conflicts (may be
 * NULL).  On failure prints nothing: err says which file and line. */
ec_err cli_load_series(char *const *paths, int n, ec_series **out,
                       size_t *n_conflicts, ec_error *err);

/* The folder of bundled data: $EARNCHART_DATA, else the source tree's
 * data/ folder compiled in, else "data" next to the working directory. */
const char *cli_datadir(void);

#endif
