#!/usr/bin/env python3
"""Regenerates the seed corpora under tests/fuzz/corpus/ from the bundled
documents (data/docs), the reference CSV (data/reference) and the test
inputs (tests/data, tests/cases).  Run from anywhere; writes only under
tests/fuzz/corpus/.  Slices keep inputs small (libFuzzer mutates short
inputs much faster) while whole documents keep the long-range structure
(title, Outlook section, tables)."""
import hashlib
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.normpath(os.path.join(here, '..', '..'))
out = os.path.join(here, 'corpus')


def put(target, data, name=None):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    if name is None:
        name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def slices(data, size):
    """Pieces of about `size` bytes cut at line ends."""
    lines = data.split(b'\n')
    cur = []
    n = 0
    for ln in lines:
        cur.append(ln)
        n += len(ln) + 1
        if n >= size:
            yield b'\n'.join(cur) + b'\n'
            cur, n = [], 0
    if cur:
        yield b'\n'.join(cur)


# ---- extract: whole documents and slices
docs = os.path.join(src, 'data', 'docs')
for fn in sorted(os.listdir(docs)):
    if fn.endswith('.md') and fn != 'README.md' or fn.endswith('.txt'):
        data = open(os.path.join(docs, fn), 'rb').read()
        put('extract', data, 'doc-' + fn)
        for i, piece in enumerate(slices(data, 1500)):
            put('extract', piece, 'slice-%s-%03d' % (fn, i))
for s in [
    "Q3 2010 Juniper Networks Earnings Conference Call\nOct. 21, 2010\n"
    "Revenue was $1.012 billion, up 8% from the prior quarter.\n",
    "We expect revenue of $1.1 billion to $1.15 billion for the fourth quarter.\n",
    "Non-GAAP operating margin of 24.5% plus or minus half a point.\n",
    "Gross margin of 65% or higher.  Backlog of $921 million and 971 million.\n",
    "Juniper Networks Reports Q3'07 Results (NASDAQ: JNPR) Oct. 18, 2007\n"
    "(in thousands)\tThree Months Ended September 30,\n\t2007\t2006\n"
    "Net revenues\t735,048\t573,597\nNet loss\t(5,062)\t-\n",
    "FY2024Q1 adjusted EPS between $0.35 and $0.37; tax rate of 20 basis points lower.\n",
    "Turning to our non-GAAP results, operating income was $258.3 million.\n",
    "Operator: Next question.\nAnalyst - Bank - Analyst\nSo revenue was $1,118 million?\n",
]:
    put('extract', s)

# ---- csv: reference data, gold, test inputs, and hand-made edge cases
csvs = [os.path.join(src, 'data', 'reference', 'jnpr_reference.csv')]
td = os.path.join(src, 'tests', 'data')
for root, _, files in os.walk(td):
    csvs += [os.path.join(root, f) for f in files if f.endswith('.csv')]
for root, _, files in os.walk(os.path.join(src, 'tests', 'cases')):
    csvs += [os.path.join(root, f) for f in files if f.endswith('.csv')]
for p in sorted(csvs):
    data = open(p, 'rb').read()
    if len(data) > 200000:
        continue
    lines = data.split(b'\n')
    put('csv', data)
    for i in range(1, len(lines), 8):
        put('csv', b'\n'.join([lines[0]] + lines[i:i + 8]).rstrip(b'\n') + b'\n')
hdr = "company,doc,period,metric,segment,basis,kind,value,low,high,unit,issued,line,quote\n"
for s in [
    hdr,
    hdr + 'JNPR,a.txt,2010Q3,revenue,total,gaap,actual,1012,,,usd_m,2010-10-21,12,"Revenue was $1.012 billion"\n',
    hdr + 'JNPR,a.txt,2010Q4,revenue,total,gaap,guidance,1125,1100,1150,usd_m,2010-10-21,40,"between ""$1.1"" and $1.15 billion"\n',
    '\ufeff' + hdr.replace('\n', '\r\n') + 'X,b.md,2008FY,eps_diluted,total,non_gaap,actual,0.32,,,usd,,3,q\r\n',
    hdr.rstrip('\n') + ',extra\n' + 'A,c,2007M9,dso,total,none,actual,44,,,days,,1,"x\ny",kept\n',
    'period,metric,value,unit\n2012H1,headcount,9000,count\n2010Q3,tax_rate,-0,pct\n',
]:
    put('csv', s)

# ---- period
for s in ['2010Q3', '2008FY', '2007M9', '2012H1', 'FY2024Q1', 'FY2024', 'fy2024q4',
          '2007M12', '2007M3', '1900Q1', '2199Q4', '2010Q5', '10Q3', '2010Q', '2010q9',
          '2010H3', '2010M7', '20100Q1', 'FYFY2010', '2010FYQ1', '']:
    put('period', s)

# ---- number: the forms of issue 3 and the hostile ones of issue 7
for s in ["$1.012 billion", "$921 million and 971 million", "24.5% plus or minus half a point",
          "25% or higher", "20 basis points", "(5,062)", "$0.00001", "1,283.4", "-", "n/a",
          "\\$1,118 million", "between $0.35 and $0.37", "$3.57 to $3.62 billion",
          "$1.120 billion plus or minus $20 million", "in the range of 64% to 65%", "US$ 12.5M",
          "1" + "0" * 399, "1e309", "-0", "NaN", "inf", "$1e309 million", "the prior quarter",
          "the prior year third quarter", "the fourth quarter", "Q3'11", "the December quarter",
          "the third quarter of 2006", "FY2024Q1", "October 23, 2007", "Oct. 23, 2012",
          "Oct. 23. 2008", "23 October 2007", "2007-10-23", "Sept. 30", "9 cents",
          "approximately 9,000 employees", "44 days", "from $1.0 billion to $1.1 billion",
          "at least 20%", "up to $50 million", "0.5 percentage points", "MX240", "10-Q", "3D",
          "$", "(", "$-", "1,2,3", "12abc", "99999999999999999999999.99999999999999"]:
    put('number', s)

# ---- svg: NUL-separated strings: title, desc, group id, group title, texts
for it in [
    [b'JNPR revenue', b'Quarterly revenue 2010Q3-2012Q3', b'bar-2010Q3', b'2010Q3 revenue: $1,118M',
     b"Q3'10", b'$1,118M', b'Revenue ($M)'],
    [b'R&D < 5% "quoted" ]]> end', b'a & b', b'id with spaces', b'<script>', b'<', b'&', b'"', b']]>'],
    ['שלום עולם'.encode(), 'العربية'.encode(), b'rtl', '\u202eevil'.encode(), 'מחזור $1.1B'.encode()],
    [b'T' * 300, b'', b'', b'', b'x' * 200],
    [b'\x01\x02\x1b[31m', b'\xff\xfe', b'\xc0\xaf', b'\xed\xa0\x80', b'\xef\xbf\xbe'],
    [b'&amp;&#0;&#x1;', b'<!-- -- -->', b'<![CDATA[x]]>', b'9bad', b'-', b'\t\n\r'],
]:
    put('svg', b'\0'.join(it))

# ---- manifest
hdr = b'output,type,series,metric,segment,basis,company,from,to,title,subtitle,size,dpi,theme\n'
for b in [
    hdr + b'revenue.png,revenue,series.csv,,,,,,,,,,,\n',
    hdr + b'a/b/margin.svg,margin,x.csv;y.csv,operating_margin,total,non_gaap,JNPR,2008Q1,2012Q4,'
          b'"Margin, GAAP vs ""non""",sub,slide,300,dark\n',
    hdr + b'../evil.png,revenue,s.csv,,,,,,,,,,,\n/abs.png,eps,s.csv,,,,,,,,,,,\n',
    hdr + b'x.gif,pie,s.csv,,,,,2010Q9,,,,0x0,-1,neon\n',
    b'output,type,series,trend,gross\nr.pdf,revenue,s.csv,yes,0\nm.png,margin,s.csv,true,no\n',
    b'output,type\nonly.png,revenue\n',
    b'1/2\n', b'\xef\xbb\xbfoutput,type,series\r\np.png,panel,s.csv\r\n',
    hdr + b'dup.png,revenue,s.csv,,,,,,,,,,,\ndup.png,revenue,s.csv,,,,,,,,,,,\n',
]:
    put('manifest', b)
figs = os.path.join(src, 'data', 'figures.csv')
if os.path.exists(figs):
    put('manifest', open(figs, 'rb').read(), 'data-figures.csv')
