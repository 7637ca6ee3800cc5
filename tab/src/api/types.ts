// The shapes of the API answers the shell itself reads. /api/config and the development sign-in sit
// outside the route list (they answer before sign-in), so they are declared here; the rest come from
// the API's schema.
import type { Answer } from './answers';
export type SignInMode = 'entra' | 'development';

export interface PublicConfig {
  signIn: SignInMode;
  entraClientId?: string;
}

export type MemberRole = 'PARTNERSHIP_ADMIN' | 'PANEL_CHAIR' | 'PANEL_MEMBER' | 'REFERRER' | 'AUDITOR' | 'MINUTE_TAKER';

export interface DevMember {
  id: string;
  displayName: string;
  agencyName: string;
  roles: MemberRole[];
}

export interface DevSignInAnswer {
  token: string;
  expiresAt: string;
}

/** Who is signed in; `capabilities` are what their roles let them do, such as 'governance.read'. */
export type SignedInMember = Answer<'/api/me'>;

export type { ApiErrorBody } from './answers';
