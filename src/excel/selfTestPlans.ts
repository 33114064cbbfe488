// Self-test probes of a second plan in the workbook (issue 25): a ledger of the probe's own plan,
// its custom XML part found again by listing the parts as the add-in does and read back equal, and the pane's read
// following the sheet the user is on to that ledger and its plan. A real host could break each:
// re-serialise the part's XML, not find a percent-encoded namespace, or not say which sheet is
// active. The sheet and the part are the probe's own, removed by the cleanup.
import {
  builtInPlan,
  FIRST_LEDGER_TABLE,
  pairsWithTable,
  planFromXml,
  planNamespace,
  planToXml,
  type Plan,
} from '../ledger';
import { createLedger } from './createLedger';
import { LedgerError } from './errors';
import type { Probe, SelfTestCheck } from './selfTestProbe';
import { readWorkbook } from './workbookRead';

export const PLAN_PROBE_SHEET = '自检第二方案';
/** Not ASCII, as an imported plan's table is: its part's namespace is percent-encoded. */
export const PLAN_PROBE_TABLE = '自检_第二方案';

/**
 * Three of the built-in plan's tasks under a title with what a host's XML writer must escape
 * (& < > and both quotes) and a character outside the BMP (a surrogate pair in JavaScript).
 */
function probePlan(): Plan {
  const plan = builtInPlan();
  return {
    ...plan,
    title: `自检方案 <甲&乙> "引号" '单引号' 𠀀`,
    shortName: '自检方案',
    tasks: plan.tasks.slice(0, 3),
  };
}

/** A plan as text, to compare a plan read back with the one written. */
const asText = (plan: Plan) => planToXml(plan, planNamespace(PLAN_PROBE_TABLE));

/** The second plan's part, then the read from its sheet. */
export function planProbes(p: Probe): SelfTestCheck[] {
  const { run, supports, created, parts, expect } = p;
  const plan = probePlan();
  // What the first probe made, for the second.
  let made: { readonly sheet: string; readonly part: string } | null = null;
  return [
    {
      id: 'planPart',
      title: {
        zh: '第二个方案：写入其自定义 XML 部件，列出部件按命名空间找回并读回相同内容',
        en: 'A second plan: its custom XML part written, found again among the listed parts by namespace, read back equal',
      },
      run: async () => {
        const result = await run((context) =>
          createLedger(context, {
            supports,
            plan,
            sheetName: PLAN_PROBE_SHEET,
            tableName: PLAN_PROBE_TABLE,
            withDirectory: false,
            withIndicators: false,
            withLedgerId: false,
          }),
        );
        created.push(result.sheetName);
        const part = result.reference.plan.partId;
        if (part === null)
          throw new LedgerError(
            { zh: '方案部件未写入', en: 'the plan part was not written' },
            'SelfTestFailed',
          );
        parts.push(part);
        made = { sheet: result.sheetName, part };
        const back = await run(async (context) => {
          // Listed whole and paired by namespace, as the add-in's reads do (planPart.ts: office-js #227).
          const listed = context.workbook.customXmlParts.load('items/id, items/namespaceUri');
          const xml = context.workbook.customXmlParts.getItem(part).getXml();
          await context.sync();
          const found = listed.items.filter((i) => pairsWithTable(i.namespaceUri, PLAN_PROBE_TABLE));
          // A ClientResult, filled by the sync: there is nothing to load.
          // eslint-disable-next-line office-addins/load-object-before-read
          return { ids: found.map((i) => i.id), xml: xml.value };
        });
        const read = planFromXml(back.xml);
        const equal = 'plan' in read && asText(read.plan) === asText(plan);
        expect(back.ids.length === 1 && back.ids[0] === part && equal, {
          zh: `按命名空间找到${back.ids.length}个部件（${back.ids.join('、') || '无'}，应为${part}），读回${equal ? '相同' : '不同'}`,
          en: `${back.ids.length} parts found by namespace (${back.ids.join(', ') || 'none'}, expected ${part}), read back ${equal ? 'equal' : 'different'}`,
        });
        // Worth knowing on a real host: whether it kept the text or wrote it anew (both read the same).
        return back.xml === asText(plan)
          ? { zh: '部件找回，内容原样', en: 'part found, text kept as written' }
          : {
              zh: '部件找回，Excel 重写了 XML，读回内容相同',
              en: 'part found, Excel rewrote the XML, same plan read back',
            };
      },
    },
    {
      id: 'planActive',
      title: {
        zh: '切换到第二个方案的台账工作表：面板读取该台账及其方案',
        en: "On the second plan's ledger sheet, the pane reads that ledger and its plan",
      },
      run: async () => {
        const { sheet, part } = made!;
        await run(async (context) => {
          context.workbook.worksheets.getItem(sheet).activate();
          await context.sync();
        });
        // The pane last on the first ledger: the sheet the user is on decides.
        const read = await run((context) => readWorkbook(context, { ledgerTable: FIRST_LEDGER_TABLE }));
        const table = read.ledger?.location.tableName ?? '无';
        const rows = read.ledger?.ledger.rows.length ?? 0;
        const same = read.reference.plan.partId === part && asText(read.reference.plan.plan) === asText(plan);
        const listed = read.ledgers.some((l) => l.table === PLAN_PROBE_TABLE);
        expect(table === PLAN_PROBE_TABLE && rows === plan.tasks.length && same && listed, {
          zh: `读取了表格 ${table}（${rows}行，应为 ${PLAN_PROBE_TABLE} 的${plan.tasks.length}行），方案${same ? '相同' : '不同'}，台账列表${listed ? '含' : '不含'}该表`,
          en: `read table ${table} (${rows} rows; expected ${PLAN_PROBE_TABLE}, ${plan.tasks.length} rows), plan ${same ? 'equal' : 'different'}, ${listed ? '' : 'not '}among the ledgers`,
        });
        return {
          zh: `${sheet}：${rows}项，方案部件 ${part}`,
          en: `${sheet}: ${rows} tasks, plan part ${part}`,
        };
      },
    },
  ];
}
