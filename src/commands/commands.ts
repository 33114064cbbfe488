// Ribbon commands (ExecuteFunction). 生成汇总表 makes the default set — overall summary and
// behind-schedule list, dated today — with the same code as the pane's button, of the plan the
// pane does: the ledger of the sheet the user is on, else the one an open pane shows, else the
// first, which the command then names.
import {
  describeError,
  generateSummaries,
  keptSheetsNotice,
  officeApiSupport,
  filtersClearedNotice,
  planUsedNotice,
  recallPaneLedger,
  snapshotNotKeptNotice,
} from '../excel';
import { dayFromLocalDate, languageFor } from '../ledger';

/** Office.EventType.DialogEventReceived by its string value: the enum object may not exist yet at import. */
const DIALOG_EVENT_RECEIVED = 'dialogEventReceived' as unknown as Office.EventType;

/**
 * Errors open a small dialog: a ribbon command has no pane to speak in. Resolves when the user
 * closes it (or it could not open), so the command's event is completed only then: completing
 * earlier may unload the command's page and close the dialog with it.
 */
function showMessage(text: string): Promise<void> {
  const url = new URL('message.html', window.location.href);
  url.searchParams.set('text', text);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      url.toString(),
      { height: 30, width: 40, displayInIframe: true },
      (result) => {
        if (String(result.status) !== 'succeeded') {
          resolve();
          return;
        }
        // The user closing the dialog arrives as a dialog event (12006).
        result.value.addEventHandler(DIALOG_EVENT_RECEIVED, () => resolve());
      },
    );
  });
}

/** The command, with the clock it dates the sheets by (tests pin it). */
export const summariesCommand = (now: () => Date) =>
  async function generateSummariesCommand(event: Office.AddinCommands.Event): Promise<void> {
    const language = languageFor(Office.context.displayLanguage);
    try {
      const shown = recallPaneLedger();
      const result = await generateSummaries((batch) => Excel.run(batch), {
        asOf: dayFromLocalDate(now()),
        request: { overview: true, behind: true },
        supports: officeApiSupport,
        ledgerTable: shown,
      });
      const { read } = result;
      const location = read.ledger?.location;
      const guessed =
        read.ledgers.length > 1 &&
        read.onLedgerSheet !== true &&
        location !== undefined &&
        location.tableName.toLowerCase() !== shown?.toLowerCase();
      // Sheets the user made their own were kept: say so, or the new "(2)" names would puzzle;
      // and say when the progress snapshot could not be recorded.
      const notices = [
        guessed
          ? planUsedNotice(read.ledgers.length, read.reference.plan.plan.title, location.sheetName)[language]
          : '',
        result.kept.length ? keptSheetsNotice(result.kept.map((k) => k.name))[language] : '',
        result.snapshot.kept
          ? ''
          : snapshotNotKeptNotice(result.snapshot.sheetName, result.snapshot.reason)[language],
        result.snapshot.kept && result.snapshot.filtersCleared
          ? filtersClearedNotice(result.snapshot.sheetName)[language]
          : '',
      ].filter(Boolean);
      if (notices.length) await showMessage(notices.join(' '));
    } catch (error) {
      const message = describeError(error);
      await showMessage(message[language]);
    } finally {
      event.completed();
    }
  };

Office.onReady(() => {
  Office.actions.associate(
    'generateSummaries',
    summariesCommand(() => new Date()),
  );
});
