/* The whole analysis on an in-memory store: sections present, text / csv /
 * json agree, JSON is valid (strings escaped), no "nan" anywhere, output
 * deterministic, unfittable series reported with the reason. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "earnchart/analyze.h"
#include "testlib.h"

/* ---- a strict JSON checker (RFC 8259 grammar, no extensions) ---- */

static const char *js_value(const char *p, int depth);

static const char *js_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
		p++;
	return p;
}

static const char *js_string(const char *p)
{
	if (*p != '"')
		return NULL;
	for (p++; *p != '"'; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20)
			return NULL;
		if (c == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!isxdigit((unsigned char)p[i]))
						return NULL;
				p += 4;
			} else if (!strchr("\"\\/bfnrt", *p) || !*p) {
				return NULL;
			}
		}
	}
	return p + 1;
}

static const char *js_number(const char *p)
{
	const char *s = p;
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (isdigit((unsigned char)*p))
			p++;
	else
		return NULL;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return NULL;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return NULL;
		while (isdigit((unsigned char)*p))
			p++;
	}
	return p > s ? p : NULL;
}

static const char *js_value(const char *p, int depth)
{
	if (depth > 64)
		return NULL;
	p = js_ws(p);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		bool obj = *p == '{';
		p = js_ws(p + 1);
		if (*p == close)
			return p + 1;
		for (;;) {
			if (obj) {
				p = js_string(js_ws(p));
				if (!p)
					return NULL;
				p = js_ws(p);
				if (*p++ != ':')
					return NULL;
			}
			p = js_value(p, depth + 1);
			if (!p)
				return NULL;
			p = js_ws(p);
			if (*p == ',') {
				p++;
				continue;
			}
			return *p == close ? p + 1 : NULL;
		}
	}
	if (*p == '"')
		return js_string(p);
	if (!strncmp(p, "true", 4))
		return p + 4;
	if (!strncmp(p, "false", 5))
		return p + 5;
	if (!strncmp(p, "null", 4))
		return p + 4;
	return js_number(p);
}

static bool json_valid(const char *s)
{
	const char *p = js_value(s, 0);
	return p && *js_ws(p) == '\0';
}

/* ---- helpers ---- */

static void add(ec_series *s, const char *company, const char *metric,
                ec_basis b, ec_kind k, ec_period p, double v, double lo,
                double hi, ec_unit u, const char *quote)
{
	ec_obs o = ec_obs_init();
	o.company = company;
	o.metric = metric;
	o.basis = b;
	o.kind = k;
	o.period = p;
	o.value = v;
	o.low = lo;
	o.high = hi;
	o.unit = u;
	o.quote = quote;
	o.doc = "mem";
	ec_error err;
	if (ec_series_add(s, &o, &err) != EC_OK)
		CHECK(false, "add: %s", err.msg);
}

static char *render(const ec_analysis *a, ec_report_format fmt)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	ec_error err;
	ec_err rc = ec_analysis_write(a, f, fmt, &err);
	fclose(f);
	if (rc) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* The number after "\"key\": " in json (first occurrence after from). */
static double json_num(const char *json, const char *from, const char *key)
{
	const char *p = from ? strstr(json, from) : json;
	char pat[96];
	snprintf(pat, sizeof pat, "\"%s\": ", key);
	p = p ? strstr(p, pat) : NULL;
	if (!p)
		return NAN;
	p += strlen(pat);
	if (!strncmp(p, "null", 4))
		return NAN;
	return strtod(p, NULL);
}

/* The value cell of the csv row whose section is sec, field key and (when
 * not NULL) metric. */
static double csv_num(const char *csv, const char *sec, const char *metric,
                      const char *key)
{
	char line[1024];
	const char *p = csv;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n < sizeof line) {
			memcpy(line, p, n);
			line[n] = '\0';
			/* section,company,metric,segment,basis,period,issued,
			 * field,value,text (no quoted commas in these rows) */
			char *cells[10];
			int k = 0;
			char *q = line;
			cells[k++] = q;
			while (k < 10 && (q = strchr(q, ','))) {
				*q++ = '\0';
				cells[k++] = q;
			}
			if (k == 10 && !strcmp(cells[0], sec) &&
			    !strcmp(cells[7], key) &&
			    (!metric || !strcmp(cells[2], metric)))
				return cells[8][0] ? strtod(cells[8], NULL)
				                   : NAN;
		}
		p += n + (e ? 1 : 0);
	}
	return NAN;
}

static void test_report(void)
{
	ec_series *s = ec_series_new();
	ec_period q0 = ec_period_quarter(2009, 1);
	/* Revenue of ACME, 10 quarters growing ~4 %, one gap. */
	double rev[10] = {100, 104, 108.5, 112, 0, 121, 126, 131.5, 136, 142};
	for (int t = 0; t < 10; t++)
		if (rev[t] > 0)
			add(s, "ACME", "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL,
			    ec_period_add_quarters(q0, t), rev[t], NAN, NAN,
			    EC_UNIT_USD_M, "");
	/* Operating income for two quarters: derived margins. */
	add(s, "ACME", "operating_income", EC_BASIS_GAAP, EC_KIND_ACTUAL,
	    ec_period_add_quarters(q0, 8), 20.4, NAN, NAN, EC_UNIT_USD_M, "");
	add(s, "ACME", "operating_income", EC_BASIS_NON_GAAP, EC_KIND_ACTUAL,
	    ec_period_add_quarters(q0, 8), 27.2, NAN, NAN, EC_UNIT_USD_M, "");
	/* A guide whose quote needs escaping, and an EPS guide without a
	 * comparable actual. */
	add(s, "ACME", "revenue", EC_BASIS_GAAP, EC_KIND_GUIDANCE,
	    ec_period_add_quarters(q0, 9), 140, 135, 145, EC_UNIT_USD_M,
	    "we said \"between $135 and $145\"\\ with a\ttab and caf\xc3\xa9 "
	    "\xff");
	add(s, "ACME", "eps_diluted", EC_BASIS_NON_GAAP, EC_KIND_GUIDANCE,
	    ec_period_add_quarters(q0, 9), 0.21, 0.2, 0.22, EC_UNIT_USD, "");
	add(s, "ACME", "eps_diluted", EC_BASIS_GAAP, EC_KIND_ACTUAL,
	    ec_period_add_quarters(q0, 9), 0.18, NAN, NAN, EC_UNIT_USD, "");
	/* EPS has only 1 quarter: listed as not fittable. */

	ec_analyze_opts o;
	ec_analyze_opts_defaults(&o);
	ec_analysis *a;
	ec_error err;
	ec_err rc = ec_analyze(s, &o, &a, &err);
	CHECK(rc == EC_OK, "analyze: runs (%s)", rc ? err.msg : "ok");
	if (rc) {
		ec_series_free(s);
		return;
	}
	CHECK(ec_analysis_trend_count(a) == 1, "analyze: one revenue trend");
	const char *why = NULL;
	const ec_trend *t = ec_analysis_trend(a, 0, &why);
	CHECK(t && t->n == 9 && t->has_log, "analyze: 9 quarters fitted");
	CHECK(ec_scorecard_count(ec_analysis_scorecard(a)) == 2,
	      "analyze: two guidance rows");

	char *txt = render(a, EC_REPORT_TEXT);
	char *csv = render(a, EC_REPORT_CSV);
	char *json = render(a, EC_REPORT_JSON);
	char *json2 = render(a, EC_REPORT_JSON);
	CHECK(txt && csv && json && json2, "write: all three formats");
	if (!txt || !csv || !json || !json2)
		goto out;
	CHECK(json_valid(json), "json: valid");
	CHECK(strcmp(json, json2) == 0, "json: deterministic");
	CHECK(strstr(json, "\\\"between $135 and $145\\\"\\\\ with a\\ttab") !=
	              NULL,
	      "json: quote, backslash and tab escaped");
	CHECK(strstr(json, "caf\xc3\xa9 \\ufffd") != NULL,
	      "json: valid UTF-8 kept, an invalid byte replaced");
	for (const char *fmt_out[] = {txt, csv, json}, **p = fmt_out;
	     p < fmt_out + 3; p++) {
		const char *x = *p;
		bool bad = false;
		for (const char *q = x; *q; q++)
			if ((q == x || !isalpha((unsigned char)q[-1])) &&
			    (!strncasecmp(q, "nan", 3) ||
			     !strncasecmp(q, "inf", 3)) &&
			    !isalpha((unsigned char)q[3]))
				bad = true;
		CHECK(!bad, "output %d: no nan / inf", (int)(p - fmt_out));
	}
	/* Same numbers in csv and json, exactly. */
	const char *keys[] = {"growth_q", "growth_q_lo", "cagr_hi", "log_r2",
	                      "lin_rse",  "next_value",  "next_hi"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		double j = json_num(json, "\"trends\"", keys[i]);
		double c = csv_num(csv, "trend", NULL, keys[i]);
		CHECK(isfinite(j) && j == c, "csv = json: %s (%.17g, %.17g)",
		      keys[i], j, c);
	}
	CHECK(json_num(json, "\"trends\"", "growth_q") == t->g_q,
	      "json: growth_q round-trips exactly");
	double hit = csv_num(csv, "guidance_summary", "revenue", "hit_rate");
	CHECK(hit == 1.0, "csv: revenue guidance hit (142 within 135-145)");
	/* the text shows the same growth, rounded */
	char want[64];
	snprintf(want, sizeof want, "%+.2f%%", 100 * t->g_q);
	CHECK(strstr(txt, want) != NULL, "text: growth %s shown", want);
	CHECK(strstr(txt, "not comparable") != NULL,
	      "text: GAAP EPS vs non-GAAP guide not comparable");
	CHECK(strstr(txt, "Margins") && strstr(txt, "*"),
	      "text: margin table with derived marks");
	/* 2011Q1 GAAP margin derived: 20.4 / 136 = 15.0 % */
	CHECK(strstr(txt, "15.0%*") != NULL,
	      "text: derived 20.4 / 136 = 15.0%%");
	CHECK(strstr(json, "\"operating_margin_gaap_derived\": true") != NULL,
	      "json: derived flag");
out:
	free(txt);
	free(csv);
	free(json);
	free(json2);
	ec_analysis_free(a);

	/* Only 2 quarters of EPS: the trend is listed with the reason. */
	o.metric = "eps_diluted";
	rc = ec_analyze(s, &o, &a, &err);
	CHECK(rc == EC_OK, "short: runs");
	if (!rc) {
		t = ec_analysis_trend(a, 0, &why);
		CHECK(!t && why && strstr(why, "ACME eps_diluted total gaap") &&
		              strstr(why, "only 1"),
		      "short: reason names the series: %s", why ? why : "");
		char *j = render(a, EC_REPORT_JSON);
		CHECK(j && json_valid(j) && strstr(j, "\"fitted\": false"),
		      "short: json says not fitted");
		free(j);
		ec_analysis_free(a);
	}
	o.metric = "no_such_metric";
	rc = ec_analyze(s, &o, &a, &err);
	CHECK(rc == EC_ENODATA && strstr(err.msg, "no_such_metric"),
	      "nothing: EC_ENODATA naming the selection: %s", err.msg);
	o.metric = NULL;
	o.level = 2;
	CHECK(ec_analyze(s, &o, &a, &err) == EC_EINVAL, "options: bad level");
	ec_series_free(s);
}

static void test_empty_company(void)
{
	/* Actuals with the ticker, guidance from a transcript without one:
	 * one company in the report. */
	ec_series *s = ec_series_new();
	for (int i = 0; i < 4; i++)
		add(s, "JNPR", "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL,
		    ec_period_quarter(2010, i + 1), 900 + 30 * i, NAN, NAN,
		    EC_UNIT_USD_M, "");
	add(s, "", "revenue", EC_BASIS_GAAP, EC_KIND_GUIDANCE,
	    ec_period_quarter(2010, 4), 1000, 980, 1020, EC_UNIT_USD_M, "");
	add(s, "", "revenue", EC_BASIS_GAAP, EC_KIND_ACTUAL,
	    ec_period_quarter(2011, 1), 1000, NAN, NAN, EC_UNIT_USD_M, "");
	ec_analysis *a;
	ec_error err;
	CHECK(ec_analyze(s, NULL, &a, &err) == EC_OK, "empty company: runs");
	CHECK(ec_analysis_trend_count(a) == 1, "empty company: one trend");
	const ec_trend *t = ec_analysis_trend(a, 0, NULL);
	CHECK(t && t->n == 5, "empty company: the unnamed actual joins JNPR");
	const ec_guidance_row *r =
	        ec_scorecard_row(ec_analysis_scorecard(a), 0);
	/* 2010Q4 actual 900 + 3 * 30 = 990, guided 980-1020: within. */
	CHECK(r && r->actual && r->pos == EC_POS_WITHIN,
	      "empty company: guide joined to the JNPR actual, within");
	CHECK_STR(r ? r->company : "", "JNPR", "empty company: scored as JNPR");
	ec_analysis_free(a);
	ec_series_free(s);
}

int main(void)
{
	test_report();
	test_empty_company();
	return ec_test_done();
}
