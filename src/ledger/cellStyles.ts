// The look of the summary sheets' cells, in one place: the Excel layer paints a sheet with it
// and the workbook file writer paints a file the same way.
import { BAD, GOOD, HEADING, NOTE_FONT, ON_TRACK, WARNING } from './palette';

/** The looks a cell of a sheet spec can take, named by what the cell is. */
export type CellStyle =
  | 'title'
  | 'subtitle'
  | 'header'
  | 'text'
  | 'wrap'
  | 'number'
  | 'points'
  | 'percent'
  | 'total'
  | 'totalPercent'
  | 'totalLabel'
  | 'red'
  | 'yellow'
  | 'green'
  | 'note'
  | 'date';

/** How each cell style looks, whoever writes it: Excel through office.js, or a workbook file. */
export interface StyleSpec {
  bold?: boolean;
  size?: number;
  fill?: string;
  font?: string;
  format: string;
  wrap?: boolean;
  align?: 'Center' | 'Left' | 'Right';
}

/** A date cell as 2026年9月30日: a date to Excel (it sorts and filters as one), Chinese to the reader. */
export const CHINESE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

export const CELL_STYLES: Readonly<Record<CellStyle, StyleSpec>> = {
  title: { bold: true, size: 16, format: '@', align: 'Center' },
  subtitle: { font: '#404040', format: '@', wrap: true },
  header: { bold: true, fill: HEADING.fill, font: HEADING.font, format: '@', align: 'Center', wrap: true },
  text: { format: '@' },
  wrap: { format: '@', wrap: true },
  number: { format: '0', align: 'Center' },
  // 百分点 to one decimal, as computed and as 完成率 shows: 22.7 must not print as 23.
  points: { format: '0.0', align: 'Center' },
  percent: { format: '0.0%', align: 'Center' },
  total: { bold: true, fill: ON_TRACK.fill, format: 'General', align: 'Center' },
  totalPercent: { bold: true, fill: ON_TRACK.fill, format: '0.0%', align: 'Center' },
  // A total named after its indicator: the name is the user's (text, never a formula), and
  // wrapped, as a label wider than its column is cut off in print.
  totalLabel: { bold: true, fill: ON_TRACK.fill, format: '@', wrap: true },
  red: { bold: true, ...BAD, format: 'General', align: 'Center' },
  yellow: { ...WARNING, format: 'General', align: 'Center' },
  green: { ...GOOD, format: 'General', align: 'Center' },
  note: { font: NOTE_FONT, format: '@', wrap: true },
  date: { format: CHINESE_DATE_FORMAT, align: 'Center' },
};
