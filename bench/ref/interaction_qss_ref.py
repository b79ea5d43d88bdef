#!/usr/bin/env python3
"""Independent SciPy reference for the Crosstalk interaction model with a quasi-steady-state liver.

Same input/output as interaction_ref.py (JSON spec on stdin → per method AUC, Cmax, seconds per
solve), but the liver holds no state: at every right-hand-side call the hepatic venous blood
concentrations Chv of all drugs are solved from the coupled algebraic liver balances of MODEL.md
§2.1/§2.3 (`liverQSS=true`):

    0 = Qh·(Cb_i − Chv_i) + Jabs_i − fu,b_i·CLint,h,i(Chu)·Chv_i,   Chu_j = fu,b_j·Chv_j
    CLint,h,i = Σ_e CLint,h,i,e·E_h,e / (1 + Σ_j Chu_j/Ki,u,j,e) + CLint,h,i,other

(all drugs are coupled through reversible inhibition in the liver). Solved by Newton's method with
the analytic Jacobian of this residual, warm-started from the previous call and iterated to a
relative step of 1e-14. Written from MODEL.md, not from model.ts; the oral depots are ordinary ODE
states here (the TypeScript engine decays them in closed form — same equations, different solver
technique). Metabolite formation and inhaled/oromucosal routes are not modelled (the benchmark spec
has none; a spec with them is rejected rather than silently mis-modelled).

Run with Debian's interpreter: PYENV_VERSION=system python3 bench/ref/interaction_qss_ref.py < spec.json
"""

import numpy as np
from ivp_segments import integrate_segment, run_reference

# per-drug layout of this reference (independent of the engine's stride)
S = 4
GUT, CEN, PER, AUC = range(4)


class QssModel:
    def __init__(self, spec):
        drugs, phys = spec["drugs"], spec["physiology"]
        for d in drugs:
            if d.get("metabolites") and any(m["metaboliteId"] in {x["id"] for x in drugs} for m in d["metabolites"]):
                raise ValueError("metabolite formation is not modelled by this reference")
        self.drugs = drugs
        self.ids = [d["id"] for d in drugs]
        n = self.n = len(drugs)
        enz = sorted({e["enzyme"] for d in drugs for e in d["enzymes"]})
        self.enz = enz
        ne = len(enz)
        col = {e: k for k, e in enumerate(enz)}
        self.qh, self.qent = phys["qhLPerH"], phys["qentLPerH"]
        f = lambda key: np.array([float(d[key]) for d in drugs])
        self.ka, self.vc, self.k12, self.k21 = f("kaPerH"), f("vcL"), f("k12PerH"), f("k21PerH")
        self.rb, self.clr, self.other = f("rb"), f("clRenalLPerH"), f("clintOtherLPerH")
        self.fub = f("fuP") / self.rb
        self.cl_h = np.zeros((n, ne))
        self.cl_g = np.zeros((n, ne))
        for i, d in enumerate(drugs):
            for e in d["enzymes"]:
                self.cl_h[i, col[e["enzyme"]]] += e["clintLiverLPerH"]
                self.cl_g[i, col[e["enzyme"]]] += e["clintGutLPerH"]
        # Σ 1/Ki,u per (inhibitor j, enzyme e), liver and gut sites separately
        self.inv_ki_h = np.zeros((n, ne))
        self.inv_ki_g = np.zeros((n, ne))
        for j, d in enumerate(drugs):
            for x in d["inhibits"]:
                if x["enzyme"] not in col:
                    continue  # inhibiting an enzyme that clears nothing changes nothing
                if x["site"] != "gut":
                    self.inv_ki_h[j, col[x["enzyme"]]] += 1.0 / x["kiUnboundUM"]
                if x["site"] != "liver":
                    self.inv_ki_g[j, col[x["enzyme"]]] += 1.0 / x["kiUnboundUM"]
        # enzyme states: (organ, enzyme) pairs with an inactivator or inducer
        used_in_gut = {e for e in enz if self.cl_g[:, col[e]].any()}
        states = []
        for d in drugs:
            for m in d["inactivates"] + d["induces"]:
                for organ in ("liver", "gut"):
                    if m["site"] not in (organ, "both") or m["enzyme"] not in col:
                        continue
                    if organ == "gut" and (m["enzyme"] not in used_in_gut or "kdegGutPerH" not in phys["enzymes"].get(m["enzyme"], {})):
                        continue
                    if (organ, m["enzyme"]) not in states:
                        states.append((organ, m["enzyme"]))
        self.ns = n * S + len(states)
        self.state_h = np.full(ne, -1)
        self.state_g = np.full(ne, -1)
        self.mech = []  # (state index, organ is gut, kdeg, [(drug, kind, a, b)])
        for k, (organ, e) in enumerate(states):
            idx = n * S + k
            (self.state_g if organ == "gut" else self.state_h)[col[e]] = idx
            kdeg = phys["enzymes"][e]["kdegGutPerH" if organ == "gut" else "kdegLiverPerH"]
            terms = []
            for j, d in enumerate(drugs):
                for m in d["inactivates"]:
                    if m["enzyme"] == e and m["site"] in (organ, "both"):
                        terms.append((j, "tdi-sat", m["kinactPerH"], m["kIUnboundUM"]) if m["kind"] == "saturable"
                                     else (j, "tdi-lin", m["kinactOverKIPerHPerUM"], m["kobsCapPerH"]))
                for m in d["induces"]:
                    if m["enzyme"] == e and m["site"] in (organ, "both"):
                        terms.append((j, "ind", m["emaxFold"] - 1.0, m["ec50UnboundUM"]))
            self.mech.append((idx, organ == "gut", kdeg, terms))
        self.chv = np.zeros(n)  # warm start of the liver solve
        self.newton_iterations = 0

    def enzyme_levels(self, y, which):
        out = np.ones(len(self.enz))
        m = which >= 0
        out[m] = y[which[m]]
        return out

    def solve_liver(self, inflow, e_h):
        """Chv with (Qh + fu,b·CLint,h(Chv))·Chv = inflow for every drug, by Newton's method."""
        qh, fub, a = self.qh, self.fub, self.cl_h * e_h  # a[i, e]: enzyme-weighted CLint
        c = np.where(self.chv > 0, self.chv, 0.0)
        if not self.inv_ki_h.any():
            c = inflow / (qh + fub * (self.other + a.sum(axis=1)))
            self.chv = c
            return c, fub * (self.other + a.sum(axis=1))
        for _ in range(60):
            self.newton_iterations += 1
            den = 1.0 + (fub * c) @ self.inv_ki_h  # per enzyme
            cl = self.other + (a / den).sum(axis=1)
            r = inflow - (qh + fub * cl) * c
            # ∂CLint,h,i/∂Chv_k = −Σ_e a[i,e]/den_e² · fub_k/Ki,u,k,e
            dcl = -(a / den**2) @ (self.inv_ki_h * fub[:, None]).T
            jac = -np.diag(qh + fub * cl) - (fub * c)[:, None] * dcl
            step = np.linalg.solve(jac, -r)
            c_new = c + step
            if np.any(c_new < 0):  # stay in the physical domain: fixed-point value instead
                c_new = inflow / (qh + fub * cl)
            done = np.all(np.abs(c_new - c) <= 1e-14 * np.abs(c_new) + 1e-300)
            c = c_new
            if done:
                break
        else:
            raise RuntimeError("QSS liver: Newton did not converge")
        self.chv = c
        den = 1.0 + (fub * c) @ self.inv_ki_h
        return c, fub * (self.other + (a / den).sum(axis=1))

    def rhs(self, t, y):
        n = self.n
        xg, xc, xp = y[GUT:n * S:S], y[CEN:n * S:S], y[PER:n * S:S]
        ig = self.ka * xg / self.qent
        e_h = self.enzyme_levels(y, self.state_h)
        e_g = self.enzyme_levels(y, self.state_g)
        den_g = 1.0 + ig @ self.inv_ki_g
        clg = (self.cl_g * (e_g / den_g)).sum(axis=1)
        fg = self.qent / (self.qent + clg)
        absorbed = self.ka * xg
        cp = xc / self.vc
        cb = self.rb * cp
        chv, fub_cl = self.solve_liver(self.qh * cb + absorbed * fg, e_h)
        chu = self.fub * chv
        dy = np.empty_like(y)
        dy[GUT:n * S:S] = -absorbed
        dy[CEN:n * S:S] = self.qh * (chv - cb) - self.clr * cp - self.k12 * xc + self.k21 * xp
        dy[PER:n * S:S] = self.k12 * xc - self.k21 * xp
        dy[AUC:n * S:S] = cp
        for idx, gut, kdeg, terms in self.mech:
            stim, kobs = 1.0, 0.0
            for j, kind, a, b in terms:
                conc = ig[j] if gut else chu[j]
                if kind == "ind":
                    stim += a * conc / (b + conc)
                elif kind == "tdi-sat":
                    kobs += a * conc / (b + conc)
                else:
                    kobs += min(a * conc, b)
            dy[idx] = kdeg * (stim - y[idx]) - kobs * y[idx]
        return dy


def solve(spec, method):
    model = QssModel(spec)
    drugs, ids, n = model.drugs, model.ids, model.n
    y = np.zeros(model.ns)
    for idx, *_ in model.mech:
        y[idx] = 1.0
    events = {}
    for d in spec["doses"]:
        i = ids.index(d["drugId"])
        umol = d["amountMg"] / drugs[i]["mwGPerMol"] * 1000
        if d["route"] == "po":
            events.setdefault(d["tH"] + drugs[i]["tlagH"], []).append((i * S + GUT, drugs[i]["fa"] * umol))
        elif d["route"] == "iv":
            events.setdefault(d["tH"], []).append((i * S + CEN, umol))
        else:
            raise ValueError(f"route {d['route']} is not modelled by this reference")
    t_end = spec["tEndH"]
    times = sorted({t for t in events if t < t_end} | {0.0})
    rtol = spec["rtol"]
    scale = max(d["amountMg"] / drugs[ids.index(d["drugId"])]["mwGPerMol"] * 1000 for d in spec["doses"])
    atol = spec.get("atolRel", 1e-12) * scale
    cmax = [0.0] * n
    for s, t0 in enumerate(times):
        for k, amount in events.get(t0, []):
            y[k] += amount
        t1 = times[s + 1] if s + 1 < len(times) else t_end
        if t1 <= t0:
            continue
        y = integrate_segment(model.rhs, t0, t1, y, method, rtol, atol, drugs, S, CEN, cmax)
    return {"auc": [float(y[i * S + AUC]) for i in range(n)], "cmax": cmax, "newtonIterations": model.newton_iterations}


if __name__ == "__main__":
    run_reference(solve, {"formulation": "qss"})
