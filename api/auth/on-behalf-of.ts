// Swaps a signed-in user's Teams SSO token for a Microsoft Graph token acting as that user
// (OAuth 2.0 on-behalf-of), for the few API calls that need Graph (e.g. creating a panel meeting).
import { AuthError, ConfidentialClientApplication, InteractionRequiredAuthError } from '@azure/msal-node';

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

export interface OnBehalfOfSettings {
  clientId: string;
  clientSecret: string;
  /** ENTRA_AUTHORITY_HOST. MSAL accepts only https authorities. */
  authorityHost?: string;
}

export type GraphTokenErrorCode = 'CONSENT_REQUIRED' | 'INTERACTION_REQUIRED' | 'EXCHANGE_FAILED';

export type GraphTokenResult =
  { ok: true; accessToken: string; expiresOn: Date | null } | { ok: false; error: { code: GraphTokenErrorCode; reason: string } };

export interface GraphTokenExchange {
  /** `tenantId` is the user's own tenant (the token's `tid`): each partner agency signs in at home. */
  forUser(tenantId: string, userToken: string, scopes: string[]): Promise<GraphTokenResult>;
}

export function createGraphTokenExchange(settings: OnBehalfOfSettings): GraphTokenExchange {
  const host = new URL(settings.authorityHost ?? DEFAULT_AUTHORITY_HOST);
  const clients = new Map<string, ConfidentialClientApplication>();

  // One client per tenant, so that MSAL's token cache (keyed by the user's assertion) is reused.
  function clientFor(tenantId: string): ConfidentialClientApplication {
    let client = clients.get(tenantId);
    if (!client) {
      client = new ConfidentialClientApplication({
        auth: { clientId: settings.clientId, clientSecret: settings.clientSecret, ...offlineAuthority(host, tenantId) },
      });
      clients.set(tenantId, client);
    }
    return client;
  }

  return {
    async forUser(tenantId, userToken, scopes) {
      if (!/^[0-9a-f-]{36}$/i.test(tenantId)) {
        return { ok: false, error: { code: 'EXCHANGE_FAILED', reason: 'tenant id is not a GUID' } };
      }
      try {
        const result = await clientFor(tenantId.toLowerCase()).acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes });
        if (!result?.accessToken)
          return { ok: false, error: { code: 'EXCHANGE_FAILED', reason: 'token endpoint returned no access token' } };
        return { ok: true, accessToken: result.accessToken, expiresOn: result.expiresOn };
      } catch (error) {
        return { ok: false, error: exchangeError(error) };
      }
    },
  };
}

/**
 * MSAL normally asks the authority host for instance discovery and OpenID metadata before its
 * first token request. Naming the host as a known authority and handing over the metadata it
 * would fetch leaves the token request as the only call, to whichever host is configured.
 */
function offlineAuthority(host: URL, tenantId: string): { authority: string; knownAuthorities: string[]; authorityMetadata: string } {
  const authority = `${host.origin}/${tenantId}`;
  return {
    authority,
    knownAuthorities: [host.host],
    authorityMetadata: JSON.stringify({
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      issuer: `${authority}/v2.0`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
    }),
  };
}

// AADSTS65001: an administrator of the user's tenant has not consented to our Graph permissions.
function exchangeError(error: unknown): { code: GraphTokenErrorCode; reason: string } {
  if (!(error instanceof AuthError)) return { code: 'EXCHANGE_FAILED', reason: error instanceof Error ? error.message : String(error) };
  const reason = `${error.errorCode}: ${error.errorMessage.split('\n')[0] ?? ''}`;
  if (error.subError === 'consent_required' || error.errorMessage.includes('AADSTS65001')) return { code: 'CONSENT_REQUIRED', reason };
  if (error instanceof InteractionRequiredAuthError) return { code: 'INTERACTION_REQUIRED', reason };
  return { code: 'EXCHANGE_FAILED', reason };
}
