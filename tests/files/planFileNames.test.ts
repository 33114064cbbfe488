// Two plans' 反馈表 for one unit land in one download folder: each file name carries its plan's
// short name, so neither overwrites the other (the built-in plan's too: its old names did not).
import JSZip from 'jszip';
import { returnFormFile, returnFormsZip } from '../../src/files';
import { builtInPlan, DEFAULT_STATUSES, summarize, type Plan } from '../../src/ledger';
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
