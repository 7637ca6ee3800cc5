// Bearer tokens for the API client: from Teams SSO, or from the development sign-in.
import { answerOf, createSignInClient, type TokenSource } from '../api/client';
import type { TeamsHost } from '../teams/host';
import { readDevSignIn, saveDevSignIn } from './dev-sign-in-store';

/** Teams caches the SSO token and returns a fresh one once it has expired. */
export function teamsTokens(host: TeamsHost, first: string): TokenSource {
  let token: string | null = first;
  return {
    current: () => token,
    async renew() {
      token = await host.getAuthToken().catch(() => null);
      return token;
    },
  };
}

export async function signInAsDevMember(memberId: string): Promise<string> {
  const answer = await answerOf(createSignInClient().POST('/api/dev/sign-in', { body: { memberId } }));
  saveDevSignIn({ memberId, ...answer });
  return answer.token;
}

/** Signing in again as the same member replaces a token the server no longer accepts. */
export function devTokens(): TokenSource {
  return {
    current: () => readDevSignIn()?.token ?? null,
    async renew() {
      const memberId = readDevSignIn()?.memberId;
      if (!memberId) return null;
      return signInAsDevMember(memberId).catch(() => null);
    },
  };
}
