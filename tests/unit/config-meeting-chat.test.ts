// GRAPH_PANEL_MAILBOX (who organises Teams events) and TEAMS_CATALOG_APP_ID (the app to install in
// meeting chats) are read once at start-up; a value of the wrong shape stops it, naming the variable.
import { loadConfig } from '../../api/config';
import { configProblemsOf } from '../support/config-problems';

const CATALOG_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

describe('the panel mailbox and the app in meeting chats', () => {
  it.each([
    [{}, { panelMailbox: null, catalogAppId: null }],
    [{ GRAPH_PANEL_MAILBOX: ' asb-panels@fernbrook.gov.uk ' }, { panelMailbox: 'asb-panels@fernbrook.gov.uk', catalogAppId: null }],
    [
      { GRAPH_PANEL_MAILBOX: '6d1f0b2a-3c4e-4f5a-9b8c-7d6e5f4a3b2c', TEAMS_CATALOG_APP_ID: CATALOG_ID },
      { panelMailbox: '6d1f0b2a-3c4e-4f5a-9b8c-7d6e5f4a3b2c', catalogAppId: CATALOG_ID },
    ],
    [
      { GRAPH_PANEL_MAILBOX: '', TEAMS_CATALOG_APP_ID: '' },
      { panelMailbox: null, catalogAppId: null },
    ],
  ])('are read from %p', (env, expected) => {
    expect(loadConfig(env).graph).toMatchObject(expected);
  });

  it.each([
    [{ GRAPH_PANEL_MAILBOX: 'ASB Panels mailbox' }, 'GRAPH_PANEL_MAILBOX: must be the panel mailbox’s Entra object id or its address'],
    [
      { TEAMS_CATALOG_APP_ID: 'com.fernbrook.asbpanels' },
      'TEAMS_CATALOG_APP_ID: must be a GUID, the app’s id in the organisation’s Teams app catalogue',
    ],
  ])('refuses %p, naming the variable but not its value', (env, problem) => {
    const problems = configProblemsOf(env);
    expect(problems).toEqual([problem]);
    expect(problems.join(' ')).not.toContain(Object.values(env)[0]);
  });
});
