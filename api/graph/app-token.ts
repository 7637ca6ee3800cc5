// App-only Microsoft Graph tokens (OAuth 2.0 client credentials) for work no signed-in user is
// waiting on: the Teams sync job runs with the app's own Calendars.ReadWrite permission.
import { AuthError, ConfidentialClientApplication, ServerError } from '@azure/msal-node';
import { GraphCallError } from './teams-meetings-gateway';

/** Client credentials always ask for the resource's `.default` scope: the permissions an admin granted. */
export const GRAPH_APP_SCOPE = 'https://graph.microsoft.com/.default';

export interface AppTokenSettings {
  clientId: string;
  clientSecret: string;
  /** The home tenant that granted the app its Graph permissions. */
  tenantId: string;
  /** ENTRA_AUTHORITY_HOST; MSAL accepts only https authorities. */
  authorityHost: string;
}

export type AccessTokenSource = () => Promise<string>;

export function createAppTokenSource(settings: AppTokenSettings): AccessTokenSource {
  const client = new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      ...offlineAuthority(new URL(settings.authorityHost), settings.tenantId),
    },
  });
  return async () => {
    try {
      // MSAL caches the token and asks Entra again only when it is about to expire.
      const result = await client.acquireTokenByClientCredential({ scopes: [GRAPH_APP_SCOPE] });
      if (!result?.accessToken) throw new GraphCallError('REFUSED', 'Entra issued no access token');
      return result.accessToken;
    } catch (error) {
      throw tokenError(error);
    }
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

// Entra being down or unreachable is worth retrying; a wrong secret or a missing consent is not.
function tokenError(error: unknown): GraphCallError {
  if (error instanceof GraphCallError) return error;
  if (error instanceof ServerError && /temporarily_unavailable|service_unavailable/i.test(`${error.errorCode} ${error.subError}`)) {
    return new GraphCallError('UNAVAILABLE', `Entra is unavailable (${error.errorCode})`);
  }
  if (error instanceof ServerError) return new GraphCallError('REFUSED', `Entra refused the app's token request (${error.errorCode})`);
  if (error instanceof AuthError && /network|endpoints_resolution/i.test(error.errorCode)) {
    return new GraphCallError('UNREACHABLE', `Entra could not be reached (${error.errorCode})`);
  }
  if (error instanceof AuthError) return new GraphCallError('REFUSED', `The app could not get a Graph token (${error.errorCode})`);
  return new GraphCallError('UNREACHABLE', 'Entra could not be reached');
}
