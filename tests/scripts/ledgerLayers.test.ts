// src/ledger in layers: words and small helpers at the bottom, then the tables the add-in reads,
// then tasks/units/plan, then the checks, then the summaries, then the documents made from them
// (mails, 通报, 反馈表). A module imports only from its own layer or lower ones, types included
// (a type from above is still an arrow pointing up), so a helper never drags a report in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LEDGER = join(__dirname, '..', '..', 'src', 'ledger');

const LEDGER_LAYERS: readonly (readonly string[])[] = [
  // words: text, numbers, dates, file names, a mail body's blocks; no domain of their own
  [
    'text',
    'memo',
    'numerals',
    'language',
    'dates',
    'deadlines',
    'targets',
    'progress',
    'addresses',
    'mailAddress',
    'mailBody',
    'extensions',
    'fileNames',
    // the common short forms of bodies' names, as data
    'unitShortForms',
  ],
  // tables: the specs and the ledger row read by header
  ['tableSpec', 'columns', 'ledger', 'changeLog', 'statuses', 'palette'],
  // tasks, units and the plan
  [
    'units',
    'responsibleUnits',
    'indicators',
    'health',
    'tasks',
    'unitSelection',
    'unitLines',
    'officialMatch',
    'planImport',
    'planReview',
    'plan',
    'planLedgers',
    'planDirectory',
    'planColumns',
    'adoption',
    'reportRegister',
    // the built-in plan's data: its tasks, its units
    'officialTasks',
  ],
  // checks over a read ledger
  ['indicatorChecks', 'validation', 'fixes', 'findingGroups'],
  // summaries and the sheets made of them
  ['summary', 'lightWords', 'cellStyles', 'printPages', 'printRows', 'sheetSpecs', 'snapshots'],
  // documents: mails, the 通报, the 反馈表 and its review when it comes back
  ['mail', 'bulletin', 'reminderMail', 'returnForm', 'returnReview'],
];

/** The public face re-exports every layer; it belongs to none. */
const FACE = 'index';

/** A module's imports of its siblings, type-only ones with a flag. */
function importsOf(text: string): { module: string; typeOnly: boolean }[] {
  return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'\.\/([^']+)'/gm)].map((m) => ({
    module: m[2],
    typeOnly: Boolean(m[1]),
  }));
}

function readGraph(): Map<string, { module: string; typeOnly: boolean }[]> {
  return new Map(
    readdirSync(LEDGER)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [f.slice(0, -3), importsOf(readFileSync(join(LEDGER, f), 'utf8'))]),
  );
}

/** Every import that points to a higher layer, as "from → to". */
function upwardImports(
  graph: ReadonlyMap<string, readonly { module: string }[]>,
  layers: readonly (readonly string[])[],
): string[] {
  const level = new Map(layers.flatMap((names, i) => names.map((n) => [n, i] as const)));
  return [...graph].flatMap(([from, imports]) =>
    from === FACE
      ? []
      : imports
          .filter((i) => (level.get(i.module) ?? -1) > (level.get(from) ?? Infinity))
          .map((i) => `${from} → ${i.module}`),
  );
}

/** The longest chain of run-time imports, as the modules along it. */
function longestChain(
  graph: ReadonlyMap<string, readonly { module: string; typeOnly: boolean }[]>,
): string[] {
  const memo = new Map<string, string[]>();
  const walk = (from: string, open: Set<string>): string[] => {
    const known = memo.get(from);
    if (known) return known;
    open.add(from);
    let best: string[] = [];
    for (const next of graph.get(from) ?? []) {
      if (next.typeOnly || open.has(next.module) || !graph.has(next.module)) continue;
      const chain = walk(next.module, open);
      if (chain.length > best.length) best = chain;
    }
    open.delete(from);
    const chain = [from, ...best];
    memo.set(from, chain);
    return chain;
  };
  return [...graph.keys()]
    .filter((m) => m !== FACE)
    .map((m) => walk(m, new Set()))
    .reduce((a, b) => (b.length > a.length ? b : a), []);
}

describe('ledger layers', () => {
  const graph = readGraph();

  it('puts every module of src/ledger in exactly one layer', () => {
    const listed = LEDGER_LAYERS.flat();
    expect(listed.length).toBe(new Set(listed).size);
    expect([...graph.keys()].filter((m) => m !== FACE && !listed.includes(m))).toEqual([]);
    expect(listed.filter((m) => !graph.has(m))).toEqual([]);
  });

  it('has no import pointing up a layer, types included', () => {
    expect(upwardImports(graph, LEDGER_LAYERS)).toEqual([]);
  });

  it('catches a planted upward import, a type-only one too', () => {
    const planted = new Map(graph);
    planted.set('text', [...(graph.get('text') ?? []), { module: 'mail', typeOnly: false }]);
    planted.set('units', [...(graph.get('units') ?? []), { module: 'summary', typeOnly: true }]);
    expect(upwardImports(planted, LEDGER_LAYERS)).toEqual(['text → mail', 'units → summary']);
  });

  it('keeps the longest chain of run-time imports at 10 modules (13 before the layers)', () => {
    expect(longestChain(graph).length).toBeLessThanOrEqual(10);
    const chain = new Map([
      ['a', [{ module: 'b', typeOnly: false }]],
      ['b', [{ module: 'c', typeOnly: true }]],
      ['c', []],
    ]);
    expect(longestChain(chain)).toEqual(['a', 'b']);
  });
});
