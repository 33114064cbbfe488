// Two plans' 反馈表 (and 催报 drafts) for one unit land in one download folder: each file name carries its plan's
// short name, so neither overwrites the other (the built-in plan's too: its old names did not).
import JSZip from 'jszip';
import { reminderDrafts, returnFormFile, returnFormsZip } from '../../src/files';
import { builtInPlan, DEFAULT_STATUSES, summarize, type Plan, type UnitReport } from '../../src/ledger';
import { AS_OF_DATE, asOf } from '../asOf';
import { ledgerWith } from '../ledger/fixtures';

/** Another plan of the same units and tasks: only its names differ. */
const other: Plan = { ...builtInPlan(), title: '四平市职业教育提质培优行动', shortName: '职教提质' };
const UNIT = '双辽市人民政府';
const ledger = ledgerWith();
const options = { ledgerId: 'ledger-1', statuses: DEFAULT_STATUSES, ledger, created: AS_OF_DATE };
const modelOf = (plan: Plan) => summarize(ledger, { asOf, plan });

describe('反馈表 file names carry the plan', () => {
  it('names one unit’s forms of two plans apart, each with its short name', async () => {
    const mine = await returnFormFile(modelOf(builtInPlan()), UNIT, options);
    const theirs = await returnFormFile(modelOf(other), UNIT, options);
    expect(mine.name).toBe('双辽市人民政府_四平市职教重点任务反馈表_20261128.xlsx');
    expect(theirs.name).toBe('双辽市人民政府_职教提质反馈表_20261128.xlsx');
  });

  it('names the zips apart, and the forms inside them', async () => {
    const units = [UNIT, '梨树县人民政府'];
    const mine = await returnFormsZip(modelOf(builtInPlan()), units, options);
    const theirs = await returnFormsZip(modelOf(other), units, options);
    expect(mine.name).toBe('四平市职教重点任务反馈表_2个单位_20261128.zip');
    expect(theirs.name).toBe('职教提质反馈表_2个单位_20261128.zip');
    const inside = async (bytes: Uint8Array) => Object.keys((await JSZip.loadAsync(bytes)).files);
    expect(await inside(theirs.bytes)).toEqual([
      '双辽市人民政府_职教提质反馈表_20261128.xlsx',
      '梨树县人民政府_职教提质反馈表_20261128.xlsx',
    ]);
  });
});

describe('催报 drafts carry the plan', () => {
  const overdue = (unit: string): UnitReport => ({
    unit,
    state: 'overdue',
    days: 3,
    entry: { asOf, returnBy: asOf - 3, unit, issuedOn: asOf - 10, receivedOn: null, returns: 0, file: '' },
  });
  const reminderOptions = { ...options, sender: '市政府督查室' };

  it('names one unit’s reminders of two plans apart, and their zips', async () => {
    const reports = [overdue(UNIT), overdue('梨树县人民政府')];
    const mine = await reminderDrafts(modelOf(builtInPlan()), reports, reminderOptions);
    const theirs = await reminderDrafts(modelOf(other), reports, reminderOptions);
    expect(mine.drafts[0].name).toBe('双辽市人民政府_四平市职教重点任务催报_20261128.eml');
    expect(theirs.drafts[0].name).toBe('双辽市人民政府_职教提质催报_20261128.eml');
    expect(mine.zip.name).toBe('四平市职教重点任务催报邮件草稿_2个单位_20261128.zip');
    expect(theirs.zip.name).toBe('职教提质催报邮件草稿_2个单位_20261128.zip');
    expect(Object.keys((await JSZip.loadAsync(theirs.zip.bytes)).files).sort()).toEqual(
      theirs.drafts.map((d) => d.name).sort(),
    );
  });
});
