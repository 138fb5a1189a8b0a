/* ec_pngcheck FILE...
 * Exits 0 when every FILE is a complete PNG: the signature, then chunks
 * whose lengths fit the file and whose CRCs are right, starting with IHDR
 * and ending with IEND at the very end of the file.  Otherwise prints the
 * first problem on one line and exits 1.  (A figure cut short by a crash
 * fails this check: its last chunk is not IEND or its CRC is wrong.) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t crc_table[256];

static void crc_init(void)
{
	for (uint32_t n = 0; n < 256; n++) {
		uint32_t c = n;
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
		crc_table[n] = c;
	}
}

static uint32_t crc(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++)
		c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
	return c ^ 0xFFFFFFFFu;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
	       p[3];
}

static const char *check(const unsigned char *b, size_t n)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A,
	                                     0x1A, 0x0A};
	if (n < 8 || memcmp(b, sig, 8) != 0)
		return "no PNG signature";
	size_t i = 8;
	int first = 1;
	while (i < n) {
		if (n - i < 12)
			return "truncated chunk header";
		uint32_t len = be32(b + i);
		if (len > n - i - 12)
			return "chunk longer than the file (truncated)";
		if (first && memcmp(b + i + 4, "IHDR", 4) != 0)
			return "first chunk is not IHDR";
		first = 0;
		if (crc(b + i + 4, len + 4) != be32(b + i + 8 + len))
			return "bad chunk CRC";
		int iend = memcmp(b + i + 4, "IEND", 4) == 0;
		i += 12 + len;
		if (iend)
			return i == n ? NULL : "data after IEND";
	}
	return "no IEND chunk (truncated)";
}

int main(int argc, char **argv)
{
	crc_init();
	int bad = 0;
	for (int a = 1; a < argc; a++) {
		FILE *f = fopen(argv[a], "rb");
		if (!f) {
			printf("%s: cannot read\n", argv[a]);
			bad = 1;
			continue;
		}
		fseek(f, 0, SEEK_END);
		long sz = ftell(f);
		fseek(f, 0, SEEK_SET);
		unsigned char *b = malloc(sz > 0 ? (size_t)sz : 1);
		size_t n = b ? fread(b, 1, (size_t)(sz > 0 ? sz : 0), f) : 0;
		fclose(f);
		const char *why = b ? check(b, n) : "out of memory";
		if (why) {
			printf("%s: %s\n", argv[a], why);
			bad = 1;
		}
		free(b);
	}
	return bad;
}
