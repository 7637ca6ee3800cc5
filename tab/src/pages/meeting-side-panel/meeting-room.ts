// The meeting as the side panel reads it (GET /api/meetings/:id/room), polled every second with
// If-None-Match so the panel follows the chair while an unchanged meeting costs the server nothing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../../api/api-error';
import { useApi } from '../../session/session';
import { ifChangedSince, revalidated } from '../../api/client';
import type { Answer } from '../../api/answers';

export type MeetingRoom = Answer<'/api/meetings/{meetingId}/room'>;
export type RoomItem = MeetingRoom['items'][number];
export type CaseSummary = NonNullable<NonNullable<MeetingRoom['current']>['case']>;

export const POLL_INTERVAL_MS = 1000;

export type RoomState =
  { status: 'loading' } | { status: 'ready'; room: MeetingRoom; stale: ApiError | null } | { status: 'error'; error: ApiError };

export function useMeetingRoom(meetingId: string): { state: RoomState; refresh: () => void } {
  const api = useApi();
  const [state, setState] = useState<RoomState>({ status: 'loading' });
  const etag = useRef<string | null>(null);
  const [nudge, setNudge] = useState(0);
  const refresh = useCallback(() => {
    etag.current = null;
    setNudge((n) => n + 1);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const answer = await revalidated(
          api.GET('/api/meetings/{meetingId}/room', {
            params: { path: { meetingId } },
            ...ifChangedSince(etag.current),
            signal: controller.signal,
          }),
        );
        if (answer.changed) {
          etag.current = answer.etag;
          setState({ status: 'ready', room: answer.data, stale: null });
        } else {
          setState((previous) => (previous.status === 'ready' && previous.stale ? { ...previous, stale: null } : previous));
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        const failure = asApiError(error);
        // Keep showing the last view through a blip; say so, and keep trying.
        setState((previous) => (previous.status === 'ready' ? { ...previous, stale: failure } : { status: 'error', error: failure }));
        if (!failure.retryable) return;
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [api, meetingId, nudge]);

  return { state, refresh };
}
