// The shapes of the API answers the shell itself reads (the HTTP contract in the project README).
export type SignInMode = 'entra' | 'development';

export interface PublicConfig {
  signIn: SignInMode;
  entraClientId?: string;
}

export type MemberRole = 'PARTNERSHIP_ADMIN' | 'PANEL_CHAIR' | 'PANEL_MEMBER' | 'REFERRER' | 'AUDITOR';

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

export interface SignedInMember {
  id: string;
  displayName: string;
  agency: { id: string; name: string; type: string };
  roles: MemberRole[];
  /** What the member's roles let them do, such as 'governance.read' (api/domain/access/policy.ts). */
  capabilities: string[];
  partnership: { id: string; name: string };
  signIn: SignInMode;
}

/** One input the server refused, named by its path such as `answers.q1` (api/http/errors.ts). */
export interface FieldError {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: FieldError[] };
}
