// "Schedule next meeting": the server proposes the day by the panel's cadence; the chair confirms it.
// If another meeting was scheduled meanwhile the server refuses the old date and the new one is shown.
import { useState } from 'react';
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import { succeeded } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session';
import { LONDON_WHEN } from './meetings-view';

export interface ScheduleNextDialogProps {
  open: boolean;
  panelId: string;
  panelName: string;
  onClose: () => void;
  onScheduled: () => void;
}

export function ScheduleNextDialog({ open, panelId, panelName, onClose, onScheduled }: ScheduleNextDialogProps) {
  const api = useApi();
  const proposal = useApiQuery('/api/panels/{panelId}/meetings/next', { params: { path: { panelId } }, skip: !open });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirm = async (date: string) => {
    setBusy(true);
    try {
      await succeeded(api.POST('/api/panels/{panelId}/meetings', { params: { path: { panelId } }, body: { expectedDate: date } }));
      setError(null);
      onScheduled();
    } catch (failure) {
      setError(asApiError(failure));
      proposal.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Schedule the next {panelName} meeting</DialogTitle>
          <DialogContent>
            {error && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{error.message}</MessageBarBody>
              </MessageBar>
            )}
            <QueryView query={proposal} loadingLabel="Working out the next date" errorTitle="Could not work out the next date">
              {(next) => (
                <Body1 as="p" data-testid="proposed-meeting">
                  By the panel&apos;s cadence ({next.cadence}) the next meeting is on {LONDON_WHEN.format(new Date(next.startsAt))}. The
                  agenda is built at once and the meeting is put in Teams.
                </Body1>
              )}
            </QueryView>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Not now
            </Button>
            <Button
              appearance="primary"
              disabled={busy || proposal.status !== 'ready'}
              onClick={() => proposal.status === 'ready' && void confirm(proposal.data.date)}
            >
              Schedule
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
