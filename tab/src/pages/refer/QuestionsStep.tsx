// One group of risk questions (personal, situational, incidental vulnerability, or harm and impact),
// each with its help text and its answers as radio buttons.
import { Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { fieldId } from './field-ids';
import type { RiskQuestion } from './referral-types';

const useStyles = makeStyles({
  questions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '40rem' },
});

export interface QuestionsStepProps {
  questions: RiskQuestion[];
  answers: Record<string, string>;
  errors: Record<string, string>;
  onAnswer(questionId: string, optionId: string): void;
}

export function QuestionsStep({ questions, answers, errors, onAnswer }: QuestionsStepProps) {
  const styles = useStyles();
  return (
    <div className={styles.questions}>
      {questions.map((question) => {
        const error = errors[`answers.${question.id}`];
        return (
          <Field
            key={question.id}
            label={question.wording}
            hint={question.helpText || undefined}
            required={question.required}
            validationMessage={error}
            validationState={error ? 'error' : 'none'}
          >
            <RadioGroup
              id={fieldId(`answers.${question.id}`)}
              value={answers[question.id] ?? ''}
              onChange={(_, data) => onAnswer(question.id, data.value)}
            >
              {question.options.map((option) => (
                <Radio key={option.id} value={option.id} label={option.label} />
              ))}
            </RadioGroup>
          </Field>
        );
      })}
    </div>
  );
}
