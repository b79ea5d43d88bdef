/** The evidence brief as an answer (./brief/): statements with codes, parameters, evidence and sources; no prose. */
export { briefAnswer } from './brief/answer.js';
export type { BriefAnswer, BriefSectionAnswer, BriefSectionId, BriefSource } from './brief/types.js';

/** @deprecated The operation moved to src/core/brief.ts (answer + render); import it from src/core/index.ts. */
export { buildBrief } from '../brief.js';
/** @deprecated Moved to src/core/render/brief.ts; import it from src/core/index.ts. */
export { renderBrief } from '../render/brief.js';
/** @deprecated Moved to src/core/render/brief.ts; import it from src/core/index.ts. */
export type { Brief } from '../render/brief.js';
