/** The dynamic interaction simulator (MODEL.md §2–3): model, runner, paired arms, populations, KB adapter, plots. */
export * from './types.js';
export { InteractionModel, STRIDE, GUT, FAST, LIV, CEN, PER, AUC, ELIM, type EnzymeStateInfo } from './model.js';
export { ArmRunner, accountedUmol, type ArmResult, type DrugExposure } from './run.js';
export { fitTerminal, summarise, type ExposureSummary, type TerminalFit } from './metrics.js';
export { simulateInteraction, type InteractionRequest, type InteractionResult, type CompoundResult, type Ratios, type SubstanceGroup, type Curve } from './interaction.js';
export { explain } from '../../render/dynamic-diagnostics.js';
export { physiologyFor, type UsedParameter } from '../../inputs/physiology.js';
export { derivePk, type PkInput, type PkDerived } from './parameterise.js';
export { drugFromKb, enzymeTurnoverFromKb, type DrugFromKb } from '../../inputs/sim-drug.js';
export { Rng, RNG_ALGORITHM, splitmix32 } from './rng.js';
export { ANCESTRIES, ANCESTRY_TABLES, PHENOTYPE_MULTIPLIERS, parsePhenotype, planPgx, type Phenotype } from '../../inputs/pgx.js';
export { runPopulation, runPopulationChunk, summarisePopulation, DEFAULT_CV, type PopulationSpec, type PopulationSummary, type PopulationChunk } from './population.js';
export { predictDynamic, DEFAULT_PERPETRATOR_DAYS, RANGE_SUBJECTS, RANGE_SEED, RANGE_STEP_BUDGET, type DynamicPrediction, type DynamicPredictionRequest } from '../../answers/dynamic-prediction.js';
