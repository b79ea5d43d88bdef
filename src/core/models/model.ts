import type { Statement } from '../schema/statement.js';

/** One mechanism's contribution: the AUC ratio it alone would give. */
export interface Mechanism {
  /** The enzyme, or the transporter for `uptake` and `efflux` (MODEL.md §7). */
  enzyme: string;
  kind: 'reversible' | 'time-dependent' | 'induction' | 'uptake' | 'efflux';
  site: 'gut' | 'liver' | 'kidney';
  aucRatio: number;
}

/** A 5th–95th percentile interval and how it was made. */
export interface Interval {
  low: number;
  high: number;
  method: string;
}

/**
 * What every exposure model returns (static, dynamic, and the clinically anchored model to come): the ratios or
 * grey with what is missing, the mechanisms, the assumptions it made, the observed studies it read (always empty
 * for the mechanistic models), an uncertainty interval (parameters and structure) and, apart from it, population
 * variability where the model simulates people.
 */
export interface ModelAnswer {
  model: 'static' | 'dynamic' | 'anchored';
  status: 'answered' | 'grey';
  missing: Statement[];
  aucRatio: number | null;
  cmaxRatio: number | null;
  cmaxMethod: string | null;
  mechanisms: Mechanism[];
  assumptions: Statement[];
  /** Ids of observed clinical studies the model read. The mechanistic models read none. */
  studiesRead: string[];
  uncertainty: Interval | null;
  variability: Interval | null;
}

/** A model: pure numerics from its own inputs type; no KB access, no I/O. */
export interface ExposureModel<I, A extends ModelAnswer = ModelAnswer> {
  readonly name: ModelAnswer['model'];
  predict(inputs: I): A;
}
