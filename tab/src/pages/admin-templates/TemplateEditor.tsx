// Edits one risk template as its next version. The checks and the preview's score are the domain's own
// (publishingProblems, scoreAssessment), so what the editor shows is what the API will accept and score.
import { useMemo, useState, type ReactNode } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { maximumScore, publishingProblems, type RiskQuestion, type RiskTemplate } from '../../../../api/domain/risk/template';
import { scoreAssessment } from '../../../../api/domain/risk/scoring';
import { asApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import type { Answer, RequestBody } from '../../api/answers';
import { useApi } from '../../session/session';
import { NewQuestionForm } from './NewQuestionForm';

type TemplateRow = Answer<'/api/risk-templates'>['templates'][number];
type Definition = RequestBody<'/api/risk-templates/{templateId}/versions', 'post'>['definition'];
type Question = Definition['questions'][number];

const useStyles = makeStyles({
  editor: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '56rem', marginBottom: tokens.spacingVerticalXXL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  number: { width: '7rem' },
  question: { display: 'grid', gap: tokens.spacingVerticalS },
  preview: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function definitionOf(row: TemplateRow): Definition {
  return {
    subjectType: row.subjectType,
    referralThreshold: row.referralThreshold ?? 1,
    bands: (row.bands ?? []).map((b) => ({ ...b })),
    questions: (row.questions ?? []).map((q) => ({ ...q, options: q.options.map((o) => ({ ...o })) })),
  };
}

export function TemplateEditor({
  template,
  onCancel,
  onPublished,
}: {
  template: TemplateRow;
  onCancel: () => void;
  onPublished: (name: string, version: number) => void;
}) {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState<Definition>(() => definitionOf(template));
  const [sample, setSample] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<{ message: string; fields: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const asTemplate = (definition: Definition): RiskTemplate => ({
    ...definition,
    id: template.id,
    name: template.name,
    version: template.version + 1,
  });
  const problems = useMemo(() => publishingProblems(asTemplate(draft)), [draft]);
  const preview = useMemo(() => scoreAssessment(asTemplate(draft), sample), [draft, sample]);

  const setQuestion = (index: number, change: Partial<Question>) =>
    setDraft((d) => ({ ...d, questions: d.questions.map((q, i) => (i === index ? { ...q, ...change } : q)) }));
  const setWeight = (qIndex: number, oIndex: number, weight: number) =>
    setQuestion(qIndex, { options: draft.questions[qIndex]!.options.map((o, i) => (i === oIndex ? { ...o, weight } : o)) });
  const setBand = (index: number, change: { from?: number; to?: number }) =>
    setDraft((d) => ({ ...d, bands: d.bands.map((b, i) => (i === index ? { ...b, ...change } : b)) }));
  // The high band must end at the maximum score; when questions come or go, a band that ended there
  // follows the new maximum so the administrator is not asked to redo arithmetic the editor knows.
  const withQuestions = (d: Definition, questions: Question[]): Definition => {
    const oldMax = maximumScore(asTemplate(d));
    const newMax = maximumScore(asTemplate({ ...d, questions }));
    const bands = d.bands.map((b) => (b.band === 'HIGH' && b.to === oldMax ? { ...b, to: newMax } : b));
    return { ...d, questions, bands };
  };
  const addQuestion = (question: RiskQuestion) =>
    setDraft((d) => withQuestions(d, [...d.questions, { ...question, options: question.options.map((o) => ({ ...o })) }]));
  const removeQuestion = (index: number) => {
    const removed = draft.questions[index]!.id;
    setDraft((d) =>
      withQuestions(
        d,
        d.questions.filter((_q, i) => i !== index),
      ),
    );
    setSample(({ [removed]: _dropped, ...rest }) => rest);
  };
  const moveQuestion = (index: number, by: -1 | 1) =>
    setDraft((d) => {
      const questions = [...d.questions];
      const [moved] = questions.splice(index, 1);
      questions.splice(index + by, 0, moved!);
      return { ...d, questions };
    });
  const whole = (value: string) => (value === '' ? Number.NaN : Number(value));
  const numberBox = (label: string, value: number, set: (n: number) => void): ReactNode => (
    <Field label={label}>
      <Input
        className={styles.number}
        type="number"
        value={Number.isNaN(value) ? '' : String(value)}
        onChange={(_e, data) => set(whole(data.value))}
      />
    </Field>
  );

  const publish = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const saved = await answerOf(
        api.POST('/api/risk-templates/{templateId}/versions', {
          params: { path: { templateId: template.id } },
          body: { definition: draft },
        }),
      );
      onPublished(saved.name, saved.version);
    } catch (error) {
      const problem = asApiError(error);
      setRefusal({ message: problem.message, fields: Object.values(problem.fields) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.editor} aria-labelledby="editor-heading">
      <Subtitle2 as="h2" id="editor-heading">
        Editing {template.name}: becomes version {template.version + 1}
      </Subtitle2>

      <div className={styles.row} role="group" aria-label="Bands and threshold">
        {draft.bands.map((band, index) => (
          <div className={styles.row} key={band.band}>
            {numberBox(`${band.band.toLowerCase()} from`, band.from, (n) => setBand(index, { from: n }))}
            {numberBox(`${band.band.toLowerCase()} to`, band.to, (n) => setBand(index, { to: n }))}
          </div>
        ))}
        {numberBox('Referral threshold', draft.referralThreshold, (n) => setDraft((d) => ({ ...d, referralThreshold: n })))}
      </div>

      <Accordion multiple collapsible>
        {draft.questions.map((question, qIndex) => (
          <AccordionItem value={question.id} key={question.id}>
            <AccordionHeader>
              {qIndex + 1}. {question.wording} ({question.options.map((o) => o.weight).join(' / ')})
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.question}>
                <Field label={`Question ${qIndex + 1} wording`}>
                  <Input value={question.wording} onChange={(_e, data) => setQuestion(qIndex, { wording: data.value })} />
                </Field>
                <Field label={`Question ${qIndex + 1} help text`}>
                  <Textarea value={question.helpText} rows={2} onChange={(_e, data) => setQuestion(qIndex, { helpText: data.value })} />
                </Field>
                <Checkbox
                  label="An answer is required"
                  checked={question.required}
                  onChange={(_e, data) => setQuestion(qIndex, { required: data.checked === true })}
                />
                <div className={styles.row}>
                  {question.options.map((option, oIndex) => (
                    <Field key={option.id} label={`Weight of "${option.label}"`}>
                      <Input
                        className={styles.number}
                        type="number"
                        aria-label={`Question ${qIndex + 1}: weight of "${option.label}"`}
                        value={Number.isNaN(option.weight) ? '' : String(option.weight)}
                        onChange={(_e, data) => setWeight(qIndex, oIndex, whole(data.value))}
                      />
                    </Field>
                  ))}
                </div>
                <div className={styles.actions}>
                  <Button disabled={qIndex === 0} onClick={() => moveQuestion(qIndex, -1)}>
                    Move question {qIndex + 1} up
                  </Button>
                  <Button disabled={qIndex === draft.questions.length - 1} onClick={() => moveQuestion(qIndex, 1)}>
                    Move question {qIndex + 1} down
                  </Button>
                  <Button onClick={() => removeQuestion(qIndex)}>Remove question {qIndex + 1}</Button>
                </div>
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>

      <NewQuestionForm takenIds={draft.questions.map((q) => q.id)} onAdd={addQuestion} />

      <section aria-labelledby="preview-heading">
        <Subtitle2 as="h3" id="preview-heading">
          Preview with sample answers
        </Subtitle2>
        <div className={styles.preview}>
          {draft.questions.map((question, qIndex) => (
            <Field key={question.id} label={`${qIndex + 1}. ${question.topic}`}>
              <Select
                value={sample[question.id] ?? ''}
                onChange={(_e, data) =>
                  setSample((s) => {
                    const { [question.id]: _dropped, ...rest } = s;
                    return data.value === '' ? rest : { ...rest, [question.id]: data.value };
                  })
                }
              >
                <option value="">Not answered</option>
                {question.options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label} ({option.weight})
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
        <MessageBar intent={preview.ok ? 'info' : 'warning'} role="status" aria-label="Preview score">
          <MessageBarBody>{preview.ok ? preview.value.reasons.join(' ') : preview.error.message}</MessageBarBody>
        </MessageBar>
      </section>

      {problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            This version cannot be published yet:
            <ul className={styles.problems}>
              {problems.map((p) => (
                <li key={`${p.code}:${p.field ?? ''}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {refusal && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {refusal.message} {refusal.fields.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void publish()} disabled={busy || problems.length > 0}>
          Publish version {template.version + 1}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </section>
  );
}
