import fc from 'fast-check';
import {
  chineseNumeral,
  indicatorSeeds,
  OFFICIAL_TASKS,
  readNumeral,
  readTargets,
  seedsForTasks,
  type TargetReading,
} from '../../src/ledger';

type Expected = [
  quantity: number,
  measure: string,
  name: string,
  kind: TargetReading['kind'],
  bound: TargetReading['bound'],
  scope: TargetReading['scope'],
];

/**
 * The reviewed reading of all 40 official tasks: every number with a measure word in the text,
 * read by hand. Tasks not listed set no quantitative target (1+X, 一体化, 三全育人 are words).
 */
const REVIEWED: Readonly<Record<number, readonly Expected[]>> = {
  1: [[1, '个', '省内乃至东三省产教融合示范区', 'count', 'aim', null]],
  2: [[1, '所', '职教中心', 'count', 'exact', 'county']],
  8: [[10, '个', '省级特色高水平中高职专业（群）', 'count', 'exact', null]],
  // A recurring norm (每年至少…1个月), not something delivered once.
  11: [[1, '个月', '职业学校有序安排教师每年至少到企业或者实训基地实践', 'norm', 'floor', null]],
  12: [
    [10, '门', '思政示范课', 'count', 'exact', null],
    [2, '个', '“三全育人”典型学校', 'count', 'exact', null],
  ],
  14: [
    [10, '个', '智慧课堂', 'count', 'exact', null],
    [10, '门', '在线精品课', 'count', 'exact', null],
    [3, '个', '专业教学资源库', 'count', 'exact', null],
  ],
  18: [
    [5, '个', '高水平校内实训基地', 'count', 'exact', null],
    [5, '个', '虚拟仿真实训室', 'count', 'exact', null],
    [4, '个', '产教融合实习实训基地', 'count', 'exact', null],
  ],
  21: [[5, '个', '工匠（院士、劳模）工作室', 'count', 'exact', null]],
  27: [[1, '所', '老年大学', 'count', 'exact', 'county-district']],
  28: [[2, '个', '省级服务县域振兴示范性职教中心', 'count', 'exact', null]],
  30: [[1, '个', '电商直播基地', 'count', 'exact', 'county']],
};

const brief = (r: TargetReading): Expected => [r.quantity, r.measure, r.name, r.kind, r.bound, r.scope];

describe('readTargets on the 40 official tasks (the reviewed table)', () => {
  it.each(OFFICIAL_TASKS.map((t) => [t.no, t.task] as const))('task %i', (no, text) => {
    expect(readTargets(text).map(brief)).toEqual(REVIEWED[no] ?? []);
  });

  it('sets 23 indicators for the plan: scoped targets once per member unit, norms none', () => {
    const seeds = seedsForTasks(OFFICIAL_TASKS.map((t) => ({ ...t, unitsText: t.units })));
    expect(seeds).toHaveLength(23);
    expect(seeds.filter((s) => s.no === 11)).toEqual([]);
    const owners = (no: number) => seeds.filter((s) => s.no === no).map((s) => s.owner);
    expect(owners(27)).toEqual([
      '梨树县人民政府',
      '伊通满族自治县人民政府',
      '双辽市人民政府',
      '铁西区人民政府',
      '铁东区人民政府',
    ]);
    expect(owners(30)).toEqual(['梨树县人民政府', '伊通满族自治县人民政府', '双辽市人民政府']);
    expect(owners(2)).toEqual(['梨树县人民政府', '伊通满族自治县人民政府', '双辽市人民政府']);
    // A city-wide total is the task's, owned by its 责任单位 as written.
    expect(owners(8)).toEqual(['市教育局、四平职业大学，各县（市）人民政府']);
    expect(seeds.find((s) => s.no === 1)?.note).toBe(
      '据任务正文：“力争建设1个省内乃至东三省产教融合示范区”（力争）',
    );
    expect(seeds.find((s) => s.no === 27)?.note).toContain('每个县（市）区各计');
  });

  it('expands a scoped target through the workbook directory as it is now', () => {
    const directory = {
      units: [
        { name: '各县（市）人民政府', aliases: [], kind: 'collective' as const, members: ['甲县人民政府'] },
        { name: '甲县人民政府', aliases: [], kind: 'government' as const, members: [] },
      ],
    };
    const seeds = indicatorSeeds(
      { no: 30, task: OFFICIAL_TASKS[29].task, unitsText: '各县（市）人民政府' },
      directory,
    );
    expect(seeds.map((s) => s.owner)).toEqual(['甲县人民政府']);
    // A directory without the collective keeps one indicator, owned by the collective's name.
    const bare = indicatorSeeds({ no: 30, task: OFFICIAL_TASKS[29].task, unitsText: 'x' }, { units: [] });
    expect(bare.map((s) => s.owner)).toEqual(['各县（市）人民政府']);
  });
});

describe('readTargets on invented texts', () => {
  it.each<[string, Expected[]]>([
    ['培训教师一百二十人次', [[120, '人次', '培训教师', 'count', 'exact', null]]],
    [
      '打造两个市级示范基地和十所特色学校',
      [
        [2, '个', '市级示范基地', 'count', 'exact', null],
        [10, '所', '特色学校', 'count', 'exact', null],
      ],
    ],
    ['新建实训基地5个', [[5, '个', '实训基地', 'count', 'exact', null]]],
    ['建设3至5个乡村振兴示范点', [[3, '个', '乡村振兴示范点', 'count', 'exact', null]]],
    ['认定不少于20所标杆学校', [[20, '所', '标杆学校', 'count', 'floor', null]]],
    ['建设5个以上产教融合基地', [[5, '个', '产教融合基地', 'count', 'floor', null]]],
    ['争取新增3门国家级精品课', [[3, '门', '国家级精品课', 'count', 'aim', null]]],
    ['每学期开展2次教研活动', [[2, '次', '教研活动', 'norm', 'exact', null]]],
    // The floor word before the number is the bound, not part of the name.
    ['教师年均培训不少于72学时', [[72, '学时', '教师年均培训', 'norm', 'floor', null]]],
    ['证书通过率达到90%', [[90, '%', '证书通过率', 'count', 'exact', null]]],
    ['谋划储备重大项目不少于100个', [[100, '个', '谋划储备重大项目', 'count', 'floor', null]]],
    // A ceiling on time is not a count to reach (it was read as 1个 工作日以内).
    ['企业开办时间压缩至1个工作日以内。', [[1, '个工作日', '企业开办时间', 'limit', 'exact', null]]],
    ['审批时限不超过3个工作日', [[3, '个工作日', '审批时限', 'limit', 'exact', null]]],
    // A growth rate is a percentage change, named by what grows (it was a count of 8 %).
    [
      '谋划储备重大项目不少于100个，全年完成固定资产投资增长8%。',
      [
        [100, '个', '谋划储备重大项目', 'count', 'floor', null],
        [8, '%', '固定资产投资增长', 'growth', 'exact', null],
      ],
    ],
    // 万 multiplies the number (2万人次 read nothing); 亿元 stays a measure word.
    ['开展职业技能培训2万人次。', [[20000, '人次', '职业技能培训', 'count', 'exact', null]]],
    ['培训农民1.5万人', [[15000, '人', '培训农民', 'count', 'exact', null]]],
    ['新增普惠小微贷款50亿元', [[50, '亿元', '新增普惠小微贷款', 'count', 'exact', null]]],
    ['每个县(市、区)建设1个社区学校', [[1, '个', '社区学校', 'count', 'exact', 'county-district']]],
    ['各县市建成1所标准化实训中心', [[1, '所', '标准化实训中心', 'count', 'exact', 'county']]],
  ])('%s', (text, expected) => {
    expect(readTargets(text).map(brief)).toEqual(expected);
  });

  it('makes indicators of counts only: not of a ceiling or a growth rate', () => {
    const seeds = (task: string) => indicatorSeeds({ no: 1, task, unitsText: '市发改委' }).map((s) => s.name);
    expect(seeds('企业开办时间压缩至1个工作日以内。')).toEqual([]);
    expect(seeds('谋划储备重大项目不少于100个，全年完成固定资产投资增长8%。')).toEqual(['谋划储备重大项目']);
    expect(indicatorSeeds({ no: 1, task: '开展职业技能培训2万人次。', unitsText: '市人社局' })).toMatchObject(
      [{ name: '职业技能培训', target: 20000, measure: '人次' }],
    );
  });

  it('keeps the number as written', () => {
    expect(readTargets('开展职业技能培训2万人次')[0].numberText).toBe('2万');
  });

  it('keeps the range upper end', () => {
    expect(readTargets('建设3至5个示范点')[0].upTo).toBe(5);
    expect(readTargets('建设三到五所学校')[0]).toMatchObject({ quantity: 3, upTo: 5, measure: '所' });
  });

  it.each([
    '2025年底前完成',
    '推动“1+X”证书试点',
    '第一个试点学校',
    '每一所学校都要达标',
    '推动一体化协同发展',
    '建设一批示范校',
    '在“十四五”期间',
    '',
  ])('reads no target in %s', (text) => {
    expect(readTargets(text)).toEqual([]);
  });
});

describe('numerals', () => {
  it.each<[string, number | null]>([
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['两', 2],
    ['一百二十', 120],
    ['一百零五', 105],
    ['三千', 3000],
    ['一万二千', 12000],
    ['二〇二五', 2025],
    ['十十', null],
    ['零十', null],
    ['万', null],
    ['', null],
  ])('%s → %p', (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });

  it('reads digits and decimals', () => {
    expect(readNumeral('10')).toBe(10);
    expect(readNumeral(' 1.5 ')).toBe(1.5);
    expect(readNumeral('1,000')).toBeNull();
  });
});

describe('readTargets properties', () => {
  it('never throws, and every reading is a positive number found in its text', () => {
    const pieces = fc.constantFrom(
      '建设',
      '10',
      '十',
      '两',
      '个',
      '门',
      '所',
      '、',
      '和',
      '，',
      '。',
      '每年',
      '至少',
      '力争',
      '各县（市）',
      '的',
      '基地',
      '至',
      '以上',
      '第',
      '%',
    );
    const text = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        for (const r of readTargets(t)) {
          expect(r.quantity).toBeGreaterThan(0);
          expect(t).toContain(r.numberText);
          expect(t).toContain(r.clause);
          expect(r.name.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every official indicator number appears in its task text', () => {
    for (const t of OFFICIAL_TASKS)
      for (const r of readTargets(t.task)) expect(t.task).toContain(`${r.numberText}${r.measure}`);
  });
});
