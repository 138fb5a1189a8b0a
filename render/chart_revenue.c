/* The revenue chart: quarterly bars from zero, an optional log-linear trend
 * with its 95 % band, the guided range of future quarters as an outlined
 * box with its midpoint, the latest value labelled. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
#include "earnchart/analyze.h"

ec_err ch_revenue(ch_ctx *c, ec_box region, bool compact)
{
	const ec_chart_opts *o = c->o;
	const char *metric = o->metric && !compact ? o->metric : "revenue";
	const char *seg = ch_pick_segment(c, metric, EC_KIND_ACTUAL);
	int basis = ch_pick_basis(c, metric, seg, EC_KIND_ACTUAL, EC_BASIS_GAAP);
	ch_rows act = {0}, gd = {0};
	ec_err rc = ch_select(c, metric, seg, basis, EC_KIND_ACTUAL, &act);
	if (rc)
		return rc;
	if (act.n == 0) {
		ch_rows_free(&act);
		return ec_error_set(c->err, EC_ENODATA, NULL, 0, 0,
		                    "no quarterly actuals of %s (%s, %s)%s%s in "
		                    "the selection",
		                    metric, seg, ec_basis_name((ec_basis)basis),
		                    *c->company ? " for " : "", c->company);
	}
	ec_unit unit = act.v[0]->unit;
	/* One unit per axis: rows in another unit are left out, and said. */
	size_t k = 0;
	for (size_t i = 0; i < act.n; i++)
		if (act.v[i]->unit == unit)
			act.v[k++] = act.v[i];
	if (k < act.n)
		ch_add_note(c, "Rows in another unit are not shown.");
	act.n = k;
	int qa = ec_period_qindex(act.v[0]->period);
	int qz = ec_period_qindex(act.v[act.n - 1]->period);
	rc = ch_select(c, metric, seg, basis, EC_KIND_GUIDANCE, &gd);
	if (rc) {
		ch_rows_free(&act);
		return rc;
	}
	/* Only guidance for quarters after the last actual: the future. */
	k = 0;
	for (size_t i = 0; i < gd.n; i++)
		if (ec_period_qindex(gd.v[i]->period) > qz &&
		    gd.v[i]->unit == unit)
			gd.v[k++] = gd.v[i];
	gd.n = k;
	for (size_t i = 0; i < act.n; i++)
		ch_note_source(c, act.v[i]);
	for (size_t i = 0; i < gd.n; i++)
		ch_note_source(c, gd.v[i]);
	if (c->collect_only) {
		ch_rows_free(&act);
		ch_rows_free(&gd);
		return EC_OK;
	}
	int q1 = gd.n ? ec_period_qindex(gd.v[gd.n - 1]->period) : qz;
	int q0;
	size_t nq;
	ch_range(c, qa, q1, &q0, &nq);
	if (nq > CH_MAX_QUARTERS) {
		ch_rows_free(&act);
		ch_rows_free(&gd);
		return ec_error_set(c->err, EC_ELIMIT, NULL, 0, 0,
		                    "%zu quarters to show; at most %d fit on one "
		                    "axis (use --from/--to)",
		                    nq, CH_MAX_QUARTERS);
	}

	double vmin = 0, vmax = 0;
	bool any_derived = false, any_analyst = false;
	for (size_t i = 0; i < act.n; i++) {
		vmin = fmin(vmin, act.v[i]->value);
		vmax = fmax(vmax, act.v[i]->value);
		any_derived |= ch_role(act.v[i]) == 1;
		any_analyst |= ch_role(act.v[i]) == 2;
	}
	double data_max = vmax;
	for (size_t i = 0; i < gd.n; i++) {
		double lo, hi;
		ch_guide_bounds(gd.v[i], &lo, &hi);
		if (isfinite(hi))
			vmax = fmax(vmax, hi);
		if (isfinite(lo))
			vmax = fmax(vmax, lo);
	}

	/* Trend on request (not in the panel's small cell). */
	ec_trend tr;
	bool trend = false;
	if (o->trend && !compact) {
		ec_error te;
		ec_error_clear(&te);
		ec_trend_opts topt;
		ec_trend_opts_defaults(&topt);
		if (ec_trend_fit(act.v, act.n, &topt, &tr, &te) == EC_OK &&
		    tr.has_log) {
			trend = true;
			for (int q = qa; q <= q0 + (int)nq - 1; q++) {
				double hi;
				ec_trend_eval(&tr, q, NULL, NULL, &hi);
				/* The band may widen far beyond the data at the
				 * ends; the axis follows the data, the band is
				 * clipped. */
				if (isfinite(hi))
					vmax = fmax(vmax, fmin(hi, data_max * 1.25));
			}
		} else {
			char note[600];
			snprintf(note, sizeof note,
			         "No trend shown: %s.",
			         te.msg[0] ? te.msg : "it cannot be fitted");
			ch_add_note(c, note);
		}
	}

	ch_frame f;
	memset(&f, 0, sizeof f);
	const char *bt = ch_basis_title((ec_basis)basis);
	bool total = strcmp(seg, "total") == 0;
	if (compact)
		snprintf(f.title, sizeof f.title, "%s%s%s",
		         ch_metric_title(metric), total ? "" : ", ",
		         total ? "" : seg);
	else if (o->title)
		f.title_user = o->title;
	else
		snprintf(f.title, sizeof f.title, "%s%s%s by quarter", c->company,
		         *c->company ? " " : "", *c->company
		                                     ? "revenue"
		                                     : ch_metric_title(metric));
	if (o->subtitle)
		f.subtitle_user = o->subtitle;
	else
		snprintf(f.subtitle, sizeof f.subtitle, "%s%s%s%s%s, %s",
		         ch_metric_title(metric), total ? "" : " (",
		         total ? "" : seg, total ? "" : ")",
		         *bt ? (strcmp(bt, "GAAP") == 0 ? ", GAAP" : ", non-GAAP")
		             : "",
		         ch_unit_title(unit));
	ec_style bar0 = ec_theme_bar_style(&c->th, 0);
	char lab[112];
	snprintf(lab, sizeof lab, "Reported%s%s%s", *bt ? " (" : "", bt,
	         *bt ? ")" : "");
	ch_legend_add(&f, CH_SW_BAR, &bar0, NULL, false, 0, lab);
	if (any_derived) {
		ec_style d = ec_theme_derived_style(&c->th, 0);
		ch_legend_add(&f, CH_SW_BAR, &d, NULL, false, 0,
		              "Derived (hatched)");
	}
	if (any_analyst) {
		ec_style a = ec_theme_analyst_style(&c->th, 0);
		ch_legend_add(&f, CH_SW_BAR, &a, NULL, false, 0,
		              "Analyst figure only (hollow)");
	}
	ec_style band = ec_style_fill(c->th.band);
	/* The trend is a model, not a series: a neutral ink. */
	ec_style tline = ec_style_stroke(c->th.text_muted, c->th.line_pt * 0.9);
	if (trend)
		ch_legend_add(&f, CH_SW_BAND, &band, &tline, false, 0,
		              "Log-linear trend, 95% band");
	ec_style gbox = ec_style_stroke(c->th.guide_stroke, c->th.line_pt * 0.8);
	gbox.fill = c->th.guide_fill;
	ec_style gmid = ec_style_stroke(c->th.guide_stroke, c->th.line_pt * 1.2);
	if (gd.n)
		ch_legend_add(&f, CH_SW_BOX, &gbox, &gmid, false, 0,
		              compact ? "Guided range"
		                      : "Guided range and midpoint");
	if (trend) {
		snprintf(f.caption, sizeof f.caption,
		         "Trend growth %.1f%% a quarter (95%% CI %.1f%% to "
		         "%.1f%%), %.1f%% a year compounded, fitted on %zu "
		         "quarters.",
		         tr.g_q * 100, tr.g_q_lo * 100, tr.g_q_hi * 100,
		         tr.cagr * 100, tr.n);
		/* A real minus sign for negative growth. */
		char fixed[sizeof f.caption];
		size_t w = 0;
		for (const char *p = f.caption; *p && w + 4 < sizeof fixed; p++) {
			if (*p == '-') {
				memcpy(fixed + w, "\xe2\x88\x92", 3);
				w += 3;
			} else {
				fixed[w++] = *p;
			}
		}
		fixed[w] = '\0';
		snprintf(f.caption, sizeof f.caption, "%s", fixed);
	}

	ec_box inner;
	rc = ch_frame_draw(c, region, &f, compact, &inner);
	ch_plot p;
	if (!rc)
		rc = ch_axes(c, inner, q0, nq, vmin, vmax, true, unit, 0, &p);
	if (rc) {
		ch_rows_free(&act);
		ch_rows_free(&gd);
		return rc;
	}
	ec_scene *sc = c->sc;
	ch_group(c, "data", NULL);
	/* Trend band behind the bars, clipped to the plot. */
	if (trend) {
		size_t m = (size_t)(q0 + (int)nq - qa);
		double *xs = malloc(2 * m * sizeof *xs);
		double *ys = malloc(2 * m * sizeof *ys);
		double *fy = malloc(m * sizeof *fy);
		if (!xs || !ys || !fy) {
			free(xs);
			free(ys);
			free(fy);
			ch_rows_free(&act);
			ch_rows_free(&gd);
			ch_fail(c, EC_ENOMEM);
			return EC_ENOMEM;
		}
		size_t j = 0;
		for (int q = qa > q0 ? qa : q0; q < q0 + (int)nq; q++, j++) {
			double fit, lo, hi;
			ec_trend_eval(&tr, q, &fit, &lo, &hi);
			xs[j] = ch_x(&p, q);
			ys[j] = ch_y(&p, hi);
			xs[2 * m - 1 - j] = xs[j];
			ys[2 * m - 1 - j] = ch_y(&p, lo);
			fy[j] = ch_y(&p, fit);
		}
		/* j may be below m when --from cuts the first quarters. */
		size_t used = j;
		if (used < m) {
			memmove(xs + used, xs + 2 * m - used, used * sizeof *xs);
			memmove(ys + used, ys + 2 * m - used, used * sizeof *ys);
		}
		ch_group(c, "trend", "Log-linear trend with its 95% confidence "
		                     "band");
		ec_scene_clip_begin(sc, p.area.x, p.area.y, p.area.w, p.area.h);
		if (used >= 2)
			ec_scene_polygon(sc, xs, ys, 2 * used, &band);
		ec_scene_clip_end(sc);
		ec_scene_group_end(sc);
		for (size_t i = 0; i < used; i++)
			ys[i] = fy[i];
		/* The line is drawn after the bars (below), remembered here. */
		for (size_t i = 0; i + 1 < used; i++)
			ch_occ_seg(c, xs[i], fy[i], xs[i + 1], fy[i + 1]);
		ch_group(c, "bars", NULL);
		for (size_t i = 0; i < act.n; i++) {
			int q = ec_period_qindex(act.v[i]->period);
			ch_bar(c, &p, act.v[i], ch_x(&p, q), p.bar_w, 0, "revenue",
			       NULL, NULL);
		}
		ec_scene_group_end(sc);
		ch_group(c, "trend-line", NULL);
		ec_scene_clip_begin(sc, p.area.x, p.area.y, p.area.w, p.area.h);
		ec_scene_polyline(sc, xs, fy, used, &tline);
		ec_scene_clip_end(sc);
		ec_scene_group_end(sc);
		free(xs);
		free(ys);
		free(fy);
	} else {
		ch_group(c, "bars", NULL);
		for (size_t i = 0; i < act.n; i++) {
			int q = ec_period_qindex(act.v[i]->period);
			ch_bar(c, &p, act.v[i], ch_x(&p, q), p.bar_w, 0, "revenue",
			       NULL, NULL);
		}
		ec_scene_group_end(sc);
	}

	/* Guided ranges of future quarters. */
	ec_box gboxes[8];
	size_t ngb = 0;
	for (size_t i = 0; i < gd.n; i++) {
		const ec_obs *g = gd.v[i];
		double lo, hi;
		ch_guide_bounds(g, &lo, &hi);
		int q = ec_period_qindex(g->period);
		double x = ch_x(&p, q), w = p.bar_w;
		char per[EC_PERIOD_STRLEN], id[48], tip[640], a[48], b[48];
		ec_period_format(g->period, per);
		snprintf(id, sizeof id, "guide-%s", per);
		ec_numfmt_kind nk = ec_numfmt_kind_for_unit(unit);
		ec_format_value(nk, lo, a, sizeof a);
		ec_format_value(nk, hi, b, sizeof b);
		ch_tooltip(g, "guided", isfinite(g->value) ? g->value : lo, tip,
		           sizeof tip);
		ch_note_source(c, g);
		ch_group(c, id, tip);
		double ytop = isfinite(hi) ? ch_y(&p, hi) : p.area.y;
		double ybot = isfinite(lo) ? ch_y(&p, lo) : ch_y(&p, 0);
		ec_box bx = {x - w / 2, ytop, w, ybot - ytop};
		if (bx.h < 1) {
			bx.y -= (1 - bx.h) / 2;
			bx.h = 1;
		}
		ec_scene_rect(sc, bx.x, bx.y, bx.w, bx.h, &gbox);
		double mid = isfinite(lo) && isfinite(hi) ? (lo + hi) / 2
		             : isfinite(lo)                ? lo
		                                           : hi;
		double ym = ch_y(&p, mid);
		ec_scene_path_begin(sc, &gmid);
		ec_scene_path_move(sc, bx.x - w * 0.15, ym);
		ec_scene_path_line(sc, bx.x + bx.w + w * 0.15, ym);
		ec_scene_path_end(sc);
		ec_scene_group_end(sc);
		ch_occ_box(c, (ec_box){bx.x - w * 0.15, bx.y, bx.w * 1.3, bx.h});
		if (ngb < 8)
			gboxes[ngb++] = bx;
	}
	ec_scene_group_end(sc); /* data */
	ch_baseline(c, &p);

	/* Labels: the latest actual, then the guided ranges. */
	ch_group(c, "labels", NULL);
	const ec_obs *last = act.v[act.n - 1];
	ec_text_style ls = ec_text_style_make(c->th.label_pt, c->th.text);
	ls.weight = EC_WEIGHT_BOLD;
	ec_numfmt_kind nk = ec_numfmt_kind_for_unit(unit);
	char v[48];
	ec_format_value(nk, last->value, v, sizeof v);
	double lx = ch_x(&p, ec_period_qindex(last->period));
	double ly = ch_y(&p, last->value);
	double pad = c->th.label_pt * 0.45;
	ec_text_metrics lm = ch_measure(c, v, ls.size_pt, ls.weight);
	bool neg = last->value < 0;
	ch_cand cands[] = {
	    {lx, neg ? ly + pad + lm.ascent : ly - pad - lm.descent,
	     EC_ANCHOR_MIDDLE},
	    {lx + p.bar_w / 2, ly - pad - lm.descent, EC_ANCHOR_END},
	    {lx - p.bar_w / 2, ly - pad - lm.descent, EC_ANCHOR_START},
	    {lx - p.bar_w / 2 - pad, ly + lm.ascent / 2, EC_ANCHOR_END},
	    {lx + p.bar_w / 2 + pad, ly + lm.ascent / 2, EC_ANCHOR_START},
	    {lx, ly - 2 * pad - lm.descent - lm.height, EC_ANCHOR_MIDDLE},
	    {lx + p.bar_w / 2, ly - 2 * pad - lm.descent - lm.height,
	     EC_ANCHOR_END},
	    {lx, ly - 2 * pad - lm.descent - 2 * lm.height, EC_ANCHOR_MIDDLE},
	    {lx + p.bar_w / 2, ly - 2 * pad - lm.descent - 2 * lm.height,
	     EC_ANCHOR_END},
	    {lx, ly - 2 * pad - lm.descent - 3 * lm.height, EC_ANCHOR_MIDDLE},
	};
	ec_box bounds = {p.area.x - p.slot * 0.5, inner.y, p.area.w + p.slot,
	                 p.area.y + p.area.h - inner.y};
	ch_place_label(c, v, &ls, cands, sizeof cands / sizeof *cands, bounds,
	               NULL);
	ec_text_style gs = ec_text_style_make(c->th.label_pt, c->th.text_muted);
	for (size_t i = 0; i < ngb; i++) {
		const ec_obs *g = gd.v[i];
		double lo, hi;
		ch_guide_bounds(g, &lo, &hi);
		char a[48], b[48], t[112];
		ec_format_value(nk, lo, a, sizeof a);
		ec_format_value(nk, hi, b, sizeof b);
		if (isfinite(lo) && isfinite(hi) && lo != hi)
			snprintf(t, sizeof t, "Guided %s\xe2\x80\x93%s", a, b);
		else
			snprintf(t, sizeof t, "Guided %s", isfinite(lo) ? a : b);
		ec_box bx = gboxes[i];
		double cx = bx.x + bx.w / 2;
		ec_text_metrics gm = ch_measure(c, t, gs.size_pt, gs.weight);
		ch_cand gc[] = {
		    {cx, bx.y - pad - gm.descent, EC_ANCHOR_MIDDLE},
		    {bx.x + bx.w, bx.y - pad - gm.descent, EC_ANCHOR_END},
		    {bx.x - pad, bx.y + gm.ascent, EC_ANCHOR_END},
		    {bx.x - pad, bx.y + bx.h / 2 + gm.ascent / 2, EC_ANCHOR_END},
		    {bx.x + bx.w, bx.y - 2 * pad - gm.descent - gm.height,
		     EC_ANCHOR_END},
		};
		if (!ch_place_label(c, t, &gs, gc, sizeof gc / sizeof *gc,
		                    bounds, NULL)) {
			/* Too crowded: the short form. */
			char sh[64];
			snprintf(sh, sizeof sh, "Guided");
			ch_place_label(c, sh, &gs, gc, sizeof gc / sizeof *gc,
			               bounds, NULL);
		}
	}
	ec_scene_group_end(sc);

	if (!compact) {
		char what[160], extra[300] = "";
		snprintf(what, sizeof what, "Quarterly %s (%s%s%s)",
		         metric, *bt ? bt : "", *bt ? ", " : "",
		         ch_unit_title(unit));
		if (gd.n) {
			char a[16];
			snprintf(extra, sizeof extra,
			         "Guided range shown for %s.",
			         ec_period_short_label(gd.v[gd.n - 1]->period, a));
		}
		ch_describe(c, what, &act, extra);
	}
	ch_rows_free(&act);
	ch_rows_free(&gd);
	return c->fail;
}
