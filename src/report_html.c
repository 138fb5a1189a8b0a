/* report.html: one self-contained page (inline SVG, inline CSS, no script,
 * no network) with the figures, the guidance scorecard, trends, the
 * quarterly numbers and the evidence behind every one of them. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/analyze.h"
#include "earnchart/io.h"
#include "earnchart/period.h"
#include "earnchart/series.h"
#include "report_internal.h"

#ifndef EC_VERSION
#define EC_VERSION "0"
#endif

/* ---- escaping ----------------------------------------------------------- */

/* Text or attribute value: the five characters HTML gives meaning to. */
static void esc(FILE *f, const char *s)
{
	if (!s)
		return;
	for (; *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			/* Control characters other than tab and newline are
			 * not allowed in HTML text. */
			if ((unsigned char)*s < 0x20 && *s != '\t' &&
			    *s != '\n')
				fputc(' ', f);
			else
				fputc(*s, f);
		}
	}
}

/* Copies an SVG document into the page with every id prefixed by pfx, so
 * that several figures on one page keep unique ids and their references
 * (url(#x), href="#x", aria-labelledby) point into their own figure. */
static void svg_inline(FILE *f, const char *svg, const char *pfx)
{
	const char *s = svg;
	while (*s) {
		if (strncmp(s, " id=\"", 5) == 0) {
			fprintf(f, " id=\"%s-", pfx);
			s += 5;
		} else if (strncmp(s, "url(#", 5) == 0) {
			fprintf(f, "url(#%s-", pfx);
			s += 5;
		} else if (strncmp(s, "href=\"#", 7) == 0) {
			fprintf(f, "href=\"#%s-", pfx);
			s += 7;
		} else if (strncmp(s, "aria-labelledby=\"", 17) == 0 ||
		           strncmp(s, "aria-describedby=\"", 18) == 0) {
			const char *q = strchr(s, '"') + 1;
			fwrite(s, 1, (size_t)(q - s), f);
			s = q;
			bool start = true;
			for (; *s && *s != '"'; s++) {
				if (*s == ' ') {
					start = true;
				} else if (start) {
					fprintf(f, "%s-", pfx);
					start = false;
				}
				fputc(*s, f);
			}
		} else {
			fputc(*s++, f);
		}
	}
}

/* ---- numbers ----------------------------------------------------------------- */

/* 1234567.891 -> "1,234,567.9" with `dec` decimals. */
static char *grouped(double v, int dec, char *buf, size_t n)
{
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%.*f", dec, fabs(v));
	const char *dot = strchr(tmp, '.');
	size_t ilen = dot ? (size_t)(dot - tmp) : strlen(tmp);
	size_t k = 0;
	if (v < 0 && strtod(tmp, NULL) != 0 && k + 1 < n)
		buf[k++] = '-';
	for (size_t i = 0; i < ilen && k + 2 < n; i++) {
		if (i && (ilen - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = tmp[i];
	}
	if (dot)
		for (const char *c = dot; *c && k + 1 < n; c++)
			buf[k++] = *c;
	buf[k] = '\0';
	return buf;
}

/* A value in its unit, as a person reads it: $1,190.0M, $0.32, 24.5%. */
static char *fmt_value(ec_unit u, double v, char *buf, size_t n)
{
	if (!isfinite(v)) {
		snprintf(buf, n, "%s", "");
		return buf;
	}
	char g[64];
	switch (u) {
	case EC_UNIT_USD_M:
		snprintf(buf, n, "%s$%sM", v < 0 ? "-" : "",
		         grouped(fabs(v), 1, g, sizeof g));
		break;
	case EC_UNIT_USD:
		snprintf(buf, n, "%s$%.2f", v < 0 ? "-" : "", fabs(v));
		break;
	case EC_UNIT_PCT:
		snprintf(buf, n, "%.1f%%", v);
		break;
	case EC_UNIT_DAYS:
		snprintf(buf, n, "%s days", grouped(v, 0, g, sizeof g));
		break;
	default:
		snprintf(buf, n, "%s", grouped(v, 0, g, sizeof g));
	}
	return buf;
}

static void pct_cell(FILE *f, double v, int dec, const char *tip)
{
	fputs("<td class=\"n\"", f);
	if (tip && *tip) {
		fputs(" title=\"", f);
		esc(f, tip);
		fputc('"', f);
	}
	fputc('>', f);
	if (isfinite(v))
		fprintf(f, "%.*f%%", dec, v);
	else
		fputs("&ndash;", f);
	fputs("</td>", f);
}

/* ---- evidence links ------------------------------------------------------------ */

typedef struct rowref {
	const ec_obs *o;
	size_t i;
} rowref;

static int cmp_ref(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const rowref *)a)->o;
	uintptr_t y = (uintptr_t)((const rowref *)b)->o;
	return x < y ? -1 : x > y;
}

typedef struct page {
	FILE *f;
	const report_ctx *c;
	rowref *refs; /* store rows by address, to find a row's number */
	size_t n_refs;
	long source_col; /* layout index of a "source" column, or -1 */
} page;

/* The "source" cell of o (reference files name a URL instead of a
 * document), or NULL. */
static const char *source_of(const page *p, const ec_obs *o)
{
	if (p->source_col < 0 || !o->cells ||
	    (size_t)p->source_col >= o->n_cells)
		return NULL;
	const char *s = o->cells[p->source_col];
	return s && *s ? s : NULL;
}

/* 1-based row number of o in series.csv, or 0 if o is not a store row
 * (a derived value, say). */
static size_t row_no(const page *p, const ec_obs *o)
{
	if (!o || !p->refs)
		return 0;
	rowref key = {o, 0};
	const rowref *r =
	        bsearch(&key, p->refs, p->n_refs, sizeof *p->refs, cmp_ref);
	return r ? r->i + 1 : 0;
}

/* "doc, line N: quote" for a title attribute. */
static void tip_of(const page *p, const ec_obs *o, char *buf, size_t n)
{
	if (!o) {
		snprintf(buf, n, "%s", "");
		return;
	}
	char ln[32] = "";
	if (o->line > 0)
		snprintf(ln, sizeof ln, ", line %ld", o->line);
	const char *src = o->doc && *o->doc ? o->doc : source_of(p, o);
	snprintf(buf, n, "%.300s%s: %.600s", src ? src : "(no document)", ln,
	         o->quote && *o->quote ? o->quote : "(no quote)");
}

/* A table cell holding text with the evidence of o as tooltip and link. */
static void ev_cell(page *p, const ec_obs *o, const char *text)
{
	FILE *f = p->f;
	char tip[1000];
	tip_of(p, o, tip, sizeof tip);
	fputs("<td class=\"n\"", f);
	if (o) {
		fputs(" title=\"", f);
		esc(f, tip);
		fputc('"', f);
	}
	fputc('>', f);
	size_t no = row_no(p, o);
	if (no && text && *text)
		fprintf(f, "<a href=\"#r%zu\">", no);
	if (text && *text)
		esc(f, text);
	else
		fputs("&ndash;", f);
	if (no && text && *text)
		fputs("</a>", f);
	fputs("</td>", f);
}

/* ---- sections --------------------------------------------------------------- */

static const char css[] =
        "body{font-family:'DejaVu Sans',system-ui,sans-serif;margin:0;"
        "color:#1a1a1a;background:#fff;line-height:1.4}\n"
        "header,main,footer{max-width:1200px;margin:0 auto;padding:0 1.5rem}\n"
        "header{padding-top:1.5rem}h1{font-size:1.7rem;margin:.2rem 0}\n"
        "h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:1px solid #ccc}\n"
        "nav a{margin-right:1rem}\n"
        "figure{margin:1.5rem 0}figure svg{width:100%;height:auto;"
        "border:1px solid #e4e4e4}\n"
        "figcaption{font-size:.95rem;color:#444}\n"
        ".scroll{overflow-x:auto}\n"
        "table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0}\n"
        "th,td{padding:.2rem .5rem;border-bottom:1px solid #e4e4e4;"
        "text-align:left;vertical-align:top}\n"
        "th{background:#f4f4f4;position:sticky;top:0}\n"
        "td.n{text-align:right;white-space:nowrap}\n"
        "td[title]{cursor:help}\n"
        "td.q{max-width:36rem;color:#333}\n"
        "a.url{word-break:break-all;font-size:.8rem}\n"
        "a{color:#0057a8}tr:target{background:#fff3b0}\n"
        ".above{color:#006d2c}.below{color:#b2182b}\n"
        ".problem{color:#b2182b}\n"
        ".note{color:#555;font-size:.9rem}\n";

static void head(page *p)
{
	FILE *f = p->f;
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n"
	      "<link rel=\"icon\" href=\"data:,\">\n<title>",
	      f);
	esc(f, p->c->title);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
}

static void summary(page *p)
{
	FILE *f = p->f;
	const report_ctx *c = p->c;
	size_t docs = 0, csvs = 0, figs = 0;
	for (size_t i = 0; i < c->n_inputs; i++) {
		if (c->inputs[i].is_csv)
			csvs++;
		else
			docs++;
	}
	for (size_t i = 0; i < c->n_figs; i++)
		figs += c->figs[i].ok;
	fputs("<header>\n<h1>", f);
	esc(f, c->title);
	fprintf(f,
	        "</h1>\n<p>%zu document%s and %zu series file%s give %zu "
	        "observations (<a href=\"series.csv\">series.csv</a>); %zu "
	        "conflict%s (<a href=\"conflicts.csv\">conflicts.csv</a>); %zu "
	        "figure%s; the slides are in <a "
	        "href=\"deck.pdf\">deck.pdf</a>, "
	        "the analysis in <a href=\"analysis.txt\">analysis.txt</a> and "
	        "<a href=\"analysis.json\">analysis.json</a>.  Hover over a "
	        "number to see the document, line and quote it comes from; "
	        "click it to jump to its row in the evidence table.</p>\n",
	        docs, docs == 1 ? "" : "s", csvs, csvs == 1 ? "" : "s",
	        ec_series_count(c->store), c->n_conflicts,
	        c->n_conflicts == 1 ? "" : "s", figs, figs == 1 ? "" : "s");
	fputs("<nav><a href=\"#figures\">Figures</a><a href=\"#scorecard\">"
	      "Guidance scorecard</a><a href=\"#trends\">Trends</a>"
	      "<a href=\"#quarters\">Quarterly data</a><a href=\"#sources\">"
	      "Sources</a><a href=\"#evidence\">Evidence</a></nav>\n"
	      "</header>\n<main>\n",
	      f);
	if (c->n_problems) {
		fputs("<section id=\"problems\">\n<h2>Problems</h2>\n<ul>\n",
		      f);
		for (size_t i = 0; i < c->n_problems; i++) {
			fputs("<li class=\"problem\">", f);
			esc(f, c->problems[i].step);
			fputs(": ", f);
			esc(f, c->problems[i].message);
			fputs("</li>\n", f);
		}
		fputs("</ul>\n</section>\n", f);
	}
}

static void figures(page *p)
{
	FILE *f = p->f;
	const report_ctx *c = p->c;
	fputs("<section id=\"figures\">\n<h2>Figures</h2>\n", f);
	for (size_t i = 0; i < c->n_figs; i++) {
		const report_fig *g = &c->figs[i];
		fprintf(f, "<figure id=\"fig-%s\">\n", g->def->name);
		if (g->svg) {
			char pfx[80];
			snprintf(pfx, sizeof pfx, "f%zu", i + 1);
			svg_inline(f, g->svg, pfx);
			fputc('\n', f);
		} else {
			fputs("<p class=\"problem\">Not drawn: ", f);
			esc(f, g->error[0] ? g->error : "unknown error");
			fputs("</p>\n", f);
		}
		fputs("<figcaption>", f);
		esc(f, g->def->caption);
		if (g->ok)
			fprintf(f,
			        " &middot; <a href=\"%s.png\">PNG</a> &middot; "
			        "<a href=\"%s.svg\">SVG</a>",
			        g->def->name, g->def->name);
		fputs("</figcaption>\n</figure>\n", f);
	}
	fputs("</section>\n", f);
}

static const char *metric_label(const char *m)
{
	static const char *const map[][2] = {
	        {"revenue", "Revenue"},
	        {"eps_diluted", "Diluted EPS"},
	        {"operating_margin", "Operating margin"},
	        {"gross_margin", "Gross margin"},
	        {"operating_income", "Operating income"},
	        {"operating_expenses", "Operating expenses"},
	        {"net_income", "Net income"},
	        {"backlog", "Backlog"},
	        {"deferred_revenue", "Deferred revenue"},
	        {"tax_rate", "Tax rate"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (m && strcmp(m, map[i][0]) == 0)
			return map[i][1];
	return m ? m : "";
}

static const char *basis_label(ec_basis b)
{
	return b == EC_BASIS_GAAP       ? "GAAP"
	       : b == EC_BASIS_NON_GAAP ? "non-GAAP"
	                                : "";
}

static void scorecard(page *p)
{
	FILE *f = p->f;
	const report_ctx *c = p->c;
	fputs("<section id=\"scorecard\">\n<h2>Guidance scorecard</h2>\n", f);
	ec_select sel = ec_select_all();
	sel.company = c->company && *c->company ? c->company : NULL;
	ec_scorecard *sc = NULL;
	ec_error e;
	ec_error_clear(&e);
	if (ec_guidance_score(c->store, &sel, &sc, &e)) {
		char buf[1200];
		fputs("<p class=\"problem\">", f);
		esc(f, ec_error_format(&e, buf, sizeof buf));
		fputs("</p>\n</section>\n", f);
		return;
	}
	fputs("<p class=\"note\">Each guided period joined to the actual of "
	      "the "
	      "same metric, segment and basis.  Surprise is (actual &minus; "
	      "midpoint) / midpoint, and (actual &minus; top of range) / top; "
	      "position in range is (actual &minus; low) / (high &minus; "
	      "low).</p>\n",
	      f);
	size_t ns = ec_scorecard_summary_count(sc);
	if (ns) {
		fputs("<div "
		      "class=\"scroll\"><table>\n<thead><tr><th>Metric</th>"
		      "<th>Basis</th><th>n</th><th>Hit rate</th><th>Above</th>"
		      "<th>Below</th><th>Mean surprise vs mid</th><th>t</th>"
		      "<th>p</th><th>Mean |surprise|</th><th>Median</th>"
		      "<th>Mean vs top</th><th>Beats</th><th>Sign test p</th>"
		      "</tr></thead>\n<tbody>\n",
		      f);
		for (size_t i = 0; i < ns; i++) {
			const ec_guidance_summary *s =
			        ec_scorecard_summary(sc, i);
			char tip[300];
			snprintf(tip, sizeof tip,
			         "computed from the %zu scored %s rows in the "
			         "table "
			         "below",
			         s->n, s->metric ? s->metric : "");
			fputs("<tr><td>", f);
			esc(f, metric_label(s->metric));
			if (s->segment && strcmp(s->segment, "total"))
				fprintf(f, " (%s)", s->segment);
			fputs("</td><td>", f);
			esc(f, basis_label(s->basis));
			fprintf(f, "</td><td class=\"n\">%zu</td>", s->n);
			pct_cell(f, s->hit_rate * 100, 0, tip);
			pct_cell(f, s->share_above * 100, 0, tip);
			pct_cell(f, s->share_below * 100, 0, tip);
			pct_cell(f, s->mean_mid, 2, tip);
			fprintf(f,
			        "<td class=\"n\">%.2f</td><td class=\"n\">%.3f"
			        "</td>",
			        isfinite(s->t_mid) ? s->t_mid : 0,
			        isfinite(s->p_mid) ? s->p_mid : 1);
			pct_cell(f, s->mean_abs_mid, 2, tip);
			pct_cell(f, s->median_mid, 2, tip);
			pct_cell(f, s->mean_top, 2, tip);
			fprintf(f,
			        "<td class=\"n\">%zu of %zu</td>"
			        "<td class=\"n\">%.3f</td></tr>\n",
			        s->n_beats, s->n,
			        isfinite(s->sign_p) ? s->sign_p : 1);
		}
		fputs("</tbody></table></div>\n", f);
	}
	size_t nr = ec_scorecard_count(sc);
	if (!nr) {
		fputs("<p>No guidance found.</p>\n", f);
	} else {
		fputs("<div "
		      "class=\"scroll\"><table>\n<thead><tr><th>Metric</th>"
		      "<th>Basis</th><th>Period</th><th>Issued</th><th>Low</th>"
		      "<th>High</th><th>Midpoint</th><th>Actual</th>"
		      "<th>Position</th><th>vs mid</th><th>vs top</th>"
		      "<th>In range</th></tr></thead>\n<tbody>\n",
		      f);
		for (size_t i = 0; i < nr; i++) {
			const ec_guidance_row *g = ec_scorecard_row(sc, i);
			const ec_obs *o = g->guide;
			char per[EC_PERIOD_STRLEN], v[64];
			fputs("<tr><td>", f);
			esc(f, metric_label(o->metric));
			if (o->segment && strcmp(o->segment, "total"))
				fprintf(f, " (%s)", o->segment);
			fputs("</td><td>", f);
			esc(f, basis_label(o->basis));
			fputs("</td><td>", f);
			esc(f, ec_period_format(o->period, per));
			fputs("</td><td>", f);
			esc(f, o->issued);
			fputs("</td>", f);
			ev_cell(p, o, fmt_value(o->unit, g->low, v, sizeof v));
			ev_cell(p, o, fmt_value(o->unit, g->high, v, sizeof v));
			ev_cell(p, o, fmt_value(o->unit, g->mid, v, sizeof v));
			if (g->actual && g->comparable) {
				ev_cell(p, g->actual,
				        fmt_value(g->actual->unit,
				                  g->actual_value, v,
				                  sizeof v));
				const char *pos = ec_position_name(g->pos);
				fprintf(f, "<td class=\"%s\">%s</td>", pos,
				        pos);
				char tip[400];
				snprintf(tip, sizeof tip,
				         "actual %s vs guidance from %s", v,
				         o->doc ? o->doc : "");
				pct_cell(f, g->surprise_mid_pct, 1, tip);
				pct_cell(f, g->surprise_top_pct, 1, tip);
				fputs("<td class=\"n\">", f);
				if (isfinite(g->pos_in_range))
					fprintf(f, "%.2f", g->pos_in_range);
				else
					fputs("&ndash;", f);
				fputs("</td></tr>\n", f);
			} else {
				fputs("<td class=\"n\">&ndash;</td><td "
				      "colspan=\"4\" "
				      "class=\"note\">",
				      f);
				esc(f, g->why_not ? g->why_not
				                  : "no actual known");
				fputs("</td></tr>\n", f);
			}
		}
		fputs("</tbody></table></div>\n", f);
	}
	ec_scorecard_free(sc);
	fputs("</section>\n", f);
}

typedef struct series_def {
	const char *metric;
	int basis;
	const char *label;
} series_def;

static const series_def trend_series[] = {
        {"revenue", EC_BASIS_GAAP, "Revenue"},
        {"operating_income", EC_BASIS_NON_GAAP, "Operating income, non-GAAP"},
        {"eps_diluted", EC_BASIS_NON_GAAP, "Diluted EPS, non-GAAP"},
        {"backlog", EC_BASIS_NONE, "Backlog"},
        {"deferred_revenue", EC_BASIS_NONE, "Deferred revenue"},
};

static void trends(page *p)
{
	FILE *f = p->f;
	const report_ctx *c = p->c;
	fputs("<section id=\"trends\">\n<h2>Trends</h2>\n"
	      "<p class=\"note\">Log-linear fit ln y = a + b&middot;t on the "
	      "quarter index (missing quarters stay missing); growth per "
	      "quarter e<sup>b</sup> &minus; 1 and annualised e<sup>4b</sup> "
	      "&minus; 1 with 95% confidence intervals; the next quarter with "
	      "its 95% prediction interval.</p>\n"
	      "<div class=\"scroll\"><table>\n<thead><tr><th>Series</th>"
	      "<th>n</th><th>Quarters</th><th>Growth per quarter</th>"
	      "<th>95% CI</th><th>Annualised</th><th>95% "
	      "CI</th><th>R&sup2;</th>"
	      "<th>Next quarter</th><th>Projection</th><th>95% PI</th></tr>"
	      "</thead>\n<tbody>\n",
	      f);
	for (size_t i = 0; i < sizeof trend_series / sizeof trend_series[0];
	     i++) {
		const series_def *d = &trend_series[i];
		ec_select sel = ec_select_all();
		sel.company = c->company && *c->company ? c->company : NULL;
		sel.metric = d->metric;
		sel.segment = "total";
		sel.basis = d->basis;
		sel.kind = EC_KIND_ACTUAL;
		const ec_obs **rows = NULL;
		size_t n = 0;
		if (ec_series_select(c->store, &sel, &rows, &n) || !n) {
			free(rows);
			continue;
		}
		ec_trend_opts to;
		ec_trend_opts_defaults(&to);
		ec_trend t;
		ec_error e;
		ec_error_clear(&e);
		ec_err rc = ec_trend_fit(rows, n, &to, &t, &e);
		ec_unit unit = rows[0]->unit;
		size_t first_row = row_no(p, rows[0]);
		free(rows);
		fputs("<tr><td>", f);
		esc(f, d->label);
		fputs("</td>", f);
		if (rc || !t.has_log) {
			fputs("<td colspan=\"10\" class=\"note\">not fitted: ",
			      f);
			esc(f, rc ? e.msg : "values not all positive");
			fputs("</td></tr>\n", f);
			continue;
		}
		char a[EC_PERIOD_STRLEN], b[EC_PERIOD_STRLEN], tip[400];
		snprintf(tip, sizeof tip,
		         "log-linear fit of %zu quarterly actuals of %s, %s to "
		         "%s (rows of the evidence table)",
		         t.n, d->metric, ec_period_format(t.first, a),
		         ec_period_format(t.last, b));
		fprintf(f, "<td class=\"n\">%zu</td><td>", t.n);
		if (first_row)
			fprintf(f, "<a href=\"#r%zu\">%s&ndash;%s</a>",
			        first_row, a, b);
		else
			fprintf(f, "%s&ndash;%s", a, b);
		fputs("</td>", f);
		pct_cell(f, t.g_q * 100, 2, tip);
		fputs("<td class=\"n\">", f);
		fprintf(f, "%.2f%% to %.2f%%</td>", t.g_q_lo * 100,
		        t.g_q_hi * 100);
		pct_cell(f, t.cagr * 100, 1, tip);
		fprintf(f, "<td class=\"n\">%.1f%% to %.1f%%</td>",
		        t.cagr_lo * 100, t.cagr_hi * 100);
		fprintf(f, "<td class=\"n\">%.3f</td><td>%s</td>", t.log_r2,
		        ec_period_format(t.next, a));
		char v1[64], v2[64], v3[64];
		fputs("<td class=\"n\" title=\"", f);
		esc(f, tip);
		fprintf(f, "\">%s</td><td class=\"n\">%s to %s</td></tr>\n",
		        fmt_value(unit, t.next_value, v1, sizeof v1),
		        fmt_value(unit, t.next_lo, v2, sizeof v2),
		        fmt_value(unit, t.next_hi, v3, sizeof v3));
	}
	fputs("</tbody></table></div>\n</section>\n", f);
}

/* The quarterly numbers most people look for, one column each. */
static const series_def quarter_cols[] = {
        {"revenue", EC_BASIS_GAAP, "Revenue"},
        {"operating_margin", EC_BASIS_GAAP, "Op. margin GAAP"},
        {"operating_margin", EC_BASIS_NON_GAAP, "Op. margin non-GAAP"},
        {"eps_diluted", EC_BASIS_GAAP, "EPS GAAP"},
        {"eps_diluted", EC_BASIS_NON_GAAP, "EPS non-GAAP"},
        {"net_income", EC_BASIS_GAAP, "Net income GAAP"},
        {"backlog", EC_BASIS_NONE, "Backlog"},
        {"deferred_revenue", EC_BASIS_NONE, "Deferred revenue"},
};
#define N_QCOLS (sizeof quarter_cols / sizeof quarter_cols[0])

static void quarters(page *p)
{
	FILE *f = p->f;
	const report_ctx *c = p->c;
	const char *company = c->company && *c->company ? c->company : NULL;
	/* The quarters that hold any of the columns' actuals. */
	int lo = INT32_MAX, hi = -1;
	for (size_t i = 0; i < ec_series_count(c->store); i++) {
		const ec_obs *o = ec_series_get(c->store, i);
		if (o->kind != EC_KIND_ACTUAL ||
		    !ec_period_is_quarter(o->period))
			continue;
		if (company && (!o->company || strcmp(o->company, company)))
			continue;
		bool want = false;
		for (size_t k = 0; k < N_QCOLS; k++)
			if (strcmp(o->metric, quarter_cols[k].metric) == 0)
				want = true;
		if (!want)
			continue;
		int q = ec_period_qindex(o->period);
		if (q < lo)
			lo = q;
		if (q > hi)
			hi = q;
	}
	fputs("<section id=\"quarters\">\n<h2>Quarterly data</h2>\n", f);
	if (hi < 0) {
		fputs("<p>No quarterly actuals.</p>\n</section>\n", f);
		return;
	}
	fputs("<p class=\"note\">Total company, as stated (hover for the "
	      "source, click for the evidence row).</p>\n"
	      "<div class=\"scroll\"><table>\n<thead><tr><th>Quarter</th>",
	      f);
	for (size_t k = 0; k < N_QCOLS; k++) {
		fputs("<th>", f);
		esc(f, quarter_cols[k].label);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int q = hi; q >= lo; q--) {
		ec_period per = ec_period_from_qindex(q);
		char ps[EC_PERIOD_STRLEN];
		const ec_obs *cells[N_QCOLS];
		bool any = false;
		for (size_t k = 0; k < N_QCOLS; k++) {
			ec_key key = {company,
			              per,
			              quarter_cols[k].metric,
			              "total",
			              (ec_basis)quarter_cols[k].basis,
			              EC_KIND_ACTUAL,
			              NULL};
			cells[k] = NULL;
			if (company) {
				cells[k] = ec_series_find(c->store, &key);
			} else {
				/* no company known: the first row of any */
				for (size_t i = 0;
				     i < ec_series_count(c->store); i++) {
					const ec_obs *o =
					        ec_series_get(c->store, i);
					if (o->kind == EC_KIND_ACTUAL &&
					    ec_period_equal(o->period, per) &&
					    o->basis == key.basis &&
					    strcmp(o->metric, key.metric) ==
					            0 &&
					    (!o->segment ||
					     strcmp(o->segment, "total") ==
					             0)) {
						cells[k] = o;
						break;
					}
				}
			}
			any |= cells[k] != NULL;
		}
		if (!any)
			continue;
		fprintf(f, "<tr><td>%s</td>", ec_period_format(per, ps));
		for (size_t k = 0; k < N_QCOLS; k++) {
			char v[64];
			if (cells[k])
				ev_cell(p, cells[k],
				        fmt_value(cells[k]->unit,
				                  cells[k]->value, v,
				                  sizeof v));
			else
				fputs("<td class=\"n\"></td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table></div>\n</section>\n", f);
}

static void sources(page *p)
{
	FILE *f = p->f;
	const report_ctx *c = p->c;
	fputs("<section id=\"sources\">\n<h2>Sources</h2>\n<ul>\n", f);
	for (size_t i = 0; i < c->n_inputs; i++) {
		const report_input *in = &c->inputs[i];
		fputs("<li><code>", f);
		esc(f, in->name);
		fputs("</code>: ", f);
		if (in->is_csv) {
			fprintf(f, "series CSV, %zu rows", in->rows);
		} else {
			const ec_extract_info *x = &in->info;
			fputs(x->kind == EC_DOC_RELEASE      ? "press release"
			      : x->kind == EC_DOC_TRANSCRIPT ? "call transcript"
			                                     : "document",
			      f);
			char per[EC_PERIOD_STRLEN];
			if (x->has_period)
				fprintf(f, " for %s",
				        ec_period_format(x->period, per));
			if (x->issued[0]) {
				fputs(", issued ", f);
				esc(f, x->issued);
			}
			fprintf(f, ", %zu row%s", in->rows,
			        in->rows == 1 ? "" : "s");
			if (in->company_assumed && x->company[0]) {
				fputs(" (names no ticker: taken as ", f);
				esc(f, x->company);
				fputs(" like the other documents)", f);
			}
			if (in->ok && !in->rows)
				fputs(" (no financial facts)", f);
		}
		if (!in->ok)
			fputs(" <span class=\"problem\">(could not be "
			      "read)</span>",
			      f);
		fputs("</li>\n", f);
	}
	fputs("</ul>\n</section>\n", f);
}

static void evidence(page *p)
{
	FILE *f = p->f;
	const ec_series *s = p->c->store;
	fputs("<section id=\"evidence\">\n<h2>Evidence</h2>\n"
	      "<p class=\"note\">Every row of <a href=\"series.csv\">series.csv"
	      "</a>, in its order: the number, the document and line it "
	      "comes from, and the quote.</p>\n"
	      "<div class=\"scroll\"><table>\n<thead><tr><th>#</th>"
	      "<th>Period</th><th>Metric</th><th>Segment</th><th>Basis</th>"
	      "<th>Kind</th><th>Value</th><th>Low</th><th>High</th>"
	      "<th>Company</th><th>Document</th><th>Line</th><th>Quote</th>"
	      "</tr></thead>\n<tbody>\n",
	      f);
	for (size_t i = 0; i < ec_series_count(s); i++) {
		const ec_obs *o = ec_series_get(s, i);
		char per[EC_PERIOD_STRLEN], v[64];
		fprintf(f,
		        "<tr id=\"r%zu\"><td class=\"n\">%zu</td><td>%s</td>"
		        "<td>",
		        i + 1, i + 1, ec_period_format(o->period, per));
		esc(f, o->metric);
		fputs("</td><td>", f);
		esc(f, o->segment && *o->segment ? o->segment : "total");
		fputs("</td><td>", f);
		esc(f, ec_basis_name(o->basis));
		fputs("</td><td>", f);
		esc(f, ec_kind_name(o->kind));
		if (o->source_role && *o->source_role) {
			fputs(" (", f);
			esc(f, o->source_role);
			fputc(')', f);
		}
		fputs("</td><td class=\"n\">", f);
		esc(f, fmt_value(o->unit, o->value, v, sizeof v));
		fputs("</td><td class=\"n\">", f);
		esc(f, fmt_value(o->unit, o->low, v, sizeof v));
		fputs("</td><td class=\"n\">", f);
		esc(f, fmt_value(o->unit, o->high, v, sizeof v));
		fputs("</td><td>", f);
		esc(f, o->company);
		fputs("</td><td>", f);
		const char *src = source_of(p, o);
		if (o->doc && *o->doc) {
			esc(f, o->doc);
		} else if (src && (strncmp(src, "https://", 8) == 0 ||
		                   strncmp(src, "http://", 7) == 0)) {
			/* A link the reader may follow; nothing is fetched. */
			fputs("<a class=\"url\" href=\"", f);
			esc(f, src);
			fputs("\">", f);
			esc(f, strchr(src, ':') + 3);
			fputs("</a>", f);
		} else {
			esc(f, src);
		}
		fputs("</td><td class=\"n\">", f);
		if (o->line > 0)
			fprintf(f, "%ld", o->line);
		fputs("</td><td class=\"q\">", f);
		esc(f, o->quote);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table></div>\n</section>\n", f);
}

static void footer(page *p)
{
	FILE *f = p->f;
	const report_ctx *c = p->c;
	fputs("</main>\n<footer>\n<h2>Files</h2>\n<p class=\"note\">", f);
	for (size_t i = 0; i < c->n_files; i++) {
		if (i)
			fputs(" &middot; ", f);
		fputs("<a href=\"", f);
		esc(f, c->files[i]);
		fputs("\">", f);
		esc(f, c->files[i]);
		fputs("</a>", f);
	}
	fprintf(f,
	        "</p>\n<p class=\"note\">Made with earnchart %s.</p>\n"
	        "</footer>\n</body>\n</html>\n",
	        EC_VERSION);
}

ec_err report_write_html(const char *path, const report_ctx *c, ec_error *err)
{
	page p = {.c = c, .source_col = -1};
	for (size_t i = 0; i < ec_series_layout_count(c->store); i++)
		if (strcmp(ec_series_layout_name(c->store, i), "source") == 0)
			p.source_col = (long)i;
	size_t n = ec_series_count(c->store);
	p.refs = malloc((n + 1) * sizeof *p.refs);
	if (!p.refs)
		return ec_error_set(err, EC_ENOMEM, path, 0, 0,
		                    "out of memory");
	for (size_t i = 0; i < n; i++) {
		p.refs[i].o = ec_series_get(c->store, i);
		p.refs[i].i = i;
	}
	p.n_refs = n;
	qsort(p.refs, n, sizeof *p.refs, cmp_ref);
	ec_atomic *a;
	ec_err rc = ec_atomic_open(path, &a, err);
	if (rc) {
		free(p.refs);
		return rc;
	}
	p.f = ec_atomic_file(a);
	head(&p);
	summary(&p);
	figures(&p);
	scorecard(&p);
	trends(&p);
	quarters(&p);
	sources(&p);
	evidence(&p);
	footer(&p);
	free(p.refs);
	return ec_atomic_commit(a, err);
}
