/* earnchart: file input and atomic output shared by every module. */
#ifndef EARNCHART_IO_H
#define EARNCHART_IO_H

#include <stddef.h>
#include <stdio.h>

#include "earnchart/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Reads the whole file at path ("-" = standard input) into a new
 * NUL-terminated buffer (*data, free() it; *len excludes the NUL).  A file
 * larger than max_bytes (0 = no limit) fails with EC_ELIMIT; a directory or
 * unreadable file with EC_EIO. */
ec_err ec_read_file(const char *path, size_t max_bytes, char **data,
                    size_t *len, ec_error *err);

/* An output file written under a temporary name in the target's folder and
 * renamed over the target only on commit, so a failed or interrupted write
 * never leaves a partial file and keeps an older file as it was. */
typedef struct ec_atomic ec_atomic;

/* Opens a temporary file next to path.  *out receives the handle.  When
 * path is an existing device or FIFO (/dev/stdout, /dev/full) it is written
 * in place instead: there is nothing to rename over. */
ec_err ec_atomic_open(const char *path, ec_atomic **out, ec_error *err);
/* The stdio stream to write to (owned by the handle). */
FILE *ec_atomic_file(ec_atomic *a);
/* The temporary file's path (owned by the handle; the target itself when
 * writing a device in place), e.g. for libraries that write by name. */
const char *ec_atomic_temp_path(const ec_atomic *a);
/* Flushes, fsyncs, closes and renames over the target; frees the handle
 * whatever the result.  On failure the temporary file is removed. */
ec_err ec_atomic_commit(ec_atomic *a, ec_error *err);
/* Closes and removes the temporary file; frees the handle.  NULL is a
 * no-op. */
void ec_atomic_abort(ec_atomic *a);

/* Writes len bytes to path atomically. */
ec_err ec_write_file_atomic(const char *path, const void *data, size_t len,
                            ec_error *err);

/* Creates the folder dir and its missing parents (like mkdir -p).  An
 * existing folder is fine; EC_EIO when a part cannot be created or dir is
 * not a folder. */
ec_err ec_make_dirs(const char *dir, ec_error *err);

#ifdef __cplusplus
}
#endif
#endif
