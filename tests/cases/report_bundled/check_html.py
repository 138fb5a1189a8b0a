#!/usr/bin/python3
"""Sanity of a report.html: HTML5 doctype, balanced elements, unique ids,
no script, nothing fetched from the network, every id link resolves."""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.links, self.errors = [], set(), [], []
        self.svg = 0
        self.decl = None

    def handle_decl(self, decl):
        self.decl = decl

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.errors.append("a <script> element")
        for k in ("src", "srcset", "data"):
            if k in a and not (a[k] or "").startswith("data:"):
                self.errors.append("loads %s=%s" % (k, a[k]))
        if tag == "link" and a.get("rel") != "icon":
            self.errors.append("a <link rel=%s>" % a.get("rel"))
        if "id" in a:
            if a["id"] in self.ids:
                self.errors.append("duplicate id %s" % a["id"])
            self.ids.add(a["id"])
        h = a.get("href") or a.get("xlink:href")
        if h and h.startswith("#"):
            self.links.append(h[1:])
        if tag == "svg":
            self.svg += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing"))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()


def main():
    path, want_svg = sys.argv[1], int(sys.argv[2])
    text = open(path, encoding="utf-8").read()
    c = Check()
    c.feed(text)
    c.close()
    if c.decl is None or c.decl.lower() != "doctype html":
        c.errors.append("no HTML5 doctype")
    if c.stack:
        c.errors.append("unclosed: %s" % c.stack)
    for l in c.links:
        if l not in c.ids:
            c.errors.append("link to missing id #%s" % l)
    if c.svg != want_svg:
        c.errors.append("%d inline SVGs, want %d" % (c.svg, want_svg))
    if "@import" in text or "@font-face" in text or "url(http" in text:
        c.errors.append("CSS loads something")
    for e in c.errors[:20]:
        print("FAIL html:", e)
    return 1 if c.errors else 0


sys.exit(main())
