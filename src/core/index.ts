/**
 * The public face of the core: the CLI, the server, the web app, scripts and benchmarks import from here and
 * nowhere deeper (an ESLint rule holds it). Grouped by layer: kb → inputs → models → answers → render.
 */
export type { Quantity } from './schema/quantity.js';
export { RECORD_KINDS } from './schema/records.js';
export type { RecordKind } from './schema/records.js';
export { parseRegimen } from './units/parse-regimen.js';
export type { Regimen } from './units/parse-regimen.js';
export { expandToCompounds } from './kb/constituents.js';
export { convertQuantities, quantitiesIn } from './kb/convert.js';
export type { Path } from './kb/convert.js';
export { resolveSubstance, searchSubstances } from './kb/fuzzy-match.js';
export { KbIndex } from './kb/kb-index.js';
export { namesOf } from './kb/names.js';
export { auditKb, kbStats } from './kb/stats.js';
export type { KbData } from './kb/types.js';
export { parsePhenotype } from './inputs/pgx.js';
export type { Phenotype } from './inputs/pgx.js';
export { pkValue } from './inputs/pk-inputs.js';
export { planItemsFromArgs, planSimulation } from './inputs/simulation-plan.js';
export { PHENOTYPE_MULTIPLIERS, drugFromKb, enzymeTurnoverFromKb, physiologyFor, runPopulation, simulateInteraction } from './models/dynamic/index.js';
export type { DoseEvent, DrugParams, SimRoute } from './models/dynamic/index.js';
export type { InteractionResult } from './models/dynamic/interaction.js';
export { InteractionModel } from './models/dynamic/model.js';
export { runPopulationChunk, summarisePopulation } from './models/dynamic/population.js';
export type { PopulationChunk, PopulationSpec, PopulationSummary } from './models/dynamic/population.js';
export { ArmRunner } from './models/dynamic/run.js';
export { DEFAULT_SOLVE } from './models/dynamic/types.js';
export type { Physiology } from './models/dynamic/types.js';
export { staticAucRatio } from './models/static/static-ddi.js';
export type { ConcentrationOption } from './models/static/static-ddi.js';
export { briefAnswer } from './answers/brief.js';
export type { BriefAnswer } from './answers/brief.js';
export { check } from './answers/check.js';
export type { CheckResult, PairAnalysis, PkEntry, SharedNode, SideAction, Statement, Tier } from './answers/check.js';
export { checkClaim } from './answers/claims/check-claim.js';
export type { ClaimResult } from './answers/claims/check-claim.js';
export { describeSubstance } from './answers/describe.js';
export type { RelationView, SubstanceDescription } from './answers/describe.js';
export { EVIDENCE_LABEL, sourceLabel } from './answers/evidence/labels.js';
export { DEFAULT_CONCENTRATION } from './answers/predict.js';
export { buildBrief, predict } from './operations.js';
export type { PredictRequest, Prediction } from './answers/predict.js';
export { runStudy } from './answers/study.js';
export type { StudyResult } from './answers/study.js';
export { guestBand, KB_VERSION_LINE, reconcileSplit, renderBenchmarkMarkdown, runBenchmark, splitLabels, summariseBenchmark, summaryLine } from './answers/benchmark/index.js';
export type { BenchmarkEntry, BenchmarkFigures, BenchmarkModel, BenchmarkRun, Metrics, ModelAnswer, SplitLabel, SummaryLine } from './answers/benchmark/index.js';
export { renderBrief, renderBriefEn } from './render/brief.js';
export type { Brief } from './render/brief.js';
export { renderSvg } from './render/svg.js';
export type { PlotPanel } from './render/svg.js';
export { CrosstalkError, ERRORS, RETIRED_CODES, crosstalkError, errorMessage, fail, isCrosstalkError, issue, renderTemplate } from './errors.js';
export type { ErrorCode, ErrorDetails, ErrorParams, ErrorSpec, Issue, ParamValue, ThrownCode } from './errors.js';
// HTTP API: zod request and response schemas (src/core/schema/api), the limits, the phenotype planner.
export * as ApiSchemas from './schema/api/index.js';
export * from './limits.js';
export { ANCESTRIES, PHENOTYPES, planPgx } from './inputs/pgx.js';
export { pairKey, requestFor } from './answers/benchmark/index.js';
