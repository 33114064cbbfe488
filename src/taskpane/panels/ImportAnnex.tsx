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
import {
  chineseDate,
  planLedgerSpec,
  sourceLineOf,
  sourceRowText,
  UNIT_KINDS,
  type ImportProblem,
  type PlanTask,
} from '../../ledger';
import { IMPORT_STRINGS } from '../importStrings';
import { blockedBy, planOfReview, shownUnits, type Review } from '../importWorkflow';
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
  // The number the user finds the row by: the sheet's row, or the pasted text's line.
  const rowName = (source: number) =>
    source === 0
      ? s.wholeSource
      : review.from
        ? s.row('sheet', review.from.firstRow + source - 1)
        : s.row('text', sourceLineOf(review.source, source));
  const blocked = blockedBy(review);
  return (
    <section aria-label={s.title}>
      <Body1 role="status">{s.readFrom(where, annex.tasks.length, annex.units.length)}</Body1>
      <AnnexProblems review={review} flow={flow} rowName={rowName} />
      <AnnexTasks review={review} />
      <AnnexUnits review={review} flow={flow} />
      <AnnexPairs
        review={review}
        splitOff={flow.splitOff}
        alreadyApart={flow.alreadyApart}
        onApart={flow.keepApart}
        onJoin={flow.joinAgain}
      />
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
      {flow.startGuess && flow.startLate && (
        <Caption1 role="note">
          {PLAN_START_STRINGS[language].afterDeadline(
            chineseDate(flow.startGuess.day),
            flow.startLate.label,
            chineseDate(flow.startLate.day),
          )}
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
  // One item per source row: a row with two problems is edited once, in one editor.
  const rows: { source: number; problems: ImportProblem[] }[] = [];
  for (const p of annex.problems) {
    const row = p.source > 0 ? rows.find((r) => r.source === p.source) : undefined;
    if (row) row.problems.push(p);
    else rows.push({ source: p.source, problems: [p] });
  }
  return (
    <>
      {annex.problems.length > 0 && (
        <div role="alert">
          <Subtitle2 as="h4">{s.problemsHeading(annex.problems.length)}</Subtitle2>
          <ul className={styles.list}>
            {rows.map((p) => (
              <li key={`${p.source}-${p.problems[0].kind}`}>
                {rowName(p.source)}：
                {p.problems.map((q) => `${s.problems[q.kind]}${q.text ? `（${q.text}）` : ''}`).join('；')}
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

/**
 * The tasks as the import will write them: the ledger's 序号, text, lead and partner units,
 * 完成时限, group, and the 原序号 and 责任领导 columns where the ledger gets them.
 */
function AnnexTasks({ review }: { review: Review }) {
  const styles = useStyles();
  const s = IMPORT_STRINGS[useStrings().language];
  const plan = planOfReview(review);
  // The ledger's own rule for these columns, so the preview has them exactly when the import writes them.
  const keys = planLedgerSpec(plan).columns.map((c) => c.key);
  const columns = [
    { header: s.no, cell: (t: PlanTask) => String(t.no) },
    ...(keys.includes('label') ? [{ header: s.label, cell: (t: PlanTask) => t.label }] : []),
    { header: s.text, cell: (t: PlanTask) => t.text },
    { header: s.lead, cell: (t: PlanTask) => t.lead.join('、') },
    { header: s.partners, cell: (t: PlanTask) => t.partners.join('、') },
    { header: s.deadline, cell: (t: PlanTask) => t.deadline },
    ...(keys.includes('leaders') ? [{ header: s.leaders, cell: (t: PlanTask) => t.leaders }] : []),
    { header: s.group, cell: (t: PlanTask) => t.group },
  ];
  return (
    <>
      <Subtitle2 as="h4">{s.tasksHeading}</Subtitle2>
      <table className={styles.table}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} className={styles.cell}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plan.tasks.map((t) => (
            <tr key={t.no}>
              {columns.map((c) => (
                <td key={c.header} className={styles.cell}>
                  {c.cell(t)}
                </td>
              ))}
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
  const units = shownUnits(review, flow.listed);
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
              <Caption1>
                {u.source === 'listed'
                  ? s.listedMembers(u.tree)
                  : u.source === 'built-in'
                    ? s.builtInMembers(u.tree)
                    : s.members(u.tree)}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
