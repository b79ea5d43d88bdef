/**
 * Dense LU factorisation with partial pivoting and the matching solve, for the small n×n Newton systems of
 * the QSS liver (n = number of drugs). Row-major, in place, allocation-free.
 */

/** In-place LU factorisation with partial pivoting of a row-major n×n matrix. */
export function luFactor(a: Float64Array, piv: Int32Array, n: number): void {
  for (let k = 0; k < n; k++) {
    let p = k, best = Math.abs(a[k * n + k]!);
    for (let i = k + 1; i < n; i++) { const v = Math.abs(a[i * n + k]!); if (v > best) { best = v; p = i; } }
    piv[k] = p;
    if (p !== k) for (let j = 0; j < n; j++) { const t = a[k * n + j]!; a[k * n + j] = a[p * n + j]!; a[p * n + j] = t; }
    const d = a[k * n + k]!;
    if (d === 0) continue;
    for (let i = k + 1; i < n; i++) {
      const f = (a[i * n + k] = a[i * n + k]! / d);
      if (f !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] = a[i * n + j]! - f * a[k * n + j]!;
    }
  }
}

/** Solve A·x = b in place (b becomes x) with the factors and pivots from `luFactor`; a zero pivot gives 0. */
export function luSolve(a: Float64Array, piv: Int32Array, b: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) { const p = piv[k]!; if (p !== k) { const t = b[k]!; b[k] = b[p]!; b[p] = t; } }
  for (let i = 1; i < n; i++) { let s = b[i]!; for (let j = 0; j < i; j++) s -= a[i * n + j]! * b[j]!; b[i] = s; }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < n; j++) s -= a[i * n + j]! * b[j]!;
    const d = a[i * n + i]!;
    b[i] = d === 0 ? 0 : s / d;
  }
}
