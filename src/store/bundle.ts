/**
 * The compiled KB's file format: one JSON document, build/kb.json, written by src/compiler/build.ts and read
 * by kb-store.ts. It is the KB as `KbData` (version first, then one array per record kind in compile order)
 * with two header fields in front, so `jq '.substances[] | .name' build/kb.json` works on it directly.
 */
import type { KbData } from '../core/index.js';

/** Raised when the layout changes, so an old bundle is rebuilt instead of misread. */
export const BUNDLE_FORMAT = 1;
export const BUNDLE_FILE = 'kb.json';

export interface KbBundle extends KbData {
  format: number;
  /** Hash of the YAML the bundle was compiled from (file names and bytes): the build is stale when it differs. */
  sourceHash: string;
}
