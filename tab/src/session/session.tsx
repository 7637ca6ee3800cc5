// Who is using the tab and the API client that acts for them. The gate signs in (Teams SSO, or the
// explicit development picker) and renders the app only once /api/me has answered. A Teams user with
// no member record on an empty deployment gets the first run's set-up, or is told to wait for it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { answerOf, createApiClient, createSetUpClient, createSignInClient, type ApiClient, type SetUpClient } from '../api/client';
import { asApiError, type ApiError } from '../api/api-error';
import type { FirstRunState, PublicConfig, SignedInMember } from '../api/types';
import type { Host } from '../teams/host';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { forgetDevSignIn, readDevSignIn } from './dev-sign-in-store';
import { DevSignInPicker } from './DevSignInPicker';
import { FirstRunSetUp } from './FirstRunSetUp';
import { GateFrame } from './GateFrame';
import { NeedsTeams } from './NeedsTeams';
import { WaitingForAdmin } from './WaitingForAdmin';
import { devTokens, teamsTokens } from './token-sources';

export interface Session {
  member: SignedInMember;
  api: ApiClient;
  host: Host;
  /** Development sign-in only: forget the chosen member and show the picker again. */
  switchMember?: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the signed-in app');
  return session;
}

export function useApi(): ApiClient {
  return useSession().api;
}

type GateState =
  | { status: 'starting' }
  | { status: 'failed'; error: ApiError; title: string }
  | { status: 'choose-member'; notice?: string }
  | { status: 'needs-teams' }
  | { status: 'set-up'; setUp: SetUpClient }
  | { status: 'waiting-for-admin' }
  | { status: 'signed-in'; member: SignedInMember; api: ApiClient };

const SIGNED_OUT_NOTICE = 'Your development sign-in has ended. Choose a demo member to sign in again.';

export function SessionGate({ host, children }: { host: Host; children: ReactNode }) {
  const [state, setState] = useState<GateState>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const restart = useCallback(() => setAttempt((n) => n + 1), []);
  const landOnHome = useCallback(() => {
    window.history.replaceState(null, '', '#/');
    restart();
  }, [restart]);

  useEffect(() => {
    let current = true;
    const update = (next: GateState) => current && setState(next);
    const signedOut = (mode: PublicConfig['signIn']) => () => {
      if (mode === 'development') {
        forgetDevSignIn();
        update({ status: 'choose-member', notice: SIGNED_OUT_NOTICE });
      } else {
        update({
          status: 'failed',
          title: 'Teams could not sign you in',
          error: asApiError(new Error('Sign in to Teams again, then retry.')),
        });
      }
    };
    setState({ status: 'starting' });
    (async () => {
      let config: PublicConfig;
      try {
        config = await answerOf(createSignInClient().GET('/api/config'));
      } catch (error) {
        return update({ status: 'failed', title: 'Could not start ASB Panels', error: asApiError(error) });
      }
      let api: ApiClient;
      let setUp: SetUpClient | null = null;
      if (config.signIn === 'development') {
        if (!readDevSignIn()) return update({ status: 'choose-member' });
        api = createApiClient(devTokens(), signedOut('development'));
      } else {
        if (host.kind !== 'teams') return update({ status: 'needs-teams' });
        try {
          const tokens = teamsTokens(host, await host.getAuthToken());
          api = createApiClient(tokens, signedOut('entra'));
          setUp = createSetUpClient(tokens, signedOut('entra'));
        } catch (error) {
          return update({ status: 'failed', title: 'Teams could not sign you in', error: asApiError(error) });
        }
      }
      try {
        update({ status: 'signed-in', member: await answerOf(api.GET('/api/me')), api });
      } catch (error) {
        const apiError = asApiError(error);
        // A 401 has already been handled by the client's signed-out callback.
        if (apiError.status === 401) return;
        // Signed in to Teams but not a member: on an empty deployment that is the first run.
        const firstRun = apiError.status === 403 && setUp ? await firstRunState(setUp) : null;
        if (firstRun === 'SET_UP_BY_YOU' && setUp) return update({ status: 'set-up', setUp });
        if (firstRun === 'WAITING_FOR_ADMIN') return update({ status: 'waiting-for-admin' });
        update({ status: 'failed', title: 'Could not sign you in', error: apiError });
      }
    })();
    return () => {
      current = false;
    };
  }, [host, attempt]);

  const session = useMemo<Session | null>(() => {
    if (state.status !== 'signed-in') return null;
    const switchMember =
      state.member.signIn === 'development'
        ? () => {
            forgetDevSignIn();
            setState({ status: 'choose-member' });
          }
        : undefined;
    return { member: state.member, api: state.api, host, switchMember };
  }, [state, host]);

  switch (state.status) {
    case 'starting':
      return (
        <GateFrame title="ASB Panels">
          <Loading label="Signing in" />
        </GateFrame>
      );
    case 'failed':
      return (
        <GateFrame title="ASB Panels">
          <ErrorState title={state.title} error={state.error} onRetry={restart} />
        </GateFrame>
      );
    case 'needs-teams':
      return <NeedsTeams />;
    case 'choose-member':
      return <DevSignInPicker notice={state.notice} onSignedIn={restart} />;
    case 'set-up':
      return <FirstRunSetUp setUp={state.setUp} onSetUp={landOnHome} />;
    case 'waiting-for-admin':
      return <WaitingForAdmin onRetry={restart} />;
    case 'signed-in':
      return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
  }
}

/** null when the set-up cannot say: the refusal /api/me gave is then the one to show. */
async function firstRunState(setUp: SetUpClient): Promise<FirstRunState | null> {
  try {
    return (await answerOf(setUp.GET('/api/setup'))).state;
  } catch {
    return null;
  }
}
