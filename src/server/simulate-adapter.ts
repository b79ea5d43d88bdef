/**
 * Bridge from the HTTP request to the dynamic simulator in src/core/sim. Until the simulator exposes its
 * entry point this answers 503 SIM_UNAVAILABLE, and the web app shows the static prediction with a
 * "simulation unavailable" note: never a made-up curve.
 */
import type { KbIndex } from '../core/kb/kb-index.js';

export interface SimulateBody {
  victim: string;
  perpetrator: string;
  victimDose?: string;
  perpetratorDose?: string;
  phenotype?: 'PM' | 'IM' | 'NM' | 'UM';
  population?: number;
  horizonH?: number;
  seed?: number;
}

export const SIM_CAPS = { population: 500, horizonH: 24 * 14 } as const;

export class SimUnavailableError extends Error {
  readonly statusCode = 503;
  readonly code = 'SIM_UNAVAILABLE';
}

export async function runSimulation(_kb: KbIndex, _b: SimulateBody): Promise<unknown> {
  throw new SimUnavailableError('simulate: the dynamic simulator is not available in this build; the static prediction (/api/predict) still is');
}
