// Regenerating summaries never deletes or changes a sheet that is not the add-in's untouched
// own: random things a user does to the summary sheets between two runs, checked by diffing
// every sheet of the workbook.
import fc from 'fast-check';
import { createLedger, generateSummaries } from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { ALL_SETS } from './helpers';
import { asOf } from '../asOf';

type Action = 'nothing' | 'rename' | 'edit' | 'table' | 'delete' | 'format';
const action = fc.constantFrom<Action>('nothing', 'rename', 'edit', 'table', 'delete', 'format');

async function act(sim: ExcelSim, name: string, what: Action, i: number): Promise<void> {
  await sim.run(async (c) => {
    const sheet = c.workbook.worksheets.getItem(name);
    if (what === 'rename') sheet.name = `存档${i}`;
    if (what === 'edit') sheet.getRange('B40').values = [['领导批示：已阅']];
    if (what === 'table') sheet.tables.add('M1:N3', true);
    if (what === 'delete') sheet.delete();
    // A fill changes no value: the sheet is still the add-in's untouched own.
    if (what === 'format') sheet.getRange('A1').format.fill.color = '#FFFF00';
    await c.sync();
  });
}

const run = (sim: ExcelSim, units: string[]) =>
  generateSummaries((batch) => sim.runExcel(batch), {
    asOf,
    request: { overview: true, behind: true, units },
    supports: ALL_SETS,
  });

describe('regenerating summaries', () => {
  it('replaces only untouched add-in sheets; every other sheet stays exactly as it was', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        async (actions, unit) => {
          const sim = new ExcelSim();
          await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
          const units = unit ? ['市教育局'] : [];
          const first = await run(sim, units);
          for (const [i, sheet] of first.sheets.entries())
            await act(sim, sheet.name, actions[i] ?? 'nothing', i);
          const before = sim.snapshot();
          const untouched = first.sheets
            .filter((_, i) => ['nothing', 'format'].includes(actions[i] ?? 'nothing'))
            .map((s) => s.id);
          const second = await run(sim, units);
          const after = sim.snapshot();
          // Gone: exactly the untouched add-in sheets. Everything else is as it was, cell for cell.
          const gone = before.sheets.filter((s) => !after.sheets.some((x) => x.id === s.id)).map((s) => s.id);
          expect(gone.sort()).toEqual(untouched.sort());
          for (const sheet of before.sheets.filter((s) => !untouched.includes(s.id)))
            expect(after.sheets.find((x) => x.id === sheet.id)).toEqual(sheet);
          expect(second.replaced).toBe(untouched.length);
          expect(second.kept.length).toBe(
            first.sheets.length -
              untouched.length -
              actions.slice(0, first.sheets.length).filter((a) => a === 'delete').length,
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
