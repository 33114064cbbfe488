// A scenario the diagnostics tab runs in real Excel and the tests run on excel-sim: create a
// ledger on a temporary sheet, read, validate, filter, set a status, summarize, clean up.
// Anyone with Excel can so check that the add-in behaves there as it does here.
// The probes live in named modules (selfTestLedger, selfTestFilter, selfTestCells,
// selfTestSummary, selfTestRealExcel, selfTestPlans); this module runs them in order and cleans up.
import { dayFromLocalDate, type Bilingual } from '../ledger';
import { describeError } from './errors';
import type { ApiSupport } from './requirements';
import { cellProbes } from './selfTestCells';
import { filterProbes } from './selfTestFilter';
import { planProbes } from './selfTestPlans';
import { ledgerProbes } from './selfTestLedger';
import { realExcelProbes } from './selfTestRealExcel';
import {
  probeExpect,
  STATUS_PROBE_NAME,
  type ExcelRun,
  type Probe,
  type SelfTestCheck,
} from './selfTestProbe';
import { summaryProbes } from './selfTestSummary';

export type { ExcelRun } from './selfTestProbe';

export interface SelfTestStep {
  readonly id: string;
  readonly title: Bilingual;
  readonly ok: boolean;
  readonly detail: Bilingual;
  readonly ms: number;
}

export async function runSelfTest(
  run: ExcelRun,
  supports: ApiSupport,
  now = new Date(),
  runWhenIdle: ExcelRun = run,
): Promise<SelfTestStep[]> {
  const steps: SelfTestStep[] = [];
  const created: string[] = [];
  const parts: string[] = [];
  const step = async ({ id, title, run: check }: SelfTestCheck) => {
    const start = Date.now();
    try {
      const detail = await check();
      steps.push({ id, title, ok: true, detail, ms: Date.now() - start });
      return true;
    } catch (error) {
      steps.push({ id, title, ok: false, detail: describeError(error), ms: Date.now() - start });
      return false;
    }
  };
  const asOf = dayFromLocalDate(now);

  // The user's sheet comes back to the front when the test is done.
  const active = await run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    await context.sync();
    return sheet.name;
  });
  const probe: Probe = { run, runWhenIdle, supports, asOf, created, parts, expect: probeExpect };
  const scenario: SelfTestCheck[] = [
    ...ledgerProbes(probe),
    ...filterProbes(probe),
    ...cellProbes(probe),
    ...summaryProbes(probe),
    ...realExcelProbes(probe),
    ...planProbes(probe),
  ];
  // Each step builds on the one before: stop at the first failure, then clean up.
  for (const check of scenario) {
    if (!(await step(check))) break;
  }

  await step({
    id: 'cleanup',
    title: { zh: '清理临时工作表', en: 'Remove the temporary sheets' },
    run: async () => {
      await run(async (context) => {
        if (active && !created.includes(active)) context.workbook.worksheets.getItem(active).activate();
        for (const name of created) context.workbook.worksheets.getItem(name).delete();
        // The probe's defined name and its plan's part outlive its sheets: removed too, where a step made them.
        const probeName = context.workbook.names.getItemOrNullObject(STATUS_PROBE_NAME);
        probeName.load('name');
        const madeParts = parts.map((id) =>
          context.workbook.customXmlParts.getItemOrNullObject(id).load('id'),
        );
        await context.sync();
        const left = [probeName, ...madeParts].filter((item) => !item.isNullObject);
        for (const item of left) item.delete();
        if (left.length) await context.sync();
      });
      const partsNote = parts.length
        ? { zh: `及方案部件${parts.length}个`, en: ` and ${parts.length} plan part(s)` }
        : { zh: '', en: '' };
      return created.length
        ? {
            zh: `已删除${created.join('、')}${partsNote.zh}`,
            en: `Removed ${created.join(', ')}${partsNote.en}`,
          }
        : { zh: '无需清理', en: 'Nothing to remove' };
    },
  });
  return steps;
}
