// A plan's summaries list the units and 统称 its own tasks name. The shared 单位名录 holds other
// plans' 统称 too: one reached only through members this plan names (梨树县人民政府 is one of
// 各县（市）人民政府) is no row of this plan's overview, 通报 or mails (stranger's D5).
import { makeLedger, overviewSheet, summarize, type CellValue } from '../../src/ledger';
import { col, HEADER } from './fixtures';
import { asOf } from '../asOf';

const row = (no: number, task: string, units: string, status: string): CellValue[] => {
  const r: CellValue[] = HEADER.map(() => '');
  r[col('no')] = no;
  r[col('task')] = task;
  r[col('units')] = units;
  r[col('status')] = status;
  return r;
};

/** Another plan of the same city: it names counties and a bureau, never a 统称. */
const otherPlan = makeLedger({
  header: HEADER,
  rows: [
    row(1, '建设县域产业园区标准厂房10万平方米。', '梨树县人民政府、市发展改革委', '已完成'),
    row(2, '实施农村道路提档升级工程。', '双辽市人民政府', '序时推进'),
    row(3, '开展职业技能培训5000人次。', '市人力资源和社会保障局、梨树县人民政府', '滞后'),
  ],
});

describe('a plan’s summaries name only the units and 统称 its tasks name', () => {
  const model = summarize(otherPlan, { asOf, official: null });
  const names = model.units.map((u) => u.name);

  it('lists no 统称 of the shared directory reached only through its members', () => {
    expect(names.filter((n) => n.startsWith('各'))).toEqual([]);
    expect(model.units.filter((u) => u.kind === 'collective')).toEqual([]);
  });

  it('still lists the members under their own names, with their tasks', () => {
    expect(model.units.find((u) => u.name === '梨树县人民政府')).toMatchObject({ total: 2, led: 1 });
    expect(model.units.find((u) => u.name === '双辽市人民政府')).toMatchObject({ total: 1, led: 1 });
  });

  it('keeps them off the overview sheet', () => {
    const text = overviewSheet(model)
      .rows.flatMap((r) =>
        r.cells.map((c) => String(typeof c === 'object' && c !== null && 'value' in c ? c.value : c)),
      )
      .join('\n');
    expect(text).toContain('梨树县人民政府');
    expect(text).not.toContain('各县（市）人民政府');
    expect(text).not.toContain('各级人民政府');
  });

  it('keeps a 统称 the plan names, counting its members’ tasks as before', () => {
    const named = makeLedger({
      header: HEADER,
      rows: [...otherPlan.rows, row(4, '推进县域职教中心建设。', '各县（市）人民政府', '序时推进')],
    });
    const units = summarize(named, { asOf, official: null }).units;
    expect(units.find((u) => u.name === '各县（市）人民政府')).toMatchObject({ total: 4 });
    expect(units.some((u) => u.name === '各级人民政府')).toBe(false);
  });
});
