// Ribbon commands (ExecuteFunction). 生成汇总表 makes the default set — overall summary and
// behind-schedule list, dated today — with the same code as the pane's button.
import { describeError, generateSummaries, officeApiSupport } from '../excel';
import { dayFromLocalDate } from '../ledger';

/** Errors open a small dialog: a ribbon command has no pane to speak in. */
function showMessage(text: string): void {
  const url = new URL('message.html', window.location.href);
  url.searchParams.set('text', text);
  Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 40, displayInIframe: true });
}

export async function generateSummariesCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await generateSummaries((batch) => Excel.run(batch), {
      asOf: dayFromLocalDate(new Date()),
      request: { overview: true, behind: true },
      supports: officeApiSupport,
    });
  } catch (error) {
    const message = describeError(error);
    showMessage(Office.context.displayLanguage?.startsWith('en') ? message.en : message.zh);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('generateSummaries', generateSummariesCommand);
});
