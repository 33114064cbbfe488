// A task led by several units together (task 2: 各县（市）人民政府, so 梨树, 伊通 and 双辽 each lead
// it): one unit's words never replace another's. Each county's 进展情况 is added as its own
// 【单位】 line, ticked; lines accepted together add up in one write; its single values wait for a
// choice. Whole-workbook cell diffs show what each apply and undo touched.
import {
  applyReturns,
  createLedger,
  ensureLedgerId,
  readLedger,
  readReference,
  undoLastImport,
  type LedgerRead,
} from '../../src/excel';
import { ExcelSim } from '../../src/excel-sim';
import { readReturnForm, writeReturnForm } from '../../src/files';
import {
  changesToApply,
  checkReturn,
  describeReviewNotice,
  returnFormSpec,
  reviewReturns,
  summarize,
  type FormValues,
  type ReturnedForm,
} from '../../src/ledger';
import { AS_OF_DATE, asOf } from '../asOf';
import { ALL_SETS, changedCells, countSyncs, taskCell } from './helpers';

const LISHU = '梨树县人民政府';
const YITONG = '伊通满族自治县人民政府';
const SHUANGLIAO = '双辽市人民政府';
const BATCH = { time: '2026-11-28 09:00', batch: '2026-11-28 09:00 导入' };
/** Task 2's 进展情况 on the sheet the add-in makes (task 2 is row 5; 进展情况 is column G). */
const CELL = '任务台账!G5';

async function setUp() {
  const sim = new ExcelSim();
  await sim.runExcel((c) => createLedger(c, { supports: ALL_SETS }));
  const ledgerId = await sim.runExcel((c) => ensureLedgerId(c));
  const reference = await sim.runExcel((c) => readReference(c));
  const ctx = { ledgerId, statuses: reference.statuses, knowsUnit: () => true };
  const read = async () => (await sim.runExcel((c) => readLedger(c))) as LedgerRead;
  /** The unit's form issued from the ledger as it is now, filled in, and read back from the file. */
  const form = async (
    unit: string,
    values: Partial<FormValues>,
    fileName?: string,
  ): Promise<ReturnedForm> => {
    const ledger = (await read()).ledger;
    const spec = returnFormSpec(summarize(ledger, { asOf }), unit, {
      ledgerId,
      statuses: reference.statuses,
      directory: reference.directory,
      ledger,
    });
    const rows = spec.rows.map((r) => (r.no === 2 ? { ...r, ...values } : { ...r }));
    const name = fileName ?? spec.fileName;
    return readReturnForm(name, await writeReturnForm({ ...spec, fileName: name, rows }, AS_OF_DATE));
  };
  const review = async (forms: readonly ReturnedForm[]) => {
    const now = await read();
    return {
      now,
      ...reviewReturns({
        ledger: now.ledger,
        tasks: summarize(now.ledger, { asOf }).tasks,
        returns: forms.map((f) => checkReturn(f, ctx)),
        directory: reference.directory,
      }),
    };
  };
  /** Reviewed and applied as proposed; the cells the apply changed. */
  const importAsProposed = async (forms: readonly ReturnedForm[]) => {
    const { now, changes } = await review(forms);
    const before = sim.snapshot();
    const { ok, clashes } = changesToApply(changes);
    expect(clashes).toEqual([]);
    const { syncs } = await countSyncs(sim, () =>
      sim.runExcel((c) => applyReturns(c, now, ok, BATCH, ALL_SETS)),
    );
    expect(syncs).toBe(2);
    return changedCells(before, sim.snapshot()).filter((a) => !a.startsWith('变更记录!'));
  };
  const note = () => taskCell(sim, 2, '进展情况');
  return { sim, read, form, review, importAsProposed, note };
}

describe('a task several units lead together', () => {
  it('adds two counties’ 进展情况 in one import as their own lines, both ticked, after the office’s text; undo takes both back', async () => {
    const { sim, read, form, review, importAsProposed, note } = await setUp();
    sim.userEdit('任务台账', 'G5', [['各县均已启动']]);
    const lishu = await form(LISHU, { progressNote: '已建成职教中心', status: '已完成' });
    const yitong = await form(YITONG, { progressNote: '正在选址', status: '序时推进' });
    const { changes, notices } = await review([lishu, yitong]);
    expect(notices).toEqual([]);
    expect(changes.map((c) => [c.unit, c.header, c.to, c.kind, c.conflict, c.accepted])).toEqual([
      // One county's status is not the task's: the two disagree, and neither is ticked.
      [LISHU, '状态', '已完成', 'lead', 'two-returns', false],
      [LISHU, '进展情况', `各县均已启动\n【${LISHU}】已建成职教中心`, 'shared', null, true],
      [YITONG, '状态', '序时推进', 'lead', 'two-returns', false],
      [YITONG, '进展情况', `各县均已启动\n【${YITONG}】正在选址`, 'shared', null, true],
    ]);
    expect(await importAsProposed([lishu, yitong])).toEqual([CELL]);
    expect(note()).toBe(`各县均已启动\n【${LISHU}】已建成职教中心\n【${YITONG}】正在选址`);
    // The log has a row per unit, each from what the one before left: 报送登记 and the jump to a
    // unit's changes find each unit's own row.
    expect(
      sim
        .values('变更记录')
        .slice(1)
        .map((r) => [r[2], r[5], r[6]]),
    ).toEqual([
      [LISHU, '各县均已启动', `各县均已启动\n【${LISHU}】已建成职教中心`],
      [YITONG, `各县均已启动\n【${LISHU}】已建成职教中心`, note()],
    ]);
    const before = sim.snapshot();
    const undone = await sim.runExcel(async (c) => undoLastImport(c, await read(), 'later', ALL_SETS));
    expect([undone.restored, undone.leftAlone]).toEqual([2, []]);
    expect(undone.written.map((w) => [w.address, w.values])).toEqual([['G5', [['各县均已启动']]]]);
    expect(note()).toBe('各县均已启动');
    expect(changedCells(before, sim.snapshot()).filter((a) => !a.startsWith('变更记录!'))).toEqual([CELL]);
  });

  it('keeps all three counties’ words whichever order their returns come in, each form issued after the last import', async () => {
    const words: Record<string, string> = {
      [LISHU]: '已建成职教中心',
      [YITONG]: '正在选址',
      [SHUANGLIAO]: '已完成规划',
    };
    for (const order of [
      [LISHU, YITONG, SHUANGLIAO],
      [SHUANGLIAO, YITONG, LISHU],
    ]) {
      const { form, importAsProposed, note } = await setUp();
      for (const unit of order) {
        // The form carries the other counties' lines as the ledger holds them; the county types
        // its own words over the whole cell, as a unit filling in its row would.
        const changed = await importAsProposed([await form(unit, { progressNote: words[unit] })]);
        expect(changed).toEqual([CELL]);
      }
      expect(note()).toBe(order.map((unit) => `【${unit}】${words[unit]}`).join('\n'));
      // All three in one import, forms issued together: the lines add up in the files' order.
      const together = await setUp();
      const forms = [];
      for (const unit of order) forms.push(await together.form(unit, { progressNote: words[unit] }));
      expect(await together.importAsProposed(forms)).toEqual([CELL]);
      expect(together.note()).toBe(note());
    }
    // Twelve forms written and read back, and eight imports: more than one test's usual budget.
  }, 30_000);

  it('adds a county’s words written below the others’ lines, and never writes its status over the task’s unasked', async () => {
    const { form, review, importAsProposed, note } = await setUp();
    await importAsProposed([await form(LISHU, { progressNote: '已建成职教中心' })]);
    const mine = `【${LISHU}】已建成职教中心`;
    const yitong = await form(YITONG, { progressNote: `${mine}\n正在选址`, status: '已完成' });
    const { changes } = await review([yitong]);
    expect(changes.map((c) => [c.header, c.to, c.conflict, c.accepted])).toEqual([
      ['状态', '已完成', 'shared-task', false],
      ['进展情况', `${mine}\n【${YITONG}】正在选址`, null, true],
    ]);
    expect(await importAsProposed([yitong])).toEqual([CELL]);
    expect(note()).toBe(`${mine}\n【${YITONG}】正在选址`);
  });

  it('imports the same return once: again later it is already there; twice in one import, once however many are ticked', async () => {
    const { sim, form, review, importAsProposed, note } = await setUp();
    const lishu = await form(LISHU, { progressNote: '已建成职教中心' });
    expect(await importAsProposed([lishu])).toEqual([CELL]);
    const again = await review([lishu]);
    expect(again.changes).toEqual([]);
    expect(again.notices.map((n) => describeReviewNotice(n).zh)).toEqual([
      '第2项：进展情况“已建成职教中心”与台账现有内容相同，无需更改。',
    ]);
    const before = sim.snapshot();
    expect(await importAsProposed([lishu])).toEqual([]);
    expect(changedCells(before, sim.snapshot())).toEqual([]);

    const { sim: fresh, form: formFresh, review: reviewFresh, read, note: noteFresh } = await setUp();
    const copy = await formFresh(YITONG, { progressNote: '正在选址' });
    const copy2 = await formFresh(YITONG, { progressNote: '正在选址' }, '伊通_副本.xlsx');
    const { changes, now } = await reviewFresh([copy, copy2]);
    expect(changes.map((c) => [c.file, c.conflict, c.accepted])).toEqual([
      [copy.fileName, 'same-unit-twice', false],
      ['伊通_副本.xlsx', 'same-unit-twice', false],
    ]);
    const { ok } = changesToApply(changes.map((c) => ({ ...c, accepted: true })));
    expect(ok).toHaveLength(1);
    await fresh.runExcel((c) => applyReturns(c, now, ok, BATCH, ALL_SETS));
    expect(noteFresh()).toBe(`【${YITONG}】正在选址`);
    expect(note()).toBe(`【${LISHU}】已建成职教中心`);
    expect((await read()).ledger.rows).toHaveLength(40);
  });

  it('names a county that empties the shared 进展情况, and leaves the others’ words', async () => {
    const { form, review, importAsProposed } = await setUp();
    await importAsProposed([await form(LISHU, { progressNote: '已建成职教中心' })]);
    const { changes, notices } = await review([await form(YITONG, { progressNote: '' })]);
    expect(changes).toEqual([]);
    expect(notices.map((n) => describeReviewNotice(n).zh)).toEqual([
      `第2项：${YITONG}清空了进展情况；此项由多个单位共同牵头，各单位所填只作补充，台账原文保留。`,
    ]);
  });
});

describe('a re-issued form that carries every joint lead’s line', () => {
  const lishu = (words: string) => `【${LISHU}】${words}`;
  const shuangliao = (words: string) => `【${SHUANGLIAO}】${words}`;

  it('takes a unit’s edit of its own line in place, three rounds running, and the cell never grows', async () => {
    const { form, review, importAsProposed, note } = await setUp();
    const first = [
      await form(LISHU, { progressNote: '梨树：已完成选址' }),
      await form(SHUANGLIAO, { progressNote: '双辽：已建成职教中心' }),
    ];
    expect(await importAsProposed(first)).toEqual([CELL]);
    expect(note()).toBe(`${lishu('梨树：已完成选址')}\n${shuangliao('双辽：已建成职教中心')}`);
    const rounds = [
      ['梨树：主体完工', '双辽：已开学'],
      ['梨树：已竣工', '双辽：招生500人'],
      ['梨树：已投用', '双辽：招生800人'],
    ];
    let was = { [LISHU]: '梨树：已完成选址', [SHUANGLIAO]: '双辽：已建成职教中心' };
    for (const [mine, theirs] of rounds) {
      // Each unit edits only its own words in the cell its form carries.
      const cell = String(note());
      const forms = [
        await form(LISHU, { progressNote: cell.replace(was[LISHU], mine) }),
        await form(SHUANGLIAO, { progressNote: cell.replace(was[SHUANGLIAO], theirs) }),
      ];
      const { changes, notices } = await review(forms);
      expect(notices).toEqual([]);
      expect(changes.map((c) => [c.unit, c.line, c.conflict, c.accepted])).toEqual([
        [LISHU, lishu(mine), null, true],
        [SHUANGLIAO, shuangliao(theirs), null, true],
      ]);
      expect(await importAsProposed(forms)).toEqual([CELL]);
      expect(note()).toBe(`${lishu(mine)}\n${shuangliao(theirs)}`);
      was = { [LISHU]: mine, [SHUANGLIAO]: theirs };
    }
  }, 30_000);

  it('never takes a unit’s edit of another unit’s line: names it, and applies only the unit’s own words', async () => {
    const { sim, form, review, importAsProposed, note } = await setUp();
    await importAsProposed([
      await form(LISHU, { progressNote: '梨树：已完成选址' }),
      await form(SHUANGLIAO, { progressNote: '双辽：已建成职教中心' }),
    ]);
    const cell = `${lishu('梨树：已完成选址')}\n${shuangliao('双辽：已建成职教中心')}`;
    const otherLine = `第2项：${SHUANGLIAO}改动或删去了进展情况中【${LISHU}】的内容；各单位的行由该单位自己填报，这些改动未导入。`;

    // Only 梨树's line edited: nothing to apply, one sentence.
    const meddled = await form(SHUANGLIAO, { progressNote: cell.replace('已完成选址', '尚未开工') });
    const only = await review([meddled]);
    expect(only.changes).toEqual([]);
    expect(only.notices.map((n) => describeReviewNotice(n).zh)).toEqual([otherLine]);
    const before = sim.snapshot();
    expect(await importAsProposed([meddled])).toEqual([]);
    expect(changedCells(before, sim.snapshot())).toEqual([]);

    // 梨树's line removed and new untagged words typed: the words replace 双辽's own line.
    const rewritten = await form(SHUANGLIAO, {
      progressNote: `${shuangliao('双辽：已建成职教中心')}\n双辽：已开学`,
    });
    const both = await review([rewritten]);
    expect(both.notices.map((n) => describeReviewNotice(n).zh)).toEqual([otherLine]);
    expect(both.changes.map((c) => [c.to, c.conflict, c.accepted])).toEqual([
      [`${lishu('梨树：已完成选址')}\n${shuangliao('双辽：已开学')}`, null, true],
    ]);
    expect(await importAsProposed([rewritten])).toEqual([CELL]);
    expect(note()).toBe(`${lishu('梨树：已完成选址')}\n${shuangliao('双辽：已开学')}`);

    // 梨树 deletes its own line and writes nothing: named, and its line stays.
    const dropped = await review([await form(LISHU, { progressNote: shuangliao('双辽：已开学') })]);
    expect(dropped.changes).toEqual([]);
    expect(dropped.notices.map((n) => describeReviewNotice(n).zh)).toEqual([
      `第2项：${LISHU}删去了进展情况中本单位的【${LISHU}】行；各单位所填只作补充，台账原文保留。`,
    ]);
  });

  it('lets a unit with no line yet add one after the others’, from words typed under theirs', async () => {
    const { form, importAsProposed, note } = await setUp();
    await importAsProposed([await form(LISHU, { progressNote: '梨树：已完成选址' })]);
    const yitong = await form(YITONG, { progressNote: `${lishu('梨树：已完成选址')}\n伊通：正在选址` });
    expect(await importAsProposed([yitong])).toEqual([CELL]);
    expect(note()).toBe(`${lishu('梨树：已完成选址')}\n【${YITONG}】伊通：正在选址`);
  });
});

describe('a task whose 责任单位 names several leads', () => {
  const JOINT = '市人社局（牵头）、市教育局（牵头）、市财政局';
  const RSJ = '市人社局';
  const JYJ = '市教育局';

  it('adds each named lead’s 进展情况 as its own line, whether the returns come together or one after the other', async () => {
    for (const together of [true, false]) {
      const { sim, form, review, importAsProposed, note } = await setUp();
      sim.userEdit('任务台账', 'C5', [[JOINT]]);
      const rsj = await form(RSJ, { progressNote: '人社局：新增就业3000人', status: '滞后' });
      const jyj = await form(JYJ, { progressNote: '教育局：招聘会3场', status: '序时推进' });
      if (together) {
        const { changes } = await review([rsj, jyj]);
        expect(changes.map((c) => [c.unit, c.header, c.kind, c.conflict, c.accepted])).toEqual([
          [RSJ, '状态', 'lead', 'two-returns', false],
          [RSJ, '进展情况', 'shared', null, true],
          [JYJ, '状态', 'lead', 'two-returns', false],
          [JYJ, '进展情况', 'shared', null, true],
        ]);
        expect(await importAsProposed([rsj, jyj])).toEqual([CELL]);
      } else {
        // 市教育局's form went out before 市人社局's words came in: its line is still its own.
        expect(await importAsProposed([rsj])).toEqual([CELL]);
        const { changes } = await review([jyj]);
        expect(changes.map((c) => [c.header, c.kind, c.conflict, c.accepted])).toEqual([
          ['状态', 'lead', 'shared-task', false],
          ['进展情况', 'shared', null, true],
        ]);
        expect(await importAsProposed([jyj])).toEqual([CELL]);
      }
      expect(note()).toBe(`【${RSJ}】人社局：新增就业3000人\n【${JYJ}】教育局：招聘会3场`);
      expect(taskCell(sim, 2, '状态')).toBe('未启动');
    }
  }, 30_000);
});
