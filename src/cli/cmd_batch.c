/* earnchart batch: many figures from a manifest, on several threads. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "earnchart/batch.h"
#include "earnchart/chart.h"

static void usage(FILE *f)
{
	fputs(
	        "Usage: earnchart batch [-j N] [-o DIR] [--shard K/N] "
	        "MANIFEST.csv\n"
	        "\n"
	        "Draws every figure listed in MANIFEST.csv (one row per "
	        "figure:\n"
	        "output, type, series, and optional metric, segment, basis,\n"
	        "company, from, to, title, subtitle, size, dpi, theme, trend,\n"
	        "gross) on N threads.  Series paths are relative to the "
	        "manifest's\n"
	        "folder; each series CSV is read once.  Each figure is "
	        "written\n"
	        "atomically; output paths must stay inside DIR.\n"
	        "\n"
	        "Options:\n"
	        "  -j, --jobs N      worker threads (default: the number of "
	        "cores)\n"
	        "  -o, --output DIR  folder for the figures (default: the "
	        "current\n"
	        "                    folder); created if missing\n"
	        "      --shard K/N   only rows whose 0-based index mod N is "
	        "K-1, to\n"
	        "                    spread one manifest over N machines or "
	        "jobs\n"
	        CLI_HELP_CSV_LIMITS
	        CLI_HELP_PIXEL_LIMIT
	        "  -h, --help        show this help\n"
	        "\n"
	        CLI_HELP_LIMITS_NOTE
	        "\n"
	        "A progress bar is drawn on standard error when it is a "
	        "terminal;\n"
	        "otherwise each failed row is reported on one line as it "
	        "fails.\n"
	        "Exit status: 0 every figure written, 1 a row failed (the "
	        "others\n"
	        "are still written) or the manifest is unreadable, 2 usage "
	        "error.\n"
	        "Example: earnchart batch -j 4 -o /tmp/f data/figures.csv\n",
	      f);
}

typedef struct progress {
	bool tty;
	struct timespec t0;
	double last_draw; /* seconds since t0 */
	size_t width;     /* characters drawn on the line */
} progress;

static double since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void draw_bar(progress *p, size_t done, size_t failed, size_t total,
                     double el)
{
	char bar[31];
	size_t w = sizeof bar - 1;
	size_t fill = total ? done * w / total : w;
	for (size_t i = 0; i < w; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[w] = '\0';
	double rate = el > 0 ? (double)done / el : 0;
	char eta[32] = "--:--";
	if (rate > 0 && done < total) {
		long s = (long)((double)(total - done) / rate + 0.5);
		snprintf(eta, sizeof eta, "%ld:%02ld", s / 60, s % 60);
	} else if (done >= total) {
		snprintf(eta, sizeof eta, "0:00");
	}
	char line[200];
	int n = snprintf(line, sizeof line, "[%s] %zu/%zu  %.1f fig/s  ETA %s",
	                 bar, done, total, rate, eta);
	if (failed && n > 0 && (size_t)n < sizeof line)
		snprintf(line + n, sizeof line - (size_t)n, "  %zu failed",
		         failed);
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	p->width = strlen(line);
}

static void on_progress(void *ctx, const ec_batch_result *r, size_t done,
                        size_t failed, size_t total)
{
	progress *p = ctx;
	if (r->code) {
		if (p->tty)
			fprintf(stderr, "\r\033[K");
		/* A size over the pixel limit makes the row invalid
		 * (EC_EINVAL) when the manifest is read: still a limit. */
		char msg[sizeof r->message + 64];
		snprintf(msg, sizeof msg, "%s", r->message);
		ec_err c = r->code;
		if (c == EC_EINVAL && strstr(msg, " pixels, more than the limit"))
			c = EC_ELIMIT;
		cli_limit_hint(msg, sizeof msg, c, CLI_LIM_CSV | CLI_LIM_PIXELS);
		fprintf(stderr, "earnchart: %s\n", msg);
	}
	if (!p->tty)
		return;
	double el = since(&p->t0);
	/* Redraw at most ten times a second, and always at the end. */
	if (r->code || done == total || el - p->last_draw >= 0.1) {
		draw_bar(p, done, failed, total, el);
		p->last_draw = el;
	}
}

int cmd_batch(int argc, char **argv)
{
	const char *cmd = argv[0];
	ec_batch_opts o;
	ec_batch_opts_defaults(&o);
	const char *manifest = NULL;
	const char *shard = NULL;
	bool dashdash = false;
	cli_limits lim = {0};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		if (!dashdash && a[0] == '-' && a[1]) {
			int lr = cli_limit_option(cmd, argc, argv, &i,
			                          CLI_LIM_CSV | CLI_LIM_PIXELS,
			                          &lim);
			if (lr < 0)
				return CLI_USAGE;
			if (lr > 0)
				continue;
			if (strcmp(a, "--") == 0) {
				dashdash = true;
				continue;
			}
			if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
				usage(stdout);
				return CLI_OK;
			}
			const char *names[][2] = {{"-j", "--jobs"},
			                          {"-o", "--output"},
			                          {NULL, "--shard"}};
			int which = -1;
			for (int k = 0; k < 3 && which < 0; k++) {
				size_t ln = strlen(names[k][1]);
				if ((names[k][0] &&
				     strcmp(a, names[k][0]) == 0) ||
				    strcmp(a, names[k][1]) == 0) {
					if (i + 1 >= argc)
						return cli_usage_error(
						        cmd,
						        "option '%s' needs a "
						        "value",
						        a);
					val = argv[++i];
					which = k;
				} else if (strncmp(a, names[k][1], ln) == 0 &&
				           a[ln] == '=') {
					val = a + ln + 1;
					which = k;
				} else if (names[k][0] &&
				           strncmp(a, names[k][0], 2) == 0 &&
				           a[2]) {
					val = a + 2; /* -j4, -oDIR */
					which = k;
				}
			}
			if (which < 0)
				return cli_usage_error(
				        cmd, "unknown option '%s'", a);
			if (which == 0) {
				char *end;
				long v = strtol(val, &end, 10);
				if (!*val || *end || v < 1 || v > 256)
					return cli_usage_error(
					        cmd,
					        "-j needs a number of threads "
					        "from 1 "
					        "to 256, not '%s'",
					        val);
				o.jobs = (unsigned)v;
			} else if (which == 1) {
				if (!*val)
					return cli_usage_error(
					        cmd, "-o needs a folder");
				o.out_dir = val;
			} else {
				shard = val;
			}
			continue;
		}
		if (manifest)
			return cli_usage_error(cmd,
			                       "one manifest only ('%s' and "
			                       "'%s')",
			                       manifest, a);
		manifest = a;
	}
	if (!manifest)
		return cli_usage_error(cmd, "no manifest given");
	ec_error e;
	ec_error_clear(&e);
	if (shard && ec_batch_parse_shard(shard, &o.shard_k, &o.shard_n, &e))
		return cli_usage_error(cmd, "%s", e.msg);

	ec_manifest *m;
	o.csv_limits = lim.csv;
	if (ec_manifest_read_file_ex(manifest, lim.max_pixels, &m, &e)) {
		cli_error(&e);
		return CLI_FAIL;
	}
	progress p;
	memset(&p, 0, sizeof p);
	p.tty = isatty(STDERR_FILENO) == 1;
	clock_gettime(CLOCK_MONOTONIC, &p.t0);
	o.progress = on_progress;
	o.progress_ctx = &p;
	ec_batch_outcome *oc;
	if (ec_batch_run(m, &o, &oc, &e)) {
		cli_error(&e);
		ec_manifest_free(m);
		return CLI_FAIL;
	}
	if (p.tty) {
		double el = since(&p.t0);
		draw_bar(&p, oc->total, oc->failed, oc->total, el);
		fputc('\n', stderr);
	}
	char part[64] = "";
	if (o.shard_n)
		snprintf(part, sizeof part, " (shard %u/%u)", o.shard_k,
		         o.shard_n);
	printf("batch: %zu of %zu figures written to %s%s", oc->ok, oc->total,
	       o.out_dir, part);
	if (oc->failed)
		printf("; %zu failed", oc->failed);
	printf("\n");
	int rc = oc->failed ? CLI_FAIL : CLI_OK;
	ec_batch_outcome_free(oc);
	ec_manifest_free(m);
	ec_render_cleanup();
	return rc;
}
