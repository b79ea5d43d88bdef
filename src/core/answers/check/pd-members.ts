/**
 * Class inheritance for pharmacodynamic knowledge (issue 17). A record or an effect contribution written for a class
 * (`ssri`, `maoi`, `opioid`) applies to each member named on a side of the pair, unless the record lists the member
 * in `except` or the member has its own entry in the same effect class (its own evidence wins over the class's).
 * Inheritance runs downwards only: a record about one member (MDMA × moclobemide) says nothing about its class.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { EffectClass } from '../../kb/types.js';
import { belowStudiedDose } from './dose-reach.js';
import type { DailyDose, Unreached } from './dose-reach.js';

/** How a side matches an id written in the KB: itself, or as a member of that class. */
export interface SideMatch {
  /** The substance on the side of the pair that matched (a constituent, the substance itself or a named class). */
  substance: string;
  /** The class the match came through, when the KB id is a class and the substance one of its members. */
  via: string | null;
}

/** Does one of `ids` (a side: the substance, its constituents) match KB id `kbId`, directly or as a class member? */
export function matchSide(kb: KbIndex, kbId: string, ids: readonly string[], except: readonly string[] = []): SideMatch | null {
  if (ids.includes(kbId)) return { substance: kbId, via: null };
  for (const id of ids) {
    if (except.includes(id)) continue;
    if ((kb.substance(id)?.classes ?? []).includes(kbId)) return { substance: id, via: kbId };
  }
  return null;
}

export type Contributor = EffectClass['contributors'][number];
export interface InheritedContributor extends Contributor {
  /** The member of the side that contributes (for an inherited entry: the member, not the class). */
  member: string;
  /** The class the entry was written for, when inherited. */
  via: string | null;
}

/**
 * The contributions of a side to one effect class: its own entries, plus class entries for members without an own
 * entry in this effect (a member's own evidence replaces the class's, e.g. a reversible MAOI listed apart).
 */
export function contributorsFor(
  kb: KbIndex,
  effect: EffectClass,
  ids: readonly string[],
  daily?: ReadonlyMap<string, DailyDose>,
  unreached?: Unreached[],
): InheritedContributor[] {
  const all = contributorsAll(kb, effect, ids);
  if (!daily) return all;
  // Contributions whose evidence was gathered only above the dose in use are set aside (dose-reach.ts), and said.
  return all.filter((c) => {
    const d = daily.get(c.member);
    if (!belowStudiedDose(c, d)) return true;
    const t = c.studiedFromDailyDose!;
    unreached?.push({ member: c.member, effect: effect.id, dailyMg: d!.mg, studiedFrom: { value: t.value, unit: `${t.unit}/day`, source: t.source } });
    return false;
  });
}

function contributorsAll(kb: KbIndex, effect: EffectClass, ids: readonly string[]): InheritedContributor[] {
  const own = effect.contributors.filter((c) => ids.includes(c.substance)).map((c) => ({ ...c, member: c.substance, via: null }));
  const ownIds = new Set(own.map((c) => c.member));
  const inherited: InheritedContributor[] = [];
  for (const id of ids) {
    if (ownIds.has(id)) continue;
    const classes = kb.substance(id)?.classes ?? [];
    for (const c of effect.contributors)
      if (classes.includes(c.substance) && !inherited.some((x) => x.member === id && x.role === c.role)) inherited.push({ ...c, member: id, via: c.substance });
  }
  return [...own, ...inherited];
}
