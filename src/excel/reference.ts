// The workbook's own reference data: the 单位名录 table (units, aliases, kinds, membership)
// and the status list. Read when the pane starts and when 单位名录 changes.
import {
  DEFAULT_DIRECTORY,
  DEFAULT_STATUSES,
  directoryFromRows,
  type DirectoryRow,
  type ReferenceHealth,
  type UnitDirectory,
} from '../ledger';
import { DIRECTORY_HEADERS, DIRECTORY_TABLE, STATUS_TABLE } from './names';

export interface Reference {
  readonly directory: UnitDirectory;
  readonly statuses: readonly string[];
  /** Where each came from, for the diagnostics tab. */
  readonly source: { readonly directory: 'workbook' | 'default'; readonly statuses: 'workbook' | 'default' };
  /** What is missing or damaged, for validation to report. */
  readonly health: ReferenceHealth;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Two syncs at most: which tables exist, then their bodies. */
export async function readReference(context: Excel.RequestContext): Promise<Reference> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const names = new Set(tables.items.map((t) => t.name));
  const hasDirectory = names.has(DIRECTORY_TABLE);
  const hasStatuses = names.has(STATUS_TABLE);
  if (!hasDirectory && !hasStatuses) {
    return {
      directory: DEFAULT_DIRECTORY,
      statuses: DEFAULT_STATUSES,
      source: { directory: 'default', statuses: 'default' },
      health: { directory: 'missing', statuses: 'missing' },
    };
  }
  const directoryHeader = hasDirectory ? tables.getItem(DIRECTORY_TABLE).getHeaderRowRange().load('values') : null;
  const directoryBody = hasDirectory ? tables.getItem(DIRECTORY_TABLE).getDataBodyRange().load('values') : null;
  const statusBody = hasStatuses ? tables.getItem(STATUS_TABLE).getDataBodyRange().load('values') : null;
  await context.sync();

  let directory = DEFAULT_DIRECTORY;
  let directoryHealth: ReferenceHealth['directory'] = hasDirectory ? 'ok' : 'missing';
  const head = directoryHeader ? (directoryHeader.values[0] as unknown[]).map(text) : [];
  // Without its 单位 column the table names no unit: the defaults stand in, and that is reported.
  if (directoryHeader && !head.includes(DIRECTORY_HEADERS[0])) directoryHealth = 'damaged';
  else if (directoryHeader && directoryBody) {
    const at = (name: string) => head.indexOf(name);
    const rows: DirectoryRow[] = (directoryBody.values as unknown[][])
      .map((r) => ({
        name: text(r[at('单位')]),
        aliases: text(r[at('别名')]),
        kind: text(r[at('类别')]),
        memberOf: text(r[at('所属')]),
        contact: text(r[at('联系人')]),
        email: text(r[at('邮箱')]),
      }))
      .filter((r) => r.name);
    directory = directoryFromRows(rows);
  }
  const statuses = statusBody ? (statusBody.values as unknown[][]).map((r) => text(r[0])).filter(Boolean) : [];
  return {
    directory,
    statuses: statuses.length ? statuses : DEFAULT_STATUSES,
    source: {
      directory: directoryHealth === 'ok' ? 'workbook' : 'default',
      statuses: statuses.length ? 'workbook' : 'default',
    },
    health: { directory: directoryHealth, statuses: !hasStatuses ? 'missing' : statuses.length ? 'ok' : 'empty' },
  };
}
