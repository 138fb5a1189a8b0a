/* The guidance chart: for one metric, each guided quarter's range as a
 * vertical bar with its midpoint as a tick, the actual as a dot coloured
 * (and shaped) by below / within / above; one-sided ranges open-ended; a
 * caption with hit rate and bias from ec_guidance_score. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
#include "earnchart/analyze.h"

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* The metric the guidance chart shows: the option, else revenue when it
 * is guided, else the metric with the most guidance rows. */
static const char *pick_metric(ch_ctx *c, bool compact)
{
	if (c->o->metric && !compact)
		return c->o->metric;
	if (ch_count(c, "revenue", NULL, -1, EC_KIND_GUIDANCE))
		return "revenue";
	const char **ms = NULL;
	size_t nm = 0;
	if (ec_series_distinct(c->s, "metric", &ms, &nm))
		return "revenue";
	const char *best = "revenue";
	size_t bn = 0;
	for (size_t i = 0; i < nm; i++) {
		size_t n = ch_count(c, ms[i], NULL, -1, EC_KIND_GUIDANCE);
		if (n > bn) {
			bn = n;
			best = ms[i];
		}
	}
	free(ms);
	return best;
}

typedef struct gpt {
	const ec_guidance_row *row;
	int q;
} gpt;

static ec_err draw(ch_ctx *c, ec_box region, bool compact, const char *metric,
                   const char *seg, int basis, const ec_scorecard *sc);

ec_err ch_guidance(ch_ctx *c, ec_box region, bool compact)
{
	const char *metric = pick_metric(c, compact);
	const char *seg = c->o->segment ? c->o->segment : "total";
	int basis;
	if (c->o->basis >= 0)
		basis = c->o->basis;
	else if (strcmp(metric, "revenue") == 0 &&
	         ch_count(c, metric, seg, EC_BASIS_GAAP, EC_KIND_GUIDANCE))
		basis = EC_BASIS_GAAP;
	else {
		/* The basis the company guides on most. */
		basis = EC_BASIS_GAAP;
		size_t bn = 0;
		for (int b = 0; b < 3; b++) {
			size_t n = ch_count(c, metric, seg, b, EC_KIND_GUIDANCE);
			if (n > bn) {
				bn = n;
				basis = b;
			}
		}
	}
	/* Margins may be guided where only income and revenue are stated:
	 * score against a copy with derived margins. */
	const ec_series *orig = c->s;
	ec_series *cp = NULL;
	if (strstr(metric, "_margin")) {
		cp = ch_derived_copy(c);
		if (!cp)
			return c->fail ? c->fail : EC_ENOMEM;
		c->s = cp;
	}
	ec_select sel = ec_select_all();
	sel.company = c->blank_company_ok ? NULL : c->company;
	sel.metric = metric;
	sel.segment = seg;
	sel.basis = basis;
	ec_scorecard *card = NULL;
	ec_error e;
	ec_error_clear(&e);
	ec_err rc = ec_guidance_score(c->s, &sel, &card, &e);
	if (rc) {
		if (c->err)
			*c->err = e;
	} else {
		rc = draw(c, region, compact, metric, seg, basis, card);
	}
	ec_scorecard_free(card);
	c->s = orig;
	ec_series_free(cp);
	return rc;
}

static ec_err draw(ch_ctx *c, ec_box region, bool compact, const char *metric,
                   const char *seg, int basis, const ec_scorecard *card)
{
	const ec_chart_opts *o = c->o;
	const ec_theme_spec *th = &c->th;
	size_t nr = ec_scorecard_count(card);
	gpt *pts = nr ? malloc(nr * sizeof *pts) : NULL;
	if (nr && !pts) {
		ch_fail(c, EC_ENOMEM);
		return EC_ENOMEM;
	}
	/* One row per guided quarter: the one the aggregates count (issued
	 * last before the quarter ended), else the last one listed. */
	size_t np = 0;
	for (size_t i = 0; i < nr; i++) {
		const ec_guidance_row *r = ec_scorecard_row(card, i);
		const ec_obs *g = r->guide;
		if (!ec_period_is_quarter(g->period))
			continue;
		const char *co = r->company ? r->company : nz(g->company);
		if (strcmp(co, c->company) != 0 &&
		    !(!*nz(g->company) && c->blank_company_ok))
			continue;
		if ((o->has_from && ec_period_cmp(g->period, o->from) < 0) ||
		    (o->has_to && ec_period_cmp(g->period, o->to) > 0))
			continue;
		int q = ec_period_qindex(g->period);
		size_t j = 0;
		while (j < np && pts[j].q != q)
			j++;
		if (j == np) {
			pts[np++] = (gpt){r, q};
		} else if (!pts[j].row->in_summary) {
			pts[j].row = r; /* a counted row is never replaced */
		}
	}
	if (np == 0) {
		free(pts);
		return ec_error_set(c->err, EC_ENODATA, NULL, 0, 0,
		                    "no quarterly guidance of %s (%s, %s)%s%s in "
		                    "the selection",
		                    metric, seg, ec_basis_name((ec_basis)basis),
		                    *c->company ? " for " : "", c->company);
	}
	for (size_t i = 0; i < np; i++) {
		ch_note_source(c, pts[i].row->guide);
		if (pts[i].row->actual && pts[i].row->comparable)
			ch_note_source(c, pts[i].row->actual);
	}
	if (c->collect_only) {
		free(pts);
		return EC_OK;
	}
	/* Order by quarter. */
	for (size_t a = 1; a < np; a++)
		for (size_t b = a; b > 0 && pts[b].q < pts[b - 1].q; b--) {
			gpt t = pts[b];
			pts[b] = pts[b - 1];
			pts[b - 1] = t;
		}
	ec_unit unit = pts[0].row->guide->unit;
	double vmin = INFINITY, vmax = -INFINITY;
	bool any_open = false;
	size_t n_below = 0, n_within = 0, n_above = 0;
	for (size_t i = 0; i < np; i++) {
		const ec_guidance_row *r = pts[i].row;
		double lo = r->low, hi = r->high;
		if (isfinite(lo))
			vmin = fmin(vmin, lo), vmax = fmax(vmax, lo);
		if (isfinite(hi))
			vmin = fmin(vmin, hi), vmax = fmax(vmax, hi);
		if (!isfinite(lo) || !isfinite(hi))
			any_open = true;
		if (isfinite(r->mid))
			vmin = fmin(vmin, r->mid), vmax = fmax(vmax, r->mid);
		if (r->actual && r->comparable && isfinite(r->actual_value)) {
			vmin = fmin(vmin, r->actual_value);
			vmax = fmax(vmax, r->actual_value);
			if (r->pos == EC_POS_BELOW)
				n_below++;
			else if (r->pos == EC_POS_ABOVE)
				n_above++;
			else
				n_within++;
		}
	}
	if (any_open) {
		/* Room for the open end to run on. */
		double span = vmax - vmin;
		if (!(span > 0))
			span = fabs(vmax) * 0.2 + 1;
		vmax += span * 0.15;
		vmin -= span * 0.15;
	}
	int q0;
	size_t nq;
	ch_range(c, pts[0].q, pts[np - 1].q, &q0, &nq);
	if (nq > CH_MAX_QUARTERS) {
		free(pts);
		return ec_error_set(c->err, EC_ELIMIT, NULL, 0, 0,
		                    "%zu quarters to show; at most %d fit on one "
		                    "axis (use --from/--to)",
		                    nq, CH_MAX_QUARTERS);
	}

	ch_frame f;
	memset(&f, 0, sizeof f);
	const char *bt = ch_basis_title((ec_basis)basis);
	if (compact)
		snprintf(f.title, sizeof f.title, "%s guidance vs actual",
		         ch_metric_title(metric));
	else if (o->title)
		f.title_user = o->title;
	else
		snprintf(f.title, sizeof f.title, "%s%s%s%s guidance vs actual",
		         c->company, *c->company ? " " : "",
		         *c->company ? "" : ch_metric_title(metric),
		         *c->company ? (strcmp(metric, "eps_diluted") == 0
		                            ? "EPS"
		                            : metric)
		                     : "");
	/* Metric names in a title read better with spaces. */
	for (char *s = f.title; *s; s++)
		if (*s == '_')
			*s = ' ';
	if (o->subtitle)
		f.subtitle_user = o->subtitle;
	else
		snprintf(f.subtitle, sizeof f.subtitle,
		         "%s%s%s, %s: guided range and midpoint by quarter, the "
		         "actual marked by outcome",
		         ch_metric_title(metric), *bt ? ", " : "", bt,
		         ch_unit_title(unit));
	ec_color gcol = th->guide_stroke;
	ec_style gb = ec_style_stroke(gcol, th->line_pt * 0.7);
	gb.fill = gcol;
	gb.fill.a = 0.25;
	ec_style gm = ec_style_stroke(gcol, th->line_pt * 1.1);
	ch_legend_add(&f, CH_SW_BOX, &gb, &gm, false, 0,
	              compact ? "Guided range" : "Guided range and midpoint");
	ec_color bg = th->plot_bg.a > 0 ? th->plot_bg : th->background;
	ec_style sw[3];
	const ec_color pc[3] = {th->below, th->within, th->above};
	const ec_marker_shape shp[3] = {EC_MARKER_DIAMOND, EC_MARKER_CIRCLE,
	                                EC_MARKER_TRIANGLE};
	const char *names[3] = {"Actual below range", "Actual within range",
	                        "Actual above range"};
	if (compact) {
		names[0] = "Below";
		names[1] = "Within";
		names[2] = "Above";
	}
	const size_t counts[3] = {n_below, n_within, n_above};
	for (int k = 0; k < 3; k++) {
		sw[k] = ec_style_fill(pc[k]);
		sw[k].stroke = bg;
		sw[k].stroke_width = th->line_pt * 0.5;
		if (th->print) {
			/* Greys alone are too close: an ink outline on every
			 * mark, and the shapes carry the meaning. */
			sw[k].stroke = th->text;
			sw[k].stroke_width = th->line_pt * 0.45;
		}
	}
	/* Within first: the outcome the guide promised. */
	const int lorder[3] = {1, 2, 0};
	for (int k = 0; k < 3; k++) {
		int i = lorder[k];
		if (counts[i] || compact == false)
			ch_legend_add(&f, CH_SW_MARKER, &sw[i], NULL, true, shp[i],
			              names[i]);
	}
	/* The caption: hit rate and bias for this company and series. */
	const ec_guidance_summary *best = NULL;
	for (size_t i = 0; i < ec_scorecard_summary_count(card); i++) {
		const ec_guidance_summary *sm = ec_scorecard_summary(card, i);
		if (strcmp(nz(sm->company), c->company) != 0 &&
		    !(c->blank_company_ok && !*nz(sm->company)))
			continue;
		if (!best || sm->n > best->n)
			best = sm;
	}
	bool ranged = o->has_from || o->has_to;
	if (best && best->n > 0 && !ranged) {
		char mean[48] = "";
		if (isfinite(best->mean_mid))
			snprintf(mean, sizeof mean, "%s%.1f%%",
			         best->mean_mid < 0 ? "\xe2\x88\x92" : "+",
			         fabs(best->mean_mid));
		snprintf(f.caption, sizeof f.caption,
		         "Hit rate %.0f%%: %zu of %zu quarters within the guided "
		         "range, %zu above, %zu below.%s%s%s",
		         best->hit_rate * 100, (size_t)lround(best->hit_rate *
		                                               (double)best->n),
		         best->n, (size_t)lround(best->share_above * (double)best->n),
		         (size_t)lround(best->share_below * (double)best->n),
		         *mean ? " Bias: actuals ran " : "", mean,
		         *mean ? " from the midpoint on average." : "");
	} else if (n_below + n_within + n_above > 0) {
		size_t n = n_below + n_within + n_above;
		snprintf(f.caption, sizeof f.caption,
		         "Hit rate %.0f%%: %zu of %zu quarters shown within the "
		         "guided range, %zu above, %zu below.",
		         100.0 * (double)n_within / (double)n, n_within, n, n_above,
		         n_below);
	} else {
		snprintf(f.caption, sizeof f.caption,
		         "No guided quarter has a comparable reported actual yet.");
	}

	ec_box inner;
	ec_err rc = ch_frame_draw(c, region, &f, compact, &inner);
	ch_plot p;
	if (!rc) {
		/* Room for the dots: none may reach past the plot's edge.  The
		 * plot is what the frame leaves less at most two rows of
		 * quarter labels (ch_axes). */
		double span = vmax - vmin;
		if (!(span > 0))
			span = fabs(vmax) * 0.1 + 1;
		double r = th->marker_pt * 1.7 + th->line_pt;
		double ph = inner.h - th->gap_pt * 0.5 - th->axis_pt * 4.2;
		double pad = span * r / fmax(ph - 2 * r, r);
		rc = ch_axes(c, inner, q0, nq, vmin - pad, vmax + pad, false,
		             unit, 0, &p);
	}
	if (rc) {
		free(pts);
		return rc;
	}
	ec_scene *sc = c->sc;
	double w = fmax(3.0, fmin(p.slot * 0.3, th->label_pt * 1.6));
	double mw = fmin(p.slot * 0.8, w * 2.2);
	ec_numfmt_kind nk = ec_numfmt_kind_for_unit(unit);
	ch_group(c, "data", NULL);
	for (size_t i = 0; i < np; i++) {
		const ec_guidance_row *r = pts[i].row;
		const ec_obs *g = r->guide;
		char per[EC_PERIOD_STRLEN], id[48], tip[900], a[48], b[48], m[48];
		ec_period_format(g->period, per);
		snprintf(id, sizeof id, "guide-%s", per);
		ec_format_value(nk, r->low, a, sizeof a);
		ec_format_value(nk, r->high, b, sizeof b);
		ec_format_value(nk, r->mid, m, sizeof m);
		if (isfinite(r->low) && isfinite(r->high))
			snprintf(tip, sizeof tip, "%s %s guidance (%s): %s to %s, "
			                          "midpoint %s",
			         per, metric, ec_basis_name((ec_basis)basis), a, b, m);
		else
			snprintf(tip, sizeof tip, "%s %s guidance (%s): %s %s",
			         per, metric, ec_basis_name((ec_basis)basis),
			         isfinite(r->low) ? "at least" : "at most",
			         isfinite(r->low) ? a : b);
		size_t tl = strlen(tip);
		if (r->actual && r->comparable) {
			char v[48];
			ec_format_value(nk, r->actual_value, v, sizeof v);
			snprintf(tip + tl, sizeof tip - tl, "; actual %s (%s)", v,
			         ec_position_name(r->pos));
		} else {
			snprintf(tip + tl, sizeof tip - tl, "; %s",
			         r->why_not ? r->why_not : "no actual");
		}
		tl = strlen(tip);
		if (g->doc && *g->doc)
			snprintf(tip + tl, sizeof tip - tl, " \xe2\x80\x94 %s:%ld",
			         g->doc, g->line);
		tl = strlen(tip);
		if (g->quote && *g->quote && strlen(g->quote) < 300)
			snprintf(tip + tl, sizeof tip - tl,
			         " \xe2\x80\x9c%s\xe2\x80\x9d", g->quote);
		double x = ch_x(&p, pts[i].q);
		ch_group(c, id, tip);
		ch_guide_range(c, &p, x, w, r->low, r->high, gcol, 0.25,
		               isfinite(r->low) && isfinite(r->high) ? mw : 0);
		if (r->actual && r->comparable && isfinite(r->actual_value)) {
			int k = r->pos == EC_POS_BELOW   ? 0
			        : r->pos == EC_POS_ABOVE ? 2
			                                 : 1;
			double y = ch_y(&p, r->actual_value);
			/* Triangles and diamonds are measured centre to
			 * vertex: larger to match the circle's area. */
			double rad = th->marker_pt * (k == 1 ? 1.25 : 1.7);
			ec_scene_marker(sc, shp[k], x, y, rad, &sw[k]);
			ch_occ_box(c, (ec_box){x - rad, y - rad, 2 * rad, 2 * rad});
		}
		ec_scene_group_end(sc);
	}
	ec_scene_group_end(sc);
	if (!compact) {
		char d[900];
		snprintf(d, sizeof d,
		         "%s guidance vs actual%s%s: %zu guided quarters; %zu "
		         "within the range, %zu above, %zu below. %s",
		         ch_metric_title(metric), *c->company ? " for " : "",
		         c->company, np, n_within, n_above, n_below, f.caption);
		ec_scene_set_desc(c->sc, d);
	}
	free(pts);
	return c->fail;
}
