/* Charts: what every chart type shares, and ec_chart_build. */
#include "charts.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/analyze.h"
#include "text.h"

/* ---- small helpers ---- */

void ch_fail(ch_ctx *c, ec_err e)
{
	if (e != EC_OK && c->fail == EC_OK) {
		c->fail = e;
		if (c->err && c->err->code == EC_OK)
			ec_error_set(c->err, e, NULL, 0, 0, "%s while drawing",
			             ec_strerror(e));
	}
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

int ch_role(const ec_obs *o)
{
	const char *r = nz(o->source_role);
	if (strcmp(r, EC_ROLE_DERIVED) == 0)
		return 1;
	if (strcmp(r, EC_ROLE_ANALYST) == 0)
		return 2;
	return 0;
}

const char *ch_metric_title(const char *m)
{
	static const struct {
		const char *k, *v;
	} names[] = {
	    {"revenue", "Revenue"},
	    {"gross_profit", "Gross profit"},
	    {"gross_margin", "Gross margin"},
	    {"operating_income", "Operating income"},
	    {"operating_margin", "Operating margin"},
	    {"operating_expenses", "Operating expenses"},
	    {"net_income", "Net income"},
	    {"eps_diluted", "Diluted EPS"},
	    {"backlog", "Backlog"},
	    {"deferred_revenue", "Deferred revenue"},
	    {"cash_investments", "Cash and investments"},
	    {"operating_cash_flow", "Operating cash flow"},
	    {"capex", "Capital expenditure"},
	    {"dso", "Days sales outstanding"},
	    {"headcount", "Headcount"},
	    {"tax_rate", "Tax rate"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(m, names[i].k) == 0)
			return names[i].v;
	return m;
}

const char *ch_basis_title(ec_basis b)
{
	switch (b) {
	case EC_BASIS_GAAP:
		return "GAAP";
	case EC_BASIS_NON_GAAP:
		return "non-GAAP";
	default:
		return "";
	}
}

const char *ch_unit_title(ec_unit u)
{
	switch (u) {
	case EC_UNIT_USD_M:
		return "US$ millions";
	case EC_UNIT_USD:
		return "US$ per diluted share";
	case EC_UNIT_PCT:
		return "percent of revenue";
	case EC_UNIT_DAYS:
		return "days";
	default:
		return "count";
	}
}

/* Appends printf text to buf (NUL-terminated, n bytes) without overflow. */
static void cat(char *buf, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void cat(char *buf, size_t n, const char *fmt, ...)
{
	size_t len = strlen(buf);
	if (len + 1 >= n)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + len, n - len, fmt, ap);
	va_end(ap);
}

void ch_tooltip(const ec_obs *o, const char *what, double value, char *buf,
                size_t n)
{
	char per[EC_PERIOD_STRLEN], v[48];
	ec_period_format(o->period, per);
	ec_format_value(ec_numfmt_kind_for_unit(o->unit), value, v, sizeof v);
	snprintf(buf, n, "%s %s: %s", per, what, v);
	int role = ch_role(o);
	if (role == 1)
		cat(buf, n, " (derived)");
	else if (role == 2)
		cat(buf, n, " (analyst)");
	const char *q = nz(o->quote);
	if (o->doc && *o->doc) {
		cat(buf, n, " \xe2\x80\x94 %s", o->doc);
		if (o->line > 0)
			cat(buf, n, ":%ld", o->line);
	}
	if (*q) {
		/* Long quotes are cut at a character boundary: a tooltip is a
		 * reminder, the CSV holds the whole evidence. */
		char qb[240];
		size_t len = strlen(q);
		if (len < sizeof qb - 4) {
			snprintf(qb, sizeof qb, "%s", q);
		} else {
			size_t k = sizeof qb - 4;
			while (k > 0 && ((unsigned char)q[k] & 0xC0) == 0x80)
				k--;
			memcpy(qb, q, k);
			memcpy(qb + k, "\xe2\x80\xa6", 4);
		}
		cat(buf, n, " \xe2\x80\x9c%s\xe2\x80\x9d", qb);
	}
}

/* ---- rows ---- */

void ch_rows_free(ch_rows *r)
{
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

/* Whether row o belongs to the chosen company. */
static bool company_ok(const ch_ctx *c, const ec_obs *o)
{
	const char *co = nz(o->company);
	if (strcmp(co, c->company) == 0)
		return true;
	return !*co && c->blank_company_ok;
}

static bool in_range(const ch_ctx *c, ec_period p)
{
	if (!ec_period_is_quarter(p))
		return false;
	if (c->o->has_from && ec_period_cmp(p, c->o->from) < 0)
		return false;
	if (c->o->has_to && ec_period_cmp(p, c->o->to) > 0)
		return false;
	return true;
}

/* Rank of a row for "one row per quarter": lower wins. */
static int rank(const ec_obs *o)
{
	int r = ch_role(o);
	/* company 0, derived 1, analyst 2 */
	return r;
}

ec_err ch_select(ch_ctx *c, const char *metric, const char *segment,
                 int basis, ec_kind kind, ch_rows *out)
{
	out->v = NULL;
	out->n = 0;
	ec_select sel = ec_select_all();
	sel.metric = metric;
	sel.segment = segment;
	sel.basis = basis;
	sel.kind = (int)kind;
	const ec_obs **all = NULL;
	size_t n = 0;
	ec_err rc = ec_series_select(c->s, &sel, &all, &n);
	if (rc) {
		ch_fail(c, rc);
		return rc;
	}
	const ec_obs **v = n ? malloc(n * sizeof *v) : NULL;
	if (n && !v) {
		free(all);
		ch_fail(c, EC_ENOMEM);
		return EC_ENOMEM;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const ec_obs *o = all[i];
		if (!company_ok(c, o) || !in_range(c, o->period))
			continue;
		if (kind == EC_KIND_ACTUAL && !isfinite(o->value))
			continue;
		if (kind == EC_KIND_GUIDANCE && !isfinite(o->low) &&
		    !isfinite(o->high) && !isfinite(o->value))
			continue;
		if (k > 0 && ec_period_equal(v[k - 1]->period, o->period)) {
			/* Select orders by period, then company, basis and
			 * issued: for guidance the later issue wins; for
			 * actuals the better-ranked source. */
			if (kind == EC_KIND_GUIDANCE || rank(o) < rank(v[k - 1]))
				v[k - 1] = o;
			continue;
		}
		v[k++] = o;
	}
	free(all);
	if (k == 0) {
		free(v);
		v = NULL;
	}
	out->v = v;
	out->n = k;
	return EC_OK;
}

size_t ch_count(ch_ctx *c, const char *metric, const char *segment,
                int basis, int kind)
{
	size_t cnt = 0, n = ec_series_count(c->s);
	for (size_t i = 0; i < n; i++) {
		const ec_obs *o = ec_series_get(c->s, i);
		if (!company_ok(c, o) || !in_range(c, o->period))
			continue;
		if (metric && strcmp(nz(o->metric), metric) != 0)
			continue;
		if (segment && strcmp(nz(o->segment), segment) != 0)
			continue;
		if (basis >= 0 && (int)o->basis != basis)
			continue;
		if (kind >= 0 && (int)o->kind != kind)
			continue;
		cnt++;
	}
	return cnt;
}

int ch_pick_basis(ch_ctx *c, const char *metric, const char *segment,
                  int kind, ec_basis preferred)
{
	if (c->o->basis >= 0 && c->o->basis <= 2)
		return c->o->basis;
	if (ch_count(c, metric, segment, (int)preferred, kind))
		return (int)preferred;
	int best = (int)preferred;
	size_t bn = 0;
	for (int b = 0; b < 3; b++) {
		size_t n = ch_count(c, metric, segment, b, kind);
		if (n > bn) {
			bn = n;
			best = b;
		}
	}
	return best;
}

const char *ch_pick_segment(ch_ctx *c, const char *metric, int kind)
{
	if (c->o->segment && *c->o->segment)
		return c->o->segment;
	if (ch_count(c, metric, "total", -1, kind))
		return "total";
	const char **segs = NULL;
	size_t ns = 0;
	if (ec_series_distinct(c->s, "segment", &segs, &ns)) {
		ch_fail(c, EC_ENOMEM);
		return "total";
	}
	const char *best = "total";
	size_t bn = 0;
	for (size_t i = 0; i < ns; i++) {
		size_t n = ch_count(c, metric, segs[i], -1, kind);
		if (n > bn) {
			bn = n;
			best = segs[i];
		}
	}
	free(segs);
	return best;
}

/* ---- sources ---- */

static bool strset_add(ch_ctx *c, char ***v, size_t *n, size_t *cap,
                       const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return true;
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		char **nv = realloc(*v, nc * sizeof *nv);
		if (!nv) {
			ch_fail(c, EC_ENOMEM);
			return false;
		}
		*v = nv;
		*cap = nc;
	}
	char *d = strdup(s);
	if (!d) {
		ch_fail(c, EC_ENOMEM);
		return false;
	}
	(*v)[(*n)++] = d;
	return true;
}

void ch_note_source(ch_ctx *c, const ec_obs *o)
{
	if (o->doc && *o->doc) {
		strset_add(c, &c->docs, &c->n_docs, &c->cap_docs, o->doc);
		return;
	}
	if (c->source_col >= 0 && o->cells &&
	    (size_t)c->source_col < o->n_cells && o->cells[c->source_col] &&
	    *o->cells[c->source_col]) {
		strset_add(c, &c->srcs, &c->n_srcs, &c->cap_srcs,
		           o->cells[c->source_col]);
		return;
	}
	if (ch_role(o) != 1)
		c->n_nodoc++;
}

void ch_add_note(ch_ctx *c, const char *text)
{
	if (strstr(c->notes, text))
		return;
	if (c->notes[0])
		cat(c->notes, sizeof c->notes, " ");
	cat(c->notes, sizeof c->notes, "%s", text);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void ch_footnote_text(ch_ctx *c, char *buf, size_t n)
{
	buf[0] = '\0';
	if (c->o->footnote) {
		snprintf(buf, n, "%s", c->o->footnote);
		return;
	}
	if (c->n_docs)
		qsort(c->docs, c->n_docs, sizeof *c->docs, cmp_str);
	const char *who = *c->company ? c->company : "";
	bool any = c->n_docs || c->n_srcs || c->n_nodoc;
	if (any)
		cat(buf, n, "Source%s: ", c->n_docs + (c->n_srcs > 0) > 1 ? "s" : "");
	for (size_t i = 0; i < c->n_docs; i++)
		cat(buf, n, "%s%s", i ? ", " : "", c->docs[i]);
	if (c->n_srcs) {
		cat(buf, n, "%s%s%sreference data (%zu public source%s cited "
		            "row by row)",
		    c->n_docs ? "; " : "", who, *who ? " " : "", c->n_srcs,
		    c->n_srcs == 1 ? "" : "s");
	} else if (c->n_nodoc) {
		cat(buf, n, "%s%s%sreference data", c->n_docs ? "; " : "", who,
		    *who ? " " : "");
	}
	if (any)
		cat(buf, n, ".");
	if (c->notes[0])
		cat(buf, n, "%s%s", any ? " " : "", c->notes);
}

/* ---- occupancy ---- */

void ch_occ_box(ch_ctx *c, ec_box b)
{
	ch_occ *o = &c->occ;
	if (o->n_box == o->cap_box) {
		size_t nc = o->cap_box ? o->cap_box * 2 : 64;
		ec_box *nb = realloc(o->box, nc * sizeof *nb);
		if (!nb) {
			o->failed = 1;
			ch_fail(c, EC_ENOMEM);
			return;
		}
		o->box = nb;
		o->cap_box = nc;
	}
	o->box[o->n_box++] = b;
}

void ch_occ_seg(ch_ctx *c, double x0, double y0, double x1, double y1)
{
	if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
		return;
	ch_occ *o = &c->occ;
	if (o->n_seg == o->cap_seg) {
		size_t nc = o->cap_seg ? o->cap_seg * 2 : 64;
		ch_seg *ns = realloc(o->seg, nc * sizeof *ns);
		if (!ns) {
			o->failed = 1;
			ch_fail(c, EC_ENOMEM);
			return;
		}
		o->seg = ns;
		o->cap_seg = nc;
	}
	o->seg[o->n_seg++] = (ch_seg){x0, y0, x1, y1};
}

/* Liang-Barsky: does the segment cross the box? */
static bool seg_hits_box(ch_seg s, ec_box b)
{
	double t0 = 0, t1 = 1, dx = s.x1 - s.x0, dy = s.y1 - s.y0;
	double p[4] = {-dx, dx, -dy, dy};
	double q[4] = {s.x0 - b.x, b.x + b.w - s.x0, s.y0 - b.y,
	               b.y + b.h - s.y0};
	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return false;
			continue;
		}
		double t = q[i] / p[i];
		if (p[i] < 0) {
			if (t > t1)
				return false;
			if (t > t0)
				t0 = t;
		} else {
			if (t < t0)
				return false;
			if (t < t1)
				t1 = t;
		}
	}
	return true;
}

bool ch_occ_free(const ch_ctx *c, ec_box b, double pad)
{
	for (size_t i = 0; i < c->occ.n_box; i++)
		if (ec_boxes_overlap(b, c->occ.box[i], pad))
			return false;
	ec_box g = {b.x - pad, b.y - pad, b.w + 2 * pad, b.h + 2 * pad};
	for (size_t i = 0; i < c->occ.n_seg; i++)
		if (seg_hits_box(c->occ.seg[i], g))
			return false;
	return true;
}

ec_text_metrics ch_measure(ch_ctx *c, const char *text, double size_pt,
                           ec_weight w)
{
	ec_text_metrics m;
	memset(&m, 0, sizeof m);
	ec_error e;
	ec_err rc = ec_text_measure(text, size_pt, w, &m, &e);
	if (rc) {
		if (c->fail == EC_OK && c->err)
			*c->err = e;
		ch_fail(c, rc);
		memset(&m, 0, sizeof m);
	}
	return m;
}

void ch_text(ch_ctx *c, const char *text, double x, double y,
             const ec_text_style *ts, ec_box *box)
{
	ec_box b = {0, 0, 0, 0};
	ec_err rc = ec_scene_text(c->sc, text, x, y, ts, &b, NULL);
	if (rc) {
		if (c->fail == EC_OK && c->err)
			ec_scene_status(c->sc, c->err);
		ch_fail(c, rc);
	}
	if (*text)
		ch_occ_box(c, b);
	if (box)
		*box = b;
}

/* The logical box text would take at (x, y) with anchor a. */
static ec_box text_box_at(const ec_text_metrics *m, double x, double y,
                          ec_anchor a)
{
	double x0 = x;
	if (a == EC_ANCHOR_MIDDLE)
		x0 = x - m->width / 2;
	else if (a == EC_ANCHOR_END)
		x0 = x - m->width;
	return (ec_box){x0, y - m->ascent, m->width, m->height};
}

static bool inside(ec_box in, ec_box b)
{
	const double e = 0.01;
	return b.x >= in.x - e && b.y >= in.y - e &&
	       b.x + b.w <= in.x + in.w + e && b.y + b.h <= in.y + in.h + e;
}

bool ch_place_label(ch_ctx *c, const char *text, const ec_text_style *ts,
                    const ch_cand *cands, size_t n, ec_box bounds,
                    ec_box *placed)
{
	ec_text_metrics m = ch_measure(c, text, ts->size_pt, ts->weight);
	if (c->fail)
		return false;
	/* Keep a small clear margin so labels read as separate (the pad
	 * grows both boxes: 0.15 em apart). */
	double pad = ts->size_pt * 0.075;
	for (size_t i = 0; i < n; i++) {
		ec_box b = text_box_at(&m, cands[i].x, cands[i].y,
		                       cands[i].anchor);
		if (!inside(bounds, b) || !ch_occ_free(c, b, pad))
			continue;
		ec_text_style t = *ts;
		t.anchor = cands[i].anchor;
		ec_box got;
		ch_text(c, text, cands[i].x, cands[i].y, &t, &got);
		if (placed)
			*placed = got;
		return true;
	}
	return false;
}

void ch_group(ch_ctx *c, const char *id, const char *title)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s%s", c->id_prefix, id);
	ec_scene_group_begin(c->sc, buf, title);
}

static double luminance(ec_color c)
{
	double v[3] = {c.r, c.g, c.b};
	for (int i = 0; i < 3; i++)
		v[i] = v[i] <= 0.03928 ? v[i] / 12.92
		                       : pow((v[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

ec_color ch_label_color(const ch_ctx *c, ec_color col)
{
	ec_color bg = c->th.plot_bg.a > 0 ? c->th.plot_bg : c->th.background;
	double a = luminance(col), b = luminance(bg);
	double ratio = (fmax(a, b) + 0.05) / (fmin(a, b) + 0.05);
	return ratio >= 3.0 ? col : c->th.text;
}

ec_style ch_hollow(const ch_ctx *c, int i, bool dotted)
{
	const ec_series_style *ss = ec_theme_series(&c->th, i);
	ec_style st = ec_style_stroke(ss->color, c->th.line_pt * 0.9);
	st.fill = c->th.plot_bg.a > 0 ? c->th.plot_bg : c->th.background;
	if (dotted) {
		double d[2] = {1.2, 1.2};
		ec_style_dash(&st, d, 2);
	}
	return st;
}

void ch_no_data(ch_ctx *c, ec_box box, const char *text)
{
	ch_group(c, "no-data", NULL);
	ec_style fr = ec_style_stroke(c->th.grid, c->th.grid_pt);
	double d[2] = {3, 3};
	ec_style_dash(&fr, d, 2);
	ec_scene_rect(c->sc, box.x, box.y, box.w, box.h, &fr);
	ec_text_style ts = ec_text_style_make(c->th.label_pt * 1.1,
	                                      c->th.text_muted);
	ts.anchor = EC_ANCHOR_MIDDLE;
	ec_text_metrics m = ch_measure(c, text, ts.size_pt, ts.weight);
	char *fit = NULL;
	if (m.width > box.w - 8)
		fit = ec_text_ellipsize(text, ts.size_pt, ts.weight,
		                        box.w > 16 ? box.w - 8 : 8);
	ch_text(c, fit ? fit : text, box.x + box.w / 2,
	        box.y + box.h / 2 + (m.ascent - m.descent) / 2, &ts, NULL);
	free(fit);
	ec_scene_group_end(c->sc);
}

/* ---- frame: title, subtitle, legend, caption, footnote ---- */

void ch_legend_add(ch_frame *f, ch_swatch kind, const ec_style *st,
                   const ec_style *st2, bool has_marker,
                   ec_marker_shape shape, const char *label)
{
	if (f->n_legend >= CH_LEGEND_MAX)
		return;
	ch_legend_item *it = &f->legend[f->n_legend++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->style = *st;
	if (st2)
		it->style2 = *st2;
	it->has_marker = has_marker;
	it->shape = shape;
	snprintf(it->label, sizeof it->label, "%s", label);
}

/* Wrapped lines of text (at most max_lines) drawn from y (top) down;
 * returns the height used.  When draw is false only measures. */
static double text_block(ch_ctx *c, const char *text, double x, double y,
                         double w, size_t max_lines, const ec_text_style *ts,
                         bool draw, const char *id)
{
	if (!text || !*text)
		return 0;
	char **lines = NULL;
	size_t n = 0;
	ec_error e;
	ec_err rc = ec_text_wrap(text, ts->size_pt, ts->weight, w, max_lines,
	                         &lines, &n, &e);
	if (rc) {
		if (c->fail == EC_OK && c->err)
			*c->err = e;
		ch_fail(c, rc);
		return 0;
	}
	ec_text_metrics m = ch_measure(c, "Ag", ts->size_pt, ts->weight);
	double lh = m.height * 1.15;
	if (draw) {
		ch_group(c, id, NULL);
		for (size_t i = 0; i < n; i++)
			ch_text(c, lines[i], x, y + m.ascent + (double)i * lh, ts,
			        NULL);
		ec_scene_group_end(c->sc);
	}
	ec_text_lines_free(lines, n);
	return n ? (double)(n - 1) * lh + m.height : 0;
}

/* Swatch of one legend item in the box (x, y, sw, h). */
static void draw_swatch(ch_ctx *c, const ch_legend_item *it, double x,
                        double cy, double sw, double h)
{
	ec_scene *sc = c->sc;
	switch (it->kind) {
	case CH_SW_BAR:
		ec_scene_rect(sc, x, cy - h / 2, sw * 0.6, h, &it->style);
		break;
	case CH_SW_LINE:
		ec_scene_path_begin(sc, &it->style);
		ec_scene_path_move(sc, x, cy);
		ec_scene_path_line(sc, x + sw, cy);
		ec_scene_path_end(sc);
		if (it->has_marker)
			ec_scene_marker(sc, it->shape, x + sw / 2, cy,
			                c->th.marker_pt, &it->style2);
		break;
	case CH_SW_MARKER:
		ec_scene_marker(sc, it->shape, x + sw * 0.3, cy,
		                c->th.marker_pt *
		                    (it->shape == EC_MARKER_TRIANGLE ||
		                             it->shape == EC_MARKER_DIAMOND
		                         ? 1.5
		                         : 1.1),
		                &it->style);
		break;
	case CH_SW_BOX:
		ec_scene_rect(sc, x + sw * 0.1, cy - h / 2 - 1, sw * 0.4, h + 2,
		              &it->style);
		ec_scene_path_begin(sc, &it->style2);
		ec_scene_path_move(sc, x, cy);
		ec_scene_path_line(sc, x + sw * 0.6, cy);
		ec_scene_path_end(sc);
		break;
	case CH_SW_BAND:
		ec_scene_rect(sc, x, cy - h / 2, sw, h, &it->style);
		ec_scene_path_begin(sc, &it->style2);
		ec_scene_path_move(sc, x, cy);
		ec_scene_path_line(sc, x + sw, cy);
		ec_scene_path_end(sc);
		break;
	}
}

/* Lays the legend out in rows within width w from (x, y); returns the
 * height.  Draws when draw is set. */
static double legend_block(ch_ctx *c, const ch_frame *f, double x, double y,
                           double w, bool draw)
{
	if (!f->n_legend)
		return 0;
	double fs = c->th.legend_pt;
	ec_text_metrics mm = ch_measure(c, "Ag", fs, EC_WEIGHT_REGULAR);
	double sw = fs * 1.9;   /* swatch width */
	double sgap = fs * 0.5; /* swatch to text */
	double igap = fs * 1.5; /* between items */
	double lh = mm.height * 1.35;
	double cx = x, cy = y;
	if (draw)
		ch_group(c, "legend", NULL);
	for (size_t i = 0; i < f->n_legend; i++) {
		const ch_legend_item *it = &f->legend[i];
		double sww = it->kind == CH_SW_BAR || it->kind == CH_SW_MARKER ||
		                     it->kind == CH_SW_BOX
		                 ? sw * 0.6
		                 : sw;
		ec_text_metrics m =
		    ch_measure(c, it->label, fs, EC_WEIGHT_REGULAR);
		double iw = sww + sgap + m.width;
		if (cx > x && cx + iw > x + w) {
			cx = x;
			cy += lh;
		}
		if (draw) {
			double mid = cy + mm.ascent - (mm.ascent - mm.descent) / 2 -
			             mm.descent * 0.2;
			ch_group(c, "legend-item", it->label);
			draw_swatch(c, it, cx, mid, sw, fs * 0.75);
			ch_occ_box(c, (ec_box){cx, cy, sww, mm.height});
			ec_text_style ts =
			    ec_text_style_make(fs, c->th.text);
			char *fit = NULL;
			if (iw > w)
				fit = ec_text_ellipsize(it->label, fs,
				                        EC_WEIGHT_REGULAR,
				                        w - sww - sgap);
			ch_text(c, fit ? fit : it->label, cx + sww + sgap,
			        cy + mm.ascent, &ts, NULL);
			free(fit);
			ec_scene_group_end(c->sc);
		}
		cx += iw + igap;
	}
	if (draw)
		ec_scene_group_end(c->sc);
	return cy - y + mm.height;
}

ec_err ch_frame_draw(ch_ctx *c, ec_box r, const ch_frame *f, bool compact,
                     ec_box *inner)
{
	const ec_theme_spec *th = &c->th;
	double y = r.y, gap = th->gap_pt;
	const char *title = f->title_user ? f->title_user : f->title;
	const char *subtitle = f->subtitle_user ? f->subtitle_user
	                                        : f->subtitle;
	if (!compact) {
		/* The SVG <title> and the PDF Title. */
		ec_scene_set_title(c->sc, title);
		ec_text_style ts = ec_text_style_make(th->title_pt, th->text);
		ts.weight = EC_WEIGHT_BOLD;
		y += text_block(c, title, r.x, y, r.w, 2, &ts, true, "title");
		if (subtitle[0]) {
			y += gap * 0.35;
			ec_text_style ss =
			    ec_text_style_make(th->subtitle_pt, th->text_muted);
			y += text_block(c, subtitle, r.x, y, r.w, 2, &ss, true,
			                "subtitle");
		}
		y += gap;
	} else {
		ec_text_style ts = ec_text_style_make(th->subtitle_pt, th->text);
		ts.weight = EC_WEIGHT_BOLD;
		y += text_block(c, title, r.x, y, r.w, 1, &ts, true, "heading");
		y += gap * 0.5;
	}
	if (f->n_legend) {
		y += legend_block(c, f, r.x, y, r.w, true);
		y += gap * (compact ? 0.8 : 1.2);
	}
	/* Bottom up: the footnote (single charts), then the caption. */
	double yb = r.y + r.h;
	if (!compact) {
		char foot[1400];
		ch_footnote_text(c, foot, sizeof foot);
		ec_text_style fs = ec_text_style_make(th->footnote_pt,
		                                      th->text_muted);
		double h = text_block(c, foot, r.x, 0, r.w, 3, &fs, false, NULL);
		if (h > 0) {
			yb -= h;
			text_block(c, foot, r.x, yb, r.w, 3, &fs, true, "footnote");
			yb -= gap * 0.6;
		}
	}
	if (f->caption[0]) {
		ec_text_style cs = ec_text_style_make(
		    compact ? th->footnote_pt : th->label_pt, th->text);
		double h = text_block(c, f->caption, r.x, 0, r.w, 2, &cs, false,
		                      NULL);
		yb -= h;
		text_block(c, f->caption, r.x, yb, r.w, 2, &cs, true, "caption");
		yb -= gap * 0.6;
	}
	*inner = (ec_box){r.x, y, r.w, yb - y};
	if (inner->h < th->axis_pt * 4 || inner->w < th->axis_pt * 6) {
		ch_fail(c, EC_EINVAL);
		if (c->err)
			ec_error_set(c->err, EC_EINVAL, NULL, 0, 0,
			             "the chart is too small for its title, legend "
			             "and notes (%.0fx%.0f pt left for the plot)",
			             inner->w, inner->h);
		return EC_EINVAL;
	}
	return c->fail;
}

/* ---- axes ---- */

double ch_x(const ch_plot *p, int qindex)
{
	return p->area.x + ((double)(qindex - p->q0) + 0.5) * p->slot;
}

double ch_y(const ch_plot *p, double v)
{
	double span = p->ticks.hi - p->ticks.lo;
	if (!(span > 0))
		span = 1;
	return p->area.y + p->area.h * (1 - (v - p->ticks.lo) / span);
}

ec_err ch_axes(ch_ctx *c, ec_box box, int q0, size_t nq, double vmin,
               double vmax, bool include_zero, ec_unit unit,
               double right_pt, ch_plot *p)
{
	const ec_theme_spec *th = &c->th;
	memset(p, 0, sizeof *p);
	p->q0 = q0;
	p->nq = nq;
	p->kind = ec_numfmt_kind_for_unit(unit);
	ec_text_metrics am = ch_measure(c, "Q0'00", th->axis_pt,
	                                EC_WEIGHT_REGULAR);
	if (c->fail)
		return c->fail;
	/* Quarter labels take one or two rows; reserve two first, then give
	 * back what the scheme does not use. */
	double row_h = am.height * 1.2;
	double xlab_h = th->gap_pt * 0.5 + am.height * 0.5 + 2 * row_h;
	double plot_h = box.h - xlab_h - am.ascent / 2;
	/* About one tick per 4.5 label heights: a grid that guides the eye
	 * without striping the plot. */
	int m = (int)floor(plot_h / (th->axis_pt * 4.5));
	if (m > 7)
		m = 7;
	if (m < 3)
		m = 3;
	if (!isfinite(vmin) || !isfinite(vmax)) {
		vmin = 0;
		vmax = 1;
	}
	ec_error e;
	ec_err rc = ec_axis_ticks(vmin, vmax, m, include_zero, &p->ticks, &e);
	if (rc) {
		if (c->err && c->fail == EC_OK)
			*c->err = e;
		ch_fail(c, rc);
		return rc;
	}
	p->fmt = ec_numfmt_for_ticks(p->kind, &p->ticks);
	char lab[EC_TICKS_MAX][40];
	double lw = 0;
	for (int i = 0; i < p->ticks.n; i++) {
		ec_numfmt_print(&p->fmt, p->ticks.v[i], lab[i], sizeof lab[i]);
		ec_text_metrics m2 = ch_measure(c, lab[i], th->axis_pt,
		                                EC_WEIGHT_REGULAR);
		if (m2.width > lw)
			lw = m2.width;
	}
	double x0 = box.x + lw + th->gap_pt * 0.6;
	double x1 = box.x + box.w - right_pt;
	if (x1 - x0 < nq * 1.0 || x1 - x0 < th->axis_pt * 4) {
		ch_fail(c, EC_EINVAL);
		if (c->err)
			ec_error_set(c->err, EC_EINVAL, NULL, 0, 0,
			             "the chart is too narrow for %zu quarters",
			             nq);
		return EC_EINVAL;
	}
	p->slot = (x1 - x0) / (double)nq;
	p->bar_w = p->slot * th->bar_fill_frac;
	ec_qlabels ql;
	memset(&ql, 0, sizeof ql);
	rc = ec_axis_quarter_labels(q0, nq, x0, p->slot, th->axis_pt,
	                            th->axis_pt * 0.6, &ql, &e);
	if (rc) {
		if (c->err && c->fail == EC_OK)
			*c->err = e;
		ch_fail(c, rc);
		return rc;
	}
	/* The first row sits clear of the bottom tick label, which is
	 * centred on the baseline. */
	double xoff = fmax(th->gap_pt * 0.5, am.height * 0.5 + th->axis_pt * 0.25);
	xlab_h = xoff + ql.rows * row_h;
	/* Half a tick label sticks out above the top tick. */
	double top = box.y + am.ascent / 2;
	p->area = (ec_box){x0, top, x1 - x0, box.y + box.h - xlab_h - top};
	/* Tick labels are centred on their ticks: with less than about a
	 * line of height between ticks they would overlap, so a plot that
	 * short is refused (with the size) rather than drawn unreadable. */
	if (p->ticks.n > 1 &&
	    p->area.h / (double)(p->ticks.n - 1) < am.height * 1.1) {
		ec_qlabels_free(&ql);
		ch_fail(c, EC_EINVAL);
		if (c->err)
			ec_error_set(c->err, EC_EINVAL, NULL, 0, 0,
			             "the chart is too small for its value axis "
			             "(%.0f pt of plot height for %d tick labels)",
			             p->area.h, p->ticks.n);
		return EC_EINVAL;
	}

	/* Plot background and grid. */
	ec_scene *sc = c->sc;
	ch_group(c, "grid", NULL);
	if (!ec_color_is_none(th->plot_bg) &&
	    memcmp(&th->plot_bg, &th->background, sizeof th->plot_bg) != 0) {
		ec_style bg = ec_style_fill(th->plot_bg);
		ec_scene_rect(sc, p->area.x, p->area.y, p->area.w, p->area.h,
		              &bg);
	}
	ec_style gs = ec_theme_grid_style(th);
	for (int i = 0; i < p->ticks.n; i++) {
		double y = ch_y(p, p->ticks.v[i]);
		if (p->ticks.v[i] == 0)
			continue; /* the baseline is drawn over the data */
		ec_scene_path_begin(sc, &gs);
		ec_scene_path_move(sc, p->area.x, y);
		ec_scene_path_line(sc, p->area.x + p->area.w, y);
		ec_scene_path_end(sc);
	}
	ec_scene_group_end(sc);

	ch_group(c, "axis-y", NULL);
	ec_text_style ts = ec_text_style_make(th->axis_pt, th->text_muted);
	ts.anchor = EC_ANCHOR_END;
	for (int i = 0; i < p->ticks.n; i++) {
		double y = ch_y(p, p->ticks.v[i]);
		ch_text(c, lab[i], p->area.x - th->gap_pt * 0.6,
		        y + (am.ascent - am.descent) / 2 - am.descent * 0.1, &ts,
		        NULL);
	}
	ec_scene_group_end(sc);

	ch_group(c, "axis-x", NULL);
	ec_text_style xs = ec_text_style_make(th->axis_pt, th->text_muted);
	xs.anchor = EC_ANCHOR_MIDDLE;
	double yb = p->area.y + p->area.h;
	for (size_t i = 0; i < ql.n; i++) {
		double y = yb + xoff + am.ascent +
		           (double)ql.labels[i].row * row_h;
		ch_text(c, ql.labels[i].text, ql.labels[i].x, y, &xs, NULL);
	}
	/* Year separators for grouped labels: a short tick between years. */
	if (ql.scheme == EC_QLABEL_GROUPED || ql.scheme == EC_QLABEL_YEARS) {
		ec_style ax = ec_style_stroke(th->grid, th->grid_pt);
		for (size_t i = 0; i < nq; i++) {
			int q = q0 + (int)i;
			if (q % 4 != 0 || i == 0)
				continue;
			double x = p->area.x + (double)i * p->slot;
			ec_scene_path_begin(sc, &ax);
			ec_scene_path_move(sc, x, yb);
			ec_scene_path_line(sc, x, yb + th->gap_pt * 0.3 +
			                             ql.rows * row_h);
			ec_scene_path_end(sc);
		}
	}
	ec_scene_group_end(sc);
	ec_qlabels_free(&ql);
	/* The plot area itself is off limits to labels only where data is;
	 * the tick labels are registered already. */
	return c->fail;
}

void ch_baseline(ch_ctx *c, const ch_plot *p)
{
	double v = p->ticks.lo <= 0 && p->ticks.hi >= 0 ? 0 : p->ticks.lo;
	double y = ch_y(p, v);
	ec_style as = ec_theme_axis_style(&c->th);
	ch_group(c, "baseline", NULL);
	ec_scene_path_begin(c->sc, &as);
	ec_scene_path_move(c->sc, p->area.x, y);
	ec_scene_path_line(c->sc, p->area.x + p->area.w, y);
	ec_scene_path_end(c->sc);
	ec_scene_group_end(c->sc);
}

ec_style ch_mark_style(const ch_ctx *c, const ec_obs *o, int i, bool bar)
{
	switch (ch_role(o)) {
	case 1:
		return bar ? ec_theme_derived_style(&c->th, i)
		           : ch_hollow(c, i, false);
	case 2:
		return bar ? ec_theme_analyst_style(&c->th, i)
		           : ch_hollow(c, i, true);
	default:
		if (bar)
			return ec_theme_bar_style(&c->th, i);
		ec_style st = ec_style_fill(ec_theme_series(&c->th, i)->color);
		st.stroke = c->th.plot_bg.a > 0 ? c->th.plot_bg
		                                : c->th.background;
		st.stroke_width = c->th.line_pt * 0.5;
		return st;
	}
}

void ch_bar(ch_ctx *c, const ch_plot *p, const ec_obs *o, double x, double w,
            int i, const char *what, const char *suffix, ec_box *box)
{
	char per[EC_PERIOD_STRLEN], id[64], tip[640];
	ec_period_format(o->period, per);
	snprintf(id, sizeof id, "bar-%s%s%s", per, suffix ? "-" : "",
	         suffix ? suffix : "");
	ch_tooltip(o, what, o->value, tip, sizeof tip);
	ch_note_source(c, o);
	double y0 = ch_y(p, 0), y1 = ch_y(p, o->value);
	ec_style st = ch_mark_style(c, o, i, true);
	ch_group(c, id, tip);
	ec_box b = {x - w / 2, fmin(y0, y1), w, fabs(y1 - y0)};
	ec_scene_rect(c->sc, b.x, b.y, b.w, b.h, &st);
	ec_scene_group_end(c->sc);
	ch_occ_box(c, b);
	if (box)
		*box = b;
}

void ch_range(const ch_ctx *c, int data_q0, int data_q1, int *q0,
              size_t *nq)
{
	int a = c->o->has_from ? ec_period_qindex(c->o->from) : data_q0;
	int b = c->o->has_to ? ec_period_qindex(c->o->to) : data_q1;
	if (a < 0)
		a = data_q0;
	if (b < a)
		b = a;
	*q0 = a;
	*nq = (size_t)(b - a + 1);
}

void ch_describe(ch_ctx *c, const char *what, const ch_rows *r,
                 const char *extra)
{
	char d[1200], a[16], b[16], v[48];
	d[0] = '\0';
	if (!r->n) {
		snprintf(d, sizeof d, "%s: no data.", what);
		ec_scene_set_desc(c->sc, d);
		return;
	}
	ec_numfmt_kind k = ec_numfmt_kind_for_unit(r->v[0]->unit);
	size_t lo = 0, hi = 0;
	for (size_t i = 1; i < r->n; i++) {
		if (r->v[i]->value < r->v[lo]->value)
			lo = i;
		if (r->v[i]->value > r->v[hi]->value)
			hi = i;
	}
	const ec_obs *last = r->v[r->n - 1];
	int span = ec_period_qindex(last->period) -
	           ec_period_qindex(r->v[0]->period) + 1;
	cat(d, sizeof d, "%s%s%s: %zu quarter%s from %s to %s", what,
	    *c->company ? " of " : "", c->company, r->n, r->n == 1 ? "" : "s",
	    ec_period_short_label(r->v[0]->period, a),
	    ec_period_short_label(last->period, b));
	if ((size_t)span > r->n)
		cat(d, sizeof d, " (%zu missing)", (size_t)span - r->n);
	cat(d, sizeof d, "; latest %s in %s",
	    ec_format_value(k, last->value, v, sizeof v),
	    ec_period_short_label(last->period, a));
	cat(d, sizeof d, "; highest %s in %s",
	    ec_format_value(k, r->v[hi]->value, v, sizeof v),
	    ec_period_short_label(r->v[hi]->period, a));
	cat(d, sizeof d, "; lowest %s in %s.",
	    ec_format_value(k, r->v[lo]->value, v, sizeof v),
	    ec_period_short_label(r->v[lo]->period, a));
	if (extra && *extra)
		cat(d, sizeof d, " %s", extra);
	ec_scene_set_desc(c->sc, d);
}

void ch_guide_bounds(const ec_obs *g, double *lo, double *hi)
{
	*lo = g->low;
	*hi = g->high;
	if (!isfinite(*lo) && !isfinite(*hi))
		*lo = *hi = g->value;
}

ec_box ch_guide_range(ch_ctx *c, const ch_plot *p, double x, double w,
                      double lo, double hi, ec_color col, double fill_alpha,
                      double mid_w)
{
	ec_scene *sc = c->sc;
	ec_color fillc = col;
	fillc.a = fill_alpha;
	ec_style st = ec_style_stroke(col, c->th.line_pt * 0.7);
	st.fill = fillc;
	ec_box b;
	if (isfinite(lo) && isfinite(hi)) {
		double y0 = ch_y(p, hi), y1 = ch_y(p, lo);
		if (y1 - y0 < c->th.line_pt * 1.5) {
			/* A point forecast (or a sliver): a thick tick. */
			ec_style tk = ec_style_stroke(col, c->th.line_pt * 1.6);
			double ym = (y0 + y1) / 2;
			ec_scene_path_begin(sc, &tk);
			ec_scene_path_move(sc, x - w / 2, ym);
			ec_scene_path_line(sc, x + w / 2, ym);
			ec_scene_path_end(sc);
			b = (ec_box){x - w / 2, ym - c->th.line_pt,
			             w, 2 * c->th.line_pt};
		} else {
			ec_scene_rect(sc, x - w / 2, y0, w, y1 - y0, &st);
			b = (ec_box){x - w / 2, y0, w, y1 - y0};
			if (mid_w > 0) {
				double ym = ch_y(p, (lo + hi) / 2);
				ec_style tk =
				    ec_style_stroke(col, c->th.line_pt * 1.1);
				ec_scene_path_begin(sc, &tk);
				ec_scene_path_move(sc, x - mid_w / 2, ym);
				ec_scene_path_line(sc, x + mid_w / 2, ym);
				ec_scene_path_end(sc);
				if (mid_w > w) {
					b.x = x - mid_w / 2;
					b.w = mid_w;
				}
			}
		}
	} else {
		/* One-sided: from the bound toward the edge, in slices whose
		 * fill fades, ending in an arrowhead. */
		bool up = isfinite(lo);
		double v = up ? lo : hi;
		double yb = ch_y(p, v);
		double len = p->area.h * 0.22;
		double ye = up ? fmax(p->area.y + w * 0.7, yb - len)
		               : fmin(p->area.y + p->area.h - w * 0.7, yb + len);
		const int n = 5;
		for (int k = 0; k < n; k++) {
			double a = yb + (ye - yb) * k / n;
			double bb = yb + (ye - yb) * (k + 1) / n;
			ec_color fc = col;
			fc.a = fill_alpha * 1.6 * (1 - (double)k / n);
			ec_style fs = ec_style_fill(fc);
			ec_scene_rect(sc, x - w / 2, fmin(a, bb), w, fabs(bb - a),
			              &fs);
		}
		ec_style tk = ec_style_stroke(col, c->th.line_pt * 1.4);
		ec_scene_path_begin(sc, &tk);
		ec_scene_path_move(sc, x - w / 2, yb);
		ec_scene_path_line(sc, x + w / 2, yb);
		ec_scene_path_end(sc);
		double ah = w * 0.6 + 2;
		double xs[3] = {x - w / 2 - 1, x + w / 2 + 1, x};
		double ys[3] = {ye, ye, up ? ye - ah : ye + ah};
		ec_style af = ec_style_fill(col);
		ec_scene_polygon(sc, xs, ys, 3, &af);
		double top = up ? ye - ah : yb, bot = up ? yb : ye + ah;
		b = (ec_box){x - w / 2 - 1, top, w + 2, bot - top};
	}
	ch_occ_box(c, b);
	return b;
}

ec_series *ch_derived_copy(ch_ctx *c)
{
	ec_series *cp = ec_series_new();
	if (!cp) {
		ch_fail(c, EC_ENOMEM);
		return NULL;
	}
	ec_error e;
	if (ec_series_merge(cp, c->s, NULL, &e) != EC_OK) {
		ec_series_free(cp);
		ch_fail(c, EC_ENOMEM);
		return NULL;
	}
	/* A failure to derive only means no derived points: the stated ones
	 * are still drawn. */
	if (ec_margins_derive(cp, NULL, NULL, &e) != EC_OK)
		ch_add_note(c, "Derived margins could not be computed.");
	return cp;
}

/* ---- build ---- */

/* Chooses the company: the option, else the only or most common non-empty
 * one (ties: the alphabetically first), else "". */
static ec_err choose_company(ch_ctx *c)
{
	const ec_series *s = c->s;
	size_t n = ec_series_count(s);
	const char **names = NULL;
	size_t nn = 0;
	ec_err rc = ec_series_distinct(s, "company", &names, &nn);
	if (rc)
		return rc;
	size_t non_empty = 0, best = 0;
	const char *pick = "";
	for (size_t i = 0; i < nn; i++) {
		if (!names[i] || !*names[i])
			continue;
		non_empty++;
		size_t cnt = 0;
		for (size_t k = 0; k < n; k++)
			if (strcmp(nz(ec_series_get(s, k)->company), names[i]) ==
			    0)
				cnt++;
		if (cnt > best) {
			best = cnt;
			pick = names[i];
		}
	}
	if (c->o->company) {
		pick = NULL;
		for (size_t i = 0; i < nn; i++)
			if (names[i] && strcmp(names[i], c->o->company) == 0)
				pick = names[i];
		if (!pick && *c->o->company) {
			free(names);
			return ec_error_set(c->err, EC_ENODATA, NULL, 0, 0,
			                    "no rows for company '%s'",
			                    c->o->company);
		}
		if (!pick)
			pick = "";
	}
	/* Rows without a company belong to the chosen one when it is the only
	 * company named (the rule ec_guidance_score uses too). */
	c->blank_company_ok = non_empty <= 1;
	/* pick points into the store (distinct returns borrowed strings). */
	c->company = pick;
	free(names);
	return EC_OK;
}

static void ctx_free(ch_ctx *c)
{
	for (size_t i = 0; i < c->n_docs; i++)
		free(c->docs[i]);
	free(c->docs);
	for (size_t i = 0; i < c->n_srcs; i++)
		free(c->srcs[i]);
	free(c->srcs);
	free(c->occ.box);
	free(c->occ.seg);
}

ec_err ec_chart_build(const ec_series *s, const ec_chart_opts *o,
                      ec_scene **out, ec_error *err)
{
	*out = NULL;
	ec_error_clear(err);
	if (!s || !o)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "no series or no options");
	if ((unsigned)o->type > EC_CHART_PANEL)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "unknown chart type %d", (int)o->type);
	double dpi = o->dpi > 0 ? o->dpi : 144.0;
	if (!isfinite(dpi) || dpi < 36 || dpi > 2400 || o->width_px < 64 ||
	    o->height_px < 64 || o->width_px > 32767 || o->height_px > 32767)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "chart size %dx%d px at %g dpi is out of "
		                    "range",
		                    o->width_px, o->height_px, dpi);
	size_t maxp = o->max_pixels ? o->max_pixels : (size_t)100000000;
	if ((size_t)o->width_px * (size_t)o->height_px > maxp)
		return ec_error_set(err, EC_ELIMIT, NULL, 0, 0,
		                    "chart size %dx%d px is more than %zu pixels",
		                    o->width_px, o->height_px, maxp);
	double w = o->width_px * 72.0 / dpi, h = o->height_px * 72.0 / dpi;
	if (w < 144 || h < 108)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "chart size %.0fx%.0f pt is below the minimum "
		                    "of 144x108 pt",
		                    w, h);
	ec_err rc = ec_text_check_font(err);
	if (rc)
		return rc;
	ch_ctx c;
	memset(&c, 0, sizeof c);
	c.s = s;
	c.o = o;
	c.err = err;
	c.source_col = -1;
	for (size_t i = 0; i < ec_series_layout_count(s); i++)
		if (strcmp(ec_series_layout_name(s, i), "source") == 0)
			c.source_col = (long)i;
	rc = choose_company(&c);
	if (rc)
		return rc;
	c.sc = ec_scene_new(w, h, dpi);
	if (!c.sc)
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	ec_theme_spec_get(o->theme, w, h, &c.th);
	ec_scene_set_background(c.sc, c.th.background);
	double mg = c.th.margin_pt;
	ec_box region = {mg, mg, w - 2 * mg, h - 2 * mg};
	switch (o->type) {
	case EC_CHART_REVENUE:
		rc = ch_revenue(&c, region, false);
		break;
	case EC_CHART_MARGIN:
		rc = ch_margin(&c, region, false);
		break;
	case EC_CHART_BACKLOG:
		rc = ch_backlog(&c, region, false);
		break;
	case EC_CHART_GUIDANCE:
		rc = ch_guidance(&c, region, false);
		break;
	case EC_CHART_EPS:
		rc = ch_eps(&c, region, false);
		break;
	default:
		rc = ch_panel(&c, region);
		break;
	}
	if (rc == EC_OK && c.fail)
		rc = c.fail;
	if (rc == EC_OK) {
		ec_error e;
		rc = ec_scene_status(c.sc, &e);
		if (rc && err)
			*err = e;
	}
	ctx_free(&c);
	if (rc) {
		if (err && err->code == EC_OK)
			ec_error_set(err, rc, NULL, 0, 0, "%s", ec_strerror(rc));
		ec_scene_free(c.sc);
		return rc;
	}
	*out = c.sc;
	return EC_OK;
}

ec_err ec_chart_render_file(const ec_series *s, const ec_chart_opts *o,
                            const char *path, ec_error *err)
{
	ec_format fmt;
	if (!path || !ec_format_from_path(path, &fmt))
		return ec_error_set(err, EC_EINVAL, path, 0, 0,
		                    "cannot tell the format from the file name; "
		                    "use .png, .svg or .pdf");
	ec_scene *sc = NULL;
	ec_err rc = ec_chart_build(s, o, &sc, err);
	if (rc)
		return rc;
	rc = ec_scene_write_file(sc, fmt, path, err);
	ec_scene_free(sc);
	return rc;
}
