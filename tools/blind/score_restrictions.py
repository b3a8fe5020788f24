#!/usr/bin/env python3
# Restrictions of rights (gold "restricted") against `qostil rights -f json`:
# tp/fp/fn over the held-out legal sets given as folders. Run from the repository root.
import json,sys,glob,os,subprocess
tp=fp=fn=0
for d in sys.argv[1:]:
    for g in sorted(glob.glob(os.path.join(d,'*.gold.json'))):
        name=g[:-len('.gold.json')]
        files=[f for f in glob.glob(name+'.*') if not f.endswith('.gold.json') and '.src.' not in f and not f.endswith('.typ')]
        if not files: files=sorted(glob.glob(name+'_kk.*')+glob.glob(name+'_ru.*'))
        gold=json.load(open(g))
        want={x if isinstance(x,str) else x['right'] for x in gold.get('restricted',[])}
        out=subprocess.run(['target/release/qostil','rights',*files,'-f','json','-q'],capture_output=True,text=True)
        dd=json.loads(out.stdout)
        got={r['id'] for r in dd['legal']['rights'] if r.get('restrictions')}
        tp+=len(want&got); fp+=len(got-want); fn+=len(want-got)
        for x in got-want: print('  false restriction',os.path.basename(g),x)
        for x in want-got: print('  missed restriction',os.path.basename(g),x)
print(f'restrictions tp {tp} fp {fp} fn {fn}')
