// Verifies the Microsoft Entra ID access tokens that Teams SSO (getAuthToken) hands the tab, and
// that the tab then sends to our REST API as `Authorization: Bearer`.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export interface EntraTokenVerifierSettings {
  /** The app registration's client id: the token audience, as a GUID or as `api://<host>/<client id>`. */
  clientId: string;
  /** Tenant ids whose users may use this deployment (each partnership's own Microsoft 365 tenant). */
  allowedTenants: string[];
  /** Usually https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration */
  openIdMetadataUrl: string;
  /**
   * Least time between two key set downloads caused by a token whose key id we have not seen. Entra
   * rolls keys without notice, so an unknown kid triggers a download, but never more often than this,
   * so that a stream of made-up key ids cannot make us hammer the metadata endpoint.
   */
  keyRefetchCooldownMs?: number;
}

/** The signed-in person, as Entra ID names them. `objectId` is stable across name and UPN changes. */
export interface EntraPrincipal {
  tenantId: string;
  objectId: string;
  name?: string;
  upn?: string;
  scopes: string[];
}

export type EntraTokenErrorCode =
  'TOKEN_EXPIRED' | 'TOKEN_NOT_YET_VALID' | 'TOKEN_INVALID' | 'TENANT_NOT_ALLOWED' | 'SIGNING_KEYS_UNAVAILABLE';

/** `reason` is for the log: it says which check failed and never contains the token. */
export interface EntraTokenError {
  code: EntraTokenErrorCode;
  reason: string;
}

export type EntraTokenResult = { ok: true; principal: EntraPrincipal } | { ok: false; error: EntraTokenError };

export interface EntraTokenVerifier {
  verify(token: string): Promise<EntraTokenResult>;
}

/**
 * Allowed skew between our clock and Entra's for `exp` and `nbf`. Five minutes is the tolerance
 * Microsoft's own validators (and botbuilder) use; a token's lifetime is 60 to 90 minutes.
 */
export const CLOCK_TOLERANCE_SECONDS = 5 * 60;

const DEFAULT_KEY_REFETCH_COOLDOWN_MS = 5 * 60 * 1000;
const METADATA_TIMEOUT_MS = 5000;
// Entra issues v1 tokens (issuer sts.windows.net) to APIs whose manifest leaves
// accessTokenAcceptedVersion unset, which is how the Teams SSO set-up guide registers them.
const V1_ISSUER_PREFIX = 'https://sts.windows.net/';

class SigningKeysUnavailable extends Error {}

interface SigningKeys {
  issuerTemplate: string;
  resolveKey: JWTVerifyGetKey;
}

export function createEntraTokenVerifier(settings: EntraTokenVerifierSettings): EntraTokenVerifier {
  const allowedTenants = new Set(settings.allowedTenants.map((tenant) => tenant.toLowerCase()));
  const clientId = settings.clientId.toLowerCase();
  let signingKeys: Promise<SigningKeys> | undefined;

  // The metadata document is fetched once per process; its jwks_uri does not move. The keys it
  // points at are cached by jose and refreshed every ten minutes or on an unknown kid.
  function loadSigningKeys(): Promise<SigningKeys> {
    signingKeys ??= fetchMetadata(settings.openIdMetadataUrl).then(({ issuer, jwksUri }) => {
      const keySet = createRemoteJWKSet(new URL(jwksUri), {
        cooldownDuration: settings.keyRefetchCooldownMs ?? DEFAULT_KEY_REFETCH_COOLDOWN_MS,
        timeoutDuration: METADATA_TIMEOUT_MS,
      });
      const resolveKey: JWTVerifyGetKey = async (header, token) => {
        try {
          return await keySet(header, token);
        } catch (error) {
          if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
          throw new SigningKeysUnavailable(`key set download failed: ${describe(error)}`);
        }
      };
      return { issuerTemplate: issuer, resolveKey };
    });
    signingKeys.catch(() => {
      signingKeys = undefined;
    });
    return signingKeys;
  }

  async function verify(token: string): Promise<EntraTokenResult> {
    let keys: SigningKeys;
    try {
      keys = await loadSigningKeys();
    } catch (error) {
      return failure('SIGNING_KEYS_UNAVAILABLE', `metadata download failed: ${describe(error)}`);
    }

    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, keys.resolveKey, {
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
      }));
    } catch (error) {
      return rejection(error);
    }

    const tenantId = stringClaim(claims, 'tid').toLowerCase();
    if (!audienceNames(claims.aud).some((audience) => isOurAudience(audience, clientId))) {
      return failure('TOKEN_INVALID', 'audience is not this app');
    }
    const expectedIssuers = [keys.issuerTemplate.replace('{tenantid}', tenantId), `${V1_ISSUER_PREFIX}${tenantId}/`];
    if (!expectedIssuers.includes(stringClaim(claims, 'iss').toLowerCase())) {
      return failure('TOKEN_INVALID', 'issuer does not match the token tenant');
    }
    if (!allowedTenants.has(tenantId)) {
      return failure('TENANT_NOT_ALLOWED', `tenant ${tenantId} is not allowed`);
    }
    const scopes = stringClaim(claims, 'scp').split(' ').filter(Boolean);
    if (scopes.length === 0) {
      return failure('TOKEN_INVALID', 'token has no delegated scopes: not a signed-in user');
    }

    return {
      ok: true,
      principal: {
        tenantId,
        objectId: stringClaim(claims, 'oid'),
        name: optionalClaim(claims, 'name'),
        upn: optionalClaim(claims, 'preferred_username') ?? optionalClaim(claims, 'upn'),
        scopes,
      },
    };
  }

  return { verify };
}

async function fetchMetadata(url: string): Promise<{ issuer: string; jwksUri: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(METADATA_TIMEOUT_MS), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`metadata answered HTTP ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (typeof document.issuer !== 'string' || typeof document.jwks_uri !== 'string') {
    throw new Error('metadata has no issuer or jwks_uri');
  }
  return { issuer: document.issuer.toLowerCase(), jwksUri: document.jwks_uri };
}

function rejection(error: unknown): EntraTokenResult {
  if (error instanceof SigningKeysUnavailable) return failure('SIGNING_KEYS_UNAVAILABLE', error.message);
  if (error instanceof errors.JWTExpired) return failure('TOKEN_EXPIRED', 'token has expired');
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
    return failure('TOKEN_NOT_YET_VALID', 'token is not valid yet');
  }
  if (error instanceof errors.JWKSNoMatchingKey) return failure('TOKEN_INVALID', 'token key id is not in the issuer key set');
  if (error instanceof errors.JOSEError) return failure('TOKEN_INVALID', `${error.code}: ${error.message}`);
  return failure('TOKEN_INVALID', `unreadable token: ${describe(error)}`);
}

// Teams asks Entra for a token for the App ID URI `api://<tab host>/<client id>`; other clients
// may ask for the bare client id. Both name this app.
function isOurAudience(audience: string, clientId: string): boolean {
  const name = audience.toLowerCase();
  return name === clientId || (name.startsWith('api://') && name.endsWith(`/${clientId}`));
}

function audienceNames(aud: JWTPayload['aud']): string[] {
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud : [];
}

function stringClaim(claims: JWTPayload, name: string): string {
  const value = claims[name];
  return typeof value === 'string' ? value : '';
}

function optionalClaim(claims: JWTPayload, name: string): string | undefined {
  return stringClaim(claims, name) || undefined;
}

function failure(code: EntraTokenErrorCode, reason: string): EntraTokenResult {
  return { ok: false, error: { code, reason } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
