/* ec_hostile_gen KIND ARGS... > FILE: the large hostile inputs, made at test
 * time (never committed) and the same bytes on every machine.
 *   random BYTES SEED   bytes from xorshift64* (a /dev/urandom stand-in)
 *   longline BYTES      one line of prose with numbers, no newline
 *   lines N             N short lines of prose
 *   numbers BYTES       a file of only numbers and spaces, in lines
 *   widecsv COLS        a series CSV header of COLS columns and one row
 *   bigcsv ROWS         a valid series CSV of ROWS distinct rows
 *   longfield BYTES     a series CSV whose quote field holds BYTES bytes
 *   repeat N FILE       FILE's bytes N times */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char HDR[] = "company,doc,period,metric,segment,basis,kind,value,"
                          "low,high,unit,issued,line,quote";

static unsigned long long num(const char *s)
{
	char *e;
	unsigned long long v = strtoull(s, &e, 10);
	if (*e || e == s) {
		fprintf(stderr, "ec_hostile_gen: bad number '%s'\n", s);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: ec_hostile_gen KIND ARGS...\n");
		return 2;
	}
	const char *k = argv[1];
	unsigned long long n = num(argv[2]);
	static char buf[1 << 16];
	if (strcmp(k, "random") == 0 && argc == 4) {
		uint64_t x = num(argv[3]) | 1;
		while (n) {
			size_t m = n < sizeof buf ? (size_t)n : sizeof buf;
			for (size_t i = 0; i < m; i++) {
				x ^= x >> 12;
				x ^= x << 25;
				x ^= x >> 27;
				buf[i] = (char)((x * 0x2545F4914F6CDD1DULL) >> 56);
			}
			fwrite(buf, 1, m, stdout);
			n -= m;
		}
	} else if (strcmp(k, "longline") == 0 || strcmp(k, "numbers") == 0) {
		const char *unit = strcmp(k, "longline") == 0
		                       ? "Revenue for the third quarter was $1,012.3 "
		                         "million, up 8% from the prior quarter and "
		                       : "1,012 3.5 (12) 400 24.5 0.32 2010 7 ";
		size_t ul = strlen(unit), j = 0;
		unsigned long long w = 0;
		while (w < n) {
			putchar(unit[j]);
			j = (j + 1) % ul;
			w++;
			if (k[0] == 'n' && j == 0 && (w / ul) % 8 == 0 && w < n) {
				putchar('\n');
				w++;
			}
		}
	} else if (strcmp(k, "lines") == 0) {
		for (unsigned long long i = 0; i < n; i++)
			printf("Line %llu: revenue $%llu.\n", i, i % 1000);
	} else if (strcmp(k, "widecsv") == 0) {
		fputs(HDR, stdout);
		for (unsigned long long i = 14; i < n; i++)
			printf(",extra%llu", i);
		fputs("\nJNPR,a.txt,2010Q3,revenue,total,gaap,actual,1012,,,usd_m,,1,q",
		      stdout);
		for (unsigned long long i = 14; i < n; i++)
			fputs(",x", stdout);
		putchar('\n');
	} else if (strcmp(k, "bigcsv") == 0) {
		puts(HDR);
		for (unsigned long long i = 0; i < n; i++)
			printf("JNPR,a.txt,%lluQ%llu,revenue,s%llu,gaap,actual,"
			       "%llu,,,usd_m,,%llu,q\n",
			       2000 + (i % 40) / 4, i % 4 + 1, i / 40, i % 1000,
			       i + 1);
	} else if (strcmp(k, "longfield") == 0) {
		printf("%s\nJNPR,a.txt,2010Q3,revenue,total,gaap,actual,1012,,,"
		       "usd_m,,1,\"",
		       HDR);
		for (unsigned long long i = 0; i < n; i++)
			putchar('a' + (int)(i % 26));
		puts("\"");
	} else if (strcmp(k, "repeat") == 0 && argc == 4) {
		FILE *f = fopen(argv[3], "rb");
		if (!f) {
			perror(argv[3]);
			return 1;
		}
		size_t len = fread(buf, 1, sizeof buf, f);
		char *all = NULL;
		size_t cap = 0, tot = 0;
		for (;;) {
			if (tot + len > cap) {
				cap = (tot + len) * 2;
				all = realloc(all, cap);
				if (!all)
					return 1;
			}
			memcpy(all + tot, buf, len);
			tot += len;
			if (len < sizeof buf)
				break;
			len = fread(buf, 1, sizeof buf, f);
		}
		fclose(f);
		for (unsigned long long i = 0; i < n; i++)
			fwrite(all, 1, tot, stdout);
		free(all);
	} else {
		fprintf(stderr, "ec_hostile_gen: unknown kind '%s'\n", k);
		return 2;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
