// The preview grid's state: the active sheet, the selection and the edit being typed, and the
// geometry (sizes, frozen rows, merges) the render needs. Grid.tsx renders it.
import { useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { columnName, simModel, type ExcelSim } from '../excel-sim';

const { readCell, usedRect, DEFAULT_COLUMN_WIDTH } = simModel;

function excelToday(now: Date): number {
  return Math.round(
    (Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000,
  );
}

export function useGrid(sim: ExcelSim, now: () => Date) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [message, setMessage] = useState<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => sim.state.subscribeAll(redraw), [sim]);
  const scroller = useRef<HTMLDivElement>(null);

  const state = sim.state;
  const sheet = state.activeSheet();
  // Like Excel, another sheet opens at its top-left corner.
  useEffect(() => {
    scroller.current?.scrollTo(0, 0);
  }, [sheet.id]);
  const selection = state.selection?.sheetId === sheet.id ? state.selection.rect : null;
  const used = usedRect(sheet) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 };
  const rows = Math.max(used.row + used.rowCount + 2, 12);
  const columns = Math.max(used.column + used.columnCount + 1, 8);
  const today = excelToday(now());
  const selected = selection ? readCell(sheet, selection.row, selection.column) : null;
  const dropdown = selection ? sim.dropdown(sheet.name, selection.row, selection.column) : null;
  const address = selection ? `${columnName(selection.column)}${selection.row + 1}` : '';

  // A cell selected from the pane (a finding's cell) is brought into view, as Excel does.
  useEffect(() => {
    if (address)
      scroller.current
        ?.querySelector(`td[data-address="${address}"]`)
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [address]);

  const select = (row: number, column: number) => {
    setDraft(null);
    setMessage(null);
    state.select(sheet.id, { row, column, rowCount: 1, columnCount: 1 });
  };
  const commit = (value: string) => {
    if (!selection) return;
    const result = sim.userEdit(sheet.name, address, [[value]]);
    setMessage(result.ok ? null : `${result.title}：${result.message}`);
    setDraft(null);
  };
  const width = (c: number) => Math.round((sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) * 1.1);
  const frozenTop = (r: number) => {
    let top = 22;
    for (let i = 0; i < r; i++)
      top += sheet.hiddenRows.has(i) || sheet.filteredRows.has(i) ? 0 : rowHeight(i);
    return top;
  };
  const rowHeight = (r: number) => Math.max(22, Math.round((sheet.rowHeights.get(r) ?? 20) * 1.1));

  const merged = useMemo(() => sheet.merges, [sheet.merges]);
  const mergeStart = (r: number, c: number) => merged.find((m) => m.row === r && m.column === c);
  const covered = (r: number, c: number) =>
    merged.some(
      (m) =>
        r >= m.row &&
        r < m.row + m.rowCount &&
        c >= m.column &&
        c < m.column + m.columnCount &&
        !(m.row === r && m.column === c),
    );

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
    if (e.key === 'Escape') setDraft(null);
  };

  return {
    sim,
    state,
    sheet,
    scroller,
    message,
    draft,
    setDraft,
    selection,
    selected,
    dropdown,
    address,
    rows,
    columns,
    today,
    select,
    commit,
    onKey,
    width,
    frozenTop,
    rowHeight,
    mergeStart,
    covered,
  };
}

export type GridState = ReturnType<typeof useGrid>;
