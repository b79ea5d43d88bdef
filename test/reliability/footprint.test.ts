/**
 * Production footprint (issue 15 §8): what production installs and runs. Each check failed before the change it
 * guards: build tools were runtime dependencies, the CLI ran TypeScript through the tsx loader, and two transitive
 * dependencies (content-disposition 3.x, cookie 2.x) required Node 22 while the README declares 20.19+.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};
// semver ships with fastify (a runtime dependency), so it is installed wherever the server is.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion: (range: string) => { version: string } | null;
  satisfies: (version: string, range: string, opts?: { includePrerelease?: boolean }) => boolean;
};

describe('production footprint (issue 15 §8)', () => {
  it('build and test tools are not runtime dependencies', () => {
    const buildTools = ['vite', '@vitejs/plugin-react', 'tsx', 'typescript', 'vitest', 'eslint', '@playwright/test', 'esbuild'];
    expect(Object.keys(pkg.dependencies).filter((d) => buildTools.includes(d))).toEqual([]);
  });

  it('the CLI runs compiled JavaScript, not TypeScript through a loader', () => {
    const bin = readFileSync(join(root, 'bin', 'crosstalk.js'), 'utf8');
    expect(bin).not.toMatch(/from ['"]tsx/);
    expect(bin).toMatch(/dist\/cli\/main\.js/);
  });

  it('every package a production install holds supports the oldest Node the README declares', () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version; // 20.19.0
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`Node ${oldest.replace(/\.0$/, '')}+`);
    const paths = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((p) => p.includes('node_modules'));
    expect(paths.length).toBeGreaterThan(20);
    const refusing = paths.flatMap((p) => {
      const m = JSON.parse(readFileSync(join(p, 'package.json'), 'utf8')) as { name: string; version: string; engines?: { node?: string } };
      const range = m.engines?.node;
      return range && !semver.satisfies(oldest, range, { includePrerelease: true }) ? [`${m.name}@${m.version} needs node ${range}`] : [];
    });
    expect(refusing).toEqual([]);
  });
});
