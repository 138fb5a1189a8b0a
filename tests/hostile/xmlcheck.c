/* ec_xmlcheck FILE [--text STRING | --title STRING]...
 * Exits 0 when FILE is well-formed XML 1.0 (tests/fuzz/xmlcheck.h), for
 * each --text some element's character data (entities decoded) contains
 * STRING literally, for --title the first <title> element (the SVG's own
 * title) holds exactly STRING, and for --title-prefix it holds a start of
 * STRING of at least 200 bytes (a long title may be shortened); else prints
 * why on one line and exits 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmlcheck.h"

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, len = 0;
	char *b = malloc(cap + 1);
	while (b) {
		size_t r = fread(b + len, 1, cap - len, f);
		len += r;
		if (len < cap)
			break;
		char *nb = realloc(b, cap * 2 + 1);
		if (!nb) {
			free(b);
			b = NULL;
			break;
		}
		b = nb;
		cap *= 2;
	}
	fclose(f);
	if (b)
		b[len] = 0;
	*n = len;
	return b;
}

/* Decodes the entities of s[0..n) into a new string. */
static char *decode(const char *s, size_t n)
{
	char *o = malloc(n * 4 + 1);
	size_t k = 0;
	if (!o)
		exit(2);
	for (size_t i = 0; i < n;) {
		if (s[i] != '&') {
			o[k++] = s[i++];
			continue;
		}
		static const char *const ent[] = {"&lt;", "<", "&gt;", ">",
		                                  "&amp;", "&", "&quot;", "\"",
		                                  "&apos;", "'"};
		int done = 0;
		for (int j = 0; j < 10 && !done; j += 2) {
			size_t l = strlen(ent[j]);
			if (i + l <= n && memcmp(s + i, ent[j], l) == 0) {
				o[k++] = ent[j + 1][0];
				i += l;
				done = 1;
			}
		}
		if (done)
			continue;
		if (i + 2 < n && s[i + 1] == '#') {
			int hex = s[i + 2] == 'x';
			char *end;
			unsigned long cp = strtoul(s + i + 2 + hex, &end, hex ? 16 : 10);
			if (*end == ';') {
				if (cp < 0x80) {
					o[k++] = (char)cp;
				} else if (cp < 0x800) {
					o[k++] = (char)(0xC0 | (cp >> 6));
					o[k++] = (char)(0x80 | (cp & 0x3F));
				} else if (cp < 0x10000) {
					o[k++] = (char)(0xE0 | (cp >> 12));
					o[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
					o[k++] = (char)(0x80 | (cp & 0x3F));
				} else {
					o[k++] = (char)(0xF0 | (cp >> 18));
					o[k++] = (char)(0x80 | ((cp >> 12) & 0x3F));
					o[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
					o[k++] = (char)(0x80 | (cp & 0x3F));
				}
				i = (size_t)(end - s) + 1;
				continue;
			}
		}
		o[k++] = s[i++];
	}
	o[k] = 0;
	return o;
}

/* True when some run of character data between tags, decoded, contains t
 * (CDATA sections are taken literally). */
static int has_text(const char *s, size_t n, const char *t)
{
	size_t i = 0;
	while (i < n) {
		if (s[i] == '<') {
			if (i + 9 <= n && memcmp(s + i, "<![CDATA[", 9) == 0) {
				const char *e = strstr(s + i + 9, "]]>");
				if (!e)
					return 0;
				size_t l = (size_t)(e - (s + i + 9));
				char *c = malloc(l + 1);
				memcpy(c, s + i + 9, l);
				c[l] = 0;
				int hit = strstr(c, t) != NULL;
				free(c);
				if (hit)
					return 1;
				i = (size_t)(e - s) + 3;
				continue;
			}
			const char *e = memchr(s + i, '>', n - i);
			if (!e)
				return 0;
			i = (size_t)(e - s) + 1;
			continue;
		}
		size_t st = i;
		while (i < n && s[i] != '<')
			i++;
		char *d = decode(s + st, i - st);
		int hit = strstr(d, t) != NULL;
		free(d);
		if (hit)
			return 1;
	}
	return 0;
}

/* The decoded content of the first <title> element, or NULL. */
static char *first_title(const char *s, size_t n)
{
	for (size_t i = 0; i + 7 <= n; i++) {
		if (memcmp(s + i, "<title", 6) != 0 ||
		    (s[i + 6] != '>' && s[i + 6] != ' '))
			continue;
		const char *b = memchr(s + i, '>', n - i);
		const char *e = b ? strstr(b, "</title>") : NULL;
		return e ? decode(b + 1, (size_t)(e - b - 1)) : NULL;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: ec_xmlcheck FILE [--text STRING]...\n");
		return 2;
	}
	size_t n;
	char *s = slurp(argv[1], &n);
	if (!s) {
		printf("%s: cannot read\n", argv[1]);
		return 1;
	}
	char why[512];
	int ok = 1;
	if (!xml_check(s, n, why, sizeof why)) {
		printf("%s: not well-formed XML: %s\n", argv[1], why);
		ok = 0;
	}
	for (int i = 2; ok && i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--text") == 0 && !has_text(s, n, argv[i + 1])) {
			printf("%s: no text node contains '%s'\n", argv[1], argv[i + 1]);
			ok = 0;
		}
		int pre = strcmp(argv[i], "--title-prefix") == 0;
		if (ok && (pre || strcmp(argv[i], "--title") == 0)) {
			char *t = first_title(s, n);
			size_t tl = t ? strlen(t) : 0;
			if (!t || (pre ? tl < 200 || strncmp(t, argv[i + 1], tl) != 0
			               : strcmp(t, argv[i + 1]) != 0)) {
				printf("%s: <title> is '%.80s', want '%.80s'\n", argv[1],
				       t ? t : "(none)", argv[i + 1]);
				ok = 0;
			}
			free(t);
		}
	}
	free(s);
	return ok ? 0 : 1;
}
