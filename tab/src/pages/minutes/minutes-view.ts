// A meeting's minutes as GET /api/meetings/:id/minutes gives them, and the chair's steps: draft, correct
// a decision, approve, circulate. Each answers with the minutes as they now stand (or a refusal to show;
// a stale version is refused by the server and the minutes are read again).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { asApiError, type ApiError } from '../../api/api-error';
import type { Answer } from '../../api/answers';
import { answerOf, type Outcome } from '../../api/client';
import { useApi } from '../../session/session';

export type Minutes = Answer<'/api/meetings/{meetingId}/minutes'>;
export type Circulation = Answer<'/api/meetings/{meetingId}/minutes/circulate', 'post'>;

export type MinutesState =
  | { status: 'loading' }
  | { status: 'ready'; minutes: Minutes }
  /** No minutes yet: the chair may draft them once the meeting has begun. */
  | { status: 'none' }
  | { status: 'error'; error: ApiError };

export interface MinutesSteps {
  draft(): Promise<ApiError | null>;
  editDecisions(itemId: string, decisions: string, expectedVersion: number): Promise<ApiError | null>;
  approve(expectedVersion: number): Promise<ApiError | null>;
  circulate(): Promise<{ error: ApiError | null; circulation?: Circulation }>;
}

export function useMinutes(meetingId: string) {
  const api = useApi();
  const [state, setState] = useState<MinutesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    answerOf(api.GET('/api/meetings/{meetingId}/minutes', { params: { path: { meetingId } }, signal: controller.signal }))
      .then((minutes) => setState({ status: 'ready', minutes }))
      .catch((failure: unknown) => {
        if (controller.signal.aborted) return;
        const error = asApiError(failure);
        setState(error.status === 404 ? { status: 'none' } : { status: 'error', error });
      });
    return () => controller.abort();
  }, [api, meetingId, attempt]);

  const apply = useCallback(
    async (pending: Promise<Outcome<Minutes>>): Promise<ApiError | null> => {
      try {
        setState({ status: 'ready', minutes: await answerOf(pending) });
        return null;
      } catch (failure) {
        const error = asApiError(failure);
        // Refused as stale (or already approved): show the minutes as they are now, not the old draft.
        if (error.status === 409) reload();
        return error;
      }
    },
    [reload],
  );

  const steps = useMemo<MinutesSteps>(() => {
    const path = { params: { path: { meetingId } } };
    return {
      draft: () => apply(api.POST('/api/meetings/{meetingId}/minutes', path)),
      editDecisions: (itemId, decisions, expectedVersion) =>
        apply(
          api.PUT('/api/meetings/{meetingId}/minutes/items/{itemId}/decisions', {
            params: { path: { meetingId, itemId } },
            body: { decisions, expectedVersion },
          }),
        ),
      approve: (expectedVersion) => apply(api.POST('/api/meetings/{meetingId}/minutes/approve', { ...path, body: { expectedVersion } })),
      circulate: async () => {
        try {
          const circulation = await answerOf(api.POST('/api/meetings/{meetingId}/minutes/circulate', path));
          reload();
          return { error: null, circulation };
        } catch (failure) {
          return { error: asApiError(failure) };
        }
      },
    };
  }, [api, meetingId, apply, reload]);

  return { state, reload, steps };
}
