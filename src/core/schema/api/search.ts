import { z } from 'zod';
import { SubstanceKind } from './common.js';

/** One search hit: the substance, the name that matched (synonym, brand, slang, Latin or the name) and a score. */
export const SearchHitJson = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: SubstanceKind,
    matched: z.string().meta({ description: 'The name that matched (synonym, brand, slang, Latin or the name)' }),
    score: z.number().meta({ description: '1 for an exact match, lower for prefix, substring and typo matches' }),
  })
  .strict();
export type SearchHitJson = z.infer<typeof SearchHitJson>;

/** GET /api/search: hits, best first. */
export const SearchResultJson = z.array(SearchHitJson);
export type SearchResultJson = z.infer<typeof SearchResultJson>;
