// What every self-test probe is handed, and the names of what the scenario makes (temporary
// sheets, tables and custom XML parts, removed by its cleanup).
import { LedgerError } from './errors';
import type { Bilingual, Day } from '../ledger';
import type { ApiSupport } from './requirements';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** One check of the scenario: what it is called, and what it does (its result is the detail shown). */
export interface SelfTestCheck {
  readonly id: string;
  readonly title: Bilingual;
  readonly run: () => Promise<Bilingual>;
}

export interface Probe {
  readonly run: ExcelRun;
  /** A run that waits while the user edits a cell, as the pane's background reads do. */
  readonly runWhenIdle: ExcelRun;
  readonly supports: ApiSupport;
  readonly asOf: Day;
  /** Sheets the scenario made, for the cleanup to remove. */
  readonly created: string[];
  /** Custom XML parts the scenario made, by id, for the cleanup to remove. */
  readonly parts: string[];
  /** Fails the check with the message unless the condition holds. */
  readonly expect: (condition: boolean, message: Bilingual) => void;
}

export const probeExpect = (condition: boolean, message: Bilingual) => {
  if (!condition) throw new LedgerError(message, 'SelfTestFailed');
};

export const SHEET = '自检台账';
export const TABLE = 'TaskLedgerSelfTest';
export const MERGED_SHEET = '自检合并';
export const STATUS_PROBE_TABLE = 'StatusListSelfTest';
/** The probe's own defined name, as the ledger's dropdown uses TaskStatusChoices; removed by the cleanup. */
export const STATUS_PROBE_NAME = 'TaskStatusChoicesSelfTest';
export const MERGED_TABLE = 'TaskLedgerSelfTestMerged';
