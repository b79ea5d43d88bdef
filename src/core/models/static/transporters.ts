/**
 * Transporter–enzyme interplay in the static model (MODEL.md §7; extended clearance in its static "net-effect"
 * form after Yoshida, Maeda & Sugiyama 2012 and Varma et al. 2013/2014). Three places a transporter changes a
 * victim's exposure, each a reversible-inhibition term of the same shape as the enzyme C term:
 *
 * - hepatic uptake (OATP1B1/1B3): the victim's sinusoidal uptake clearance PS = Σ_t PS_t + PS_rest falls to
 *   U = Σ_t ft_t / (1 + I_t/Ki_t) + (1 − Σ_t ft_t) of itself, with ft_t the fraction of uptake through t and I the
 *   unbound hepatic inlet concentration. In the extended clearance concept CLint,h = PS_inf · CLmet / (CLmet + PS_eff);
 *   when metabolism limits (CLmet ≪ PS_eff) the liver-to-plasma unbound ratio Kp,uu = PS_inf/PS_eff falls with
 *   uptake, so uptake and enzyme inhibition multiply: CLint,h' / CLint,h = U · S_h. (When uptake limits, enzyme
 *   inhibition in the liver would not count at all; the multiplicative form is the one MODEL.md §7 asks for and the
 *   upper bound of the two.) Only the hepatic share fH of clearance is scaled:
 *     scale = U · (Σ_e fm_e·A·B·C + fH − Σ_e fm_e) + (1 − fH)
 *   which is the enzyme-only scale Σ fm·ABC + 1 − Σ fm when U = 1 and fH = 1.
 * - intestinal efflux (P-gp/BCRP): absorption across the gut wall competes with efflux back to the lumen, F_abs =
 *   P / (P + Σ_t E_t). With ft_t = E_t / (P + Σ E) (the fraction of the dose transporter t keeps out), inhibition
 *   gives F'/F = 1 / (Σ_t ft_t·C_t + 1 − Σ_t ft_t), C_t = 1/(1 + Igut/Ki_t): the Fg formula of §1.3 with efflux in
 *   place of gut metabolism. Igut is the enterocyte concentration the gut enzyme terms read (Fa·ka·Dose/Qent; the
 *   regulatory screening option keeps the FDA's dose/250 mL), chosen on the tune split (static-ddi.ts).
 * - elimination efflux (renal or biliary secretion by P-gp, e.g. digoxin): a share fe_t of systemic clearance, at
 *   the unbound systemic peak: scale += Σ_t fe_t·(C_t − 1).
 *
 * Induction of a transporter's expression enters each term as the enzyme model's B term does: the activity left is
 * C·D, with D = 1 + Σ d·(Emax − 1)·I·onset/(I + EC50) at the enterocyte concentration in the gut and the unbound
 * systemic peak elsewhere, and only at the site the induction was measured when the record names one (rifampicin's
 * duodenal P-gp). An induced efflux transporter keeps more of the dose out: F'/F < 1.
 *
 * Combined multiplicatively with the enzyme part: AUCR = gut(enzymes) · gut(efflux) / scale. Pure arithmetic.
 */

/**
 * A perpetrator's effect at one transporter: an inhibition constant (unbound where the source allows, µM), an
 * induction of the transporter's expression, or both.
 */
export interface TransporterEffect {
  kiUM?: number;
  induction?: TransporterInduction;
}

/**
 * Induction of a transporter's expression (rifampicin raises duodenal P-gp about 3.5-fold): fold at saturation, unbound
 * EC50 (µM), the site the record measured it at (gut: the intestinal efflux term only; liver: hepatic uptake only;
 * undefined: every term, secretion included), and the share of the steady-state induction the victim's dose meets
 * (the same turnover onset as enzyme induction, 1 at steady state).
 */
export interface TransporterInduction {
  emaxFold: number;
  ec50UM: number;
  site?: 'gut' | 'liver';
  onset: number;
}

/** One victim fraction with the range the uncertainty draws sample (low = high = value when none is known). */
export interface Fraction {
  value: number;
  low: number;
  high: number;
}

/** What the static model knows about how transporters carry a victim. Every map may be empty. */
export interface VictimTransport {
  /** Fraction of the victim's systemic clearance that is hepatic. */
  fHepatic: Fraction;
  /** Uptake transporter → fraction of hepatic uptake clearance through it. */
  hepaticUptake: Record<string, Fraction>;
  /** Efflux transporter → fraction of an oral dose it keeps from absorption. */
  gutEfflux: Record<string, Fraction>;
  /** Efflux transporter → fraction of systemic clearance by its (renal or biliary) secretion. */
  eliminationEfflux: Record<string, Fraction>;
}

/**
 * Which perpetrator concentration the hepatic uptake term reads (settled on the benchmark's tune split,
 * docs/model-choices.md): the unbound hepatic inlet peak (MODEL.md §7, FDA 2020 for OATP1B), the unbound systemic
 * peak, or the total (bound + unbound) hepatic inlet peak. OATP constants are measured in protein-free buffer, and
 * plasma albumin can hand bound drug to the sinusoidal membrane, so the unbound inlet is the lower bound of what the
 * transporter meets and the total inlet the upper one; the unbound inlet under-predicted all 17 tune OATP studies.
 */
export type UptakeConcentration = 'inlet_max_u' | 'systemic_max_u' | 'inlet_max_total';

/** The concentrations one perpetrator presents to transporters (µM; unbound unless the name says total). */
export interface TransporterConcentrations {
  inletUM: number;
  /** Bound + unbound hepatic inlet peak (the uptake option `inlet_max_total`). */
  inletTotalUM: number;
  systemicUM: number;
  gutUM: number;
  /**
   * Unbound enterocyte concentration (Fa·ka·Dose/Qent), read by gut induction like the enzyme model's gut induction;
   * the inhibition term reads gutUM (dose/250 mL, the FDA gut concentration for P-gp). Defaults to gutUM.
   */
  enterocyteUM?: number;
}

export interface TransporterMechanism {
  transporter: string;
  kind: 'uptake' | 'efflux';
  site: 'liver' | 'gut' | 'kidney';
  /** The AUC ratio this term alone gives. */
  aucRatio: number;
}

export interface TransporterTerms {
  /** Fraction of hepatic uptake clearance left (1 = untouched). */
  uptakeScale: number;
  /** F'/F from intestinal efflux inhibition (1 for an IV victim). */
  gutRatio: number;
  /** Σ fe_t·(C_t − 1): the change in the systemic clearance scale from elimination efflux. */
  eliminationShift: number;
  mechanisms: TransporterMechanism[];
}

function uptakeConcentrationOf(c: TransporterConcentrations, option: UptakeConcentration): number {
  return option === 'inlet_max_u' ? c.inletUM : option === 'inlet_max_total' ? c.inletTotalUM : c.systemicUM;
}

/** Σ I/Ki over perpetrators at one transporter (competitive inhibitors add inside the term, as for enzymes). */
function inhibitionSum(t: string, perps: { effects: Record<string, TransporterEffect> | undefined; iUM: number }[]): number {
  let s = 0;
  for (const { effects, iUM } of perps) {
    const k = effects?.[t]?.kiUM;
    if (k !== undefined && k > 0 && iUM > 0) s += iUM / k;
  }
  return s;
}

/**
 * Fold induction of one transporter at one site, summed over perpetrators as the enzyme model's B term sums them:
 * 1 + Σ d·(Emax − 1)·I·onset/(I + EC50). A record measured at one site (duodenal biopsies) acts at that site only.
 */
function inductionFold(t: string, site: 'gut' | 'liver' | 'secretion', perps: { effects: Record<string, TransporterEffect> | undefined; iUM: number }[], d: number): number {
  let s = 0;
  for (const { effects, iUM } of perps) {
    const ind = effects?.[t]?.induction;
    if (!ind || (ind.site !== undefined && ind.site !== site) || !(iUM > 0)) continue;
    s += (d * (ind.emaxFold - 1) * iUM * ind.onset) / (iUM + ind.ec50UM);
  }
  return 1 + s;
}

const value = (m: Record<string, Fraction>): Record<string, number> => Object.fromEntries(Object.entries(m).map(([k, f]) => [k, f.value]));

/**
 * The three transporter terms for a victim and its perpetrators. `fractions` overrides the point fractions (Monte
 * Carlo draws); `breakdown` adds the per-transporter ratios.
 */
export function transporterTerms(
  victim: VictimTransport,
  route: 'oral' | 'iv',
  perps: { transporters?: Record<string, TransporterEffect>; c: TransporterConcentrations }[],
  option: UptakeConcentration,
  fractions?: { hepaticUptake: Record<string, number>; gutEfflux: Record<string, number>; eliminationEfflux: Record<string, number>; fHepatic: number },
  breakdown = true,
  /** Induction calibration factor d, as for enzymes (Physiology.d). */
  inductionD = 1,
): TransporterTerms {
  const f = fractions ?? { hepaticUptake: value(victim.hepaticUptake), gutEfflux: value(victim.gutEfflux), eliminationEfflux: value(victim.eliminationEfflux), fHepatic: victim.fHepatic.value };
  const at = (site: 'inlet' | 'gut' | 'systemic' | 'enterocyte') =>
    perps.map((x) => ({
      effects: x.transporters,
      iUM: site === 'gut' ? x.c.gutUM : site === 'enterocyte' ? (x.c.enterocyteUM ?? x.c.gutUM) : site === 'systemic' ? x.c.systemicUM : uptakeConcentrationOf(x.c, option),
    }));
  const mechanisms: TransporterMechanism[] = [];
  // Activity left at a transporter: reversible inhibition C times induced expression D (the enzyme model's C·B). The
  // induction reads the concentration the enzyme model's induction reads at that site: the enterocyte in the gut, the
  // unbound systemic peak elsewhere (induction integrates exposure over days of turnover, not the inlet peak).
  const cOf = (t: string, site: 'inlet' | 'gut' | 'systemic'): number => {
    const c = 1 / (1 + inhibitionSum(t, at(site)));
    const d = site === 'gut' ? inductionFold(t, 'gut', at('enterocyte'), inductionD) : inductionFold(t, site === 'inlet' ? 'liver' : 'secretion', at('systemic'), inductionD);
    return c * d;
  };

  let sumFt = 0;
  let uptake = 0;
  for (const [t, ft] of Object.entries(f.hepaticUptake)) {
    const c = cOf(t, 'inlet');
    sumFt += ft;
    uptake += ft * c;
    if (breakdown && c !== 1) mechanisms.push({ transporter: t, kind: 'uptake', site: 'liver', aucRatio: 1 / (f.fHepatic * (ft * c + 1 - ft) + 1 - f.fHepatic) });
  }
  const uptakeScale = uptake + Math.max(0, 1 - sumFt);

  let gutRatio = 1;
  if (route === 'oral') {
    let sumE = 0;
    let eff = 0;
    for (const [t, ft] of Object.entries(f.gutEfflux)) {
      const c = cOf(t, 'gut');
      sumE += ft;
      eff += ft * c;
      if (breakdown && c !== 1) mechanisms.push({ transporter: t, kind: 'efflux', site: 'gut', aucRatio: 1 / (ft * c + 1 - ft) });
    }
    gutRatio = 1 / (eff + Math.max(0, 1 - sumE));
  }

  let eliminationShift = 0;
  for (const [t, fe] of Object.entries(f.eliminationEfflux)) {
    const c = cOf(t, 'systemic');
    eliminationShift += fe * (c - 1);
    if (breakdown && c !== 1) mechanisms.push({ transporter: t, kind: 'efflux', site: 'kidney', aucRatio: 1 / (1 + fe * (c - 1)) });
  }
  return { uptakeScale, gutRatio, eliminationShift, mechanisms };
}

/**
 * The systemic clearance scale with transporters: U · (enzyme-adjusted hepatic share) + non-hepatic share + the
 * elimination-efflux shift. `enzymeAcc` = Σ fm·A·B·C and `sumFm` = Σ fm, both as fractions of total clearance; the
 * hepatic share is at least Σ fm (fm are hepatic pathways).
 */
export function clearanceScale(enzymeAcc: number, sumFm: number, fHepatic: number, t: Pick<TransporterTerms, 'uptakeScale' | 'eliminationShift'>): number {
  const fH = Math.min(1, Math.max(fHepatic, sumFm));
  const hepatic = t.uptakeScale * (enzymeAcc + fH - Math.min(sumFm, fH));
  // A scale at or below zero would be an infinite AUC: the fractions cannot all be blocked at once.
  return Math.max(1e-6, hepatic + (1 - fH) + t.eliminationShift);
}

/** No transporter data: every term is 1 and the clearance scale is the enzyme-only one. */
export const NO_TRANSPORT: VictimTransport = { fHepatic: { value: 1, low: 1, high: 1 }, hepaticUptake: {}, gutEfflux: {}, eliminationEfflux: {} };

export function hasTransport(v: VictimTransport | undefined): v is VictimTransport {
  return !!v && Object.keys(v.hepaticUptake).length + Object.keys(v.gutEfflux).length + Object.keys(v.eliminationEfflux).length > 0;
}
