// The simulated workbook as Excel would show it: sheet tabs, column letters, row numbers,
// fills and fonts, wrapped text, widths, the frozen header, conditional-format colours, rows
// hidden by filters, and the status cells' dropdowns. Typing and picking fire the same
// change events as Excel, so the pane re-validates. A render of useGrid's state.
import { simModel, type ExcelSim } from '../excel-sim';
import type { Language } from '../ledger';
import { ChartView } from './Charts';
import { GridTable } from './GridTable';
import { PREVIEW_STRINGS } from './previewStrings';
import { useGrid } from './useGrid';

const { displayText } = simModel;

export function Grid({ sim, now, language }: { sim: ExcelSim; now: () => Date; language: Language }) {
  const t = PREVIEW_STRINGS[language];
  const grid = useGrid(sim, now);
  const {
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
    commit,
    onKey,
  } = grid;
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
        <GridTable grid={grid} />
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
              onClick={() => state.activate(s.id)}
            >
              {s.name}
            </button>
          ))}
      </nav>
    </div>
  );
}
