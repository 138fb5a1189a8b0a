/* PDF back end: the scene drawn on a cairo PDF surface. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>

#include "cairo_draw.h"

/* Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), so
 * no locale or time zone is involved. */
static void civil(long long days, long long *y, unsigned *m, unsigned *d)
{
	days += 719468;
	long long era = (days >= 0 ? days : days - 146096) / 146097;
	unsigned doe = (unsigned)(days - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long yy = (long long)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (*m <= 2);
}

void ec_pdf_set_metadata(cairo_surface_t *pdf, const char *title,
                         const char *subject)
{
	char date[64];
	snprintf(date, sizeof date, "2000-01-01T00:00:00Z");
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long t = strtoll(sde, &end, 10);
		if (!errno && *end == '\0' && t >= 0 && t < 253402300800LL) {
			long long y;
			unsigned mo, d;
			civil(t / 86400, &y, &mo, &d);
			long long s = t % 86400;
			snprintf(date, sizeof date,
			         "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", y, mo, d,
			         s / 3600, s / 60 % 60, s % 60);
		}
	}
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE,
	                               date);
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE, date);
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR,
	                               "earnchart");
	if (title)
		cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE,
		                               title);
	if (subject)
		cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_SUBJECT,
		                               subject);
}

typedef struct membuf {
	unsigned char *d;
	size_t n, cap;
} membuf;

static cairo_status_t mem_write(void *cl, const unsigned char *d,
                                unsigned int n)
{
	membuf *m = cl;
	if (n > SIZE_MAX / 2 - m->n)
		return CAIRO_STATUS_NO_MEMORY;
	if (m->n + n > m->cap) {
		size_t nc = m->cap ? m->cap : 65536;
		while (nc < m->n + n)
			nc *= 2;
		unsigned char *nd = realloc(m->d, nc);
		if (!nd)
			return CAIRO_STATUS_NO_MEMORY;
		m->d = nd;
		m->cap = nc;
	}
	memcpy(m->d + m->n, d, n);
	m->n += n;
	return CAIRO_STATUS_SUCCESS;
}

ec_err ec_pdf_render(const ec_scene *sc, unsigned char **data, size_t *len,
                     ec_error *err)
{
	*data = NULL;
	*len = 0;
	ec_err rc = ec_scene_status(sc, err);
	if (rc)
		return rc;
	membuf m = {0};
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(
	    mem_write, &m, ec_scene_width(sc), ec_scene_height(sc));
	ec_pdf_set_metadata(s, ec_scene_title(sc), ec_scene_desc(sc));
	cairo_t *cr = cairo_create(s);
	rc = ec_cairo_draw_scene(cr, sc, 1, err);
	if (!rc)
		cairo_show_page(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_status_t cs = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (!rc && cs != CAIRO_STATUS_SUCCESS)
		rc = ec_error_set(err,
		                  cs == CAIRO_STATUS_NO_MEMORY ? EC_ENOMEM
		                                               : EC_ERENDER,
		                  NULL, 0, 0, "PDF: %s",
		                  cairo_status_to_string(cs));
	if (rc) {
		free(m.d);
		return rc;
	}
	*data = m.d;
	*len = m.n;
	return EC_OK;
}
