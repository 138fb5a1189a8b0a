/* The scene: a display list in points with builders and readers. */
#include "scene.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define DEG (3.14159265358979323846 / 180.0)

/* Strings live in a chunked arena so item pointers stay valid while the
 * item array grows, and building costs no allocation per item. */
#define ARENA_CHUNK 16384

typedef struct achunk {
	struct achunk *next;
	size_t used, cap;
	char data[];
} achunk;

struct ec_scene {
	double width, height, dpi;
	ec_color background;
	char *title, *desc;
	ec_item *items;
	size_t n_items, cap_items;
	ec_path_op *ops;
	size_t n_ops, cap_ops;
	achunk *arena;
	/* path under construction */
	int in_path;
	int path_has_point;
	size_t path_item;
	/* group and clip depth, for the balance check */
	int depth;
	ec_err status;
	ec_error err;
};

ec_color ec_rgb(uint32_t hex) { return ec_rgba(hex, 1.0); }

ec_color ec_rgba(uint32_t hex, double a)
{
	return (ec_color){((hex >> 16) & 0xFF) / 255.0,
	                  ((hex >> 8) & 0xFF) / 255.0, (hex & 0xFF) / 255.0, a};
}

ec_color ec_color_none(void) { return (ec_color){0, 0, 0, 0}; }

bool ec_color_is_none(ec_color c) { return !(c.a > 0); }

bool ec_boxes_overlap(ec_box a, ec_box b, double pad)
{
	return a.x - pad < b.x + b.w + pad && b.x - pad < a.x + a.w + pad &&
	       a.y - pad < b.y + b.h + pad && b.y - pad < a.y + a.h + pad;
}

static bool box_empty(ec_box a) { return a.w == 0 && a.h == 0 && a.x == 0 && a.y == 0; }

ec_box ec_box_union(ec_box a, ec_box b)
{
	if (box_empty(a))
		return b;
	if (box_empty(b))
		return a;
	double x0 = fmin(a.x, b.x), y0 = fmin(a.y, b.y);
	double x1 = fmax(a.x + a.w, b.x + b.w), y1 = fmax(a.y + a.h, b.y + b.h);
	return (ec_box){x0, y0, x1 - x0, y1 - y0};
}

ec_style ec_style_fill(ec_color c)
{
	ec_style s;
	memset(&s, 0, sizeof s);
	s.fill = c;
	s.join = EC_JOIN_MITER;
	s.cap = EC_CAP_BUTT;
	return s;
}

ec_style ec_style_stroke(ec_color c, double width)
{
	ec_style s;
	memset(&s, 0, sizeof s);
	s.stroke = c;
	s.stroke_width = width;
	s.join = EC_JOIN_ROUND;
	s.cap = EC_CAP_BUTT;
	return s;
}

void ec_style_dash(ec_style *s, const double *lengths, int n)
{
	if (n < 0 || n > EC_DASH_MAX)
		n = 0;
	s->n_dash = n;
	for (int i = 0; i < EC_DASH_MAX; i++)
		s->dash[i] = i < n ? lengths[i] : 0;
}

ec_text_style ec_text_style_make(double size_pt, ec_color c)
{
	ec_text_style t;
	memset(&t, 0, sizeof t);
	t.size_pt = size_pt;
	t.weight = EC_WEIGHT_REGULAR;
	t.color = c;
	t.anchor = EC_ANCHOR_START;
	t.rotation = 0;
	return t;
}

ec_scene *ec_scene_new(double width_pt, double height_pt, double dpi)
{
	if (!(width_pt >= 1 && width_pt <= 100000) ||
	    !(height_pt >= 1 && height_pt <= 100000) ||
	    !(dpi >= 18 && dpi <= 2400))
		return NULL;
	ec_scene *sc = calloc(1, sizeof *sc);
	if (!sc)
		return NULL;
	sc->width = width_pt;
	sc->height = height_pt;
	sc->dpi = dpi;
	sc->background = (ec_color){1, 1, 1, 1};
	sc->items = malloc(256 * sizeof *sc->items);
	sc->ops = malloc(512 * sizeof *sc->ops);
	if (!sc->items || !sc->ops) {
		free(sc->items);
		free(sc->ops);
		free(sc);
		return NULL;
	}
	sc->cap_items = 256;
	sc->cap_ops = 512;
	return sc;
}

void ec_scene_free(ec_scene *sc)
{
	if (!sc)
		return;
	achunk *c = sc->arena;
	while (c) {
		achunk *nx = c->next;
		free(c);
		c = nx;
	}
	free(sc->items);
	free(sc->ops);
	free(sc->title);
	free(sc->desc);
	free(sc);
}

double ec_scene_width(const ec_scene *sc) { return sc->width; }
double ec_scene_height(const ec_scene *sc) { return sc->height; }
double ec_scene_dpi(const ec_scene *sc) { return sc->dpi; }

int ec_scene_width_px(const ec_scene *sc)
{
	long v = lround(sc->width * sc->dpi / 72.0);
	return v < 1 ? 1 : (int)v;
}

int ec_scene_height_px(const ec_scene *sc)
{
	long v = lround(sc->height * sc->dpi / 72.0);
	return v < 1 ? 1 : (int)v;
}

void ec_scene_set_background(ec_scene *sc, ec_color c) { sc->background = c; }
ec_color ec_scene_background(const ec_scene *sc) { return sc->background; }

static void fail(ec_scene *sc, ec_err code, const char *msg)
{
	if (sc->status)
		return;
	sc->status = code;
	ec_error_set(&sc->err, code, NULL, 0, 0, "%s", msg);
}

static char *clean_dup(const char *s)
{
	return s ? ec_text_clean(s) : NULL;
}

void ec_scene_set_title(ec_scene *sc, const char *title)
{
	char *c = clean_dup(title);
	if (title && !c) {
		fail(sc, EC_ENOMEM, "out of memory");
		return;
	}
	free(sc->title);
	sc->title = c;
}

void ec_scene_set_desc(ec_scene *sc, const char *desc)
{
	char *c = clean_dup(desc);
	if (desc && !c) {
		fail(sc, EC_ENOMEM, "out of memory");
		return;
	}
	free(sc->desc);
	sc->desc = c;
}

const char *ec_scene_title(const ec_scene *sc) { return sc->title; }
const char *ec_scene_desc(const ec_scene *sc) { return sc->desc; }

ec_err ec_scene_status(const ec_scene *sc, ec_error *err)
{
	if (sc->status && err)
		*err = sc->err;
	return sc->status;
}

/* n bytes of arena memory, NULL (and the scene failed) when out of
 * memory. */
static char *arena_alloc(ec_scene *sc, size_t n)
{
	achunk *c = sc->arena;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
		achunk *nc = malloc(sizeof *nc + cap);
		if (!nc) {
			fail(sc, EC_ENOMEM, "out of memory");
			return NULL;
		}
		nc->used = 0;
		nc->cap = cap;
		/* A big one-off block goes behind the current chunk so the
		 * current chunk keeps filling. */
		if (c && n > ARENA_CHUNK) {
			nc->next = c->next;
			c->next = nc;
		} else {
			nc->next = c;
			sc->arena = nc;
		}
		c = nc;
	}
	char *p = c->data + c->used;
	c->used += n;
	return p;
}

static char *arena_strdup(ec_scene *sc, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = arena_alloc(sc, n);
	if (p)
		memcpy(p, s, n);
	return p;
}

static ec_item *item_add(ec_scene *sc, ec_item_kind kind)
{
	if (sc->status)
		return NULL;
	if (sc->n_items == sc->cap_items) {
		size_t nc = sc->cap_items * 2;
		ec_item *ni = nc > sc->cap_items && nc < SIZE_MAX / sizeof *ni
		                  ? realloc(sc->items, nc * sizeof *ni)
		                  : NULL;
		if (!ni) {
			fail(sc, EC_ENOMEM, "out of memory");
			return NULL;
		}
		sc->items = ni;
		sc->cap_items = nc;
	}
	ec_item *it = &sc->items[sc->n_items++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	return it;
}

static bool op_add(ec_scene *sc, ec_path_op_kind op, double x, double y)
{
	if (sc->status)
		return false;
	if (sc->n_ops == sc->cap_ops) {
		size_t nc = sc->cap_ops * 2;
		ec_path_op *no = nc < SIZE_MAX / sizeof *no
		                     ? realloc(sc->ops, nc * sizeof *no)
		                     : NULL;
		if (!no) {
			fail(sc, EC_ENOMEM, "out of memory");
			return false;
		}
		sc->ops = no;
		sc->cap_ops = nc;
	}
	sc->ops[sc->n_ops++] = (ec_path_op){op, x, y};
	return true;
}

static bool finite4(double a, double b, double c, double d)
{
	return isfinite(a) && isfinite(b) && isfinite(c) && isfinite(d);
}

void ec_scene_rect(ec_scene *sc, double x, double y, double w, double h,
                   const ec_style *st)
{
	if (!finite4(x, y, w, h))
		return;
	if (w < 0) {
		x += w;
		w = -w;
	}
	if (h < 0) {
		y += h;
		h = -h;
	}
	ec_item *it = item_add(sc, EC_ITEM_RECT);
	if (!it)
		return;
	it->style = *st;
	it->u.rect.x = x;
	it->u.rect.y = y;
	it->u.rect.w = w;
	it->u.rect.h = h;
	it->bbox = (ec_box){x, y, w, h};
}

void ec_scene_path_begin(ec_scene *sc, const ec_style *st)
{
	if (sc->in_path)
		ec_scene_path_end(sc);
	ec_item *it = item_add(sc, EC_ITEM_PATH);
	if (!it)
		return;
	it->style = *st;
	it->u.path.first = sc->n_ops;
	it->u.path.n = 0;
	sc->in_path = 1;
	sc->path_has_point = 0;
	sc->path_item = sc->n_items - 1;
}

static void path_op(ec_scene *sc, ec_path_op_kind op, double x, double y)
{
	if (!sc->in_path || sc->status)
		return;
	if (op != EC_PATH_CLOSE && !(isfinite(x) && isfinite(y)))
		return;
	if (op == EC_PATH_LINE && !sc->path_has_point)
		op = EC_PATH_MOVE;
	if (op == EC_PATH_CLOSE && !sc->path_has_point)
		return;
	if (!op_add(sc, op, x, y))
		return;
	sc->path_has_point = op != EC_PATH_CLOSE;
	ec_item *it = &sc->items[sc->path_item];
	it->u.path.n++;
}

void ec_scene_path_move(ec_scene *sc, double x, double y)
{
	path_op(sc, EC_PATH_MOVE, x, y);
}

void ec_scene_path_line(ec_scene *sc, double x, double y)
{
	path_op(sc, EC_PATH_LINE, x, y);
}

void ec_scene_path_close(ec_scene *sc) { path_op(sc, EC_PATH_CLOSE, 0, 0); }

void ec_scene_path_end(ec_scene *sc)
{
	if (!sc->in_path)
		return;
	sc->in_path = 0;
	if (sc->status)
		return;
	ec_item *it = &sc->items[sc->path_item];
	const ec_path_op *o = sc->ops + it->u.path.first;
	size_t n = it->u.path.n;
	/* Drop trailing lone MOVEs; drop the path if nothing draws. */
	while (n > 0 && o[n - 1].op == EC_PATH_MOVE)
		n--;
	bool draws = false;
	double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		if (o[i].op == EC_PATH_LINE || o[i].op == EC_PATH_CLOSE)
			draws = true;
		if (o[i].op == EC_PATH_CLOSE)
			continue;
		x0 = fmin(x0, o[i].x);
		y0 = fmin(y0, o[i].y);
		x1 = fmax(x1, o[i].x);
		y1 = fmax(y1, o[i].y);
	}
	if (!draws) {
		sc->n_ops = it->u.path.first;
		sc->n_items--;
		return;
	}
	sc->n_ops = it->u.path.first + n;
	it->u.path.n = n;
	it->bbox = (ec_box){x0, y0, x1 - x0, y1 - y0};
}

void ec_scene_polyline(ec_scene *sc, const double *xs, const double *ys,
                       size_t n, const ec_style *st)
{
	ec_scene_path_begin(sc, st);
	bool pen = false;
	for (size_t i = 0; i < n; i++) {
		if (!(isfinite(xs[i]) && isfinite(ys[i]))) {
			pen = false;
			continue;
		}
		if (pen)
			ec_scene_path_line(sc, xs[i], ys[i]);
		else
			ec_scene_path_move(sc, xs[i], ys[i]);
		pen = true;
	}
	ec_scene_path_end(sc);
}

void ec_scene_polygon(ec_scene *sc, const double *xs, const double *ys,
                      size_t n, const ec_style *st)
{
	if (n < 3)
		return;
	ec_scene_path_begin(sc, st);
	for (size_t i = 0; i < n; i++)
		ec_scene_path_line(sc, xs[i], ys[i]);
	ec_scene_path_close(sc);
	ec_scene_path_end(sc);
}

void ec_scene_marker(ec_scene *sc, ec_marker_shape shape, double cx,
                     double cy, double r, const ec_style *st)
{
	if (!(isfinite(cx) && isfinite(cy) && isfinite(r)) || r <= 0)
		return;
	ec_item *it = item_add(sc, EC_ITEM_MARKER);
	if (!it)
		return;
	it->style = *st;
	it->u.marker.shape = shape;
	it->u.marker.cx = cx;
	it->u.marker.cy = cy;
	it->u.marker.r = r;
	it->bbox = (ec_box){cx - r, cy - r, 2 * r, 2 * r};
}

void ec_scene_circle(ec_scene *sc, double cx, double cy, double r,
                     const ec_style *st)
{
	ec_scene_marker(sc, EC_MARKER_CIRCLE, cx, cy, r, st);
}

/* Bounding box of the local box (lx, ly, lw, lh) rotated by deg about the
 * origin and moved to (x, y). */
static ec_box rotated_box(double x, double y, double lx, double ly,
                          double lw, double lh, double deg)
{
	if (deg == 0)
		return (ec_box){x + lx, y + ly, lw, lh};
	double c = cos(deg * DEG), s = sin(deg * DEG);
	/* Exact for the right angles, so boxes stay clean. */
	if (fmod(deg, 90.0) == 0) {
		c = round(c);
		s = round(s);
	}
	double px[4] = {lx, lx + lw, lx + lw, lx};
	double py[4] = {ly, ly, ly + lh, ly + lh};
	double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
	for (int i = 0; i < 4; i++) {
		double rx = px[i] * c - py[i] * s, ry = px[i] * s + py[i] * c;
		x0 = fmin(x0, rx);
		y0 = fmin(y0, ry);
		x1 = fmax(x1, rx);
		y1 = fmax(y1, ry);
	}
	return (ec_box){x + x0, y + y0, x1 - x0, y1 - y0};
}

ec_err ec_scene_text(ec_scene *sc, const char *utf8, double x, double y,
                     const ec_text_style *ts, ec_box *box,
                     ec_text_metrics *m)
{
	if (box)
		*box = (ec_box){x, y, 0, 0};
	if (m)
		memset(m, 0, sizeof *m);
	if (sc->status)
		return sc->status;
	if (!(isfinite(x) && isfinite(y) && isfinite(ts->rotation))) {
		fail(sc, EC_EINVAL, "text position is not finite");
		return sc->status;
	}
	const char *src = utf8 ? utf8 : "";
	size_t n = strlen(src);
	if (n > (SIZE_MAX - 1) / 3) {
		fail(sc, EC_ELIMIT, "text too long");
		return sc->status;
	}
	char *s = arena_alloc(sc, 3 * n + 1);
	if (!s)
		return sc->status;
	ec_text_clean_into(src, s);
	ec_text_metrics tm;
	ec_error e;
	ec_error_clear(&e);
	ec_err rc = ec_text_measure(s, ts->size_pt, ts->weight, &tm, &e);
	if (rc) {
		fail(sc, rc, e.msg);
		return rc;
	}
	ec_item *it = item_add(sc, EC_ITEM_TEXT);
	if (!it)
		return sc->status;
	it->u.text.s = s;
	it->u.text.x = x;
	it->u.text.y = y;
	it->u.text.ts = *ts;
	it->u.text.m = tm;
	double off = 0;
	if (ts->anchor == EC_ANCHOR_MIDDLE)
		off = tm.width / 2;
	else if (ts->anchor == EC_ANCHOR_END)
		off = tm.width;
	it->bbox = rotated_box(x, y, -off, -tm.ascent, tm.width, tm.height,
	                       ts->rotation);
	if (tm.ink.w > 0)
		it->u.text.ink = rotated_box(x, y, tm.ink.x - off, tm.ink.y,
		                             tm.ink.w, tm.ink.h, ts->rotation);
	if (box)
		*box = it->bbox;
	if (m)
		*m = tm;
	return EC_OK;
}

void ec_scene_group_begin(ec_scene *sc, const char *id, const char *title)
{
	ec_item *it = item_add(sc, EC_ITEM_GROUP_BEGIN);
	if (!it)
		return;
	size_t idx = sc->n_items - 1;
	const char *gid = arena_strdup(sc, id && *id ? id : "g");
	const char *gt = NULL;
	if (title) {
		size_t n = strlen(title);
		char *t = n < (SIZE_MAX - 1) / 3 ? arena_alloc(sc, 3 * n + 1)
		                                 : NULL;
		if (t)
			ec_text_clean_into(title, t);
		gt = t;
	}
	if (sc->status)
		return;
	/* item pointer is still valid: arena allocations do not move items */
	sc->items[idx].u.group.id = gid;
	sc->items[idx].u.group.title = gt;
	sc->depth++;
}

void ec_scene_group_end(ec_scene *sc)
{
	if (sc->in_path)
		ec_scene_path_end(sc);
	item_add(sc, EC_ITEM_GROUP_END);
}

void ec_scene_clip_begin(ec_scene *sc, double x, double y, double w,
                         double h)
{
	if (!finite4(x, y, w, h))
		w = h = 0;
	ec_item *it = item_add(sc, EC_ITEM_CLIP_BEGIN);
	if (!it)
		return;
	it->u.rect.x = x;
	it->u.rect.y = y;
	it->u.rect.w = w;
	it->u.rect.h = h;
	it->bbox = (ec_box){x, y, w, h};
}

void ec_scene_clip_end(ec_scene *sc) { item_add(sc, EC_ITEM_CLIP_END); }

size_t ec_scene_count(const ec_scene *sc) { return sc->n_items; }

const ec_item *ec_scene_item(const ec_scene *sc, size_t i)
{
	return i < sc->n_items ? &sc->items[i] : NULL;
}

const ec_path_op *ec_scene_path_ops(const ec_scene *sc, const ec_item *it,
                                    size_t *n)
{
	*n = it->u.path.n;
	return sc->ops + it->u.path.first;
}

size_t ec_scene_find_group(const ec_scene *sc, const char *id)
{
	for (size_t i = 0; i < sc->n_items; i++)
		if (sc->items[i].kind == EC_ITEM_GROUP_BEGIN &&
		    strcmp(sc->items[i].u.group.id, id) == 0)
			return i;
	return (size_t)-1;
}

size_t ec_scene_group_end_index(const ec_scene *sc, size_t i)
{
	int depth = 0;
	for (size_t k = i; k < sc->n_items; k++) {
		if (sc->items[k].kind == EC_ITEM_GROUP_BEGIN)
			depth++;
		else if (sc->items[k].kind == EC_ITEM_GROUP_END && --depth == 0)
			return k + 1;
	}
	return sc->n_items;
}

ec_box ec_scene_group_bbox(const ec_scene *sc, size_t i)
{
	ec_box b = {0, 0, 0, 0};
	size_t end = ec_scene_group_end_index(sc, i);
	for (size_t k = i + 1; k < end; k++) {
		ec_item_kind kd = sc->items[k].kind;
		if (kd == EC_ITEM_RECT || kd == EC_ITEM_PATH ||
		    kd == EC_ITEM_MARKER || kd == EC_ITEM_TEXT)
			b = ec_box_union(b, sc->items[k].bbox);
	}
	return b;
}

ec_box ec_scene_item_bbox(const ec_scene *sc, size_t i)
{
	return i < sc->n_items ? sc->items[i].bbox : (ec_box){0, 0, 0, 0};
}

ec_box ec_scene_text_box(const ec_item *it) { return it->bbox; }

size_t ec_scene_text_overlaps(const ec_scene *sc, double pad,
                              size_t *first_a, size_t *first_b)
{
	size_t count = 0;
	for (size_t i = 0; i < sc->n_items; i++) {
		const ec_item *a = &sc->items[i];
		if (a->kind != EC_ITEM_TEXT || !a->u.text.s[0])
			continue;
		for (size_t j = i + 1; j < sc->n_items; j++) {
			const ec_item *b = &sc->items[j];
			if (b->kind != EC_ITEM_TEXT || !b->u.text.s[0])
				continue;
			if (ec_boxes_overlap(a->bbox, b->bbox, pad)) {
				if (count == 0) {
					if (first_a)
						*first_a = i;
					if (first_b)
						*first_b = j;
				}
				count++;
			}
		}
	}
	return count;
}
