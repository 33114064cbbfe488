// Every string of the pane, in Chinese and English, from one typed catalog: a key missing in
// either language fails the type check.
import { isoDate, type Bilingual, type Language, type ReportChanges } from '../ledger';

/** Long cell text shortened for a one-line list. */
const clip = (text: string, n = 24) =>
  Array.from(text).length > n ? `${Array.from(text).slice(0, n).join('')}…` : text;

/** Row numbers with runs joined (6, 7, 9 → 6–7、9), as a clerk would write them. */
const rowSpans = (rows: readonly number[], separator: string) => {
  const spans: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    spans.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j;
  }
  return spans.join(separator);
};

const zh = {
  appTitle: '任务台账',
  listSeparator: '、',
  labelled: (label: string, value: string) => `${label}：${value}`,
  took: (ms: number) => `（${ms} ms）`,
  tabs: {
    start: '开始',
    validate: '校验',
    units: '筛选',
    summary: '汇总',
    returns: '反馈',
    settings: '设置',
  },
  loading: '正在读取工作簿…',
  retry: '重试',
  dismiss: '关闭',
  start: {
    noLedger: '当前工作簿中还没有任务台账。',
    create: '新建任务台账',
    createHint:
      '新建“任务台账”“单位名录”和“指标”三张工作表，写入内置方案的全部重点任务及正文中的量化指标，带状态下拉、条件格式、冻结标题和打印设置。',
    adopt: '使用当前工作表',
    adoptHint:
      '把当前工作表中含“序号”“工作任务”“责任单位”的表格转换为台账，保留原有数据、格式和其他列，缺少的列补在右侧。',
    found: (sheet: string, count: number) => `台账：工作表“${sheet}”，共${count}项任务`,
    lastCheck: (time: string) => `上次校验：${time}`,
    recheck: '重新校验',
    created: (sheet: string, count: number) => `已新建台账“${sheet}”，共${count}项任务。`,
    usersDirectory: (theirs: string, ours: string) =>
      `工作簿中原有的“${theirs}”工作表没有单位名录表格，未改动也不读取；单位和状态列表建在“${ours}”，从那里读取。`,
    usersIndicators: (theirs: string, ours: string) =>
      `工作簿中原有的“${theirs}”工作表没有指标表格，未改动，其中填写的完成值不读取；量化指标建在“${ours}”，完成值从那里读取。`,
    adopted: (sheet: string, range: string, count: number, added: string[]) =>
      [
        `已将“${sheet}”!${range} 转换为台账，共${count}项任务`,
        added.length > 0 && `，在右侧补充了列：${added.join('、')}`,
        '。',
      ]
        .filter(Boolean)
        .join(''),
    renamed: (cells: string[]) => `Excel 为表格改了列标题：${cells.join('、')}。`,
    rowsLeftOut: (rows: number[], blankRow: number | null) =>
      blankRow === null
        ? `表格下方第${rowSpans(rows, '、')}行（如制表人、审核人）未纳入台账，原样保留。`
        : `第${rowSpans(rows, '、')}行在空行（第${blankRow}行）之下，未纳入台账，原样保留。`,
    cellsLeftOut: (cells: string[]) => `表格右侧的 ${cells.join('、')} 未纳入台账，原样保留。`,
    noPrint: '打印设置需要 ExcelApi 1.9，当前 Excel 版本不支持，已跳过。',
    fitIgnored:
      'Excel 未接受“调整为 1 页宽”（未选中“页面布局”选项卡时可能如此）：请在“页面布局 > 调整为合适大小”中将宽度设为 1 页。',
    noDropdown:
      '单元格中的状态下拉列表需要 ExcelApi 1.8，当前 Excel 版本不支持：请在“筛选”页修改状态，“校验”页会检查状态写法。',
    leadNote: '标注（牵头）的单位为牵头单位；未标注时，列第一位的单位视为牵头单位，其余为配合单位。',
    otherLedgers: (ledger: string, others: readonly string[]) =>
      `台账是工作表“${ledger}”。${others.map((n) => `“${n}”`).join('、')}看起来也是台账，但本加载项不读取它：校验、筛选和汇总只用“${ledger}”。`,
    othersUnchecked: (why: string) => `未能检查其他工作表是否也是台账：${why}`,
  },
  validate: {
    counts: (e: number, w: number, i: number) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
    error: '错误',
    warning: '警告',
    info: '提示',
    byTask: '按任务',
    byRule: '按规则',
    groupBy: '分组方式',
    severityMark: { error: '错', warning: '警', info: '提' },
    fix: '修复',
    fixAll: (n: number) => `全部修复（${n}）`,
    confirmTitle: '全部修复',
    planTask: (label: string, task: string) => `${label} ${clip(task, 16)}`,
    restore: '重建',
    restored: (sheet: string, kept: number, dropdown: boolean) =>
      [
        `已在工作表“${sheet}”重建单位名录和状态列表`,
        kept > 0 && `（保留了原有的${kept}行）`,
        dropdown ? '，状态下拉列表已恢复。' : '；下拉列表未恢复（他人保护或不支持）。',
      ]
        .filter(Boolean)
        .join(''),
    confirm: (n: number) => `将修改以下${n}个单元格（只修改有安全修复的单元格），其他单元格不变。确定吗？`,
    change: (address: string, column: string, from: string, to: string) =>
      `${address}（${column}）：“${clip(from)}” → “${clip(to)}”`,
    confirmNone: '没有可修改的单元格。',
    confirmFormulas: (cells: readonly string[]) => `${cells.join('、')} 含公式，不修改，保持原样。`,
    confirmOk: '修改',
    cancel: '取消',
    none: '没有发现问题。',
    fixed: (n: number) => `已修复${n}个单元格。`,
    skippedFormulas: (cells: readonly string[]) => `${cells.join('、')} 含公式，未修改，请手动核对。`,
    jumped: (address: string) => `已选中 ${address}`,
    jumpedHidden: (address: string) => `已选中 ${address}，但该行被隐藏（如被筛选），在表格中看不到。`,
    hiddenRow: (address: string) => `${address} 所在行被隐藏。`,
    auto: '表格变化时自动重新校验',
  },
  units: {
    search: '搜索单位',
    lead: '牵头',
    partner: '配合',
    counts: (lead: number, partner: number) => `牵头${lead} · 配合${partner}`,
    role: '角色',
    roleAny: '全部',
    includeCollectives: '含集体任务（如“各县（市）人民政府”）',
    apply: '在表格中筛选',
    clear: '清除筛选',
    selected: (n: number, tasks: number) => `已选${n}个单位，${tasks}项任务`,
    noneSelected: '请在上方选择一个或多个单位。',
    // Counted as the grid shows it: a filter of the user's on another column hides rows too.
    filtered: (shown: number, chosen: number, others: readonly string[]) =>
      `表格已筛选，显示${shown}项任务。` +
      (others.length
        ? `“${others.join('”“')}”列另有筛选（不是本面板设置的）${chosen > shown ? `，所选${chosen}项任务中有${chosen - shown}项因此未显示` : ''}。`
        : chosen > shown
          ? `所选${chosen}项任务中有${chosen - shown}项所在行被隐藏。`
          : ''),
    cleared: (shown: number, others: readonly string[]) =>
      others.length
        ? `已清除按单位的筛选；“${others.join('”“')}”列的筛选不是本面板设置的，仍然有效，表格显示${shown}项任务。`
        : '已清除表格筛选。',
    statusFor: (no: number) => `第${no}项的状态`,
    saved: (no: number, status: string, address: string) => `第${no}项状态已改为“${status}”（${address}）。`,
    leadUnit: '牵头单位',
    indicators: '量化指标',
    target: (target: string) => `目标${target}`,
    // A name already in quotes (“三全育人”典型学校) is not quoted again.
    actualFor: (name: string) => (name.includes('“') ? `${name}的完成值` : `“${name}”的完成值`),
    share: (percent: string) => `完成${percent}`,
    actualSaved: (name: string, value: string, address: string) =>
      value ? `“${name}”完成值已记为${value}（${address}）。` : `已清空“${name}”的完成值（${address}）。`,
    actualInvalid: (meant: string | null) =>
      `${meant === null ? '' : `不是数字：若指${meant}，请填${meant}。`}请填写0或正数；留空表示未填报。`,
    lightByIndicator: (name: string, percent: string) => `预警依据指标“${name}”（完成${percent}）`,
    lightByStatus: '状态为滞后：预警至少为黄灯',
  },
  indicators: {
    title: '量化指标',
    hint: '任务正文中的数量目标（如“10门在线精品课”）记在“指标”表中，在“筛选”页的任务卡片上填报完成值。',
    status: (sheet: string, n: number, reported: number) => `“${sheet}”表共${n}项指标，已填报${reported}项。`,
    missing: '工作簿中还没有本方案的“指标”表。',
    create: '创建指标表',
    created: (sheet: string, n: number) => `已新建“${sheet}”表，共${n}项指标。`,
    reread: '重新识别',
    rereadHint: '重新识别只列出任务正文与指标表的差异：可以添加表中缺少的指标，不会修改或删除已有的行。',
    nothingNew: '任务正文中的量化指标都已在指标表中。',
    add: (n: number) => `添加选中的指标（${n}）`,
    added: (n: number) => `已在指标表末尾添加${n}项指标。`,
    proposalAdd: (no: number, name: string, owner: string, target: string) =>
      `第${no}项 ${name}（${owner}），目标${target}`,
    proposalTarget: (no: number, name: string, text: string, table: string) =>
      `第${no}项“${name}”：正文为${text}，表中为${table}（未修改）`,
    proposalGone: (no: number, name: string) => `第${no}项“${name}”：正文中已无此指标（未删除）`,
  },
  health: { green: '绿灯', yellow: '黄灯', red: '红灯', done: '已完成', none: '无时限' },
  summary: {
    asOf: '截至日期',
    which: '生成哪些汇总表',
    overview: '总体汇总（含各单位统计和图表）',
    behind: '滞后/逾期任务清单',
    perUnit: (n: number) => `所选单位各一张（${n}个，在“筛选”页选择）`,
    generate: '生成汇总表',
    working: '正在生成汇总表…',
    done: (n: number) => `已生成${n}张汇总表：`,
    open: (name: string) => `打开“${name}”`,
    nothing: '请至少选择一种汇总表。',
    reports: (dates: readonly string[]) =>
      `已保存的报告（${dates.length}期，见“进度快照”表）：${dates.join('、')}`,
    noReports: '尚无已保存的报告：生成汇总表时会在“进度快照”表中记录本期各项任务的状态，供下期对比。',
    compareWith: '本期变化与哪一期报告比较',
    latest: (date: string) => `最近一期（${date}）`,
    noEarlier: '截至日期之前没有已保存的报告：总体汇总将注明为首次报告。',
    snapshotKept: (date: string, replaced: boolean) =>
      replaced ? `已更新截至${date}的进度快照。` : `已记录截至${date}的进度快照。`,
    editedMeanwhile: '生成期间台账有人修改：汇总表反映的是点击“生成汇总表”时的内容，请再生成一次。',
    /** What changed since the report compared with, as the overview says it. */
    changes: (c: ReportChanges) => c.sentence,
  },
  settings: {
    language: '界面语言',
    languageNames: { office: '跟随 Office', zh: '中文', en: 'English' },
    requirementSets: 'Excel API 支持情况',
    apiLevel: (highest: string, count: number, of: number) => `ExcelApi：${highest}（${count}/${of}）`,
    feature: (name: string, set: string) => `${name} — ExcelApi ${set}：`,
    featureOn: '已启用',
    featureOff: '已停用',
    selfTest: '运行自检',
    selfTestHint:
      '先检查本工作簿的单位名录和状态列表，再在临时工作表上依次新建、读取、校验、筛选（核对显示的行数）、修改状态、在保护正式列时筛选和修改状态、转换含合并单元格的表格（应被拒绝）、写入以“=”开头的文字、生成汇总，再建第二个方案的临时台账（写入并读回其方案，切换到该表后读取），然后删除临时工作表和方案。',
    version: (v: string) => `版本 ${v}`,
    sender: '落款单位',
    senderHint: '邮件末尾的落款：此单位名称和发出日期。保存在本工作簿中，下次发送仍用它。',
    saveSender: '保存落款',
    senderSaved: (name: string) => (name ? `落款单位已保存：${name}。` : '已清除落款单位：邮件只落日期。'),
    protect: '保护正式列（序号、工作任务、责任单位）',
    protectedOn:
      '已保护正式列，其他列仍可编辑，可筛选。Excel 不能对受保护工作表中的表格排序：排序前请先关闭保护。',
    protectedByUser:
      '此工作表的保护不是本加载项设置的（可能设有密码），加载项不会撤销它；如需更改，请在“审阅 > 撤销工作表保护”中手动撤销。',
    protectedOff: '已取消保护。',
    host: (kind: string): string =>
      kind === 'preview' ? '运行环境：预览页（模拟工作簿）' : '运行环境：Excel',
  },
  outside: '此页面需要在 Excel 中打开。',
  // The separator is the title's own: MessageBarTitle adds only a CSS space, absent from the text.
  errorTitle: '操作未完成：',
  unexpected: '面板遇到意外错误，数据未被更改。请重试或重新打开面板。',
};

export type Strings = typeof zh;

const en: Strings = {
  listSeparator: ', ',
  labelled: (label: string, value: string) => `${label}: ${value}`,
  took: (ms: number) => ` (${ms} ms)`,
  appTitle: 'Task Ledger',
  tabs: {
    start: 'Start',
    validate: 'Check',
    units: 'Units',
    summary: 'Summary',
    returns: 'Returns',
    settings: 'Settings',
  },
  loading: 'Reading the workbook…',
  retry: 'Retry',
  dismiss: 'Dismiss',
  start: {
    noLedger: 'This workbook has no task ledger yet.',
    create: 'Create the ledger',
    createHint:
      'Adds the sheets 任务台账, 单位名录 and 指标 with the built-in plan’s key tasks and the targets their text sets, status dropdowns, highlights, a frozen header and print setup.',
    adopt: 'Use the current sheet',
    adoptHint:
      'Turns the table with 序号, 工作任务 and 责任单位 on this sheet into the ledger, keeping its data, formats and other columns, and adds missing columns at the right.',
    found: (sheet: string, count: number) => `Ledger: sheet ${sheet}, ${count} tasks`,
    lastCheck: (time: string) => `Last checked: ${time}`,
    recheck: 'Check again',
    created: (sheet: string, count: number) => `Created ledger ${sheet} with ${count} tasks.`,
    usersDirectory: (theirs: string, ours: string) =>
      `The sheet ${theirs} already in the workbook has no unit directory table; it is left as it is and not read. The units and statuses are on ${ours} and read from there.`,
    usersIndicators: (theirs: string, ours: string) =>
      `The sheet ${theirs} already in the workbook has no 指标 table; it is left as it is, and any 完成值 typed there is not read. The targets are on ${ours}, and 完成值 is read from there.`,
    adopted: (sheet: string, range: string, count: number, added: string[]) =>
      [
        `${sheet}!${range} is now the ledger, ${count} tasks`,
        added.length > 0 && `; added columns at the right: ${added.join(', ')}`,
        '.',
      ]
        .filter(Boolean)
        .join(''),
    renamed: (cells: string[]) => `Excel renamed table headers: ${cells.join(', ')}.`,
    rowsLeftOut: (rows: number[], blankRow: number | null) =>
      blankRow === null
        ? `Rows ${rowSpans(rows, ', ')} below the table (e.g. signatures) are not part of the ledger and were left as they are.`
        : `Rows ${rowSpans(rows, ', ')} are below the empty row ${blankRow}: not part of the ledger, left as they are.`,
    cellsLeftOut: (cells: string[]) =>
      `${cells.join(', ')} to the right of the table are not part of the ledger and were left as they are.`,
    noPrint: 'Print setup needs ExcelApi 1.9, which this Excel lacks; skipped.',
    fitIgnored:
      'Excel did not keep “fit to 1 page wide” (it may not while the Page Layout tab is not selected): set Width to 1 page under Page Layout > Scale to Fit.',
    noDropdown:
      'A status dropdown in the cells needs ExcelApi 1.8, which this Excel lacks: set statuses on the Units tab; the Check tab checks what is typed.',
    leadNote:
      'Units marked （牵头） lead; with no marker the first unit listed is taken as the lead; the others are partners.',
    otherLedgers: (ledger: string, others: readonly string[]) =>
      `The ledger is sheet ${ledger}. ${others.join(', ')} ${others.length > 1 ? 'look' : 'looks'} like a ledger too, but this add-in does not read ${others.length > 1 ? 'them' : 'it'}: checks, filters and summaries use ${ledger} only.`,
    othersUnchecked: (why: string) => `Could not check whether other sheets are ledgers too: ${why}`,
  },
  validate: {
    counts: (e: number, w: number, i: number) => `${e} errors · ${w} warnings · ${i} notes`,
    error: 'Error',
    warning: 'Warning',
    info: 'Note',
    byTask: 'By task',
    byRule: 'By rule',
    groupBy: 'Group by',
    severityMark: { error: 'E', warning: 'W', info: 'N' },
    fix: 'Fix',
    fixAll: (n: number) => `Fix all (${n})`,
    confirmTitle: 'Fix all',
    planTask: (label: string, task: string) => `${label} ${clip(task, 16)}`,
    restore: 'Restore',
    restored: (sheet: string, kept: number, dropdown: boolean) =>
      [
        `Rebuilt the unit directory and status list on sheet ${sheet}`,
        kept > 0 && ` (kept ${kept} existing rows)`,
        dropdown ? '; the status dropdown works again.' : '; the dropdown was not restored.',
      ]
        .filter(Boolean)
        .join(''),
    confirm: (n: number) =>
      `This changes the ${n} cells below (only those with a safe fix); nothing else. Continue?`,
    change: (address: string, column: string, from: string, to: string) =>
      `${address} (${column}): "${clip(from)}" → "${clip(to)}"`,
    confirmNone: 'No cell to change.',
    confirmFormulas: (cells: readonly string[]) =>
      `${cells.join(', ')} hold formulas and are left as they are.`,
    confirmOk: 'Change',
    cancel: 'Cancel',
    none: 'No problems found.',
    fixed: (n: number) => `Fixed ${n} cells.`,
    skippedFormulas: (cells: readonly string[]) =>
      ` ${cells.join(', ')} hold formulas and were left as they are; check them by hand.`,
    jumped: (address: string) => `Selected ${address}`,
    jumpedHidden: (address: string) =>
      `Selected ${address}, but its row is hidden (by a filter, say) and cannot be seen in the grid.`,
    hiddenRow: (address: string) => `The row of ${address} is hidden.`,
    auto: 'Checks again when the table changes',
  },
  units: {
    search: 'Search units',
    lead: 'Lead',
    partner: 'Partner',
    counts: (lead: number, partner: number) => `lead ${lead} · partner ${partner}`,
    role: 'Role',
    roleAny: 'All',
    includeCollectives: 'Include collective tasks (e.g. 各县（市）人民政府)',
    apply: 'Filter the table',
    clear: 'Clear filter',
    selected: (n: number, tasks: number) => `${n} units selected, ${tasks} tasks`,
    noneSelected: 'Select one or more units above.',
    filtered: (shown: number, chosen: number, others: readonly string[]) =>
      `The table now shows ${shown} tasks.` +
      (others.length
        ? ` ${others.join(', ')} also carries a filter this pane did not set${chosen > shown ? `, which hides ${chosen - shown} of the ${chosen} tasks chosen` : ''}.`
        : chosen > shown
          ? ` ${chosen - shown} of the ${chosen} tasks chosen are on hidden rows.`
          : ''),
    cleared: (shown: number, others: readonly string[]) =>
      others.length
        ? `Cleared the unit filter; the filter on ${others.join(', ')} was not set by this pane and stays on: the table shows ${shown} tasks.`
        : 'Table filter cleared.',
    statusFor: (no: number) => `Status of task ${no}`,
    saved: (no: number, status: string, address: string) => `Task ${no} is now ${status} (${address}).`,
    leadUnit: 'Lead unit',
    indicators: 'Targets',
    target: (target: string) => `target ${target}`,
    actualFor: (name: string) => `Achieved for ${name}`,
    share: (percent: string) => `${percent} done`,
    actualSaved: (name: string, value: string, address: string) =>
      value
        ? `${name}: achieved value set to ${value} (${address}).`
        : `${name}: achieved value cleared (${address}).`,
    actualInvalid: (meant: string | null) =>
      `${meant === null ? '' : `Not a number: if ${meant} is meant, enter ${meant}. `}Enter 0 or a positive number; leave it empty when nothing is reported.`,
    lightByIndicator: (name: string, percent: string) => `Light set by the target ${name} (${percent} done)`,
    lightByStatus: 'Reported 滞后 (behind): lit yellow at least',
  },
  indicators: {
    title: 'Targets',
    hint: 'Counts named in the task text (such as 10门在线精品课) are kept on the 指标 sheet; report what was achieved on the task cards of the Units tab.',
    status: (sheet: string, n: number, reported: number) => `${sheet}: ${n} targets, ${reported} reported.`,
    missing: 'The workbook has no 指标 sheet for this plan yet.',
    create: 'Create the 指标 sheet',
    created: (sheet: string, n: number) => `Created sheet ${sheet} with ${n} targets.`,
    reread: 'Read the text again',
    rereadHint:
      'Lists only where the task text and the 指标 table differ: targets the table lacks can be added; existing rows are never changed or deleted.',
    nothingNew: 'Every target in the task text is in the 指标 table.',
    add: (n: number) => `Add the selected targets (${n})`,
    added: (n: number) => `Added ${n} targets at the end of the 指标 table.`,
    proposalAdd: (no: number, name: string, owner: string, target: string) =>
      `Task ${no}: ${name} (${owner}), target ${target}`,
    proposalTarget: (no: number, name: string, text: string, table: string) =>
      `Task ${no}, ${name}: the text says ${text}, the table ${table} (left as it is)`,
    proposalGone: (no: number, name: string) => `Task ${no}, ${name}: no longer in the text (not deleted)`,
  },
  health: { green: 'Green', yellow: 'Yellow', red: 'Red', done: 'Done', none: 'No deadline' },
  summary: {
    asOf: 'As of',
    which: 'Sheets to make',
    overview: 'Overall summary (per-unit table and charts)',
    behind: 'Behind schedule / overdue list',
    perUnit: (n: number) => `One sheet per selected unit (${n}, chosen under Units)`,
    generate: 'Make summary sheets',
    working: 'Making summary sheets…',
    done: (n: number) => `Made ${n} summary sheets:`,
    open: (name: string) => `Open ${name}`,
    nothing: 'Choose at least one sheet.',
    reports: (dates: readonly string[]) =>
      `Reports kept (${dates.length}, on the 进度快照 sheet): ${dates.join(', ')}`,
    noReports:
      'No reports kept yet: making the summaries records every task on the 进度快照 sheet, for the next report to compare with.',
    compareWith: 'Compare this report with',
    latest: (date: string) => `The latest (${date})`,
    noEarlier: 'No report is kept before this date: the overview will say this is the first report.',
    snapshotKept: (date: string, replaced: boolean) =>
      replaced ? `Updated the progress snapshot of ${date}.` : `Recorded the progress snapshot of ${date}.`,
    editedMeanwhile:
      'The ledger was edited while the summaries were made: they show it as it was at the click; make them again.',
    changes: (c: ReportChanges) =>
      c.previous === null
        ? 'This is the first report: there is none earlier to compare with.'
        : `Since the report of ${isoDate(c.previous)}: ${c.counts.newlyDone} newly completed, ${c.counts.newlyBehind} newly behind${c.counts.newlyWarned ? `, ${c.counts.newlyWarned} newly warned` : ''}${c.counts.newlyRed ? `, ${c.counts.newlyRed} turned red` : ''}${c.counts.otherLight ? `, ${c.counts.otherLight} other light changes` : ''}${c.counts.otherStatus ? `, ${c.counts.otherStatus} other status changes` : ''}.`,
  },
  settings: {
    language: 'Language',
    languageNames: { office: 'Follow Office', zh: '中文', en: 'English' },
    requirementSets: 'Excel API support',
    apiLevel: (highest: string, count: number, of: number) => `ExcelApi: ${highest} (${count}/${of})`,
    feature: (name: string, set: string) => `${name} — ExcelApi ${set}:`,
    featureOn: 'on',
    featureOff: 'off',
    selfTest: 'Run self-test',
    selfTestHint:
      "Checks this workbook's unit directory and status list, then on temporary sheets: create, read, check, filter (counting the rows shown), set a status, filter and set a status with the official columns protected, adopt a block with merged cells (must be refused), write text starting with =, summarize, make a second plan's temporary ledger (its plan written and read back, then read from its sheet), then delete the sheets and that plan.",
    version: (v: string) => `Version ${v}`,
    sender: 'Sender (signature)',
    senderHint:
      'The mails end with this unit and the date they are made. Kept in this workbook for next time.',
    saveSender: 'Save the sender',
    senderSaved: (name: string) =>
      name ? `Sender saved: ${name}.` : 'Sender cleared: the mails are signed with the date only.',
    protect: 'Protect the official columns (序号, 工作任务, 责任单位)',
    protectedOn:
      'Official columns protected; other columns stay editable and filtering works. Excel cannot sort a table on a protected sheet: turn protection off to sort.',
    protectedByUser:
      'This sheet was protected by someone else (perhaps with a password); the add-in does not lift it. Unprotect it by hand (Review > Unprotect Sheet) to change it.',
    protectedOff: 'Protection removed.',
    host: (kind: string) =>
      kind === 'preview' ? 'Running in: preview page (simulated workbook)' : 'Running in: Excel',
  },
  outside: 'This page runs inside Excel.',
  errorTitle: 'Not done:',
  unexpected: 'The pane hit an unexpected error; your data was not changed. Try again or reopen the pane.',
};

export const STRINGS: Record<Language, Strings> = { zh, en };

/** Text in both languages, or made from the catalog when shown: a message follows a language switch. */
export type NoticeText = Bilingual | ((t: Strings, language: Language) => string);

/** The one way the pane turns a message into the language shown. */
export function textOf(text: NoticeText, language: Language): string {
  return typeof text === 'function' ? text(STRINGS[language], language) : text[language];
}

export function formatTime(date: Date, language: Language): string {
  return date.toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en-US', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
