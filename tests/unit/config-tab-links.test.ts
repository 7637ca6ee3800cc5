// TEAMS_APP_ID and PUBLIC_BASE_URL decide where cards link into the tab; a bad app id stops start-up.
import { ConfigurationError, loadConfig } from '../../api/config';

const APP_ID = '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f';

describe('the tab links in the configuration', () => {
  it.each([
    [{}, { teamsAppId: null, publicBaseUrl: null }],
    [{ PUBLIC_BASE_URL: 'https://panels.example.gov.uk' }, { teamsAppId: null, publicBaseUrl: 'https://panels.example.gov.uk' }],
    [
      { TEAMS_APP_ID: ` ${APP_ID} `, PUBLIC_BASE_URL: 'https://panels.example.gov.uk' },
      { teamsAppId: APP_ID, publicBaseUrl: 'https://panels.example.gov.uk' },
    ],
    [{ TEAMS_APP_ID: '' }, { teamsAppId: null, publicBaseUrl: null }],
  ])('are read from %p', (env, expected) => {
    expect(loadConfig(env).tabLinks).toEqual(expected);
  });

  it('refuses a Teams app id that is not a GUID, naming the variable but not its value', () => {
    let thrown: unknown;
    try {
      loadConfig({ TEAMS_APP_ID: 'asb-panels-app' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as ConfigurationError).problems).toEqual(['TEAMS_APP_ID: must be a GUID, the Teams app id in the manifest']);
  });
});
