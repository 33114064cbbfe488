// No module of src/ imports, at run time, a module that imports it back (excel-sim's own object
// graph aside: a range and its worksheet know each other, as Excel's do). Type-only imports
// vanish when compiled and do not count.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)]
    .filter((m) => !m[1] && m[2].startsWith('.'))
    .map((m) => join(dirname(file), m[2]));
  return specs.flatMap((base) =>
    [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].filter(existsSync).slice(0, 1),
  );
}

function cycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe('import cycles', () => {
  it('src/ has none outside excel-sim', () => {
    const outside = cycles(sources(join(root, 'src')))
      .filter((cycle) => !cycle.every((file) => file.includes(`${join('src', 'excel-sim')}`)))
      .map((cycle) => cycle.map((file) => relative(root, file)).join(' → '));
    expect(outside).toEqual([]);
  });

  it('finds a planted one, and not one made of type imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const a = file('a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    const b = file('b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    const c = file('c.ts', "import type { D } from './d';\nexport type C = D;\n");
    const d = file('d.ts', "import { c } from './e';\nexport type D = string;\nexport { c };\n");
    const e = file('e.ts', "import type { C } from './c';\nexport const c: C | null = null;\n");
    expect(cycles([a, b]).map((cycle) => cycle.map((f) => relative(dir, f)))).toEqual([
      ['a.ts', 'b.ts', 'a.ts'],
    ]);
    expect(cycles([c, d, e])).toEqual([]);
  });
});
