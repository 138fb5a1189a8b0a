/* The margin chart: GAAP and non-GAAP operating margin as lines (gross
 * margin on request), broken at missing quarters; derived values hollow,
 * analyst-only values hollow and dotted; guided ranges as shaded boxes;
 * the spread between the two bases shaded and the end values labelled. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"

#define MAX_LINES 4

typedef struct line {
	const char *metric;
	ec_basis basis;
	int style;      /* theme series index */
	bool dashed;    /* gross margin */
	ch_rows act, gd;
	char name[64];  /* "GAAP", "Gross margin, non-GAAP" */
} line;

static void free_lines(line *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		ch_rows_free(&l[i].act);
		ch_rows_free(&l[i].gd);
	}
}

/* The value of line l at quarter q, or NAN. */
static double value_at(const line *l, int q, const ec_obs **row)
{
	for (size_t i = 0; i < l->act.n; i++)
		if (ec_period_qindex(l->act.v[i]->period) == q) {
			if (row)
				*row = l->act.v[i];
			return l->act.v[i]->value;
		}
	if (row)
		*row = NULL;
	return NAN;
}

static ec_err draw(ch_ctx *c, ec_box region, bool compact, line *ln,
                   size_t nl);

ec_err ch_margin(ch_ctx *c, ec_box region, bool compact)
{
	const ec_series *orig = c->s;
	ec_series *cp = ch_derived_copy(c);
	if (!cp)
		return c->fail ? c->fail : EC_ENOMEM;
	c->s = cp;
	line ln[MAX_LINES];
	memset(ln, 0, sizeof ln);
	size_t nl = 0;
	const char *om = c->o->metric && !compact ? c->o->metric
	                                          : "operating_margin";
	const char *metrics[2] = {om, c->o->gross ? "gross_margin" : NULL};
	if (strcmp(om, "gross_margin") == 0)
		metrics[1] = NULL;
	const char *seg = c->o->segment ? c->o->segment : "total";
	ec_err rc = EC_OK;
	for (int mi = 0; mi < 2 && !rc; mi++) {
		if (!metrics[mi])
			continue;
		for (int b = 0; b < 2 && !rc; b++) {
			if (c->o->basis >= 0 && c->o->basis != b)
				continue;
			line *l = &ln[nl];
			l->metric = metrics[mi];
			l->basis = (ec_basis)b;
			l->style = mi * 2 + b;
			l->dashed = mi == 1;
			if (metrics[1] || strcmp(om, "operating_margin") != 0)
				snprintf(l->name, sizeof l->name, "%s, %s",
				         ch_metric_title(l->metric),
				         ch_basis_title(l->basis));
			else
				snprintf(l->name, sizeof l->name, "%s",
				         b == EC_BASIS_GAAP ? "GAAP" : "Non-GAAP");
			rc = ch_select(c, l->metric, seg, b, EC_KIND_ACTUAL, &l->act);
			if (!rc)
				rc = ch_select(c, l->metric, seg, b,
				               EC_KIND_GUIDANCE, &l->gd);
			nl++;
		}
	}
	size_t total = 0;
	for (size_t i = 0; i < nl; i++)
		total += ln[i].act.n;
	if (!rc && total == 0)
		rc = ec_error_set(c->err, EC_ENODATA, NULL, 0, 0,
		                  "no quarterly actuals of %s%s%s in the "
		                  "selection",
		                  om, *c->company ? " for " : "", c->company);
	for (size_t i = 0; i < nl && !rc; i++) {
		for (size_t k = 0; k < ln[i].act.n; k++)
			ch_note_source(c, ln[i].act.v[k]);
		for (size_t k = 0; k < ln[i].gd.n; k++)
			ch_note_source(c, ln[i].gd.v[k]);
	}
	if (!rc && !c->collect_only)
		rc = draw(c, region, compact, ln, nl);
	free_lines(ln, nl);
	c->s = orig;
	ec_series_free(cp);
	return rc;
}

static ec_err draw(ch_ctx *c, ec_box region, bool compact, line *ln,
                   size_t nl)
{
	const ec_chart_opts *o = c->o;
	const ec_theme_spec *th = &c->th;
	int qa = 1 << 30, qz = -1;
	double vmin = 0, vmax = 0;
	bool any_derived = false, any_analyst = false, any_guide = false;
	ec_unit unit = EC_UNIT_PCT;
	for (size_t i = 0; i < nl; i++) {
		for (size_t k = 0; k < ln[i].act.n; k++) {
			const ec_obs *r = ln[i].act.v[k];
			int q = ec_period_qindex(r->period);
			qa = q < qa ? q : qa;
			qz = q > qz ? q : qz;
			vmin = fmin(vmin, r->value);
			vmax = fmax(vmax, r->value);
			any_derived |= ch_role(r) == 1;
			any_analyst |= ch_role(r) == 2;
			unit = r->unit;
		}
		for (size_t k = 0; k < ln[i].gd.n; k++) {
			const ec_obs *g = ln[i].gd.v[k];
			double lo, hi;
			ch_guide_bounds(g, &lo, &hi);
			int q = ec_period_qindex(g->period);
			qa = q < qa ? q : qa;
			qz = q > qz ? q : qz;
			if (isfinite(lo))
				vmax = fmax(vmax, lo), vmin = fmin(vmin, lo);
			if (isfinite(hi))
				vmax = fmax(vmax, hi), vmin = fmin(vmin, hi);
			any_guide = true;
		}
	}
	int q0;
	size_t nq;
	ch_range(c, qa, qz, &q0, &nq);
	if (nq > CH_MAX_QUARTERS)
		return ec_error_set(c->err, EC_ELIMIT, NULL, 0, 0,
		                    "%zu quarters to show; at most %d fit on one "
		                    "axis (use --from/--to)",
		                    nq, CH_MAX_QUARTERS);
	/* The spread band needs GAAP and non-GAAP of operating margin. */
	const line *lg = NULL, *ln_ng = NULL;
	for (size_t i = 0; i < nl; i++) {
		if (ln[i].dashed)
			continue;
		if (ln[i].basis == EC_BASIS_GAAP && ln[i].act.n)
			lg = &ln[i];
		if (ln[i].basis == EC_BASIS_NON_GAAP && ln[i].act.n)
			ln_ng = &ln[i];
	}
	bool spread = lg && ln_ng;

	ch_frame f;
	memset(&f, 0, sizeof f);
	const char *om = ln[0].metric;
	if (compact)
		snprintf(f.title, sizeof f.title, "%s", ch_metric_title(om));
	else if (o->title)
		f.title_user = o->title;
	else
		snprintf(f.title, sizeof f.title, "%s%s%s%s", c->company,
		         *c->company ? " " : "",
		         strcmp(om, "operating_margin") == 0
		             ? (*c->company ? "operating" : "Operating")
		             : ch_metric_title(om),
		         strcmp(om, "operating_margin") != 0 ? ""
		         : ln[nl - 1].dashed ? " and gross margin"
		                             : " margin");
	if (!compact && !o->title && nl > 1)
		snprintf(f.title + strlen(f.title), sizeof f.title - strlen(f.title),
		         ", GAAP and non-GAAP");
	if (o->subtitle)
		f.subtitle_user = o->subtitle;
	else
		snprintf(f.subtitle, sizeof f.subtitle,
		         "%s%s, %s by quarter, %s", ch_metric_title(om),
		         ln[nl - 1].dashed ? " and gross margin" : "",
		         nl > 1 ? "GAAP and non-GAAP"
		                : ch_basis_title(ln[0].basis),
		         ch_unit_title(unit));
	for (size_t i = 0; i < nl; i++) {
		if (!ln[i].act.n && !ln[i].gd.n)
			continue;
		ec_style ls = ec_theme_line_style(th, ln[i].style);
		if (ln[i].dashed) {
			double d[2] = {4, 2.5};
			ec_style_dash(&ls, d, 2);
		}
		ec_style ms = ec_style_fill(ec_theme_series(th, ln[i].style)->color);
		ch_legend_add(&f, CH_SW_LINE, &ls, &ms, true,
		              ec_theme_series(th, ln[i].style)->marker,
		              ln[i].name);
	}
	ec_color scol = ec_theme_series(th, 1)->color;
	scol.a = th->dark ? 0.22 : 0.15;
	ec_style sband = ec_style_fill(scol);
	ec_style none = ec_style_stroke(ec_color_none(), 0);
	if (spread)
		ch_legend_add(&f, CH_SW_BAND, &sband, &none, false, 0,
		              "Spread");
	if (any_derived) {
		ec_style h = ch_hollow(c, 0, false);
		ch_legend_add(&f, CH_SW_MARKER, &h, NULL, true, EC_MARKER_CIRCLE,
		              compact ? "Derived (hollow)"
		                      : "Hollow: derived from income \xc3\xb7 "
		                        "revenue");
	}
	if (any_analyst) {
		ec_style h = ch_hollow(c, 0, true);
		ch_legend_add(&f, CH_SW_MARKER, &h, NULL, true, EC_MARKER_CIRCLE,
		              compact ? "Analyst (dotted)"
		                      : "Dotted: analyst figure only");
	}
	if (any_guide) {
		ec_color gc = th->guide_stroke;
		ec_style gb = ec_style_stroke(gc, th->line_pt * 0.7);
		gb.fill = gc;
		gb.fill.a = 0.18;
		ec_style none2 = ec_style_stroke(ec_color_none(), 0);
		ch_legend_add(&f, CH_SW_BOX, &gb, &none2, false, 0,
		              "Guided range");
	}
	if (spread) {
		/* The latest quarter with both: the spread in points. */
		for (int q = q0 + (int)nq - 1; q >= q0; q--) {
			double a = value_at(lg, q, NULL), b = value_at(ln_ng, q, NULL);
			if (isfinite(a) && isfinite(b)) {
				char per[16];
				double d = b - a;
				snprintf(f.caption, sizeof f.caption,
				         "Spread in %s: %s%.1f points (non-GAAP %.1f%% "
				         "vs GAAP %.1f%%).",
				         ec_period_short_label(ec_period_from_qindex(q),
				                               per),
				         d < 0 ? "\xe2\x88\x92" : "", fabs(d), b, a);
				break;
			}
		}
	}

	/* End labels go right of the plot: reserve the widest. */
	ec_text_style es = ec_text_style_make(th->label_pt, th->text);
	es.weight = EC_WEIGHT_BOLD;
	char elab[MAX_LINES][96];
	double right = 0;
	for (size_t i = 0; i < nl; i++) {
		elab[i][0] = '\0';
		if (!ln[i].act.n)
			continue;
		const ec_obs *last = ln[i].act.v[ln[i].act.n - 1];
		char v[48];
		ec_format_value(ec_numfmt_kind_for_unit(last->unit), last->value,
		                v, sizeof v);
		snprintf(elab[i], sizeof elab[i], "%s %s",
		         ln[i].dashed ? (ln[i].basis == EC_BASIS_GAAP
		                             ? "Gross GAAP"
		                             : "Gross non-GAAP")
		                      : (ln[i].basis == EC_BASIS_GAAP ? "GAAP"
		                                                      : "Non-GAAP"),
		         v);
		ec_text_metrics m = ch_measure(c, elab[i], es.size_pt, es.weight);
		if (ec_period_qindex(last->period) == q0 + (int)nq - 1 &&
		    m.width > right)
			right = m.width;
	}
	if (right > 0)
		right += th->gap_pt * 0.8;
	ec_box inner;
	ec_err rc = ch_frame_draw(c, region, &f, compact, &inner);
	if (right > inner.w * 0.3)
		right = 0; /* too narrow: labels go inside or not at all */
	ch_plot p;
	if (!rc)
		rc = ch_axes(c, inner, q0, nq, vmin, vmax, true, unit, right, &p);
	if (rc)
		return rc;

	ec_scene *sc = c->sc;
	double *xs = malloc(nq * sizeof *xs), *ys = malloc(nq * sizeof *ys);
	double *y2 = malloc(2 * nq * sizeof *y2), *x2 = malloc(2 * nq * sizeof *x2);
	if (!xs || !ys || !y2 || !x2) {
		free(xs);
		free(ys);
		free(y2);
		free(x2);
		ch_fail(c, EC_ENOMEM);
		return EC_ENOMEM;
	}
	ch_group(c, "data", NULL);
	/* Guided ranges, behind the lines. */
	ch_group(c, "guidance", NULL);
	for (size_t i = 0; i < nl; i++)
		for (size_t k = 0; k < ln[i].gd.n; k++) {
			const ec_obs *g = ln[i].gd.v[k];
			double lo, hi;
			ch_guide_bounds(g, &lo, &hi);
			char per[EC_PERIOD_STRLEN], id[64], tip[640], what[96];
			ec_period_format(g->period, per);
			snprintf(id, sizeof id, "guide-%s-%s", ec_basis_name(ln[i].basis),
			         per);
			snprintf(what, sizeof what, "guided %s (%s)",
			         ch_metric_title(ln[i].metric),
			         ch_basis_title(ln[i].basis));
			ch_tooltip(g, what, isfinite(g->value) ? g->value : lo, tip,
			           sizeof tip);
			ch_note_source(c, g);
			ch_group(c, id, tip);
			ch_guide_range(c, &p, ch_x(&p, ec_period_qindex(g->period)),
			               p.bar_w * 0.8, lo, hi,
			               ec_theme_series(th, ln[i].style)->color, 0.18,
			               0);
			ec_scene_group_end(sc);
		}
	ec_scene_group_end(sc);
	/* The spread: runs of consecutive quarters with both bases. */
	if (spread) {
		ch_group(c, "spread", "Spread between non-GAAP and GAAP "
		                      "operating margin");
		int q = q0, qe = q0 + (int)nq;
		while (q < qe) {
			int s0 = q;
			while (q < qe && isfinite(value_at(lg, q, NULL)) &&
			       isfinite(value_at(ln_ng, q, NULL)))
				q++;
			size_t len = (size_t)(q - s0);
			if (len >= 2) {
				for (size_t j = 0; j < len; j++) {
					int qq = s0 + (int)j;
					x2[j] = ch_x(&p, qq);
					y2[j] = ch_y(&p, value_at(ln_ng, qq, NULL));
					x2[2 * len - 1 - j] = x2[j];
					y2[2 * len - 1 - j] =
					    ch_y(&p, value_at(lg, qq, NULL));
				}
				ec_scene_polygon(sc, x2, y2, 2 * len, &sband);
			}
			if (q == s0)
				q++;
		}
		ec_scene_group_end(sc);
	}
	/* Lines, broken at missing quarters. */
	for (size_t i = 0; i < nl; i++) {
		if (!ln[i].act.n)
			continue;
		ec_style ls = ec_theme_line_style(th, ln[i].style);
		if (ln[i].dashed) {
			double d[2] = {4, 2.5};
			ec_style_dash(&ls, d, 2);
		}
		for (size_t j = 0; j < nq; j++) {
			int q = q0 + (int)j;
			double v = value_at(&ln[i], q, NULL);
			xs[j] = ch_x(&p, q);
			ys[j] = isfinite(v) ? ch_y(&p, v) : NAN;
			if (j > 0 && isfinite(ys[j]) && isfinite(ys[j - 1]))
				ch_occ_seg(c, xs[j - 1], ys[j - 1], xs[j], ys[j]);
		}
		char id[64];
		snprintf(id, sizeof id, "line-%s-%s", ln[i].metric,
		         ec_basis_name(ln[i].basis));
		ch_group(c, id, ln[i].name);
		ec_scene_polyline(sc, xs, ys, nq, &ls);
		ec_scene_group_end(sc);
	}
	/* Markers: filled when stated, hollow when derived, dotted hollow
	 * when only an analyst said it. */
	for (size_t i = 0; i < nl; i++) {
		const ec_series_style *ss = ec_theme_series(th, ln[i].style);
		for (size_t k = 0; k < ln[i].act.n; k++) {
			const ec_obs *r = ln[i].act.v[k];
			char per[EC_PERIOD_STRLEN], id[64], tip[640], what[96];
			ec_period_format(r->period, per);
			snprintf(id, sizeof id, "pt-%s-%s-%s", ln[i].metric,
			         ec_basis_name(ln[i].basis), per);
			snprintf(what, sizeof what, "%s (%s)",
			         ch_metric_title(ln[i].metric),
			         ch_basis_title(ln[i].basis));
			ch_tooltip(r, what, r->value, tip, sizeof tip);
			ch_note_source(c, r);
			ec_style ms = ch_mark_style(c, r, ln[i].style, false);
			double x = ch_x(&p, ec_period_qindex(r->period));
			double y = ch_y(&p, r->value);
			double rad = th->marker_pt;
			ec_marker_shape shape = ss->marker;
			ch_group(c, id, tip);
			ec_scene_marker(sc, shape, x, y, rad, &ms);
			ec_scene_group_end(sc);
			ch_occ_box(c, (ec_box){x - rad, y - rad, 2 * rad, 2 * rad});
		}
	}
	ec_scene_group_end(sc); /* data */
	ch_baseline(c, &p);

	/* End labels: stacked in the right margin without overlap, or next
	 * to a last point inside the plot. */
	ch_group(c, "labels", NULL);
	ec_text_metrics em = ch_measure(c, "Ag", es.size_pt, es.weight);
	double ly[MAX_LINES];
	int order[MAX_LINES];
	size_t ne = 0;
	int qlast = q0 + (int)nq - 1;
	for (size_t i = 0; i < nl; i++) {
		if (!elab[i][0])
			continue;
		const ec_obs *last = ln[i].act.v[ln[i].act.n - 1];
		double y = ch_y(&p, last->value);
		double x = ch_x(&p, ec_period_qindex(last->period));
		es.color = th->print ? th->text
		                     : ch_label_color(c, ec_theme_series(
		                                             th, ln[i].style)
		                                             ->color);
		if (ec_period_qindex(last->period) == qlast && right > 0) {
			ly[ne] = y + (em.ascent - em.descent) / 2;
			order[ne++] = (int)i;
			continue;
		}
		double g = th->marker_pt + th->gap_pt * 0.3;
		ch_cand cands[] = {
		    {x + g, y + (em.ascent - em.descent) / 2, EC_ANCHOR_START},
		    {x, y - g - em.descent, EC_ANCHOR_MIDDLE},
		    {x, y + g + em.ascent, EC_ANCHOR_MIDDLE},
		    {x - g, y + (em.ascent - em.descent) / 2, EC_ANCHOR_END},
		};
		ec_box bounds = {p.area.x, p.area.y, p.area.w + right, p.area.h};
		ch_place_label(c, elab[i], &es, cands, 4, bounds, NULL);
	}
	/* Sort the right-margin labels by y, then push apart. */
	for (size_t a = 1; a < ne; a++)
		for (size_t b = a; b > 0 && ly[b] < ly[b - 1]; b--) {
			double t = ly[b];
			ly[b] = ly[b - 1];
			ly[b - 1] = t;
			int u = order[b];
			order[b] = order[b - 1];
			order[b - 1] = u;
		}
	double lh = em.height * 1.08;
	for (size_t a = 1; a < ne; a++)
		if (ly[a] < ly[a - 1] + lh)
			ly[a] = ly[a - 1] + lh;
	double ymax = p.area.y + p.area.h - em.descent;
	if (ne && ly[ne - 1] > ymax) {
		double sh = ly[ne - 1] - ymax;
		for (size_t a = 0; a < ne; a++)
			ly[a] -= sh;
	}
	for (size_t a = 0; a < ne; a++) {
		int i = order[a];
		es.color = th->print ? th->text
		                     : ch_label_color(c, ec_theme_series(
		                                             th, ln[i].style)
		                                             ->color);
		es.anchor = EC_ANCHOR_START;
		ch_text(c, elab[i], p.area.x + p.area.w + th->gap_pt * 0.8, ly[a],
		        &es, NULL);
	}
	ec_scene_group_end(sc);
	free(xs);
	free(ys);
	free(x2);
	free(y2);

	if (!compact) {
		const line *main = ln_ng && ln_ng->act.n ? ln_ng : &ln[0];
		for (size_t i = 0; i < nl; i++)
			if (!main->act.n && ln[i].act.n)
				main = &ln[i];
		char what[160];
		snprintf(what, sizeof what, "Quarterly %s (%s, percent of "
		                            "revenue)",
		         main->metric, ch_basis_title(main->basis));
		ch_describe(c, what, &main->act, f.caption);
	}
	return c->fail;
}
