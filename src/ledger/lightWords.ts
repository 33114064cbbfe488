// The words for a task's 预警, one per state on every sheet, file and mail, and in the 进度快照
// table they are read back from.
import type { CellStyle } from './cellStyles';
import type { HealthLight } from './health';

export const LIGHT_LABEL: Readonly<Record<HealthLight, { readonly zh: string; readonly style: CellStyle }>> =
  {
    red: { zh: '红灯', style: 'red' },
    yellow: { zh: '黄灯', style: 'yellow' },
    green: { zh: '绿灯', style: 'green' },
    done: { zh: '已完成', style: 'text' },
    none: { zh: '—', style: 'text' },
  };

/**
 * The one word for a task's 预警 on every sheet, file and mail: 逾期 when past its deadline and
 * not done, else its light.
 */
export function lightWord(health: { readonly light: HealthLight; readonly overdue: boolean }): {
  readonly zh: string;
  readonly style: CellStyle;
} {
  return health.overdue ? { zh: '逾期', style: 'red' } : LIGHT_LABEL[health.light];
}
