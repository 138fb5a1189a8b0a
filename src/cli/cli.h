/* earnchart command-line tool: the subcommands and their shared helpers.
 * The CLI only calls the public API in include/earnchart/. */
#ifndef EC_CLI_H
#define EC_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "earnchart/csvio.h"
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
/* cli_error, with the hint of cli_limit_hint for the flags in mask. */
void cli_error_limits(const ec_error *e, unsigned mask);
/* Prints "earnchart: CMD: message" to stderr (printf-style). */
void cli_errorf(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints "earnchart CMD: message\nTry 'earnchart CMD --help'." to stderr
 * and returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reads and merges series CSVs into one new store (*out).  Conflicts
 * between files are kept in the store and counted in *n_conflicts (may be
 * NULL).  limits may be NULL (the defaults).  On failure prints nothing:
 * err says which file and line. */
ec_err cli_load_series(char *const *paths, int n, const ec_csv_limits *limits,
                       ec_series **out, size_t *n_conflicts, ec_error *err);

/* --help lines of the limit options, for the usage texts. */
#define CLI_HELP_CSV_LIMITS \
	"  --max-field BYTES      longest field of a series CSV (default 1M)\n" \
	"  --max-rows N           most rows in one series CSV (default 10000000)\n" \
	"  --max-columns N        most columns in one series CSV (default 1000)\n" \
	"  --max-input BYTES      largest series CSV (default 2G)\n"
#define CLI_HELP_DOC_LIMITS \
	"  --max-doc-bytes BYTES  largest document to extract (default 256M)\n" \
	"  --max-line BYTES       longest line of a document (default 64M)\n"
#define CLI_HELP_PIXEL_LIMIT \
	"  --max-pixels N         largest figure, width times height in pixels\n" \
	"                         (default 100000000)\n"
#define CLI_HELP_LIMITS_NOTE \
	"BYTES and N are whole numbers with an optional K, M or G suffix\n" \
	"(times 1024, 1024^2, 1024^3).  A limit hit is an error naming the\n" \
	"flag that raises it.\n"

/* The limit options; a zero field keeps the library default. */
typedef struct cli_limits {
	ec_csv_limits csv;    /* --max-field --max-rows --max-columns
	                         --max-input */
	size_t max_doc_bytes; /* --max-doc-bytes: largest document, bytes */
	size_t max_line;      /* --max-line: longest document line, bytes */
	size_t max_pixels;    /* --max-pixels: largest figure, W*H pixels */
} cli_limits;

/* Groups of limit options a subcommand accepts (a bit mask). */
enum { CLI_LIM_CSV = 1, CLI_LIM_DOC = 2, CLI_LIM_PIXELS = 4 };

/* When argv[*i] is a limit option of the groups in mask ("--max-rows N" or
 * "--max-rows=N"), stores its value in l, leaves *i on the last argument
 * used and returns 1.  Returns 0 when argv[*i] is not such an option.  A
 * missing or bad value prints a usage error and returns -1 (the caller
 * exits with CLI_USAGE). */
int cli_limit_option(const char *cmd, int argc, char **argv, int *i,
                     unsigned mask, cli_limits *l);

/* Parses a positive count or size: decimal digits with an optional K, M or
 * G suffix (binary: 1024, 1024^2, 1024^3).  False for 0, a sign, spaces,
 * any other character or a value over SIZE_MAX. */
bool cli_parse_size(const char *s, size_t *out);

/* When msg is a limit error of the reader or renderer whose flag is among
 * mask, appends " (raise with --FLAG)" in place (msg has size n), so the
 * error stays on one line.  code is the error code (only EC_ELIMIT gets a
 * hint; pass EC_ELIMIT for a formatted message known to be one). */
void cli_limit_hint(char *msg, size_t n, ec_err code, unsigned mask);

/* The folder of bundled data: $EARNCHART_DATA, else the source tree's
 * data/ folder compiled in, else "data" next to the working directory. */
const char *cli_datadir(void);

#endif
