// The minutes' buttons: download for everyone who may read them; approve and circulate for the chair.
// Approval waits for the meeting to have happened, and the button says so rather than vanishing.
import { useId, useState } from 'react';
import { Body1, Button, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import { downloaded } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { useApi } from '../../session/session';
import type { Circulation, Minutes, MinutesSteps as Steps } from './minutes-view';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalS} 0`,
  },
});

function circulationWords(circulation: Circulation): string {
  const { sent, retrying, notReached } = circulation.recipients;
  const agencies = circulation.agencies === 1 ? '1 agency' : `${circulation.agencies} agencies`;
  const parts = [
    `${sent} sent`,
    ...(retrying > 0 ? [`${retrying} to be retried`] : []),
    ...(notReached > 0 ? [`${notReached} not reached in Teams`] : []),
  ];
  return `Circulated to the members of ${agencies} that attended: ${parts.join(', ')}.`;
}

export function MinutesSteps({ meetingId, minutes, steps }: { meetingId: string; minutes: Minutes; steps: Steps }) {
  const styles = useStyles();
  const api = useApi();
  const whyNotId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [circulated, setCirculated] = useState<string | null>(null);
  const run = async (step: () => Promise<ApiError | null>) => {
    setBusy(true);
    setError(await step());
    setBusy(false);
  };
  const download = () =>
    run(async () => {
      try {
        const { blob, filename } = await downloaded(
          api.GET('/api/meetings/{meetingId}/minutes.docx', { params: { path: { meetingId } }, parseAs: 'blob' }),
        );
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = filename ?? 'minutes.docx';
        link.click();
        URL.revokeObjectURL(link.href);
        return null;
      } catch (failure) {
        return asApiError(failure);
      }
    });
  const circulate = () =>
    run(async () => {
      const { error: refusal, circulation } = await steps.circulate();
      if (circulation) setCirculated(circulationWords(circulation));
      return refusal;
    });
  const draft = minutes.status === 'DRAFT';
  return (
    <section aria-labelledby="minutes-steps-heading" className={styles.section}>
      <Subtitle2 as="h2" id="minutes-steps-heading">
        {minutes.me.mayRun ? 'Approve and circulate' : 'Download'}
      </Subtitle2>
      <div className={styles.buttons}>
        <Button onClick={() => void download()} disabled={busy}>
          Download as Word (.docx)
        </Button>
        {minutes.me.mayRun && draft && (
          <Button
            appearance="primary"
            disabledFocusable={!minutes.meeting.held || busy}
            aria-describedby={minutes.meeting.held ? undefined : whyNotId}
            onClick={() => void run(() => steps.approve(minutes.version))}
          >
            Approve the minutes
          </Button>
        )}
        {minutes.me.mayRun && !draft && !minutes.circulatedAt && (
          <Button appearance="primary" disabled={busy} onClick={() => void circulate()}>
            Circulate to attending agencies
          </Button>
        )}
      </div>
      {minutes.me.mayRun && draft && !minutes.meeting.held && (
        <Body1 id={whyNotId}>The minutes can be approved once the meeting has happened.</Body1>
      )}
      {minutes.me.mayRun && !draft && !minutes.circulatedAt && (
        <Body1>
          Each member of the agencies that attended gets a Teams message that the minutes are ready, with a link here and the restricted
          marking; the message holds no case or personal details.
        </Body1>
      )}
      {circulated && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{circulated}</MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorState title="That did not go through" error={error} />}
    </section>
  );
}
