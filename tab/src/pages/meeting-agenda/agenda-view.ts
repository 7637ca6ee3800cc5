// A meeting's agenda as GET /api/meetings/:id/agenda gives it, and the chair's edits that answer
// with the agenda as it now stands (every edit carries the version drawn, so a stale one is refused).
import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../../api/api-error';
import type { Answer } from '../../api/answers';
import { useApi } from '../../session/session';

/** The agenda as an edit answers with it; a rebuild adds the referrals that came after the cut-off. */
export type AgendaView = Answer<'/api/meetings/{meetingId}/agenda/rebuild', 'post'>;
export type AgendaItemView = AgendaView['items'][number];
export type ItemStatus = AgendaItemView['status'];
export type TeamsSyncStatus = AgendaView['meeting']['teams']['status'];

/** The agenda as the page reads it, with what the member may do, and the late referrals of a rebuild. */
export type AgendaPage = Answer<'/api/meetings/{meetingId}/agenda'> & Pick<AgendaView, 'lateReferrals'>;

/** Cases in running order, spill-over included: what a new order must list. */
export function runningOrder(items: readonly AgendaItemView[]): AgendaItemView[] {
  return items.filter((item) => item.status !== 'DEFERRED');
}

/** The running order with one case moved a place up (-1) or down (+1); null when it is at that end already. */
export function moved(order: readonly string[], caseId: string, by: -1 | 1): string[] | null {
  const from = order.indexOf(caseId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return null;
  const next = [...order];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Sends one of the chair's edits; resolves to the refusal to show, or null when it was applied. */
export type AgendaEdit = (method: 'POST' | 'PUT', suffix: string, body?: object) => Promise<ApiError | null>;

export type AgendaState = { status: 'loading' } | { status: 'ready'; agenda: AgendaPage } | { status: 'error'; error: ApiError };

export function useAgenda(meetingId: string) {
  const api = useApi();
  const [state, setState] = useState<AgendaState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const path = `/api/meetings/${encodeURIComponent(meetingId)}`;

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<AgendaPage>(`${path}/agenda`, { signal: controller.signal })
      .then((agenda) => setState({ status: 'ready', agenda }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      });
    return () => controller.abort();
  }, [api, path, attempt]);

  /** Sends an edit; the answer replaces the agenda shown. A refusal is returned for the caller to show. */
  const edit = useCallback<AgendaEdit>(
    async (method, suffix, body) => {
      try {
        const answer = await api.request<AgendaView>(method, `${path}${suffix}`, { body: body ?? {} });
        setState((previous) =>
          previous.status === 'ready' ? { status: 'ready', agenda: { ...answer, me: previous.agenda.me } } : previous,
        );
        return null;
      } catch (failure) {
        return asApiError(failure);
      }
    },
    [api, path],
  );

  /** The Teams retry answers with the sync state only, so the agenda is read again after it. */
  const retryTeams = useCallback(async (): Promise<ApiError | null> => {
    try {
      await api.post(`${path}/teams/retry`);
      reload();
      return null;
    } catch (failure) {
      return asApiError(failure);
    }
  }, [api, path, reload]);

  return { state, reload, edit, retryTeams };
}
