// The "Add a question" form of the template editor. Ids are made from the wording and answer labels by
// the domain (questionIdFor), so an administrator never types one and two questions never share one.
import { useState } from 'react';
import { Button, Checkbox, Field, Input, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { questionIdFor, type RiskQuestion, type RiskSection } from '../../../../api/domain/risk/template';
import { SECTIONS, SECTION_LABELS } from '../refer/referral-types';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  number: { width: '7rem' },
});

interface AnswerDraft {
  label: string;
  weight: number;
}

// The shipped matrices score every answer 0, 2 or 4; a new question starts on the same scale.
const STARTING_ANSWERS: AnswerDraft[] = [
  { label: 'No', weight: 0 },
  { label: 'Some concern', weight: 2 },
  { label: 'Yes, a serious concern', weight: 4 },
];
const MAX_ANSWERS = 10;

export function NewQuestionForm({ takenIds, onAdd }: { takenIds: string[]; onAdd: (question: RiskQuestion) => void }) {
  const styles = useStyles();
  const [wording, setWording] = useState('');
  const [topic, setTopic] = useState('');
  const [section, setSection] = useState<RiskSection>('PERSONAL');
  const [helpText, setHelpText] = useState('');
  const [required, setRequired] = useState(true);
  const [answers, setAnswers] = useState<AnswerDraft[]>(STARTING_ANSWERS);

  const labelled = answers.filter((a) => a.label.trim() !== '');
  const missing = [
    wording.trim() === '' ? 'the wording' : null,
    topic.trim() === '' ? 'a short topic' : null,
    labelled.length < 2 ? 'at least two answers' : null,
  ].filter((m): m is string => m !== null);

  const setAnswer = (index: number, change: Partial<AnswerDraft>) =>
    setAnswers((list) => list.map((a, i) => (i === index ? { ...a, ...change } : a)));

  const add = () => {
    const optionIds: string[] = [];
    const options = labelled.map((answer) => {
      const id = questionIdFor(answer.label, optionIds);
      optionIds.push(id);
      return { id, label: answer.label.trim(), weight: answer.weight };
    });
    onAdd({
      id: questionIdFor(wording, takenIds),
      section,
      topic: topic.trim(),
      wording: wording.trim(),
      helpText: helpText.trim(),
      required,
      options,
    });
    setWording('');
    setTopic('');
    setHelpText('');
    setAnswers(STARTING_ANSWERS);
  };

  return (
    <section className={styles.form} aria-labelledby="new-question-heading">
      <Subtitle2 as="h3" id="new-question-heading">
        Add a question
      </Subtitle2>
      <Field label="New question wording" required>
        <Input value={wording} onChange={(_e, data) => setWording(data.value)} maxLength={500} />
      </Field>
      <div className={styles.row}>
        <Field label="Topic (a few words used when explaining a score)" required>
          <Input value={topic} onChange={(_e, data) => setTopic(data.value)} maxLength={120} />
        </Field>
        <Field label="Section">
          <Select value={section} onChange={(_e, data) => setSection(data.value as RiskSection)}>
            {SECTIONS.map((s) => (
              <option key={s} value={s}>
                {SECTION_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="New question help text">
        <Textarea value={helpText} rows={2} onChange={(_e, data) => setHelpText(data.value)} maxLength={1000} />
      </Field>
      <Checkbox label="The new question must be answered" checked={required} onChange={(_e, data) => setRequired(data.checked === true)} />
      {answers.map((answer, index) => (
        <div className={styles.row} key={index} role="group" aria-label={`Answer ${index + 1}`}>
          <Field label={`Answer ${index + 1}`}>
            <Input value={answer.label} onChange={(_e, data) => setAnswer(index, { label: data.value })} maxLength={200} />
          </Field>
          <Field label={`Answer ${index + 1} weight`}>
            <Input
              className={styles.number}
              type="number"
              min={0}
              value={Number.isNaN(answer.weight) ? '' : String(answer.weight)}
              onChange={(_e, data) => setAnswer(index, { weight: data.value === '' ? Number.NaN : Number(data.value) })}
            />
          </Field>
          {answers.length > 2 && (
            <Button onClick={() => setAnswers((list) => list.filter((_a, i) => i !== index))}>Remove answer {index + 1}</Button>
          )}
        </div>
      ))}
      <div className={styles.row}>
        {answers.length < MAX_ANSWERS && (
          <Button onClick={() => setAnswers((list) => [...list, { label: '', weight: 0 }])}>Add an answer</Button>
        )}
        <Button appearance="primary" onClick={add} disabled={missing.length > 0}>
          Add question
        </Button>
        {missing.length > 0 && <span>Still needed: {missing.join(', ')}.</span>}
      </div>
    </section>
  );
}
