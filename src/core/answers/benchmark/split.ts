/**
 * The benchmark's pre-registered split (issue 11 §3): every victim–perpetrator pair is labelled `tune` or `check`
 * once, from a stable hash of the pair, so no pair sits in both and a label never depends on results. Global
 * settings may be chosen on `tune` only; both figures are always reported.
 *
 * @example labelOfPair('midazolam|itraconazole') // 'tune' or 'check', the same on every machine and every run
 */
import type { ClinicalStudy } from '../../kb/types.js';

export type SplitLabel = 'tune' | 'check';
export const SPLIT_LABELS: readonly SplitLabel[] = ['tune', 'check'];

/** One label in three goes to `check` (about 2/3 `tune`, 1/3 `check`). */
const CHECK_EVERY = 3;
const FNV_OFFSET_32 = 0x811c9dc5;
const FNV_PRIME_32 = 0x01000193;

/** 32-bit FNV-1a over the string's UTF-16 code units (ids are ASCII, so this is the byte-wise hash). */
export function fnv1a32(text: string): number {
  let h = FNV_OFFSET_32;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME_32) >>> 0;
  }
  return h >>> 0;
}

/** The split key of a study: its victim and perpetrator ids as recorded (the pair is directed). */
export function pairKey(victim: string, perpetrator: string): string {
  return `${victim}|${perpetrator}`;
}

/** The label the hash gives a pair, before the development-set rule. */
export function labelOfPair(key: string): SplitLabel {
  return fnv1a32(key) % CHECK_EVERY === 0 ? 'check' : 'tune';
}

/** Interaction records that name both sides: the only ones a pair label applies to. */
function pairStudies(records: readonly ClinicalStudy[]): (ClinicalStudy & { perpetrator: string })[] {
  return records.filter((c): c is ClinicalStudy & { perpetrator: string } => c.kind === 'interaction' && c.perpetrator !== undefined);
}

/**
 * The label of every pair in `records`, keys sorted. A pair with any development-set study (`devId`) is `tune`
 * whatever its hash: those studies were used to choose today's settings, and so is every other study of the pair.
 */
export function splitLabels(records: readonly ClinicalStudy[]): Record<string, SplitLabel> {
  const dev = new Set<string>();
  const keys = new Set<string>();
  for (const c of pairStudies(records)) {
    const k = pairKey(c.victim, c.perpetrator);
    keys.add(k);
    if (c.devId) dev.add(k);
  }
  return Object.fromEntries([...keys].sort().map((k) => [k, dev.has(k) ? 'tune' : labelOfPair(k)] as const));
}

export interface SplitCheck {
  /** Labels to use: the committed ones, plus the computed label of each pair the committed file lacks. */
  labels: Record<string, SplitLabel>;
  /** Pairs in the KB that the committed file lacks (add them by regenerating the file). */
  added: string[];
  /** Pairs whose committed label differs from the computed one: a label moved, which must never pass silently. */
  moved: { pair: string; committed: SplitLabel; computed: SplitLabel }[];
}

/**
 * Compare the committed labels (docs/benchmark-split.json) with the labels the records give. The committed label
 * wins where both exist, so a result can never move a pair; new pairs get their computed label.
 */
export function reconcileSplit(records: readonly ClinicalStudy[], committed: Readonly<Record<string, SplitLabel>>): SplitCheck {
  const computed = splitLabels(records);
  const labels: Record<string, SplitLabel> = { ...committed };
  const added: string[] = [];
  const moved: SplitCheck['moved'] = [];
  for (const [pair, label] of Object.entries(computed)) {
    const had = committed[pair];
    if (had === undefined) {
      labels[pair] = label;
      added.push(pair);
    } else if (had !== label) moved.push({ pair, committed: had, computed: label });
  }
  return { labels: Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), added, moved };
}
