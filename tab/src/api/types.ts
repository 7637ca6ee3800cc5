// The shapes of the API answers the shell itself reads. /api/config and the development sign-in sit
// outside the route list (they answer before sign-in, api/http/routes/sign-in.ts), and so does the
// first run's set-up (before anyone is a member, api/http/routes/first-run.ts); they are declared
// here, as `SignInPaths` and `SetUpPaths` for openapi-fetch; the rest come from the API's schema.
import type { Answer } from './answers';
export type SignInMode = 'entra' | 'development';

export interface PublicConfig {
  signIn: SignInMode;
  entraClientId?: string;
}

/** A role as the API names it (from /api/me's schema). */
export type MemberRole = SignedInMember['roles'][number];

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

interface NoParameters {
  query?: never;
  header?: never;
  path?: never;
  cookie?: never;
}

interface JsonAnswer<Body> {
  200: { headers: Record<string, unknown>; content: { 'application/json': Body } };
}

/** The routes before sign-in, in the shape openapi-typescript gives the rest (schema.d.ts). */
export interface SignInPaths {
  '/api/config': { get: { parameters: NoParameters; requestBody?: never; responses: JsonAnswer<PublicConfig> } };
  '/api/dev/members': { get: { parameters: NoParameters; requestBody?: never; responses: JsonAnswer<{ members: DevMember[] }> } };
  '/api/dev/sign-in': {
    post: {
      parameters: NoParameters;
      requestBody: { content: { 'application/json': { memberId: string } } };
      responses: JsonAnswer<DevSignInAnswer>;
    };
  };
}

/** Whether the deployment is set up, and if not, whether the signed-in person may set it up. */
export type FirstRunState = 'SET_UP' | 'SET_UP_BY_YOU' | 'WAITING_FOR_ADMIN';

export type BankHolidayRegion = 'ENGLAND_AND_WALES' | 'SCOTLAND' | 'NORTHERN_IRELAND';

export interface PartnershipSetUp {
  partnershipName: string;
  area: string;
  bankHolidayRegion: BankHolidayRegion;
  agencyName: string;
  agencyType: SignedInMember['agency']['type'];
}

/** The first run's routes: a signed-in person (Teams SSO token) who is not a member yet. */
export interface SetUpPaths {
  '/api/setup': {
    get: { parameters: NoParameters; requestBody?: never; responses: JsonAnswer<{ state: FirstRunState }> };
    post: {
      parameters: NoParameters;
      requestBody: { content: { 'application/json': PartnershipSetUp } };
      responses: JsonAnswer<{ partnershipId: string; memberId: string }>;
    };
  };
}

/** Who is signed in; `capabilities` are what their roles let them do, such as 'governance.read'. */
export type SignedInMember = Answer<'/api/me'>;

export type { ApiErrorBody } from './answers';
