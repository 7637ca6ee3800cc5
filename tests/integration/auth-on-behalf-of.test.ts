import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { JWTPayload } from 'jose';
import type { GraphTokenResult } from '../../api/auth/on-behalf-of';
import { CONSENT_REQUIRED_ANSWER, createLoopbackTls, startFakeIssuer, type FakeIssuer, type LoopbackTls } from '../support/fake-issuer';

const CLIENT_ID = '6f1c2c7e-3d8a-4c55-9a43-2f1b5e0d7a11';
const COUNCIL_TENANT = '0b8e5a52-7c1d-4d6e-9f20-3a4b5c6d7e8f';
const GRAPH_SCOPES = ['https://graph.microsoft.com/OnlineMeetings.ReadWrite'];

interface Exchange {
  userToken: string;
  scopes: string[];
}

let tls: LoopbackTls;
let entra: FakeIssuer;

beforeAll(async () => {
  tls = createLoopbackTls();
  entra = await startFakeIssuer({ tls });
}, 60_000);

afterAll(async () => {
  await entra.close();
  tls.remove();
});

/**
 * MSAL refuses non-https authorities, and Node's fetch trusts extra certificate authorities only
 * through NODE_EXTRA_CA_CERTS, read once at process start. So the exchanges run in a child Node
 * process that trusts the fake's self-signed certificate, with MSAL and our module unchanged.
 */
async function exchangeInChildProcess(exchanges: Exchange[]): Promise<GraphTokenResult[]> {
  const script = `
    const { createGraphTokenExchange } = require('./api/auth/on-behalf-of.ts');
    const { settings, tenantId, exchanges } = JSON.parse(process.env.OBO_INPUT);
    const graph = createGraphTokenExchange(settings);
    (async () => {
      const results = [];
      for (const { userToken, scopes } of exchanges) results.push(await graph.forUser(tenantId, userToken, scopes));
      process.stdout.write(JSON.stringify(results));
    })();`;
  const input = {
    settings: { clientId: CLIENT_ID, clientSecret: 'client-secret-for-the-fake', authorityHost: entra.url },
    tenantId: COUNCIL_TENANT,
    exchanges,
  };
  const { stdout } = await promisify(execFile)(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.certPath, OBO_INPUT: JSON.stringify(input) },
  });
  return JSON.parse(stdout) as GraphTokenResult[];
}

function teamsSsoToken(overrides: JWTPayload = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return entra.sign({
    aud: CLIENT_ID,
    iss: `https://sts.windows.net/${COUNCIL_TENANT}/`,
    tid: COUNCIL_TENANT,
    oid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    scp: 'access_as_user',
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...overrides,
  });
}

test('swaps the chair’s Teams token for a Graph token with one on-behalf-of request, then serves it from cache', async () => {
  const chairToken = await teamsSsoToken();

  const results = await exchangeInChildProcess([
    { userToken: chairToken, scopes: GRAPH_SCOPES },
    { userToken: chairToken, scopes: GRAPH_SCOPES },
  ]);

  expect(results).toEqual([
    { ok: true, accessToken: expect.any(String), expiresOn: expect.any(String) },
    { ok: true, accessToken: (results[0] as { accessToken: string }).accessToken, expiresOn: expect.any(String) },
  ]);
  expect(entra.requests).toEqual([`POST /${COUNCIL_TENANT}/oauth2/v2.0/token`]);
  const form = entra.tokenRequests[0]!;
  expect(Object.fromEntries(form)).toMatchObject({
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    requested_token_use: 'on_behalf_of',
    client_id: CLIENT_ID,
    client_secret: 'client-secret-for-the-fake',
    assertion: chairToken,
  });
  expect(form.get('scope')!.split(' ')).toEqual(expect.arrayContaining(GRAPH_SCOPES));
});

test('reports that an administrator must consent when Entra answers AADSTS65001', async () => {
  entra.answerNextTokenRequestWith(CONSENT_REQUIRED_ANSWER);

  const [result] = await exchangeInChildProcess([
    { userToken: await teamsSsoToken({ oid: 'c0ffee00-0000-4000-8000-000000000001' }), scopes: GRAPH_SCOPES },
  ]);

  expect(result).toEqual({ ok: false, error: { code: 'CONSENT_REQUIRED', reason: expect.stringContaining('AADSTS65001') } });
});

test('reports a failed exchange when Entra rejects the user’s assertion', async () => {
  const [result] = await exchangeInChildProcess([{ userToken: await teamsSsoToken({ aud: 'api://someone-else' }), scopes: GRAPH_SCOPES }]);

  expect(result).toEqual({ ok: false, error: { code: 'EXCHANGE_FAILED', reason: expect.stringContaining('AADSTS50013') } });
});
