/* A small XML 1.0 well-formedness checker for the SVG the project writes
 * (used by fuzz_svg and by the hostile-input suite's xmlcheck tool).
 *
 * It checks what matters for a file a browser or rsvg must parse: valid
 * UTF-8 with no characters XML 1.0 forbids (C0 controls other than tab, LF,
 * CR; U+FFFE/U+FFFF; surrogates; overlong forms), every '<' starting a tag,
 * comment, CDATA section, processing instruction or DOCTYPE; element names
 * well formed; attributes quoted, not repeated, with no '<' in values;
 * every '&' a known entity or a valid character reference; no "]]>" in
 * text; tags balanced with exactly one root element and only white space
 * outside it.  It does not resolve DTDs (SVG needs none).
 *
 * xml_check(s, n, why, whyn) returns 1 when well-formed, else 0 with a
 * reason and byte offset in why. */
#ifndef EC_XMLCHECK_H
#define EC_XMLCHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XML_MAX_DEPTH 256

typedef struct xml_cur {
	const unsigned char *s;
	size_t n, i;
	char *why;
	size_t whyn;
} xml_cur;

static int xml_fail(xml_cur *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int xml_fail(xml_cur *c, const char *fmt, ...)
{
	if (c->why && c->whyn) {
		int k = snprintf(c->why, c->whyn, "offset %zu: ", c->i);
		if (k >= 0 && (size_t)k < c->whyn) {
			va_list ap;
			va_start(ap, fmt);
			vsnprintf(c->why + k, c->whyn - (size_t)k, fmt, ap);
			va_end(ap);
		}
	}
	return 0;
}

static int xml_char_ok(unsigned long cp)
{
	if (cp == 0x9 || cp == 0xA || cp == 0xD)
		return 1;
	if (cp < 0x20)
		return 0;
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp == 0xFFFE || cp == 0xFFFF)
		return 0;
	return cp <= 0x10FFFF;
}

/* Decodes one UTF-8 character at s[i..n); returns its length or 0. */
static size_t xml_utf8(const unsigned char *s, size_t n, size_t i,
                       unsigned long *cp)
{
	unsigned char b = s[i];
	size_t len;
	unsigned long v, min;
	if (b < 0x80) {
		*cp = b;
		return 1;
	} else if ((b & 0xE0) == 0xC0) {
		len = 2, v = b & 0x1F, min = 0x80;
	} else if ((b & 0xF0) == 0xE0) {
		len = 3, v = b & 0x0F, min = 0x800;
	} else if ((b & 0xF8) == 0xF0) {
		len = 4, v = b & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (i + len > n)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if ((s[i + k] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i + k] & 0x3F);
	}
	if (v < min)
		return 0; /* overlong */
	*cp = v;
	return len;
}

static int xml_name_start(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
	       c == ':' || c >= 0x80;
}

static int xml_name_char(unsigned char c)
{
	return xml_name_start(c) || (c >= '0' && c <= '9') || c == '-' ||
	       c == '.';
}

static int xml_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t xml_name(xml_cur *c)
{
	size_t st = c->i;
	if (c->i >= c->n || !xml_name_start(c->s[c->i]))
		return 0;
	while (c->i < c->n && xml_name_char(c->s[c->i]))
		c->i++;
	return c->i - st;
}

/* At '&': a predefined entity or a character reference. */
static int xml_entity(xml_cur *c)
{
	static const char *const names[] = {"lt;", "gt;", "amp;", "quot;",
	                                    "apos;"};
	size_t rest = c->n - c->i - 1;
	const unsigned char *p = c->s + c->i + 1;
	for (size_t k = 0; k < 5; k++) {
		size_t l = strlen(names[k]);
		if (rest >= l && memcmp(p, names[k], l) == 0) {
			c->i += 1 + l;
			return 1;
		}
	}
	if (rest >= 1 && p[0] == '#') {
		size_t j = 1;
		int hex = rest >= 2 && p[1] == 'x';
		if (hex)
			j++;
		unsigned long v = 0;
		size_t d0 = j;
		while (j < rest && j - d0 < 8) {
			unsigned char ch = p[j];
			int dv = -1;
			if (ch >= '0' && ch <= '9')
				dv = ch - '0';
			else if (hex && ch >= 'a' && ch <= 'f')
				dv = ch - 'a' + 10;
			else if (hex && ch >= 'A' && ch <= 'F')
				dv = ch - 'A' + 10;
			if (dv < 0)
				break;
			v = v * (hex ? 16u : 10u) + (unsigned long)dv;
			j++;
		}
		if (j == d0 || j >= rest || p[j] != ';')
			return xml_fail(c, "bad character reference");
		if (!xml_char_ok(v))
			return xml_fail(c, "character reference to a character "
			                   "XML forbids (%lu)", v);
		c->i += 1 + j + 1;
		return 1;
	}
	return xml_fail(c, "'&' that is not an entity");
}

/* Skips to just after the terminator t; fails if missing. */
static int xml_skip_to(xml_cur *c, const char *t, const char *what)
{
	size_t l = strlen(t);
	for (size_t j = c->i; j + l <= c->n; j++) {
		if (memcmp(c->s + j, t, l) == 0) {
			c->i = j + l;
			return 1;
		}
	}
	return xml_fail(c, "unterminated %s", what);
}

static int xml_check(const char *data, size_t n, char *why, size_t whyn)
{
	xml_cur c = {(const unsigned char *)data, n, 0, why, whyn};
	if (why && whyn)
		why[0] = 0;
	/* Pass 1: characters. */
	for (size_t i = 0; i < n;) {
		unsigned long cp;
		size_t l = xml_utf8(c.s, n, i, &cp);
		if (l == 0) {
			c.i = i;
			return xml_fail(&c, "invalid UTF-8");
		}
		if (!xml_char_ok(cp)) {
			c.i = i;
			return xml_fail(&c, "character U+%04lX is not allowed in XML",
			                cp);
		}
		i += l;
	}
	/* Pass 2: structure. */
	size_t stack_pos[XML_MAX_DEPTH], stack_len[XML_MAX_DEPTH];
	int depth = 0, roots = 0;
	if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		c.i = 3;
	while (c.i < n) {
		unsigned char ch = c.s[c.i];
		if (ch != '<') {
			if (depth == 0 && !xml_space(ch))
				return xml_fail(&c, "text outside the root element");
			if (ch == '&') {
				if (!xml_entity(&c))
					return 0;
				continue;
			}
			if (ch == '>' && c.i >= 2 && c.s[c.i - 1] == ']' &&
			    c.s[c.i - 2] == ']')
				return xml_fail(&c, "']]>' in text");
			c.i++;
			continue;
		}
		size_t rest = n - c.i;
		if (rest >= 4 && memcmp(c.s + c.i, "<!--", 4) == 0) {
			size_t st = c.i + 4;
			c.i = st;
			if (!xml_skip_to(&c, "--", "comment"))
				return 0;
			if (c.i >= n || c.s[c.i] != '>')
				return xml_fail(&c, "'--' inside a comment");
			c.i++;
			continue;
		}
		if (rest >= 9 && memcmp(c.s + c.i, "<![CDATA[", 9) == 0) {
			if (depth == 0)
				return xml_fail(&c, "CDATA outside the root element");
			c.i += 9;
			if (!xml_skip_to(&c, "]]>", "CDATA section"))
				return 0;
			continue;
		}
		if (rest >= 9 && memcmp(c.s + c.i, "<!DOCTYPE", 9) == 0) {
			if (depth > 0 || roots > 0)
				return xml_fail(&c, "DOCTYPE after the root element");
			c.i += 9;
			if (!xml_skip_to(&c, ">", "DOCTYPE"))
				return 0;
			continue;
		}
		if (rest >= 2 && c.s[c.i + 1] == '?') {
			c.i += 2;
			if (!xml_name(&c))
				return xml_fail(&c, "processing instruction without a name");
			if (!xml_skip_to(&c, "?>", "processing instruction"))
				return 0;
			continue;
		}
		if (rest >= 2 && c.s[c.i + 1] == '/') {
			c.i += 2;
			size_t st = c.i, l = xml_name(&c);
			if (!l)
				return xml_fail(&c, "end tag without a name");
			if (depth == 0)
				return xml_fail(&c, "end tag without a start tag");
			depth--;
			if (stack_len[depth] != l ||
			    memcmp(c.s + stack_pos[depth], c.s + st, l) != 0)
				return xml_fail(&c, "end tag does not match '%.*s'",
				                (int)stack_len[depth],
				                (const char *)c.s + stack_pos[depth]);
			while (c.i < n && xml_space(c.s[c.i]))
				c.i++;
			if (c.i >= n || c.s[c.i] != '>')
				return xml_fail(&c, "end tag not closed by '>'");
			c.i++;
			continue;
		}
		/* A start tag. */
		c.i++;
		size_t st = c.i, l = xml_name(&c);
		if (!l)
			return xml_fail(&c, "'<' that does not start a tag");
		if (depth == 0 && roots++ > 0)
			return xml_fail(&c, "second root element");
		/* Attributes: positions of names seen, for duplicates. */
		size_t an_pos[64], an_len[64];
		size_t n_attr = 0;
		for (;;) {
			size_t sp = c.i;
			while (c.i < n && xml_space(c.s[c.i]))
				c.i++;
			if (c.i >= n)
				return xml_fail(&c, "unterminated start tag");
			if (c.s[c.i] == '>') {
				c.i++;
				if (depth >= XML_MAX_DEPTH)
					return xml_fail(&c, "nesting deeper than %d",
					                XML_MAX_DEPTH);
				stack_pos[depth] = st;
				stack_len[depth] = l;
				depth++;
				break;
			}
			if (c.s[c.i] == '/') {
				if (c.i + 1 >= n || c.s[c.i + 1] != '>')
					return xml_fail(&c, "'/' not followed by '>'");
				c.i += 2;
				break;
			}
			if (c.i == sp)
				return xml_fail(&c, "no space before an attribute");
			size_t ap = c.i, al = xml_name(&c);
			if (!al)
				return xml_fail(&c, "bad attribute name");
			for (size_t k = 0; k < n_attr; k++)
				if (an_len[k] == al &&
				    memcmp(c.s + an_pos[k], c.s + ap, al) == 0)
					return xml_fail(&c, "repeated attribute '%.*s'",
					                (int)al, (const char *)c.s + ap);
			if (n_attr < 64) {
				an_pos[n_attr] = ap;
				an_len[n_attr++] = al;
			}
			while (c.i < n && xml_space(c.s[c.i]))
				c.i++;
			if (c.i >= n || c.s[c.i] != '=')
				return xml_fail(&c, "attribute without '='");
			c.i++;
			while (c.i < n && xml_space(c.s[c.i]))
				c.i++;
			if (c.i >= n || (c.s[c.i] != '"' && c.s[c.i] != '\''))
				return xml_fail(&c, "attribute value not quoted");
			unsigned char q = c.s[c.i++];
			for (;;) {
				if (c.i >= n)
					return xml_fail(&c, "unterminated attribute value");
				unsigned char v = c.s[c.i];
				if (v == q) {
					c.i++;
					break;
				}
				if (v == '<')
					return xml_fail(&c, "'<' in an attribute value");
				if (v == '&') {
					if (!xml_entity(&c))
						return 0;
					continue;
				}
				c.i++;
			}
		}
	}
	if (depth != 0)
		return xml_fail(&c, "%d element(s) not closed", depth);
	if (roots != 1)
		return xml_fail(&c, "no root element");
	return 1;
}

#endif
