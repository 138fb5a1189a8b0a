/* The backlog chart: backlog by quarter as bars from zero, each labelled
 * with its change from the prior quarter (only when that quarter is
 * known: a gap is never bridged). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"

ec_err ch_backlog(ch_ctx *c, ec_box region, bool compact)
{
	const ec_chart_opts *o = c->o;
	const ec_theme_spec *th = &c->th;
	const char *metric = o->metric && !compact ? o->metric : "backlog";
	const char *seg = ch_pick_segment(c, metric, EC_KIND_ACTUAL);
	int basis = ch_pick_basis(c, metric, seg, EC_KIND_ACTUAL, EC_BASIS_NONE);
	ch_rows act = {0};
	ec_err rc = ch_select(c, metric, seg, basis, EC_KIND_ACTUAL, &act);
	if (rc)
		return rc;
	if (act.n == 0)
		return ec_error_set(c->err, EC_ENODATA, NULL, 0, 0,
		                    "no quarterly actuals of %s%s%s in the "
		                    "selection",
		                    metric, *c->company ? " for " : "",
		                    c->company);
	ec_unit unit = act.v[0]->unit;
	size_t k = 0;
	for (size_t i = 0; i < act.n; i++)
		if (act.v[i]->unit == unit)
			act.v[k++] = act.v[i];
	act.n = k;
	for (size_t i = 0; i < act.n; i++)
		ch_note_source(c, act.v[i]);
	if (c->collect_only) {
		ch_rows_free(&act);
		return EC_OK;
	}
	int q0;
	size_t nq;
	ch_range(c, ec_period_qindex(act.v[0]->period),
	         ec_period_qindex(act.v[act.n - 1]->period), &q0, &nq);
	if (nq > CH_MAX_QUARTERS) {
		ch_rows_free(&act);
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
	/* Room above the tallest bar for its change label. */
	ch_frame f;
	memset(&f, 0, sizeof f);
	bool total = strcmp(seg, "total") == 0;
	char segname[64];
	snprintf(segname, sizeof segname, "%s", seg);
	for (char *s = segname; *s; s++)
		if (*s == '_')
			*s = ' ';
	if (compact)
		snprintf(f.title, sizeof f.title, "%s%s%s", ch_metric_title(metric),
		         total ? "" : ", ", total ? "" : segname);
	else if (o->title)
		f.title_user = o->title;
	else
		snprintf(f.title, sizeof f.title, "%s%s%s%s%s by quarter",
		         c->company, *c->company ? " " : "", total ? "" : segname,
		         total ? "" : " ",
		         *c->company || !total ? (strcmp(metric, "backlog") == 0
		                                      ? "backlog"
		                                      : metric)
		                               : ch_metric_title(metric));
	if (o->subtitle)
		f.subtitle_user = o->subtitle;
	else
		snprintf(f.subtitle, sizeof f.subtitle,
		         "%s%s%s%s at quarter end, %s; labels: change from the "
		         "prior quarter",
		         ch_metric_title(metric), total ? "" : " (",
		         total ? "" : segname, total ? "" : ")",
		         ch_unit_title(unit));
	ec_style bar0 = ec_theme_bar_style(th, 0);
	ch_legend_add(&f, CH_SW_BAR, &bar0, NULL, false, 0, "Reported");
	if (any_derived) {
		ec_style d = ec_theme_derived_style(th, 0);
		ch_legend_add(&f, CH_SW_BAR, &d, NULL, false, 0,
		              "Derived (hatched)");
	}
	if (any_analyst) {
		ec_style a = ec_theme_analyst_style(th, 0);
		ch_legend_add(&f, CH_SW_BAR, &a, NULL, false, 0,
		              "Analyst figure only (hollow)");
	}
	ec_box inner;
	rc = ch_frame_draw(c, region, &f, compact, &inner);
	ch_plot p;
	/* Headroom for the labels above the bars: about two label lines. */
	if (!rc) {
		double lh = th->label_pt * 2.6;
		double frac = inner.h > 4 * lh ? lh / inner.h : 0.25;
		double top = vmax > 0 ? vmax / (1 - frac) : vmax;
		rc = ch_axes(c, inner, q0, nq, vmin, top, true, unit, 0, &p);
	}
	if (rc) {
		ch_rows_free(&act);
		return rc;
	}
	ec_scene *sc = c->sc;
	ec_box *boxes = malloc(act.n * sizeof *boxes);
	if (!boxes) {
		ch_rows_free(&act);
		ch_fail(c, EC_ENOMEM);
		return EC_ENOMEM;
	}
	ch_group(c, "data", NULL);
	ch_group(c, "bars", NULL);
	for (size_t i = 0; i < act.n; i++) {
		int q = ec_period_qindex(act.v[i]->period);
		ch_bar(c, &p, act.v[i], ch_x(&p, q), p.bar_w, 0,
		       ch_metric_title(metric), NULL, &boxes[i]);
	}
	ec_scene_group_end(sc);
	ec_scene_group_end(sc);
	ch_baseline(c, &p);

	/* Labels: the change from the prior quarter above each bar, the
	 * latest value in bold above its change. */
	ch_group(c, "labels", NULL);
	ec_numfmt_kind nk = ec_numfmt_kind_for_unit(unit);
	ec_text_style ls = ec_text_style_make(th->label_pt, th->text_muted);
	ec_text_metrics lm = ch_measure(c, "+0", ls.size_pt, ls.weight);
	double pad = th->label_pt * 0.4;
	ec_box bounds = {p.area.x - p.slot * 0.5, p.area.y, p.area.w + p.slot,
	                 p.area.h};
	size_t n_changes = 0, n_placed = 0;
	for (size_t i = act.n; i-- > 0;) {
		const ec_obs *r = act.v[i];
		ec_box b = boxes[i];
		double x = b.x + b.w / 2;
		bool neg = r->value < 0;
		double ytop = neg ? b.y + b.h : b.y;
		double above = neg ? ytop + pad + lm.ascent : ytop - pad - lm.descent;
		if (i == act.n - 1) {
			char v[48];
			ec_format_value(nk, r->value, v, sizeof v);
			ec_text_style vs = ec_text_style_make(th->label_pt, th->text);
			vs.weight = EC_WEIGHT_BOLD;
			double y2 = neg ? above + lm.height * 1.3
			                : above - lm.height * 1.3;
			ch_cand cv[] = {{x, y2, EC_ANCHOR_MIDDLE},
			                {x, above, EC_ANCHOR_MIDDLE},
			                {x + b.w / 2, y2, EC_ANCHOR_END}};
			/* With no change label below it, it sits on the bar. */
			bool has_prior =
			    i > 0 && ec_period_qindex(act.v[i - 1]->period) ==
			                 ec_period_qindex(r->period) - 1;
			ch_place_label(c, v, &vs, has_prior ? cv : cv + 1,
			               has_prior ? 3 : 2, bounds, NULL);
		}
		if (i == 0 || ec_period_qindex(act.v[i - 1]->period) !=
		                  ec_period_qindex(r->period) - 1)
			continue; /* no prior quarter: no change to show */
		double d = r->value - act.v[i - 1]->value;
		char v[48], t[64];
		/* Changes in whole millions from $10M: "+$65M", not
		 * "+$65.0M". */
		ec_numfmt cf = ec_numfmt_for_value(nk, fabs(d));
		if (nk == EC_NUMFMT_USD_M && fabs(d) >= 10 && !cf.billions)
			cf.decimals = 0;
		ec_numfmt_print(&cf, fabs(d), v, sizeof v);
		snprintf(t, sizeof t, "%s%s",
		         d > 0 ? "+" : (d < 0 ? "\xe2\x88\x92" : "\xc2\xb1"), v);
		n_changes++;
		ch_cand cands[] = {
		    {x, above, EC_ANCHOR_MIDDLE},
		    {x, neg ? above + lm.height * 1.3 : above - lm.height * 1.3,
		     EC_ANCHOR_MIDDLE},
		};
		if (ch_place_label(c, t, &ls, cands, 2, bounds, NULL))
			n_placed++;
	}
	ec_scene_group_end(sc);
	/* Changes that found no room stay unlabelled (the bars still show
	 * them); n_placed < n_changes only on crowded axes. */
	(void)n_placed;
	(void)n_changes;
	free(boxes);
	if (!compact) {
		char what[160];
		snprintf(what, sizeof what, "%s%s%s by quarter (%s)",
		         ch_metric_title(metric), total ? "" : ", ",
		         total ? "" : segname, ch_unit_title(unit));
		ch_describe(c, what, &act, NULL);
	}
	ch_rows_free(&act);
	return c->fail;
}
