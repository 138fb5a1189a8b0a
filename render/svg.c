/* The project's own SVG writer.
 *
 * cairo's SVG surface turns text into glyph outlines; this writer keeps
 * text as <text> (selectable, searchable, read by screen readers), puts
 * <title> and <desc> first, gives groups stable ids and titles, and prints
 * numbers with at most two decimals so the bytes are deterministic.
 *
 * Speed: one growable buffer; before each item the writer reserves the
 * most that item can need, then writes without further checks. */
#include "svg.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

typedef struct sbuf {
	char *d;
	size_t n, cap;
	int failed;
} sbuf;

static int reserve(sbuf *b, size_t extra)
{
	if (b->failed)
		return 0;
	if (extra > SIZE_MAX / 2 - b->n) {
		b->failed = 1;
		return 0;
	}
	if (b->n + extra <= b->cap)
		return 1;
	size_t nc = b->cap ? b->cap : 4096;
	while (nc < b->n + extra)
		nc *= 2;
	char *nd = realloc(b->d, nc);
	if (!nd) {
		b->failed = 1;
		return 0;
	}
	b->d = nd;
	b->cap = nc;
	return 1;
}

/* The put_* helpers assume space was reserved. */
static void put(sbuf *b, const char *s, size_t n)
{
	memcpy(b->d + b->n, s, n);
	b->n += n;
}
#define PUTS(b, lit) put((b), (lit), sizeof(lit) - 1)

static void put_str(sbuf *b, const char *s) { put(b, s, strlen(s)); }

/* A number with at most 2 decimals, trailing zeros trimmed, no "-0".
 * At most 24 bytes. */
static void put_num(sbuf *b, double x)
{
	if (!isfinite(x))
		x = 0;
	if (x > 1e15)
		x = 1e15;
	if (x < -1e15)
		x = -1e15;
	long long v = llround(x * 100.0);
	char tmp[32];
	int k = 0;
	int neg = v < 0;
	unsigned long long a = neg ? (unsigned long long)(-v) : (unsigned long long)v;
	unsigned frac = (unsigned)(a % 100);
	unsigned long long ip = a / 100;
	if (neg && a != 0)
		b->d[b->n++] = '-';
	do {
		tmp[k++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	while (k)
		b->d[b->n++] = tmp[--k];
	if (frac) {
		b->d[b->n++] = '.';
		b->d[b->n++] = (char)('0' + frac / 10);
		if (frac % 10)
			b->d[b->n++] = (char)('0' + frac % 10);
	}
}

/* Escaped text; needs 6 bytes per input byte reserved. */
static void put_esc(sbuf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&':
			PUTS(b, "&amp;");
			break;
		case '<':
			PUTS(b, "&lt;");
			break;
		case '>':
			PUTS(b, "&gt;");
			break;
		case '"':
			PUTS(b, "&quot;");
			break;
		case '\'':
			PUTS(b, "&apos;");
			break;
		default:
			/* Strings were cleaned when added to the scene; this
			 * keeps the output well-formed whatever happens. */
			if (*p < 0x20)
				b->d[b->n++] = ' ';
			else
				b->d[b->n++] = (char)*p;
		}
	}
}

static const char hexd[] = "0123456789abcdef";

static int c255(double v)
{
	if (!(v > 0))
		return 0;
	if (v >= 1)
		return 255;
	return (int)lround(v * 255.0);
}

static void put_hex(sbuf *b, ec_color c)
{
	int v[3] = {c255(c.r), c255(c.g), c255(c.b)};
	b->d[b->n++] = '#';
	for (int i = 0; i < 3; i++) {
		b->d[b->n++] = hexd[v[i] >> 4];
		b->d[b->n++] = hexd[v[i] & 15];
	}
}

/* fill="..." [fill-opacity="..."] ; ~48 bytes */
static void put_paint(sbuf *b, const char *attr, ec_color c)
{
	b->d[b->n++] = ' ';
	put_str(b, attr);
	PUTS(b, "=\"");
	if (!(c.a > 0)) {
		PUTS(b, "none\"");
		return;
	}
	put_hex(b, c);
	b->d[b->n++] = '"';
	if (c.a < 1) {
		b->d[b->n++] = ' ';
		put_str(b, attr);
		PUTS(b, "-opacity=\"");
		put_num(b, c.a);
		b->d[b->n++] = '"';
	}
}

/* Stroke attributes (or stroke="none" is left out: SVG's default). */
static void put_stroke(sbuf *b, const ec_style *s)
{
	if (!(s->stroke.a > 0) || !(s->stroke_width > 0))
		return;
	put_paint(b, "stroke", s->stroke);
	PUTS(b, " stroke-width=\"");
	put_num(b, s->stroke_width);
	b->d[b->n++] = '"';
	if (s->join == EC_JOIN_ROUND)
		PUTS(b, " stroke-linejoin=\"round\"");
	else if (s->join == EC_JOIN_BEVEL)
		PUTS(b, " stroke-linejoin=\"bevel\"");
	if (s->cap == EC_CAP_ROUND)
		PUTS(b, " stroke-linecap=\"round\"");
	else if (s->cap == EC_CAP_SQUARE)
		PUTS(b, " stroke-linecap=\"square\"");
	if (s->n_dash > 0 && s->n_dash <= EC_DASH_MAX) {
		PUTS(b, " stroke-dasharray=\"");
		for (int i = 0; i < s->n_dash; i++) {
			if (i)
				b->d[b->n++] = ',';
			put_num(b, s->dash[i]);
		}
		b->d[b->n++] = '"';
	}
}

/* ---- pattern definitions: one per (kind, colour) ---- */

#define MAX_PATS 64

typedef struct pat {
	ec_pattern kind;
	uint32_t rgb; /* 0xRRGGBB */
	double a;
} pat;

static uint32_t rgb_of(ec_color c)
{
	return (uint32_t)c255(c.r) << 16 | (uint32_t)c255(c.g) << 8 |
	       (uint32_t)c255(c.b);
}

static ec_color pattern_ink(const ec_style *s)
{
	return s->pattern_color.a > 0 ? s->pattern_color : s->stroke;
}

static int pat_index(pat *pats, int *np, const ec_style *s, int add)
{
	ec_color ink = pattern_ink(s);
	if (s->pattern == EC_PATTERN_NONE || !(ink.a > 0))
		return -1;
	uint32_t rgb = rgb_of(ink);
	for (int i = 0; i < *np; i++)
		if (pats[i].kind == s->pattern && pats[i].rgb == rgb &&
		    pats[i].a == ink.a)
			return i;
	if (!add || *np >= MAX_PATS)
		return -1;
	pats[*np] = (pat){s->pattern, rgb, ink.a};
	return (*np)++;
}

static void put_pat_id(sbuf *b, int i)
{
	PUTS(b, "ec-pat-");
	put_num(b, i);
}

static void put_defs(sbuf *b, const pat *pats, int np)
{
	if (!np)
		return;
	reserve(b, 32 + (size_t)np * 512);
	if (b->failed)
		return;
	PUTS(b, "<defs>\n");
	for (int i = 0; i < np; i++) {
		ec_color ink = {((pats[i].rgb >> 16) & 255) / 255.0,
		                ((pats[i].rgb >> 8) & 255) / 255.0,
		                (pats[i].rgb & 255) / 255.0, pats[i].a};
		PUTS(b, "<pattern id=\"");
		put_pat_id(b, i);
		PUTS(b, "\" patternUnits=\"userSpaceOnUse\" width=\"4\" "
		        "height=\"4\">");
		if (pats[i].kind == EC_PATTERN_DOTS) {
			PUTS(b, "<circle cx=\"2\" cy=\"2\" r=\"0.55\"");
			put_paint(b, "fill", ink);
			PUTS(b, "/>");
		} else {
			PUTS(b, "<path d=\"M-1 1L1 -1M0 4L4 0M3 5L5 3");
			if (pats[i].kind == EC_PATTERN_CROSSHATCH)
				PUTS(b, "M-1 3L1 5M0 0L4 4M3 -1L5 1");
			PUTS(b, "\" fill=\"none\"");
			put_paint(b, "stroke", ink);
			PUTS(b, " stroke-width=\"0.6\"/>");
		}
		PUTS(b, "</pattern>\n");
	}
	PUTS(b, "</defs>\n");
}

/* ---- ids ---- */

typedef struct idset {
	char **ids; /* owned copies, open addressing */
	size_t cap, n;
	int failed;
} idset;

static uint64_t fnv(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

static int idset_has(const idset *st, const char *s)
{
	if (!st->cap)
		return 0;
	for (size_t i = fnv(s) & (st->cap - 1);; i = (i + 1) & (st->cap - 1)) {
		if (!st->ids[i])
			return 0;
		if (strcmp(st->ids[i], s) == 0)
			return 1;
	}
}

static void idset_add(idset *st, const char *s)
{
	if (st->failed)
		return;
	if ((st->n + 1) * 2 > st->cap) {
		size_t nc = st->cap ? st->cap * 2 : 64;
		char **ni = calloc(nc, sizeof *ni);
		if (!ni) {
			st->failed = 1;
			return;
		}
		for (size_t i = 0; i < st->cap; i++)
			if (st->ids[i]) {
				size_t k = fnv(st->ids[i]) & (nc - 1);
				while (ni[k])
					k = (k + 1) & (nc - 1);
				ni[k] = st->ids[i];
			}
		free(st->ids);
		st->ids = ni;
		st->cap = nc;
	}
	char *c = strdup(s);
	if (!c) {
		st->failed = 1;
		return;
	}
	size_t k = fnv(s) & (st->cap - 1);
	while (st->ids[k])
		k = (k + 1) & (st->cap - 1);
	st->ids[k] = c;
	st->n++;
}

static void idset_free(idset *st)
{
	for (size_t i = 0; i < st->cap; i++)
		free(st->ids[i]);
	free(st->ids);
}

/* The XML id for a group id: letters, digits, '-', '_', '.' kept; others
 * '_'; a leading '_' when it does not start with a letter; "-2", "-3"...
 * for repeats.  Writes into out (size n >= 64). */
static void make_id(idset *st, const char *id, char *out, size_t n)
{
	size_t o = 0;
	unsigned char c0 = (unsigned char)id[0];
	if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z')))
		out[o++] = '_';
	for (const unsigned char *p = (const unsigned char *)id;
	     *p && o + 16 < n; p++) {
		unsigned char c = *p;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		         (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		         c == '.';
		out[o++] = ok ? (char)c : '_';
	}
	out[o] = '\0';
	if (idset_has(st, out)) {
		for (unsigned k = 2;; k++) {
			snprintf(out + o, n - o, "-%u", k);
			if (!idset_has(st, out))
				break;
		}
	}
	idset_add(st, out);
}

/* ---- items ---- */

static void put_shape_tail(sbuf *b, const ec_style *s, int pi, int stroke)
{
	(void)pi;
	if (stroke)
		put_stroke(b, s);
	PUTS(b, "/>\n");
}

static void put_rect_el(sbuf *b, const ec_item *it, const char *fill_url,
                        ec_color fill, int stroke)
{
	PUTS(b, "<rect x=\"");
	put_num(b, it->u.rect.x);
	PUTS(b, "\" y=\"");
	put_num(b, it->u.rect.y);
	PUTS(b, "\" width=\"");
	put_num(b, it->u.rect.w);
	PUTS(b, "\" height=\"");
	put_num(b, it->u.rect.h);
	b->d[b->n++] = '"';
	if (fill_url) {
		PUTS(b, " fill=\"url(#");
		put_str(b, fill_url);
		PUTS(b, ")\"");
	} else {
		put_paint(b, "fill", fill);
	}
	put_shape_tail(b, &it->style, 0, stroke);
}

/* The path data of a PATH or MARKER item (needs 40 bytes per op). */
static void put_d(sbuf *b, const ec_scene *sc, const ec_item *it)
{
	PUTS(b, " d=\"");
	if (it->kind == EC_ITEM_PATH) {
		size_t n;
		const ec_path_op *o = ec_scene_path_ops(sc, it, &n);
		for (size_t k = 0; k < n; k++) {
			if (o[k].op == EC_PATH_CLOSE) {
				b->d[b->n++] = 'Z';
				continue;
			}
			b->d[b->n++] = o[k].op == EC_PATH_MOVE ? 'M' : 'L';
			put_num(b, o[k].x);
			b->d[b->n++] = ' ';
			put_num(b, o[k].y);
		}
	} else {
		double cx = it->u.marker.cx, cy = it->u.marker.cy,
		       r = it->u.marker.r;
		double xs[4], ys[4];
		int n;
		if (it->u.marker.shape == EC_MARKER_DIAMOND) {
			n = 4;
			xs[0] = cx, ys[0] = cy - r;
			xs[1] = cx + r, ys[1] = cy;
			xs[2] = cx, ys[2] = cy + r;
			xs[3] = cx - r, ys[3] = cy;
		} else {
			n = 3;
			xs[0] = cx, ys[0] = cy - r;
			xs[1] = cx + r * 0.8660254037844386, ys[1] = cy + r * 0.5;
			xs[2] = cx - r * 0.8660254037844386, ys[2] = cy + r * 0.5;
		}
		for (int k = 0; k < n; k++) {
			b->d[b->n++] = k ? 'L' : 'M';
			put_num(b, xs[k]);
			b->d[b->n++] = ' ';
			put_num(b, ys[k]);
		}
		b->d[b->n++] = 'Z';
	}
	b->d[b->n++] = '"';
}

/* One element for a path/marker with a given fill. */
static void put_shape(sbuf *b, const ec_scene *sc, const ec_item *it,
                      const char *fill_url, ec_color fill, int stroke)
{
	if (it->kind == EC_ITEM_RECT) {
		put_rect_el(b, it, fill_url, fill, stroke);
		return;
	}
	if (it->kind == EC_ITEM_MARKER &&
	    (it->u.marker.shape == EC_MARKER_CIRCLE ||
	     it->u.marker.shape == EC_MARKER_SQUARE)) {
		double cx = it->u.marker.cx, cy = it->u.marker.cy,
		       r = it->u.marker.r;
		if (it->u.marker.shape == EC_MARKER_CIRCLE) {
			PUTS(b, "<circle cx=\"");
			put_num(b, cx);
			PUTS(b, "\" cy=\"");
			put_num(b, cy);
			PUTS(b, "\" r=\"");
			put_num(b, r);
		} else {
			PUTS(b, "<rect x=\"");
			put_num(b, cx - r);
			PUTS(b, "\" y=\"");
			put_num(b, cy - r);
			PUTS(b, "\" width=\"");
			put_num(b, 2 * r);
			PUTS(b, "\" height=\"");
			put_num(b, 2 * r);
		}
		b->d[b->n++] = '"';
	} else {
		PUTS(b, "<path");
		put_d(b, sc, it);
	}
	if (fill_url) {
		PUTS(b, " fill=\"url(#");
		put_str(b, fill_url);
		PUTS(b, ")\"");
	} else {
		put_paint(b, "fill", fill);
	}
	put_shape_tail(b, &it->style, 0, stroke);
}

static size_t item_need(const ec_scene *sc, const ec_item *it)
{
	size_t need = 1024;
	if (it->kind == EC_ITEM_PATH)
		need += it->u.path.n * 2 * 56;
	else if (it->kind == EC_ITEM_TEXT)
		need += strlen(it->u.text.s) * 6;
	else if (it->kind == EC_ITEM_GROUP_BEGIN)
		need += strlen(it->u.group.id) * 2 + 64 +
		        (it->u.group.title ? strlen(it->u.group.title) * 6 : 0);
	(void)sc;
	return need;
}

static void put_text(sbuf *b, const ec_item *it)
{
	const ec_text_style *ts = &it->u.text.ts;
	PUTS(b, "<text x=\"");
	put_num(b, it->u.text.x);
	PUTS(b, "\" y=\"");
	put_num(b, it->u.text.y);
	PUTS(b, "\" font-size=\"");
	put_num(b, ts->size_pt);
	b->d[b->n++] = '"';
	if (ts->weight == EC_WEIGHT_BOLD)
		PUTS(b, " font-weight=\"bold\"");
	if (ts->anchor == EC_ANCHOR_MIDDLE)
		PUTS(b, " text-anchor=\"middle\"");
	else if (ts->anchor == EC_ANCHOR_END)
		PUTS(b, " text-anchor=\"end\"");
	put_paint(b, "fill", ts->color);
	if (ts->rotation != 0) {
		PUTS(b, " transform=\"rotate(");
		put_num(b, ts->rotation);
		b->d[b->n++] = ' ';
		put_num(b, it->u.text.x);
		b->d[b->n++] = ' ';
		put_num(b, it->u.text.y);
		PUTS(b, ")\"");
	}
	/* Keep runs of spaces as laid out. */
	const char *s = it->u.text.s;
	size_t len = strlen(s);
	if (strstr(s, "  ") || (len && (s[0] == ' ' || s[len - 1] == ' ')))
		PUTS(b, " xml:space=\"preserve\"");
	b->d[b->n++] = '>';
	put_esc(b, s);
	PUTS(b, "</text>\n");
}

ec_err ec_svg_render(const ec_scene *sc, unsigned char **data, size_t *len,
                     ec_error *err)
{
	*data = NULL;
	*len = 0;
	ec_err st = ec_scene_status(sc, err);
	if (st)
		return st;
	size_t n = ec_scene_count(sc);
	sbuf b = {0};
	idset ids = {0};
	pat pats[MAX_PATS];
	int np = 0;
	/* Pass 1: patterns and a size estimate. */
	size_t est = 2048;
	const char *title = ec_scene_title(sc), *desc = ec_scene_desc(sc);
	est += (title ? strlen(title) * 6 : 0) + (desc ? strlen(desc) * 6 : 0);
	for (size_t i = 0; i < n; i++) {
		const ec_item *it = ec_scene_item(sc, i);
		if (it->kind == EC_ITEM_RECT || it->kind == EC_ITEM_PATH ||
		    it->kind == EC_ITEM_MARKER)
			pat_index(pats, &np, &it->style, 1);
		est += it->kind == EC_ITEM_PATH ? 64 + it->u.path.n * 24 : 128;
	}
	reserve(&b, est);
	idset_add(&ids, "title");
	idset_add(&ids, "desc");
	double W = ec_scene_width(sc), H = ec_scene_height(sc);

	reserve(&b, 1024 + (title ? strlen(title) * 6 : 0) +
	                (desc ? strlen(desc) * 6 : 0));
	if (b.failed)
		goto oom;
	PUTS(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	         "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	         "width=\"");
	put_num(&b, W);
	PUTS(&b, "pt\" height=\"");
	put_num(&b, H);
	PUTS(&b, "pt\" viewBox=\"0 0 ");
	put_num(&b, W);
	b.d[b.n++] = ' ';
	put_num(&b, H);
	PUTS(&b, "\" role=\"img\" aria-labelledby=\"title desc\" "
	         "font-family=\"" EC_FONT_FAMILY ", sans-serif\">\n<title "
	         "id=\"title\">");
	put_esc(&b, title ? title : "");
	PUTS(&b, "</title>\n<desc id=\"desc\">");
	put_esc(&b, desc ? desc : "");
	PUTS(&b, "</desc>\n");
	put_defs(&b, pats, np);
	ec_color bg = ec_scene_background(sc);
	reserve(&b, 256);
	if (b.failed)
		goto oom;
	if (bg.a > 0) {
		PUTS(&b, "<rect width=\"100%\" height=\"100%\"");
		put_paint(&b, "fill", bg);
		PUTS(&b, "/>\n");
	}
	int open_groups = 0; /* <g> elements from GROUP_BEGIN and CLIP */
	unsigned clip_no = 0;
	char idbuf[600];
	for (size_t i = 0; i < n; i++) {
		const ec_item *it = ec_scene_item(sc, i);
		if (!reserve(&b, item_need(sc, it)))
			goto oom;
		switch (it->kind) {
		case EC_ITEM_RECT:
		case EC_ITEM_PATH:
		case EC_ITEM_MARKER: {
			const ec_style *s = &it->style;
			int pi = pat_index(pats, &np, s, 0);
			if (pi >= 0) {
				char pid[32];
				snprintf(pid, sizeof pid, "ec-pat-%d", pi);
				if (s->fill.a > 0)
					put_shape(&b, sc, it, NULL, s->fill, 0);
				put_shape(&b, sc, it, pid, s->fill, 1);
			} else {
				put_shape(&b, sc, it, NULL, s->fill, 1);
			}
			break;
		}
		case EC_ITEM_TEXT:
			if (it->u.text.s[0])
				put_text(&b, it);
			break;
		case EC_ITEM_GROUP_BEGIN:
			make_id(&ids, it->u.group.id, idbuf, sizeof idbuf);
			if (!reserve(&b, strlen(idbuf) * 6 + 64))
				goto oom;
			PUTS(&b, "<g id=\"");
			put_esc(&b, idbuf);
			PUTS(&b, "\">");
			if (it->u.group.title) {
				PUTS(&b, "<title>");
				put_esc(&b, it->u.group.title);
				PUTS(&b, "</title>");
			}
			b.d[b.n++] = '\n';
			open_groups++;
			break;
		case EC_ITEM_CLIP_BEGIN:
			clip_no++;
			PUTS(&b, "<clipPath id=\"ec-clip-");
			put_num(&b, clip_no);
			PUTS(&b, "\"><rect x=\"");
			put_num(&b, it->u.rect.x);
			PUTS(&b, "\" y=\"");
			put_num(&b, it->u.rect.y);
			PUTS(&b, "\" width=\"");
			put_num(&b, it->u.rect.w);
			PUTS(&b, "\" height=\"");
			put_num(&b, it->u.rect.h);
			PUTS(&b, "\"/></clipPath>\n<g clip-path=\"url(#ec-clip-");
			put_num(&b, clip_no);
			PUTS(&b, ")\">\n");
			open_groups++;
			break;
		case EC_ITEM_GROUP_END:
		case EC_ITEM_CLIP_END:
			if (open_groups > 0) {
				PUTS(&b, "</g>\n");
				open_groups--;
			}
			break;
		}
	}
	if (!reserve(&b, (size_t)open_groups * 5 + 16))
		goto oom;
	while (open_groups-- > 0)
		PUTS(&b, "</g>\n");
	PUTS(&b, "</svg>\n");
	b.d[b.n] = '\0';
	if (ids.failed)
		goto oom;
	idset_free(&ids);
	*data = (unsigned char *)b.d;
	*len = b.n;
	return EC_OK;
oom:
	free(b.d);
	idset_free(&ids);
	return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
}
