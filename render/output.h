/* earnchart internal: output targets shared by the file writers and the
 * deck. */
#ifndef EC_RENDER_OUTPUT_H
#define EC_RENDER_OUTPUT_H

#include <stdio.h>

#include "earnchart/error.h"

/* An output file.  A regular file (or a new one) is written atomically
 * through ec_atomic_* (temporary file + rename).  An existing target that
 * is not a regular file nor a folder (a character device such as
 * /dev/null or /dev/full, a FIFO) is written in place: renaming over it
 * would replace the device node. */
typedef struct ec_out ec_out;

/* Opens path for writing.  EC_EIO with "path: ..." on failure. */
ec_err ec_out_open(const char *path, ec_out **out, ec_error *err);
/* The stream to write to (owned by the handle). */
FILE *ec_out_file(ec_out *o);
/* Flushes, syncs, renames into place; frees o whatever the result.  A
 * failure names the file and leaves nothing behind. */
ec_err ec_out_commit(ec_out *o, ec_error *err);
/* Discards the output (removes the temporary file); NULL is a no-op. */
void ec_out_abort(ec_out *o);

#endif
