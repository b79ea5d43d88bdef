"""Shared by the SciPy references: integrate one dose-free segment with solve_ivp and update each drug's Cmax,
refined between grid points by a bounded scalar minimisation on SciPy's dense output."""
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import minimize_scalar


def integrate_segment(rhs, t0, t1, y, method, rtol, atol, drugs, stride, cen, cmax):
    sol = solve_ivp(rhs, (t0, t1), y, method=method, rtol=rtol, atol=atol, dense_output=True)
    if not sol.success:
        raise RuntimeError(sol.message)
    grid = np.linspace(t0, t1, 400)
    vals = sol.sol(grid)
    for i, d in enumerate(drugs):
        c = vals[i * stride + cen] / d["vcL"]
        k = int(np.argmax(c))
        best = c[k]
        lo, hi = grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]
        if hi > lo:
            r = minimize_scalar(lambda t: -sol.sol(t)[i * stride + cen] / d["vcL"], bounds=(lo, hi), method="bounded", options={"xatol": 1e-10})
            best = max(best, -r.fun)
        cmax[i] = max(cmax[i], best)
    return sol.y[:, -1].copy()


def run_reference(solve, extra=None):
    """Read the spec from stdin, solve it with every requested SciPy method (timed over `reps` repeats) and print JSON."""
    import json
    import sys
    import time

    import scipy

    spec = json.load(sys.stdin)
    out = {"scipy": scipy.__version__, "numpy": np.__version__, **(extra or {}), "methods": {}}
    for method in spec["methods"]:
        res = solve(spec, method)
        reps = spec.get("reps", 3)
        t = time.perf_counter()
        for _ in range(reps):
            solve(spec, method)
        res["secondsPerSolve"] = (time.perf_counter() - t) / reps if reps > 0 else None
        out["methods"][method] = res
    json.dump(out, sys.stdout)
