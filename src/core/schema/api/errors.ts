import { z } from 'zod';
import { ERRORS, type ErrorCode } from '../../errors.js';

/** A code of the error registry (src/core/errors.ts, docs/errors.md): clients may match on it. */
export const ErrorCodeJson = z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]);
export type ErrorCodeJson = z.infer<typeof ErrorCodeJson>;

/** What an error's `details` may carry: the field, nearest names, the cap, every issue of a rejected input. */
export const ErrorDetailsJson = z
  .object({
    field: z.string().optional(),
    suggestions: z.array(z.string()).optional(),
    cap: z.number().optional(),
    issues: z.array(z.object({ field: z.string(), message: z.string() }).strict()).optional(),
    file: z.string().optional(),
    line: z.number().optional(),
  })
  // Engine errors may add context of their own (e.g. `tH` of a solver failure); details stay open on purpose.
  .catchall(z.unknown());
export type ErrorDetailsJson = z.infer<typeof ErrorDetailsJson>;

/**
 * Every error the API returns: a registry code (docs/errors.md), a message naming the field, what is wrong and
 * the fix, a hint, and details.
 */
export const ErrorBodyJson = z
  .object({
    code: ErrorCodeJson,
    message: z.string().meta({ example: "substances[1]: no substance called 'kratum' in the knowledge base; did you mean Kratom?" }),
    hint: z.string(),
    details: ErrorDetailsJson,
  })
  .strict()
  .meta({ description: 'Every error: a registry code, a message naming the field, a hint on how to fix it, and details.' });
export type ErrorBodyJson = z.infer<typeof ErrorBodyJson>;
