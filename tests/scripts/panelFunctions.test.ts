// Panels only render: a panel's state lives in its hook and its workflows in plain functions, so
// no function in src/taskpane/panels grows past 120 lines (issue 27).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionLengths } from './functionLengths';

const ROOT = join(__dirname, '..', '..');
const LIMIT = 120;

test('every function in src/taskpane/panels is at most 120 lines', () => {
  const found = functionLengths(join(ROOT, 'src', 'taskpane', 'panels'), ROOT);
  expect(found.length).toBeGreaterThan(50);
  const long = found.filter((f) => f.lines > LIMIT).map((f) => `${f.file}:${f.line} ${f.name} (${f.lines})`);
  expect(long).toEqual([]);
});

test('a long arrow, a long declaration and a long method are each measured whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lengths-'));
  try {
    const body = Array.from({ length: LIMIT }, (_, i) => `  const v${i} = ${i};`).join('\n');
    writeFileSync(
      join(dir, 'long.tsx'),
      [
        `export function declared() {\n${body}\n}`,
        `export const arrow = () => {\n${body}\n};`,
        `export class Holder {\n  method() {\n${body}\n  }\n}`,
        `export const short = () => 1;`,
      ].join('\n'),
    );
    const lengths = functionLengths(dir, dir).map((f) => [f.name, f.lines]);
    expect(lengths).toEqual([
      ['declared', LIMIT + 2],
      ['arrow', LIMIT + 2],
      ['method', LIMIT + 2],
      ['short', 1],
    ]);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
