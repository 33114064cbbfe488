// How a grid cell looks: its own format with the conditional format's colours over it, as Excel
// paints it; a frozen row's cells stick under the column letters.
import type { CSSProperties } from 'react';
import { conditionalLook, simModel } from '../excel-sim';

type Cell = ReturnType<typeof simModel.readCell>;
type Look = ReturnType<typeof conditionalLook>;

export function cellStyle(
  cell: Cell,
  look: Look,
  place: { readonly width: number | undefined; readonly top: number | undefined },
): CSSProperties {
  const f = cell.format;
  const frozen = place.top !== undefined;
  return {
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
      f.verticalAlignment === 'Top' ? 'top' : f.verticalAlignment === 'Center' ? 'middle' : 'bottom',
    maxWidth: place.width,
    position: frozen ? 'sticky' : undefined,
    top: place.top,
    zIndex: frozen ? 2 : undefined,
  };
}
