// A stand-in for Microsoft Entra ID and the Bot Framework token service, listening on 127.0.0.1 only.
// It speaks their real wire formats, so the code under test runs unchanged against it:
// - Entra's OpenID discovery document at /{tenant}/v2.0/.well-known/openid-configuration, whose
//   issuer carries the literal `{tenantid}` placeholder exactly as the real `common` document does;
// - Bot Framework's discovery document at /v1/.well-known/openidconfiguration (no hyphen, as served
//   by login.botframework.com) with keys that list the channels they are endorsed for;
// - JWKS of RSA keys (`kty`, `use: "sig"`, `kid`, `n`, `e`) and RS256-signed JWTs.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, base64url, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const ENTRA_V2_ISSUER_TEMPLATE = 'https://login.microsoftonline.com/{tenantid}/v2.0';
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface SignOptions {
  /** The kid to put in the header; a kid the issuer never published gets a key it never published. */
  keyId?: string;
  /** Sign with a key the issuer never published (a forger), keeping the header's kid. */
  signWithStrangerKey?: boolean;
}

export interface FakeIssuer {
  readonly url: string;
  readonly entraMetadataUrl: string;
  readonly botFrameworkMetadataUrl: string;
  /** The kid of the key every token is signed with unless told otherwise. */
  readonly keyId: string;
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** A token with `alg: none` and an empty signature, the classic forgery. */
  unsigned(claims: JWTPayload): string;
  /** Publishes one more key, as Entra does when it rolls keys; returns its kid. */
  addKey(): Promise<string>;
  jwksDownloads(): number;
  /** Every request as `METHOD /path`, to prove what a client did (and did not) ask for. */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface LoopbackTls {
  key: string;
  cert: string;
  /** Path of the PEM certificate, for NODE_EXTRA_CA_CERTS in a child process. */
  certPath: string;
  remove(): void;
}

/** A self-signed certificate for 127.0.0.1, made with the openssl CLI (Node cannot issue X.509). */
export function createLoopbackTls(): LoopbackTls {
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-issuer-tls-'));
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    certPath,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function startFakeIssuer(): Promise<FakeIssuer> {
  const keys: SigningKey[] = [await newSigningKey()];
  const stranger = await newSigningKey();
  const requests: string[] = [];
  let jwksDownloads = 0;
  let baseUrl = '';

  const sign = async (claims: JWTPayload, signOptions: SignOptions = {}): Promise<string> => {
    const kid = signOptions.keyId ?? keys[0]!.kid;
    const key = signOptions.signWithStrangerKey ? stranger : (keys.find((published) => published.kid === kid) ?? stranger);
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key.privateKey);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? '/', baseUrl);
    requests.push(`${req.method} ${pathname}`);
    const entraDiscovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(pathname);

    if (req.method === 'GET' && entraDiscovery) {
      const tenant = entraDiscovery[1]!;
      const tenantInUrls = tenant === 'common' ? '{tenant}' : tenant;
      return sendJson(res, 200, {
        issuer: tenant === 'common' ? ENTRA_V2_ISSUER_TEMPLATE : ENTRA_V2_ISSUER_TEMPLATE.replace('{tenantid}', tenant),
        authorization_endpoint: `${baseUrl}/${tenantInUrls}/oauth2/v2.0/authorize`,
        token_endpoint: `${baseUrl}/${tenantInUrls}/oauth2/v2.0/token`,
        jwks_uri: `${baseUrl}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        tenant_region_scope: null,
      });
    }
    if (req.method === 'GET' && /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(pathname)) {
      jwksDownloads += 1;
      return sendJson(res, 200, { keys: keys.map((key) => key.publicJwk) });
    }
    if (req.method === 'GET' && pathname === '/v1/.well-known/openidconfiguration') {
      return sendJson(res, 200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: `${baseUrl}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (req.method === 'GET' && pathname === '/v1/.well-known/keys') {
      jwksDownloads += 1;
      return sendJson(res, 200, { keys: keys.map((key) => ({ ...key.publicJwk, endorsements: ['msteams', 'webchat', 'directline'] })) });
    }
    sendJson(res, 404, { error: 'not_found' });
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((error: unknown) => sendJson(res, 500, { error: 'server_error', error_description: String(error) }));
  };
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    entraMetadataUrl: `${baseUrl}/common/v2.0/.well-known/openid-configuration`,
    botFrameworkMetadataUrl: `${baseUrl}/v1/.well-known/openidconfiguration`,
    keyId: keys[0]!.kid,
    sign,
    unsigned: (claims) =>
      `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT', kid: keys[0]!.kid }))}.${base64url.encode(JSON.stringify(claims))}.`,
    addKey: async () => {
      const key = await newSigningKey();
      keys.push(key);
      return key.kid;
    },
    jwksDownloads: () => jwksDownloads,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(15).toString('base64url');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}
