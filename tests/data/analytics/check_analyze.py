#!/usr/bin/env python3
"""Independent recomputation of `earnchart analyze` numbers, plain Python
(no numpy/scipy): OLS by the textbook formulas with math.fsum, the t
quantile by bisection on the t CDF (regularized incomplete beta by its
continued fraction), QoQ / YoY / TTM by dictionary lookup.

  check_analyze.py trend-json  OUT.json   SERIES.csv [COMPANY METRIC]
  check_analyze.py trend-csv   OUT.csv    SERIES.csv [COMPANY METRIC]
  check_analyze.py trend-text  OUT.txt    SERIES.csv [COMPANY METRIC]
  check_analyze.py guidance-json OUT.json      (--metric revenue)
  check_analyze.py guidance-json-all OUT.json  (every metric: EPS too)
  check_analyze.py guidance-text OUT.txt
  check_analyze.py json-valid  FILE

Exit 0 when every check passes; prints one PASS/FAIL line per check.
"""
import csv
import json
import math
import re
import sys

failures = 0


def check(ok, what):
    global failures
    print(("PASS " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


def close(got, want, rel, what):
    ok = got is not None and (
        abs(got - want) <= rel * abs(want) if want != 0 else abs(got) <= rel)
    check(ok, "%s: got %r want %r" % (what, got, want))


# ---- t distribution -------------------------------------------------

def betacf(a, b, x):
    """Continued fraction of the incomplete beta (Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 10000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        de = d * c
        h *= de
        if abs(de - 1.0) < 1e-16:
            break
    return h


def betai(a, b, x):
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    lbt = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
           + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1) / (a + b + 2):
        return math.exp(lbt) * betacf(a, b, x) / a
    return 1.0 - math.exp(lbt) * betacf(b, a, 1 - x) / b


def t_cdf(t, nu):
    x = nu / (nu + t * t)
    tail = 0.5 * betai(nu / 2.0, 0.5, x)
    return 1 - tail if t > 0 else tail


def t_quantile(p, nu):
    lo, hi = 0.0, 1000.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, nu) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


# ---- the series -----------------------------------------------------

def quarters(path, company, metric):
    """{quarter index: value} of company's total GAAP quarterly actuals."""
    out = {}
    with open(path, newline='', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if (r['company'] != company or r['metric'] != metric
                    or (r['segment'] or 'total') != 'total'
                    or r['basis'] != 'gaap' or r['kind'] != 'actual'):
                continue
            m = re.fullmatch(r'(\d{4})Q([1-4])', r['period'])
            if not m:
                continue
            out[int(m.group(1)) * 4 + int(m.group(2)) - 1] = float(r['value'])
    return out


def label(qi):
    return '%dQ%d' % (qi // 4, qi % 4 + 1)


def ols(x, y):
    n = len(x)
    mx, my = math.fsum(x) / n, math.fsum(y) / n
    sxx = math.fsum((a - mx) ** 2 for a in x)
    sxy = math.fsum((a - mx) * (b - my) for a, b in zip(x, y))
    syy = math.fsum((b - my) ** 2 for b in y)
    b = sxy / sxx
    a = my - b * mx
    rss = math.fsum((yy - a - b * xx) ** 2 for xx, yy in zip(x, y))
    s2 = rss / (n - 2)
    return {
        'a': a, 'b': b, 'se_a': math.sqrt(s2 * (1.0 / n + mx * mx / sxx)),
        'se_b': math.sqrt(s2 / sxx), 'cov': -mx * s2 / sxx,
        'r2': 1 - rss / syy, 'rse': math.sqrt(s2), 'n': n,
    }


def expected(path, company, metric, level=0.95):
    q = quarters(path, company, metric)
    ks = sorted(q)
    t0 = ks[0]
    x = [float(k - t0) for k in ks]
    y = [q[k] for k in ks]
    lin = ols(x, y)
    lg = ols(x, [math.log(v) for v in y])
    tc = t_quantile(1 - (1 - level) / 2, len(x) - 2)
    b, d = lg['b'], tc * lg['se_b']
    tn = float(ks[-1] + 1 - t0)
    m = lg['a'] + b * tn
    se = math.sqrt(lg['rse'] ** 2 + lg['se_a'] ** 2 + 2 * tn * lg['cov']
                   + tn * tn * lg['se_b'] ** 2)
    e = {
        'n': len(x), 'first': label(ks[0]), 'last': label(ks[-1]),
        'span_quarters': ks[-1] - ks[0] + 1, 'dof': len(x) - 2,
        't_crit': tc,
        'lin_a': lin['a'], 'lin_b': lin['b'], 'lin_se_a': lin['se_a'],
        'lin_se_b': lin['se_b'], 'lin_r2': lin['r2'], 'lin_rse': lin['rse'],
        'log_a': lg['a'], 'log_b': lg['b'], 'log_se_a': lg['se_a'],
        'log_se_b': lg['se_b'], 'log_r2': lg['r2'], 'log_rse': lg['rse'],
        'growth_q': math.expm1(b), 'growth_q_lo': math.expm1(b - d),
        'growth_q_hi': math.expm1(b + d), 'cagr': math.expm1(4 * b),
        'cagr_lo': math.expm1(4 * (b - d)), 'cagr_hi': math.expm1(4 * (b + d)),
        'next': label(ks[-1] + 1), 'next_value': math.exp(m),
        'next_lo': math.exp(m - tc * se), 'next_hi': math.exp(m + tc * se),
    }
    growth = []
    for k in ks:
        g = {'period': label(k), 'value': q[k]}
        p, yy = q.get(k - 1), q.get(k - 4)
        g['qoq_pct'] = (q[k] - p) / abs(p) * 100 if p else None
        g['yoy_pct'] = (q[k] - yy) / abs(yy) * 100 if yy else None
        w = [q.get(k - i) for i in range(4)]
        g['ttm'] = math.fsum(w) if all(v is not None for v in w) else None
        growth.append(g)
    return e, growth


# tolerance: the t quantile by bisection and the CI through it agree to
# ~1e-12; the fits to ~1e-13.  1e-9 relative leaves room and still catches
# any real difference.
REL = 1e-9
NUMS = ['t_crit', 'lin_a', 'lin_b', 'lin_se_a', 'lin_se_b', 'lin_r2',
        'lin_rse', 'log_a', 'log_b', 'log_se_a', 'log_se_b', 'log_r2',
        'log_rse', 'growth_q', 'growth_q_lo', 'growth_q_hi', 'cagr',
        'cagr_lo', 'cagr_hi', 'next_value', 'next_lo', 'next_hi']
INTS = ['n', 'span_quarters', 'dof']


def trend_json(out, series, company, metric):
    with open(out, encoding='utf-8') as f:
        d = json.load(f)
    tr = [t for t in d['trends'] if t['company'] == company
          and t['metric'] == metric and t['basis'] == 'gaap']
    check(len(tr) == 1, 'json: one %s %s gaap trend' % (company, metric))
    if not tr:
        return
    t = tr[0]
    e, growth = expected(series, company, metric)
    check(t['fitted'] is True, 'json: fitted')
    for k in INTS:
        check(t[k] == e[k], 'json %s: %r == %r' % (k, t[k], e[k]))
    for k in ('first', 'last', 'next'):
        check(t[k] == e[k], 'json %s: %r == %r' % (k, t[k], e[k]))
    for k in NUMS:
        close(t[k], e[k], REL, 'json ' + k)
    check(len(t['growth']) == len(growth), 'json: growth rows')
    for g, w in zip(t['growth'], growth):
        check(g['period'] == w['period'], 'json growth period ' + w['period'])
        for k in ('value', 'qoq_pct', 'yoy_pct', 'ttm'):
            if w[k] is None:
                check(g[k] is None, 'json growth %s %s is null' % (w['period'], k))
            else:
                close(g[k], w[k], REL, 'json growth %s %s' % (w['period'], k))


def trend_csv(out, series, company, metric):
    vals = {}
    rows = {}
    with open(out, newline='', encoding='utf-8') as f:
        rd = csv.DictReader(f)
        check(rd.fieldnames == ['section', 'company', 'metric', 'segment',
                                'basis', 'period', 'issued', 'field',
                                'value', 'text'], 'csv: header')
        for r in rd:
            if r['company'] != company or r['metric'] != metric or r['basis'] != 'gaap':
                continue
            if r['section'] == 'trend':
                vals[r['field']] = r['value'] if r['value'] != '' else r['text']
            elif r['section'] == 'growth':
                rows.setdefault(r['period'], {})[r['field']] = r['value']
    e, growth = expected(series, company, metric)
    for k in INTS:
        check(vals.get(k) == str(e[k]), 'csv %s: %r' % (k, vals.get(k)))
    for k in ('first', 'last', 'next'):
        check(vals.get(k) == e[k], 'csv %s: %r' % (k, vals.get(k)))
    for k in NUMS:
        close(float(vals[k]) if k in vals else None, e[k], REL, 'csv ' + k)
    for w in growth:
        g = rows.get(w['period'], {})
        for k in ('value', 'qoq_pct', 'yoy_pct', 'ttm'):
            if w[k] is None:
                check(g.get(k) == '', 'csv growth %s %s empty' % (w['period'], k))
            else:
                close(float(g[k]) if g.get(k) else None, w[k], REL,
                      'csv growth %s %s' % (w['period'], k))


def trend_text(out, series, company, metric):
    with open(out, encoding='utf-8') as f:
        text = f.read()
    e, growth = expected(series, company, metric)

    def pct(v):
        return '%+.2f%%' % (100 * v)

    def usd(v):
        return '{:,.1f}'.format(v)

    want = [
        'n = %d, %s to %s (span %d quarters, %d missing)' % (
            e['n'], e['first'], e['last'], e['span_quarters'],
            e['span_quarters'] - e['n']),
        'growth / quarter  %s   95%% CI %s to %s' % (
            pct(e['growth_q']), pct(e['growth_q_lo']), pct(e['growth_q_hi'])),
        'CAGR (annual)     %s   95%% CI %s to %s' % (
            pct(e['cagr']), pct(e['cagr_lo']), pct(e['cagr_hi'])),
        'R^2 = %.4f, RSE = %.4f (log scale), dof %d' % (
            e['log_r2'], e['log_rse'], e['dof']),
        'next quarter      %s: %s   95%% PI %s to %s' % (
            e['next'], usd(e['next_value']), usd(e['next_lo']),
            usd(e['next_hi'])),
    ]
    for w in want:
        check(w in text, 'text shows: ' + w)
    for g in growth:
        cells = [g['period'], usd(g['value'])]
        cells.append('%+.1f%%' % g['qoq_pct'] if g['qoq_pct'] is not None else 'n/a')
        cells.append('%+.1f%%' % g['yoy_pct'] if g['yoy_pct'] is not None else 'n/a')
        cells.append(usd(g['ttm']) if g['ttm'] is not None else 'n/a')
        pat = r'(?m)^' + r'\s+'.join(re.escape(c) for c in cells) + r'\s'
        check(re.search(pat, text) is not None, 'text row: ' + ' '.join(cells))
    check('nan' not in text.lower().replace('financ', ''), 'text: no nan')


def guidance_rows(d, metric, period):
    return [r for r in d['guidance']['rows']
            if r['metric'] == metric and r['period'] == period]


def guidance_json(out, want_eps=False):
    with open(out, encoding='utf-8') as f:
        d = json.load(f)
    r = guidance_rows(d, 'revenue', '2010Q4')
    check(len(r) == 1, 'json: one 2010Q4 revenue guide')
    if r:
        r = r[0]
        check(r['company'] == 'JNPR', '2010Q4: JNPR')
        check(r['low'] == 1100 and r['high'] == 1140, '2010Q4: 1,100-1,140')
        check(r['actual'] == 1190.0, '2010Q4: actual 1,190.0')
        check(r['position'] == 'above', '2010Q4: above')
        close(r['surprise_top_pct'], (1190.0 - 1140) / 1140 * 100, 1e-12,
              '2010Q4 vs top')
        check(round(r['surprise_top_pct'], 1) == 4.4, '2010Q4: 4.4 % of the top')
        close(r['surprise_mid_pct'], (1190.0 - 1120) / 1120 * 100, 1e-12,
              '2010Q4 vs mid')
        check(r['doc'] == 'jnpr-2010q3-call.txt' and r['line'] == 228,
              '2010Q4: evidence doc and line')
    r = guidance_rows(d, 'revenue', '2008Q4')
    check(len(r) == 1, 'json: one 2008Q4 revenue guide')
    if r:
        r = r[0]
        check(r['company'] == 'JNPR', '2008Q4: empty company joined to JNPR')
        check(r['position'] == 'within', '2008Q4: within')
        close(r['pos_in_range'], (923.5 - 921) / (971 - 921), 1e-12,
              '2008Q4 position in range')
    sums = [s for s in d['guidance']['summaries'] if s['metric'] == 'revenue']
    check(len(sums) == 1, 'json: one revenue summary')
    if sums:
        s = sums[0]
        scored = [r for r in d['guidance']['rows']
                  if r['metric'] == 'revenue' and r['scored'] and r['in_summary']]
        check(s['n'] == len(scored), 'summary n = scored rows (%d)' % len(scored))
        within = sum(1 for r in scored if r['position'] == 'within')
        close(s['hit_rate'], within / len(scored), 1e-12, 'summary hit rate')
        mids = [r['surprise_mid_pct'] for r in scored]
        close(s['mean_mid'], math.fsum(mids) / len(mids), 1e-12, 'summary mean')
    if not want_eps:
        return
    eps = guidance_rows(d, 'eps_diluted', '2010Q4')
    check(len(eps) == 1 and eps[0]['basis'] == 'non_gaap'
          and eps[0]['actual_basis'] == 'non_gaap' and eps[0]['scored'],
          '2010Q4 non-GAAP EPS scored against the non-GAAP actual')


def guidance_text(out):
    with open(out, encoding='utf-8') as f:
        text = f.read()
    check(re.search(r'(?m)^2010Q4\s+undated\s+1,100\.0-1,140\.0\s+1,120\.0\s+'
                    r'1,190\.0\s+above\s+\+6\.2%\s+\+4\.4%', text) is not None,
          'text: 2010Q4 above, +4.4% vs top')
    check(re.search(r'(?m)^2008Q4\s+undated\s+921\.0-971\.0\s+946\.0\s+'
                    r'923\.5\s+within\s', text) is not None,
          'text: 2008Q4 within')
    check('Summary:' in text, 'text: summary present')


def json_valid(path):
    try:
        with open(path, encoding='utf-8') as f:
            json.load(f)
        check(True, 'valid JSON: ' + path)
    except (ValueError, OSError) as e:
        check(False, 'valid JSON: %s (%s)' % (path, e))


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    mode, out = argv[1], argv[2]
    if mode.startswith('trend-'):
        series = argv[3]
        company = argv[4] if len(argv) > 4 else 'JNPR'
        metric = argv[5] if len(argv) > 5 else 'revenue'
        {'trend-json': trend_json, 'trend-csv': trend_csv,
         'trend-text': trend_text}[mode](out, series, company, metric)
    elif mode == 'guidance-json':
        guidance_json(out)
    elif mode == 'guidance-json-all':
        guidance_json(out, True)
    elif mode == 'guidance-text':
        guidance_text(out)
    elif mode == 'json-valid':
        json_valid(out)
    else:
        print('unknown mode ' + mode)
        return 2
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
