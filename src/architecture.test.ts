import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shape docs/architecture.md promises, checked on the source itself (ESLint checks the
 * file-level rules; these are the ones it cannot express): no cycle between server modules, no
 * access decided outside the policies (no role checked anywhere else, the rest of the domain
 * included), SQL only in repositories and the database layer, no presenter inside a service.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}
const importsOf = (file: string) => [...read(file).matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);

describe('architecture', () => {
  it('has no cycle between server modules', () => {
    const moduleOf = (file: string) => /src\/server\/modules\/([^/]+)\//.exec(file)?.[1];
    const edges = new Map<string, Set<string>>();
    for (const file of sources('src/server/modules')) {
      const from = moduleOf(file)!;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const to = moduleOf(path.join(path.dirname(file), spec));
        if (to && to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
      }
    }
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (trail.includes(next)) cycles.push([...trail.slice(trail.indexOf(next)), next].join(' → '));
        else visit(next, [...trail, next]);
      }
    };
    for (const node of edges.keys()) visit(node, [node]);
    expect([...new Set(cycles)]).toEqual([]);
  });

  it('decides access only in src/domain/policies', () => {
    // An actor's role read at all, any role compared (either side, or looked up in a list), a switch
    // on a role or over role names, and the ministry's office told apart by its missing province.
    const ROLE_CHECK = new RegExp(
      [
        String.raw`\b(actor|user|me)\.role\b`,
        String.raw`\.role\s*[!=]==`,
        String.raw`[!=]==\s*[\w.]*\.role\b`,
        String.raw`\.includes\(\s*[\w.]*\.role\s*\)`,
        String.raw`\bswitch\s*\(\s*[\w.]*\.role\s*\)`,
        String.raw`\bcase\s+'(admin|officer)'\s*:`,
        String.raw`\bactor\.provinceCode\s*[!=]==\s*null`,
      ].join('|'),
    );
    const scanned = [...sources('src/server'), ...sources('src/web'), ...sources('src/cli'), ...sources('src/domain')].filter(
      (file) => !file.startsWith('src/domain/policies/'),
    );
    const offenders = scanned.flatMap((file) =>
      read(file)
        .split('\n')
        .flatMap((line, i) => (ROLE_CHECK.test(line) ? [`${file}:${i + 1}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps SQL in repositories and the database layer', () => {
    const offenders = sources('src').filter(
      (file) =>
        !file.startsWith('src/server/db/') &&
        !file.endsWith('.repository.ts') &&
        importsOf(file).some((s) => s.startsWith('drizzle-orm') || /\/db\/schema(\/|$|\.js|\/index\.js)/.test(s)),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps presenters out of services', () => {
    // A row-to-contract function declared at the top of a service (`function present…` or
    // `const present… = …`) belongs in the module's `<area>.presenter.ts`; the helpers a service's
    // factory keeps to load records and hand them to a presenter are not declared at the top.
    const PRESENTER =
      /^(?:export\s+)?(?:(?:async\s+)?function\s*\*?\s*present\w*\s*[<(]|(?:const|let|var)\s+present\w*\s*(?::[^=]+)?=\s*(?:async\b|function\b|\(|<|\w+\s*=>))/;
    const offenders = sources('src/server/modules')
      .filter((file) => file.endsWith('.service.ts'))
      .flatMap((file) =>
        read(file)
          .split('\n')
          .flatMap((line, i) => (PRESENTER.test(line) ? [`${file}:${i + 1}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
