// An action from assignment to completion, end to end: `npm run playground` (the app in local mode
// and Microsoft 365 Agents Playground 0.2.28, pinned, telemetry off, loopback only), driven through
// the playground's own HTTP API by two people. Priya Example, a police chair, assigns the action from
// a card in the panel's group chat; Helen Placeholder (the playground's current user, so the one with
// a personal chat) receives the card, accepts it, gets the due-today reminder, and completes it. What
// the bot sent is read from the playground's events recording.
import { londonDateOf } from '../../api/domain/agenda/calendar-date';
import { buildDemoRows, DEMO_AGENCIES } from '../../api/store/demo-data';
import { memberByName } from '../../api/store/demo-data/partnership';
import { cardButtons, cardText, startPlayground, type RunningPlayground } from '../support/playground';

let playground: RunningPlayground;

beforeAll(async () => {
  // The reminder worker looks every two seconds here instead of every minute.
  playground = await startPlayground({ LOG_LEVEL: 'error', REMINDER_POLL_SECONDS: '2' });
}, 180_000);

afterAll(async () => {
  await playground?.stop();
}, 30_000);

describe('an action in Agents Playground, from assignment to completion', () => {
  it('is assigned by the chair, accepted, reminded and completed by its owner, each step in Teams', async () => {
    const { config, post, click, waitForBotMessage } = playground;
    const today = londonDateOf(new Date());
    const police = DEMO_AGENCIES.find((agency) => agency.key === 'police')!;
    const council = DEMO_AGENCIES.find((agency) => agency.key === 'council')!;
    // An open case led by the police, so Priya (a police chair) may assign on it.
    const kase = buildDemoRows({ today: new Date() }).cases.find((c) => c.leadAgencyId === police.id && c.status === 'OPEN')!;
    const helen = memberByName('Helen Placeholder');
    const priya = config.users.find((user) => user.name === 'Priya Example')!;
    const personal = config.personalChat.id;
    const panelChat = config.groupChats[0]!.id;

    // Helen has spoken to the bot, so it knows her personal chat (as installing the app would).
    // The recording does not carry the ids of the bot's messages; clicks in the personal chat name this
    // message of the thread instead, which the playground accepts as the card clicked.
    const personalMessage = await post(personal, 'help');
    await waitForBotMessage(personal, /^I help your partnership/);

    // Priya assigns from the assign card in the panel chat.
    const cardMessage = await post(panelChat, 'Item 2: actions');
    const assigned = await click(priya.id, panelChat, cardMessage, 'action.assign', {
      caseId: kase.id,
      title: 'Phone the victim and update the safety plan',
      ownerAgencyId: council.id,
      ownerMemberId: helen.id,
      dueDate: today,
      priority: 'HIGH',
    });
    expect(cardText(assigned)).toContain('Assigned and sent to Helen Placeholder in Teams.');
    expect(cardButtons(assigned)).toEqual([]);

    // Helen gets the action card in her personal chat with Accept, and accepts it there.
    const delivered = await waitForBotMessage(personal, /^New action for you, case .*: Phone the victim/);
    const ownerCard = delivered.request.body.attachments![0]!.content;
    expect(cardButtons(ownerCard)).toEqual(['Accept']);
    const actionId = (ownerCard as unknown as { actions: { data: { actionId: string } }[] }).actions[0]!.data.actionId;
    const accepted = await click(config.currentUser.id, personal, personalMessage, 'action.accept', { actionId, version: 1 });
    expect(cardText(accepted)).toContain('Accepted.');
    expect(cardButtons(accepted)).toEqual(['Update progress', 'Mark complete', "Can't complete"]);

    // Priya sees status only; Helen's reminder that the action is due today arrives on its own.
    const chairView = await click(priya.id, panelChat, cardMessage, 'action.refresh', { actionId, version: 2 });
    expect(cardText(chairView)).toContain('Accepted');
    expect(cardButtons(chairView)).toEqual(["Can't complete"]);
    await waitForBotMessage(personal, /^Reminder: your action is due today: Phone the victim/);

    const completed = await click(config.currentUser.id, personal, personalMessage, 'action.complete', {
      actionId,
      version: 2,
      completionNote: 'Spoke to the victim; safety plan updated.',
    });
    expect(cardText(completed)).toContain('Marked complete.');
    expect(cardText(completed)).toContain('Completed');
    expect(cardButtons(completed)).toEqual([]);
  }, 90_000);
});
