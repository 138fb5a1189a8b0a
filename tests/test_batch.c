/* Tests of batch figure production: output path safety, --shard, the
 * manifest reader (line numbers, per-row errors, fatal errors), and runs
 * on threads (bad rows fail alone, nothing is written outside the output
 * folder, shards split the rows, results do not depend on thread count). */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "earnchart/batch.h"
#include "earnchart/chart.h"
#include "earnchart/io.h"
#include "testlib.h"

#define REF EC_SOURCE_DIR "/data/reference/jnpr_reference.csv"

static void test_output_ok(void)
{
	static const char *const good[] = {"a.png",   "sub/dir/a.svg",
	                                   "./a.pdf", "..a.png",
	                                   "a..png",  "a//b.png"};
	static const char *const bad[] = {"",
	                                  "/tmp/evil.png",
	                                  "../evil.png",
	                                  "a/../../x.png",
	                                  "a/..",
	                                  "..",
	                                  "sub/",
	                                  "x\t.png",
	                                  "sub/.",
	                                  "a/../b.png"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		CHECK(ec_batch_output_ok(good[i], NULL, 0), "output ok: '%s'",
		      good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char why[200] = "";
		bool ok = ec_batch_output_ok(bad[i], why, sizeof why);
		CHECK(!ok && why[0], "output refused: '%s' (%s)", bad[i], why);
	}
	char why[200];
	ec_batch_output_ok("../x.png", why, sizeof why);
	CHECK(strstr(why, "..") != NULL, "'..' named in the reason: %s", why);
	ec_batch_output_ok("/x.png", why, sizeof why);
	CHECK(strstr(why, "absolute") != NULL, "absolute named: %s", why);
}

static void test_shard(void)
{
	unsigned k = 0, n = 0;
	CHECK(ec_batch_parse_shard("2/8", &k, &n, NULL) == EC_OK && k == 2 &&
	              n == 8,
	      "shard 2/8");
	CHECK(ec_batch_parse_shard("1/1", &k, &n, NULL) == EC_OK && k == 1 &&
	              n == 1,
	      "shard 1/1");
	static const char *const bad[] = {"0/3",  "4/3", "1/0",      "a/b",
	                                  "1/2x", "12",  "-1/2",     "/2",
	                                  "1/",   "",    "1/2000000"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ec_error e;
		ec_error_clear(&e);
		CHECK(ec_batch_parse_shard(bad[i], &k, &n, &e) == EC_EINVAL &&
		              e.msg[0],
		      "shard '%s' refused: %s", bad[i], e.msg);
	}
}

static ec_manifest *parse(const char *text, const char *name, ec_error *e)
{
	ec_manifest *m = NULL;
	ec_error_clear(e);
	ec_manifest_read_mem(text, strlen(text), name, &m, e);
	return m;
}

static void test_manifest(void)
{
	ec_error e;
	const char *text =
	        "\xEF\xBB\xBFoutput,type,series,metric,basis,from,to,title,"
	        "size,"
	        "dpi,theme,trend,gross\r\n"
	        "rev.png,revenue,ref.csv,,,2008Q1,2010Q4,Revenue,slide,,,1,\r\n"
	        "\r\n"
	        "m.svg,margin,a.csv; b.csv ,,non_gaap,,,\"two\nlines\",,,dark,,"
	        "yes\n"
	        "g.pdf,guidance,/abs/x.csv,eps_diluted,non_gaap,,,,,,,,\n"
	        "bad1.png,pie,ref.csv,,,,,,,,,,\n"
	        "../evil.png,revenue,ref.csv,,,,,,,,,,\n"
	        "/tmp/evil.png,revenue,ref.csv,,,,,,,,,,\n"
	        "x.png,revenue,ref.csv,,,2010Q4,2010Q1,,,,,,\n"
	        "x2.png,revenue,ref.csv,,,2010Q5,,,,,,,\n"
	        "x3.png,revenue,ref.csv,,,,,,,5,,,\n"
	        "x4.png,revenue,ref.csv,,,,,,,,neon,,\n"
	        "x5.gif,revenue,ref.csv,,,,,,,,,,\n"
	        "x6.png,revenue,,,,,,,,,,,\n"
	        "./rev.png,revenue,ref.csv,,,,,,,,,,\n"
	        "x7.png,revenue,ref.csv,,,,,,,,,maybe,\n"
	        "x8.png,revenue,ref.csv,,,,,,big,,,,\n"
	        "x9.png,revenue,ref.csv,,gaap,,,,,,,,,extra\n";
	ec_manifest *m = parse(text, "dir/sub/figs.csv", &e);
	if (!CHECK(m != NULL, "manifest parses (%s)", e.msg))
		return;
	CHECK(ec_manifest_count(m) == 16, "16 rows (blank line skipped): %zu",
	      ec_manifest_count(m));
	const ec_manifest_row *r = ec_manifest_get(m, 0);
	CHECK(r && r->valid && r->line == 2, "row 1 valid at line 2");
	CHECK(r && r->opts.type == EC_CHART_REVENUE && r->opts.trend &&
	              r->opts.has_from && r->opts.has_to &&
	              r->opts.from.year == 2008 && r->opts.to.n == 4,
	      "row 1 options");
	CHECK(r && r->format == EC_FORMAT_PNG, "row 1 format png");
	CHECK(r && r->n_series == 1 &&
	              strcmp(r->series[0], "dir/sub/ref.csv") == 0,
	      "series relative to the manifest folder: %s",
	      r ? r->series[0] : "");
	CHECK(r && r->opts.title && strcmp(r->opts.title, "Revenue") == 0,
	      "title");
	r = ec_manifest_get(m, 1);
	CHECK(r && r->valid && r->line == 4,
	      "quoted newline row at line 4: %ld", r ? r->line : -1);
	CHECK(r && r->n_series == 2 &&
	              strcmp(r->series[1], "dir/sub/b.csv") == 0,
	      "two series, trimmed");
	CHECK(r && r->opts.theme == EC_THEME_DARK && r->opts.gross &&
	              r->opts.basis == EC_BASIS_NON_GAAP &&
	              r->format == EC_FORMAT_SVG,
	      "row 2 options");
	r = ec_manifest_get(m, 2);
	CHECK(r && r->valid && r->line == 6 &&
	              strcmp(r->series[0], "/abs/x.csv") == 0 &&
	              r->format == EC_FORMAT_PDF,
	      "absolute series path kept, line 6");
	struct {
		size_t row;
		long line;
		const char *needle;
	} bad[] = {
	        {3, 7, "unknown type 'pie'"},
	        {4, 8, "'..'"},
	        {5, 9, "absolute"},
	        {6, 10, "after"},
	        {7, 11, "from"},
	        {8, 12, "dpi"},
	        {9, 13, "theme"},
	        {10, 14, ".png, .svg or .pdf"},
	        {11, 15, "series"},
	        {12, 16, "also written by line 2"},
	        {13, 17, "trend"},
	        {14, 18, "size"},
	        {15, 19, "more cells"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		r = ec_manifest_get(m, bad[i].row);
		char want[64];
		snprintf(want, sizeof want,
		         "dir/sub/figs.csv:%ld: ", bad[i].line);
		CHECK(r && !r->valid && r->error &&
		              strncmp(r->error, want, strlen(want)) == 0 &&
		              strstr(r->error, bad[i].needle),
		      "bad row at line %ld: %s", bad[i].line,
		      r && r->error ? r->error : "(valid)");
	}
	CHECK(ec_manifest_invalid_count(m) == 13, "13 invalid rows: %zu",
	      ec_manifest_invalid_count(m));
	ec_manifest_free(m);

	/* Whole-manifest errors name the file and line. */
	struct {
		const char *text, *needle;
		long line;
	} fatal[] = {
	        {"output,type\nx.png,revenue\n",
	         "missing required column 'series'", 1},
	        {"output,type,series,colour\n", "unknown column 'colour'", 1},
	        {"output,type,series,type\n", "appears twice", 1},
	        {"", "empty manifest", 1},
	        {"output,type,series\na.png,revenue,x.csv\nb.png,rev\"enue,x."
	         "csv\n",
	         "malformed", 3},
	        {"output,type,series\na.png,revenue,x.csv\n\"b.png,revenue,x."
	         "csv\n",
	         "not closed", 3},
	};
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
		m = parse(fatal[i].text, "f.csv", &e);
		CHECK(!m && e.code == EC_EPARSE &&
		              strstr(e.msg, fatal[i].needle) &&
		              e.line == fatal[i].line &&
		              strcmp(e.file, "f.csv") == 0,
		      "fatal manifest error %zu: %s:%ld: %s", i, e.file, e.line,
		      e.msg);
		ec_manifest_free(m);
	}
	/* Same result whatever the case of the column names. */
	m = parse("OUTPUT,Type,SERIES\na.png,revenue,x.csv\n", "c.csv", &e);
	CHECK(m && ec_manifest_count(m) == 1 && ec_manifest_get(m, 0)->valid,
	      "column names are case-insensitive");
	ec_manifest_free(m);
}

/* ---- runs ---------------------------------------------------------------- */

static char tmp_root[256];

static void path_in(char *buf, size_t n, const char *rel)
{
	snprintf(buf, n, "%s/%s", tmp_root, rel);
}

static bool exists(const char *p)
{
	struct stat st;
	return lstat(p, &st) == 0;
}

static size_t count_files(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static bool same_file(const char *a, const char *b)
{
	char *da, *db;
	size_t la, lb;
	if (ec_read_file(a, 0, &da, &la, NULL))
		return false;
	if (ec_read_file(b, 0, &db, &lb, NULL)) {
		free(da);
		return false;
	}
	bool same = la == lb && memcmp(da, db, la) == 0;
	free(da);
	free(db);
	return same;
}

typedef struct counts {
	size_t calls, last_done, last_failed, total;
	bool monotonic;
} counts;

static void on_progress(void *ctx, const ec_batch_result *r, size_t done,
                        size_t failed, size_t total)
{
	(void)r;
	counts *c = ctx;
	if (done != c->last_done + 1 || failed < c->last_failed)
		c->monotonic = false;
	c->calls++;
	c->last_done = done;
	c->last_failed = failed;
	c->total = total;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void test_run(void)
{
	char man[512], out[512], outside[512], evil_abs[600], link[512];
	path_in(outside, sizeof outside, "outside");
	mkdir(outside, 0777);
	path_in(out, sizeof out, "out");
	path_in(man, sizeof man, "m.csv");
	snprintf(evil_abs, sizeof evil_abs, "%s/abs-evil.png", outside);
	/* out/link -> outside: a row writing through it must fail. */
	mkdir(out, 0777);
	path_in(link, sizeof link, "out/link");
	CHECK(symlink(outside, link) == 0, "symlink made");

	char text[4096];
	snprintf(text, sizeof text,
	         "output,type,series,size\n"
	         "revenue.png,revenue," REF ",800x450\n"
	         "sub/margin.svg,margin," REF ",800x450\n"
	         "../evil.png,revenue," REF ",800x450\n"
	         "%s,revenue," REF ",800x450\n"
	         "link/through.png,revenue," REF ",800x450\n"
	         "missing.png,revenue,no-such-file.csv,800x450\n"
	         "eps.pdf,eps," REF ",800x450\n"
	         "guidance.png,guidance," REF ",800x450\n",
	         evil_abs);
	write_text(man, text);
	ec_error e;
	ec_error_clear(&e);
	ec_manifest *m = NULL;
	if (!CHECK(ec_manifest_read_file(man, &m, &e) == EC_OK,
	           "run manifest parses (%s)", e.msg))
		return;
	ec_batch_opts o;
	ec_batch_opts_defaults(&o);
	o.out_dir = out;
	o.jobs = 3;
	counts c = {.monotonic = true};
	o.progress = on_progress;
	o.progress_ctx = &c;
	ec_batch_outcome *oc = NULL;
	ec_err rc = ec_batch_run(m, &o, &oc, &e);
	if (!CHECK(rc == EC_OK && oc, "run starts (%s)", e.msg)) {
		ec_manifest_free(m);
		return;
	}
	CHECK(oc->total == 8 && oc->ok == 4 && oc->failed == 4,
	      "4 written, 4 failed: %zu/%zu/%zu", oc->ok, oc->failed,
	      oc->total);
	CHECK(oc->inputs == 2, "two distinct inputs read: %zu", oc->inputs);
	CHECK(c.calls == 8 && c.last_done == 8 && c.last_failed == 4 &&
	              c.total == 8 && c.monotonic,
	      "progress called once per row, counts rise");
	static const long fail_lines[] = {4, 5, 6, 7};
	size_t k = 0;
	for (size_t i = 0; i < oc->total; i++) {
		const ec_batch_result *r = &oc->results[i];
		CHECK(r->row == i && r->line == (long)i + 2,
		      "result %zu in order", i);
		if (r->code) {
			char want[600];
			snprintf(want, sizeof want, "%s:%ld: ", man, r->line);
			CHECK(k < 4 && r->line == fail_lines[k] &&
			              strncmp(r->message, want, strlen(want)) ==
			                      0,
			      "failure names manifest line %ld: %s", r->line,
			      r->message);
			k++;
		}
	}
	char p[600];
	static const char *const made[] = {"revenue.png", "sub/margin.svg",
	                                   "eps.pdf", "guidance.png"};
	for (size_t i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s/%s", out, made[i]);
		CHECK(exists(p), "written: %s", made[i]);
	}
	path_in(p, sizeof p, "evil.png");
	CHECK(!exists(p), "../evil.png not written");
	CHECK(!exists(evil_abs), "absolute path not written");
	CHECK(count_files(outside) == 0, "nothing written through the symlink");
	CHECK(count_files(tmp_root) == 3,
	      "only m.csv, out, outside at the top");
	snprintf(p, sizeof p, "%s/revenue.png", out);
	char *png;
	size_t len;
	if (ec_read_file(p, 0, &png, &len, NULL) == EC_OK) {
		CHECK(len > 8 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0,
		      "revenue.png is a PNG");
		free(png);
	}
	ec_batch_outcome_free(oc);

	/* One thread gives the same bytes as three. */
	char out1[512];
	path_in(out1, sizeof out1, "out1");
	o.out_dir = out1;
	o.jobs = 1;
	o.progress = NULL;
	if (ec_batch_run(m, &o, &oc, &e) == EC_OK) {
		/* no symbolic link in out1: link/through.png is a plain folder there */
		CHECK(oc->ok == 5 && oc->failed == 3, "-j1 counts");
		for (size_t i = 0; i < 4; i++) {
			char a[600], b[600];
			snprintf(a, sizeof a, "%s/%s", out, made[i]);
			snprintf(b, sizeof b, "%s/%s", out1, made[i]);
			CHECK(same_file(a, b), "-j1 and -j3 give the same %s",
			      made[i]);
		}
		ec_batch_outcome_free(oc);
	}

	/* Shards 1/3, 2/3, 3/3 split the rows without overlap. */
	size_t seen[8] = {0};
	size_t sum = 0;
	for (unsigned s = 1; s <= 3; s++) {
		char od[512], sub[32];
		snprintf(sub, sizeof sub, "shard%u", s);
		path_in(od, sizeof od, sub);
		o.out_dir = od;
		o.jobs = 2;
		o.shard_k = s;
		o.shard_n = 3;
		if (ec_batch_run(m, &o, &oc, &e) != EC_OK)
			continue;
		for (size_t i = 0; i < oc->total; i++) {
			seen[oc->results[i].row]++;
			CHECK(oc->results[i].row % 3 == s - 1,
			      "shard %u/3 takes row %zu", s,
			      oc->results[i].row);
		}
		sum += oc->total;
		ec_batch_outcome_free(oc);
	}
	bool once = sum == 8;
	for (size_t i = 0; i < 8; i++)
		once = once && seen[i] == 1;
	CHECK(once, "every row in exactly one shard");
	o.shard_k = 4;
	CHECK(ec_batch_run(m, &o, &oc, &e) == EC_EINVAL && !oc,
	      "shard 4/3 refused");
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
	test_output_ok();
	test_shard();
	test_manifest();
	snprintf(tmp_root, sizeof tmp_root, "/tmp/ec-batch-XXXXXX");
	if (CHECK(mkdtemp(tmp_root) != NULL, "temporary folder")) {
		test_run();
		rm_rf(tmp_root);
	}
	/* cairo/pango/fontconfig caches, so leak checkers see a clean heap */
	ec_render_cleanup();
	return ec_test_done();
}
