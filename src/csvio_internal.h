/* earnchart: internals of the series CSV reader, exposed for the tests.
 * Not part of the public API. */
#ifndef EC_CSVIO_INTERNAL_H
#define EC_CSVIO_INTERNAL_H

#include <stddef.h>

#include "earnchart/csvio.h"

/* Same as ec_csv_read_mem, but hands the input to the streaming reader in
 * pieces of chunk bytes (chunk 0 = all at once), the way a file is read.
 * The result must not depend on chunk. */
ec_err ec_csv_read_mem_chunked(const char *data, size_t len, const char *name,
                               const ec_csv_limits *limits, size_t chunk,
                               ec_series **out, ec_error *err);

/* Parses a number as the reader does: ASCII spaces around it are ignored;
 * then an optional '-', digits with an optional decimal point, an optional
 * exponent; the result must be finite and not underflow.  An empty text
 * gives NAN.  Returns NULL on success, else a static reason such as
 * "not a number". */
const char *ec_csv_parse_number(const char *s, size_t len, double *out);

/* The shortest decimal text that reads back as v exactly, without an
 * exponent for ordinary magnitudes (1e-6 <= |v| < 1e15); "" for NAN.
 * buf must hold at least EC_CSV_NUMLEN bytes. */
#define EC_CSV_NUMLEN 40
char *ec_csv_format_number(double v, char *buf);

#endif
