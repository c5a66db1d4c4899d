import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layer rule of ARCHITECTURE.md, enforced: each folder under src/ may import only the layers
 * listed here, and only through their index.ts. Tests and test-support are outside the rule.
 */
const allowed: Record<string, string[]> = {
  model: [],
  semantic: ['model'],
  warehouse: ['semantic'],
  catalog: ['model', 'semantic', 'warehouse'],
  demo: ['catalog'],
  project: ['model', 'semantic', 'warehouse', 'store'],
  store: ['model'],
  sync: ['model', 'semantic', 'warehouse', 'store'],
  analysis: [],
  explain: ['model', 'analysis'],
  monitor: ['model', 'store', 'analysis'],
  investigate: ['model', 'semantic', 'store', 'explain', 'analysis'],
  actions: ['model', 'store', 'analysis'],
  access: ['model', 'store'],
  server: ['*'],
  cli: ['*'],
};

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test-support' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(test|cases)\.ts$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
}

const layerOf = (path: string) => relative(src, path).split(sep)[0]!;

describe('architecture', () => {
  const files = sourceFiles(src);

  it('knows every folder under src/', () => {
    expect(files.length).toBeGreaterThan(50);
    expect([...new Set(files.map(layerOf))].filter((layer) => !(layer in allowed))).toEqual([]);
  });

  it('imports point down the layers, through index.ts', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const specifier of imports(file)) {
        const target = resolve(dirname(file), specifier);
        const to = layerOf(target);
        if (to === from) continue;
        const where = `${relative(src, file)} imports ${specifier}`;
        if (!allowed[from]!.includes('*') && !allowed[from]!.includes(to)) violations.push(`${where}: ${from} may not import ${to}`);
        if (relative(join(src, to), target) !== 'index.js') violations.push(`${where}: import another layer through its index.ts`);
      }
    }
    expect(violations).toEqual([]);
  });
});
