/* The EPS chart: GAAP and non-GAAP diluted EPS side by side as grouped
 * bars from zero; values labelled on every bar when they all fit, else on
 * the latest quarter only. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"

ec_err ch_eps(ch_ctx *c, ec_box region, bool compact)
{
	const ec_chart_opts *o = c->o;
	const ec_theme_spec *th = &c->th;
	const char *metric = o->metric && !compact ? o->metric : "eps_diluted";
	const char *seg = o->segment ? o->segment : "total";
	ch_rows act[2] = {{0}, {0}};
	int nb = 0;
	ec_basis bases[2];
	for (int b = 0; b < 2; b++) {
		if (o->basis >= 0 && o->basis != b)
			continue;
		bases[nb] = (ec_basis)b;
		ec_err rc = ch_select(c, metric, seg, b, EC_KIND_ACTUAL, &act[nb]);
		if (rc) {
			ch_rows_free(&act[0]);
			return rc;
		}
		nb++;
	}
	int qa = 1 << 30, qz = -1;
	double vmin = 0, vmax = 0;
	bool any_derived = false, any_analyst = false;
	ec_unit unit = EC_UNIT_USD;
	size_t total = 0;
	for (int s = 0; s < nb; s++)
		for (size_t i = 0; i < act[s].n; i++) {
			const ec_obs *r = act[s].v[i];
			int q = ec_period_qindex(r->period);
			qa = q < qa ? q : qa;
			qz = q > qz ? q : qz;
			vmin = fmin(vmin, r->value);
			vmax = fmax(vmax, r->value);
			any_derived |= ch_role(r) == 1;
			any_analyst |= ch_role(r) == 2;
			unit = r->unit;
			total++;
		}
	if (total == 0) {
		for (int s = 0; s < nb; s++)
			ch_rows_free(&act[s]);
		return ec_error_set(c->err, EC_ENODATA, NULL, 0, 0,
		                    "no quarterly actuals of %s%s%s in the "
		                    "selection",
		                    metric, *c->company ? " for " : "",
		                    c->company);
	}
	for (int s = 0; s < nb; s++)
		for (size_t i = 0; i < act[s].n; i++)
			ch_note_source(c, act[s].v[i]);
	if (c->collect_only) {
		for (int s = 0; s < nb; s++)
			ch_rows_free(&act[s]);
		return EC_OK;
	}
	int q0;
	size_t nq;
	ch_range(c, qa, qz, &q0, &nq);
	if (nq > CH_MAX_QUARTERS) {
		for (int s = 0; s < nb; s++)
			ch_rows_free(&act[s]);
		return ec_error_set(c->err, EC_ELIMIT, NULL, 0, 0,
		                    "%zu quarters to show; at most %d fit on one "
		                    "axis (use --from/--to)",
		                    nq, CH_MAX_QUARTERS);
	}
	ch_frame f;
	memset(&f, 0, sizeof f);
	if (compact)
		snprintf(f.title, sizeof f.title, "%s", ch_metric_title(metric));
	else if (o->title)
		f.title_user = o->title;
	else if (strcmp(metric, "eps_diluted") == 0)
		snprintf(f.title, sizeof f.title, "%s%s%s per share by quarter",
		         c->company, *c->company ? " earnings" : "Earnings", "");
	else
		snprintf(f.title, sizeof f.title, "%s%s%s by quarter", c->company,
		         *c->company ? " " : "", ch_metric_title(metric));
	if (o->subtitle)
		f.subtitle_user = o->subtitle;
	else
		snprintf(f.subtitle, sizeof f.subtitle, "%s, %s, %s",
		         ch_metric_title(metric),
		         nb == 2 ? "GAAP and non-GAAP" : ch_basis_title(bases[0]),
		         ch_unit_title(unit));
	for (int s = 0; s < nb; s++) {
		ec_style st = ec_theme_bar_style(th, (int)bases[s]);
		ch_legend_add(&f, CH_SW_BAR, &st, NULL, false, 0,
		              bases[s] == EC_BASIS_GAAP ? "GAAP" : "Non-GAAP");
	}
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
	/* The latest quarter's values in words: a grouped bar's label may
	 * find no room, the caption always does. */
	{
		const ec_obs *lv[2] = {NULL, NULL};
		for (int s = 0; s < nb; s++)
			if (act[s].n && ec_period_qindex(act[s].v[act[s].n - 1]->period) == qz)
				lv[s] = act[s].v[act[s].n - 1];
		char per[16];
		snprintf(f.caption, sizeof f.caption, "%s:",
		         ec_period_short_label(ec_period_from_qindex(qz), per));
		for (int s = 0; s < nb; s++) {
			if (!lv[s])
				continue;
			char v[48];
			ec_format_value(ec_numfmt_kind_for_unit(lv[s]->unit),
			                lv[s]->value, v, sizeof v);
			size_t l = strlen(f.caption);
			snprintf(f.caption + l, sizeof f.caption - l, "%s %s %s",
			         s && lv[0] ? "," : "",
			         bases[s] == EC_BASIS_GAAP ? "GAAP" : "non-GAAP", v);
		}
		size_t l = strlen(f.caption);
		snprintf(f.caption + l, sizeof f.caption - l, " diluted EPS.");
	}
	ec_box inner;
	ec_err rc = ch_frame_draw(c, region, &f, compact, &inner);
	ch_plot p;
	if (!rc) {
		/* Headroom for a label line above the tallest bar. */
		double lh = th->label_pt * 1.6;
		double frac = inner.h > 4 * lh ? lh / inner.h : 0.2;
		double top = vmax > 0 ? vmax / (1 - frac) : vmax;
		double bot = vmin < 0 ? vmin / (1 - frac) : vmin;
		rc = ch_axes(c, inner, q0, nq, bot, top, true, unit, 0, &p);
	}
	if (rc) {
		for (int s = 0; s < nb; s++)
			ch_rows_free(&act[s]);
		return rc;
	}
	ec_scene *sc = c->sc;
	/* Two bars share a slot; a single basis takes the whole bar width. */
	double bw = nb == 2 ? p.bar_w / 2 : p.bar_w;
	ch_group(c, "data", NULL);
	for (int s = 0; s < nb; s++) {
		char gid[32];
		snprintf(gid, sizeof gid, "bars-%s", ec_basis_name(bases[s]));
		ch_group(c, gid, NULL);
		for (size_t i = 0; i < act[s].n; i++) {
			const ec_obs *r = act[s].v[i];
			double x = ch_x(&p, ec_period_qindex(r->period));
			if (nb == 2)
				x += (s == 0 ? -bw / 2 : bw / 2);
			char what[64];
			snprintf(what, sizeof what, "diluted EPS (%s)",
			         ch_basis_title(bases[s]));
			ch_bar(c, &p, r, x, bw, (int)bases[s], what,
			       ec_basis_name(bases[s]), NULL);
		}
		ec_scene_group_end(sc);
	}
	ec_scene_group_end(sc);
	ch_baseline(c, &p);

	/* Labels: every bar if all fit, else the latest quarter's pair. */
	ec_text_style ls = ec_text_style_make(th->label_pt * (nb == 2 ? 0.92 : 1),
	                                      th->text);
	ec_text_metrics lm = ch_measure(c, "$0.00", ls.size_pt, ls.weight);
	double pad = th->label_pt * 0.35;
	bool all = lm.width <= bw + p.slot * (1 - th->bar_fill_frac) * 0.5;
	ec_box bounds = {p.area.x - p.slot * 0.5, p.area.y, p.area.w + p.slot,
	                 p.area.h};
	/* Dry run: every label at its first place, clear of the data and of
	 * each other; otherwise only the latest quarter is labelled. */
	if (all) {
		size_t cap = act[0].n + (nb == 2 ? act[1].n : 0), nbx = 0;
		ec_box *bx = malloc((cap ? cap : 1) * sizeof *bx);
		if (!bx) {
			all = false;
		}
		for (int s = 0; s < nb && all; s++)
			for (size_t i = 0; i < act[s].n && all; i++) {
				const ec_obs *r = act[s].v[i];
				char v[48];
				ec_format_value(ec_numfmt_kind_for_unit(r->unit),
				                r->value, v, sizeof v);
				ec_text_metrics m =
				    ch_measure(c, v, ls.size_pt, ls.weight);
				double x = ch_x(&p, ec_period_qindex(r->period));
				if (nb == 2)
					x += (s == 0 ? -bw / 2 : bw / 2);
				double y = ch_y(&p, r->value);
				double yb = r->value < 0 ? y + pad + m.ascent
				                         : y - pad - m.descent;
				ec_box b = {x - m.width / 2, yb - m.ascent, m.width,
				            m.height};
				if (!ch_occ_free(c, b, ls.size_pt * 0.15))
					all = false;
				for (size_t j = 0; j < nbx && all; j++)
					if (ec_boxes_overlap(b, bx[j],
					                     ls.size_pt * 0.15))
						all = false;
				bx[nbx++] = b;
			}
		free(bx);
	}
	ch_group(c, "labels", NULL);
	for (int s = 0; s < nb; s++) {
		for (size_t i = 0; i < act[s].n; i++) {
			const ec_obs *r = act[s].v[i];
			int q = ec_period_qindex(r->period);
			if (!all && q != qz)
				continue;
			double x = ch_x(&p, q);
			if (nb == 2)
				x += (s == 0 ? -bw / 2 : bw / 2);
			double y = ch_y(&p, r->value);
			bool neg = r->value < 0;
			char v[48];
			ec_format_value(ec_numfmt_kind_for_unit(r->unit), r->value,
			                v, sizeof v);
			double yl = neg ? y + pad + lm.ascent : y - pad - lm.descent;
			double yl2 = neg ? yl + lm.height : yl - lm.height;
			/* Outward of the pair when the label is wider than its
			 * bar. */
			double xo = nb == 2 ? (s == 0 ? x + bw / 2 : x - bw / 2) : x;
			ec_anchor ao = nb == 2 ? (s == 0 ? EC_ANCHOR_END
			                                 : EC_ANCHOR_START)
			                       : EC_ANCHOR_MIDDLE;
			ch_cand cands[] = {
			    {x, yl, EC_ANCHOR_MIDDLE},
			    {xo, yl, ao},
			    {x, yl2, EC_ANCHOR_MIDDLE},
			    {xo, yl2, ao},
			};
			ch_place_label(c, v, &ls, cands, 4, bounds, NULL);
		}
	}
	ec_scene_group_end(sc);
	if (!compact) {
		const ch_rows *m = &act[nb - 1];
		if (!m->n)
			m = &act[0];
		char what[160];
		snprintf(what, sizeof what, "Quarterly diluted EPS (%s, US$)",
		         ch_basis_title(bases[m == &act[0] ? 0 : nb - 1]));
		ch_describe(c, what, m, NULL);
	}
	for (int s = 0; s < nb; s++)
		ch_rows_free(&act[s]);
	return c->fail;
}
