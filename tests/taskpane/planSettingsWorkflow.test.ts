// 设置 › 方案's workflow: the draft an edit leaves, and the start a save refuses.
import { builtInPlan } from '../../src/ledger';
import { badStart, draftAfter, draftFields, shownFields } from '../../src/taskpane/planSettingsWorkflow';

const plan = { ...builtInPlan(), start: '2026-01-01' };

describe('the draft', () => {
  it('holds only the fields changed, and none once they are typed back', () => {
    const typed = draftAfter(plan, undefined, 'title', '新名称');
    expect(typed).toEqual({ title: '新名称' });
    const both = draftAfter(plan, typed ?? undefined, 'start', '2026-03-01');
    expect(draftFields(both ?? undefined)).toEqual(['title', 'start']);
    expect(shownFields(plan, both ?? undefined)).toMatchObject({
      title: '新名称',
      region: plan.region,
      start: '2026-03-01',
    });
    const back = draftAfter(plan, both ?? undefined, 'title', plan.title);
    expect(back).toEqual({ start: '2026-03-01' });
    expect(draftAfter(plan, back ?? undefined, 'start', '2026-01-01')).toBeNull();
  });
});

describe('a start the save refuses', () => {
  it.each<[string, boolean, boolean]>([
    ['2026-03-01', false, false],
    ['', false, false],
    // The date input could not read what was typed: its value is '' but nothing is cleared.
    ['', true, true],
    // A host whose date input is a text box lets any text through.
    ['2026-02-30', false, true],
    ['2026/3/1', false, true],
    ['明年', false, true],
  ])('%j (unreadable: %s) → %s', (start, unreadable, refused) => {
    expect(badStart(start, unreadable)).toBe(refused);
  });
});
