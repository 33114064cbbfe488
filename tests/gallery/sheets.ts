// A gallery of sheets as people really keep them, unusual or malformed, each with what the
// add-in must do with it written down: refuse (with which sentence), or adopt (which table,
// how many tasks, what it added or renamed, what it left outside) and which cells 全部修复
// may write. gallery.test.ts runs each through adopt → validate → fix all → summaries →
// regenerate and diffs the whole workbook after every step.
import { OFFICIAL_TASKS, type CellValue } from '../../src/ledger';

export type Cells = Record<string, CellValue[][]>;

export type Outcome =
  | { readonly refused: string; readonly says: string }
  | {
      /** The table's range after adoption. */
      readonly table: string;
      readonly tasks: number;
      /** How many ledger columns adoption adds at the right. */
      readonly added: number;
      readonly renamed?: readonly string[];
      readonly rowsLeftOut?: readonly number[];
      /** Every cell 全部修复 writes, by address; nothing else may change. */
      readonly fixes: readonly string[];
      /** Rules that must be among the findings. */
      readonly finds?: readonly string[];
    };

export interface GalleryCase {
  readonly name: string;
  readonly cells: Cells;
  readonly merges?: readonly string[];
  readonly protect?: boolean;
  readonly table?: string;
  readonly outcome: Outcome;
}

const task = (no: number) => OFFICIAL_TASKS[no - 1];
const HEAD = ['序号', '工作任务', '责任单位', '状态'];
/** Official task rows with their own numbers and a status. */
const rows = (nos: readonly number[], status = '序时推进'): CellValue[][] =>
  nos.map((no) => [no, task(no).task, task(no).units, status]);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ALL = range(1, 40);

export const GALLERY: readonly GalleryCase[] = [
  {
    name: 'the whole plan, plain, from A1',
    cells: { A1: [HEAD, ...rows(ALL)] },
    outcome: { table: 'A1:K41', tasks: 40, added: 7, fixes: [] },
  },
  {
    name: 'a title and a note above the header',
    cells: { A1: [['四平市职业教育重点任务台账']], A2: [['（2026年11月更新）']], A4: [HEAD, ...rows(ALL)] },
    merges: ['A1:D1'],
    outcome: { table: 'A4:K44', tasks: 40, added: 7, fixes: [] },
  },
  {
    name: "a unit's own ledger: eight official tasks renumbered 1–8",
    cells: { A1: [HEAD, ...rows([3, 7, 12, 18, 27, 30, 33, 36]).map((r, i) => [i + 1, ...r.slice(1)])] },
    outcome: { table: 'A1:K9', tasks: 8, added: 7, fixes: [] },
  },
  {
    name: 'a task of its own inserted after task 5, the rows below renumbered',
    cells: {
      A1: [
        HEAD,
        ...rows(range(1, 5)),
        [6, '建立职业教育工作月调度制度。', '市教育局', '序时推进'],
        ...rows(range(6, 40)).map((r, i) => [i + 7, ...r.slice(1)]),
      ],
    },
    outcome: { table: 'A1:K42', tasks: 41, added: 7, fixes: [] },
  },
  {
    name: 'one mistyped 序号 (task 6 numbered 5)',
    cells: { A1: [HEAD, ...rows(ALL).map((r, i) => (i === 5 ? [5, ...r.slice(1)] : r))] },
    outcome: { table: 'A1:K41', tasks: 40, added: 7, fixes: ['A7'], finds: ['no.official'] },
  },
  {
    name: 'another plan that shares one row with this one',
    cells: {
      A1: [
        HEAD,
        [1, '推进全市老旧小区改造，年内完成改造20个小区。', '市住建局', '序时推进'],
        [2, '完善城市排水防涝设施，消除易涝点。', '市住建局、市水利局', '序时推进'],
        [3, task(4).task, '市教育局', '序时推进'],
        [4, '开展农村人居环境整治。', '市农业农村局', '未启动'],
      ],
    },
    outcome: { table: 'A1:K5', tasks: 4, added: 7, fixes: [] },
  },
  {
    name: 'a 制表人 / 审核人 footer under the tasks',
    cells: { A1: [HEAD, ...rows(range(1, 10))], A13: [['制表人：张三', '', '审核人：李四']] },
    outcome: { table: 'A1:K11', tasks: 10, added: 7, rowsLeftOut: [13], fixes: [] },
  },
  {
    name: 'a note far to the right of the title row',
    cells: { A1: [['重点任务台账']], P1: [['单位：市教育局']], A3: [HEAD, ...rows(range(1, 6))] },
    outcome: { table: 'A3:K9', tasks: 6, added: 7, fixes: [] },
  },
  {
    name: '序号 typed as text, full-width digits among them',
    // A leading apostrophe keeps a typed 1 as text, as in Excel.
    cells: {
      A1: [
        HEAD,
        ...rows(range(1, 6)).map((r, i) => [["'1", '２', "'3", '４', "'5", '６'][i], ...r.slice(1)]),
      ],
    },
    outcome: {
      table: 'A1:K7',
      tasks: 6,
      added: 7,
      fixes: ['A2', 'A3', 'A4', 'A5', 'A6', 'A7'],
      finds: ['no.notInteger'],
    },
  },
  {
    name: '序号 as formulas (=ROW()-1)',
    cells: { A1: [HEAD], A2: rows(range(1, 8)).map((r) => ['=ROW()-1', ...r.slice(1)]) },
    outcome: { table: 'A1:K9', tasks: 8, added: 7, fixes: [] },
  },
  {
    name: 'two header rows: a group row above the real one',
    cells: { A1: [['基本信息', '', '', '推进情况'], HEAD, ...rows(range(1, 5))] },
    outcome: { table: 'A2:K7', tasks: 5, added: 7, fixes: [] },
  },
  {
    name: 'blank rows between the tasks',
    cells: { A1: [HEAD, ...rows([1, 2]), ['', '', '', ''], ...rows([3, 4]), ['', '', '', ''], ...rows([5])] },
    outcome: { table: 'A1:K8', tasks: 5, added: 7, fixes: [], finds: ['row.blank'] },
  },
  {
    name: 'merged cells inside the task block',
    cells: { A1: [HEAD, ...rows(range(1, 4))] },
    merges: ['B3:C3'],
    outcome: { refused: 'MergedCells', says: '合并单元格' },
  },
  {
    name: 'no header row with 序号 / 工作任务 / 责任单位',
    cells: {
      A1: [
        ['编号', '事项', '单位'],
        [1, '某事项', '市教育局'],
      ],
    },
    outcome: { refused: 'NoHeader', says: '没有找到同时含“序号”“工作任务”“责任单位”的标题行' },
  },
  {
    name: 'a header with no task under it',
    cells: { A1: [HEAD] },
    // Says what to do, not only what is wrong (issue 21, item 14).
    outcome: { refused: 'NoRows', says: '标题行下面没有任务行，未做更改。请在标题行下逐行填入任务' },
  },
  {
    name: 'a huge cell: 5,000 characters of progress notes',
    cells: {
      A1: [
        [...HEAD, '进展情况'],
        ...rows(range(1, 3)).map((r, i) => [...r, i === 1 ? '进展'.repeat(2500) : '']),
      ],
    },
    outcome: { table: 'A1:K4', tasks: 3, added: 6, fixes: [] },
  },
  {
    name: 'text that looks like a formula or markup in the notes',
    cells: {
      A1: [
        [...HEAD, '存在问题'],
        [...rows([1])[0], '滞后'].slice(0, 4).concat(['\'=HYPERLINK("http://example.invalid","点我")']),
        [...rows([2])[0].slice(0, 3), '滞后', '<script>alert(1)</script>'],
      ],
    },
    outcome: { table: 'A1:K3', tasks: 2, added: 6, fixes: [] },
  },
  {
    name: 'deadlines in every form: date cells, 2026, 2026.12, 年底前, 长期',
    cells: {
      A1: [
        [...HEAD, '完成时限'],
        ...rows(range(1, 6)).map((r, i) => [...r, [46295, 2026, 2026.12, '2025年底前', '长期', '下个月'][i]]),
      ],
    },
    outcome: {
      table: 'A1:K7',
      tasks: 6,
      added: 6,
      fixes: [],
      finds: ['deadline.invalid', 'deadline.overdue'],
    },
  },
  {
    name: 'deadlines typed the zh-CN way (Excel makes 2026年6月30日 a date cell)',
    cells: {
      A1: [
        [...HEAD, '完成时限'],
        ...rows(range(1, 3)).map((r, i) => [...r, ['2026年6月30日', '2027年1月15日', '12月31日'][i]]),
      ],
    },
    outcome: { table: 'A1:K4', tasks: 3, added: 6, fixes: [], finds: ['deadline.overdue'] },
  },
  {
    name: 'progress as 0.5, "50%", 120 and 五十',
    cells: {
      A1: [[...HEAD, '进度(%)'], ...rows(range(1, 4)).map((r, i) => [...r, [0.5, '50%', 120, '五十'][i]])],
    },
    // "50%" typed into a General cell is stored as 0.5 formatted 0%: it reads as 50, no finding.
    outcome: {
      table: 'A1:K5',
      tasks: 4,
      added: 6,
      fixes: ['E2'],
      finds: ['progress.fraction', 'progress.invalid'],
    },
  },
  {
    name: 'statuses spelled loosely: 已 完成, 完成, 进行中, 随便',
    cells: {
      A1: [
        HEAD,
        ...rows(range(1, 4)).map((r, i) => [...r.slice(0, 3), ['已 完成', '完成', '进行中', '随便'][i]]),
      ],
    },
    outcome: { table: 'A1:K5', tasks: 4, added: 7, fixes: ['D2', 'D3', 'D4'], finds: ['status.unknown'] },
  },
  {
    name: 'units with half-width punctuation and spaces',
    cells: {
      A1: [
        HEAD,
        [3, task(3).task, ' 市教育局、市人社局、市财政局,各县(市)人民政府', '序时推进'],
        ...rows([4]),
      ],
    },
    outcome: { table: 'A1:K3', tasks: 2, added: 7, fixes: ['C2'], finds: ['units.format'] },
  },
  {
    name: 'units of the official task edited away',
    cells: { A1: [HEAD, [1, task(1).task, '市教育局', '序时推进'], ...rows([2])] },
    outcome: { table: 'A1:K3', tasks: 2, added: 7, fixes: ['C2'], finds: ['units.changed'] },
  },
  {
    name: 'an unknown unit',
    cells: { A1: [HEAD, [1, '自定任务', '市教育厅、某协会', '序时推进']] },
    outcome: { table: 'A1:K2', tasks: 1, added: 7, fixes: [], finds: ['units.unknown'] },
  },
  {
    name: 'two columns headed 状态',
    cells: { A1: [[...HEAD, '状态'], ...rows(range(1, 3)).map((r) => [...r, '旧状态'])] },
    outcome: { table: 'A1:L4', tasks: 3, added: 7, renamed: ['E1'], fixes: [] },
  },
  {
    name: 'a blank header cell between the columns',
    cells: {
      A1: [
        ['序号', '', '工作任务', '责任单位', '状态'],
        ...rows(range(1, 3)).map((r) => [r[0], '备', ...r.slice(1)]),
      ],
    },
    outcome: { table: 'A1:L4', tasks: 3, added: 7, renamed: ['B1'], fixes: [] },
  },
  {
    name: 'English headers (accepted aliases: nothing to fix)',
    cells: { A1: [['No.', 'Task', 'Responsible units', 'Status'], ...rows(range(1, 3))] },
    outcome: { table: 'A1:K4', tasks: 3, added: 7, fixes: [] },
  },
  {
    name: 'columns in another order, 责任单位 first',
    cells: {
      A1: [
        ['责任单位', '状态', '序号', '工作任务'],
        ...rows(range(1, 3)).map((r) => [r[2], r[3], r[0], r[1]]),
      ],
    },
    outcome: { table: 'A1:K4', tasks: 3, added: 7, fixes: [] },
  },
  {
    name: 'a note where the new columns would go',
    cells: { A1: [HEAD, ...rows(range(1, 3))], F3: [['备注：待核']] },
    outcome: { refused: 'CellsInTheWay', says: 'F3' },
  },
  {
    name: 'a protected sheet',
    cells: { A1: [HEAD, ...rows(range(1, 3))] },
    protect: true,
    outcome: { refused: 'AccessDenied', says: '受保护' },
  },
  {
    name: 'a sheet that already holds an Excel table',
    cells: { A1: [HEAD, ...rows(range(1, 3))] },
    table: 'A1:D4',
    outcome: { refused: 'HasTable', says: '已有 Excel 表格' },
  },
  {
    name: 'the block starts at C5',
    cells: { C5: [HEAD, ...rows(range(1, 4))] },
    outcome: { table: 'C5:M9', tasks: 4, added: 7, fixes: [] },
  },
  {
    name: 'extra columns of the user between the ledger columns',
    cells: {
      A1: [
        ['序号', '备注', '工作任务', '分管领导', '责任单位', '状态'],
        ...rows(range(1, 3)).map((r) => [r[0], '注', r[1], '王', r[2], r[3]]),
      ],
    },
    outcome: { table: 'A1:M4', tasks: 3, added: 7, fixes: [] },
  },
  {
    name: 'an official task entered twice',
    cells: { A1: [HEAD, ...rows(range(1, 5)), [6, task(3).task, task(3).units, '序时推进']] },
    outcome: { table: 'A1:K7', tasks: 6, added: 7, fixes: [], finds: ['task.repeated'] },
  },
  {
    name: 'a task text emptied in a whole-plan ledger',
    cells: { A1: [HEAD, ...rows(ALL).map((r, i) => (i === 20 ? [r[0], '', r[2], r[3]] : r))] },
    outcome: { table: 'A1:K41', tasks: 40, added: 7, fixes: ['B22'], finds: ['task.empty'] },
  },
  {
    name: 'a near copy of the official text under its own number',
    cells: {
      A1: [
        HEAD,
        ...rows(ALL).map((r, i) =>
          i === 9 ? [r[0], task(10).task.replace('名师培养工程', '名师工程'), r[2], r[3]] : r,
        ),
      ],
    },
    outcome: { table: 'A1:K41', tasks: 40, added: 7, fixes: ['B11'], finds: ['task.changed'] },
  },
];
