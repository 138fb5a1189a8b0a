/* Whole-file reads and atomic writes (temporary file + rename). */
#define _POSIX_C_SOURCE 200809L
#include "earnchart/io.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

ec_err ec_read_file(const char *path, size_t max_bytes, char **data,
                    size_t *len, ec_error *err)
{
	*data = NULL;
	*len = 0;
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return ec_error_set(err, EC_EIO, path, 0, 0, "cannot open: %s",
		                    strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!is_stdin)
			fclose(f);
		return ec_error_set(err, EC_EIO, path, 0, 0,
		                    "is a directory, not a file");
	}
	size_t cap = 1 << 16, n = 0;
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		if (max_bytes && (size_t)st.st_size > max_bytes) {
			if (!is_stdin)
				fclose(f);
			return ec_error_set(err, EC_ELIMIT, path, 0, 0,
			                    "file is %lld bytes, over the "
			                    "limit of %zu bytes",
			                    (long long)st.st_size, max_bytes);
		}
		/* the file, its NUL, and one byte for the read that finds the
		 * end (no regrowth of a file read whole) */
		cap = (size_t)st.st_size + 2;
	}
	char *buf = malloc(cap);
	if (!buf) {
		if (!is_stdin)
			fclose(f);
		return ec_error_set(err, EC_ENOMEM, path, 0, 0,
		                    "out of memory");
	}
	for (;;) {
		if (n + 1 >= cap) {
			if (cap > SIZE_MAX / 2) {
				free(buf);
				if (!is_stdin)
					fclose(f);
				return ec_error_set(err, EC_ENOMEM, path, 0, 0,
				                    "out of memory");
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				if (!is_stdin)
					fclose(f);
				return ec_error_set(err, EC_ENOMEM, path, 0, 0,
				                    "out of memory");
			}
			buf = nb;
			cap *= 2;
		}
		size_t r = fread(buf + n, 1, cap - 1 - n, f);
		n += r;
		if (max_bytes && n > max_bytes) {
			free(buf);
			if (!is_stdin)
				fclose(f);
			return ec_error_set(
			        err, EC_ELIMIT, path, 0, 0,
			        "input is over the limit of %zu bytes",
			        max_bytes);
		}
		if (r == 0) {
			if (ferror(f)) {
				int e = errno;
				free(buf);
				if (!is_stdin)
					fclose(f);
				return ec_error_set(err, EC_EIO, path, 0, 0,
				                    "read error: %s",
				                    strerror(e));
			}
			break;
		}
	}
	if (!is_stdin)
		fclose(f);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return EC_OK;
}

struct ec_atomic {
	FILE *f;
	char *path;
	char *tmp; /* NULL when writing a device or FIFO in place */
};

ec_err ec_atomic_open(const char *path, ec_atomic **out, ec_error *err)
{
	*out = NULL;
	struct stat st;
	int exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		return ec_error_set(
		        err, EC_EIO, path, 0, 0,
		        "is a directory, cannot write a file there");
	if (exists && !S_ISREG(st.st_mode)) {
		/* A device or FIFO (/dev/stdout, /dev/full): write in place;
		 * renaming a temporary file over it would replace the device
		 * node when running as root. */
		ec_atomic *a = calloc(1, sizeof *a);
		if (!a || !(a->path = strdup(path))) {
			free(a);
			return ec_error_set(err, EC_ENOMEM, path, 0, 0,
			                    "out of memory");
		}
		if (!(a->f = fopen(path, "wb"))) {
			int e = errno;
			free(a->path);
			free(a);
			return ec_error_set(err, EC_EIO, path, 0, 0,
			                    "cannot write: %s", strerror(e));
		}
		*out = a;
		return EC_OK;
	}
	ec_atomic *a = calloc(1, sizeof *a);
	size_t n = strlen(path);
	if (!a)
		return ec_error_set(err, EC_ENOMEM, path, 0, 0,
		                    "out of memory");
	a->path = strdup(path);
	a->tmp = malloc(n + 32);
	if (!a->path || !a->tmp) {
		free(a->path);
		free(a->tmp);
		free(a);
		return ec_error_set(err, EC_ENOMEM, path, 0, 0,
		                    "out of memory");
	}
	/* Same folder as the target so that rename() is atomic. */
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	memcpy(a->tmp, path, dir);
	snprintf(a->tmp + dir, n + 32 - dir, ".%s.tmpXXXXXX", path + dir);
	int fd = mkstemp(a->tmp);
	if (fd < 0) {
		int e = errno;
		free(a->path);
		free(a->tmp);
		free(a);
		return ec_error_set(err, EC_EIO, path, 0, 0, "cannot write: %s",
		                    strerror(e));
	}
	/* mkstemp creates 0600; give the file the usual mode. */
	mode_t um = umask(0);
	umask(um);
	(void)fchmod(fd, 0666 & ~um);
	a->f = fdopen(fd, "wb");
	if (!a->f) {
		int e = errno;
		close(fd);
		unlink(a->tmp);
		free(a->path);
		free(a->tmp);
		free(a);
		return ec_error_set(err, EC_EIO, path, 0, 0, "cannot write: %s",
		                    strerror(e));
	}
	*out = a;
	return EC_OK;
}

FILE *ec_atomic_file(ec_atomic *a) { return a->f; }

const char *ec_atomic_temp_path(const ec_atomic *a)
{
	return a->tmp ? a->tmp : a->path;
}

static void atomic_free(ec_atomic *a)
{
	free(a->path);
	free(a->tmp);
	free(a);
}

ec_err ec_atomic_commit(ec_atomic *a, ec_error *err)
{
	int bad = ferror(a->f);
	int e = bad ? EIO : 0;
	if (fflush(a->f) != 0 && !e)
		e = errno;
	if (!e && fsync(fileno(a->f)) != 0 && errno != EINVAL && errno != EROFS)
		e = errno;
	if (fclose(a->f) != 0 && !e)
		e = errno;
	if (!e && a->tmp && rename(a->tmp, a->path) != 0)
		e = errno;
	if (e) {
		if (a->tmp)
			unlink(a->tmp);
		ec_error_set(err, EC_EIO, a->path, 0, 0, "cannot write: %s",
		             strerror(e));
		atomic_free(a);
		return EC_EIO;
	}
	atomic_free(a);
	return EC_OK;
}

void ec_atomic_abort(ec_atomic *a)
{
	if (!a)
		return;
	fclose(a->f);
	if (a->tmp)
		unlink(a->tmp);
	atomic_free(a);
}

ec_err ec_write_file_atomic(const char *path, const void *data, size_t len,
                            ec_error *err)
{
	ec_atomic *a;
	ec_err rc = ec_atomic_open(path, &a, err);
	if (rc)
		return rc;
	if (len && fwrite(data, 1, len, a->f) != len) {
		int e = errno;
		ec_atomic_abort(a);
		return ec_error_set(err, EC_EIO, path, 0, 0, "cannot write: %s",
		                    strerror(e));
	}
	return ec_atomic_commit(a, err);
}

ec_err ec_make_dirs(const char *dir, ec_error *err)
{
	size_t n = strlen(dir);
	char *p = malloc(n + 1);
	if (!p)
		return ec_error_set(err, EC_ENOMEM, dir, 0, 0, "out of memory");
	memcpy(p, dir, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		char c = p[i];
		p[i] = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			int e = errno;
			free(p);
			return ec_error_set(err, EC_EIO, dir, 0, 0,
			                    "cannot create folder: %s",
			                    strerror(e));
		}
		p[i] = c;
	}
	free(p);
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return ec_error_set(err, EC_EIO, dir, 0, 0, "is not a folder");
	return EC_OK;
}
