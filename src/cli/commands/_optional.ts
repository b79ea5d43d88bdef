import type { Command } from 'commander';
import type { CliDeps } from '../io.js';

/**
 * Commands that live in their own modules. Each module exports `register(program, deps)`; listing them
 * here keeps main.ts short.
 */
export async function registerOptional(program: Command, deps: CliDeps): Promise<void> {
  const mods = [
    ['./engine.js', 'registerEngine'],
    ['./simulate.js', 'registerSimulate'],
    ['./study.js', 'registerStudy'],
    ['./serve.js', 'registerServe'],
    ['./benchmark.js', 'registerBenchmark'],
  ] as const;
  for (const [path, name] of mods) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(path)) as Record<string, unknown>;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(path.slice(2, -3))) continue;
      throw e;
    }
    const fn = mod[name];
    if (typeof fn === 'function') (fn as (p: Command, d: CliDeps) => void)(program, deps);
  }
}
