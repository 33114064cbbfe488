// A plan part is found by what the workbook's listing of parts returns, compared by equality of
// the table its namespace names: a part whose namespace a host re-cased (percent-escapes in
// lower case, say) is still the plan of its ledger, and the first plan's namespace, a prefix of
// the others', never takes another plan's part. getByNamespace matches a namespace as given
// ("whose namespaces match the given namespace", CustomXmlPartCollection), so it is not used to
// find a part whose spelling the add-in cannot know.
import { createLedger, importPlan, LEDGER_TABLE, readWorkbook, savePlanNames } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { builtInPlan, ledgerTableOf, planNamespace, PLAN_NAMESPACE, planToXml } from '../../src/ledger';
import { ALL_SETS, countSyncs } from './helpers';
import { PLAN_B, TABLE_B } from './twoPlanFixture';

/** B's part put back with its namespace as a host might re-case it. */
async function recase(sim: ExcelSim, namespace: (ns: string) => string): Promise<string> {
  return sim.run(async (c) => {
    const parts = c.workbook.customXmlParts.load('items/id, items/namespaceUri');
    await c.sync();
    const mine = parts.items.find((p) => p.namespaceUri === planNamespace(TABLE_B))!;
    mine.delete();
    const added = c.workbook.customXmlParts.add(planToXml(PLAN_B, namespace(planNamespace(TABLE_B))));
    added.load('id');
    await c.sync();
    return added.id;
  });
}

async function twoPlans(): Promise<ExcelSim> {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  await sim.runExcel((c) => importPlan(c, PLAN_B, { supports: ALL_SETS, from: null }));
  return sim;
}

const lowerEscapes = (ns: string) => ns.replace(/%[0-9A-F]{2}/gu, (e) => e.toLowerCase());

describe('a plan part by the listing, not by getByNamespace', () => {
  it('pairs a re-cased namespace with its table', () => {
    expect(ledgerTableOf(lowerEscapes(planNamespace(TABLE_B)))).toBe(TABLE_B);
    expect(ledgerTableOf(planNamespace(TABLE_B).toUpperCase())).toBe(TABLE_B.toUpperCase());
    expect(ledgerTableOf(PLAN_NAMESPACE.toUpperCase())).toBe(ledgerTableOf(PLAN_NAMESPACE));
  });

  it('reads plan B from a part whose namespace a host re-cased, by the id the listing gave, in one request', async () => {
    const sim = await twoPlans();
    const id = await recase(sim, lowerEscapes);
    const read = await sim.runExcel((c) => readWorkbook(c, { ledgerTable: TABLE_B }));
    expect(read.ledger?.location.tableName).toBe(TABLE_B);
    expect(read.reference.plan).toMatchObject({ partId: id, found: id, problem: null });
    expect(read.reference.plan.plan.title).toBe(PLAN_B.title);
    const again = await countSyncs(sim, () =>
      sim.runExcel((c) => readWorkbook(c, { ledgerTable: TABLE_B, planPart: id })),
    );
    expect(again.syncs).toBe(1);
    expect(again.result.reference.plan.plan.title).toBe(PLAN_B.title);
  });

  it('saves names into the re-cased part, not beside it', async () => {
    const sim = await twoPlans();
    const id = await recase(sim, lowerEscapes);
    const saved = await sim.runExcel((c) =>
      savePlanNames(
        c,
        { title: '立山区稳经济重点任务（修订）', shortName: '稳经济', region: '' },
        id,
        TABLE_B,
      ),
    );
    expect(saved.plan.title).toBe('立山区稳经济重点任务（修订）');
    const namespaces = sim.snapshot().customXmlParts.map((p) => /xmlns="([^"]*)"/u.exec(p.xml)?.[1] ?? '');
    expect(namespaces.map(ledgerTableOf)).toEqual([TABLE_B]);
  });

  it('never gives the first plan another plan’s part', async () => {
    const sim = await twoPlans();
    await recase(sim, (ns) => ns.toUpperCase());
    await sim.run(async (c) => {
      c.workbook.worksheets.getItem('单位名录').activate();
      await c.sync();
    });
    const read = await sim.runExcel((c) => readWorkbook(c, { ledgerTable: LEDGER_TABLE }));
    expect(read.reference.plan.partId).toBeNull();
    expect(read.reference.plan.found).toBeNull();
    expect(read.ledger?.location.tableName).toBe(LEDGER_TABLE);
    expect(read.reference.plan.plan.title).toBe(builtInPlan().title);
    // And B's ledger, asked for, has its own.
    const b = await sim.runExcel((c) => readWorkbook(c, { ledgerTable: TABLE_B }));
    expect(b.reference.plan.plan.title).toBe(PLAN_B.title);
  });
});
