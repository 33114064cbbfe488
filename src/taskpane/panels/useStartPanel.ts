// The 开始 tab's state and actions; StartPanel.tsx renders them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { adoptActiveSheet, createLedger, findLedgerLikeSheets } from '../../excel';
import type { NoticeText } from '../i18n';
import { usePane } from '../paneContext';
import { adoptedNotice, createdNotice } from './startNotices';

/** Other sheets that look like a ledger, for the ledger on sheetId; or why they could not be looked for. */
interface OtherLedgers {
  readonly sheetId: string;
  readonly names?: string[];
  readonly failed?: NoticeText;
}

export function useStartPanel() {
  const { ledger, action, host, openTab } = usePane();
  const { state } = ledger;
  // After 新建 / 使用当前工作表 the buttons are gone: focus moves to the ledger's heading, not <body>.
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  useEffect(() => {
    if (state.phase === 'ready' && focusHeading.current) {
      focusHeading.current = false;
      heading.current?.focus();
    }
  }, [state.phase]);

  // Other sheets that look like a ledger, for the ledger on this sheet: looked for when the pane
  // finds a ledger it did not just make, and on 重新校验 (a sheet copied meanwhile).
  const [others, setOthers] = useState<OtherLedgers | null>(null);
  const madeHere = useRef(false);
  const ledgerSheetId = state.phase === 'ready' ? state.read.location.sheetId : null;
  const lookForOthers = useCallback(
    (sheetId: string) =>
      host
        .run((c) => findLedgerLikeSheets(c, sheetId))
        .then(
          (names) => setOthers({ sheetId, names }),
          async (error: unknown) => {
            const { describeError } = await import('../engine');
            setOthers({ sheetId, failed: describeError(error) });
          },
        ),
    [host],
  );
  useEffect(() => {
    if (ledgerSheetId === null || others?.sheetId === ledgerSheetId) return;
    // A ledger the pane has just made in this workbook: its sheet is new, and the round trips are the click's.
    if (madeHere.current) {
      madeHere.current = false;
      setOthers({ sheetId: ledgerSheetId, names: [] });
      return;
    }
    void lookForOthers(ledgerSheetId);
  }, [ledgerSheetId, others?.sheetId, lookForOthers]);

  const create = async () => {
    const made = await action.run(
      'create',
      () => host.run((c) => createLedger(c, { supports: host.supports })),
      createdNotice,
    );
    // A refused create (a ledger exists after all) is shown; the pane reads the workbook as it is.
    if (!made) return ledger.refresh();
    focusHeading.current = true;
    madeHere.current = true;
    ledger.afterWrite(made);
  };
  const adopt = async () => {
    const adopted = await action.run(
      'adopt',
      () => host.run((c) => adoptActiveSheet(c, { supports: host.supports })),
      adoptedNotice,
    );
    focusHeading.current = adopted !== undefined;
    madeHere.current = adopted !== undefined;
    await ledger.refresh();
  };
  const recheck = (sheetId: string) => {
    void ledger.refresh();
    void lookForOthers(sheetId);
  };

  return {
    state,
    busy: action.busy,
    heading,
    others,
    actions: {
      create,
      adopt,
      recheck,
      retry: () => void ledger.refresh(),
      openValidate: () => openTab('validate'),
    },
  };
}

export type StartPanelState = ReturnType<typeof useStartPanel>;
