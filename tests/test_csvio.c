/* Tests of the series CSV reader and writer: the malformed-input corpus
 * (tests/data/csv/bad_*.csv with the exact error in bad_*.err), byte-exact
 * round trips, every input at every chunk size, limits, and writing. */
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvio_internal.h"
#include "earnchart/csvio.h"
#include "earnchart/io.h"
#include "testlib.h"

#define CSV_DIR EC_TEST_DATA "/csv"
#define REFERENCE EC_SOURCE_DIR "/data/reference/jnpr_reference.csv"

/* ------------------------------------------------------------------ */
/* Helpers */

static char *slurp(const char *path, size_t *len)
{
	char *d;
	ec_error e;
	if (ec_read_file(path, 0, &d, len, &e)) {
		printf("cannot read %s: %s\n", path, e.msg);
		return NULL;
	}
	return d;
}

/* The store written as CSV into a new string (free it). */
static char *written(const ec_series *s)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return NULL;
	ec_error e;
	ec_err rc = ec_csv_write(s, f, "mem", &e);
	fclose(f);
	if (rc) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Everything a read gives, as one string: the error line, or the counts
 * and the store written back. */
static char *outcome(const char *data, size_t len, const char *name,
                     const ec_csv_limits *lim, size_t chunk)
{
	ec_series *s;
	ec_error e;
	ec_err rc =
	        ec_csv_read_mem_chunked(data, len, name, lim, chunk, &s, &e);
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return NULL;
	if (rc) {
		char line[1200];
		fprintf(f, "ERR %d %s\n", (int)rc,
		        ec_error_format(&e, line, sizeof line));
		if (s)
			fprintf(f, "store not NULL on failure\n");
	} else {
		fprintf(f, "OK rows=%zu dups=%zu conflicts=%zu\n",
		        ec_series_count(s), ec_series_duplicate_count(s),
		        ec_series_conflict_count(s));
		ec_csv_write(s, f, "mem", &e);
		ec_series_free(s);
	}
	fclose(f);
	return buf;
}

/* Like CHECK_STR for text that may span lines: prints both only on
 * failure, so the PASS line stays one line. */
static void check_text(const char *got, const char *want, const char *what)
{
	bool ok = got && want && strcmp(got, want) == 0;
	CHECK(ok, "%s", what);
	if (!ok)
		printf("--- got:\n%s\n--- want:\n%s\n---\n",
		       got ? got : "(null)", want);
}

static int name_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in CSV_DIR ending in suffix (free each and the array). */
static char **list(const char *prefix, const char *suffix, size_t *n)
{
	DIR *d = opendir(CSV_DIR);
	char **v = NULL;
	size_t m = 0;
	*n = 0;
	if (!d)
		return NULL;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name), ls = strlen(suffix);
		if (strncmp(de->d_name, prefix, strlen(prefix)) != 0 ||
		    l < ls || strcmp(de->d_name + l - ls, suffix) != 0)
			continue;
		char **nv = realloc(v, (m + 1) * sizeof *v);
		if (!nv)
			break;
		v = nv;
		v[m++] = strdup(de->d_name);
	}
	closedir(d);
	if (m)
		qsort(v, m, sizeof *v, name_order);
	*n = m;
	return v;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static char *path_of(const char *name)
{
	size_t n = strlen(CSV_DIR) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", CSV_DIR, name);
	return p;
}

/* ------------------------------------------------------------------ */

static void test_corpus(void)
{
	size_t n;
	char **bad = list("bad_", ".csv", &n);
	CHECK(n >= 35, "corpus holds %zu malformed inputs", n);
	for (size_t i = 0; i < n; i++) {
		char *p = path_of(bad[i]);
		size_t len, elen;
		char *data = slurp(p, &len);
		char errname[512];
		snprintf(errname, sizeof errname, "%.*s.err",
		         (int)(strlen(bad[i]) - 4), bad[i]);
		char *ep = path_of(errname);
		char *want = slurp(ep, &elen);
		if (!data || !want) {
			CHECK(false, "%s: input and .err readable", bad[i]);
			free(p), free(ep), free(data), free(want);
			continue;
		}
		if (elen && want[elen - 1] == '\n')
			want[elen - 1] = '\0';
		CHECK(strchr(want, '\n') == NULL,
		      "%s: expected error is one line", bad[i]);
		ec_series *s = (ec_series *)1;
		ec_error e;
		ec_err rc = ec_csv_read_mem(data, len, bad[i], NULL, &s, &e);
		char got[1200];
		ec_error_format(&e, got, sizeof got);
		CHECK(rc == EC_EPARSE && s == NULL, "%s: fails with EC_EPARSE",
		      bad[i]);
		CHECK_STR(got, want, bad[i]);
		CHECK(e.line > 0 && e.column > 0, "%s: names line and column",
		      bad[i]);
		/* Through the file reader the error names the path. */
		rc = ec_csv_read_file(p, NULL, &s, &e);
		CHECK(rc == EC_EPARSE && strcmp(e.file, p) == 0 &&
		              strcmp(e.msg,
		                     strchr(strchr(strchr(want, ':') + 1, ':') +
		                                    1,
		                            ':') +
		                             2) == 0,
		      "%s: read_file gives the same error for the path",
		      bad[i]);
		free(p), free(ep), free(data), free(want);
	}
	free_list(bad, n);
}

/* Every input at every chunk size gives the same result. */
static void chunks_of(const char *path, const char *name)
{
	size_t len;
	char *data = slurp(path, &len);
	if (!data) {
		CHECK(false, "%s readable", name);
		return;
	}
	char *ref = outcome(data, len, name, NULL, 0);
	size_t bad = 0, tried = 0;
	size_t extra[] = {100, 127, 1000, 4096, 65536, 1 << 20};
	size_t all = len <= 1500 ? len : 64;
	for (size_t k = 0; k < all + 6 && ref; k++) {
		size_t c = k < all ? k + 1 : extra[k - all];
		char *o = outcome(data, len, name, NULL, c);
		tried++;
		if (!o || strcmp(o, ref) != 0) {
			if (!bad)
				bad = c;
		}
		free(o);
	}
	CHECK(ref && !bad, "%s: same result at %zu chunk sizes%s%zu", name,
	      tried, bad ? ", differs at " : "", bad);
	free(ref);
	free(data);
}

static void test_chunks(void)
{
	size_t n;
	char **v = list("", ".csv", &n);
	CHECK(n > 40, "%zu CSV inputs to chunk", n);
	for (size_t i = 0; i < n; i++) {
		char *p = path_of(v[i]);
		chunks_of(p, v[i]);
		free(p);
	}
	free_list(v, n);
	chunks_of(REFERENCE, "jnpr_reference.csv");
}

static void round_trip(const char *path, const char *name)
{
	size_t len;
	char *data = slurp(path, &len);
	ec_series *s = NULL;
	ec_error e;
	ec_err rc =
	        data ? ec_csv_read_mem(data, len, name, NULL, &s, &e) : EC_EIO;
	char *out = rc ? NULL : written(s);
	CHECK(out && strlen(out) == len && memcmp(out, data, len) == 0,
	      "%s: read-write round trip is byte-identical", name);
	free(out);
	ec_series_free(s);
	free(data);
}

static void test_round_trip(void)
{
	size_t n;
	char **v = list("good_", ".csv", &n);
	CHECK(n >= 4, "%zu valid files for round trips", n);
	for (size_t i = 0; i < n; i++) {
		char *p = path_of(v[i]);
		round_trip(p, v[i]);
		free(p);
	}
	free_list(v, n);
	round_trip(REFERENCE, "jnpr_reference.csv");

	/* BOM, CRLF, blank lines and a missing final newline are read the
	 * same; the writer gives LF without BOM. */
	size_t len;
	char *want = slurp(CSV_DIR "/good_small.csv", &len);
	const char *variants[] = {"ok_small_bom_crlf.csv",
	                          "ok_small_blank_lines.csv",
	                          "ok_small_no_final_newline.csv"};
	for (size_t i = 0; i < 3; i++) {
		char *p = path_of(variants[i]);
		ec_series *s = NULL;
		ec_error e;
		ec_err rc = ec_csv_read_file(p, NULL, &s, &e);
		char *out = rc ? NULL : written(s);
		CHECK(out && want && strcmp(out, want) == 0,
		      "%s reads as good_small.csv", variants[i]);
		free(out);
		ec_series_free(s);
		free(p);
	}
	free(want);
}

static bool same_obs(const ec_obs *a, const ec_obs *b)
{
	bool nums = (a->value == b->value ||
	             (isnan(a->value) && isnan(b->value))) &&
	            (a->low == b->low || (isnan(a->low) && isnan(b->low))) &&
	            (a->high == b->high || (isnan(a->high) && isnan(b->high)));
	return nums && ec_period_equal(a->period, b->period) &&
	       strcmp(a->company, b->company) == 0 &&
	       strcmp(a->metric, b->metric) == 0 &&
	       strcmp(a->segment, b->segment) == 0 && a->basis == b->basis &&
	       a->kind == b->kind && a->unit == b->unit &&
	       strcmp(a->issued, b->issued) == 0 &&
	       strcmp(a->quote, b->quote) == 0;
}

static const char *cell(const ec_series *s, const ec_obs *o, const char *col)
{
	for (size_t i = 0; i < ec_series_layout_count(s); i++)
		if (strcmp(ec_series_layout_name(s, i), col) == 0)
			return o->cells ? o->cells[i] : NULL;
	return NULL;
}

static void test_columns_by_name(void)
{
	ec_series *a = NULL, *b = NULL;
	ec_error e;
	ec_csv_read_file(CSV_DIR "/good_small.csv", NULL, &a, &e);
	ec_csv_read_file(CSV_DIR "/good_small_shuffled.csv", NULL, &b, &e);
	if (!a || !b) {
		CHECK(false, "small files read");
		ec_series_free(a);
		ec_series_free(b);
		return;
	}
	CHECK(ec_series_count(a) == 3 && ec_series_count(b) == 3,
	      "both orders hold 3 rows");
	for (size_t i = 0; i < 3; i++) {
		const ec_obs *x = ec_series_get(a, i), *y = ec_series_get(b, i);
		CHECK(same_obs(x, y), "row %zu is the same in any column order",
		      i);
		const char *cx = cell(a, x, "source"),
		           *cy = cell(b, y, "source");
		CHECK(cx && cy && strcmp(cx, cy) == 0,
		      "row %zu keeps the unknown column 'source'", i);
	}
	CHECK_STR(ec_series_layout_name(b, 0), "source",
	          "layout is the file's header");
	CHECK_STR(cell(a, ec_series_get(a, 2), "source"), "filing, 10-Q",
	          "quoted cell text without quotes");
	CHECK(ec_series_get(a, 2)->quoted[ec_series_layout_count(a) - 2] == 1,
	      "quoted flag kept");
	ec_series_free(a);
	ec_series_free(b);
}

static void test_full(void)
{
	ec_series *s = NULL;
	ec_error e;
	ec_err rc = ec_csv_read_file(CSV_DIR "/good_full.csv", NULL, &s, &e);
	CHECK(rc == EC_OK, "good_full.csv reads");
	if (rc)
		return;
	CHECK(ec_series_count(s) == 13,
	      "13 rows (guidance re-issued is a new "
	      "row): %zu",
	      ec_series_count(s));
	const ec_obs *o = ec_series_get(s, 1);
	check_text(o->quote, "Product\n(table, Net revenues)",
	           "newline inside a quoted field");
	CHECK_STR(o->segment, "product", "segment");
	CHECK_REL(o->value, 801.183, 1e-15, "value");
	o = ec_series_get(s, 2);
	CHECK(o->kind == EC_KIND_GUIDANCE && isnan(o->value),
	      "guidance, empty value");
	CHECK_REL(o->low, 1090, 0, "low");
	CHECK_REL(o->high, 1120, 0, "high");
	o = ec_series_get(s, 4);
	CHECK(isnan(o->high) && o->low == 25, "one-sided guidance");
	CHECK_STR(o->source_role, "analyst", "source_role");
	o = ec_series_get(s, 6);
	CHECK(o->value == 42 && o->unit == EC_UNIT_DAYS,
	      "spaces around a number");
	CHECK_STR(cell(s, o, "value"), " 42 ", "cell keeps the spaces");
	o = ec_series_get(s, 7);
	CHECK(o->value == 10200 && o->line == 0, "exponent; empty line is 0");
	o = ec_series_get(s, 8);
	CHECK(o->value == -5.25 && o->line == 0, "negative value, line 0");
	o = ec_series_get(s, 9);
	CHECK(o->period.type == EC_PERIOD_MONTHS && o->period.n == 9 &&
	              strcmp(o->company, "") == 0 &&
	              strcmp(o->segment, "total") == 0,
	      "2010M9, empty company, empty segment is total");
	o = ec_series_get(s, 10);
	CHECK(o->basis == EC_BASIS_NONE, "empty basis is none");
	CHECK_STR(o->quote, "\"up to $4 billion\"", "doubled quotes");
	o = ec_series_get(s, 12);
	CHECK(o->value == 0 && signbit(o->value), "-0 reads as minus zero");
	ec_key k = ec_obs_key(ec_series_get(s, 10));
	k.issued = NULL;
	const ec_obs *latest = ec_series_find(s, &k);
	CHECK(latest && strcmp(latest->issued, "2010-10-21") == 0,
	      "find without issued gives the latest guidance");
	ec_series_free(s);
}

static void test_conflicts(void)
{
	ec_series *s = NULL;
	ec_error e;
	ec_err rc = ec_csv_read_file(CSV_DIR "/ok_conflicts.csv", NULL, &s, &e);
	CHECK(rc == EC_OK, "conflicting rows are not a read error");
	if (rc)
		return;
	CHECK(ec_series_count(s) == 3, "3 rows kept: %zu", ec_series_count(s));
	CHECK(ec_series_duplicate_count(s) == 1,
	      "1 duplicate within tolerance");
	CHECK(ec_series_conflict_count(s) == 2, "2 conflicts recorded");
	const ec_obs *r0 = ec_series_get(s, 0);
	CHECK(r0->value == 1012.43 && strcmp(r0->doc, "b.txt") == 0 &&
	              r0->line == 9,
	      "the more precise duplicate is kept in place");
	/* Its cells still hold the first row's text; the writer must notice
	 * and write the kept values. */
	char *out = written(s);
	CHECK(out && strstr(out, "b.txt,2010Q3,revenue,gaap,actual,1012.43,,,"
	                         "usd_m,9\n"),
	      "written row shows the kept values");
	free(out);
	const ec_obs *kept;
	const ec_obs *c = ec_series_conflict(s, 0, &kept);
	CHECK(c && c->value == 1100 && kept == r0,
	      "conflict 0 and its kept row");

	char dir[] = "/tmp/ec_csvio_XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(false, "mkdtemp");
		ec_series_free(s);
		return;
	}
	char path[600];
	snprintf(path, sizeof path, "%s/conflicts.csv", dir);
	rc = ec_csv_write_conflicts_file(s, path, &e);
	size_t len;
	char *got = rc ? NULL : slurp(path, &len);
	const char *want = "company,doc,period,metric,segment,basis,kind,value,"
	                   "low,high,unit,"
	                   "issued,line,quote,source_role,conflict_with_doc,"
	                   "conflict_with_line,conflict_with_value\n"
	                   ",c.txt,2010Q3,revenue,total,gaap,actual,1100,,,usd_"
	                   "m,,4,,,b.txt,9,"
	                   "1012.43\n"
	                   ",b.txt,2010Q4,revenue,total,gaap,guidance,,1090,"
	                   "1150,usd_m,,6,,,"
	                   "a.txt,5,1105\n";
	check_text(got, want, "conflicts file");
	free(got);
	unlink(path);
	rmdir(dir);
	ec_series_free(s);
}

static void test_limits(void)
{
	const char *head = "period,metric,kind,value,unit,quote\n";
	const char *row = "2010Q3,revenue,actual,1,usd_m,";
	size_t big = (size_t)1 << 20;
	size_t hl = strlen(head), rl = strlen(row);
	char *d = malloc(hl + rl + big + 2);
	if (!d)
		return;
	memcpy(d, head, hl);
	memcpy(d + hl, row, rl);
	memset(d + hl + rl, 'a', big);
	d[hl + rl + big] = '\n';
	ec_series *s;
	ec_error e;
	char got[1200];
	ec_err rc =
	        ec_csv_read_mem(d, hl + rl + big + 1, "big.csv", NULL, &s, &e);
	CHECK(rc == EC_OK, "a field of exactly 1 MiB is accepted");
	ec_series_free(s);
	memset(d + hl + rl, 'a', big + 1);
	d[hl + rl + big + 1] = '\n';
	rc = ec_csv_read_mem(d, hl + rl + big + 2, "big.csv", NULL, &s, &e);
	CHECK(rc == EC_ELIMIT && !s, "a field over 1 MiB is EC_ELIMIT");
	CHECK_STR(ec_error_format(&e, got, sizeof got),
	          "big.csv:2:31: field longer than the limit of 1048576 bytes",
	          "over-long field message");
	/* An unclosed quote swallowing the rest stops at the limit (2 *
	 * max_field + 2 bytes of file text), not at the end of the input. */
	ec_csv_limits small = {1000, 0, 0, 0};
	d[hl + rl] = '"';
	rc = ec_csv_read_mem_chunked(d, hl + rl + big + 1, "q.csv", &small,
	                             4096, &s, &e);
	CHECK(rc == EC_ELIMIT, "an endless quoted field hits the limit");
	CHECK_STR(ec_error_format(&e, got, sizeof got),
	          "q.csv:2:31: field longer than the limit of 1000 bytes",
	          "endless quoted field message");
	free(d);

	ec_csv_limits l = {10, 2, 5, 0};
	rc = ec_csv_read_mem("period,metric,kind,value,unit\n"
	                     "2010Q3,revenue,actual,12345678901,usd_m\n",
	                     69, "f.csv", &l, &s, &e);
	CHECK_STR(ec_error_format(&e, got, sizeof got),
	          "f.csv:2:23: field longer than the limit of 10 bytes",
	          "max_field");
	const char *q = "period,metric,kind,value,unit,quote\n"
	                "2010Q3,revenue,actual,1,usd_m,"
	                "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\n";
	ec_csv_limits l10 = {10, 0, 0, 0};
	rc = ec_csv_read_mem(q, strlen(q), "q.csv", &l10, &s, &e);
	CHECK(rc == EC_OK && s &&
	              strcmp(ec_series_get(s, 0)->quote,
	                     "\"\"\"\"\"\"\"\"\"\"") == 0,
	      "10 doubled quotes are a 10-byte field");
	ec_series_free(s);
	const char *r3 = "period,metric,kind,value,unit\n"
	                 "2010Q1,revenue,actual,1,usd_m\n"
	                 "2010Q2,revenue,actual,1,usd_m\n"
	                 "2010Q3,revenue,actual,1,usd_m\n";
	rc = ec_csv_read_mem(r3, strlen(r3), "r.csv", &l, &s, &e);
	CHECK(rc == EC_ELIMIT, "max_rows");
	CHECK_STR(ec_error_format(&e, got, sizeof got),
	          "r.csv:4:1: more than 2 rows", "max_rows message");
	const char *c6 = "period,metric,kind,value,unit,extra\n";
	rc = ec_csv_read_mem(c6, strlen(c6), "c.csv", &l, &s, &e);
	CHECK_STR(ec_error_format(&e, got, sizeof got),
	          "c.csv:1:31: more than 5 columns", "max_columns");
	l.max_columns = 0;
	l.max_bytes = 40;
	rc = ec_csv_read_mem(r3, strlen(r3), "b.csv", &l, &s, &e);
	CHECK(rc == EC_ELIMIT, "max_bytes");
	CHECK_STR(ec_error_format(&e, got, sizeof got),
	          "b.csv:2:11: input longer than the limit of 40 bytes",
	          "max_bytes message");
	ec_csv_limits dl;
	ec_csv_limits_defaults(&dl);
	CHECK(dl.max_field == 1048576 && dl.max_columns == 1000 &&
	              dl.max_rows == 10000000,
	      "default limits");
}

static void test_numbers(void)
{
	struct {
		const char *in;
		double want;
		const char *why;
	} t[] = {
	        {"12.5", 12.5, NULL},
	        {" 12.5 ", 12.5, NULL},
	        {"-0", -0.0, NULL},
	        {".5", 0.5, NULL},
	        {"5.", 5, NULL},
	        {"1e3", 1000, NULL},
	        {"1.5E-2", 0.015, NULL},
	        {"", NAN, NULL},
	        {"  ", NAN, NULL},
	        {"+5", 0, "not a number"},
	        {"1,000", 0,
	         "not a number (write it without thousands separators)"},
	        {"0x10", 0, "not a number"},
	        {"12abc", 0, "not a number"},
	        {"NaN", 0, "not a finite number"},
	        {"Infinity", 0, "not a finite number"},
	        {"1e999", 0, "out of range"},
	        {"-", 0, "not a number"},
	        {"1e+", 0, "not a number (the exponent has no digits)"},
	        {"1 2", 0, "not a number"},
	        {"$5", 0, "not a number"},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		double v;
		const char *why =
		        ec_csv_parse_number(t[i].in, strlen(t[i].in), &v);
		if (t[i].why)
			CHECK(why && strcmp(why, t[i].why) == 0,
			      "number '%s' rejected: %s", t[i].in,
			      why ? why : "(accepted)");
		else
			CHECK(!why && ((isnan(t[i].want) && isnan(v)) ||
			               (v == t[i].want &&
			                !signbit(v) == !signbit(t[i].want))),
			      "number '%s' reads as %g", t[i].in, t[i].want);
	}
	struct {
		double v;
		const char *want;
	} f[] = {{1012.4, "1012.4"},
	         {0.1, "0.1"},
	         {1100, "1100"},
	         {-5.25, "-5.25"},
	         {0, "0"},
	         {735.048, "735.048"},
	         {1e20, "1e+20"},
	         {NAN, ""},
	         {0.30000000000000004, "0.30000000000000004"},
	         {123456789012.5, "123456789012.5"}};
	char buf[EC_CSV_NUMLEN];
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		CHECK_STR(ec_csv_format_number(f[i].v, buf), f[i].want,
		          "format number");
	/* Formatting round-trips for many values. */
	int bad = 0;
	uint64_t x = 88172645463325252ULL;
	for (int i = 0; i < 20000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		double v = (double)(x % 100000000) / pow(10, (double)(x % 9)) *
		           ((x >> 40) & 1 ? -1 : 1);
		double back;
		ec_csv_format_number(v, buf);
		if (ec_csv_parse_number(buf, strlen(buf), &back) || back != v ||
		    strchr(buf, 'e'))
			bad++;
	}
	CHECK(bad == 0, "20000 formatted numbers read back exactly (%d bad)",
	      bad);
}

static void test_writer(void)
{
	ec_series *s = ec_series_new();
	ec_obs o = ec_obs_init();
	o.company = "JNPR";
	o.doc = "r.md";
	o.period = ec_period_quarter(2012, 3);
	o.metric = "revenue";
	o.basis = EC_BASIS_GAAP;
	o.value = 1118;
	o.line = 27;
	o.quote = "to \"$1,118 million\"";
	ec_series_add(s, &o, NULL);
	o.metric = "eps_diluted";
	o.kind = EC_KIND_GUIDANCE;
	o.unit = EC_UNIT_USD;
	o.value = NAN;
	o.low = 0.35;
	o.high = 0.37;
	o.line = 0;
	o.quote = "line one\nline two";
	ec_series_add(s, &o, NULL);
	char *out = written(s);
	check_text(
	        out,
	        "company,doc,period,metric,segment,basis,kind,value,low,high,"
	        "unit,issued,line,quote,source_role\n"
	        "JNPR,r.md,2012Q3,revenue,total,gaap,actual,1118,,,usd_m,,27,"
	        "\"to \"\"$1,118 million\"\"\",\n"
	        "JNPR,r.md,2012Q3,eps_diluted,total,gaap,guidance,,0.35,0.37,"
	        "usd,,,\"line one\nline two\",\n",
	        "rows built in memory are written with minimal quoting");
	/* ... and read back to the same rows. */
	ec_series *b = NULL;
	ec_error e;
	ec_err rc = out ? ec_csv_read_mem(out, strlen(out), "w", NULL, &b, &e)
	                : EC_EIO;
	CHECK(rc == EC_OK && ec_series_count(b) == 2 &&
	              same_obs(ec_series_get(b, 0), ec_series_get(s, 0)) &&
	              same_obs(ec_series_get(b, 1), ec_series_get(s, 1)),
	      "written rows read back the same");
	ec_series_free(b);

	char dir[] = "/tmp/ec_csvio_XXXXXX";
	if (!mkdtemp(dir)) {
		free(out);
		ec_series_free(s);
		return;
	}
	char path[600];
	snprintf(path, sizeof path, "%s/out.csv", dir);
	rc = ec_csv_write_file(s, path, &e);
	size_t len;
	char *got = rc ? NULL : slurp(path, &len);
	CHECK(got && out && strcmp(got, out) == 0,
	      "write_file writes the same bytes");
	free(got);
	/* A failed write keeps the old file and leaves no temporary. */
	char bad[700];
	snprintf(bad, sizeof bad, "%s/missing/out.csv", dir);
	rc = ec_csv_write_file(s, bad, &e);
	CHECK(rc == EC_EIO, "write into a missing folder fails with EC_EIO");
	rc = ec_csv_write_file(s, dir, &e);
	CHECK(rc == EC_EIO, "write onto a folder fails with EC_EIO");
	DIR *dd = opendir(dir);
	int files = 0;
	struct dirent *de;
	while (dd && (de = readdir(dd)))
		files += de->d_name[0] != '.' || strlen(de->d_name) > 2;
	if (dd)
		closedir(dd);
	CHECK(files == 1, "no temporary files left behind (%d files)", files);
	unlink(path);
	rmdir(dir);

	ec_series *none;
	rc = ec_csv_read_file(EC_TEST_DATA "/csv/no-such-file.csv", NULL, &none,
	                      &e);
	CHECK(rc == EC_EIO && !none, "missing file is EC_EIO");
	rc = ec_csv_read_file(EC_TEST_DATA "/csv", NULL, &none, &e);
	CHECK(rc == EC_EIO && !none, "a folder is EC_EIO");
	free(out);
	ec_series_free(s);
}

/* Merging a file whose layout differs extends the layout; writing keeps
 * each row's own cells. */
static void test_merge_write(void)
{
	ec_series *a = NULL, *b = NULL;
	ec_error e;
	ec_csv_read_file(CSV_DIR "/good_small.csv", NULL, &a, &e);
	ec_csv_read_file(CSV_DIR "/good_full.csv", NULL, &b, &e);
	if (!a || !b) {
		CHECK(false, "files for merge read");
		ec_series_free(a);
		ec_series_free(b);
		return;
	}
	size_t nc = 99;
	ec_err rc = ec_series_merge(a, b, &nc, &e);
	CHECK(rc == EC_OK && nc == 0 && ec_series_count(a) == 16,
	      "merge adds 13 rows to 3");
	size_t nl = ec_series_layout_count(a);
	CHECK(nl == 17, "layout has 13 + 4 new columns: %zu", nl);
	char *out = written(a);
	const char *head = "company,period,metric,segment,basis,kind,value,low,"
	                   "high,unit,issued,source,quote,doc,note,line,"
	                   "source_role\n";
	CHECK(out && strncmp(out, head, strlen(head)) == 0, "merged header");
	CHECK(out && strstr(out, "\nJNPR,2010Q3,dso,total,none,actual, 42 ,,,"
	                         "days,2010-10-21,,DSO of 42 days,"
	                         "jnpr-2010q3-call.txt,spaces kept,60,\n"),
	      "a merged row keeps its cells in the new layout");
	free(out);
	ec_series_free(a);
	ec_series_free(b);
}

/* Random damage to a valid file: never a crash, and the same result at
 * two chunk sizes. */
static void test_mutations(void)
{
	size_t len;
	char *data = slurp(CSV_DIR "/good_full.csv", &len);
	if (!data)
		return;
	char *m = malloc(len + 8);
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	int bad = 0, failed = 0;
	const char pick[] = {',',        '"',        '\n',       '\r',
	                     '\0',       'x',        '1',        ' ',
	                     (char)0xC3, (char)0xA9, (char)0xFF, (char)0xED};
	for (int i = 0; i < 3000 && m; i++) {
		memcpy(m, data, len);
		size_t n = len;
		for (int k = 0; k < 1 + i % 3; k++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			size_t at = x % n;
			if ((x >> 20) % 4 == 0 && n > 1) { /* delete */
				memmove(m + at, m + at + 1, n - at - 1);
				n--;
			} else {
				m[at] = pick[(x >> 32) % sizeof pick];
			}
		}
		if ((x >> 50) % 5 == 0)
			n = x % n; /* truncate */
		char *o1 = outcome(m, n, "m.csv", NULL, 0);
		char *o2 = outcome(m, n, "m.csv", NULL, 1 + (x >> 8) % 13);
		if (!o1 || !o2 || strcmp(o1, o2) != 0)
			bad++;
		if (o1 && strncmp(o1, "ERR", 3) == 0) {
			failed++;
			if (strchr(o1, '\n') != o1 + strlen(o1) - 1)
				bad++; /* an error must be one line */
		}
		free(o1);
		free(o2);
	}
	CHECK(bad == 0,
	      "3000 damaged inputs: one-line errors, chunk-independent "
	      "(%d bad, %d rejected)",
	      bad, failed);
	CHECK(failed > 100, "damage is mostly detected (%d rejected)", failed);
	free(m);
	free(data);
}

static void test_put_cell(void)
{
	char buf[256];
	FILE *f = fmemopen(buf, sizeof buf, "w");
	CHECK(f != NULL, "fmemopen");
	if (!f)
		return;
	ec_csv_put_cell(f, "plain");
	fputc('|', f);
	ec_csv_put_cell(f, "a, b");
	fputc('|', f);
	ec_csv_put_cell(f, "say \"hi\"");
	fputc('|', f);
	ec_csv_put_cell(f, "two\nlines");
	fputc('|', f);
	ec_csv_put_cell(f, NULL);
	fclose(f);
	CHECK_STR(buf, "plain|\"a, b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|",
	          "cells quoted only when needed, quotes doubled, NULL empty");
}

int main(void)
{
	test_put_cell();
	test_corpus();
	test_chunks();
	test_round_trip();
	test_columns_by_name();
	test_full();
	test_conflicts();
	test_limits();
	test_numbers();
	test_writer();
	test_merge_write();
	test_mutations();
	return ec_test_done();
}
