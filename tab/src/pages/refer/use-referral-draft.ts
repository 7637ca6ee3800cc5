// Keeps the form's draft on the server as it is typed: the first change creates the referral, later
// ones save it (debounced, one request at a time, in order), so a closed tab loses nothing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import { useApi } from '../../session/session';
import type { ReferralDraft, SubjectType } from './referral-types';

const SAVE_AFTER_MS = 700;

export interface DraftState {
  id: string | null;
  subjectType: SubjectType | null;
  draft: ReferralDraft;
}

export type SaveStatus = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: Date } | { status: 'failed'; message: string };

export function useReferralDraft(initial: DraftState) {
  const api = useApi();
  const [state, setState] = useState<DraftState>(initial);
  const [save, setSave] = useState<SaveStatus>({ status: 'idle' });
  const latest = useRef(state);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const persist = useCallback(
    async (keepalive = false): Promise<string | null> => {
      const { id, subjectType, draft } = latest.current;
      if (!subjectType) return id;
      setSave({ status: 'saving' });
      try {
        if (id) {
          await answerOf(
            api.PUT('/api/referrals/{referralId}/draft', { params: { path: { referralId: id } }, body: { subjectType, draft }, keepalive }),
          );
        } else {
          const created = await answerOf(api.POST('/api/referrals', { body: { subjectType, draft }, keepalive }));
          latest.current = { ...latest.current, id: created.id };
          setState((current) => ({ ...current, id: created.id }));
          // The address now names the draft, so a reload or a shared link resumes it. Written past the
          // router (keeping its history state), because navigating to the draft's page would start the
          // form afresh under the member's fingers.
          window.history.replaceState(window.history.state, '', `#/referrals/${created.id}`);
        }
        setSave({ status: 'saved', at: new Date() });
        return latest.current.id;
      } catch (error) {
        setSave({ status: 'failed', message: asApiError(error).message });
        return latest.current.id;
      }
    },
    [api],
  );

  const saveNow = useCallback(
    (keepalive = false): Promise<string | null> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const next = queue.current.then(() => persist(keepalive));
      queue.current = next;
      return next;
    },
    [persist],
  );

  const update = useCallback(
    (change: (current: DraftState) => DraftState) => {
      const next = change(latest.current);
      latest.current = next;
      setState(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), SAVE_AFTER_MS);
    },
    [saveNow],
  );

  /** Stops waiting saves and resolves once the one under way (if any) has finished. */
  const stopSaving = useCallback((): Promise<unknown> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    return queue.current;
  }, []);

  // Leaving the page with a change still waiting saves it at once rather than dropping it: on
  // unmount (another page of the tab), and when the tab is closed or reloaded (React unmounts
  // nothing then), with a request that outlives the page.
  useEffect(() => {
    const flushOnPageHide = () => {
      if (timer.current) void saveNow(true);
    };
    window.addEventListener('pagehide', flushOnPageHide);
    return () => {
      window.removeEventListener('pagehide', flushOnPageHide);
      if (timer.current) void saveNow();
    };
  }, [saveNow]);

  return { state, save, update, saveNow, stopSaving };
}
