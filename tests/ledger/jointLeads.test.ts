// A task two units lead together (市人社局（牵头）、市教育局（牵头）): the 滞后逾期 list, the leaders'
// mail and the 通报 name both leads, by the one formatter (leadNames), never only the first.
import {
  behindTableRows,
  bulletinOf,
  bulletinText,
  dayOf,
  DEFAULT_NEXT_STEPS,
  leaderMail,
  leadNames,
  parseResponsibleUnits,
  summarize,
  type Day,
} from '../../src/ledger';
import { ledgerWith, set } from './fixtures';

const NOV_30 = dayOf(2026, 11, 30) as Day;
const JOINT = '市人社局（牵头）、市教育局（牵头）、市财政局';
const BOTH = '市人社局、市教育局';

const model = summarize(
  ledgerWith((rows) => {
    for (let no = 1; no <= 40; no++) {
      set(rows, no, 'deadline', '2026-12-31');
      set(rows, no, 'progress', 85);
      set(rows, no, 'status', '序时推进');
    }
    set(rows, 7, 'units', JOINT);
    set(rows, 7, 'status', '滞后');
  }),
  { asOf: NOV_30 },
);

describe('a task several units lead by name', () => {
  it('joins every lead, and only the leads, with 、', () => {
    expect(leadNames(parseResponsibleUnits(JOINT))).toBe(BOTH);
    expect(leadNames(parseResponsibleUnits('市人社局、市教育局'))).toBe('市人社局');
    expect(leadNames(parseResponsibleUnits(''))).toBe('');
  });

  it('names both leads in the 滞后逾期 list, the leaders’ mail and the 通报', () => {
    expect(model.behind.map((b) => [b.no, b.lead])).toEqual([[7, BOTH]]);
    expect(behindTableRows(model).map((r) => [r[0], r[2]])).toEqual([['7', BOTH]]);
    const mail = leaderMail(model, '汇总.xlsx');
    expect(mail.text).toContain(BOTH);
    expect(mail.html).toContain(BOTH);
    const text = bulletinText(
      bulletinOf(model, { issuer: '督查室', date: NOV_30, nextSteps: DEFAULT_NEXT_STEPS }),
    );
    expect(text).toContain(`牵头单位：${BOTH}`);
  });
});
