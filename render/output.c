/* Writing scenes to files and memory; format from the file name. */
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo.h>

#include "cairo_draw.h"
#include "earnchart/chart.h"
#include "earnchart/io.h"
#include "png.h"
#include "svg.h"
#include "text.h"

struct ec_out {
	ec_atomic *a; /* atomic target, or NULL */
	FILE *f;      /* direct target (device, FIFO) */
	char *path;
};

ec_err ec_out_open(const char *path, ec_out **out, ec_error *err)
{
	*out = NULL;
	if (!path || !*path)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "no output file name");
	ec_out *o = calloc(1, sizeof *o);
	if (!o || !(o->path = strdup(path))) {
		free(o);
		return ec_error_set(err, EC_ENOMEM, path, 0, 0, "out of memory");
	}
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		/* A device or FIFO: write in place, never rename over it. */
		o->f = fopen(path, "wb");
		if (!o->f) {
			int e = errno;
			free(o->path);
			free(o);
			return ec_error_set(err, EC_EIO, path, 0, 0,
			                    "cannot write: %s", strerror(e));
		}
	} else {
		ec_err rc = ec_atomic_open(path, &o->a, err);
		if (rc) {
			free(o->path);
			free(o);
			return rc;
		}
	}
	*out = o;
	return EC_OK;
}

FILE *ec_out_file(ec_out *o) { return o->a ? ec_atomic_file(o->a) : o->f; }

ec_err ec_out_commit(ec_out *o, ec_error *err)
{
	ec_err rc = EC_OK;
	if (o->a) {
		rc = ec_atomic_commit(o->a, err);
	} else {
		int e = ferror(o->f) ? EIO : 0;
		if (fflush(o->f) != 0 && !e)
			e = errno;
		if (fclose(o->f) != 0 && !e)
			e = errno;
		if (e)
			rc = ec_error_set(err, EC_EIO, o->path, 0, 0,
			                  "cannot write: %s", strerror(e));
	}
	free(o->path);
	free(o);
	return rc;
}

void ec_out_abort(ec_out *o)
{
	if (!o)
		return;
	if (o->a)
		ec_atomic_abort(o->a);
	else
		fclose(o->f);
	free(o->path);
	free(o);
}

bool ec_format_from_path(const char *path, ec_format *out)
{
	if (!path)
		return false;
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	if (!dot || dot == base)
		return false;
	static const char *const names[] = {"png", "svg", "pdf"};
	for (int i = 0; i < 3; i++)
		if (strcasecmp(dot + 1, names[i]) == 0) {
			*out = (ec_format)i;
			return true;
		}
	return false;
}

ec_err ec_scene_write_mem(const ec_scene *sc, ec_format fmt,
                          unsigned char **data, size_t *len, ec_error *err)
{
	*data = NULL;
	*len = 0;
	if (!sc)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0, "no scene");
	switch (fmt) {
	case EC_FORMAT_PNG:
		return ec_png_render(sc, data, len, err);
	case EC_FORMAT_SVG:
		return ec_svg_render(sc, data, len, err);
	case EC_FORMAT_PDF:
		return ec_pdf_render(sc, data, len, err);
	}
	return ec_error_set(err, EC_EINVAL, NULL, 0, 0, "unknown format %d",
	                    (int)fmt);
}

ec_err ec_scene_write_file(const ec_scene *sc, ec_format fmt,
                           const char *path, ec_error *err)
{
	unsigned char *d;
	size_t n;
	/* Render first: nothing touches the file system unless drawing
	 * succeeded. */
	ec_err rc = ec_scene_write_mem(sc, fmt, &d, &n, err);
	if (rc) {
		if (err && !err->file[0] && path)
			snprintf(err->file, sizeof err->file, "%s", path);
		return rc;
	}
	ec_out *o;
	rc = ec_out_open(path, &o, err);
	if (rc) {
		free(d);
		return rc;
	}
	FILE *f = ec_out_file(o);
	if (n && fwrite(d, 1, n, f) != n) {
		int e = errno;
		free(d);
		ec_out_abort(o);
		return ec_error_set(err, EC_EIO, path, 0, 0, "cannot write: %s",
		                    strerror(e ? e : EIO));
	}
	free(d);
	return ec_out_commit(o, err);
}

void ec_render_cleanup(void)
{
	/* Frees this thread's font map, context and layouts.  Not
	 * cairo_debug_reset_static_data(): it asserts (aborts) while pango
	 * or fontconfig still hold a scaled font, which we cannot rule out;
	 * what is left is reachable from globals, which LeakSanitizer does
	 * not report. */
	ec_text_thread_cleanup();
}
