/* earnchart: error values.
 *
 * Every library call that can fail returns an ec_err and, when the caller
 * passes a non-NULL ec_error, fills it with a message naming file, line and
 * column.  The library never prints, aborts or exits.  The numbers of ec_err
 * never change. */
#ifndef EARNCHART_ERROR_H
#define EARNCHART_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ec_err {
	EC_OK = 0,
	EC_ENOMEM = 1,   /* out of memory */
	EC_EIO = 2,      /* a file could not be read or written */
	EC_EPARSE = 3,   /* malformed input (CSV, period, number, manifest) */
	EC_EINVAL = 4,   /* an argument or option is not valid */
	EC_ECONFLICT = 5,/* two rows with the same key disagree */
	EC_ELIMIT = 6,   /* a stated limit (size, line length, rows...) was hit */
	EC_ENUMERIC = 7, /* a fit or statistic cannot be computed */
	EC_EFONT = 8,    /* no usable font */
	EC_ERENDER = 9,  /* a drawing back end failed */
	EC_ENODATA = 10  /* the selection holds no data to work on */
} ec_err;

#define EC_ERR_COUNT 11

/* Detail of one error.  Owned by the caller; the library only writes it.
 * file is empty when no file is involved; line and column are 1-based and 0
 * when unknown. */
typedef struct ec_error {
	ec_err code;
	char file[512];
	long line;
	long column;
	char msg[512];
} ec_error;

/* A short static description of code, e.g. "malformed input". */
const char *ec_strerror(ec_err code);

/* Resets e to EC_OK with no file and no message.  e may be NULL. */
void ec_error_clear(ec_error *e);

/* Fills e (when not NULL) and returns code.  file may be NULL. */
ec_err ec_error_set(ec_error *e, ec_err code, const char *file, long line,
                    long column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Writes "file:line:column: message" (parts that are unknown are left out)
 * into buf of size n, always NUL-terminated.  Returns buf. */
char *ec_error_format(const ec_error *e, char *buf, size_t n);

#ifdef __cplusplus
}
#endif
#endif
