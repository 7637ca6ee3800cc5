// The shapes of the API answers the shell itself reads. /api/config and the development sign-in sit
// outside the route list (they answer before sign-in, api/http/routes/sign-in.ts), so they are declared
// here, as `SignInPaths` for openapi-fetch; the rest come from the API's schema.
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

/** Who is signed in; `capabilities` are what their roles let them do, such as 'governance.read'. */
export type SignedInMember = Answer<'/api/me'>;

export type { ApiErrorBody } from './answers';
