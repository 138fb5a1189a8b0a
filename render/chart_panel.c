/* The panel: 2x2 small multiples (revenue, operating margin, backlog,
 * guidance) with shared styling, one title and one footnote.
 *
 * A cell whose series is empty (no backlog rows, say) keeps its place and
 * says "No data" in its frame: the figure's layout does not depend on
 * which series exist, so panels of several companies line up, and a
 * missing series is visible rather than silently replaced.  The panel
 * fails only when no cell has data. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"

typedef ec_err (*cell_fn)(ch_ctx *c, ec_box region, bool compact);

static const struct {
	cell_fn fn;
	const char *prefix;
	const char *id;
	const char *heading;  /* for the "no data" cell */
	const char *nodata;
} cells[4] = {
    {ch_revenue, "c1-", "cell-1", "Revenue", "No quarterly revenue in the data"},
    {ch_margin, "c2-", "cell-2", "Operating margin",
     "No quarterly operating margin in the data"},
    {ch_backlog, "c3-", "cell-3", "Backlog", "No backlog figures in the data"},
    {ch_guidance, "c4-", "cell-4", "Guidance vs actual",
     "No quarterly guidance in the data"},
};

ec_err ch_panel(ch_ctx *c, ec_box region)
{
	const ec_chart_opts *o = c->o;
	ec_theme_spec full = c->th;
	/* The cells draw with default metrics (the options' metric, basis
	 * and segment would not mean the same in each cell), but keep the
	 * range, theme and company. */
	ec_chart_opts co = *o;
	co.metric = NULL;
	co.segment = NULL;
	co.basis = -1;
	co.trend = false;
	co.title = NULL;
	co.subtitle = NULL;
	c->o = &co;

	/* Pass 1: which cells have data, and their sources (the footnote
	 * needs them before the cells are drawn). */
	bool has[4];
	int n_has = 0;
	c->collect_only = true;
	for (int i = 0; i < 4; i++) {
		ec_error_clear(c->err);
		ec_err rc = cells[i].fn(c, region, true);
		has[i] = rc == EC_OK;
		n_has += has[i];
		if (rc != EC_OK && rc != EC_ENODATA) {
			c->collect_only = false;
			c->o = o;
			return rc;
		}
	}
	c->collect_only = false;
	ec_error_clear(c->err);
	if (n_has == 0) {
		c->o = o;
		return ec_error_set(c->err, EC_ENODATA, NULL, 0, 0,
		                    "nothing to draw: no revenue, margin, backlog "
		                    "or guidance rows%s%s in the selection",
		                    *c->company ? " for " : "", c->company);
	}

	ch_frame f;
	memset(&f, 0, sizeof f);
	if (o->title)
		f.title_user = o->title;
	else if (*c->company)
		snprintf(f.title, sizeof f.title,
		         "%s quarterly results at a glance", c->company);
	else
		snprintf(f.title, sizeof f.title, "Quarterly results at a glance");
	if (o->subtitle)
		f.subtitle_user = o->subtitle;
	else
		snprintf(f.subtitle, sizeof f.subtitle,
		         "Revenue (GAAP), operating margin (GAAP and non-GAAP), "
		         "backlog and revenue guidance against actuals");
	ec_box inner;
	ec_err rc = ch_frame_draw(c, region, &f, false, &inner);
	if (rc) {
		c->o = o;
		return rc;
	}
	/* Cells: a 2x2 grid with a gutter; each cell uses the theme sizes for
	 * its own size (never below the theme's minimum). */
	double gx = full.gap_pt * 2.2, gy = full.gap_pt * 1.6;
	double cw = (inner.w - gx) / 2, chh = (inner.h - gy) / 2;
	if (cw < 120 || chh < 80) {
		c->o = o;
		ch_fail(c, EC_EINVAL);
		return ec_error_set(c->err, EC_EINVAL, NULL, 0, 0,
		                    "the panel needs at least 260x190 pt for its "
		                    "four cells (%.0fx%.0f pt left)",
		                    inner.w, inner.h);
	}
	ec_theme_spec cell_th;
	ec_theme_spec_get(o->theme, cw, chh, &cell_th);
	for (int i = 0; i < 4 && c->fail == EC_OK; i++) {
		ec_box cell = {inner.x + (i % 2) * (cw + gx),
		               inner.y + (i / 2) * (chh + gy), cw, chh};
		snprintf(c->id_prefix, sizeof c->id_prefix, "%s", cells[i].prefix);
		c->th = cell_th;
		ec_scene_group_begin(c->sc, cells[i].id, cells[i].heading);
		if (has[i]) {
			ec_error_clear(c->err);
			rc = cells[i].fn(c, cell, true);
		} else {
			rc = EC_ENODATA;
		}
		if (rc == EC_ENODATA) {
			/* Heading and a framed note where the plot would be. */
			ec_error_clear(c->err);
			ch_frame nf;
			memset(&nf, 0, sizeof nf);
			snprintf(nf.title, sizeof nf.title, "%s", cells[i].heading);
			ec_box in2;
			rc = ch_frame_draw(c, cell, &nf, true, &in2);
			if (!rc)
				ch_no_data(c, in2, cells[i].nodata);
		}
		ec_scene_group_end(c->sc);
		c->th = full;
		if (rc) {
			c->id_prefix[0] = '\0';
			c->o = o;
			return rc;
		}
	}
	c->id_prefix[0] = '\0';
	c->o = o;
	char d[600];
	snprintf(d, sizeof d,
	         "Four small charts%s%s: quarterly revenue, operating margin "
	         "(GAAP and non-GAAP), backlog, and revenue guidance against "
	         "actuals.%s%s%s%s",
	         *c->company ? " of " : "", c->company,
	         has[0] ? "" : " No revenue data.",
	         has[1] ? "" : " No operating margin data.",
	         has[2] ? "" : " No backlog data.",
	         has[3] ? "" : " No guidance data.");
	ec_scene_set_desc(c->sc, d);
	return c->fail;
}
