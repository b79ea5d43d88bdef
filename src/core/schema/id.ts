import { z } from 'zod';

/** Stable ids: lower-case kebab, digits allowed (e.g. `mitragynine`, `7-hydroxymitragynine`, `cyp3a4`). */
export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case kebab-case (a-z, 0-9, -)');
