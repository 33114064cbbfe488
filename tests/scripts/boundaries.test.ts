// The layer arrows are enforced by lint: a planted wrong import in each layer must fail, and
// the same import where the arrows allow it must pass.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

const SAMPLES: [file: string, source: string][] = [
  ['src/ledger/planted.ts', "import { readLedger } from '../excel';\nexport const x = readLedger;\n"],
  ['src/ledger/planted.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
  ['src/excel/planted.ts', "import { ExcelSim } from '../excel-sim';\nexport const x = ExcelSim;\n"],
  ['src/excel/planted.ts', "import { App } from '../taskpane/App';\nexport const x = App;\n"],
  ['src/commands/planted.ts', "import { App } from '../taskpane/App';\nexport const x = App;\n"],
  ['src/taskpane/planted.ts', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n"],
  ['src/excel/planted.ts', "import { OFFICIAL_TASKS } from '../ledger';\nexport const x = OFFICIAL_TASKS;\n"],
  [
    'src/ledger/planted.ts',
    "import { OFFICIAL_TASKS } from './officialTasks';\nexport const x = OFFICIAL_TASKS;\n",
  ],
  ['src/taskpane/planted.ts', "import { readLedger } from '../excel';\nexport const x = readLedger;\n"],
  ['src/files/planted.ts', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n"],
  ['src/taskpane/panels/Planted.tsx', "import { App } from '../App';\nexport const x = App;\n"],
  [
    'src/taskpane/panels/Planted.tsx',
    "import { usePane } from '../paneContext';\nexport const x = usePane;\n",
  ],
  ['src/files/planted.ts', "import { readLedger } from '../excel';\nexport const x = readLedger;\n"],
  // Positional reads of a table (issue 27): the 变更记录 read of old, a grid cell, a header cell.
  ['src/excel/planted.ts', 'export const x = (rows: unknown[][]) => rows.map((r) => r[3]);\n'],
  ['src/excel/planted.ts', 'export const x = (rows: unknown[][]) => rows[18][3];\n'],
  ['src/ledger/planted.ts', 'export const x = (head: unknown[]) => head[7];\n'],
  ['src/files/planted.ts', 'export const x = (row: unknown[]) => row[1];\n'],
  // A single cell's value and a one-column range's cells are not positions in a table.
  [
    'src/excel/planted.ts',
    'export const x = (values: unknown[][]) => [values[0][0], values.map((r) => r[0])];\n',
  ],
];

/**
 * The project's own lint over each sample as if it were that file (nothing is written to disk).
 * ESLint loads the flat config as an ES module, so it runs in a child Node, not inside jest.
 */
function lintSamples(): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const samples = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const [file, source] of samples) {
      const [result] = await eslint.lintText(source, { filePath: file });
      const ours = ['no-restricted-imports', 'no-restricted-syntax'];
      out.push(result.messages.filter((m) => ours.includes(m.ruleId)).map((m) => m.message));
    }
    console.log(JSON.stringify(out));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(SAMPLES)], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

const messages = lintSamples();
const restricted = (i: number) => messages[i].join('\n');

jest.setTimeout(60_000);

describe('layer boundaries (eslint no-restricted-imports)', () => {
  it.each([
    [0, 'pure core'],
    [1, 'no React'],
    [2, 'never imports the simulator'],
    [3, 'never the other way round'],
    [4, 'without the pane'],
    [5, 'Only src/files'],
    [10, 'through paneContext'],
    [12, 'no Office call'],
  ])('planted import %i fails lint, saying "%s"', (i, says) => {
    expect(restricted(i)).toContain(says);
    expect(SAMPLES[i][0]).toMatch(/^src\//);
  });

  it.each([13, 14, 15, 16])('planted positional read %i fails lint', (i) => {
    expect(restricted(i)).toContain('A table cell by position');
  });

  it('allows a single cell and a one-column range', () => {
    expect(restricted(17)).toBe('');
  });

  it('allows what the arrows allow', () => {
    for (const i of [6, 7, 8, 9, 11]) expect([SAMPLES[i][0], restricted(i)]).toEqual([SAMPLES[i][0], '']);
  });
});
