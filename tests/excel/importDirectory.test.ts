// An imported plan's units reach 单位名录 (P3, P4, P7): every unit the plan's ledger names, every
// member of a 统称 it names (a nested 统称 as 统称) and every owner of its indicators has a row, with
// its kind and 所属 — on an empty workbook, beside the built-in plan and beside another imported
// plan — rows appended, nothing existing changed (every cell compared). The review says where a
// 统称's members come from, and 筛选 lists only the units and 统称 the plan's ledger reaches.
import { createLedger, importPlan, readReport, readWorkbook } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { DEFAULT_DIRECTORY, indexFor, unitsInLedger } from '../../src/ledger';
import { planOfReview, reviewText, shownUnits } from '../../src/taskpane/importWorkflow';
import { asOf } from '../asOf';
import { ALL_SETS, changedCells } from './helpers';

jest.setTimeout(60_000);

const COUNTIES = ['梨树县人民政府', '伊通满族自治县人民政府', '双辽市人民政府'];
const DISTRICTS = ['铁西区人民政府', '铁东区人民政府'];

/** Names 各县（市）区人民政府, and sets a target for 每个县（市）区. */
const INDUSTRY = [
  '四平市工业稳增长重点任务分工',
  '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
  '1\t推动“链长制”落实落地。\t市工信局\t市科技局\t2027年12月底前',
  '2\t培育专精特新企业。\t市工信局\t市财政局\t2027年12月底前',
  '3\t保障重点项目建设用地。\t市自然资源局\t各县（市）区人民政府\t2027年12月底前',
  '4\t每个县（市）区建设1个产业园区。\t市工信局\t市营商环境局\t2027年12月底前',
].join('\n');

/** Names no 统称: its indicators are still owned by the counties and districts. */
const PARKS = [
  '四平市园区建设重点任务分工',
  '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
  '1\t每个县（市）区建设1个产业园区。\t市发改委\t\t2027年12月底前',
  '2\t开展园区招商推介。\t梨树县人民政府\t双辽市人民政府\t2027年12月底前',
].join('\n');

/** Another city's bureaus the built-in directory does not know. */
const HOUSING = [
  '四平市住房保障重点任务分工',
  '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
  '1\t改造老旧小区10个。\t市住建局\t市财政局\t2027年12月底前',
].join('\n');

const reviewOf = (annex: string, shortName: string) => ({ ...reviewText(annex, 2027), shortName });
const planOf = (annex: string, shortName: string) => planOfReview(reviewOf(annex, shortName));

interface Row {
  readonly name: string;
  readonly aliases: string;
  readonly kind: string;
  readonly memberOf: string;
}

/** 单位名录's rows as the sheet shows them, by header. */
function directoryOn(sim: ExcelSim): Row[] {
  const [header, ...rows] = sim.values('单位名录');
  const at = (h: string) => header.indexOf(h);
  return rows
    .filter((r) => r[at('单位')] !== '')
    .map((r) => ({
      name: String(r[at('单位')]),
      aliases: String(r[at('别名')]),
      kind: String(r[at('类别')]),
      memberOf: String(r[at('所属')]),
    }));
}

/** The 责任单位 column of a 指标 sheet. */
function ownersOn(sim: ExcelSim, sheet: string): string[] {
  const values = sim.values(sheet);
  const row = values.findIndex((r) => r.includes('责任单位'));
  const column = values[row].indexOf('责任单位');
  return values.slice(row + 1).flatMap((r) => (r[column] === '' ? [] : [String(r[column])]));
}

/** The sheet's rows and 筛选's list for a plan's ledger, from a fresh read. */
async function freshRead(sim: ExcelSim, ledgerTable: string) {
  const report = await sim.runExcel((c) => readReport(c, { asOf, history: false, ledgerTable }));
  const { directory, directoryRows } = report.read.reference;
  return {
    directory,
    rows: (directoryRows ?? []).map((r) => r.name),
    listed: unitsInLedger(report.model.tasks, directory).map((c) => c.name),
  };
}

async function importOn(sim: ExcelSim, annex: string, shortName: string) {
  const before = sim.snapshot();
  const made = await sim.runExcel((c) =>
    importPlan(c, planOf(annex, shortName), { supports: ALL_SETS, from: null }),
  );
  return { made, changed: changedCells(before, sim.snapshot()) };
}

describe('an imported plan on an empty workbook', () => {
  it('says its 统称’s members come from the built-in directory, a nested 统称 as 统称', async () => {
    const sim = new ExcelSim();
    const { reference } = await sim.runExcel((c) => readWorkbook(c));
    expect(reference.directoryRows).toBeNull();
    const shown = shownUnits(reviewOf(INDUSTRY, '工业'), reference.directoryRows);
    const collective = shown.find((u) => u.name === '各县（市）区人民政府');
    expect(collective?.source).toBe('built-in');
    expect(collective?.tree).toEqual([
      { name: '各县（市）人民政府', members: COUNTIES.map((name) => ({ name, members: null })) },
      ...DISTRICTS.map((name) => ({ name, members: null })),
    ]);
  });

  it('writes a row for every unit it names, reaches or gives an indicator, with kind and 所属', async () => {
    const sim = new ExcelSim();
    const { made } = await importOn(sim, INDUSTRY, '工业');
    const rows = directoryOn(sim);
    const row = (name: string) => rows.find((r) => r.name === name);
    expect(rows.map((r) => r.name).sort()).toEqual(
      [
        '市工信局',
        '市科技局',
        '市财政局',
        '市自然资源局',
        '各县（市）区人民政府',
        '各县（市）人民政府',
        ...COUNTIES,
        ...DISTRICTS,
        '市营商环境局',
      ].sort(),
    );
    expect(row('各县（市）区人民政府')).toMatchObject({ kind: '统称', memberOf: '' });
    expect(row('各县（市）人民政府')).toMatchObject({ kind: '统称', memberOf: '各县（市）区人民政府' });
    for (const county of COUNTIES)
      expect(row(county)).toMatchObject({ kind: '政府', memberOf: '各县（市）人民政府' });
    for (const district of DISTRICTS)
      expect(row(district)).toMatchObject({ kind: '政府', memberOf: '各县（市）区人民政府' });
    expect(row('市工信局')?.kind).toBe('部门');
    // Each indicator's owner has a row (task 4: one park per county and district).
    const owners = ownersOn(sim, made.indicatorSheet?.name ?? '指标');
    expect(owners).toEqual(expect.arrayContaining([...COUNTIES, ...DISTRICTS]));
    for (const owner of owners.filter((o) => !o.includes('、'))) expect(row(owner)).toBeDefined();
  });

  it('is read back from the sheet: 筛选 lists what the ledger reaches, each with a row', async () => {
    const sim = new ExcelSim();
    const { made } = await importOn(sim, INDUSTRY, '工业');
    const { directory, rows, listed } = await freshRead(sim, made.tableName);
    expect(indexFor(directory).membersOf('各县（市）区人民政府')).toEqual(
      new Set(['各县（市）人民政府', ...COUNTIES, ...DISTRICTS]),
    );
    expect(listed).not.toContain('各级人民政府');
    expect(listed).toEqual(
      expect.arrayContaining(['各县（市）区人民政府', '各县（市）人民政府', ...COUNTIES, ...DISTRICTS]),
    );
    for (const unit of listed) expect(rows).toContain(unit);
  });

  it('writes the owners of a target set for 每个县（市）区 though the plan names no 统称', async () => {
    const sim = new ExcelSim();
    const { made } = await importOn(sim, PARKS, '园区');
    const names = directoryOn(sim).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining([...COUNTIES, ...DISTRICTS, '市发改委']));
    expect(ownersOn(sim, made.indicatorSheet?.name ?? '指标')).toEqual([...COUNTIES, ...DISTRICTS]);
    // 筛选: the units the ledger names, no 统称 it does not name.
    const { listed } = await freshRead(sim, made.tableName);
    expect(listed.sort()).toEqual(['市发改委', '梨树县人民政府', '双辽市人民政府'].sort());
  });
});

describe('an imported plan beside the built-in plan', () => {
  it('says the 统称 is listed in 单位名录, and appends only the units it lacks, no cell changed', async () => {
    const sim = new ExcelSim();
    await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
    const { reference } = await sim.runExcel((c) => readWorkbook(c));
    const shown = shownUnits(reviewOf(INDUSTRY, '工业'), reference.directoryRows);
    expect(shown.find((u) => u.name === '各县（市）区人民政府')?.source).toBe('listed');
    const lastBefore = 1 + DEFAULT_DIRECTORY.units.length;

    const { made, changed } = await importOn(sim, INDUSTRY, '工业');
    expect(made.unitsAdded).toBe(2);
    expect(
      directoryOn(sim)
        .slice(lastBefore - 1)
        .map((r) => r.name),
    ).toEqual(['市科技局', '市营商环境局']);
    const appended = changed.filter((c) => c.startsWith('单位名录!'));
    expect(appended.every((c) => Number(/\d+$/u.exec(c)?.[0]) > lastBefore)).toBe(true);
    expect(
      changed.filter(
        (c) =>
          !c.startsWith('单位名录!') && !c.startsWith(`${made.sheetName}!`) && !c.startsWith('工业指标!'),
      ),
    ).toEqual([]);
    const { rows, listed } = await freshRead(sim, made.tableName);
    for (const unit of listed) expect(rows).toContain(unit);
    expect(listed).not.toContain('各级人民政府');
  });
});

describe('an imported plan beside another imported plan', () => {
  it('appends the built-in units the first plan’s 单位名录 lacks (市工信局, 市自然资源局, the 统称’s members)', async () => {
    const sim = new ExcelSim();
    await importOn(sim, HOUSING, '住房');
    const first = directoryOn(sim);
    expect(first.map((r) => r.name)).toEqual(['市住建局', '市财政局']);
    const { reference } = await sim.runExcel((c) => readWorkbook(c));
    const shown = shownUnits(reviewOf(INDUSTRY, '工业'), reference.directoryRows);
    expect(shown.find((u) => u.name === '各县（市）区人民政府')?.source).toBe('built-in');

    const { made, changed } = await importOn(sim, INDUSTRY, '工业');
    const after = directoryOn(sim);
    // The rows there stay as they were; the others come after them.
    expect(after.slice(0, first.length)).toEqual(first);
    expect(changed.filter((c) => /^单位名录![A-Z]+[1-3]$/u.test(c))).toEqual([]);
    expect(
      changed.filter(
        (c) =>
          !c.startsWith('单位名录!') && !c.startsWith(`${made.sheetName}!`) && !c.startsWith('工业指标!'),
      ),
    ).toEqual([]);
    const added = after.slice(first.length).map((r) => r.name);
    expect(added).toEqual(
      expect.arrayContaining([
        '市工信局',
        '市自然资源局',
        '各县（市）区人民政府',
        '各县（市）人民政府',
        ...COUNTIES,
        ...DISTRICTS,
      ]),
    );
    expect(added).not.toContain('市财政局');
    expect(made.unitsAdded).toBe(added.length);

    const { rows, listed } = await freshRead(sim, made.tableName);
    expect(listed).toEqual(expect.arrayContaining(['市工信局', '市自然资源局']));
    for (const unit of listed) expect(rows).toContain(unit);
  });
});
