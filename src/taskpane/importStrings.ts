// 开始 › 导入分工表's strings, Chinese and English; a key missing in either language fails the type
// check, as in i18n.ts.
import type { ImportProblemKind, Language, MemberNode, SkipReason, UnitKind } from '../ledger';

/** A 统称's members, a member that is itself a 统称 named as one, with its own members. */
const zhMembers = (nodes: readonly MemberNode[]): string =>
  nodes.map((n) => (n.members ? `${n.name}（统称：${zhMembers(n.members)}）` : n.name)).join('、');
const enMembers = (nodes: readonly MemberNode[]): string =>
  nodes.map((n) => (n.members ? `${n.name} (collective: ${enMembers(n.members)})` : n.name)).join(', ');

const zh = {
  title: '导入分工表',
  hint: '把其他方案的重点任务分工表粘贴到一个工作表中，或把文字粘贴在下面；先读取、核对，再导入生成台账、单位名录和指标。工作簿已有台账时，另建一个该方案的台账，新单位并入单位名录（该方案的指标另建一个工作表；进度快照和报送登记按方案分别记录）。',
  fromSheet: '读取当前工作表',
  pasted: '粘贴的分工表文字',
  fromText: '读取粘贴的文字',
  readFrom: (where: string, tasks: number, units: number) =>
    `已读取${where}：${tasks}项任务，${units}个单位。尚未写入任何内容。`,
  sheetWhere: (sheet: string) => `工作表“${sheet}”`,
  textWhere: '粘贴的文字',
  tasksHeading: '任务',
  no: '序号',
  label: '原序号',
  text: '工作任务',
  lead: '牵头单位',
  partners: '配合单位',
  deadline: '完成时限',
  leaders: '责任领导',
  group: '分组',
  unitsHeading: '识别出的单位（类别为推测，请核对）',
  unitKindOf: (name: string) => `“${name}”的类别`,
  kinds: {
    department: '部门',
    government: '政府',
    school: '学校',
    enterprise: '企业',
    collective: '统称',
  } satisfies Record<UnitKind, string>,
  members: (nodes: readonly MemberNode[]) =>
    nodes.length > 0
      ? `推测成员：${zhMembers(nodes)}`
      : '未推测出成员：导入后可在“单位名录”的“所属”列中填写。',
  pairsHeading: '视为同一单位的名称（推测，请核对）',
  paired: (alias: string, kept: string) => `“${alias}”视为“${kept}”（全称与简称对照），导入后作为其别名。`,
  keepApart: '分开',
  keepApartLabel: (alias: string) => `把“${alias}”作为单独的单位`,
  keptApart: (name: string) => `“${name}”已分开，作为单独的单位。`,
  joinAgain: '撤销分开',
  joinAgainLabel: (name: string) => `撤销分开“${name}”`,
  splitOff: (name: string, of: string, from: 'listed' | 'builtIn') =>
    `${from === 'listed' ? '单位名录' : '内置单位名录'}中“${of}”的别名“${name}”将作为单独的单位。`,
  alreadyApart: (alias: string, kept: string) =>
    `单位名录中“${alias}”已是单独的单位（此前已分开），导入后仍与“${kept}”分开。`,
  listedMembers: (nodes: readonly MemberNode[]) =>
    `单位名录中已有此统称，成员：${zhMembers(nodes)}（导入时沿用）。`,
  builtInMembers: (nodes: readonly MemberNode[]) =>
    `成员取自内置名录：${zhMembers(nodes)}（导入时写入单位名录）。`,
  skippedHeading: '未作为任务读取的行',
  reasons: {
    blank: '空行',
    header: '表头',
    title: '标题',
    note: '说明文字',
    continuation: '续接上一行的任务：文字已并入该任务，请核对',
    excluded: '已排除：您选择不导入此行',
  } satisfies Record<SkipReason, string>,
  problemsHeading: (n: number) => `${n}处无法读取：请修改该行或不导入该行，之后才能导入。`,
  problems: {
    'no-units': '没有责任单位',
    'no-text': '没有任务内容',
    'unreadable-deadline': '完成时限无法识别',
    'repeated-number': '序号在同一分组中重复',
    'no-lead': '只有配合单位，没有牵头单位',
    'no-header': '找不到“工作任务”和“责任单位”（或“牵头单位”）表头',
    'nothing-read': '没有读到任何任务',
    'not-a-unit': '单位名称中有日期或引号，像是读错了单元格，未作为单位',
    'sub-header-conflict': '第二行表头与上一行表头不符，无法确定各列',
  } satisfies Record<ImportProblemKind, string>,
  row: (where: 'sheet' | 'text', n: number) => (where === 'sheet' ? `第${n}行` : `第${n}行（粘贴的文字）`),
  wholeSource: '整个来源',
  edit: '修改此行',
  editLabel: (row: string) => `${row}的内容（单元格之间用Tab分隔）`,
  reread: '按修改重新读取',
  exclude: '不导入此行',
  cancelEdit: '取消修改',
  planTitle: '方案名称',
  planTitleHint: '用于台账标题、汇总表和通报；取自分工表的标题行（如有），请核对。',
  shortName: '简称（用于文件名，可不填）',
  importButton: '导入，生成台账',
  blockedByProblems: '仍有无法读取的行，暂不能导入。',
  needTitle: '请填写方案名称。',
  discard: '放弃',
  imported: (title: string, sheet: string, tasks: number, units: number) =>
    `已导入“${title}”：工作表“${sheet}”共${tasks}项任务，单位名录${units}个单位；方案随工作簿保存。原工作表未改动。`,
};

type ImportStrings = { readonly [K in keyof typeof zh]: (typeof zh)[K] };

const en: ImportStrings = {
  title: 'Import a 分工 table',
  hint: 'Paste another plan’s 分工 table into a sheet, or its text below; read it, check it, then import it to make the ledger, 单位名录 and 指标. On a workbook that has a ledger it makes another, this plan’s, and adds the new units to 单位名录 (its 指标 on a sheet of its own; 进度快照 and 报送登记 keep each plan’s rows apart).',
  fromSheet: 'Read the current sheet',
  pasted: 'Pasted 分工 text',
  fromText: 'Read the pasted text',
  readFrom: (where: string, tasks: number, units: number) =>
    `Read ${where}: ${tasks} tasks, ${units} units. Nothing has been written yet.`,
  sheetWhere: (sheet: string) => `the sheet ${sheet}`,
  textWhere: 'the pasted text',
  tasksHeading: 'Tasks',
  no: 'No.',
  label: 'Original no.',
  text: 'Task',
  lead: 'Lead',
  partners: 'Partners',
  deadline: 'Deadline',
  leaders: 'Leaders',
  group: 'Group',
  unitsHeading: 'Units found (kinds are guesses: check them)',
  unitKindOf: (name: string) => `Kind of ${name}`,
  kinds: {
    department: 'Department',
    government: 'Government',
    school: 'School',
    enterprise: 'Enterprise',
    collective: 'Collective',
  },
  members: (nodes: readonly MemberNode[]) =>
    nodes.length > 0
      ? `Guessed members: ${enMembers(nodes)}`
      : 'No members guessed: fill in 所属 on 单位名录 after the import.',
  pairsHeading: 'Names taken for one unit (a guess: check them)',
  paired: (alias: string, kept: string) =>
    `${alias} is taken for ${kept} (full and short name); it becomes its alias on import.`,
  keepApart: 'Keep apart',
  keepApartLabel: (alias: string) => `Keep ${alias} as a unit of its own`,
  keptApart: (name: string) => `${name} is kept apart, a unit of its own.`,
  joinAgain: 'Undo keep apart',
  joinAgainLabel: (name: string) => `Undo keeping ${name} apart`,
  splitOff: (name: string, of: string, from: 'listed' | 'builtIn') =>
    `${from === 'listed' ? '单位名录' : 'The built-in unit directory'} lists ${name} as an alias of ${of}; it will be a unit of its own.`,
  alreadyApart: (alias: string, kept: string) =>
    `单位名录 already lists ${alias} as a unit of its own (kept apart before); the import keeps it apart from ${kept}.`,
  listedMembers: (nodes: readonly MemberNode[]) =>
    `单位名录 already lists this collective, with members ${enMembers(nodes)} (kept at import).`,
  builtInMembers: (nodes: readonly MemberNode[]) =>
    `Members from the built-in directory: ${enMembers(nodes)} (written to 单位名录 at import).`,
  skippedHeading: 'Rows not read as tasks',
  reasons: {
    blank: 'blank',
    header: 'header',
    title: 'title',
    note: 'note',
    continuation: 'continues the task above: its text was joined to that task, check it',
    excluded: 'excluded: you chose to leave this row out',
  },
  problemsHeading: (n: number) => `${n} cannot be read: edit the row or leave it out before importing.`,
  problems: {
    'no-units': 'no responsible unit',
    'no-text': 'no task text',
    'unreadable-deadline': 'deadline not understood',
    'repeated-number': 'number repeated within its group',
    'no-lead': 'partners but no lead unit',
    'no-header': 'no 工作任务 and 责任单位 (or 牵头单位) header',
    'nothing-read': 'no task was read',
    'not-a-unit': 'a unit name holding a date or a quote looks like a cell read wrongly; not taken as a unit',
    'sub-header-conflict': 'the second header row contradicts the first: the columns cannot be told',
  },
  row: (where: 'sheet' | 'text', n: number) => (where === 'sheet' ? `Row ${n}` : `Line ${n} of the text`),
  wholeSource: 'The whole source',
  edit: 'Edit this row',
  editLabel: (row: string) => `${row} (cells separated by tabs)`,
  reread: 'Read again with the edit',
  exclude: 'Leave this row out',
  cancelEdit: 'Cancel the edit',
  planTitle: 'Plan title',
  planTitleHint:
    'For the ledger’s title, summaries and the 通报; taken from the table’s title row where it has one: check it.',
  shortName: 'Short name (file names, optional)',
  importButton: 'Import and make the ledger',
  blockedByProblems: 'Some rows still cannot be read; the import waits.',
  needTitle: 'Give the plan a title.',
  discard: 'Discard',
  imported: (title: string, sheet: string, tasks: number, units: number) =>
    `Imported ${title}: ${tasks} tasks on the sheet ${sheet}, ${units} units in 单位名录; the plan is saved with the workbook. The source sheet is unchanged.`,
};

export const IMPORT_STRINGS: Readonly<Record<Language, ImportStrings>> = { zh, en };
