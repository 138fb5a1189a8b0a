/* A multi-page PDF deck: scenes and text pages, written atomically. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "cairo_draw.h"
#include "earnchart/chart.h"
#include "output.h"
#include "text.h"
#include "theme.h"

struct ec_deck {
	ec_out *out;
	cairo_surface_t *pdf;
	char *path;
	int write_errno; /* first stream write error */
	size_t pages;
	ec_err failed;   /* first error; later calls do nothing */
	ec_error ferr;
};

static cairo_status_t deck_write(void *cl, const unsigned char *d,
                                 unsigned int n)
{
	ec_deck *k = cl;
	if (k->write_errno)
		return CAIRO_STATUS_WRITE_ERROR;
	if (n && fwrite(d, 1, n, ec_out_file(k->out)) != n) {
		k->write_errno = errno ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

ec_err ec_deck_open(const char *path, ec_deck **out, ec_error *err)
{
	*out = NULL;
	ec_deck *k = calloc(1, sizeof *k);
	if (!k || !(k->path = strdup(path ? path : ""))) {
		free(k);
		return ec_error_set(err, EC_ENOMEM, path, 0, 0, "out of memory");
	}
	ec_err rc = ec_out_open(path, &k->out, err);
	if (rc) {
		free(k->path);
		free(k);
		return rc;
	}
	/* US Letter until the first page sets its own size. */
	k->pdf = cairo_pdf_surface_create_for_stream(deck_write, k, 612, 792);
	if (cairo_surface_status(k->pdf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(k->pdf);
		ec_out_abort(k->out);
		free(k->path);
		free(k);
		return ec_error_set(err, EC_ENOMEM, path, 0, 0,
		                    "cannot create a PDF surface");
	}
	ec_pdf_set_metadata(k->pdf, NULL, NULL);
	*out = k;
	return EC_OK;
}

static ec_err deck_fail(ec_deck *d, ec_error *err)
{
	if (err)
		*err = d->ferr;
	return d->failed;
}

ec_err ec_deck_add_scene(ec_deck *d, const ec_scene *sc, ec_error *err)
{
	if (d->failed)
		return deck_fail(d, err);
	ec_err rc = ec_scene_status(sc, err);
	if (rc)
		return rc;
	if (d->pages == 0 && ec_scene_title(sc))
		cairo_pdf_surface_set_metadata(d->pdf, CAIRO_PDF_METADATA_TITLE,
		                               ec_scene_title(sc));
	cairo_pdf_surface_set_size(d->pdf, ec_scene_width(sc),
	                           ec_scene_height(sc));
	cairo_t *cr = cairo_create(d->pdf);
	rc = ec_cairo_draw_scene(cr, sc, 1, &d->ferr);
	if (!rc)
		cairo_show_page(cr);
	cairo_destroy(cr);
	if (!rc && cairo_surface_status(d->pdf) != CAIRO_STATUS_SUCCESS)
		rc = ec_error_set(&d->ferr, EC_ERENDER, d->path, 0, 0, "PDF: %s",
		                  cairo_status_to_string(
		                      cairo_surface_status(d->pdf)));
	if (rc) {
		/* A half-drawn page cannot be taken back: the deck is dead. */
		d->failed = rc;
		return deck_fail(d, err);
	}
	d->pages++;
	return EC_OK;
}

ec_err ec_deck_add_text_page(ec_deck *d, double width_pt, double height_pt,
                             const char *title, const char *const *lines,
                             size_t n_lines, ec_theme theme, ec_error *err)
{
	if (d->failed)
		return deck_fail(d, err);
	if (!(width_pt >= 72 && width_pt <= 14400 && height_pt >= 72 &&
	      height_pt <= 14400))
		return ec_error_set(err, EC_EINVAL, d->path, 0, 0,
		                    "text page size %gx%g pt is out of range",
		                    width_pt, height_pt);
	ec_theme_spec th;
	ec_theme_spec_get(theme, width_pt, height_pt, &th);
	double m = th.margin_pt * 1.5;
	double maxw = width_pt - 2 * m;
	double body = th.subtitle_pt, head = th.title_pt * 1.3;
	double lh = body * 1.45;
	ec_err rc = EC_OK;
	size_t li = 0;
	bool first = true;
	/* Lines wrap to the width; when a page is full the text continues
	 * on a new page of the same size. */
	char **wl = NULL;
	size_t nwl = 0, wi = 0;
	while (!rc && (first || li < n_lines || wi < nwl)) {
		ec_scene *sc = ec_scene_new(width_pt, height_pt, 72);
		if (!sc)
			return ec_error_set(err, EC_ENOMEM, d->path, 0, 0,
			                    "out of memory");
		ec_scene_set_background(sc, th.background);
		double y = m + head;
		if (first && title && *title) {
			ec_text_style ts = ec_text_style_make(head, th.text);
			ts.weight = EC_WEIGHT_BOLD;
			char *t = ec_text_ellipsize(title, head, EC_WEIGHT_BOLD,
			                            maxw);
			ec_scene_text(sc, t ? t : "", m, y, &ts, NULL, NULL);
			free(t);
			y += head * 0.9 + lh;
		} else {
			y = m + body;
		}
		first = false;
		ec_text_style bs = ec_text_style_make(body, th.text);
		while (y <= height_pt - m) {
			if (wi >= nwl) {
				ec_text_lines_free(wl, nwl);
				wl = NULL;
				nwl = wi = 0;
				if (li >= n_lines)
					break;
				const char *src = lines[li++];
				if (!src || !*src) {
					y += lh; /* blank line */
					continue;
				}
				rc = ec_text_wrap(src, body, EC_WEIGHT_REGULAR, maxw,
				                  1000, &wl, &nwl, err);
				if (rc)
					break;
				continue;
			}
			ec_scene_text(sc, wl[wi++], m, y, &bs, NULL, NULL);
			y += lh;
		}
		if (!rc)
			rc = ec_scene_status(sc, err);
		if (!rc)
			rc = ec_deck_add_scene(d, sc, err);
		ec_scene_free(sc);
	}
	ec_text_lines_free(wl, nwl);
	return rc;
}

ec_err ec_deck_close(ec_deck *d, ec_error *err)
{
	if (!d)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0, "no deck");
	if (d->failed) {
		ec_err rc = deck_fail(d, err);
		ec_deck_abort(d);
		return rc;
	}
	cairo_surface_finish(d->pdf);
	cairo_status_t cs = cairo_surface_status(d->pdf);
	cairo_surface_destroy(d->pdf);
	d->pdf = NULL;
	ec_err rc = EC_OK;
	if (d->write_errno)
		rc = ec_error_set(err, EC_EIO, d->path, 0, 0, "cannot write: %s",
		                  strerror(d->write_errno));
	else if (cs != CAIRO_STATUS_SUCCESS)
		rc = ec_error_set(err, EC_ERENDER, d->path, 0, 0, "PDF: %s",
		                  cairo_status_to_string(cs));
	if (rc)
		ec_out_abort(d->out);
	else
		rc = ec_out_commit(d->out, err);
	free(d->path);
	free(d);
	return rc;
}

void ec_deck_abort(ec_deck *d)
{
	if (!d)
		return;
	if (d->pdf) {
		/* Stop cairo from writing the rest into the file. */
		d->write_errno = d->write_errno ? d->write_errno : ECANCELED;
		cairo_surface_finish(d->pdf);
		cairo_surface_destroy(d->pdf);
	}
	ec_out_abort(d->out);
	free(d->path);
	free(d);
}
