"""Reference implementation of the mechanistic static model (FDA 2020 / Fahmi), written independently in
plain Python from MODEL.md §1.1-1.3, used by bench/static.ts to check agreement and to time a baseline.
Reads the cases JSON on stdin-less argv[1], prints {"aucr": {...}, "evalsPerSecond": ...}."""
import json, sys, time

KDEG_LIVER = {"CYP3A4": 0.0193, "CYP2D6": 0.0099, "CYP2C9": 0.0067, "CYP2C19": 0.0267, "CYP1A2": 0.0183, "CYP2C8": 0.0301}
KDEG_GUT = {"CYP3A4": 0.03}

def conc(p, qh, qent):
    fu = p.get("fu_p", 1.0)
    imax_u = fu * p.get("cmax_uM", p.get("Imax_u_uM", 0.0))
    if p["route"] == "systemic" or "dose_mg" not in p:
        return p.get("Ih_uM", imax_u), p.get("Ig_uM", imax_u)
    dose = p["dose_mg"] * 1000.0 / p["mw"]
    ka = p.get("ka_per_h", 6.0)
    ih = fu * (p["cmax_uM"] + p.get("fa", 1) * p.get("fg", 1) * ka * dose / (qh * p.get("rb", 1)))
    ig = p.get("fa", 1) * ka * dose / qent
    return p.get("Ih_uM", ih), p.get("Ig_uM", ig)

def aucr(case):
    consts = case.get("constants", {})
    qh, qent = consts.get("Qh_L_per_h", 97.0), consts.get("Qent_L_per_h", 18.0)
    perps = case.get("perpetrators") or [case["perpetrator"]]
    cs = [conc(p, qh, qent) for p in perps]
    def terms(enz, site):
        kdeg = (KDEG_LIVER if site == "liver" else KDEG_GUT).get(enz)
        rev = inact = ind = 0.0
        for p, (ih, ig) in zip(perps, cs):
            e = p["enzymes"].get(enz)
            if not e: continue
            i = ih if site == "liver" else ig
            if e.get("Ki_uM"): rev += i / e["Ki_uM"]
            KI = e.get("KI_gut_uM", e.get("KI_uM")) if site == "gut" else e.get("KI_uM")
            kin = e.get("kinact_gut_per_h", e.get("kinact_per_h")) if site == "gut" else e.get("kinact_per_h")
            if kdeg is not None and KI is not None and kin is not None: inact += kin * i / (i + KI)
            emax = e.get("Emax", (e["emax_fold"] - 1) if "emax_fold" in e else None)
            if emax is not None and e.get("EC50_uM") is not None: ind += emax * i / (i + e["EC50_uM"])
        a = kdeg / (kdeg + inact) if (kdeg is not None and inact > 0) else 1.0
        return a * (1 + ind) / (1 + rev)
    v = case["victim"]
    s = sum(f * terms(e, "liver") for e, f in v["fm"].items()) + max(0.0, 1 - sum(v["fm"].values()))
    g = 1.0
    if v["route"] == "oral" and v["Fg"] < 1:
        prod = 1.0
        for e in v["fm"]:
            if e in KDEG_GUT: prod *= terms(e, "gut")
        g = 1.0 / (prod * (1 - v["Fg"]) + v["Fg"])
    return g / s

cases = json.load(open(sys.argv[1]))["cases"]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
out = {c["id"]: aucr(c) for c in cases}
t0 = time.perf_counter()
for _ in range(n):
    for c in cases: aucr(c)
dt = time.perf_counter() - t0
print(json.dumps({"aucr": out, "evalsPerSecond": n * len(cases) / dt}))
