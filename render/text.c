/* Text measurement and drawing with pango, one font map per thread. */
#include "text.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <pango/pangocairo.h>

/* Layouts cached per thread: chart text repeats a lot (tick labels,
 * quarter labels, legend entries), and shaping is the expensive part of
 * both measuring and drawing.  When full the cache is emptied at once
 * (cheap, and keeps memory bounded). */
#define CACHE_BUCKETS 1024
#define CACHE_MAX 2048

typedef struct centry {
	struct centry *next;
	uint64_t hash;
	int size_key; /* size in 1/1024 pt */
	int weight;
	PangoLayout *layout;
	double baseline; /* pt from the layout's top to its baseline */
	ec_text_metrics m;
	char s[]; /* the text */
} centry;

typedef struct tstate {
	PangoFontMap *fm;
	PangoContext *ctx;
	PangoFontDescription *desc;
	int font_ok; /* 0 unknown, 1 ok, -1 no font */
	char font_msg[256];
	centry *buckets[CACHE_BUCKETS];
	size_t n_cached;
} tstate;

static pthread_key_t tkey;
static pthread_once_t tkey_once = PTHREAD_ONCE_INIT;

static void cache_clear(tstate *t)
{
	for (size_t i = 0; i < CACHE_BUCKETS; i++) {
		centry *e = t->buckets[i];
		while (e) {
			centry *nx = e->next;
			g_object_unref(e->layout);
			free(e);
			e = nx;
		}
		t->buckets[i] = NULL;
	}
	t->n_cached = 0;
}

static void tstate_free(void *p)
{
	tstate *t = p;
	if (!t)
		return;
	cache_clear(t);
	if (t->desc)
		pango_font_description_free(t->desc);
	if (t->ctx)
		g_object_unref(t->ctx);
	if (t->fm)
		g_object_unref(t->fm);
	free(t);
}

static void tkey_make(void) { (void)pthread_key_create(&tkey, tstate_free); }

/* Checks that the family resolves to a real font with Latin glyphs. */
static int font_usable(tstate *t, const char *family, char *got, size_t n)
{
	PangoFontDescription *d = pango_font_description_from_string(family);
	if (!d)
		return 0;
	pango_font_description_set_absolute_size(d, 10 * PANGO_SCALE);
	PangoFont *f = pango_font_map_load_font(t->fm, t->ctx, d);
	pango_font_description_free(d);
	if (got && n)
		got[0] = '\0';
	if (!f)
		return 0;
	int ok = pango_font_has_char(f, 'A') && pango_font_has_char(f, '0');
	PangoFontDescription *fd = pango_font_describe(f);
	if (fd && got && n) {
		const char *fam = pango_font_description_get_family(fd);
		snprintf(got, n, "%s", fam ? fam : "");
	}
	if (fd)
		pango_font_description_free(fd);
	g_object_unref(f);
	return ok;
}

static tstate *tstate_get(ec_error *err)
{
	pthread_once(&tkey_once, tkey_make);
	tstate *t = pthread_getspecific(tkey);
	if (t)
		return t;
	t = calloc(1, sizeof *t);
	if (!t) {
		ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	t->fm = pango_cairo_font_map_new();
	if (t->fm)
		t->ctx = pango_font_map_create_context(t->fm);
	t->desc = pango_font_description_from_string(EC_FONT_FAMILY);
	if (!t->fm || !t->ctx || !t->desc) {
		tstate_free(t);
		ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		             "out of memory (pango context)");
		return NULL;
	}
	/* 72 units per inch: pango sizes are then points. */
	pango_cairo_context_set_resolution(t->ctx, 72.0);
	/* Resolution-independent metrics: no hinting, no metric rounding,
	 * unrounded glyph positions; grey antialiasing so pixels do not depend
	 * on a subpixel order setting. */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(t->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(t->ctx, FALSE);
	pango_context_set_base_dir(t->ctx, PANGO_DIRECTION_LTR);
	pango_context_set_language(t->ctx, pango_language_from_string("en"));

	char got[128];
	if (font_usable(t, EC_FONT_FAMILY, got, sizeof got) ||
	    font_usable(t, "Sans", got, sizeof got)) {
		t->font_ok = 1;
	} else {
		t->font_ok = -1;
		snprintf(t->font_msg, sizeof t->font_msg,
		         "no usable font: fontconfig found neither '%s' nor any "
		         "sans-serif font (install fonts-dejavu-core)",
		         EC_FONT_FAMILY);
	}
	if (pthread_setspecific(tkey, t) != 0) {
		tstate_free(t);
		ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	return t;
}

static tstate *tstate_font(ec_error *err)
{
	tstate *t = tstate_get(err);
	if (!t)
		return NULL;
	if (t->font_ok < 0) {
		ec_error_set(err, EC_EFONT, NULL, 0, 0, "%s", t->font_msg);
		return NULL;
	}
	return t;
}

ec_err ec_text_check_font(ec_error *err)
{
	tstate *t = tstate_font(err);
	if (!t)
		return err ? err->code : EC_EFONT;
	return EC_OK;
}

ec_err ec_text_check_family(const char *family, ec_error *err)
{
	tstate *t = tstate_get(err);
	if (!t)
		return EC_ENOMEM;
	char got[128];
	int ok = font_usable(t, family ? family : "", got, sizeof got);
	if (!ok || g_ascii_strcasecmp(got, family ? family : "") != 0)
		return ec_error_set(err, EC_EFONT, NULL, 0, 0,
		                    "font '%s' is not installed (fontconfig offers "
		                    "'%s')",
		                    family ? family : "", got[0] ? got : "none");
	return EC_OK;
}

void ec_text_thread_cleanup(void)
{
	pthread_once(&tkey_once, tkey_make);
	tstate *t = pthread_getspecific(tkey);
	if (t) {
		pthread_setspecific(tkey, NULL);
		tstate_free(t);
	}
}

/* FNV-1a over the text, mixed with size and weight. */
static uint64_t key_hash(const char *s, int size_key, int weight)
{
	uint64_t h = 1469598103934665603ull;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		h ^= *p;
		h *= 1099511628211ull;
	}
	h ^= (uint64_t)(uint32_t)size_key * 0x9E3779B97F4A7C15ull;
	h ^= (uint64_t)weight << 7;
	return h;
}

/* The cached layout for (s, size, weight), created when missing. */
static centry *layout_get(tstate *t, const char *s, double size_pt,
                          ec_weight w, ec_error *err)
{
	int size_key = (int)lround(size_pt * 1024.0);
	int wi = w == EC_WEIGHT_BOLD;
	uint64_t h = key_hash(s, size_key, wi);
	size_t b = (size_t)(h % CACHE_BUCKETS);
	for (centry *e = t->buckets[b]; e; e = e->next)
		if (e->hash == h && e->size_key == size_key && e->weight == wi &&
		    strcmp(e->s, s) == 0)
			return e;
	if (t->n_cached >= CACHE_MAX)
		cache_clear(t);
	size_t len = strlen(s);
	centry *e = malloc(sizeof *e + len + 1);
	if (!e) {
		ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	PangoLayout *lay = pango_layout_new(t->ctx);
	if (!lay) {
		free(e);
		ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	pango_font_description_set_weight(t->desc, wi ? PANGO_WEIGHT_BOLD
	                                              : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(t->desc,
	                                          size_key * (PANGO_SCALE / 1024.0));
	pango_layout_set_font_description(lay, t->desc);
	pango_layout_set_single_paragraph_mode(lay, TRUE);
	pango_layout_set_text(lay, s, (int)len);
	PangoRectangle ink, log;
	pango_layout_get_extents(lay, &ink, &log);
	double base = pango_layout_get_baseline(lay) / (double)PANGO_SCALE;
	e->hash = h;
	e->size_key = size_key;
	e->weight = wi;
	e->layout = lay;
	e->baseline = base;
	e->m.width = log.width / (double)PANGO_SCALE;
	e->m.ascent = base - log.y / (double)PANGO_SCALE;
	e->m.descent = (log.y + log.height) / (double)PANGO_SCALE - base;
	if (e->m.descent < 0)
		e->m.descent = 0;
	e->m.height = e->m.ascent + e->m.descent;
	if (ink.width > 0 && ink.height > 0) {
		e->m.ink.x = ink.x / (double)PANGO_SCALE;
		e->m.ink.y = ink.y / (double)PANGO_SCALE - base;
		e->m.ink.w = ink.width / (double)PANGO_SCALE;
		e->m.ink.h = ink.height / (double)PANGO_SCALE;
	} else {
		e->m.ink = (ec_box){0, 0, 0, 0};
	}
	memcpy(e->s, s, len + 1);
	e->next = t->buckets[b];
	t->buckets[b] = e;
	t->n_cached++;
	return e;
}

ec_err ec_text_measure(const char *utf8, double size_pt, ec_weight w,
                       ec_text_metrics *m, ec_error *err)
{
	if (!(size_pt > 0) || !isfinite(size_pt) || size_pt > 10000)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "font size %g pt is out of range", size_pt);
	tstate *t = tstate_font(err);
	if (!t)
		return err ? err->code : EC_EFONT;
	centry *e = layout_get(t, utf8 ? utf8 : "", size_pt, w, err);
	if (!e)
		return EC_ENOMEM;
	*m = e->m;
	return EC_OK;
}

double ec_text_width(const char *utf8, double size_pt, ec_weight w)
{
	ec_text_metrics m = {0};
	if (ec_text_measure(utf8, size_pt, w, &m, NULL) != EC_OK)
		return 0;
	return m.width;
}

/* Decodes one UTF-8 sequence at p (strict: no overlongs, no surrogates,
 * <= U+10FFFF).  Returns its length, or 0 when invalid. */
static size_t utf8_decode(const unsigned char *p, uint32_t *cp)
{
	unsigned c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	uint32_t v, min;
	if ((c & 0xE0) == 0xC0) {
		n = 2;
		v = c & 0x1F;
		min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3;
		v = c & 0x0F;
		min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4;
		v = c & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

size_t ec_text_clean_into(const char *src, char *dst)
{
	const unsigned char *p = (const unsigned char *)(src ? src : "");
	size_t o = 0;
	while (*p) {
		uint32_t cp;
		size_t n = utf8_decode(p, &cp);
		if (n == 0) {
			/* U+FFFD REPLACEMENT CHARACTER for each bad byte. */
			memcpy(dst + o, "\xEF\xBF\xBD", 3);
			o += 3;
			p++;
			continue;
		}
		if (cp == '\t' || cp == '\n' || cp == '\r') {
			dst[o++] = ' ';
		} else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
		           cp == 0xFFFE || cp == 0xFFFF) {
			/* dropped: not allowed in XML 1.0 or invisible */
		} else {
			memcpy(dst + o, p, n);
			o += n;
		}
		p += n;
	}
	dst[o] = '\0';
	return o;
}

char *ec_text_clean(const char *src)
{
	size_t n = strlen(src ? src : "");
	if (n > (SIZE_MAX - 1) / 3)
		return NULL;
	char *d = malloc(3 * n + 1);
	if (!d)
		return NULL;
	ec_text_clean_into(src, d);
	return d;
}

/* Length of the UTF-8 character starting at s (s is clean UTF-8). */
static size_t u8len(const unsigned char *s)
{
	if (*s < 0x80)
		return 1;
	if ((*s & 0xE0) == 0xC0)
		return 2;
	if ((*s & 0xF0) == 0xE0)
		return 3;
	return 4;
}

/* The longest prefix (in bytes, at character boundaries) of s whose
 * width with "…" appended fits max_w; binary search over characters. */
static char *ellipsize_clean(const char *s, double size_pt, ec_weight w,
                             double max_w)
{
	ec_text_metrics m;
	if (ec_text_measure(s, size_pt, w, &m, NULL) != EC_OK)
		return NULL;
	size_t len = strlen(s);
	if (m.width <= max_w)
		return strdup(s);
	/* Character boundaries. */
	size_t nch = 0;
	size_t *bounds = malloc((len + 1) * sizeof *bounds);
	char *buf = malloc(len + 4);
	if (!bounds || !buf) {
		free(bounds);
		free(buf);
		return NULL;
	}
	for (size_t i = 0; i < len; i += u8len((const unsigned char *)s + i))
		bounds[nch++] = i;
	bounds[nch] = len;
	size_t lo = 0, hi = nch; /* answer: number of chars kept, in lo..hi */
	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;
		size_t b = bounds[mid];
		/* Drop trailing spaces before the ellipsis. */
		while (b > 0 && s[b - 1] == ' ')
			b--;
		memcpy(buf, s, b);
		memcpy(buf + b, "\xE2\x80\xA6", 4);
		if (ec_text_measure(buf, size_pt, w, &m, NULL) == EC_OK &&
		    m.width <= max_w)
			lo = mid;
		else
			hi = mid - 1;
	}
	size_t b = bounds[lo];
	while (b > 0 && s[b - 1] == ' ')
		b--;
	memcpy(buf, s, b);
	memcpy(buf + b, "\xE2\x80\xA6", 4);
	free(bounds);
	return buf;
}

char *ec_text_ellipsize(const char *utf8, double size_pt, ec_weight w,
                        double max_w)
{
	char *c = ec_text_clean(utf8);
	if (!c)
		return NULL;
	char *r = ellipsize_clean(c, size_pt, w, max_w);
	free(c);
	return r;
}

void ec_text_lines_free(char **lines, size_t n)
{
	if (!lines)
		return;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

ec_err ec_text_wrap(const char *utf8, double size_pt, ec_weight w,
                    double max_w, size_t max_lines, char ***lines,
                    size_t *n, ec_error *err)
{
	*lines = NULL;
	*n = 0;
	if (max_lines == 0)
		max_lines = 1;
	ec_err rc = ec_text_check_font(err);
	if (rc)
		return rc;
	char *c = ec_text_clean(utf8);
	char **out = calloc(max_lines, sizeof *out);
	char *buf = c ? malloc(strlen(c) + 4) : NULL;
	size_t k = 0;
	if (!c || !out || !buf)
		goto oom;
	const char *p = c;
	while (*p == ' ')
		p++;
	while (*p && k < max_lines) {
		/* Greedy: extend word by word while the line fits. */
		size_t best = 0, end = 0;
		for (;;) {
			size_t e = end;
			while (p[e] == ' ')
				e++;
			while (p[e] && p[e] != ' ')
				e++;
			memcpy(buf, p, e);
			buf[e] = '\0';
			if (best > 0 &&
			    ec_text_width(buf, size_pt, w) > max_w)
				break;
			best = e;
			end = e;
			if (!p[e])
				break;
		}
		int last = k + 1 == max_lines;
		const char *rest = p + best;
		while (*rest == ' ')
			rest++;
		memcpy(buf, p, best);
		buf[best] = '\0';
		if (last && *rest) {
			/* Text remains: the last line ends in an ellipsis. */
			size_t b = best;
			memcpy(buf + b, " \xE2\x80\xA6", 5);
		}
		out[k] = ellipsize_clean(buf, size_pt, w, max_w);
		if (!out[k])
			goto oom;
		k++;
		p = rest;
	}
	free(c);
	free(buf);
	*lines = out;
	*n = k;
	return EC_OK;
oom:
	free(c);
	free(buf);
	ec_text_lines_free(out, k);
	return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
}

ec_err ec_text_draw(struct _cairo *cr, const ec_item *it, ec_error *err)
{
	tstate *t = tstate_font(err);
	if (!t)
		return err ? err->code : EC_EFONT;
	const ec_text_style *ts = &it->u.text.ts;
	centry *e = layout_get(t, it->u.text.s, ts->size_pt, ts->weight, err);
	if (!e)
		return EC_ENOMEM;
	double off = 0;
	if (ts->anchor == EC_ANCHOR_MIDDLE)
		off = e->m.width / 2;
	else if (ts->anchor == EC_ANCHOR_END)
		off = e->m.width;
	cairo_save(cr);
	cairo_translate(cr, it->u.text.x, it->u.text.y);
	if (ts->rotation != 0)
		cairo_rotate(cr, ts->rotation * (3.14159265358979323846 / 180.0));
	cairo_move_to(cr, -off, -e->baseline);
	cairo_set_source_rgba(cr, ts->color.r, ts->color.g, ts->color.b,
	                      ts->color.a);
	pango_cairo_show_layout(cr, e->layout);
	cairo_restore(cr);
	return EC_OK;
}
