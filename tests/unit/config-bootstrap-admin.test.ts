// BOOTSTRAP_ADMIN_UPN names who sets up an empty deployment; it only means something with Entra sign-in.
import { ConfigurationError, loadConfig } from '../../api/config';

const ENTRA = { ENTRA_CLIENT_ID: '0b0a7d1e-6a3c-4f2e-9d1b-7c4e2a9f3b10', ENTRA_ALLOWED_TENANTS: '3c9d2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
}

describe('the bootstrap admin in the configuration', () => {
  it('is read with Entra sign-in, in lower case', () => {
    const config = loadConfig({ ...ENTRA, BOOTSTRAP_ADMIN_UPN: ' Asb.Coordinator@Council.example ' });
    expect(config.signIn).toMatchObject({ mode: 'entra', bootstrapAdminUpn: 'asb.coordinator@council.example' });
  });

  it('is absent unless given', () => {
    expect(loadConfig(ENTRA).signIn).toMatchObject({ mode: 'entra', bootstrapAdminUpn: undefined });
  });

  it('refuses a value that is not a sign-in address, naming the variable', () => {
    expect(problemsOf({ ...ENTRA, BOOTSTRAP_ADMIN_UPN: 'coordinator' })).toEqual([
      'BOOTSTRAP_ADMIN_UPN: must be the user principal name (sign-in address) of the first admin',
    ]);
  });

  it('refuses it without Entra sign-in, where nobody could be recognised by it', () => {
    expect(problemsOf({ BOOTSTRAP_ADMIN_UPN: 'coordinator@council.example' })).toEqual([
      'BOOTSTRAP_ADMIN_UPN: needs ENTRA_CLIENT_ID (the first admin is recognised by their Entra sign-in)',
    ]);
  });
});
