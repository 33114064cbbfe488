// 添加列 beside the 校验 finding that a ledger lacks the 延期 and 办结依据 columns (issue 26).
import { Button } from '@fluentui/react-components';
import { addExtensionColumns } from '../../excel';
import { EXTENSION_STRINGS } from '../extensionStrings';
import { usePane, useStrings } from '../paneContext';
import type { ReadyLedger } from '../useLedger';

/** Appends the columns (the action reads the table in its own request) and reads the pane's view again. */
export function useAddColumns(ledger: ReadyLedger): () => Promise<void> {
  const { action, host, ledger: pane } = usePane();
  const location = ledger.read.location;
  return () =>
    action
      .run(
        'fix',
        () => host.run((c) => addExtensionColumns(c, location, host.supports)),
        (r) => ({
          intent: r.added.length === 0 || r.dropdown ? 'success' : 'warning',
          text: (_s, lang) => EXTENSION_STRINGS[lang].added(r.added, r.dropdown),
        }),
      )
      .then(() => pane.refresh());
}

export default function AddColumnsButton({ ledger }: { ledger: ReadyLedger }) {
  const { language } = useStrings();
  const { action } = usePane();
  const add = useAddColumns(ledger);
  return (
    <Button size="small" disabled={action.busy !== null} onClick={() => void add()}>
      {EXTENSION_STRINGS[language].addColumns}
    </Button>
  );
}
