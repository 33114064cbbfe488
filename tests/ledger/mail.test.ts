// What the summary mails say, from the same reading as the summary sheets.
import {
  addWorkingDays,
  behindSheet,
  dayOf,
  DEFAULT_DIRECTORY,
  escapeHtml,
  leaderMail,
  returnDeadline,
  parseAddressList,
  safeFileName,
  summarize,
  summaryFileName,
  tasksForUnit,
  unitAddress,
  unitMail,
  unitTaskLines,
  validateLedger,
  unitSheet,
  type Day,
  type UnitDirectory,
  planNames,
} from '../../src/ledger';
import { asOf } from '../asOf';
import { ledgerWith, set } from './fixtures';

const ledger = ledgerWith((rows) => {
  set(rows, 2, 'status', '已完成');
  set(rows, 5, 'status', '滞后');
  set(rows, 5, 'problems', '<img src=x onerror=alert(1)> 资金未到位');
  set(rows, 7, 'deadline', '2026年6月');
  set(rows, 8, 'status', '滞后');
  set(rows, 8, 'problems', '1. 场地未落实\n2. 师资不足');
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
    expect(mail.text).toContain('截至2026年11月28日，40项重点任务中已完成1项（完成率2.5%），滞后2项');
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

describe('what every mail shares with the sheets', () => {
  const DEC_2 = dayOf(2026, 12, 2) as Day;

  it('calls a task past its deadline 逾期, as the sheets do, in the leaders’ and the units’ mails', () => {
    const sheet = behindSheet(model).rows.map((r) => r.cells.map((c) => c.value));
    const header = sheet.findIndex((r) => r[0] === '序号');
    const word = (no: number) => sheet.slice(header).find((r) => r[0] === no)?.[5];
    expect(word(7)).toBe('逾期');
    const text = leaderMail(model, 'x.xlsx').text.split('\n');
    for (const row of model.behind) {
      const line = text.find((l) => l.startsWith(`${row.no}\t`))?.split('\t');
      expect([row.no, line?.[5]]).toEqual([row.no, word(row.no as number)]);
    }
    const unit = unitSheet(model, '市总工会').rows.map((r) => r.cells.map((c) => c.value));
    const mailRows = unitMail(model, '市总工会', 'x.xlsx')
      .text.split('\n')
      .filter((l) => /^\d+\t/.test(l));
    for (const line of mailRows) {
      const cells = line.split('\t');
      expect(cells[5]).toBe(unit.find((r) => r[0] === Number(cells[0]))?.[7]);
    }
  });

  it('keeps a cell’s line breaks in the HTML and one row per task in the text', () => {
    const mail = leaderMail(model, 'x.xlsx');
    expect(mail.html).toContain('1. 场地未落实<br>2. 师资不足');
    const lines = mail.text.split('\n');
    const row = lines.find((l) => l.startsWith('8\t'));
    expect(row).toContain('1. 场地未落实 / 2. 师资不足');
    // Every row of the behind table has as many columns as its header.
    const head = lines.findIndex((l) => l.startsWith('序号\t工作任务\t牵头单位'));
    const width = lines[head].split('\t').length;
    for (const line of lines.slice(head + 1, head + 1 + model.behind.length))
      expect(line.split('\t')).toHaveLength(width);
  });

  it('end with the 落款, the sender unit and the day, and ask for the form back by its date', () => {
    const signature = { unit: '四平市教育局', date: DEC_2 };
    const leaders = leaderMail(model, 'x.xlsx', { signature });
    expect(leaders.text.endsWith('\n\n四平市教育局\n2026年12月2日')).toBe(true);
    expect(leaders.html).toContain('<p style="text-align:right">四平市教育局<br>2026年12月2日</p></body>');
    const returnBy = returnDeadline(null, DEC_2).day;
    const unit = unitMail(model, '市总工会', 'x.xlsx', { returnForm: '表.xlsx', returnBy, signature });
    expect(unit.text).toContain('请于2026年12月9日前在附件《表.xlsx》中填写本单位任务的进展');
    expect(unit.text.endsWith('四平市教育局\n2026年12月2日')).toBe(true);
    // Without a sender set, the date alone.
    expect(
      leaderMail(model, 'x.xlsx', { signature: { unit: '', date: DEC_2 } }).text.endsWith(
        '》。\n\n2026年12月2日',
      ),
    ).toBe(true);
  });

  it('count five working days Monday to Friday for the return date, unless a date to come is set', () => {
    const friday = dayOf(2026, 12, 4) as Day;
    expect(addWorkingDays(friday, 5)).toBe(dayOf(2026, 12, 11));
    expect(addWorkingDays(dayOf(2026, 12, 5) as Day, 1)).toBe(dayOf(2026, 12, 7));
    expect(returnDeadline(dayOf(2026, 12, 20) as Day, friday)).toEqual({
      day: dayOf(2026, 12, 20),
      chosen: true,
    });
    // A date set last month is past: the default applies again.
    expect(returnDeadline(dayOf(2026, 11, 20) as Day, friday)).toEqual({
      day: dayOf(2026, 12, 11),
      chosen: false,
    });
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
      addresses: [{ email: 'a@x.cn' }, { email: 'b@y.cn' }, { email: 'c@z.cn' }],
      invalid: ['王局长'],
    });
    // A named mailbox, as mail programs write it, keeps its name and its address.
    expect(
      parseAddressList('leader1@sp.gov.cn; 市长 <mayor@sp.gov.cn>, "办公室" <office@sp.gov.cn>'),
    ).toEqual({
      addresses: [
        { email: 'leader1@sp.gov.cn' },
        { name: '市长', email: 'mayor@sp.gov.cn' },
        { name: '办公室', email: 'office@sp.gov.cn' },
      ],
      invalid: [],
    });
  });

  it('names files as people do, and makes any unit name safe and short', () => {
    expect(summaryFileName(asOf, undefined, planNames())).toBe('四平市职教重点任务汇总_截至20261128.xlsx');
    expect(summaryFileName(asOf, '双辽市人民政府', planNames())).toBe(
      '双辽市人民政府_四平市职教重点任务汇总_截至20261128.xlsx',
    );
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\u0001', 'eml')).toBe('abcdefghij.eml');
    const long = safeFileName('很长的单位名称'.repeat(30), 'xlsx');
    expect(Array.from(long)).toHaveLength(80 + '.xlsx'.length);
    expect(safeFileName('  ', 'zip')).toBe('汇总.zip');
  });
});
