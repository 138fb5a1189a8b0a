import lib, importlib, sys, os, re, glob, shutil
for m in ['dev01','dev02','dev03','dev04','dev05','dev06','h01','h02','h03','h04']:
    importlib.import_module(m)
lib.write_gold()
shutil.copy('/work/shared/tools/score-extraction', os.path.join(lib.OUT,'score-extraction'))
def norm(s): return ' '.join(s.replace('\\$','$').replace('*','').split())
bad=0
for folder, rows in lib.GOLD.items():
    texts={}
    for p in glob.glob(os.path.join(lib.OUT,folder,'*')):
        if p.endswith('gold.csv'): continue
        texts[os.path.basename(p)]=norm(open(p).read()); print(folder, os.path.basename(p), os.path.getsize(p), 'bytes', open(p).read().count('\n')+1, 'lines')
    keys=set()
    for r in rows:
        k=(r['doc'],r['period'].replace('FY',''),r['metric'],r['segment'],r['basis'],r['kind'])
        if r['tier']!='nonfinancial':
            if k in keys: print('DUPKEY',k); bad+=1
            keys.add(k)
        q=r['quote']
        if not q: continue
        if q.startswith('('): continue
        if norm(q) not in texts[r['doc']]: print('QUOTE MISSING', r['doc'], q); bad+=1
        # number in quote (actual rows with digit quotes)
    from collections import Counter
    c=Counter(r['tier'] for r in rows); print(folder, len(rows), dict(c))
    cd=Counter((r['doc'],r['tier']) for r in rows)
    for k in sorted(cd): print('  ',k,cd[k])
print('bad',bad)
