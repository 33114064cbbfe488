// The colours the add-in paints with, in one place: a status in the ledger and a light in a
// summary that mean the same thing look the same.
import { STATUS_DONE, STATUS_LAGGING, STATUS_NOT_STARTED, STATUS_ON_TRACK } from './statuses';

export interface Colour {
  readonly fill: string;
  readonly font: string;
}

export const GOOD: Colour = { fill: '#C6EFCE', font: '#006100' };
export const BAD: Colour = { fill: '#FFC7CE', font: '#9C0006' };
export const WARNING: Colour = { fill: '#FFEB9C', font: '#7F6000' };
export const ON_TRACK: Colour = { fill: '#DDEBF7', font: '#1F4E79' };
export const NOT_STARTED: Colour = { fill: '#EDEDED', font: '#595959' };
/** A deadline that has passed on a task not yet done. */
export const OVERDUE: Colour = { fill: '#FFE7E7', font: '#C00000' };
export const HEADING: Colour = { fill: '#1F4E79', font: '#FFFFFF' };
export const NOTE_FONT = '#595959';

/** The default statuses' colours in the ledger's 状态 column. */
export const STATUS_COLOURS: Readonly<Record<string, Colour>> = {
  [STATUS_DONE]: GOOD,
  [STATUS_ON_TRACK]: ON_TRACK,
  [STATUS_LAGGING]: BAD,
  [STATUS_NOT_STARTED]: NOT_STARTED,
};
