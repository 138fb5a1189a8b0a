/* earnchart: the command table and the entry point. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
    {"extract", cmd_extract, "extract quarterly series and guidance from documents"},
    {"series", cmd_series, "show what series CSV files hold, as a table"},
    {"analyze", cmd_analyze, "trend, growth, margins and guidance accuracy"},
    {"chart", cmd_chart, "draw one chart as PNG, SVG or PDF"},
    {"batch", cmd_batch, "draw many charts from a manifest, in parallel"},
    {"report", cmd_report, "extract, analyse and draw the standard figures"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
	fprintf(f,
	        "Usage: earnchart COMMAND [OPTION]... [ARG]...\n"
	        "       earnchart help COMMAND\n"
	        "       earnchart --help | --version\n"
	        "\n"
	        "Turns earnings press releases and call transcripts into quarterly\n"
	        "series, analyses them and draws charts.\n"
	        "\n"
	        "Commands:\n");
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(f,
	        "\n"
	        "Run 'earnchart COMMAND --help' for the options of a command.\n"
	        "\n"
	        "Exit status: 0 success, 1 failure (bad input, a failed figure),\n"
	        "2 usage error.\n");
}

static const command *find(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	const char *a = argv[1];
	if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
		usage(stdout);
		return CLI_OK;
	}
	if (strcmp(a, "--version") == 0) {
		printf("earnchart %s\n", EC_VERSION);
		return CLI_OK;
	}
	if (strcmp(a, "help") == 0) {
		if (argc < 3) {
			usage(stdout);
			return CLI_OK;
		}
		const command *c = find(argv[2]);
		if (!c) {
			fprintf(stderr, "earnchart: unknown command '%s'\n", argv[2]);
			return CLI_USAGE;
		}
		char help[] = "--help";
		char *av[] = {argv[2], help, NULL};
		return c->fn(2, av);
	}
	const command *c = find(a);
	if (!c) {
		fprintf(stderr,
		        "earnchart: unknown command '%s'\n"
		        "Try 'earnchart --help'.\n",
		        a);
		return CLI_USAGE;
	}
	return c->fn(argc - 1, argv + 1);
}
