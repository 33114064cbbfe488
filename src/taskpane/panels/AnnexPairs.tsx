// 导入分工表's guessed pairings: a full name taken for the short form beside it (梨川市人力资源和
// 社会保障局 = 市人社局). Each is shown as the guess it is, with a button that keeps the two apart
// (and, once apart, one that takes it back);
// a name kept apart that 单位名录 lists as another unit's alias is said so before the import.
import { Button, Caption1, makeStyles, Subtitle2 } from '@fluentui/react-components';
import { IMPORT_STRINGS } from '../importStrings';
import type { Review, SplitNote } from '../importWorkflow';
import { useStrings } from '../paneContext';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: '18px' } });

export function AnnexPairs({
  review,
  splitOff,
  alreadyApart,
  onApart,
  onJoin,
}: {
  review: Review;
  splitOff: readonly SplitNote[];
  alreadyApart: readonly string[];
  onApart: (alias: string) => void;
  onJoin: (alias: string) => void;
}) {
  const styles = useStyles();
  const s = IMPORT_STRINGS[useStrings().language];
  const all = review.annex.units.flatMap((u) => u.aliases.map((alias) => ({ alias, kept: u.name })));
  const pairs = all.filter((p) => !alreadyApart.includes(p.alias));
  const apartBefore = all.filter((p) => alreadyApart.includes(p.alias));
  return (
    <>
      {pairs.length > 0 && (
        <>
          <Subtitle2 as="h4">{s.pairsHeading}</Subtitle2>
          <ul className={styles.list}>
            {pairs.map((p) => (
              <li key={p.alias}>
                <Caption1>{s.paired(p.alias, p.kept)}</Caption1>{' '}
                <Button size="small" onClick={() => onApart(p.alias)} aria-label={s.keepApartLabel(p.alias)}>
                  {s.keepApart}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {apartBefore.map((p) => (
        <Caption1 as="p" role="note" key={p.alias}>
          {s.alreadyApart(p.alias, p.kept)}
        </Caption1>
      ))}
      {review.apart.length > 0 && (
        <ul className={styles.list}>
          {review.apart.map((name) => (
            <li key={name}>
              <Caption1>{s.keptApart(name)}</Caption1>{' '}
              <Button size="small" onClick={() => onJoin(name)} aria-label={s.joinAgainLabel(name)}>
                {s.joinAgain}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {splitOff.map((u) => (
        <Caption1 as="p" role="note" key={u.name}>
          {s.splitOff(u.name, u.of, u.from)}
        </Caption1>
      ))}
    </>
  );
}
