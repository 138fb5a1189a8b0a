/* earnchart: reading and writing the series CSV (docs/SCHEMA.md) with libcsv.
 *
 * Columns are found by name; unknown columns are kept and written back; a
 * UTF-8 BOM and CRLF line ends are accepted.  Reading a valid file and
 * writing it back gives the same bytes.  Errors name file, line and column. */
#ifndef EARNCHART_CSVIO_H
#define EARNCHART_CSVIO_H

#include <stddef.h>
#include <stdio.h>

#include "earnchart/error.h"
#include "earnchart/series.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Limits of the reader; 0 means the default. */
typedef struct ec_csv_limits {
	size_t max_field;   /* bytes in one field; default 1 MiB */
	size_t max_rows;    /* default 10,000,000 */
	size_t max_columns; /* default 1,000 */
	size_t max_bytes;   /* whole input; default 2 GiB */
} ec_csv_limits;

void ec_csv_limits_defaults(ec_csv_limits *l);

/* Reads a series CSV from memory.  name is used in error messages.  On
 * success *out is a new store (free with ec_series_free) whose layout is
 * the file's header.  Rows whose keys repeat are handled by ec_series_add
 * (conflicts recorded in the store, not an error).  On failure *out is
 * NULL and err names name:line:column.  limits may be NULL. */
ec_err ec_csv_read_mem(const char *data, size_t len, const char *name,
                       const ec_csv_limits *limits, ec_series **out,
                       ec_error *err);

/* The same, for a file path ("-" is standard input). */
ec_err ec_csv_read_file(const char *path, const ec_csv_limits *limits,
                        ec_series **out, ec_error *err);

/* Writes one CSV cell s (NULL reads as "") to f, in double quotes with
 * its quotes doubled when it holds a comma, a quote or a line break: the
 * quoting of every CSV the library writes. */
void ec_csv_put_cell(FILE *f, const char *s);

/* Writes every row of s, in store order, with s's layout, to f. */
ec_err ec_csv_write(const ec_series *s, FILE *f, const char *name,
                    ec_error *err);

/* Writes s to path atomically: a temporary file in the same folder, then
 * rename.  A failed write leaves an existing file at path as it was. */
ec_err ec_csv_write_file(const ec_series *s, const char *path, ec_error *err);

/* Writes the store's conflicts as a CSV (the standard columns plus
 * "conflict_with_doc", "conflict_with_line", "conflict_with_value"). */
ec_err ec_csv_write_conflicts_file(const ec_series *s, const char *path,
                                   ec_error *err);

#ifdef __cplusplus
}
#endif
#endif
