/* Tests of the main job: on the bundled data every file is written and
 * holds what it should (series.csv reads back with the counted rows, the
 * deck has a page per figure plus two, the HTML page inlines one SVG per
 * figure with unique ids, has no script and escapes what it quotes); a bad
 * input is named and the rest is still written; data/figures.csv lists the
 * standard figures. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "earnchart/batch.h"
#include "earnchart/chart.h"
#include "earnchart/csvio.h"
#include "earnchart/io.h"
#include "earnchart/report.h"
#include "testlib.h"

#define DATA EC_SOURCE_DIR "/data"

static char tmp_root[256];

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0, l = strlen(needle);
	for (const char *p = hay; (p = strstr(p, needle)); p += l)
		n++;
	return n;
}

static char *slurp(const char *dir, const char *name, size_t *len)
{
	char p[1024];
	int k = snprintf(p, sizeof p, "%s/%s", dir, name);
	if (k < 0 || (size_t)k >= sizeof p)
		return NULL;
	char *d = NULL;
	size_t l = 0;
	if (ec_read_file(p, 0, &d, &l, NULL))
		return NULL;
	if (len)
		*len = l;
	return d;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* True when every id="..." in html is unique. */
static bool ids_unique(const char *html, size_t *n_ids)
{
	size_t cap = 1024, n = 0;
	char **ids = malloc(cap * sizeof *ids);
	if (!ids)
		return false;
	for (const char *p = html; (p = strstr(p, " id=\"")); p += 5) {
		const char *s = p + 5, *e = strchr(s, '"');
		if (!e)
			break;
		if (n == cap) {
			cap *= 2;
			char **ni = realloc(ids, cap * sizeof *ids);
			if (!ni)
				break;
			ids = ni;
		}
		ids[n] = strndup(s, (size_t)(e - s));
		if (!ids[n])
			break;
		n++;
	}
	qsort(ids, n, sizeof *ids, cmp_str);
	bool ok = true;
	for (size_t i = 1; i < n; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0) {
			printf("# duplicate id %s\n", ids[i]);
			ok = false;
		}
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	*n_ids = n;
	return ok;
}

static void list_bundled(char ***paths, size_t *n)
{
	static const char *const sub[2] = {"docs", "reference"};
	*paths = NULL;
	*n = 0;
	size_t cap = 0;
	for (int s = 0; s < 2; s++) {
		char dir[512];
		snprintf(dir, sizeof dir, "%s/%s", DATA, sub[s]);
		DIR *d = opendir(dir);
		struct dirent *de;
		size_t start = *n;
		while (d && (de = readdir(d))) {
			const char *nm = de->d_name;
			size_t l = strlen(nm);
			bool csv = l > 4 && strcmp(nm + l - 4, ".csv") == 0;
			if (nm[0] == '.' || strncmp(nm, "README", 6) == 0 ||
			    csv != (s == 1))
				continue;
			if (*n == cap) {
				cap = cap ? cap * 2 : 16;
				*paths = realloc(*paths, cap * sizeof **paths);
			}
			size_t pl = strlen(dir) + l + 2;
			char *p = malloc(pl);
			if (!p)
				break;
			snprintf(p, pl, "%s/%s", dir, nm);
			(*paths)[(*n)++] = p;
		}
		if (d)
			closedir(d);
		qsort(*paths + start, *n - start, sizeof **paths, cmp_str);
	}
}

static void test_bundled(void)
{
	char out[512];
	snprintf(out, sizeof out, "%s/out", tmp_root);
	char **paths;
	size_t n;
	list_bundled(&paths, &n);
	CHECK(n >= 5, "bundled inputs found: %zu", n);
	ec_report_opts o;
	ec_report_opts_defaults(&o);
	o.out_dir = out;
	o.inputs = (const char *const *)paths;
	o.n_inputs = n;
	ec_report_result *r = NULL;
	ec_error e;
	ec_error_clear(&e);
	ec_err rc = ec_report_run(&o, &r, &e);
	if (!CHECK(rc == EC_OK && r, "report runs (%s)", e.msg))
		goto done;
	for (size_t i = 0; i < r->n_problems; i++)
		printf("# problem %s: %s\n", r->problems[i].step,
		       r->problems[i].message);
	CHECK(r->n_problems == 0, "no step failed");
	size_t nf;
	ec_report_figures(&nf);
	CHECK(nf == 7, "seven standard figures");
	CHECK(r->figures == nf, "every figure drawn: %zu", r->figures);
	CHECK(r->deck_pages == nf + 2, "deck pages = figures + 2: %zu",
	      r->deck_pages);
	CHECK(r->documents == n - 1 && r->csv_files == 1,
	      "documents and CSVs counted: %zu, %zu", r->documents,
	      r->csv_files);
	CHECK(r->documents_used >= 4 && r->documents_used < r->documents,
	      "the code of conduct gives no rows: %zu of %zu used",
	      r->documents_used, r->documents);
	CHECK(r->files == 2 + 2 + 2 * nf + 2, "files written: %zu", r->files);

	/* series.csv reads back with the rows counted. */
	char p[600];
	snprintf(p, sizeof p, "%s/series.csv", out);
	ec_series *s = NULL;
	CHECK(ec_csv_read_file(p, NULL, &s, &e) == EC_OK && s &&
	              ec_series_count(s) == r->rows && r->rows > r->extracted,
	      "series.csv reads back with %zu rows", r->rows);
	ec_series_free(s);
	size_t len;
	char *conf = slurp(out, "conflicts.csv", &len);
	CHECK(conf && count_of(conf, "\n") == r->conflicts + 1,
	      "conflicts.csv has a header and %zu rows", r->conflicts);
	free(conf);

	const ec_report_figure *figs = ec_report_figures(NULL);
	for (size_t i = 0; i < nf; i++) {
		char name[128];
		snprintf(name, sizeof name, "%s.png", figs[i].name);
		char *d = slurp(out, name, &len);
		CHECK(d && len > 1000 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0,
		      "%s is a PNG", name);
		free(d);
		snprintf(name, sizeof name, "%s.svg", figs[i].name);
		d = slurp(out, name, &len);
		CHECK(d && strstr(d, "<svg") && strstr(d, "</svg>"),
		      "%s is an SVG", name);
		free(d);
	}
	char *pdf = slurp(out, "deck.pdf", &len);
	CHECK(pdf && len > 5 && memcmp(pdf, "%PDF-", 5) == 0,
	      "deck.pdf is a PDF");
	free(pdf);
	char *txt = slurp(out, "analysis.txt", &len);
	CHECK(txt && len > 100, "analysis.txt written");
	free(txt);
	char *json = slurp(out, "analysis.json", &len);
	CHECK(json && len > 2 && json[0] == '{', "analysis.json is an object");
	free(json);

	char *html = slurp(out, "report.html", &len);
	if (!CHECK(html != NULL, "report.html written"))
		goto done;
	CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0, "HTML5 doctype");
	CHECK(count_of(html, "<svg") == nf, "one inline SVG per figure: %zu",
	      count_of(html, "<svg"));
	CHECK(count_of(html, "<?xml") == 0, "no XML declaration inline");
	CHECK(count_of(html, "<script") == 0, "no script");
	CHECK(count_of(html, " src=\"http") == 0 &&
	              count_of(html, "<link rel=\"stylesheet\"") == 0 &&
	              count_of(html, "@import") == 0 &&
	              count_of(html, "@font-face") == 0,
	      "nothing loaded from the network");
	size_t n_ids = 0;
	CHECK(ids_unique(html, &n_ids) && n_ids > r->rows, "ids unique (%zu)",
	      n_ids);
	char want[64];
	snprintf(want, sizeof want, "<tr id=\"r%zu\">", r->rows);
	CHECK(strstr(html, want) != NULL, "evidence table has every row");
	snprintf(want, sizeof want, "<tr id=\"r%zu\">", r->rows + 1);
	CHECK(strstr(html, want) == NULL, "and no more");
	CHECK(strstr(html, "id=\"scorecard\"") && strstr(html, "id=\"trends\""),
	      "scorecard and trend sections");
	/* Every guided period of revenue in the scorecard has its source
	 * document named in a tooltip. */
	CHECK(strstr(html, "title=\"jnpr-2010q3-call.txt, line ") != NULL,
	      "tooltips name the document and line");
	CHECK(count_of(html, "<td class=\"n\" title=\"") > 50,
	      "numbers carry tooltips: %zu",
	      count_of(html, "<td class=\"n\" title=\""));
	free(html);
done:
	ec_report_result_free(r);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* A bad input is named, the rest is still written; text that looks like
 * markup is escaped. */
static void test_bad_input(void)
{
	char out[512], csv[512], missing[512];
	snprintf(out, sizeof out, "%s/out2", tmp_root);
	snprintf(csv, sizeof csv, "%s/evil.csv", tmp_root);
	snprintf(missing, sizeof missing, "%s/no-such-doc.txt", tmp_root);
	FILE *f = fopen(csv, "w");
	if (!f)
		return;
	fputs("company,period,metric,segment,basis,kind,value,unit,doc,line,"
	      "quote\n",
	      f);
	for (int q = 0; q < 12; q++)
		fprintf(f,
		        "ZZZ,%dQ%d,revenue,total,gaap,actual,%d,usd_m,"
		        "\"a<b>&\"\"c\"\".txt\",%d,\"<script>alert(%d)</"
		        "script> & "
		        "\"\"quoted\"\"\"\n",
		        2010 + q / 4, q % 4 + 1, 100 + 7 * q, q + 1, q);
	fclose(f);
	const char *inputs[2] = {csv, missing};
	ec_report_opts o;
	ec_report_opts_defaults(&o);
	o.out_dir = out;
	o.inputs = inputs;
	o.n_inputs = 2;
	ec_report_result *r = NULL;
	ec_error e;
	if (!CHECK(ec_report_run(&o, &r, &e) == EC_OK && r, "report runs"))
		return;
	bool named = false;
	for (size_t i = 0; i < r->n_problems; i++)
		if (strstr(r->problems[i].message, "no-such-doc.txt"))
			named = true;
	CHECK(r->n_problems >= 1 && named, "the missing document is named");
	CHECK(r->rows == 12, "the CSV's rows are kept: %zu", r->rows);
	size_t len;
	char *html = slurp(out, "report.html", &len);
	CHECK(html != NULL, "report.html still written");
	if (html) {
		CHECK(count_of(html, "<script") == 0 &&
		              strstr(html,
		                     "&lt;script&gt;alert(3)&lt;/script&gt; "
		                     "&amp; &quot;quoted&quot;"),
		      "quotes are escaped");
		CHECK(strstr(html, "a&lt;b&gt;&amp;&quot;c&quot;.txt") != NULL,
		      "document names are escaped");
		CHECK(strstr(html, "no-such-doc.txt") != NULL,
		      "the page lists the problem");
	}
	free(html);
	char *s = slurp(out, "series.csv", &len);
	CHECK(s != NULL, "series.csv still written");
	free(s);
	char *png = slurp(out, "revenue.png", &len);
	CHECK(png != NULL, "revenue.png still written");
	free(png);
	ec_report_result_free(r);
}

/* data/figures.csv is the manifest of the standard figures. */
static void test_manifest_matches(void)
{
	ec_manifest *m = NULL;
	ec_error e;
	ec_error_clear(&e);
	if (!CHECK(ec_manifest_read_file(DATA "/figures.csv", &m, &e) == EC_OK,
	           "data/figures.csv parses (%s)", e.msg))
		return;
	CHECK(ec_manifest_invalid_count(m) == 0, "every row valid");
	size_t nf;
	const ec_report_figure *figs = ec_report_figures(&nf);
	for (size_t i = 0; i < nf; i++) {
		static const char *const ext[2] = {"png", "svg"};
		for (int k = 0; k < 2; k++) {
			char name[128];
			snprintf(name, sizeof name, "%s.%s", figs[i].name,
			         ext[k]);
			bool found = false;
			for (size_t j = 0; j < ec_manifest_count(m); j++) {
				const ec_manifest_row *row =
				        ec_manifest_get(m, j);
				if (strcmp(row->output, name) != 0)
					continue;
				found = row->opts.type == figs[i].type &&
				        row->opts.basis == figs[i].basis &&
				        row->opts.trend == figs[i].trend &&
				        ((!row->opts.metric &&
				          !figs[i].metric) ||
				         (row->opts.metric && figs[i].metric &&
				          strcmp(row->opts.metric,
				                 figs[i].metric) == 0));
			}
			CHECK(found, "figures.csv has %s like the report",
			      name);
		}
	}
	ec_manifest_free(m);
}

static void rm_rf(const char *p)
{
	struct stat st;
	if (lstat(p, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(p);
		struct dirent *de;
		while (d && (de = readdir(d))) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			char c[1024];
			snprintf(c, sizeof c, "%s/%s", p, de->d_name);
			rm_rf(c);
		}
		if (d)
			closedir(d);
		rmdir(p);
	} else {
		unlink(p);
	}
}

int main(void)
{
	test_manifest_matches();
	snprintf(tmp_root, sizeof tmp_root, "/tmp/ec-report-XXXXXX");
	if (CHECK(mkdtemp(tmp_root) != NULL, "temporary folder")) {
		test_bundled();
		test_bad_input();
		rm_rf(tmp_root);
	}
	/* cairo/pango/fontconfig caches, so leak checkers see a clean heap */
	ec_render_cleanup();
	return ec_test_done();
}
