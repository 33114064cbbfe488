// The one date every test reads the ledger on, so health lights and 截至 titles agree across suites.
import { dayFromLocalDate } from '../src/ledger';

/** 2026-11-28, 09:00 on the machine's clock: what the pane and the ribbon are told "now" is. */
export const AS_OF_DATE = new Date(2026, 10, 28, 9, 0, 0);
export const asOf = dayFromLocalDate(AS_OF_DATE);
