// The units of an imported plan as 单位名录 and 筛选 take them: which 统称 筛选 lists (only those
// the ledger names, or reaches through one it names), where a 统称's members come from, and the
// kind a unit the built-in directory knows is offered with in the review.
import { OFFICIAL_TASKS, planCollectives, planFromAnnex, unitsInLedger, unitsToAdd } from '../../src/ledger';
import { reviewedUnits, reviewText } from '../../src/taskpane/importWorkflow';

const tasks = (...units: string[]) => units.map((text, i) => ({ no: i + 1, units: text }));
const collectivesIn = (list: readonly { name: string; kind: string }[]) =>
  list.filter((c) => c.kind === 'collective').map((c) => c.name);

describe('筛选’s 统称', () => {
  it('lists none the tasks do not name, though a member they name is in it', () => {
    const listed = unitsInLedger(tasks('市工信局、梨树县人民政府', '双辽市人民政府'));
    expect(listed.map((c) => c.name).sort()).toEqual(['市工信局', '梨树县人民政府', '双辽市人民政府'].sort());
  });

  it('lists a named 统称 and what it reaches, nested ones too, not the 统称 above it', () => {
    const listed = unitsInLedger(tasks('市工信局，各县（市）区人民政府'));
    expect(collectivesIn(listed)).toEqual(['各县（市）人民政府', '各县（市）区人民政府']);
    expect(listed.map((c) => c.name)).toContain('铁东区人民政府');
  });

  it('lists the built-in plan’s five, as before', () => {
    expect(collectivesIn(unitsInLedger(OFFICIAL_TASKS))).toEqual([
      '各县（市）人民政府',
      '各县（市）区人民政府',
      '各级人民政府',
      '各职业学校',
      '相关职业学校',
    ]);
  });
});

describe('an imported plan’s 统称', () => {
  const review = reviewText(
    [
      '序号\t工作任务\t牵头单位\t配合单位',
      '1\t开展研学实践。\t梨川县教育局\t各中小学校、梨川县第一中学',
    ].join('\n'),
    2027,
  );
  const plan = planFromAnnex(review.annex, { title: '梨川县教育工作要点' }, reviewedUnits(review));

  it('unknown to any directory: the members guessed among the plan’s units, each written with 所属', () => {
    expect(planCollectives([], plan).get('各中小学校')).toEqual({
      source: 'guessed',
      members: [{ name: '梨川县第一中学', members: null }],
    });
    const rows = unitsToAdd([], plan);
    expect(rows.find((r) => r[0] === '梨川县第一中学')?.[3]).toBe('各中小学校');
  });

  it('listed in 单位名录 by its members’ 所属: its members as listed there', () => {
    const listed = [
      { name: '各中小学校', kind: '统称' },
      { name: '梨川县第一中学', kind: '学校', memberOf: '各中小学校' },
      { name: '梨川县第二中学', kind: '学校', memberOf: '各中小学校' },
    ];
    expect(planCollectives(listed, plan).get('各中小学校')).toEqual({
      source: 'listed',
      members: ['梨川县第一中学', '梨川县第二中学'].map((name) => ({ name, members: null })),
    });
    expect(unitsToAdd(listed, plan).map((r) => r[0])).toEqual(['梨川县教育局']);
  });
});

it('the review offers a unit the built-in directory knows with its kind there', () => {
  const review = reviewText(
    ['序号\t工作任务\t责任单位', '1\t开展社区教育。\t吉林开放大学四平分校'].join('\n'),
    2027,
  );
  expect(reviewedUnits(review)[0].kind).toBe('school');
  expect(reviewedUnits({ ...review, kinds: { 吉林开放大学四平分校: 'department' } })[0].kind).toBe(
    'department',
  );
});
