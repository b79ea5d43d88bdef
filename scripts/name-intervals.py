"""Issue 16 §3: name low–high intervals whose own record already says what they are.
Only two mechanical cases, no judgement per number:
 - `derived: label-range-midpoint`: the value is the midpoint of a range the source gave, so low/high ARE that range;
 - the locator or note of the same quantity states "range" (e.g. "median 39 min, range 14-186 min") and nothing
   else that could be an interval (no CI, SD, SEM, IQR, percentile).
Everything else stays a warning until someone re-reads the source."""
import re,subprocess,collections
out=subprocess.run(['node','bin/crosstalk.js','kb','validate'],capture_output=True,text=True).stdout+subprocess.run(['node','bin/crosstalk.js','kb','validate'],capture_output=True,text=True).stderr
hits=[l.split()[1] for l in out.splitlines() if 'does not say what it is' in l]
byfile=collections.defaultdict(set)
for h in hits:
    f,n=h.rsplit(':',1); byfile[f].add(int(n))
done=collections.Counter()
for f,ns in byfile.items():
    lines=open(f).read().split('\n')
    for n in sorted(ns):
        s=lines[n-1]
        if 'interval:' in s or 'low:' not in s: continue
        if 'derived: label-range-midpoint' in s: why='midpoint'
        else:
            txt=' '.join(re.findall(r'(?:locator|note): "([^"]*)"',s)).lower()
            if re.search(r'\brange\b',txt) and not re.search(r'\b(ci|confidence|sd|s\.d\.|sem|se|iqr|interquartile|percentile|p5|p95)\b',txt): why='says-range'
            else: continue
        new=re.sub(r'(low: [^,]+, high: [^,}]+)',r'\1, interval: range',s,count=1)
        if new!=s: lines[n-1]=new; done[why]+=1
    open(f,'w').write('\n'.join(lines))
print(dict(done))
