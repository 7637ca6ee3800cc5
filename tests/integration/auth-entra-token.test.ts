import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { SignJWT, type JWTPayload } from 'jose';
import { createEntraTokenVerifier } from '../../api/auth/entra-token';
import { requireEntraUser, signedInUser, type AuthLog } from '../../api/auth/require-entra-user';
import { ENTRA_V2_ISSUER_TEMPLATE, startFakeIssuer, type FakeIssuer } from '../support/fake-issuer';

const CLIENT_ID = '6f1c2c7e-3d8a-4c55-9a43-2f1b5e0d7a11';
const COUNCIL_TENANT = '0b8e5a52-7c1d-4d6e-9f20-3a4b5c6d7e8f';
const OTHER_TENANT = 'f2e4c6a8-1b3d-4f5a-8c7e-9d0b1a2c3e4f';
const OFFICER_OID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
// Long enough that making a new RSA key and two requests fit inside it on a loaded two-core machine.
const KEY_REFETCH_COOLDOWN_MS = 3000;

let issuer: FakeIssuer;
let server: Server;
let apiUrl: string;
const logged: { event: string; fields: Record<string, unknown> }[] = [];
const log: AuthLog = (event, fields) => logged.push({ event, fields });

beforeAll(async () => {
  issuer = await startFakeIssuer();
  const verifier = createEntraTokenVerifier({
    clientId: CLIENT_ID,
    allowedTenants: [COUNCIL_TENANT],
    openIdMetadataUrl: issuer.entraMetadataUrl,
    keyRefetchCooldownMs: KEY_REFETCH_COOLDOWN_MS,
  });
  // Port 9 (discard) on loopback refuses connections: the issuer is down.
  const verifierWithIssuerDown = createEntraTokenVerifier({
    clientId: CLIENT_ID,
    allowedTenants: [COUNCIL_TENANT],
    openIdMetadataUrl: 'http://127.0.0.1:9/common/v2.0/.well-known/openid-configuration',
  });
  const app = express();
  app.get('/api/me', requireEntraUser(verifier, log), (_req, res) => {
    res.json(signedInUser(res));
  });
  app.get('/api/issuer-down', requireEntraUser(verifierWithIssuerDown, log), (_req, res) => {
    res.json(signedInUser(res));
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/me`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await issuer.close();
});

beforeEach(() => {
  logged.length = 0;
});

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A v1 token as Teams SSO obtains it for the App ID URI `api://<tab host>/<client id>`. */
function teamsSsoClaims(overrides: JWTPayload = {}): JWTPayload {
  const now = nowSeconds();
  return {
    aud: `api://panels.example-csp.org.uk/${CLIENT_ID}`,
    iss: `https://sts.windows.net/${COUNCIL_TENANT}/`,
    tid: COUNCIL_TENANT,
    oid: OFFICER_OID,
    name: 'Priya Shah',
    upn: 'priya.shah@council.example.gov.uk',
    scp: 'access_as_user',
    appid: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    ver: '1.0',
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...overrides,
  };
}

function callApi(token?: string, url = apiUrl): Promise<Response> {
  return fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe('Teams SSO bearer tokens on the REST API', () => {
  test('lets a council officer with a Teams SSO token through and names them', async () => {
    const response = await callApi(await issuer.sign(teamsSsoClaims()));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      tenantId: COUNCIL_TENANT,
      objectId: OFFICER_OID,
      name: 'Priya Shah',
      upn: 'priya.shah@council.example.gov.uk',
      scopes: ['access_as_user'],
    });
  });

  test('accepts a v2.0 token whose audience is the bare client id', async () => {
    const { upn: _upn, ...v1Claims } = teamsSsoClaims();
    const token = await issuer.sign({
      ...v1Claims,
      aud: CLIENT_ID,
      iss: ENTRA_V2_ISSUER_TEMPLATE.replace('{tenantid}', COUNCIL_TENANT),
      preferred_username: 'priya.shah@council.example.gov.uk',
      ver: '2.0',
    });

    const response = await callApi(token);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ objectId: OFFICER_OID, upn: 'priya.shah@council.example.gov.uk' });
  });

  test('tolerates a token that expired within the five-minute clock skew allowance', async () => {
    const response = await callApi(await issuer.sign(teamsSsoClaims({ exp: nowSeconds() - 120 })));

    expect(response.status).toBe(200);
  });

  test('asks for a bearer token when the request has none', async () => {
    const response = await callApi();

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in again to continue.' } });
    expect(logged).toEqual([{ event: 'auth.entra.rejected', fields: expect.objectContaining({ code: 'TOKEN_MISSING' }) }]);
  });

  const refused: [string, string, () => Promise<string>][] = [
    ['an expired token', 'TOKEN_EXPIRED', () => issuer.sign(teamsSsoClaims({ exp: nowSeconds() - 600 }))],
    ['a token that is not valid yet', 'TOKEN_NOT_YET_VALID', () => issuer.sign(teamsSsoClaims({ nbf: nowSeconds() + 600 }))],
    [
      'a token for another app',
      'TOKEN_INVALID',
      () => issuer.sign(teamsSsoClaims({ aud: 'api://panels.example-csp.org.uk/00000003-0000-0000-c000-000000000000' })),
    ],
    [
      'a token whose issuer is not its tenant',
      'TOKEN_INVALID',
      () => issuer.sign(teamsSsoClaims({ iss: `https://sts.windows.net/${OTHER_TENANT}/` })),
    ],
    ['a token from an unknown issuer', 'TOKEN_INVALID', () => issuer.sign(teamsSsoClaims({ iss: 'https://login.example.net/' }))],
    [
      'a token from a tenant that is not part of the partnership',
      'TENANT_NOT_ALLOWED',
      () => issuer.sign(teamsSsoClaims({ tid: OTHER_TENANT, iss: `https://sts.windows.net/${OTHER_TENANT}/` })),
    ],
    [
      'a token signed by another key under the issuer key id',
      'TOKEN_INVALID',
      () => issuer.sign(teamsSsoClaims(), { signWithStrangerKey: true }),
    ],
    ['a token with alg none', 'TOKEN_INVALID', async () => issuer.unsigned(teamsSsoClaims())],
    [
      'a token signed with a shared secret (HS256)',
      'TOKEN_INVALID',
      () =>
        new SignJWT(teamsSsoClaims())
          .setProtectedHeader({ alg: 'HS256', kid: issuer.keyId })
          .sign(new TextEncoder().encode('a-guessable-shared-secret-of-32b')),
    ],
    [
      'a token signed with a key id the issuer never published',
      'TOKEN_INVALID',
      () => issuer.sign(teamsSsoClaims(), { keyId: 'never-published' }),
    ],
    [
      'an app-only token with no delegated scopes',
      'TOKEN_INVALID',
      () => issuer.sign(teamsSsoClaims({ scp: undefined, roles: ['Panels.ReadWrite.All'] })),
    ],
    ['a string that is not a token', 'TOKEN_INVALID', async () => 'not-a-jwt'],
  ];

  test.each(refused)('refuses %s with a generic 401 and logs why (%s)', async (_case, expectedCode, makeToken) => {
    const token = await makeToken();

    const response = await callApi(token);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in again to continue.' } });
    expect(logged).toEqual([{ event: 'auth.entra.rejected', fields: expect.objectContaining({ code: expectedCode }) }]);
    expect(JSON.stringify(logged)).not.toContain(token);
  });

  test('picks up a newly published signing key, downloading keys at most once per cooldown', async () => {
    await sleep(KEY_REFETCH_COOLDOWN_MS + 50);
    const downloadsBefore = issuer.jwksDownloads();
    expect((await callApi(await issuer.sign(teamsSsoClaims(), { keyId: 'made-up-1' }))).status).toBe(401);
    expect(issuer.jwksDownloads()).toBe(downloadsBefore + 1);

    const rolledKeyId = await issuer.addKey();
    const tokenWithRolledKey = await issuer.sign(teamsSsoClaims(), { keyId: rolledKeyId });
    expect((await callApi(tokenWithRolledKey)).status).toBe(401);
    expect(issuer.jwksDownloads()).toBe(downloadsBefore + 1);

    await sleep(KEY_REFETCH_COOLDOWN_MS + 50);
    expect((await callApi(tokenWithRolledKey)).status).toBe(200);
    expect(issuer.jwksDownloads()).toBe(downloadsBefore + 2);
  });

  test('answers 503 without blaming the user when the signing keys cannot be fetched', async () => {
    const response = await callApi(await issuer.sign(teamsSsoClaims()), apiUrl.replace('/api/me', '/api/issuer-down'));

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ code: 'SIGN_IN_UNAVAILABLE' }) });
    expect(logged).toEqual([{ event: 'auth.entra.rejected', fields: expect.objectContaining({ code: 'SIGNING_KEYS_UNAVAILABLE' }) }]);
  });
});
