// The meetings list as GET /api/meetings gives it, and the chair's changes to one meeting. Each change
// carries the version the row was drawn from; a refusal (a stale row included) comes back to be shown.
import { useCallback } from 'react';
import { asApiError, type ApiError } from '../../api/api-error';
import type { Answer } from '../../api/answers';
import { succeeded, type Outcome } from '../../api/client';
import { useApi } from '../../session/session';

export type PanelMeetings = Answer<'/api/meetings'>[number];
export type MeetingRow = PanelMeetings['upcoming'][number];
export type TeamsSyncStatus = MeetingRow['teams']['status'];

export const LONDON_WHEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const MEETING_STATUS: Record<MeetingRow['status'], string> = {
  SCHEDULED: 'Scheduled',
  IN_PROGRESS: 'In progress',
  ENDED: 'Ended',
  CANCELLED: 'Cancelled',
};

export const TEAMS_STATE: Record<TeamsSyncStatus, { label: string; colour: 'informative' | 'warning' | 'success' | 'danger' }> = {
  NOT_REQUESTED: { label: 'Not in Teams', colour: 'informative' },
  PENDING: { label: 'Pending', colour: 'warning' },
  SYNCED: { label: 'Scheduled in Teams', colour: 'success' },
  FAILED: { label: 'Failed', colour: 'danger' },
};

export interface MeetingChanges {
  move(meeting: MeetingRow, date: string, startTime: string): Promise<ApiError | null>;
  cancel(meeting: MeetingRow, reason: string): Promise<ApiError | null>;
  retryTeams(meeting: MeetingRow): Promise<ApiError | null>;
}

/** The chair's changes; after each (applied or refused) the list is read again, so a stale row is replaced. */
export function useMeetingChanges(reload: () => void): MeetingChanges {
  const api = useApi();
  const run = useCallback(
    async (pending: Promise<Outcome<unknown>>): Promise<ApiError | null> => {
      try {
        await succeeded(pending);
        return null;
      } catch (failure) {
        return asApiError(failure);
      } finally {
        reload();
      }
    },
    [reload],
  );
  return {
    move: (meeting, date, startTime) =>
      run(
        api.PATCH('/api/meetings/{meetingId}', {
          params: { path: { meetingId: meeting.id } },
          body: { date, startTime, expectedVersion: meeting.version },
        }),
      ),
    cancel: (meeting, reason) =>
      run(
        api.POST('/api/meetings/{meetingId}/cancel', {
          params: { path: { meetingId: meeting.id } },
          body: { reason, expectedVersion: meeting.version },
        }),
      ),
    retryTeams: (meeting) => run(api.POST('/api/meetings/{meetingId}/teams/retry', { params: { path: { meetingId: meeting.id } } })),
  };
}
