// What the summary mails say, from the same reading as the summary sheets.
import {
  DEFAULT_DIRECTORY,
  escapeHtml,
  leaderMail,
  parseAddressList,
  safeFileName,
  summarize,
  summaryFileName,
  tasksForUnit,
  unitAddress,
  unitMail,
  unitTaskLines,
  validateLedger,
  type UnitDirectory,
} from '../../src/ledger';
import { asOf } from '../asOf';
import { ledgerWith, set } from './fixtures';

const ledger = ledgerWith((rows) => {
  set(rows, 2, 'status', '已完成');
  set(rows, 5, 'status', '滞后');
  set(rows, 5, 'problems', '<img src=x onerror=alert(1)> 资金未到位');
  set(rows, 7, 'deadline', '2026年6月');
});
const model = summarize(ledger, { asOf });

const withEmails: UnitDirectory = {
  units: DEFAULT_DIRECTORY.units.map((u) =>
    u.name === '双辽市人民政府'
      ? { ...u, email: 'shuangliao@example.gov.cn' }
      : u.name === '市总工会'
        ? { ...u, email: '总工会@' }
        : u,
  ),
};

describe('leaderMail', () => {
  const mail = leaderMail(model, '四平市职教重点任务汇总_截至20261128.xlsx');

  it('says the date, the headline numbers and the attachment', () => {
    expect(mail.subject).toBe('四平市现代职业教育重点任务推进情况（截至2026年11月28日）');
    expect(mail.text).toContain('截至2026年11月28日，40项重点任务中已完成1项（完成率2.5%），滞后1项');
    expect(mail.text).toContain('详见附件《四平市职教重点任务汇总_截至20261128.xlsx》');
    expect(mail.html).toContain('<table');
  });

  it('lists every task behind or overdue, in both bodies', () => {
    expect(model.behind.length).toBeGreaterThan(0);
    for (const row of model.behind) {
      expect(mail.text).toContain(`${row.no}\t`);
      expect(mail.html).toContain(escapeHtml(row.task.slice(0, 10)));
    }
  });

  it('escapes what users typed: markup is shown, never run', () => {
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(mail.text).toContain('<img src=x onerror=alert(1)> 资金未到位');
  });
});

describe('unitMail', () => {
  it('lists the unit’s tasks with its role, collectives marked, agreeing with tasksForUnit', () => {
    const lines = unitTaskLines(model, '双辽市人民政府');
    expect(lines.map((l) => l.task.no)).toEqual(tasksForUnit(model.tasks, '双辽市人民政府'));
    const direct = new Set(tasksForUnit(model.tasks, '双辽市人民政府', { includeCollectives: false }));
    expect(lines.filter((l) => !l.viaCollective).map((l) => l.task.no)).toEqual([...direct]);
    const mail = unitMail(model, '双辽市人民政府', 'x.xlsx');
    expect(mail.subject).toBe('【双辽市人民政府】四平市现代职业教育重点任务推进情况（截至2026年11月28日）');
    expect(mail.text).toContain(`贵单位涉及重点任务${lines.length}项`);
    expect(mail.text).toContain('（集体任务）');
  });

  it('says so for a unit with no tasks', () => {
    const mail = unitMail(model, '不存在的单位', 'x.xlsx');
    expect(mail.text).toContain('台账中没有贵单位的任务');
    expect(mail.html).not.toContain('<table');
  });
});

describe('addresses and file names', () => {
  it('takes a unit’s address from 单位名录 only when it is one', () => {
    expect(unitAddress('双辽市人民政府', withEmails)).toEqual({
      name: '双辽市人民政府',
      email: 'shuangliao@example.gov.cn',
    });
    expect(unitAddress('双辽市政府', withEmails)?.email).toBe('shuangliao@example.gov.cn');
    expect(unitAddress('市总工会', withEmails)).toBeNull();
    expect(unitAddress('市教育局', withEmails)).toBeNull();
  });

  it('reports a malformed address in 单位名录 as a finding', () => {
    const findings = validateLedger(ledger, { asOf, directory: withEmails }).filter(
      (f) => f.rule === 'directory.email',
    );
    expect(findings.map((f) => f.message.zh)).toEqual([
      '单位名录中“市总工会”的邮箱“总工会@”不是有效地址；给该单位的邮件草稿将不填收件人。',
    ]);
  });

  it('splits typed address lists and keeps what is not an address apart', () => {
    expect(parseAddressList('a@x.cn; b@y.cn，c@z.cn 王局长')).toEqual({
      addresses: ['a@x.cn', 'b@y.cn', 'c@z.cn'],
      invalid: ['王局长'],
    });
  });

  it('names files as people do, and makes any unit name safe and short', () => {
    expect(summaryFileName(asOf)).toBe('四平市职教重点任务汇总_截至20261128.xlsx');
    expect(summaryFileName(asOf, '双辽市人民政府')).toBe(
      '双辽市人民政府_四平市职教重点任务汇总_截至20261128.xlsx',
    );
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\u0001', 'eml')).toBe('abcdefghij.eml');
    const long = safeFileName('很长的单位名称'.repeat(30), 'xlsx');
    expect(Array.from(long)).toHaveLength(80 + '.xlsx'.length);
    expect(safeFileName('  ', 'zip')).toBe('汇总.zip');
  });
});
