// The explicit development sign-in: pick one of the fictional demo members. The server offers it
// only outside production, and the app shows a banner for as long as it is used.
import { useEffect, useState } from 'react';
import { Body1, Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { answerOf, createSignInClient } from '../api/client';
import { asApiError, type ApiError } from '../api/api-error';
import type { DevMember } from '../api/types';
import { DataTable, type DataColumn } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { GateFrame } from './GateFrame';
import { signInAsDevMember } from './token-sources';

const ROLE_WORDS: Record<string, string> = {
  PARTNERSHIP_ADMIN: 'partnership admin',
  PANEL_CHAIR: 'chair',
  PANEL_MEMBER: 'panel member',
  REFERRER: 'referrer',
  AUDITOR: 'auditor',
  MINUTE_TAKER: 'minute-taker',
};

export function describeRoles(roles: readonly string[]): string {
  return roles.map((role) => ROLE_WORDS[role] ?? role.toLowerCase()).join(', ');
}

export function DevSignInPicker({ notice, onSignedIn }: { notice?: string; onSignedIn: () => void }) {
  const [members, setMembers] = useState<DevMember[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [signInError, setSignInError] = useState<ApiError | null>(null);
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoadError(null);
    answerOf(createSignInClient().GET('/api/dev/members'))
      .then((answer) => current && setMembers(answer.members))
      .catch((error: unknown) => current && setLoadError(asApiError(error)));
    return () => {
      current = false;
    };
  }, [attempt]);

  const signIn = async (member: DevMember) => {
    setSigningIn(member.id);
    setSignInError(null);
    try {
      await signInAsDevMember(member.id);
      onSignedIn();
    } catch (error) {
      setSignInError(asApiError(error));
      setSigningIn(null);
    }
  };

  // The name is the sign-in button, so the narrow side panel shows it without sideways scrolling.
  const columns: DataColumn<DevMember>[] = [
    {
      id: 'name',
      header: 'Name',
      sortValue: (m) => m.displayName,
      cell: (m) => (
        <Button
          size="small"
          appearance="secondary"
          disabled={signingIn !== null}
          onClick={() => signIn(m)}
          aria-label={`Sign in as ${m.displayName}`}
        >
          {signingIn === m.id ? 'Signing in…' : m.displayName}
        </Button>
      ),
    },
    { id: 'agency', header: 'Agency', cell: (m) => m.agencyName, sortValue: (m) => m.agencyName },
    { id: 'roles', header: 'Roles', cell: (m) => describeRoles(m.roles) },
  ];

  return (
    <GateFrame title="Development sign-in">
      {notice && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <Body1>
        This server has no Microsoft 365 sign-in configured, so you can act as one of the fictional demo members of the partnership: choose
        a name to sign in as that member. Each member sees what their agency and roles allow. Use it only on a development or test server.
      </Body1>
      {loadError && <ErrorState title="Could not load the demo members" error={loadError} onRetry={() => setAttempt((n) => n + 1)} />}
      {!loadError && !members && <Loading label="Loading the demo members" />}
      {signInError && <ErrorState title="Could not sign in" error={signInError} />}
      {members && (
        <DataTable
          label="Demo members"
          columns={columns}
          rows={members}
          rowKey={(m) => m.id}
          empty={
            <EmptyState
              title="There are no members to sign in as"
              whatToDo="The database has no active members. Start the app on an empty embedded database, or run npm run seed:demo, to add the fictional demo partnership."
            />
          }
        />
      )}
    </GateFrame>
  );
}
