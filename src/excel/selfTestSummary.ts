// The self-test probe that makes summary sheets from the temporary ledger (not remembered as
// the add-in's, removed by the cleanup).
import { summarize, summarySheets } from '../ledger';
import { readLedger } from './readLedger';
import { TABLE, type Probe, type SelfTestCheck } from './selfTestProbe';
import { writeSummarySheets } from './summaries';

/** Summary sheets. */
export function summaryProbes(p: Probe): SelfTestCheck[] {
  const { run, supports, asOf, created, expect } = p;
  return [
    {
      id: 'summary',
      title: { zh: '生成汇总表', en: 'Make summary sheets' },
      run: async () => {
        const read = (await run((context) => readLedger(context, TABLE)))!;
        const model = summarize(read.ledger, { asOf });
        const specs = summarySheets(model, { overview: true, behind: true }).map((s) => ({
          ...s,
          name: `自检-${s.name}`.slice(0, 31),
        }));
        const result = await run((context) =>
          writeSummarySheets(context, specs, { supports, remember: false }),
        );
        created.push(...result.sheets.map((s) => s.name));
        expect(result.sheets.length === 2, { zh: '汇总表数量不对', en: 'wrong number of summary sheets' });
        const names = result.sheets.map((s) => s.name);
        return { zh: names.join('、'), en: names.join(', ') };
      },
    },
  ];
}
