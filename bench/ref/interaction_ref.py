#!/usr/bin/env python3
"""Independent SciPy reference for the Crosstalk interaction model (MODEL.md §2.1, full liver state).

Reads a JSON spec on stdin (drugs, physiology, doses, tEndH, rtol, methods, reps) and prints JSON:
per method, each drug's AUC (µM·h) and Cmax (µM, refined on the dense output) and seconds per solve.
Run with Debian's interpreter: PYENV_VERSION=system python3 bench/ref/interaction_ref.py < spec.json
The equations are re-implemented here from MODEL.md, not translated from the TypeScript arrays.
"""

import numpy as np
from ivp_segments import integrate_segment, run_reference

S = 7  # per-drug stride: gut, fast, liver, central, peripheral, auc, eliminated
GUT, FAST, LIV, CEN, PER, AUC, ELIM = range(7)


def build(spec):
    drugs, phys = spec["drugs"], spec["physiology"]
    n = len(drugs)
    enz = sorted({e["enzyme"] for d in drugs for e in d["enzymes"]})
    states = []  # (organ, enzyme)
    for d in drugs:
        for m in d["inactivates"] + d["induces"]:
            for organ in ("liver", "gut"):
                if m["site"] not in (organ, "both") or m["enzyme"] not in enz:
                    continue
                if organ == "gut":
                    uses_gut = any(e["enzyme"] == m["enzyme"] and e["clintGutLPerH"] > 0 for x in drugs for e in x["enzymes"])
                    if not uses_gut or "kdegGutPerH" not in phys["enzymes"].get(m["enzyme"], {}):
                        continue
                if (organ, m["enzyme"]) not in states:
                    states.append((organ, m["enzyme"]))
    sidx = {s: n * S + k for k, s in enumerate(states)}
    qh, qent, vl = phys["qhLPerH"], phys["qentLPerH"], phys["vLiverL"]

    def rhs(t, y):
        dy = np.zeros_like(y)
        ig = [d["kaPerH"] * y[i * S + GUT] / qent for i, d in enumerate(drugs)]
        chv = [y[i * S + LIV] / (vl * d["kpLiver"]) for i, d in enumerate(drugs)]
        chu = [d["fuP"] / d["rb"] * chv[i] for i, d in enumerate(drugs)]
        den_h = {e: 1.0 for e in enz}
        den_g = {e: 1.0 for e in enz}
        for j, d in enumerate(drugs):
            for x in d["inhibits"]:
                if x["enzyme"] not in enz:
                    continue
                if x["site"] != "gut":
                    den_h[x["enzyme"]] += chu[j] / x["kiUnboundUM"]
                if x["site"] != "liver":
                    den_g[x["enzyme"]] += ig[j] / x["kiUnboundUM"]
        for i, d in enumerate(drugs):
            o = i * S
            fub = d["fuP"] / d["rb"]
            cl_h = d["clintOtherLPerH"]
            cl_g = 0.0
            for e in d["enzymes"]:
                el = y[sidx[("liver", e["enzyme"])]] if ("liver", e["enzyme"]) in sidx else 1.0
                eg = y[sidx[("gut", e["enzyme"])]] if ("gut", e["enzyme"]) in sidx else 1.0
                cl_h += e["clintLiverLPerH"] * el / den_h[e["enzyme"]]
                cl_g += e["clintGutLPerH"] * eg / den_g[e["enzyme"]]
            fg = qent / (qent + cl_g)
            cp = y[o + CEN] / d["vcL"]
            cb = d["rb"] * cp
            absorbed = d["kaPerH"] * y[o + GUT]
            jabs = absorbed * fg
            hep = fub * cl_h * chv[i]
            renal = d["clRenalLPerH"] * cp
            dy[o + GUT] = -absorbed
            dy[o + LIV] = qh * (cb - chv[i]) + jabs - hep
            dy[o + CEN] = qh * (chv[i] - cb) - renal - d["k12PerH"] * y[o + CEN] + d["k21PerH"] * y[o + PER]
            dy[o + PER] = d["k12PerH"] * y[o + CEN] - d["k21PerH"] * y[o + PER]
            dy[o + AUC] = cp
            dy[o + ELIM] = hep + renal + absorbed - jabs
        for (organ, e), k in sidx.items():
            kdeg = phys["enzymes"][e]["kdegLiverPerH" if organ == "liver" else "kdegGutPerH"]
            stim = 1.0
            kobs = 0.0
            for j, d in enumerate(drugs):
                inh = ig[j] if organ == "gut" else chu[j]
                for m in d["induces"]:
                    if m["enzyme"] == e and m["site"] in (organ, "both"):
                        stim += (m["emaxFold"] - 1) * inh / (m["ec50UnboundUM"] + inh)
                for m in d["inactivates"]:
                    if m["enzyme"] == e and m["site"] in (organ, "both"):
                        if m["kind"] == "saturable":
                            kobs += m["kinactPerH"] * inh / (m["kIUnboundUM"] + inh)
                        else:
                            kobs += min(m["kinactOverKIPerHPerUM"] * inh, m["kobsCapPerH"])
            dy[k] = kdeg * (stim - y[k]) - kobs * y[k]
        return dy

    return n, n * S + len(states), sidx, rhs


def solve(spec, method):
    drugs = spec["drugs"]
    n, ns, sidx, rhs = build(spec)
    y = np.zeros(ns)
    for k in sidx.values():
        y[k] = 1.0
    ids = [d["id"] for d in drugs]
    times = sorted({d["tH"] for d in spec["doses"]} | {0.0})
    t_end = spec["tEndH"]
    cmax = [0.0] * n
    rtol = spec["rtol"]
    scale = max(d["amountMg"] / drugs[ids.index(d["drugId"])]["mwGPerMol"] * 1000 for d in spec["doses"])
    atol = spec.get("atolRel", 1e-12) * scale
    for s, t0 in enumerate(times):
        for d in spec["doses"]:
            if d["tH"] == t0:
                i = ids.index(d["drugId"])
                y[i * S + GUT] += drugs[i]["fa"] * d["amountMg"] / drugs[i]["mwGPerMol"] * 1000
        t1 = times[s + 1] if s + 1 < len(times) else t_end
        if t1 <= t0:
            continue
        y = integrate_segment(rhs, t0, t1, y, method, rtol, atol, drugs, S, CEN, cmax)
    return {"auc": [float(y[i * S + AUC]) for i in range(n)], "cmax": cmax}


if __name__ == "__main__":
    run_reference(solve, None)
