/* Charts: options, and the laid-out scene of every chart type at every
 * size: no text collides with other text or with the data, missing
 * quarters stay gaps, bars start at the zero baseline and reach their
 * value, ticks are nice, and the output is deterministic. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
#include "earnchart/chart.h"
#include "earnchart/csvio.h"
#include "scene.h"
#include "testlib.h"

static const char *const sizes[] = {"slide", "report", "square"};
static const char *const types[] = {"revenue", "margin", "backlog",
                                    "guidance", "eps", "panel"};

static ec_series *load(const char *path)
{
	ec_series *s = NULL;
	ec_error e;
	if (ec_csv_read_file(path, NULL, &s, &e) != EC_OK) {
		char b[1200];
		printf("cannot read %s: %s\n", path, ec_error_format(&e, b, sizeof b));
		return NULL;
	}
	return s;
}

static void opts_for(ec_chart_opts *o, const char *type, const char *size,
                     ec_theme theme)
{
	ec_chart_opts_defaults(o);
	ec_chart_type_parse(type, &o->type);
	o->theme = theme;
	if (strcmp(size, "report") == 0)
		o->dpi = 300;
	ec_error e;
	if (ec_chart_set_size(o, size, &e) != EC_OK)
		printf("bad size %s: %s\n", size, e.msg);
}

static ec_scene *build(const ec_series *s, const ec_chart_opts *o,
                       ec_err *rc_out)
{
	ec_scene *sc = NULL;
	ec_error e;
	ec_err rc = ec_chart_build(s, o, &sc, &e);
	if (rc_out)
		*rc_out = rc;
	if (rc && !rc_out)
		printf("build %s failed: %s\n", ec_chart_type_name(o->type), e.msg);
	return sc;
}

/* True when id (a group id) names the data of a chart or a panel cell. */
static bool is_data_group(const char *id)
{
	const char *d = strstr(id, "data");
	return d && strcmp(d, "data") == 0 &&
	       (d == id || (d - id == 3 && id[0] == 'c'));
}

/* Data marks: rects and markers inside a "data" group, excluding
 * guided-range shapes (labels may sit next to them, never on bars or
 * dots, which are what the checks are about). */
typedef struct marks {
	ec_box *b;
	size_t n, cap;
} marks;

static void marks_add(marks *m, ec_box b)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->b = realloc(m->b, m->cap * sizeof *m->b);
		if (!m->b)
			abort();
	}
	m->b[m->n++] = b;
}

static void collect_marks(const ec_scene *sc, marks *m)
{
	size_t n = ec_scene_count(sc);
	int depth = 0, data_depth = -1;
	bool in_guide = false;
	int guide_depth = -1;
	for (size_t i = 0; i < n; i++) {
		const ec_item *it = ec_scene_item(sc, i);
		if (it->kind == EC_ITEM_GROUP_BEGIN) {
			depth++;
			if (data_depth < 0 && is_data_group(it->u.group.id))
				data_depth = depth;
			if (!in_guide && strstr(it->u.group.id, "guide")) {
				in_guide = true;
				guide_depth = depth;
			}
			continue;
		}
		if (it->kind == EC_ITEM_GROUP_END) {
			if (depth == data_depth)
				data_depth = -1;
			if (depth == guide_depth) {
				in_guide = false;
				guide_depth = -1;
			}
			depth--;
			continue;
		}
		if (data_depth < 0)
			continue;
		/* In a guided range only the actual's dot is a mark. */
		if (it->kind == EC_ITEM_MARKER ||
		    (it->kind == EC_ITEM_RECT && !in_guide))
			marks_add(m, it->bbox);
	}
}

/* Scene-wide layout checks for one chart. */
static void check_layout(const ec_scene *sc, const char *what)
{
	size_t a = 0, b = 0;
	size_t nov = ec_scene_text_overlaps(sc, 0, &a, &b);
	if (!CHECK(nov == 0, "%s: no two texts overlap", what)) {
		const ec_item *ia = ec_scene_item(sc, a), *ib = ec_scene_item(sc, b);
		printf("  '%s' and '%s'\n", ia->u.text.s, ib->u.text.s);
	}
	marks m = {0};
	collect_marks(sc, &m);
	size_t n = ec_scene_count(sc), hits = 0, outside = 0, ntext = 0;
	double W = ec_scene_width(sc), H = ec_scene_height(sc);
	for (size_t i = 0; i < n; i++) {
		const ec_item *it = ec_scene_item(sc, i);
		if (it->kind != EC_ITEM_TEXT || !it->u.text.s[0])
			continue;
		ntext++;
		ec_box t = ec_scene_text_box(it);
		if (t.x < -0.01 || t.y < -0.01 || t.x + t.w > W + 0.01 ||
		    t.y + t.h > H + 0.01) {
			if (!outside)
				printf("  outside: '%s'\n", it->u.text.s);
			outside++;
		}
		for (size_t k = 0; k < m.n; k++)
			if (ec_boxes_overlap(t, m.b[k], 0)) {
				if (!hits)
					printf("  '%s' on a mark at %.1f,%.1f\n",
					       it->u.text.s, m.b[k].x, m.b[k].y);
				hits++;
			}
	}
	CHECK(m.n > 0, "%s: data marks drawn (%zu)", what, m.n);
	CHECK(ntext > 5, "%s: texts drawn (%zu)", what, ntext);
	CHECK(hits == 0, "%s: no text on a bar or dot (%zu hits)", what, hits);
	CHECK(outside == 0, "%s: all text inside the canvas", what);
	free(m.b);
}

static const ec_item *group_item(const ec_scene *sc, const char *id,
                                 ec_item_kind kind)
{
	size_t g = ec_scene_find_group(sc, id);
	if (g == (size_t)-1)
		return NULL;
	size_t end = ec_scene_group_end_index(sc, g);
	for (size_t i = g + 1; i + 1 < end; i++)
		if (ec_scene_item(sc, i)->kind == kind)
			return ec_scene_item(sc, i);
	return NULL;
}

/* Parses an axis label such as "$1,200M", "$1.2B", "25%", "$0.05",
 * "−$5M". */
static double parse_label(const char *s)
{
	char buf[64];
	size_t k = 0;
	double sign = 1, mul = 1;
	for (const char *p = s; *p && k + 1 < sizeof buf; p++) {
		if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x88 &&
		    (unsigned char)p[2] == 0x92) {
			sign = -1;
			p += 2;
		} else if (*p == 'B') {
			mul = 1000;
		} else if ((*p >= '0' && *p <= '9') || *p == '.') {
			buf[k++] = *p;
		}
	}
	buf[k] = '\0';
	return k ? sign * mul * strtod(buf, NULL) : NAN;
}

typedef struct ticklab {
	double v, y;
	char s[32];
} ticklab;

/* The y-axis labels of a chart (group axis-y, or prefix+axis-y). */
static size_t axis_labels(const ec_scene *sc, const char *id, ticklab *out,
                          size_t max)
{
	size_t g = ec_scene_find_group(sc, id), n = 0;
	if (g == (size_t)-1)
		return 0;
	size_t end = ec_scene_group_end_index(sc, g);
	for (size_t i = g + 1; i + 1 < end && n < max; i++) {
		const ec_item *it = ec_scene_item(sc, i);
		if (it->kind != EC_ITEM_TEXT)
			continue;
		ec_box b = ec_scene_text_box(it);
		out[n].v = parse_label(it->u.text.s);
		/* The label is centred on its tick (by its logical box). */
		out[n].y = b.y + b.h / 2;
		snprintf(out[n].s, sizeof out[n].s, "%s", it->u.text.s);
		n++;
	}
	return n;
}

static double baseline_y(const ec_scene *sc, const char *id)
{
	const ec_item *it = group_item(sc, id, EC_ITEM_PATH);
	if (!it)
		return NAN;
	size_t n;
	const ec_path_op *ops = ec_scene_path_ops(sc, it, &n);
	return n ? ops[0].y : NAN;
}

static void test_options(void)
{
	ec_chart_opts o;
	ec_error e;
	ec_chart_opts_defaults(&o);
	CHECK(o.width_px == 1600 && o.height_px == 900 && o.dpi == 144 &&
	          o.basis == -1 && o.theme == EC_THEME_LIGHT,
	      "defaults 1600x900 at 144 dpi, light");
	CHECK(ec_chart_set_size(&o, "slide", &e) == EC_OK &&
	          o.width_px == 1920 && o.height_px == 1080 && o.dpi == 144,
	      "slide is 1920x1080 at 144 dpi");
	CHECK(ec_chart_set_size(&o, "square", &e) == EC_OK &&
	          o.width_px == 1200 && o.height_px == 1200,
	      "square is 1200x1200");
	o.dpi = 300;
	CHECK(ec_chart_set_size(&o, "report", &e) == EC_OK &&
	          o.width_px == 1950 && o.height_px == 1200 && o.dpi == 300,
	      "report is 6.5x4 in at 300 dpi");
	o.dpi = 144;
	CHECK(ec_chart_set_size(&o, "800x600", &e) == EC_OK &&
	          o.width_px == 800 && o.height_px == 600,
	      "WxH in pixels");
	CHECK(ec_chart_set_size(&o, "640X480", &e) == EC_OK &&
	          o.width_px == 640,
	      "WxH with capital X");
	const char *bad[] = {"", "big", "800", "800x", "x600", "0x600",
	                     "800x-6", "800x600x2", "30000x30000", "40000x100",
	                     "100x100", " 800x600"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ec_chart_opts_defaults(&o);
		ec_err rc = ec_chart_set_size(&o, bad[i], &e);
		CHECK(rc != EC_OK && e.msg[0] && o.width_px == 1600,
		      "size '%s' refused, options unchanged", bad[i]);
	}
	ec_chart_opts_defaults(&o);
	o.max_pixels = 1000000;
	CHECK(ec_chart_set_size(&o, "slide", &e) == EC_ELIMIT,
	      "max_pixels is a limit");
	for (int t = 0; t <= EC_CHART_PANEL; t++) {
		ec_chart_type back;
		CHECK(ec_chart_type_parse(ec_chart_type_name((ec_chart_type)t),
		                          &back) &&
		          back == (ec_chart_type)t,
		      "type name round trip %s", ec_chart_type_name(t));
	}
	for (int t = 0; t <= EC_THEME_PRINT; t++) {
		ec_theme back;
		CHECK(ec_theme_parse(ec_theme_name((ec_theme)t), &back) &&
		          back == (ec_theme)t,
		      "theme name round trip %s", ec_theme_name(t));
	}
	ec_chart_type ty;
	ec_theme th;
	CHECK(!ec_chart_type_parse("pie", &ty) && !ec_chart_type_parse(NULL, &ty),
	      "unknown type refused");
	CHECK(!ec_theme_parse("neon", &th), "unknown theme refused");
}

/* Every type at every size and theme: layout checks. */
static void test_layouts(const ec_series *all)
{
	const ec_theme themes[] = {EC_THEME_LIGHT, EC_THEME_DARK,
	                           EC_THEME_PRINT};
	for (size_t t = 0; t < 6; t++)
		for (size_t z = 0; z < 3; z++)
			for (size_t h = 0; h < 3; h++) {
				ec_chart_opts o;
				opts_for(&o, types[t], sizes[z], themes[h]);
				if (strcmp(types[t], "margin") == 0 && h == 1)
					o.gross = true;
				if (strcmp(types[t], "revenue") == 0 && h != 2)
					o.trend = true;
				ec_scene *sc = build(all, &o, NULL);
				char what[96];
				snprintf(what, sizeof what, "%s %s %s%s", types[t],
				         sizes[z], ec_theme_name(themes[h]),
				         o.trend ? " trend" : o.gross ? " gross" : "");
				if (!CHECK(sc != NULL, "%s: builds", what))
					continue;
				check_layout(sc, what);
				CHECK(ec_scene_title(sc) && ec_scene_title(sc)[0] &&
				          ec_scene_desc(sc) &&
				          strlen(ec_scene_desc(sc)) > 40,
				      "%s: title and description set", what);
				ec_scene_free(sc);
			}
}

static void test_revenue_geometry(const ec_series *ref)
{
	for (size_t z = 0; z < 3; z++) {
		ec_chart_opts o;
		opts_for(&o, "revenue", sizes[z], EC_THEME_LIGHT);
		ec_scene *sc = build(ref, &o, NULL);
		if (!CHECK(sc != NULL, "revenue %s builds", sizes[z]))
			continue;
		/* Gaps: the reference has 2006Q3, then nothing until 2008Q4. */
		CHECK(ec_scene_find_group(sc, "bar-2006Q3") != (size_t)-1 &&
		          ec_scene_find_group(sc, "bar-2007Q2") == (size_t)-1 &&
		          ec_scene_find_group(sc, "bar-2008Q3") == (size_t)-1 &&
		          ec_scene_find_group(sc, "bar-2008Q4") != (size_t)-1,
		      "revenue %s: missing quarters have no bar", sizes[z]);
		CHECK(ec_scene_find_group(sc, "guide-2013Q4") != (size_t)-1 &&
		          ec_scene_find_group(sc, "guide-2013Q2") == (size_t)-1,
		      "revenue %s: only the future quarter's guidance is drawn",
		      sizes[z]);
		ticklab tl[EC_TICKS_MAX];
		size_t n = axis_labels(sc, "axis-y", tl, EC_TICKS_MAX);
		CHECK(n >= 3 && tl[0].v == 0, "revenue %s: ticks from $0 (%zu)",
		      sizes[z], n);
		double y0 = baseline_y(sc, "baseline");
		CHECK(n > 0 && fabs(tl[0].y - y0) < 1.0,
		      "revenue %s: $0 label on the baseline", sizes[z]);
		const ec_item *bar = group_item(sc, "bar-2010Q3", EC_ITEM_RECT);
		if (CHECK(bar != NULL, "revenue %s: 2010Q3 bar", sizes[z])) {
			ec_box b = bar->bbox;
			CHECK(fabs(b.y + b.h - y0) < 1e-6,
			      "revenue %s: bar bottom %.3f on the zero line %.3f",
			      sizes[z], b.y + b.h, y0);
			/* Value from two tick labels: 0 and the top one. */
			double per = (tl[n - 1].y - tl[0].y) / (tl[n - 1].v - tl[0].v);
			double want = y0 + per * 1012.4;
			CHECK(fabs(b.y - want) < 0.6,
			      "revenue %s: 2010Q3 top %.2f at $1,012.4M (%.2f)",
			      sizes[z], b.y, want);
		}
		const ec_item *g = ec_scene_item(sc, ec_scene_find_group(sc, "bar-2010Q3"));
		CHECK(g && g->u.group.title && strstr(g->u.group.title, "2010Q3") &&
		          strstr(g->u.group.title, "$1,012M") &&
		          strstr(g->u.group.title, "\xe2\x80\x9c"),
		      "revenue %s: tooltip with period, value and quote", sizes[z]);
		ec_scene_free(sc);
	}
	/* --from/--to: the right bars present and absent. */
	ec_chart_opts o;
	opts_for(&o, "revenue", "slide", EC_THEME_LIGHT);
	o.has_from = o.has_to = true;
	o.from = ec_period_quarter(2010, 1);
	o.to = ec_period_quarter(2011, 4);
	ec_scene *sc = build(ref, &o, NULL);
	if (CHECK(sc != NULL, "revenue 2010-2011 builds")) {
		int present = 0;
		for (int q = 0; q < 8; q++) {
			char id[32];
			snprintf(id, sizeof id, "bar-%dQ%d", 2010 + q / 4, q % 4 + 1);
			present += ec_scene_find_group(sc, id) != (size_t)-1;
		}
		CHECK(present == 8, "range: 8 bars 2010Q1-2011Q4 (%d)", present);
		CHECK(ec_scene_find_group(sc, "bar-2009Q4") == (size_t)-1 &&
		          ec_scene_find_group(sc, "bar-2012Q1") == (size_t)-1 &&
		          ec_scene_find_group(sc, "guide-2013Q4") == (size_t)-1,
		      "range: nothing outside it");
		ec_scene_free(sc);
	}
}

/* Tick values for the ranges the issue names, read from the scene. */
static void test_ticks(void)
{
	struct {
		const char *type, *metric;
		ec_unit unit;
		double lo, hi;
		const char *want; /* expected labels, '|' separated */
	} cases[] = {
	    {"revenue", "revenue", EC_UNIT_USD_M, 0, 1190,
	     "$0|$200M|$400M|$600M|$800M|$1,000M|$1,200M"},
	    {"margin", "operating_margin", EC_UNIT_PCT, 3.8, 25.1,
	     "0%|5%|10%|15%|20%|25%|30%"},
	    {"eps", "eps_diluted", EC_UNIT_USD, 0.03, 0.42, NULL},
	};
	for (size_t c = 0; c < 3; c++) {
		ec_series *s = ec_series_new();
		for (int q = 0; q < 8; q++) {
			ec_obs o = ec_obs_init();
			o.company = "ACME";
			o.period = ec_period_quarter(2010 + q / 4, q % 4 + 1);
			o.metric = cases[c].metric;
			o.basis = strcmp(cases[c].type, "revenue") == 0 ? EC_BASIS_GAAP
			                                                : EC_BASIS_NON_GAAP;
			o.unit = cases[c].unit;
			o.value = cases[c].lo + (cases[c].hi - cases[c].lo) * q / 7.0;
			ec_series_add(s, &o, NULL);
		}
		for (size_t z = 0; z < 3; z++) {
			ec_chart_opts o;
			opts_for(&o, cases[c].type, sizes[z], EC_THEME_LIGHT);
			ec_scene *sc = build(s, &o, NULL);
			if (!CHECK(sc != NULL, "ticks %s %s builds", cases[c].type,
			           sizes[z]))
				continue;
			ticklab tl[EC_TICKS_MAX];
			size_t n = axis_labels(sc, "axis-y", tl, EC_TICKS_MAX);
			char got[400] = "";
			for (size_t i = 0; i < n; i++) {
				size_t l = strlen(got);
				snprintf(got + l, sizeof got - l, "%s%s", i ? "|" : "",
				         tl[i].s);
			}
			bool even = n >= 3;
			double step = n >= 2 ? tl[1].v - tl[0].v : 0;
			for (size_t i = 1; i < n; i++)
				even &= fabs(tl[i].v - tl[i - 1].v - step) < 1e-9 * fabs(step) + 1e-12;
			double e10 = pow(10, floor(log10(step)));
			double m = step / e10;
			/* Extended Wilkinson's Q: 1, 5, 2, 2.5, 4, 3. */
			bool nice = fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 ||
			            fabs(m - 2.5) < 1e-9 || fabs(m - 5) < 1e-9 ||
			            fabs(m - 4) < 1e-9 || fabs(m - 3) < 1e-9;
			CHECK(even && nice && tl[0].v <= fmin(0, cases[c].lo) &&
			          tl[n - 1].v >= cases[c].hi && n <= 10,
			      "ticks %s %s: %s cover %g-%g with a nice even step",
			      cases[c].type, sizes[z], got, cases[c].lo, cases[c].hi);
			if (cases[c].want && z == 0)
				CHECK_STR(got, cases[c].want, "tick labels at slide");
			if (cases[c].unit == EC_UNIT_USD) {
				bool two = true;
				for (size_t i = 0; i < n; i++) {
					const char *d = strchr(tl[i].s, '.');
					two &= d && strlen(d + 1) == 2 && tl[i].s[0] == '$';
				}
				CHECK(two, "ticks eps %s: dollars with two decimals (%s)",
				      sizes[z], got);
			}
			ec_scene_free(sc);
		}
		ec_series_free(s);
	}
}

/* Lines break at gaps; derived and analyst values are marked. */
static void test_margin_honesty(const ec_series *ext)
{
	ec_chart_opts o;
	opts_for(&o, "margin", "slide", EC_THEME_LIGHT);
	ec_scene *sc = build(ext, &o, NULL);
	if (!CHECK(sc != NULL, "margin (extracted) builds"))
		return;
	const ec_item *a = group_item(sc, "pt-operating_margin-non_gaap-2010Q2",
	                              EC_ITEM_MARKER);
	const ec_item *b = group_item(sc, "pt-operating_margin-non_gaap-2010Q3",
	                              EC_ITEM_MARKER);
	const ec_item *ln = group_item(sc, "line-operating_margin-non_gaap",
	                               EC_ITEM_PATH);
	if (CHECK(a && b && ln, "margin: markers and line present")) {
		double slot = b->u.marker.cx - a->u.marker.cx;
		size_t n;
		const ec_path_op *ops = ec_scene_path_ops(sc, ln, &n);
		size_t lines = 0, moves = 0, bridged = 0;
		for (size_t i = 0; i < n; i++) {
			if (ops[i].op == EC_PATH_MOVE)
				moves++;
			if (ops[i].op != EC_PATH_LINE || i == 0)
				continue;
			lines++;
			if (fabs(ops[i].x - ops[i - 1].x - slot) > 0.01)
				bridged++;
		}
		CHECK(lines >= 2 && moves >= 2 && bridged == 0,
		      "margin: line broken at gaps (%zu segments, %zu runs, %zu "
		      "bridged)",
		      lines, moves, bridged);
		/* 2010Q2 non-GAAP is only an analyst's figure: dotted hollow. */
		CHECK(a->style.n_dash > 0, "margin: analyst point dotted");
	}
	/* 2007Q3 GAAP operating margin is derived (income / revenue). */
	const ec_item *d = group_item(sc, "pt-operating_margin-gaap-2007Q3",
	                              EC_ITEM_MARKER);
	ec_color bg = ec_scene_background(sc);
	CHECK(d && d->style.fill.r == bg.r && d->style.fill.g == bg.g &&
	          d->style.stroke.a > 0,
	      "margin: derived point hollow");
	size_t g = ec_scene_find_group(sc, "pt-operating_margin-gaap-2007Q3");
	CHECK(g != (size_t)-1 && strstr(ec_scene_item(sc, g)->u.group.title,
	                                "(derived)"),
	      "margin: derived tooltip says so");
	/* The legend names both. */
	bool leg_d = false, leg_a = false, gaap = false, ngaap = false;
	for (size_t i = 0; i < ec_scene_count(sc); i++) {
		const ec_item *it = ec_scene_item(sc, i);
		if (it->kind != EC_ITEM_TEXT)
			continue;
		leg_d |= strstr(it->u.text.s, "derived") != NULL;
		leg_a |= strstr(it->u.text.s, "analyst") != NULL;
		gaap |= strcmp(it->u.text.s, "GAAP") == 0;
		ngaap |= strcmp(it->u.text.s, "Non-GAAP") == 0;
	}
	CHECK(leg_d && leg_a, "margin: legend explains derived and analyst");
	CHECK(gaap && ngaap, "margin: GAAP and non-GAAP labelled");
	ec_scene_free(sc);

	/* Revenue: the analyst-only 2010Q2 bar is drawn differently. */
	opts_for(&o, "revenue", "slide", EC_THEME_LIGHT);
	sc = build(ext, &o, NULL);
	if (CHECK(sc != NULL, "revenue (extracted) builds")) {
		size_t gi = ec_scene_find_group(sc, "bar-2010Q2");
		const ec_item *r2 = NULL;
		if (gi != (size_t)-1)
			for (size_t i = gi + 1; i < ec_scene_group_end_index(sc, gi); i++)
				if (ec_scene_item(sc, i)->kind == EC_ITEM_RECT)
					r2 = ec_scene_item(sc, i);
		const ec_item *r3 = group_item(sc, "bar-2010Q3", EC_ITEM_RECT);
		CHECK(r2 && r3 &&
		          (r2->style.n_dash > 0 ||
		           r2->style.pattern != r3->style.pattern),
		      "revenue: analyst bar distinguishable");
		size_t g3 = ec_scene_find_group(sc, "bar-2010Q3");
		CHECK(g3 != (size_t)-1 &&
		          strstr(ec_scene_item(sc, g3)->u.group.title,
		                 "jnpr-2010q3-call.txt:138"),
		      "revenue: tooltip names doc:line");
		ec_scene_free(sc);
	}
}

static void test_no_data(const ec_series *ref, const ec_series *ext)
{
	ec_chart_opts o;
	opts_for(&o, "backlog", "slide", EC_THEME_LIGHT);
	ec_err rc;
	ec_scene *sc = build(ref, &o, &rc);
	CHECK(sc == NULL && rc == EC_ENODATA, "backlog without rows: ENODATA");
	opts_for(&o, "panel", "slide", EC_THEME_LIGHT);
	sc = build(ref, &o, &rc);
	if (CHECK(sc != NULL, "panel without backlog still builds")) {
		CHECK(ec_scene_find_group(sc, "c3-no-data") != (size_t)-1 &&
		          ec_scene_find_group(sc, "c1-data") != (size_t)-1,
		      "panel: backlog cell says no data, revenue cell drawn");
		ec_scene_free(sc);
	}
	opts_for(&o, "backlog", "slide", EC_THEME_LIGHT);
	sc = build(ext, &o, NULL);
	if (CHECK(sc != NULL, "backlog (extracted) builds")) {
		CHECK(ec_scene_find_group(sc, "bar-2010Q3") != (size_t)-1 &&
		          ec_scene_find_group(sc, "bar-2010Q1") == (size_t)-1,
		      "backlog: 2010Q1 is a gap");
		bool change = false, bridged = false;
		for (size_t i = 0; i < ec_scene_count(sc); i++) {
			const ec_item *it = ec_scene_item(sc, i);
			if (it->kind != EC_ITEM_TEXT)
				continue;
			change |= strcmp(it->u.text.s, "+$65M") == 0;
			/* 2010Q2 vs 2009Q4 is not a quarter-over-quarter change */
			bridged |= strcmp(it->u.text.s, "\xe2\x88\x92$10M") == 0;
		}
		CHECK(change, "backlog: QoQ change +$65M labelled");
		CHECK(!bridged, "backlog: no change across the gap");
		ec_scene_free(sc);
	}
	ec_series *empty = ec_series_new();
	for (size_t t = 0; t < 6; t++) {
		opts_for(&o, types[t], "slide", EC_THEME_LIGHT);
		sc = build(empty, &o, &rc);
		CHECK(sc == NULL && rc == EC_ENODATA, "%s of nothing: ENODATA",
		      types[t]);
	}
	ec_series_free(empty);
	opts_for(&o, "revenue", "slide", EC_THEME_LIGHT);
	o.company = "CSCO";
	sc = build(ref, &o, &rc);
	CHECK(sc == NULL && rc == EC_ENODATA, "unknown company: ENODATA");
}

/* True when the shell finds tool. */
static bool have(const char *tool)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

/* Writes data to name in the working folder (the build's tests/). */
static bool dump(const char *name, const unsigned char *d, size_t n)
{
	FILE *f = fopen(name, "wb");
	if (!f)
		return false;
	bool ok = fwrite(d, 1, n, f) == n;
	return fclose(f) == 0 && ok;
}

/* The files decode with independent tools: PNG with zlib (a Python
 * script), SVG with xmllint and rsvg-convert, PDF with pdfinfo. */
static void check_with_tools(const char *type, ec_format fmt,
                             const unsigned char *d, size_t n)
{
	static const char *const ext[] = {"png", "svg", "pdf"};
	char name[64], cmd[512];
	snprintf(name, sizeof name, "chart_%s.%s", type, ext[fmt]);
	if (!CHECK(dump(name, d, n), "%s: written for the tools", name))
		return;
	if (fmt == EC_FORMAT_PNG && have("python3")) {
		snprintf(cmd, sizeof cmd,
		         "python3 %s/charts/png_decode.py %s >/dev/null", EC_TEST_DATA,
		         name);
		CHECK(system(cmd) == 0, "%s decodes (zlib, CRCs, sizes)", name);
	}
	if (fmt == EC_FORMAT_SVG && have("xmllint")) {
		snprintf(cmd, sizeof cmd, "xmllint --noout %s", name);
		CHECK(system(cmd) == 0, "%s parses as XML", name);
	}
	if (fmt == EC_FORMAT_SVG && have("rsvg-convert")) {
		snprintf(cmd, sizeof cmd, "rsvg-convert %s -o %s.png", name, name);
		CHECK(system(cmd) == 0, "%s renders with rsvg-convert", name);
	}
	if (fmt == EC_FORMAT_PDF && have("pdfinfo")) {
		snprintf(cmd, sizeof cmd,
		         "pdfinfo %s 2>&1 | grep -q '^Pages: *1$'", name);
		CHECK(system(cmd) == 0, "%s opens in pdfinfo, one page", name);
	}
	remove(name);
	if (fmt == EC_FORMAT_SVG) {
		snprintf(name + strlen(name), sizeof name - strlen(name), ".png");
		remove(name);
	}
}

/* Same input, same bytes, in every format; the output looks like its
 * format. */
static void test_outputs(const ec_series *all)
{
	const ec_format fmts[] = {EC_FORMAT_PNG, EC_FORMAT_SVG, EC_FORMAT_PDF};
	for (size_t t = 0; t < 6; t++) {
		ec_chart_opts o;
		opts_for(&o, types[t], "report", EC_THEME_LIGHT);
		o.dpi = 100; /* small PNGs keep the test quick */
		ec_error e;
		ec_chart_set_size(&o, "report", &e);
		ec_scene *s1 = build(all, &o, NULL), *s2 = build(all, &o, NULL);
		if (!CHECK(s1 && s2, "%s builds twice", types[t])) {
			ec_scene_free(s1);
			ec_scene_free(s2);
			continue;
		}
		for (size_t f = 0; f < 3; f++) {
			unsigned char *a = NULL, *b = NULL;
			size_t la = 0, lb = 0;
			ec_err r1 = ec_scene_write_mem(s1, fmts[f], &a, &la, &e);
			ec_err r2 = ec_scene_write_mem(s2, fmts[f], &b, &lb, &e);
			CHECK(r1 == EC_OK && r2 == EC_OK && la == lb && la > 100 &&
			          memcmp(a, b, la) == 0,
			      "%s format %zu: identical bytes from two builds",
			      types[t], f);
			bool sig = false;
			if (a && fmts[f] == EC_FORMAT_PNG)
				sig = la > 8 && memcmp(a, "\x89PNG\r\n\x1a\n", 8) == 0;
			else if (a && fmts[f] == EC_FORMAT_SVG)
				sig = strstr((const char *)a, "<svg") != NULL &&
				      strstr((const char *)a, "</svg>") != NULL;
			else if (a)
				sig = la > 5 && memcmp(a, "%PDF-", 5) == 0;
			CHECK(sig, "%s format %zu: signature", types[t], f);
			if (a && r1 == EC_OK)
				check_with_tools(types[t], fmts[f], a, la);
			free(a);
			free(b);
		}
		ec_scene_free(s1);
		ec_scene_free(s2);
	}
}

/* Small canvases (issue 7 finding): every type at 800x450, 640x480 and
 * 400x300 px keeps every text inside the canvas, off the data and off
 * other text (value labels near the right edge move inward), or refuses
 * the size with a message when nothing fits. */
static void test_small_sizes(const ec_series *all)
{
	static const char *const small[] = {"800x450", "640x480", "400x300"};
	const ec_theme themes[] = {EC_THEME_LIGHT, EC_THEME_PRINT};
	for (size_t t = 0; t < 6; t++)
		for (size_t z = 0; z < 3; z++)
			for (size_t h = 0; h < 2; h++) {
				ec_chart_opts o;
				opts_for(&o, types[t], small[z], themes[h]);
				if (strcmp(types[t], "revenue") == 0 && h == 0)
					o.trend = true;
				ec_err rc = EC_OK;
				ec_scene *sc = build(all, &o, &rc);
				char what[96];
				snprintf(what, sizeof what, "%s %s %s%s", types[t],
				         small[z], ec_theme_name(themes[h]),
				         o.trend ? " trend" : "");
				if (!sc) {
					/* Only "too small" is an acceptable refusal:
					 * at 400x300, or for the 2x2 panel, which
					 * needs 260x190 pt for its cells. */
					CHECK(rc == EC_EINVAL &&
					          (z == 2 || t == 5),
					      "%s: builds or refuses as too small "
					      "(rc %d)", what, (int)rc);
					continue;
				}
				check_layout(sc, what);
				ec_scene_free(sc);
			}
}

/* A 10,000-character title: the SVG <title> holds it whole, the drawn
 * title is ellipsized ("…") inside the canvas, never cut silently. */
static void test_long_title(const ec_series *all)
{
	enum { N = 10000 };
	char *title = malloc(N + 1);
	if (!CHECK(title != NULL, "long title: allocation"))
		return;
	/* Words of varying length so wrapping has spaces to break at, and
	 * a unique tail that a cut would lose. */
	for (size_t i = 0; i < N; i++)
		title[i] = (i % 7 == 6) ? ' ' : (char)('a' + (i * 5) % 26);
	memcpy(title + N - 8, "THE-END!", 8);
	title[N] = '\0';
	for (size_t t = 0; t < 6; t++) {
		ec_chart_opts o;
		opts_for(&o, types[t], t % 2 && t != 5 ? "800x450" : "slide",
		         EC_THEME_LIGHT);
		o.title = title;
		o.subtitle = title;
		ec_scene *sc = build(all, &o, NULL);
		char what[64];
		snprintf(what, sizeof what, "long title %s", types[t]);
		if (!CHECK(sc != NULL, "%s: builds", what))
			continue;
		CHECK(ec_scene_title(sc) && strcmp(ec_scene_title(sc), title) == 0,
		      "%s: scene title holds all %d characters", what, N);
		unsigned char *svg = NULL;
		size_t n = 0;
		ec_error e;
		if (CHECK(ec_scene_write_mem(sc, EC_FORMAT_SVG, &svg, &n, &e) ==
		              EC_OK,
		          "%s: SVG written", what)) {
			char *z = malloc(n + 1);
			if (z) {
				memcpy(z, svg, n);
				z[n] = '\0';
				const char *open = strstr(z, "<title id=\"title\">");
				const char *body = open ? open + 18 : NULL;
				CHECK(body && strncmp(body, title, N) == 0 &&
				          strncmp(body + N, "</title>", 8) == 0,
				      "%s: SVG <title> is the whole title", what);
				free(z);
			}
			free(svg);
		}
		/* The drawn title: inside the canvas, ending in an ellipsis,
		 * and a prefix of the title (the cut is visible). */
		double W = ec_scene_width(sc), H = ec_scene_height(sc);
		size_t ntitle = 0, inside = 0, ell = 0, prefix_ok = 0;
		const char *ellipsis = "\xe2\x80\xa6";
		bool in_title = false;
		for (size_t i = 0; i < ec_scene_count(sc); i++) {
			const ec_item *it = ec_scene_item(sc, i);
			if (it->kind == EC_ITEM_GROUP_BEGIN) {
				const char *id = it->u.group.id;
				in_title = id && (strcmp(id, "title") == 0 ||
				                  strcmp(id, "subtitle") == 0);
				continue;
			}
			if (it->kind == EC_ITEM_GROUP_END) {
				in_title = false;
				continue;
			}
			if (!in_title || it->kind != EC_ITEM_TEXT)
				continue;
			const char *s = it->u.text.s;
			ntitle++;
			ec_box b = ec_scene_text_box(it);
			if (b.x >= -0.01 && b.y >= -0.01 && b.x + b.w <= W + 0.01 &&
			    b.y + b.h <= H + 0.01)
				inside++;
			size_t l = strlen(s);
			bool has_ell = l >= 3 && strcmp(s + l - 3, ellipsis) == 0;
			if (has_ell)
				ell++;
			/* Each line is a piece of the title (without the
			 * ellipsis); spaces at a break may be dropped. */
			size_t body = has_ell ? l - 3 : l;
			while (body > 0 && s[body - 1] == ' ')
				body--;
			if (body > 0 && body < N) {
				char *piece = malloc(body + 1);
				if (piece) {
					memcpy(piece, s, body);
					piece[body] = '\0';
					if (strstr(title, piece))
						prefix_ok++;
					free(piece);
				}
			}
		}
		CHECK(ntitle >= 2 && ntitle <= 4,
		      "%s: title and subtitle drawn in 2-4 lines (%zu)", what,
		      ntitle);
		CHECK(inside == ntitle, "%s: every title line inside the canvas",
		      what);
		CHECK(ell == 2, "%s: title and subtitle each end in an ellipsis "
		                "(%zu)",
		      what, ell);
		CHECK(prefix_ok == ntitle,
		      "%s: every drawn line is a piece of the title", what);
		ec_scene_free(sc);
	}
	free(title);
}

int main(void)
{
	ec_series *ref = load(EC_SOURCE_DIR "/data/reference/jnpr_reference.csv");
	ec_series *ext = load(EC_TEST_DATA "/charts/extracted.csv");
	if (!CHECK(ref && ext, "test data loads"))
		return ec_test_done();
	ec_series *all = ec_series_new();
	ec_series_merge(all, ref, NULL, NULL);
	ec_series_merge(all, ext, NULL, NULL);
	test_options();
	test_ticks();
	test_revenue_geometry(ref);
	test_margin_honesty(ext);
	test_no_data(ref, ext);
	test_layouts(all);
	test_small_sizes(all);
	test_long_title(all);
	test_outputs(all);
	ec_series_free(all);
	ec_series_free(ref);
	ec_series_free(ext);
	ec_render_cleanup();
	return ec_test_done();
}
