// The simulated workbook as Excel would show it: sheet tabs, column letters, row numbers,
// fills and fonts, wrapped text, widths, the frozen header, conditional-format colours, rows
// hidden by filters, and the status cells' dropdowns. Typing and picking fire the same
// change events as Excel, so the pane re-validates.
import {
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { columnName, conditionalLook, simModel, type ExcelSim } from '../excel-sim';
import type { Language } from '../ledger';
import { PREVIEW_STRINGS } from './previewStrings';

const { displayText, readCell, usedRect, DEFAULT_COLUMN_WIDTH } = simModel;

function excelToday(now: Date): number {
  return Math.round(
    (Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000,
  );
}

export function Grid({ sim, now, language }: { sim: ExcelSim; now: () => Date; language: Language }) {
  const t = PREVIEW_STRINGS[language];
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

  return (
    <div className="grid-wrap">
      <div className="formula-bar">
        <span className="name-box" aria-label={t.nameBox}>
          {address}
        </span>
        <input
          aria-label={t.formulaBar}
          value={draft ?? (selected ? (selected.formula ?? displayText(selected)) : '')}
          disabled={!selection}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
        />
        {dropdown && (
          <select
            aria-label={t.dropdown(address)}
            value=""
            onChange={(e) => e.target.value && commit(e.target.value)}
          >
            <option value="">{t.pickFromList}</option>
            {dropdown.map((item) => (
              <option key={item} value={item}>
                {item}
              </option>
            ))}
          </select>
        )}
      </div>
      {message && (
        <div className="edit-refused" role="alert">
          {message}
        </div>
      )}
      <div className="grid-scroll" ref={scroller}>
        <table className="grid" aria-label={sheet.name}>
          <thead>
            <tr>
              <th className="corner" />
              {Array.from({ length: columns }, (_, c) => (
                <th key={c} scope="col" style={{ width: width(c), minWidth: width(c), maxWidth: width(c) }}>
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => {
              if (sheet.hiddenRows.has(r) || sheet.filteredRows.has(r)) return null;
              const frozen = r < sheet.freeze.rows;
              return (
                <tr
                  key={r}
                  data-row={r + 1}
                  style={{ height: rowHeight(r) }}
                  className={frozen ? 'frozen' : undefined}
                >
                  <th
                    scope="row"
                    style={frozen ? { position: 'sticky', top: frozenTop(r), zIndex: 3 } : undefined}
                  >
                    {r + 1}
                  </th>
                  {Array.from({ length: columns }, (_, c) => {
                    if (covered(r, c)) return null;
                    const span = mergeStart(r, c);
                    const cell = readCell(sheet, r, c);
                    const look = conditionalLook(sheet, r, c, today);
                    const f = cell.format;
                    const isSelected = selection?.row === r && selection?.column === c;
                    const style: CSSProperties = {
                      background: look.bar
                        ? `linear-gradient(90deg, ${look.bar.color} ${Math.round(look.bar.fraction * 100)}%, transparent ${Math.round(look.bar.fraction * 100)}%)`
                        : (look.fill ?? f.fill),
                      color: look.fontColor ?? f.fontColor,
                      fontWeight: look.bold || f.bold ? 700 : undefined,
                      fontStyle: f.italic ? 'italic' : undefined,
                      fontSize: f.fontSize ? `${f.fontSize}pt` : undefined,
                      whiteSpace: f.wrapText ? 'pre-wrap' : 'nowrap',
                      textAlign:
                        f.horizontalAlignment === 'Center'
                          ? 'center'
                          : f.horizontalAlignment === 'Right' || typeof cell.value === 'number'
                            ? 'right'
                            : undefined,
                      verticalAlign:
                        f.verticalAlignment === 'Top'
                          ? 'top'
                          : f.verticalAlignment === 'Center'
                            ? 'middle'
                            : 'bottom',
                      maxWidth: span ? undefined : width(c),
                      position: frozen ? 'sticky' : undefined,
                      top: frozen ? frozenTop(r) : undefined,
                      zIndex: frozen ? 2 : undefined,
                    };
                    const hasDropdown = sim.dropdown(sheet.name, r, c) !== null;
                    return (
                      <td
                        key={c}
                        colSpan={span?.columnCount}
                        rowSpan={span?.rowCount}
                        style={style}
                        data-address={`${columnName(c)}${r + 1}`}
                        className={`${isSelected ? 'selected' : ''} ${hasDropdown ? 'has-dropdown' : ''}`}
                        onClick={() => select(r, c)}
                      >
                        {cell.formula ?? displayText(cell)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {sheet.charts.length > 0 && (
          <div className="charts">
            {sheet.charts.map((chart) => (
              <ChartView key={chart.id} sim={sim} chartId={chart.id} />
            ))}
          </div>
        )}
      </div>
      <nav className="sheet-tabs" aria-label={t.sheets}>
        {state.sheets
          .filter((s) => s.visibility === 'Visible')
          .map((s) => (
            <button
              key={s.id}
              type="button"
              aria-current={s.id === sheet.id ? 'page' : undefined}
              className={s.id === sheet.id ? 'active' : undefined}
              style={s.tabColor ? { borderBottomColor: s.tabColor } : undefined}
              onClick={() => {
                state.activeSheetId = s.id;
                state.notify();
              }}
            >
              {s.name}
            </button>
          ))}
      </nav>
    </div>
  );
}

/** A plain rendering of a native chart: title and bars from its source block. */
function ChartView({ sim, chartId }: { sim: ExcelSim; chartId: string }) {
  const sheet = sim.state.activeSheet();
  const chart = sheet.charts.find((c) => c.id === chartId);
  if (!chart) return null;
  const { row, column, rowCount, columnCount } = chart.source;
  const series = Array.from({ length: columnCount - 1 }, (_, s) =>
    displayText(readCell(sheet, row, column + 1 + s)),
  );
  const categories = Array.from({ length: rowCount - 1 }, (_, i) => ({
    label: displayText(readCell(sheet, row + 1 + i, column)),
    values: series.map((_, s) => Number(readCell(sheet, row + 1 + i, column + 1 + s).value) || 0),
  }));
  const max = Math.max(
    1,
    ...categories.map((c) =>
      chart.type === 'BarStacked' ? c.values.reduce((a, b) => a + b, 0) : Math.max(...c.values),
    ),
  );
  const colours = ['#A5A5A5', '#5B9BD5', '#C00000', '#70AD47', '#FFC000'];
  if (chart.type === 'Line') return <LineView title={chart.title} categories={categories} max={max} />;
  return (
    <figure className="chart" aria-label={chart.title}>
      <figcaption>{chart.title}</figcaption>
      {categories.map((c) => (
        <div key={c.label} className="bar-row">
          <span className="bar-label">{c.label}</span>
          <span className="bar-track">
            {c.values.map((v, s) => (
              <span
                key={s}
                className="bar"
                title={`${series[s]}: ${v}`}
                style={{ width: `${(v / max) * 100}%`, background: colours[s % colours.length] }}
              />
            ))}
          </span>
        </div>
      ))}
      {series.length > 1 && (
        <div className="legend">
          {series.map((s, i) => (
            <span key={s}>
              <i style={{ background: colours[i % colours.length] }} /> {s}
            </span>
          ))}
        </div>
      )}
    </figure>
  );
}

/** A line chart as a small SVG: one point per category of the first series, labelled below. */
function LineView({
  title,
  categories,
  max,
}: {
  title: string;
  categories: readonly { label: string; values: readonly number[] }[];
  max: number;
}) {
  const width = 360;
  const height = 120;
  const pad = 40;
  const step = categories.length > 1 ? (width - 2 * pad) / (categories.length - 1) : 0;
  // Shares (0–1) are labelled as percentages, as the chart's source cells show them.
  const label = (v: number) => (max <= 1 ? `${Math.round(v * 1000) / 10}%` : String(v));
  const points = categories.map((c, i) => ({
    x: pad + i * step,
    y: height - 10 - ((c.values[0] ?? 0) / max) * (height - 30),
    ...c,
  }));
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <svg width={width} height={height + 16} role="img" aria-label={title}>
        <polyline
          fill="none"
          stroke="#5B9BD5"
          strokeWidth="2"
          points={points.map((p) => `${p.x},${p.y}`).join(' ')}
        />
        {points.map((p) => (
          <g key={p.label}>
            <circle cx={p.x} cy={p.y} r="3" fill="#5B9BD5" />
            <text x={p.x} y={p.y - 6} fontSize="10" textAnchor="middle">
              {label(p.values[0] ?? 0)}
            </text>
            <text x={p.x} y={height + 12} fontSize="10" textAnchor="middle">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
