// Graph's app registration: the bot's by default, or its own (GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET,
// GRAPH_TENANT_ID) for a council that keeps the two apart; half of the three stops start-up.
import { loadConfig } from '../../api/config';
import { configProblemsOf } from '../support/config-problems';

const BOT = {
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  MicrosoftAppPassword: 'bot-secret',
  MicrosoftAppTenantId: '66666666-7777-4888-8999-aaaaaaaaaaaa',
};
const GRAPH = {
  GRAPH_CLIENT_ID: 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff',
  GRAPH_CLIENT_SECRET: 'graph-secret',
  GRAPH_TENANT_ID: '12121212-3434-4565-8787-909090909090',
};

describe('the app registration Graph tokens are asked with', () => {
  it('is none without any registration, so Graph stays off', () => {
    expect(loadConfig({}).graph.credentials).toBeNull();
  });

  it("is the bot's registration by default", () => {
    expect(loadConfig(BOT).graph.credentials).toEqual({
      clientId: BOT.MicrosoftAppId,
      clientSecret: 'bot-secret',
      tenantId: BOT.MicrosoftAppTenantId,
    });
  });

  it("is Graph's own registration when all three settings name one, even beside the bot's", () => {
    const expected = { clientId: GRAPH.GRAPH_CLIENT_ID, clientSecret: 'graph-secret', tenantId: GRAPH.GRAPH_TENANT_ID };
    expect(loadConfig(GRAPH).graph.credentials).toEqual(expected);
    expect(loadConfig({ ...BOT, ...GRAPH }).graph.credentials).toEqual(expected);
  });

  it('refuses a part of the three, naming them but never the secret', () => {
    const problems = configProblemsOf({ GRAPH_CLIENT_ID: GRAPH.GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET: GRAPH.GRAPH_CLIENT_SECRET });
    expect(problems).toEqual([
      'GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET and GRAPH_TENANT_ID: set all three, or none to use the bot’s registration',
    ]);
    expect(problems.join(' ')).not.toContain('graph-secret');
  });

  it('refuses a client id or tenant that is not a GUID', () => {
    expect(configProblemsOf({ ...GRAPH, GRAPH_TENANT_ID: 'fernbrook.onmicrosoft.com' })).toEqual([
      'GRAPH_TENANT_ID: must be a GUID, the tenant that granted the Graph permissions',
    ]);
  });
});
