// BOOTSTRAP_ADMIN_* name who sets up an empty deployment: a person in the deployment's own tenant,
// recognised by their Entra sign-in.
import { loadConfig } from '../../api/config';
import { configProblemsOf } from '../support/config-problems';

const HOME = '3c9d2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PARTNER = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
const ENTRA = { ENTRA_CLIENT_ID: '0b0a7d1e-6a3c-4f2e-9d1b-7c4e2a9f3b10', ENTRA_ALLOWED_TENANTS: `${HOME},${PARTNER}` };

describe('the bootstrap admin in the configuration', () => {
  it('is read with Entra sign-in, in lower case, with its tenant', () => {
    const config = loadConfig({
      ...ENTRA,
      BOOTSTRAP_ADMIN_UPN: ' Asb.Coordinator@Council.example ',
      BOOTSTRAP_ADMIN_TENANT_ID: HOME.toUpperCase(),
    });
    expect(config.signIn).toMatchObject({
      mode: 'entra',
      bootstrapAdmin: { tenantId: HOME, upn: 'asb.coordinator@council.example', objectId: undefined },
    });
  });

  it('may be named by object id, the stronger match', () => {
    const objectId = 'A0000000-0000-4000-8000-00000000AD01';
    const config = loadConfig({ ...ENTRA, BOOTSTRAP_ADMIN_OBJECT_ID: objectId, BOOTSTRAP_ADMIN_TENANT_ID: HOME });
    expect(config.signIn).toMatchObject({ bootstrapAdmin: { tenantId: HOME, upn: undefined, objectId: objectId.toLowerCase() } });
  });

  it('is absent unless given', () => {
    expect(loadConfig(ENTRA).signIn).toMatchObject({ mode: 'entra', bootstrapAdmin: undefined });
  });

  it('refuses a sign-in address without the tenant it belongs to', () => {
    expect(configProblemsOf({ ...ENTRA, BOOTSTRAP_ADMIN_UPN: 'coordinator@council.example' })).toEqual([
      'BOOTSTRAP_ADMIN_TENANT_ID: required with BOOTSTRAP_ADMIN_UPN or BOOTSTRAP_ADMIN_OBJECT_ID (the first admin’s own tenant id)',
    ]);
  });

  it('refuses a tenant that may not sign in, or a tenant naming nobody', () => {
    const elsewhere = '11111111-2222-4333-8444-555555555555';
    expect(
      configProblemsOf({ ...ENTRA, BOOTSTRAP_ADMIN_UPN: 'coordinator@council.example', BOOTSTRAP_ADMIN_TENANT_ID: elsewhere }),
    ).toEqual(['BOOTSTRAP_ADMIN_TENANT_ID: must be one of ENTRA_ALLOWED_TENANTS (the first admin has to be able to sign in)']);
    expect(configProblemsOf({ ...ENTRA, BOOTSTRAP_ADMIN_TENANT_ID: HOME })).toEqual([
      'BOOTSTRAP_ADMIN_TENANT_ID: needs BOOTSTRAP_ADMIN_UPN or BOOTSTRAP_ADMIN_OBJECT_ID (who, in that tenant, is the first admin)',
    ]);
  });

  it('refuses values that are not an address or a GUID, naming the variable', () => {
    expect(configProblemsOf({ ...ENTRA, BOOTSTRAP_ADMIN_UPN: 'coordinator', BOOTSTRAP_ADMIN_TENANT_ID: HOME })).toEqual([
      'BOOTSTRAP_ADMIN_UPN: must be the user principal name (sign-in address) of the first admin',
    ]);
    expect(configProblemsOf({ ...ENTRA, BOOTSTRAP_ADMIN_OBJECT_ID: 'ada', BOOTSTRAP_ADMIN_TENANT_ID: HOME })).toEqual([
      'BOOTSTRAP_ADMIN_OBJECT_ID: must be a GUID, the first admin’s Entra object id',
    ]);
  });

  it('refuses it without Entra sign-in, where nobody could be recognised by it', () => {
    expect(configProblemsOf({ BOOTSTRAP_ADMIN_UPN: 'coordinator@council.example' })).toEqual([
      'BOOTSTRAP_ADMIN_UPN: needs ENTRA_CLIENT_ID (the first admin is recognised by their Entra sign-in)',
    ]);
  });
});
