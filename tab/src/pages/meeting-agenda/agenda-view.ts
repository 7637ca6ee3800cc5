// A meeting's agenda as GET /api/meetings/:id/agenda gives it, and the chair's edits that answer
// with the agenda as it now stands (every edit carries the version drawn, so a stale one is refused).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { asApiError, type ApiError } from '../../api/api-error';
import type { Answer, RequestBody } from '../../api/answers';
import { answerOf, succeeded, type Outcome } from '../../api/client';
import { useApi } from '../../session/session';

/** The agenda as an edit answers with it. */
export type AgendaView = Answer<'/api/meetings/{meetingId}/agenda/order', 'put'>;
/** A rebuild's answer adds the referrals that came after the cut-off. */
type RebuiltAgenda = Answer<'/api/meetings/{meetingId}/agenda/rebuild', 'post'>;
export type AgendaItemView = AgendaView['items'][number];
export type ItemStatus = AgendaItemView['status'];
export type TeamsSyncStatus = AgendaView['meeting']['teams']['status'];

/** The agenda as the page reads it, with what the member may do, and the late referrals of a rebuild. */
export type AgendaPage = Answer<'/api/meetings/{meetingId}/agenda'> & Partial<Pick<RebuiltAgenda, 'lateReferrals'>>;

/** Cases in running order and the spill-over shown: what a new order lists (the spill-over not shown keeps its place after). */
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

/** The chair's edits; each resolves to the refusal to show, or null when it was applied. */
export interface AgendaEdits {
  rebuild(): Promise<ApiError | null>;
  reorder(body: RequestBody<'/api/meetings/{meetingId}/agenda/order', 'put'>): Promise<ApiError | null>;
  addCase(body: RequestBody<'/api/meetings/{meetingId}/agenda/items', 'post'>): Promise<ApiError | null>;
  defer(body: RequestBody<'/api/meetings/{meetingId}/agenda/deferrals', 'post'>): Promise<ApiError | null>;
}

export type AgendaState = { status: 'loading' } | { status: 'ready'; agenda: AgendaPage } | { status: 'error'; error: ApiError };

export function useAgenda(meetingId: string) {
  const api = useApi();
  const [state, setState] = useState<AgendaState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    answerOf(api.GET('/api/meetings/{meetingId}/agenda', { params: { path: { meetingId } }, signal: controller.signal }))
      .then((agenda) => setState({ status: 'ready', agenda }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(error) });
      });
    return () => controller.abort();
  }, [api, meetingId, attempt]);

  /** The answer of an edit replaces the agenda shown. A refusal is returned for the caller to show. */
  const apply = useCallback(async (pending: Promise<Outcome<AgendaView | RebuiltAgenda>>): Promise<ApiError | null> => {
    try {
      const answer = await answerOf(pending);
      setState((previous) => (previous.status === 'ready' ? { status: 'ready', agenda: { ...answer, me: previous.agenda.me } } : previous));
      return null;
    } catch (failure) {
      return asApiError(failure);
    }
  }, []);

  const edits = useMemo<AgendaEdits>(() => {
    const meeting = { params: { path: { meetingId } } };
    return {
      rebuild: () => apply(api.POST('/api/meetings/{meetingId}/agenda/rebuild', meeting)),
      reorder: (body) => apply(api.PUT('/api/meetings/{meetingId}/agenda/order', { ...meeting, body })),
      addCase: (body) => apply(api.POST('/api/meetings/{meetingId}/agenda/items', { ...meeting, body })),
      defer: (body) => apply(api.POST('/api/meetings/{meetingId}/agenda/deferrals', { ...meeting, body })),
    };
  }, [api, meetingId, apply]);

  /** The Teams retry answers with the sync state only, so the agenda is read again after it. */
  const retryTeams = useCallback(async (): Promise<ApiError | null> => {
    try {
      await succeeded(api.POST('/api/meetings/{meetingId}/teams/retry', { params: { path: { meetingId } } }));
      reload();
      return null;
    } catch (failure) {
      return asApiError(failure);
    }
  }, [api, meetingId, reload]);

  return { state, reload, edits, retryTeams };
}
