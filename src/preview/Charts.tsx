// The simulated workbook's native charts, drawn plainly: bars from the chart's source block, or
// a line as a small SVG.
import { simModel, type ExcelSim } from '../excel-sim';

const { displayText, readCell } = simModel;

/** A plain rendering of a native chart: title and bars from its source block. */
export function ChartView({ sim, chartId }: { sim: ExcelSim; chartId: string }) {
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
