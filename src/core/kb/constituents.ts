import { fail } from '../errors.js';
import type { KbIndex } from './kb-index.js';
import type { Substance } from './types.js';
import { amountMg, type Regimen } from '../units/parse-regimen.js';

export interface CompoundDose {
  compoundId: string;
  name: string;
  /** Path from the named substance down to this compound, e.g. ['kratom', 'mitragynine']. */
  path: string[];
  /** Relative weight among the product's active constituents (0–1), for weighting pathways. */
  weight: number;
  /** Amount of this compound per administration (mg); undefined when the product's content is unknown. */
  doseMg?: number;
  /** How the compound dose was derived, in words (shown to users as an assumption where it is one). */
  basis: string;
  sources: string[];
}

const MASS_UNITS = new Set(['mg', 'g', 'µg', 'mg/kg', 'µg/kg', 'g/kg']);

function contentOf(c: Substance['constituents'][number]): { perUnit: 'g' | 'mL' | 'actuation' | 'unit'; mg: number } | undefined {
  const q = c.content;
  if (!q) return undefined;
  switch (q.unit) {
    case 'mg/g':
      return { perUnit: 'g', mg: q.value };
    case 'mg/mL':
      return { perUnit: 'mL', mg: q.value };
    case 'mg/actuation':
    case 'mg/spray':
      return { perUnit: 'actuation', mg: q.value };
    case 'mg/capsule':
    case 'mg/tablet':
      return { perUnit: 'unit', mg: q.value };
    default:
      return undefined;
  }
}

/**
 * Expand a plant or product into the compounds that carry its pharmacology, with the compound dose per
 * administration when the product's content is known. A compound or medicine without constituents is
 * its own single compound. Weights come from `share` (relative content), else from mass content.
 */
export function expandToCompounds(
  kb: KbIndex,
  substanceId: string,
  regimen: Regimen | undefined,
  weightKg: number,
  depth = 0,
): CompoundDose[] {
  const s = kb.substance(substanceId);
  if (!s) fail('INPUT_UNKNOWN_SUBSTANCE', { field: 'substance', query: substanceId, suggestions: [] }, { field: 'substance' });
  if (s.constituents.length === 0 || depth > 4) {
    return [
      {
        compoundId: s.id,
        name: s.name,
        path: [s.id],
        weight: 1,
        doseMg: regimen ? amountMg(regimen, { weightKg }) : undefined,
        basis: regimen ? `${regimen.text} of ${s.name}` : 'no dose given',
        sources: [],
      },
    ];
  }
  const cons = s.constituents.map((c) => ({ c, content: contentOf(c) }));
  const withMg = cons.filter((x) => x.content);
  const totalMgPerUnit = withMg.reduce((a, x) => a + x.content!.mg, 0);
  const shareSum = cons.reduce((a, x) => a + (x.c.share?.value ?? 0), 0);
  const out: CompoundDose[] = [];
  for (const { c, content } of cons) {
    const sub = kb.substance(c.substance);
    if (!sub) continue;
    const weight =
      shareSum > 0
        ? (c.share?.value ?? 0) / shareSum
        : totalMgPerUnit > 0 && content
          ? content.mg / totalMgPerUnit
          : 1 / cons.length;
    let doseMg: number | undefined;
    let basis = `constituent of ${s.name}; product content unknown, so no compound dose`;
    const sources = [...c.sources, ...(c.content ? [c.content.source] : []), ...(c.share ? [c.share.source] : [])];
    if (regimen && content) {
      const u = regimen.unit;
      if (content.perUnit === 'g' && MASS_UNITS.has(u)) {
        const productMg = amountMg(regimen, { weightKg });
        doseMg = (productMg / 1000) * content.mg;
        basis = `${c.content!.original.value} ${c.content!.original.unit} of ${s.name} × ${productMg / 1000} g`;
      } else if (content.perUnit === 'mL' && (u === 'mL' || u === 'mL/kg')) {
        doseMg = amountMg(regimen, { weightKg, mgPerMl: content.mg });
        basis = `${content.mg} mg/mL × ${regimen.text}`;
      } else if (content.perUnit === 'actuation' && u === 'actuation') {
        doseMg = amountMg(regimen, { weightKg, mgPerActuation: content.mg });
        basis = `${content.mg} mg per actuation × ${regimen.amount}`;
      } else if (content.perUnit !== 'g' && MASS_UNITS.has(u)) {
        // A mass dose of a formulated product (oil, spray, solution) is read as mass of active ingredient.
        const activeMg = amountMg(regimen, { weightKg });
        doseMg = activeMg * (content.mg / totalMgPerUnit);
        basis = `${regimen.text} of ${s.name} read as active ingredient${withMg.length > 1 ? `, split by content (${content.mg} of ${totalMgPerUnit} mg per ${content.perUnit})` : ''}`;
      } else {
        const use = content.perUnit === 'g' ? 'g or mg of product' : content.perUnit === 'mL' ? 'mL or mg' : 'sprays or mg';
        fail('INPUT_UNIT_MISMATCH', { field: 'regimen', substance: s.name, perUnit: content.perUnit, unit: u, use }, { field: 'regimen' });
      }
    }
    if (sub.constituents.length > 0) {
      // A product inside a plant: recurse with the product mass when known.
      const inner = expandToCompounds(kb, sub.id, doseMg !== undefined ? { ...(regimen as Regimen), amount: doseMg, unit: 'mg' } : undefined, weightKg, depth + 1);
      for (const x of inner) out.push({ ...x, path: [s.id, ...x.path], weight: x.weight * weight });
    } else {
      out.push({ compoundId: sub.id, name: sub.name, path: [s.id, sub.id], weight, doseMg, basis, sources });
    }
  }
  return out;
}

/** Ids of the substance and its constituents (recursively, plants → products → compounds). */
export function withConstituents(kb: KbIndex, id: string, depth = 0): string[] {
  const s = kb.substance(id);
  if (!s || depth > 4) return [id];
  return [id, ...s.constituents.flatMap((c) => withConstituents(kb, c.substance, depth + 1))].filter(
    (x, i, a) => a.indexOf(x) === i,
  );
}

/**
 * Everything a plant or product page rolls up (issue 16 §4): the substance, its constituents (recursively) and, for
 * a plant, the products made only of its constituents (kratom tea, a liquid kratom shot, an isolated-CBD medicine for
 * cannabis) with their constituents. Derived from constituent lists, so a new product joins its plant's page without
 * a link being written by hand. The first element is `id` itself.
 */
export function substanceFamily(kb: KbIndex, id: string): string[] {
  const own = withConstituents(kb, id);
  const s = kb.substance(id);
  if (!s || s.kind !== 'plant') return own;
  const mine = new Set(own.slice(1));
  const products = kb.data.substances.filter(
    (p) =>
      p.id !== id &&
      (p.kind === 'product' || p.kind === 'medicine') &&
      p.constituents.length > 0 &&
      p.constituents.every((c) => mine.has(c.substance)),
  );
  return [...own, ...products.flatMap((p) => withConstituents(kb, p.id))].filter((x, i, a) => a.indexOf(x) === i);
}
