// 开始 › 导入分工表: what was read, shown before anything is written — tasks, units with their
// kinds (a dropdown each), collectives with guessed members, skipped rows and why, problems with
// their rows and a fix or an exclusion each — then 导入.
import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { chineseDate, sourceRowText, UNIT_KINDS } from '../../ledger';
import { IMPORT_STRINGS } from '../importStrings';
import { blockedBy, shownUnits, type Review } from '../importWorkflow';
import { useStrings } from '../paneContext';
import { PLAN_START_STRINGS } from '../planStartStrings';
import { useImportAnnex } from '../useImportAnnex';
import { AnnexPairs } from './AnnexPairs';

const useStyles = makeStyles({
  card: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '8px' },
  hint: { color: tokens.colorNeutralForeground3 },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', verticalAlign: 'top' },
  list: { margin: 0, paddingLeft: '18px' },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
});

export default function ImportAnnex() {
  const styles = useStyles();
  const { language } = useStrings();
  const s = IMPORT_STRINGS[language];
  const flow = useImportAnnex();
  const { review } = flow;
  return (
    <Card className={styles.card}>
      <Subtitle2 as="h3">{s.title}</Subtitle2>
      <Caption1 className={styles.hint}>{s.hint}</Caption1>
      <div className={styles.row}>
        <Button onClick={() => void flow.readSheet()} disabled={flow.busy}>
          {s.fromSheet}
        </Button>
      </div>
      <Field label={s.pasted}>
        <Textarea value={flow.pasted} onChange={(_, d) => flow.setPasted(d.value)} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button onClick={flow.readText} disabled={flow.busy || !flow.pasted.trim()}>
          {s.fromText}
        </Button>
      </div>
      {review && <ReviewView review={review} flow={flow} />}
    </Card>
  );
}

function ReviewView({ review, flow }: { review: Review; flow: ReturnType<typeof useImportAnnex> }) {
  const styles = useStyles();
  const { language } = useStrings();
  const s = IMPORT_STRINGS[language];
  const { annex } = review;
  const where = review.from ? s.sheetWhere(review.from.sheet) : s.textWhere;
  const rowName = (source: number) =>
    source === 0
      ? s.wholeSource
      : review.from
        ? s.row('sheet', review.from.firstRow + source - 1)
        : s.row('text', source);
  const blocked = blockedBy(review);
  return (
    <section aria-label={s.title}>
      <Body1 role="status">{s.readFrom(where, annex.tasks.length, annex.units.length)}</Body1>
      <AnnexProblems review={review} flow={flow} rowName={rowName} />
      <AnnexTasks review={review} />
      <AnnexUnits review={review} flow={flow} />
      <AnnexPairs review={review} splitOff={flow.splitOff} onApart={flow.keepApart} />
      {annex.skipped.length > 0 && (
        <>
          <Subtitle2 as="h4">{s.skippedHeading}</Subtitle2>
          <ul className={styles.list}>
            {annex.skipped.map((k) => (
              <li key={k.source}>
                {rowName(k.source)}（{s.reasons[k.reason]}）{k.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <Field label={s.planTitle} hint={s.planTitleHint} required>
        <Input value={review.title} onChange={(_, d) => flow.setTitle(d.value)} />
      </Field>
      <Field label={s.shortName}>
        <Input value={review.shortName} onChange={(_, d) => flow.setShortName(d.value)} />
      </Field>
      {flow.startGuess && (
        <Caption1 role="note">
          {PLAN_START_STRINGS[language].guessed(chineseDate(flow.startGuess.day), flow.startGuess.from)}
        </Caption1>
      )}
      {blocked && (
        <Caption1 role="note">{blocked === 'problems' ? s.blockedByProblems : s.needTitle}</Caption1>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={flow.busy || blocked !== null}
          onClick={() => void flow.doImport()}
        >
          {flow.busy ? <Spinner size="tiny" /> : s.importButton}
        </Button>
        <Button onClick={flow.discard} disabled={flow.busy}>
          {s.discard}
        </Button>
      </div>
    </section>
  );
}

type Flow = ReturnType<typeof useImportAnnex>;

/** What could not be read, each with its row: edit it and read again, or leave it out. */
function AnnexProblems({
  review,
  flow,
  rowName,
}: {
  review: Review;
  flow: Flow;
  rowName: (source: number) => string;
}) {
  const styles = useStyles();
  const s = IMPORT_STRINGS[useStrings().language];
  const { annex } = review;
  return (
    <>
      {annex.problems.length > 0 && (
        <div role="alert">
          <Subtitle2 as="h4">{s.problemsHeading(annex.problems.length)}</Subtitle2>
          <ul className={styles.list}>
            {annex.problems.map((p) => (
              <li key={`${p.source}-${p.kind}`}>
                {rowName(p.source)}：{s.problems[p.kind]}
                {p.text ? `（${p.text}）` : ''}
                {p.source > 0 && flow.editing?.row !== p.source && (
                  <span className={styles.row}>
                    <Button
                      size="small"
                      onClick={() => flow.startEdit(p.source, sourceRowText(review.source, p.source))}
                    >
                      {s.edit}
                    </Button>
                    <Button size="small" onClick={() => flow.exclude(p.source)}>
                      {s.exclude}
                    </Button>
                  </span>
                )}
                {flow.editing?.row === p.source && (
                  <span className={styles.row}>
                    <Field label={s.editLabel(rowName(p.source))}>
                      <Textarea value={flow.editing.text} onChange={(_, d) => flow.editText(d.value)} />
                    </Field>
                    <Button size="small" appearance="primary" onClick={flow.applyEdit}>
                      {s.reread}
                    </Button>
                    <Button size="small" onClick={flow.cancelEdit}>
                      {s.cancelEdit}
                    </Button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** The tasks as read: 序号, text, lead and partner units, 完成时限, group. */
function AnnexTasks({ review }: { review: Review }) {
  const styles = useStyles();
  const s = IMPORT_STRINGS[useStrings().language];
  const { annex } = review;
  return (
    <>
      <Subtitle2 as="h4">{s.tasksHeading}</Subtitle2>
      <table className={styles.table}>
        <thead>
          <tr>
            {[s.no, s.text, s.lead, s.partners, s.deadline, s.group].map((h) => (
              <th key={h} className={styles.cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {annex.tasks.map((t) => (
            <tr key={t.order}>
              <td className={styles.cell}>{t.no}</td>
              <td className={styles.cell}>{t.text}</td>
              <td className={styles.cell}>{t.lead.join('、')}</td>
              <td className={styles.cell}>{t.partners.join('、')}</td>
              <td className={styles.cell}>{t.deadline}</td>
              <td className={styles.cell}>{t.group}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The units learned, each kind a choice; a 统称 with the members guessed. */
function AnnexUnits({ review, flow }: { review: Review; flow: Flow }) {
  const styles = useStyles();
  const s = IMPORT_STRINGS[useStrings().language];
  const units = shownUnits(review, flow.known);
  return (
    <>
      <Subtitle2 as="h4">{s.unitsHeading}</Subtitle2>
      <ul className={styles.list}>
        {units.map((u) => (
          <li key={u.name}>
            <Field label={u.name}>
              <Select
                aria-label={s.unitKindOf(u.name)}
                value={u.kind}
                onChange={(_, d) => {
                  const kind = UNIT_KINDS.find((k) => k === d.value);
                  if (kind) flow.setKind(u.name, kind);
                }}
              >
                {UNIT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {s.kinds[k]}
                  </option>
                ))}
              </Select>
            </Field>
            {u.kind === 'collective' && (
              <Caption1>{u.listed ? s.listedMembers(u.members) : s.members(u.members)}</Caption1>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
