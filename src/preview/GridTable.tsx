// The grid's table: column letters, row numbers, and each cell as Excel would show it.
import { columnName, conditionalLook, simModel } from '../excel-sim';
import { cellStyle } from './gridStyles';
import type { GridState } from './useGrid';

const { displayText, readCell } = simModel;

export function GridTable({ grid }: { grid: GridState }) {
  const {
    sim,
    sheet,
    selection,
    rows,
    columns,
    today,
    select,
    width,
    frozenTop,
    rowHeight,
    mergeStart,
    covered,
  } = grid;
  return (
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
                const isSelected = selection?.row === r && selection?.column === c;
                const style = cellStyle(cell, conditionalLook(sheet, r, c, today), {
                  width: span ? undefined : width(c),
                  top: frozen ? frozenTop(r) : undefined,
                });
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
  );
}
