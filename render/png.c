/* PNG back end: cairo rasterises, our encoder writes the file.
 *
 * cairo's own writer goes through libpng with its default (adaptive)
 * filters and zlib level 6; on a 1600x900 chart that is ~45 ms, and even
 * libdeflate at level 1 needs ~12 ms for the 4.3 MB of raw rows.  Charts
 * are flat colour, repeated rows and some antialiased text, so a deflate
 * encoder that only looks for "same as the pixel to the left" and "same
 * as the pixel above" finds nearly every match there is, in ~2 ms, with
 * files about the size libpng writes (see fast_zlib). */
#include "png.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cairo_draw.h"

#ifdef EC_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

ec_err ec_png_rasterize(const ec_scene *sc, cairo_surface_t **out,
                        ec_error *err)
{
	*out = NULL;
	ec_err st = ec_scene_status(sc, err);
	if (st)
		return st;
	int w = ec_scene_width_px(sc), h = ec_scene_height_px(sc);
	ec_color bg = ec_scene_background(sc);
	bool opaque = bg.a >= 1.0;
	cairo_surface_t *s = cairo_image_surface_create(
	    opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32, w, h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
		                    "cannot create a %dx%d image", w, h);
	}
	cairo_t *cr = cairo_create(s);
	/* Scale so the scene fills the canvas exactly (the pixel size was
	 * rounded). */
	cairo_scale(cr, w / ec_scene_width(sc), h / ec_scene_height(sc));
	ec_err rc = ec_cairo_draw_scene(cr, sc, 1, err);
	cairo_destroy(cr);
	if (rc) {
		cairo_surface_destroy(s);
		return rc;
	}
	cairo_surface_flush(s);
	*out = s;
	return EC_OK;
}

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* ---- checksums ---- */

#ifndef EC_HAVE_LIBDEFLATE
static uint32_t crc_table[256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

static void crc_init(void)
{
	for (uint32_t n = 0; n < 256; n++) {
		uint32_t c = n;
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
		crc_table[n] = c;
	}
}
#endif

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
#ifdef EC_HAVE_LIBDEFLATE
	return libdeflate_crc32(0, p, n);
#else
	pthread_once(&crc_once, crc_init);
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++)
		c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
	return c ^ 0xFFFFFFFFu;
#endif
}

/* Running Adler-32 (RFC 1950) over the raw stream. */
static uint32_t adler_update(uint32_t adler, const unsigned char *p, size_t n)
{
#ifdef EC_HAVE_LIBDEFLATE
	return libdeflate_adler32(adler, p, n);
#else
	uint32_t a = adler & 0xFFFF, b = adler >> 16;
	while (n) {
		size_t k = n < 5552 ? n : 5552;
		n -= k;
		while (k--) {
			a += *p++;
			b += a;
		}
		a %= 65521;
		b %= 65521;
	}
	return (b << 16) | a;
#endif
}

/* Writes a chunk at p: length, type, data (already at p + 8), CRC.
 * Returns the chunk's total size. */
static size_t chunk_finish(unsigned char *p, const char *type, size_t n)
{
	put32(p, (uint32_t)n);
	memcpy(p + 4, type, 4);
	put32(p + 8 + n, crc32_of(p + 4, n + 4));
	return n + 12;
}

/* Cairo pixel (native-endian uint32 ARGB, premultiplied) -> RGB(A). */
static void convert_row(const unsigned char *src, int w, int alpha,
                        unsigned char *dst)
{
	const uint32_t *px = (const uint32_t *)(const void *)src;
	if (!alpha) {
		for (int x = 0; x < w; x++) {
			uint32_t v = px[x];
			dst[0] = (unsigned char)(v >> 16);
			dst[1] = (unsigned char)(v >> 8);
			dst[2] = (unsigned char)v;
			dst += 3;
		}
		return;
	}
	for (int x = 0; x < w; x++) {
		uint32_t v = px[x];
		unsigned a = v >> 24;
		if (a == 255) {
			dst[0] = (unsigned char)(v >> 16);
			dst[1] = (unsigned char)(v >> 8);
			dst[2] = (unsigned char)v;
		} else if (a == 0) {
			dst[0] = dst[1] = dst[2] = 0;
		} else {
			/* The same rounding as cairo's unpremultiply. */
			dst[0] = (unsigned char)((((v >> 16) & 0xFF) * 255 + a / 2) / a);
			dst[1] = (unsigned char)((((v >> 8) & 0xFF) * 255 + a / 2) / a);
			dst[2] = (unsigned char)(((v & 0xFF) * 255 + a / 2) / a);
		}
		dst[3] = (unsigned char)a;
		dst += 4;
	}
}

/* ---- a deflate encoder specialised for charts ----
 *
 * Rows are written with filter None and matched against exactly two
 * candidates: the pixel to the left (distance bpp: runs of one colour) and
 * the pixel above (distance rowlen + 1: rows that repeat).  That finds
 * almost everything a general matcher finds in a chart (flat backgrounds,
 * bars, grid lines) at a fraction of the cost; antialiased text becomes
 * Huffman-coded literals.  Each block of up to TOKENS_MAX tokens gets its
 * own dynamic Huffman code. */

#define TOKENS_MAX 65536

typedef struct bitw {
	unsigned char *out; /* reserved ahead by the caller */
	size_t n;
	uint64_t acc;
	int nb;
} bitw;

static inline void bits_put(bitw *w, uint32_t v, int n)
{
	w->acc |= (uint64_t)v << w->nb;
	w->nb += n;
	while (w->nb >= 8) {
		w->out[w->n++] = (unsigned char)w->acc;
		w->acc >>= 8;
		w->nb -= 8;
	}
}

static void bits_flush(bitw *w)
{
	if (w->nb > 0)
		w->out[w->n++] = (unsigned char)w->acc;
	w->acc = 0;
	w->nb = 0;
}

static const uint16_t len_base[29] = {3,  4,  5,  6,   7,   8,   9,   10,
                                      11, 13, 15, 17,  19,  23,  27,  31,
                                      35, 43, 51, 59,  67,  83,  99,  115,
                                      131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1,
                                      1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
                                      4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {
    1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
    33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
    1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2,  2,  3,  3,
                                       4, 4, 5, 5, 6, 6, 7,  7,  8,  8,
                                       9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

static int len_code(int len)
{
	int c = 28;
	while (len_base[c] > len)
		c--;
	return c;
}

static int dist_code(int d)
{
	int c = 29;
	while (dist_base[c] > d)
		c--;
	return c;
}

/* Huffman code lengths for freq[0..n) limited to limit bits.  Symbols
 * with freq 0 get length 0.  At least two symbols must be used. */
static void huff_lengths(const uint32_t *freq, int n, int limit,
                         uint8_t *len)
{
	uint32_t f[288];
	int sym[288];
	uint64_t wt[576];
	int parent[576];
	uint8_t depth[576];
	memcpy(f, freq, (size_t)n * sizeof *f);
	for (;;) {
		int m = 0;
		for (int i = 0; i < n; i++)
			if (f[i])
				sym[m++] = i;
		memset(len, 0, (size_t)n);
		if (m < 2) {
			if (m == 1)
				len[sym[0]] = 1;
			return;
		}
		/* insertion sort by (freq, symbol): deterministic */
		for (int i = 1; i < m; i++) {
			int s = sym[i], j = i;
			while (j > 0 && (f[sym[j - 1]] > f[s] ||
			                 (f[sym[j - 1]] == f[s] && sym[j - 1] > s))) {
				sym[j] = sym[j - 1];
				j--;
			}
			sym[j] = s;
		}
		for (int i = 0; i < m; i++)
			wt[i] = f[sym[i]];
		int li = 0, ii = m, next = m;
		for (int k = 0; k < m - 1; k++) {
			int pick[2];
			for (int t = 0; t < 2; t++) {
				if (li < m && (ii >= next || wt[li] <= wt[ii]))
					pick[t] = li++;
				else
					pick[t] = ii++;
			}
			wt[next] = wt[pick[0]] + wt[pick[1]];
			parent[pick[0]] = parent[pick[1]] = next;
			next++;
		}
		int root = next - 1;
		depth[root] = 0;
		int maxd = 0;
		for (int i = root - 1; i >= 0; i--) {
			depth[i] = (uint8_t)(depth[parent[i]] + 1);
			if (i < m && depth[i] > maxd)
				maxd = depth[i];
		}
		if (maxd <= limit) {
			for (int i = 0; i < m; i++)
				len[sym[i]] = depth[i];
			return;
		}
		/* Too deep: flatten the distribution and try again. */
		for (int i = 0; i < n; i++)
			if (f[i])
				f[i] = (f[i] >> 1) | 1;
	}
}

/* Canonical codes, bit-reversed for the LSB-first bit writer. */
static void huff_codes(const uint8_t *len, int n, uint16_t *code)
{
	int count[16] = {0};
	uint16_t next[16];
	for (int i = 0; i < n; i++)
		count[len[i]]++;
	count[0] = 0;
	uint16_t c = 0;
	for (int b = 1; b < 16; b++) {
		c = (uint16_t)((c + count[b - 1]) << 1);
		next[b] = c;
	}
	for (int i = 0; i < n; i++) {
		if (!len[i]) {
			code[i] = 0;
			continue;
		}
		uint16_t v = next[len[i]]++, r = 0;
		for (int b = 0; b < len[i]; b++)
			r = (uint16_t)((r << 1) | ((v >> b) & 1));
		code[i] = r;
	}
}

/* Token: literal byte (< 256) or 0x80000000 | len << 16 | dist. */
#define TOK_MATCH 0x80000000u

static void write_block(bitw *w, const uint32_t *tok, size_t nt, int final)
{
	uint32_t lf[286] = {0}, df[30] = {0};
	for (size_t i = 0; i < nt; i++) {
		uint32_t t = tok[i];
		if (t & TOK_MATCH) {
			lf[257 + len_code((int)((t >> 16) & 0x1FF))]++;
			df[dist_code((int)(t & 0xFFFF))]++;
		} else {
			lf[t]++;
		}
	}
	lf[256] = 1;
	/* Two codes at least in each alphabet keep every decoder happy. */
	int used = 0;
	for (int i = 0; i < 286; i++)
		used += lf[i] != 0;
	if (used < 2)
		lf[lf[0] ? 1 : 0] = 1;
	used = 0;
	for (int i = 0; i < 30; i++)
		used += df[i] != 0;
	if (used < 2) {
		if (!df[0])
			df[0] = 1;
		else
			df[1] = 1;
		if (used == 0)
			df[1] = 1;
	}
	uint8_t ll[286], dl[30];
	uint16_t lc[286], dc[30];
	huff_lengths(lf, 286, 15, ll);
	huff_lengths(df, 30, 15, dl);
	huff_codes(ll, 286, lc);
	huff_codes(dl, 30, dc);
	int hlit = 286, hdist = 30;
	while (hlit > 257 && !ll[hlit - 1])
		hlit--;
	while (hdist > 1 && !dl[hdist - 1])
		hdist--;
	/* Run-length code the code lengths (symbols 16, 17, 18). */
	uint8_t all[316], rs[316], rx[316];
	int na = 0, nr = 0;
	for (int i = 0; i < hlit; i++)
		all[na++] = ll[i];
	for (int i = 0; i < hdist; i++)
		all[na++] = dl[i];
	for (int i = 0; i < na;) {
		int v = all[i], run = 1;
		while (i + run < na && all[i + run] == v)
			run++;
		if (v == 0 && run >= 3) {
			int r = run > 138 ? 138 : run;
			if (r >= 11) {
				rs[nr] = 18;
				rx[nr++] = (uint8_t)(r - 11);
			} else {
				rs[nr] = 17;
				rx[nr++] = (uint8_t)(r - 3);
			}
			i += r;
		} else if (v != 0 && run >= 4) {
			rs[nr] = (uint8_t)v;
			rx[nr++] = 0;
			int r = run - 1 > 6 ? 6 : run - 1;
			rs[nr] = 16;
			rx[nr++] = (uint8_t)(r - 3);
			i += 1 + r;
		} else {
			rs[nr] = (uint8_t)v;
			rx[nr++] = 0;
			i++;
		}
	}
	uint32_t cf[19] = {0};
	for (int i = 0; i < nr; i++)
		cf[rs[i]]++;
	int cu = 0;
	for (int i = 0; i < 19; i++)
		cu += cf[i] != 0;
	if (cu < 2)
		cf[cf[0] ? 1 : 0]++; /* an unused extra code, never written */
	uint8_t cl[19];
	uint16_t cc[19];
	huff_lengths(cf, 19, 7, cl);
	huff_codes(cl, 19, cc);
	static const uint8_t order[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
	                                  11, 4,  12, 3, 13, 2, 14, 1, 15};
	int hclen = 19;
	while (hclen > 4 && !cl[order[hclen - 1]])
		hclen--;
	bits_put(w, final ? 1 : 0, 1);
	bits_put(w, 2, 2);
	bits_put(w, (uint32_t)(hlit - 257), 5);
	bits_put(w, (uint32_t)(hdist - 1), 5);
	bits_put(w, (uint32_t)(hclen - 4), 4);
	for (int i = 0; i < hclen; i++)
		bits_put(w, cl[order[i]], 3);
	static const uint8_t rx_bits[19] = {[16] = 2, [17] = 3, [18] = 7};
	for (int i = 0; i < nr; i++) {
		bits_put(w, cc[rs[i]], cl[rs[i]]);
		if (rs[i] >= 16)
			bits_put(w, rx[i], rx_bits[rs[i]]);
	}
	for (size_t i = 0; i < nt; i++) {
		uint32_t t = tok[i];
		if (t & TOK_MATCH) {
			int len = (int)((t >> 16) & 0x1FF), d = (int)(t & 0xFFFF);
			int c = len_code(len), e = dist_code(d);
			bits_put(w, lc[257 + c], ll[257 + c]);
			if (len_extra[c])
				bits_put(w, (uint32_t)(len - len_base[c]), len_extra[c]);
			bits_put(w, dc[e], dl[e]);
			if (dist_extra[e])
				bits_put(w, (uint32_t)(d - dist_base[e]), dist_extra[e]);
		} else {
			bits_put(w, lc[t], ll[t]);
		}
	}
	bits_put(w, lc[256], ll[256]);
}

/* Length of the common prefix of a and b, at most max. */
static inline size_t match_len(const unsigned char *a, const unsigned char *b,
                               size_t max)
{
	size_t n = 0;
	while (n + 8 <= max) {
		uint64_t x, y;
		memcpy(&x, a + n, 8);
		memcpy(&y, b + n, 8);
		uint64_t d = x ^ y;
		if (d)
			return n + (size_t)(__builtin_ctzll(d) >> 3);
		n += 8;
	}
	while (n < max && a[n] == b[n])
		n++;
	return n;
}

typedef struct zout {
	unsigned char *d;
	size_t n, cap;
} zout;

static int zreserve(zout *z, size_t extra)
{
	if (z->n + extra <= z->cap)
		return 1;
	size_t nc = z->cap ? z->cap : 65536;
	while (nc < z->n + extra)
		nc *= 2;
	unsigned char *nd = realloc(z->d, nc);
	if (!nd)
		return 0;
	z->d = nd;
	z->cap = nc;
	return 1;
}

/* Encodes the image (rows of rowlen bytes produced by convert_row) as a
 * zlib stream appended to z (which already holds the PNG head). */
/* Extra distance bits of a match at distance d (deflate's table). */
static inline int dist_bits(size_t d)
{
	if (d <= 4)
		return 0;
	return (31 - __builtin_clz((unsigned)(d - 1))) - 1;
}

#define HASH_BITS 14
#define WINDOW 32768

static inline uint32_t hash4(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return (v * 2654435761u) >> (32 - HASH_BITS);
}

static int fast_zlib(const unsigned char *pixels, int width, int height,
                     int stride, int alpha, zout *z)
{
	int bpp = alpha ? 4 : 3;
	size_t rowlen = (size_t)width * bpp + 1; /* with the filter byte */
	size_t cap = TOKENS_MAX > 2 * rowlen ? TOKENS_MAX : 2 * rowlen;
	/* The stream so far, slid down when full: at least the 32 KiB
	 * window and the previous row stay in memory. */
	size_t keep = rowlen > WINDOW ? rowlen : WINDOW;
	size_t wsize = 2 * keep + 2 * rowlen + 16;
	uint32_t *tok = malloc(cap * sizeof *tok);
	unsigned char *win = malloc(wsize);
	uint32_t *head = calloc((size_t)1 << HASH_BITS, sizeof *head);
	if (!tok || !win || !head)
		goto fail;
	size_t wpos = 0;   /* where the next row goes in win */
	uint64_t woff = 0; /* stream position of win[0] */
	int vert_ok = rowlen <= WINDOW;
	uint32_t adler = 1;
	size_t nt = 0;
	bitw w = {0};
	if (!zreserve(z, 2))
		goto fail;
	z->d[z->n++] = 0x78; /* deflate, 32K window */
	z->d[z->n++] = 0x01; /* fastest; FCHECK makes 0x7801 % 31 == 0 */
	for (int y = 0; y < height; y++) {
		if (wpos + rowlen > wsize) {
			size_t from = wpos - keep;
			memmove(win, win + from, keep);
			woff += from;
			wpos = keep;
		}
		unsigned char *cur = win + wpos;
		cur[0] = 0; /* filter None */
		convert_row(pixels + (size_t)y * stride, width, alpha, cur + 1);
		adler = adler_update(adler, cur, rowlen);
		int has_prev = y > 0 && vert_ok;
		uint64_t base = woff + wpos; /* stream position of cur[0] */
		size_t i = 0;
		while (i < rowlen) {
			size_t max = rowlen - i < 258 ? rowlen - i : 258;
			size_t best = 0, bd = 0;
			long score = 0; /* bits saved, roughly */
			/* The left pixel costs no extra distance bits. */
			if (i >= (size_t)bpp) {
				best = match_len(cur + i, cur + i - bpp, max);
				bd = (size_t)bpp;
				score = (long)best * 6;
			}
			if (has_prev && best < max) {
				size_t l = match_len(cur + i, cur + i - rowlen, max);
				long sc = (long)l * 6 - dist_bits(rowlen);
				if (l >= 3 && sc > score) {
					best = l;
					bd = rowlen;
					score = sc;
				}
			}
			/* Anything else seen before (repeated glyphs, bar
			 * edges): one hash probe, only where the cheap
			 * candidates found little. */
			if (best < 16 && max >= 4) {
				uint32_t h = hash4(cur + i);
				uint64_t c = head[h];
				uint64_t pos = base + i;
				head[h] = (uint32_t)pos;
				if (c && c >= woff && pos - c <= WINDOW && c < pos) {
					size_t d = (size_t)(pos - c);
					size_t l = match_len(cur + i,
					                     win + (c - woff), max);
					long sc = (long)l * 6 - dist_bits(d);
					if (l >= 4 && sc > score) {
						best = l;
						bd = d;
						score = sc;
					}
				}
			}
			if (best >= 3) {
				tok[nt++] = TOK_MATCH | (uint32_t)best << 16 |
				            (uint32_t)bd;
				i += best;
			} else {
				tok[nt++] = cur[i];
				i++;
			}
		}
		wpos += rowlen;
		if (nt + rowlen > cap || y == height - 1) {
			/* worst case: 15 + 5 + 15 + 13 bits per token + header */
			if (!zreserve(z, nt * 6 + 1024))
				goto fail;
			w.out = z->d;
			w.n = z->n;
			write_block(&w, tok, nt, y == height - 1);
			z->n = w.n;
			nt = 0;
		}
	}
	bits_flush(&w);
	z->n = w.n;
	if (!zreserve(z, 4))
		goto fail;
	put32(z->d + z->n, adler);
	z->n += 4;
	free(tok);
	free(win);
	free(head);
	return 1;
fail:
	free(tok);
	free(win);
	free(head);
	return 0;
}

#ifdef EC_HAVE_LIBDEFLATE
static unsigned char paeth(unsigned char a, unsigned char b, unsigned char c)
{
	int p = a + b - c;
	int pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
	if (pa <= pb && pa <= pc)
		return a;
	return pb <= pc ? b : c;
}

/* Applies filter f to raw row cur (prev may be NULL = zeros) into out. */
static void filter_row(int f, const unsigned char *cur,
                       const unsigned char *prev, size_t n, int bpp,
                       unsigned char *out)
{
	switch (f) {
	case 1:
		for (size_t i = 0; i < n; i++)
			out[i] = (unsigned char)(cur[i] -
			                         (i >= (size_t)bpp ? cur[i - bpp] : 0));
		break;
	case 2:
		if (prev)
			for (size_t i = 0; i < n; i++)
				out[i] = (unsigned char)(cur[i] - prev[i]);
		else
			memcpy(out, cur, n);
		break;
	case 3:
		for (size_t i = 0; i < n; i++) {
			int a = i >= (size_t)bpp ? cur[i - bpp] : 0;
			int b = prev ? prev[i] : 0;
			out[i] = (unsigned char)(cur[i] - ((a + b) >> 1));
		}
		break;
	case 4:
		for (size_t i = 0; i < n; i++) {
			unsigned char a = i >= (size_t)bpp ? cur[i - bpp] : 0;
			unsigned char b = prev ? prev[i] : 0;
			unsigned char c =
			    prev && i >= (size_t)bpp ? prev[i - bpp] : 0;
			out[i] = (unsigned char)(cur[i] - paeth(a, b, c));
		}
		break;
	default:
		memcpy(out, cur, n);
		break;
	}
}

static uint64_t row_cost(const unsigned char *r, size_t n)
{
	uint64_t s = 0;
	for (size_t i = 0; i < n; i++)
		s += r[i] < 128 ? r[i] : 256 - r[i];
	return s;
}

/* The general path: PNG filters + libdeflate at a given level. */
static int libdeflate_zlib(const unsigned char *pixels, int width,
                           int height, int stride, int alpha,
                           const ec_png_opts *o, zout *z)
{
	int bpp = alpha ? 4 : 3;
	size_t rowlen = (size_t)width * bpp;
	size_t rawlen = (rowlen + 1) * (size_t)height;
	unsigned char *raw = malloc(rawlen);
	unsigned char *rows = malloc(rowlen * 7);
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(o->level);
	int ok = 0;
	if (!raw || !rows || !c)
		goto done;
	unsigned char *cur = rows, *prev = rows + rowlen;
	for (int y = 0; y < height; y++) {
		convert_row(pixels + (size_t)y * stride, width, alpha, cur);
		unsigned char *out = raw + (size_t)y * (rowlen + 1);
		const unsigned char *pv = y ? prev : NULL;
		int f = o->filter == -1 ? 2 : o->filter;
		if (f == -2) {
			/* libpng's heuristic: least sum of |signed bytes| */
			uint64_t best = UINT64_MAX;
			int bf = 0;
			for (int k = 0; k < 5; k++) {
				unsigned char *cand = rows + rowlen * (2 + k);
				filter_row(k, cur, pv, rowlen, bpp, cand);
				uint64_t cst = row_cost(cand, rowlen);
				if (cst < best) {
					best = cst;
					bf = k;
				}
			}
			out[0] = (unsigned char)bf;
			memcpy(out + 1, rows + rowlen * (2 + bf), rowlen);
		} else {
			if (f < 0 || f > 4)
				f = 0;
			out[0] = (unsigned char)f;
			filter_row(f, cur, pv, rowlen, bpp, out + 1);
		}
		unsigned char *t = cur;
		cur = prev;
		prev = t;
	}
	size_t bound = libdeflate_zlib_compress_bound(c, rawlen);
	if (!zreserve(z, bound))
		goto done;
	size_t zn = libdeflate_zlib_compress(c, raw, rawlen, z->d + z->n, bound);
	if (zn) {
		z->n += zn;
		ok = 1;
	}
done:
	free(raw);
	free(rows);
	if (c)
		libdeflate_free_compressor(c);
	return ok;
}
#endif

ec_err ec_png_encode(const unsigned char *pixels, int width, int height,
                     int stride, int alpha, const ec_png_opts *opts,
                     unsigned char **data, size_t *len, ec_error *err)
{
	*data = NULL;
	*len = 0;
	ec_png_opts o = {0, -1, 0};
	if (opts)
		o = *opts;
	if (o.level > 12)
		o.level = 12;
	if (width <= 0 || height <= 0 || width > 1000000 || height > 1000000)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "bad image size %dx%d", width, height);
	zout z = {0};
	/* signature + IHDR + pHYs + IDAT header */
	if (!zreserve(&z, 8 + 25 + 21 + 8)) {
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	memcpy(z.d, "\x89PNG\r\n\x1a\n", 8);
	z.n = 8;
	unsigned char *ih = z.d + z.n + 8;
	put32(ih, (uint32_t)width);
	put32(ih + 4, (uint32_t)height);
	ih[8] = 8;             /* bit depth */
	ih[9] = alpha ? 6 : 2; /* RGBA : RGB */
	ih[10] = ih[11] = ih[12] = 0;
	z.n += chunk_finish(z.d + z.n, "IHDR", 13);
	if (o.dpi > 0) {
		uint32_t ppm = (uint32_t)lround(o.dpi / 0.0254);
		unsigned char *ph = z.d + z.n + 8;
		put32(ph, ppm);
		put32(ph + 4, ppm);
		ph[8] = 1; /* unit: metre */
		z.n += chunk_finish(z.d + z.n, "pHYs", 9);
	}
	size_t idat = z.n;
	z.n += 8; /* length and type, filled in below */
	int ok;
#ifdef EC_HAVE_LIBDEFLATE
	if (o.level > 0)
		ok = libdeflate_zlib(pixels, width, height, stride, alpha, &o,
		                     &z);
	else
#endif
		ok = fast_zlib(pixels, width, height, stride, alpha, &z);
	if (!ok || !zreserve(&z, 12 + 12)) {
		free(z.d);
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	size_t zn = z.n - idat - 8;
	if (zn > 0x7FFFFFFF) {
		free(z.d);
		return ec_error_set(err, EC_ELIMIT, NULL, 0, 0,
		                    "image too large for one PNG chunk");
	}
	z.n = idat + chunk_finish(z.d + idat, "IDAT", zn);
	z.n += chunk_finish(z.d + z.n, "IEND", 0);
	*data = z.d;
	*len = z.n;
	return EC_OK;
}

ec_err ec_png_render(const ec_scene *sc, unsigned char **data, size_t *len,
                     ec_error *err)
{
	*data = NULL;
	*len = 0;
	cairo_surface_t *s;
	ec_err rc = ec_png_rasterize(sc, &s, err);
	if (rc)
		return rc;
	ec_png_opts o = {0, -1, ec_scene_dpi(sc)};
	int alpha = cairo_image_surface_get_format(s) == CAIRO_FORMAT_ARGB32;
	rc = ec_png_encode(cairo_image_surface_get_data(s),
	                   cairo_image_surface_get_width(s),
	                   cairo_image_surface_get_height(s),
	                   cairo_image_surface_get_stride(s), alpha, &o, data,
	                   len, err);
	cairo_surface_destroy(s);
	return rc;
}
