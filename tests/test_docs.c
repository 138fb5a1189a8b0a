/* The man page documents every option: for each subcommand, each option
 * listed in `earnchart CMD --help` (long and short forms) appears in that
 * command's section of docs/earnchart.1, and the tool's own options appear
 * in the page.  The binary is $EARNCHART_BIN, else ../earnchart (ctest
 * runs test programs in the build's tests/ folder). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnchart/io.h"
#include "testlib.h"

static const char *const commands[] = {"extract", "series", "analyze",
                                       "chart",   "batch",  "report"};

/* The man page source with "\-" turned into "-" and font escapes (\fB,
 * \fI, \fP, \fR) removed, so options read as typed. */
static char *man_text(void)
{
	char *d;
	size_t n;
	if (ec_read_file(EC_SOURCE_DIR "/docs/earnchart.1", 0, &d, &n, NULL))
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (d[i] == '\\' && i + 1 < n && d[i + 1] == '-') {
			continue;
		}
		if (d[i] == '\\' && i + 2 < n && d[i + 1] == 'f') {
			i += 2;
			continue;
		}
		d[k++] = d[i];
	}
	d[k] = '\0';
	return d;
}

/* The part of the page from `.SS "earnchart CMD` to the next .SS or .SH. */
static char *section(const char *man, const char *cmd)
{
	char head[64];
	snprintf(head, sizeof head, ".SS \"earnchart %s", cmd);
	const char *s = strstr(man, head);
	if (!s)
		return NULL;
	const char *e1 = strstr(s + 1, "\n.SS ");
	const char *e2 = strstr(s + 1, "\n.SH ");
	const char *e = e1 && (!e2 || e1 < e2) ? e1 : e2;
	size_t n = e ? (size_t)(e - s) : strlen(s);
	char *c = malloc(n + 1);
	if (!c)
		return NULL;
	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

static char *run_help(const char *bin, const char *cmd)
{
	char line[1024];
	snprintf(line, sizeof line, "'%s' %s --help 2>/dev/null", bin, cmd);
	FILE *p = popen(line, "r");
	if (!p)
		return NULL;
	size_t cap = 8192, n = 0;
	char *buf = malloc(cap);
	if (!buf) {
		pclose(p);
		return NULL;
	}
	size_t r;
	while ((r = fread(buf + n, 1, cap - n - 1, p)) > 0) {
		n += r;
		if (n + 1 == cap) {
			char *nb = realloc(buf, cap * 2);
			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		}
	}
	buf[n] = '\0';
	if (pclose(p) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* True when opt occurs in text as a whole option (not followed by a
 * letter, digit or '-'). */
static int has_option(const char *text, const char *opt)
{
	size_t l = strlen(opt);
	for (const char *p = text; (p = strstr(p, opt)); p++) {
		char after = p[l];
		char before = p == text ? ' ' : p[-1];
		if (before == '-' || (before >= 'a' && before <= 'z'))
			continue;
		if (!((after >= 'a' && after <= 'z') || after == '-' ||
		      (after >= '0' && after <= '9')))
			return 1;
	}
	return 0;
}

/* Checks every option named on the option lines of help (lines whose
 * first non-blank character is '-'). */
static void check_options(const char *cmd, const char *help, const char *sec,
                          const char *man)
{
	size_t checked = 0;
	const char *line = help;
	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		const char *s = line;
		while (s < line + len && *s == ' ')
			s++;
		/* The option part ends at two spaces (then comes the text). */
		const char *stop = s;
		while (stop < line + len && !(stop[0] == ' ' && stop[1] == ' '))
			stop++;
		if (s < line + len && *s == '-') {
			for (const char *t = s; t < stop;) {
				if (*t != '-') {
					t++;
					continue;
				}
				const char *b = t;
				while (t < stop && *t == '-')
					t++;
				while (t < stop &&
				       ((*t >= 'a' && *t <= 'z') || *t == '-' ||
				        (*t >= 'A' && *t <= 'Z')))
					t++;
				size_t ol = (size_t)(t - b);
				if (ol < 2 || (b[1] == '-' && ol < 3))
					continue;
				if (b > s && b[-1] != ' ' && b[-1] != ',' &&
				    b[-1] != '[' && b[-1] != '|')
					continue;
				char opt[64];
				snprintf(opt, sizeof opt, "%.*s", (int)ol, b);
				/* -h/--help are documented once for all
				 * commands (OPTIONS); the rest in the
				 * command's own section. */
				bool help_opt = strcmp(opt, "-h") == 0 ||
				                strcmp(opt, "--help") == 0;
				CHECK(help_opt ? has_option(man, opt)
				               : sec && has_option(sec, opt),
				      "man page section of %s documents %s",
				      cmd, opt);
				checked++;
			}
		}
		line += len + (end ? 1 : 0);
	}
	CHECK(checked > 0, "%s --help lists options (%zu)", cmd, checked);
}

int main(void)
{
	const char *bin = getenv("EARNCHART_BIN");
	if (!bin || !*bin)
		bin = "../earnchart";
	char *man = man_text();
	if (!CHECK(man != NULL, "docs/earnchart.1 readable"))
		return ec_test_done();
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		char *help = run_help(bin, commands[i]);
		if (!CHECK(help != NULL, "%s --help runs (binary %s)",
		           commands[i], bin))
			continue;
		char *sec = section(man, commands[i]);
		CHECK(sec != NULL, "man page has a section for %s",
		      commands[i]);
		check_options(commands[i], help, sec, man);
		free(sec);
		free(help);
	}
	char *top = run_help(bin, "");
	if (CHECK(top != NULL, "earnchart --help runs")) {
		CHECK(has_option(man, "--help") && has_option(man, "--version"),
		      "man page documents --help and --version");
		for (size_t i = 0; i < sizeof commands / sizeof commands[0];
		     i++)
			CHECK(strstr(top, commands[i]) != NULL,
			      "earnchart --help names %s", commands[i]);
	}
	free(top);
	free(man);
	return ec_test_done();
}
