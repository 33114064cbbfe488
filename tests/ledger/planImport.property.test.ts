// Random annexes in every shape: tasks and unit lists are generated, written out as a table or
// as text the way annexes write them, read back, and compared with what was generated.
import fc from 'fast-check';
import { importAnnexTable, importAnnexText } from '../../src/ledger/planImport';

const REGIONS = ['市', '县', '区'];
const OFFICES = [
  '教育',
  '财政',
  '发改',
  '交通运输',
  '卫健',
  '商务',
  '应急',
  '水利',
  '住建',
  '农业农村',
  '市场监管',
];
const SUFFIXES = ['局', '委', '办'];
const COLLECTIVES = ['各县（市、区）人民政府', '各乡镇人民政府、街道办事处', '区直各有关部门', '各职业学校'];
const OTHERS = ['四平职业学院', '魏武国控集团', '立山经济开发区', '税务局'];
const LEADERS = ['张伟', '李副市长', '王建', '赵立'];

const unitName = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom(...REGIONS), fc.constantFrom(...OFFICES), fc.constantFrom(...SUFFIXES))
      .map((p) => p.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom(...COLLECTIVES) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHERS) },
);

const PHRASES = [
  '推进',
  '建设',
  '完善',
  '实施',
  '开展',
  '职业教育',
  '产教融合',
  '示范基地',
  '10个',
  '体系',
  '机制',
  '“一网通办”',
  '改革',
  '服务',
];
const taskText = fc
  .array(fc.constantFrom(...PHRASES), { minLength: 2, maxLength: 8 })
  .chain((words) =>
    fc
      .constantFrom('，', '')
      .map(
        (comma) =>
          `${words.slice(0, 2).join('')}${words.length > 2 ? comma : ''}${words.slice(2).join('')}。`,
      ),
  );

interface GeneratedTask {
  readonly text: string;
  readonly lead: string[];
  readonly partners: string[];
  readonly leader: string;
}

const generatedTask = fc
  .tuple(
    taskText,
    fc.uniqueArray(unitName, { minLength: 1, maxLength: 5 }),
    fc.integer({ min: 1, max: 2 }),
    fc.constantFrom(...LEADERS),
  )
  .map(([text, units, leads, leader]): GeneratedTask => {
    const lead = units.slice(0, Math.min(leads, units.length));
    return { text, lead, partners: units.slice(lead.length), leader };
  });

type Shape = 'units-column' | 'lead-columns' | 'list' | 'inline';

function write(
  shape: Shape,
  tasks: readonly GeneratedTask[],
  separator: string,
): { rows?: string[][]; text?: string } {
  switch (shape) {
    case 'units-column':
      // One column: the first unit leads, so a task generated with two leads keeps one.
      return {
        rows: [
          ['序号', '工作任务', '责任领导', '责任单位'],
          ...tasks.map((t, i) => [
            String(i + 1),
            t.text,
            t.leader,
            [...t.lead, ...t.partners].join(separator),
          ]),
        ],
      };
    case 'lead-columns':
      return {
        rows: [
          ['序号', '工作任务', '分管领导', '牵头单位', '配合单位'],
          ...tasks.map((t, i) => [
            String(i + 1),
            t.text,
            t.leader,
            t.lead.join('\n'),
            t.partners.join(separator),
          ]),
        ],
      };
    case 'list':
      return {
        text: tasks
          .map(
            (t, i) =>
              `${i + 1}.${t.text} 牵头单位：${t.lead.join('、')}${t.partners.length ? ` 责任单位：${t.partners.join(separator)}` : ''}`,
          )
          .join('\n'),
      };
    case 'inline':
      return {
        text: tasks
          .map(
            (t, i) =>
              `${i + 1}.${t.text.replace(/。$/u, '')}（${t.lead.join('、')}牵头${t.partners.length ? `，${t.partners.join(separator)}按职责分工负责` : ''}）`,
          )
          .join('\n'),
      };
  }
}

describe('importing random annexes gives back every task, lead and partner', () => {
  it('in every shape', () => {
    fc.assert(
      fc.property(
        fc.array(generatedTask, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<Shape>('units-column', 'lead-columns', 'list', 'inline'),
        fc.constantFrom('、', '，', '；'),
        (tasks, shape, separator) => {
          const written = write(shape, tasks, separator);
          const plan = written.rows ? importAnnexTable(written.rows) : importAnnexText(written.text ?? '');
          expect(plan.problems).toEqual([]);
          expect(plan.tasks).toHaveLength(tasks.length);
          plan.tasks.forEach((got, i) => {
            const want = tasks[i];
            const lead = shape === 'units-column' ? want.lead.slice(0, 1) : want.lead;
            const partners =
              shape === 'units-column' ? [...want.lead.slice(1), ...want.partners] : want.partners;
            expect(got.text).toBe(shape === 'inline' ? want.text.replace(/。$/u, '') : want.text);
            expect(got.lead).toEqual(lead);
            expect(got.partners).toEqual(partners);
          });
          const generated = new Set(tasks.flatMap((t) => [...t.lead, ...t.partners]));
          // No unit invented, none read from a leader's column.
          for (const unit of plan.units) expect(generated.has(unit.name)).toBe(true);
          for (const leader of LEADERS) expect(plan.units.some((u) => u.name === leader)).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });
});
