/**
 * Plain-English claims → structured claims. Deliberately a small set of patterns: a claim we cannot map
 * gets `unrecognized` with the forms we understand, never a guess.
 */
export type ClaimKind =
  | 'unrelated'
  | 'shares-target'
  | 'shares-enzyme'
  | 'increases-exposure'
  | 'decreases-exposure'
  | 'safe-together'
  | 'beneficial'
  | 'treats';

export interface StructuredClaim {
  kind: ClaimKind;
  /** Substance names as written (resolved later against the KB). For exposure claims, `a` acts on `b`. */
  a: string;
  b?: string;
  /** Target, enzyme or condition named in the claim, if any. */
  detail?: string;
}

export const CLAIM_FORMS = [
  '"<A> and <B> are pharmacologically unrelated" (also: have nothing to do with each other, work on separate systems, do not interact)',
  '"<A> and <B> share receptors" / "<A> and <B> both act on <receptor>"',
  '"<A> and <B> share liver enzymes" / "<A> and <B> are both metabolised by <enzyme>"',
  '"<A> raises <B> levels" (also: increases, boosts) / "<A> lowers <B> levels"',
  '"it is safe to mix <A> and <B>" / "combining <A> and <B> is safe"',
  '"<A> and <B> are synergistic" / "combining <A> and <B> is beneficial"',
  '"<A> treats <condition>" (also: cures, helps with)',
];

const NAME = "([a-z0-9][a-z0-9 '\\-.]*?)";
const ENT = `(?:the )?${NAME}`;
const LEVELS = "(?:'s)?(?: blood)?(?: levels?| exposure| concentrations?| effects?)?";

function clean(s: string): string {
  return s
    .replace(/^(?:the|a|an|some)\s+/, '')
    .replace(/\s+(?:levels?|exposure|concentrations?)$/, '')
    .replace(/'s$/, '')
    .trim();
}

const PATTERNS: { re: RegExp; kind: ClaimKind; map: (m: RegExpMatchArray) => Omit<StructuredClaim, 'kind'> }[] = [
  {
    re: new RegExp(`^${ENT} and ${ENT} are (?:pharmacologically |chemically |completely |totally |entirely )*(?:unrelated|not related|independent|separate)(?: to each other| substances)?$`),
    kind: 'unrelated',
    map: (m) => ({ a: m[1]!, b: m[2]! }),
  },
  {
    re: new RegExp(`^${ENT} and ${ENT} (?:have nothing to do with each other|(?:do not|don't|dont|never) interact|work (?:on|through) (?:different|separate) (?:systems|pathways)|act on (?:different|separate) (?:systems|receptors))$`),
    kind: 'unrelated',
    map: (m) => ({ a: m[1]!, b: m[2]! }),
  },
  {
    re: new RegExp(`^${ENT} (?:has nothing to do with|(?:does not|doesn't|doesnt) interact with|is unrelated to) ${ENT}$`),
    kind: 'unrelated',
    map: (m) => ({ a: m[1]!, b: m[2]! }),
  },
  {
    re: new RegExp(`^${ENT} and ${ENT} (?:both )?(?:share|act (?:on|at)|bind(?: to)?|hit|work (?:on|through)) (?:the same |a common |common )?(?:([a-z0-9 \\-]+?) )?receptors?$`),
    kind: 'shares-target',
    map: (m) => ({ a: m[1]!, b: m[2]!, detail: m[3]?.trim() || undefined }),
  },
  {
    re: new RegExp(`^${ENT} and ${ENT} (?:both )?(?:act (?:on|at)|bind(?: to)?) (?:the )?(cb1|cb2|mor|mu[- ]opioid|kappa|delta|5-?ht\\w*|d2|trpv1|gpr55|[a-z0-9-]+ receptor)$`),
    kind: 'shares-target',
    map: (m) => ({ a: m[1]!, b: m[2]!, detail: m[3] }),
  },
  {
    re: new RegExp(`^${ENT} and ${ENT} (?:both )?(?:share|use|compete for|are (?:both )?(?:metaboli[sz]ed|broken down|processed) by) (?:the same |common )?(?:liver )?(cyp[0-9a-z]+|enzymes?|liver enzymes?|cytochromes?(?: p450)?)$`),
    kind: 'shares-enzyme',
    map: (m) => ({ a: m[1]!, b: m[2]!, detail: /^cyp/.test(m[3]!) ? m[3] : undefined }),
  },
  {
    re: new RegExp(`^${ENT} (?:raises|increases|boosts|elevates|doubles|makes) ${ENT}${LEVELS}(?: (?:higher|stronger))?$`),
    kind: 'increases-exposure',
    map: (m) => ({ a: m[1]!, b: clean(m[2]!) }),
  },
  {
    re: new RegExp(`^${ENT} (?:lowers|decreases|reduces|cuts) ${ENT}${LEVELS}$`),
    kind: 'decreases-exposure',
    map: (m) => ({ a: m[1]!, b: clean(m[2]!) }),
  },
  {
    re: new RegExp(`^(?:it(?:'s| is) )?(?:safe|fine|ok|okay|harmless) to (?:mix|combine|take|use) ${ENT} (?:and|with) ${ENT}(?: together)?$`),
    kind: 'safe-together',
    map: (m) => ({ a: m[1]!, b: m[2]! }),
  },
  {
    re: new RegExp(`^(?:combining|mixing|taking|using) ${ENT} (?:and|with) ${ENT}(?: together)? is (?:safe|fine|ok|okay|harmless)$`),
    kind: 'safe-together',
    map: (m) => ({ a: m[1]!, b: m[2]! }),
  },
  {
    re: new RegExp(`^${ENT} and ${ENT} are (?:safe|fine|ok|okay) (?:together|to combine|to mix)$`),
    kind: 'safe-together',
    map: (m) => ({ a: m[1]!, b: m[2]! }),
  },
  {
    re: new RegExp(`^${ENT} and ${ENT} (?:are synergistic|work (?:well|better) together|enhance each other|have an entourage effect|complement each other)$`),
    kind: 'beneficial',
    map: (m) => ({ a: m[1]!, b: m[2]! }),
  },
  {
    re: new RegExp(`^(?:combining|mixing|taking) ${ENT} (?:and|with) ${ENT}(?: together)? is (?:beneficial|good|helpful|synergistic|better)(?: for .*)?$`),
    kind: 'beneficial',
    map: (m) => ({ a: m[1]!, b: m[2]! }),
  },
  {
    re: new RegExp(`^${ENT} (?:treats|cures|helps(?: with)?|relieves|is good for|works for) ([a-z0-9 '\\-]+)$`),
    kind: 'treats',
    map: (m) => ({ a: m[1]!, detail: m[2]!.trim() }),
  },
];

/** Normalise and match a claim; null when no known form fits. */
export function parseClaim(text: string): StructuredClaim | null {
  const t = text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[“”"]/g, '')
    .replace(/[.!?]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const p of PATTERNS) {
    const m = t.match(p.re);
    if (m) {
      const r = p.map(m);
      return { kind: p.kind, ...r, a: clean(r.a), b: r.b !== undefined ? clean(r.b) : undefined };
    }
  }
  return null;
}
