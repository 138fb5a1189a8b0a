import re, textwrap, csv, os
OUT = '/work/main/tests/data/eval4'
GOLD = {'dev': [], 'holdout': []}
class Doc:
    def __init__(self, folder, name):
        self.folder, self.name, self.parts, self.rows = folder, name, [], []
    def p(self, s=''):
        self.parts.append(s)
    def wrap(self, s, width=88):
        self.parts.append(textwrap.fill(s, width, break_on_hyphens=False, break_long_words=False))
    def g(self, period, metric, seg, basis, kind, value, unit, tier, quote, low='', high=''):
        self.rows.append(dict(doc=self.name, period=period, metric=metric, segment=seg, basis=basis, kind=kind,
                              value='' if value is None else value, low=low, high=high, unit=unit, tier=tier, quote=quote))
    def gg(self, period, metric, seg, basis, low, high, unit, tier, quote):
        self.g(period, metric, seg, basis, 'guidance', '', unit, tier, quote, low, high)
    def nonfin(self):
        self.rows.append(dict(doc=self.name, period='', metric='', segment='', basis='none', kind='', value='', low='', high='', unit='', tier='nonfinancial', quote=''))
    def save(self, text=None, newline=True):
        t = text if text is not None else '\n'.join(self.parts) + ('\n' if newline else '')
        open(os.path.join(OUT, self.folder, self.name), 'w').write(t)
        GOLD[self.folder].extend(self.rows)
        return t

def f(x, dec=1, dollar=False, paren=True, comma=True):
    if x == 0 and paren:
        return '—'
    s = f'{abs(x):,.{dec}f}' if comma else f'{abs(x):.{dec}f}'
    if dollar: s = '$' + s
    return f'({s})' if x < 0 and paren else s

def cells(label, vals, dec=1, dollar=False):
    """PDF flattened: every cell on its own line, '$' cells of their own"""
    out = [label]
    for v in vals:
        if dollar: out.append('$')
        out.append(f(v, dec))
    return out

def write_gold():
    cols = ['doc','period','metric','segment','basis','kind','value','low','high','unit','tier','quote']
    for folder, rows in GOLD.items():
        with open(os.path.join(OUT, folder, 'gold.csv'), 'w', newline='') as fh:
            w = csv.DictWriter(fh, cols, lineterminator='\n'); w.writeheader()
            for r in rows:
                r = dict(r)
                for k in ('value','low','high'):
                    v = r[k]
                    if isinstance(v, (int, float)) and not isinstance(v, bool): r[k] = f'{round(v,4):.4f}'.rstrip('0').rstrip('.')
                w.writerow(r)
