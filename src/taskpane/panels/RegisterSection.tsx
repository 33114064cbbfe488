// The 反馈 tab's view of the current round from 报送登记: who has reported (on time or late),
// who has not, who is overdue, with counts; a unit's name jumps to its imported changes in
// 变更记录; 催报 drafts for the units that have not reported.
import { Body1, Button, Caption1, Link, Subtitle2, makeStyles } from '@fluentui/react-components';
import { chineseDate, type UnitReport } from '../../ledger';
import { usePane, useStrings } from '../paneContext';
import { REGISTER_STRINGS, type RegisterStrings } from '../registerStrings';
import { useRegister } from '../useRegister';
import { useUnitListStyles } from './UnitActionList';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
});

function stateText(s: RegisterStrings, u: UnitReport): string {
  const date = u.entry.receivedOn === null ? '' : chineseDate(u.entry.receivedOn);
  const text =
    u.state === 'on-time'
      ? s.onTime(date, u.entry.returns)
      : u.state === 'late'
        ? s.late(date, u.days, u.entry.returns)
        : u.state === 'waiting'
          ? s.waiting(u.days)
          : s.overdue(u.days);
  return u.entry.issuedOn === null ? `${text}${s.notAsked}` : text;
}

export default function RegisterSection({ refreshKey }: { refreshKey: number }) {
  const styles = useStyles();
  const shared = useUnitListStyles();
  const { language } = useStrings();
  const { host } = usePane();
  const s = REGISTER_STRINGS[language];
  const { round, remindAll, remindOne, copyText, jump, busy } = useRegister(refreshKey);
  if (!round)
    return (
      <section className={styles.stack} aria-label={s.title}>
        <Subtitle2 as="h3">{s.title}</Subtitle2>
        <Caption1 className={shared.muted}>{s.none}</Caption1>
      </section>
    );
  const { counts } = round;
  const missing = round.units.filter(
    (u) => u.entry.issuedOn !== null && (u.state === 'waiting' || u.state === 'overdue'),
  );
  return (
    <section className={styles.stack} aria-label={s.title}>
      <Subtitle2 as="h3">{s.title}</Subtitle2>
      <Caption1>
        {s.round(
          chineseDate(round.asOf),
          round.deadlines.map((d) => ({ date: chineseDate(d.returnBy), units: d.units })),
        )}
      </Caption1>
      <Body1 role="status">{s.counts(counts['on-time'], counts.late, counts.waiting, counts.overdue)}</Body1>
      <ul className={shared.list} aria-label={s.title}>
        {round.units.map((u) => (
          <li key={u.unit} className={shared.item} data-state={u.state}>
            <Link
              className={shared.name}
              as="button"
              disabled={busy}
              aria-label={s.jump(u.unit)}
              onClick={() => void jump(u.unit)}
            >
              {u.unit}
            </Link>
            <Caption1 className={u.state === 'overdue' || u.state === 'late' ? undefined : shared.muted}>
              {stateText(s, u)}
            </Caption1>
            {host.canDownload && missing.includes(u) && (
              <Button
                className={shared.button}
                size="small"
                disabled={busy}
                aria-label={s.remindFor(u.unit)}
                onClick={() => void remindOne(u.unit)}
              >
                {s.remindOne}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <div className={styles.row}>
          {host.canDownload && (
            <Button className={shared.button} size="small" disabled={busy} onClick={() => void remindAll()}>
              {s.remindAll}
            </Button>
          )}
          <Button className={shared.button} size="small" disabled={busy} onClick={() => void copyText()}>
            {s.copy}
          </Button>
        </div>
      )}
    </section>
  );
}
