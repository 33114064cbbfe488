// Every unit an annex names as a lead stays a lead: in the imported task, in the ledger's 责任单位
// cell written from it, and in what the ledger reads back from that cell (parseResponsibleUnits),
// for each shape the README lists for tasks led by several units together.
import { importAnnexTable, importAnnexText, type PlanImport } from '../../src/ledger/planImport';
import { planFromAnnex, unitsCellText } from '../../src/ledger/plan';
import { parseResponsibleUnits } from '../../src/ledger/responsibleUnits';

const TITLE = '梨川市稳就业重点任务分工';
const BANK = '人民银行四平市分行';

interface Roles {
  readonly lead: readonly string[];
  readonly partners: readonly string[];
}

/** The task's roles as imported, and as the ledger reads back the cell written from the plan. */
function roundTrip(annex: PlanImport): { imported: Roles; cell: string; read: Roles } {
  expect(annex.problems).toEqual([]);
  expect(annex.tasks).toHaveLength(1);
  const plan = planFromAnnex(annex, { title: TITLE });
  const task = plan.tasks[0];
  const cell = unitsCellText(task);
  const units = parseResponsibleUnits(cell, plan.directory);
  return {
    imported: { lead: task.lead, partners: task.partners },
    cell,
    read: {
      lead: units.filter((u) => u.role === 'lead').map((u) => u.name),
      partners: units.filter((u) => u.role === 'partner').map((u) => u.name),
    },
  };
}

const TWO_LEADS: Roles = { lead: ['市人社局', '市财政局'], partners: [BANK] };

const table = (header: readonly string[], row: readonly string[]) =>
  importAnnexTable([
    ['序号', '工作任务', ...header],
    ['1', '扩大就业。', ...row],
  ]);

describe.each<[string, () => PlanImport, Roles]>([
  [
    '责任单位 column, two units marked （牵头） then a partner',
    () => table(['责任单位'], [`市人社局（牵头）、市财政局（牵头）、${BANK}`]),
    TWO_LEADS,
  ],
  [
    '责任单位 column, half-width markers and comma',
    () => table(['责任单位'], [`市人社局(牵头)、市财政局(牵头),${BANK}`]),
    TWO_LEADS,
  ],
  [
    '责任单位 column, 牵头 written without brackets',
    () => table(['责任单位'], [`市人社局牵头、市财政局牵头、${BANK}`]),
    TWO_LEADS,
  ],
  [
    '责任单位 column, the one lead marked is not listed first',
    () => table(['责任单位'], [`${BANK}、市人社局（牵头）`]),
    { lead: ['市人社局'], partners: [BANK] },
  ],
  [
    '责任单位 column, lines stacked in the cell',
    () => table(['责任单位'], [`市人社局（牵头）\n市财政局（牵头）\n${BANK}`]),
    TWO_LEADS,
  ],
  [
    'pasted cells from Excel',
    () =>
      importAnnexText(`序号\t工作任务\t责任单位\n1\t扩大就业。\t市人社局（牵头）、市财政局（牵头）、${BANK}`),
    TWO_LEADS,
  ],
  [
    '牵头单位 column with leads stacked on two lines',
    () => table(['牵头单位', '配合单位'], ['市人社局\n市财政局', BANK]),
    TWO_LEADS,
  ],
  [
    '牵头单位 column with two units',
    () => table(['牵头单位', '配合单位'], ['市人社局、市财政局', BANK]),
    TWO_LEADS,
  ],
  [
    'inline （A、B牵头，C负责）',
    () => importAnnexText(`1.扩大就业（市人社局、市财政局牵头，${BANK}负责）`),
    TWO_LEADS,
  ],
  [
    'inline, each lead marked （牵头） inside the bracket',
    () => importAnnexText(`1.扩大就业（市人社局（牵头）、市财政局（牵头）、${BANK}）`),
    TWO_LEADS,
  ],
  [
    'inline, each lead marked 牵头 without brackets',
    () => importAnnexText(`1.扩大就业（市人社局牵头、市财政局牵头、${BANK}配合）`),
    TWO_LEADS,
  ],
  [
    'inline, leads marked 牵头 one by one before the clause of partners',
    () => importAnnexText(`1.扩大就业（市人社局牵头、市财政局牵头，${BANK}负责）`),
    TWO_LEADS,
  ],
  [
    'inline, a lead marked （牵头） after the clause of leads',
    () => importAnnexText(`1.扩大就业（市人社局牵头，市财政局（牵头）、${BANK}配合）`),
    TWO_LEADS,
  ],
  [
    'list style 牵头单位：… 配合单位：…',
    () => importAnnexText(`1.扩大就业。\n牵头单位：市人社局、市财政局\n配合单位：${BANK}`),
    TWO_LEADS,
  ],
  [
    'list style 责任单位：… with the leads marked',
    () => importAnnexText(`1.扩大就业。\n责任单位：市人社局（牵头）、市财政局（牵头）、${BANK}`),
    TWO_LEADS,
  ],
  [
    'inline, a verb after 牵头 closing the clause of leads (牵头组织) is no unit',
    () => importAnnexText(`1.扩大就业（市人社局、市财政局牵头组织，${BANK}配合）`),
    TWO_LEADS,
  ],
  [
    'inline, 牵头组织实施 then the partners',
    () => importAnnexText(`1.扩大就业（市人社局、市财政局牵头组织实施，${BANK}负责）`),
    TWO_LEADS,
  ],
  [
    'one unlisted lead: the first unit, as before',
    () => table(['责任单位'], [`市人社局、市财政局、${BANK}`]),
    { lead: ['市人社局'], partners: ['市财政局', BANK] },
  ],
])('%s', (_, read, expected) => {
  it('imports every lead as a lead, and reads the same leads and partners back from the ledger cell', () => {
    const { imported, cell, read: back } = roundTrip(read());
    expect(imported).toEqual(expected);
    expect(back).toEqual(expected);
    // One lead stands first, unmarked; two or more each carry （牵头）.
    if (expected.lead.length > 1) for (const lead of expected.lead) expect(cell).toContain(`${lead}（牵头）`);
    else expect(cell.startsWith(expected.lead[0])).toBe(true);
  });
});

describe('the issue’s cell', () => {
  it('writes 市人社局（牵头）、市财政局（牵头）、人民银行四平市分行 back as it was given', () => {
    const annex = table(['责任单位'], [`市人社局（牵头）、市财政局（牵头）、${BANK}`]);
    expect(roundTrip(annex).cell).toBe(`市人社局（牵头）、市财政局（牵头）、${BANK}`);
  });

  it('counts each unit once, whatever its marker', () => {
    const annex = table(['责任单位'], [`市人社局（牵头）、市财政局（牵头）、${BANK}`]);
    expect(annex.units.map((u) => [u.name, u.tasks])).toEqual([
      ['市人社局', 1],
      ['市财政局', 1],
      [BANK, 1],
    ]);
  });

  it('names a list whose every unit is marked （配合） as a task without a lead', () => {
    const annex = table(['责任单位'], [`市人社局（配合）、${BANK}（配合）`]);
    expect(annex.problems.map((p) => p.kind)).toEqual(['no-lead']);
  });
});
