// Whether 校验 asks a completed task for its 办结依据 (issue 26): a workbook setting, so the
// office's choice travels with the file like the 落款 and the recipients.
import { EVIDENCE_SETTING } from './names';

/** One sync. Returns the value kept. */
export async function saveRequireEvidence(context: Excel.RequestContext, on: boolean): Promise<boolean> {
  context.workbook.settings.add(EVIDENCE_SETTING, on);
  await context.sync();
  return on;
}
