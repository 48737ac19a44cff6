#!/usr/bin/env python3
# tools/calls.py FOLDER... — which files of a folder call functions defined
# in another file of the same folder, and the pairs that call each other
# (LOOP lines): the check behind "no loop" in the layers of models/.
# A reading aid, by function names, not a parser: `make layers` is the
# enforced rule.
import glob, itertools, re, sys

def code(path):
    # the text without its comments: a name in a comment is no call
    return re.sub(r'/\*.*?\*/', '', open(path).read(), flags=re.S)

for folder in sys.argv[1:]:
    files=sorted(glob.glob(folder+'/*.c'))
    defs={}
    for f in files:
        s=open(f).read()
        for m in re.finditer(r'^(?!static)[a-zA-Z][\w \*]*?\b(\w+)\(', s, re.M):
            name=m.group(1)
            if name in ('if','for','while','switch','return','G_DEFINE_QUARK'): continue
            defs[name]=f
    g={f:set() for f in files}
    for f in files:
        s=code(f)
        for name,df in defs.items():
            if df!=f and re.search(r'\b'+name+r'\(', s):
                g[f].add(df)
    for f in files:
        print(f.split('/')[-1], '->', sorted(x.split('/')[-1] for x in g[f]))
    # cycles
    for a,b in itertools.combinations(files,2):
        if b in g[a] and a in g[b]: print('LOOP', a, b)
