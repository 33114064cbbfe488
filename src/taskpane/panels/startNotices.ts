// What 新建 and 使用当前工作表 say when done: the sheet made or adopted, and everything done
// beyond the table itself.
import type { AdoptResult, CreateResult } from '../../excel';
import type { Strings } from '../i18n';
import type { Notice } from '../useAction';

// What this Excel could not do (no dropdown below 1.8, no print setup below 1.9), said after either way of making a ledger.
const limits = (s: Strings, r: { statusDropdown: boolean; printSetup: boolean }) => [
  r.statusDropdown ? '' : s.start.noDropdown,
  r.printSetup ? '' : s.start.noPrint,
];

export const createdNotice = (r: CreateResult): Notice => ({
  intent: r.printSetup && r.statusDropdown ? 'success' : 'warning',
  // A sheet of the user's holding a name ours wanted: whose is whose, and what is read from where.
  text: (s) =>
    [
      s.start.created(r.sheetName, r.taskCount),
      r.usersSheets.directory && r.directorySheet
        ? s.start.usersDirectory(r.usersSheets.directory, r.directorySheet)
        : '',
      r.usersSheets.indicators && r.indicatorSheet
        ? s.start.usersIndicators(r.usersSheets.indicators, r.indicatorSheet.name)
        : '',
      ...limits(s, r),
    ]
      .filter(Boolean)
      .join(' '),
});

export const adoptedNotice = (r: AdoptResult): Notice => ({
  intent: r.printSetup && !r.fitIgnored && r.statusDropdown ? 'success' : 'warning',
  // Everything the add-in or Excel did beyond the table itself is named, cell by cell.
  text: (s) =>
    [
      s.start.adopted(r.sheetName, r.tableAddress, r.taskCount, [...r.addedColumns]),
      r.renamedHeaders.length
        ? s.start.renamed(r.renamedHeaders.map((h) => `${h.address}: ${h.from || '—'} → ${h.to}`))
        : '',
      r.rowsLeftOut.length ? s.start.rowsLeftOut([...r.rowsLeftOut], r.endingBlankRow) : '',
      r.cellsLeftOut.length ? s.start.cellsLeftOut(r.cellsLeftOut.slice(0, 8)) : '',
      ...limits(s, r),
      r.fitIgnored ? s.start.fitIgnored : '',
    ]
      .filter(Boolean)
      .join(' '),
});
