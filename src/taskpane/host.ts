// What the pane needs from where it runs: Excel.run, the requirement sets, the display
// language and theme. Office provides it in Excel; the preview page provides excel-sim's.
import type { ApiSupport, ExcelRun, ExcelRunIn } from '../excel';

export interface Host {
  readonly kind: 'office' | 'preview';
  readonly run: ExcelRun;
  /**
   * Excel.run for the pane's own background reads: held while the user edits a cell
   * (RunOptions.delayForCellEdit) rather than failing, and never shown as an error the user did not cause.
   */
  readonly runWhenIdle: ExcelRun;
  /** Excel.run(context, batch), for removing the change handler the pane registered. */
  readonly runIn: ExcelRunIn;
  readonly supports: ApiSupport;
  readonly displayLanguage: string;
  readonly dark: boolean;
  /** Today, as the user's clock says (tests and the preview may pin it). */
  readonly now: () => Date;
  /** A task pane on a Mac cannot download files (a limit of its web view). */
  readonly canDownload: boolean;
  /** Excel.createWorkbook where the host has it (ExcelApi 1.8), else null. */
  readonly openWorkbook: ((base64: string) => Promise<void>) | null;
}
