/**
 * The mechanistic static model behind the common model interface (MODEL.md §1.3: Fahmi et al. 2008; FDA 2020):
 * point AUC ratio with gut and liver components, a Cmax ratio (one compartment, §1.4), the per-mechanism breakdown,
 * one answer per fm source, and a Monte Carlo uncertainty interval. Pure: its inputs are numbers, not KB records.
 */
import type { ExposureModel, Interval, Mechanism, ModelAnswer } from '../model.js';
import { staticUncertainty, type FmDraw } from './monte-carlo.js';
import type { VictimTransport } from './transporters.js';
import { cmaxRatio, staticAucRatio, type ConcentrationOption, type EnzymeEffect, type PerpetratorInput, type Physiology } from './static-ddi.js';

export interface StaticModelInputs {
  route: 'oral' | 'iv';
  /** fm scenarios, one per source; the first gives the point estimate. */
  fmScenarios: (FmDraw & { source: string })[];
  fg: number;
  /** How transporters carry the victim (MODEL.md §7); undefined = enzymes only. */
  transport?: VictimTransport;
  perpetrators: PerpetratorInput[];
  alternatives: Record<string, Record<string, EnzymeEffect[]>>;
  physiology: Physiology;
  option: ConcentrationOption;
  /** Victim's hepatic availability and one-compartment absorption/elimination, for the Cmax ratio. */
  fh: number;
  kaPerH: number | undefined;
  kPerH: number | undefined;
  draws: number;
  seed: number;
  /** Model-structure uncertainty on the log effect (see monte-carlo.ts). */
  structuralLogSd: number;
}

export interface StaticModelAnswer extends ModelAnswer {
  model: 'static';
  aucRatio: number;
  cmaxRatio: number;
  gutRatio: number;
  liverRatio: number;
  concentrationsUM: Record<string, { ih: number; ig: number; imaxU: number }>;
  /** The 5–95 % interval from parameter draws alone (the uncertainty label reads it; `uncertainty` adds model structure). */
  parameterInterval: Interval;
  /** The AUC ratio under each fm source. */
  scenarios: { source: string; aucRatio: number }[];
}

export const staticModel: ExposureModel<StaticModelInputs, StaticModelAnswer> = {
  name: 'static',
  predict(x: StaticModelInputs): StaticModelAnswer {
    const first = x.fmScenarios[0]!;
    const res = staticAucRatio({ route: x.route, fm: first.fm, fg: x.fg, transport: x.transport }, x.perpetrators, x.physiology, x.option);
    const cm = cmaxRatio({ gutRatio: res.gutRatio, hepaticClearanceScale: res.hepaticClearanceScale, fh: x.fh, kaPerH: x.kaPerH, kPerH: x.kPerH, route: x.route });
    const { total: uncertainty, parameters: parameterInterval } = staticUncertainty({ ...x, route: x.route });
    const scenarios = x.fmScenarios.map((s) => ({
      source: s.source,
      aucRatio: staticAucRatio({ route: x.route, fm: s.fm, fg: x.fg, transport: x.transport }, x.perpetrators, x.physiology, x.option, false).aucRatio,
    }));
    return {
      model: 'static',
      status: 'answered',
      missing: [],
      aucRatio: res.aucRatio,
      cmaxRatio: cm.ratio,
      cmaxMethod: cm.method,
      mechanisms: res.mechanisms as Mechanism[],
      assumptions: [],
      studiesRead: [],
      uncertainty,
      parameterInterval,
      variability: null,
      gutRatio: res.gutRatio,
      liverRatio: res.liverRatio,
      concentrationsUM: Object.fromEntries(Object.entries(res.concentrations).map(([k, c]) => [k, { ih: c.ihUM, ig: c.igUM, imaxU: c.imaxUUM }])),
      scenarios,
    };
  },
};
