// A small fictional partnership for the sending and reminder tests: two agencies, an officer, a
// colleague, a chair, a panel and a case; actions and conversations are added per test.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../api/store/database';
import type { ActionStatus, ConversationKind } from '../../api/store/generated/client';
import { INTERACTIVE_RETRY_POLICY } from '../../api/domain/reminders/sending';
import { createBotAdapter } from '../../bot/adapter';
import { captureConversation } from '../../bot/conversations';
import { BotConnectorSender } from '../../bot/sending/bot-connector-sender';

export const TENANT = '0b8e5a52-7c1d-4d6e-9f20-3a4b5c6d7e8f';
export const BOT_ID = '28:bot-asb-panels';

export interface Partnership {
  partnershipId: string;
  housingId: string;
  policeId: string;
  officer: { id: string; aad: string };
  colleague: { id: string; aad: string };
  chair: { id: string; aad: string };
  panelId: string;
  caseId: string;
  meetingId: string;
}

export async function createPartnership(db: Database): Promise<Partnership> {
  const p = db.prisma;
  const partnership = await p.partnership.create({ data: { name: `Fernbrook CSP ${randomUUID().slice(0, 6)}`, area: 'Fernbrook' } });
  const housing = await p.agency.create({ data: { partnershipId: partnership.id, name: 'Fernbrook Homes', type: 'HOUSING_PROVIDER' } });
  const police = await p.agency.create({ data: { partnershipId: partnership.id, name: 'Fernbrook Police', type: 'POLICE' } });
  const member = async (agencyId: string, displayName: string, roles: ('PANEL_MEMBER' | 'PANEL_CHAIR')[]) => {
    const aad = randomUUID();
    const row = await p.member.create({
      data: { partnershipId: partnership.id, agencyId, entraObjectId: aad, tenantId: TENANT, displayName, roles },
    });
    return { id: row.id, aad };
  };
  const officer = await member(housing.id, 'Sam Patel', ['PANEL_MEMBER']);
  const colleague = await member(housing.id, 'Jo Reid', ['PANEL_MEMBER']);
  const chair = await member(police.id, 'Ruth Okafor', ['PANEL_CHAIR']);
  const panel = await p.panel.create({
    data: {
      partnershipId: partnership.id,
      type: 'CMARAC',
      name: 'Fernbrook CMARAC',
      cadence: { kind: 'MONTHLY', weekday: 'THURSDAY', week: 2 },
    },
  });
  await p.panelChair.create({ data: { panelId: panel.id, memberId: chair.id } });
  const kase = await p.case.create({
    data: {
      partnershipId: partnership.id,
      reference: `ASB-2026-${String(Math.floor(Math.random() * 9000) + 1000)}`,
      kind: 'VICTIM',
      leadAgencyId: police.id,
    },
  });
  const meeting = await p.meeting.create({
    data: {
      panelId: panel.id,
      startsAt: new Date('2026-11-12T10:00:00Z'),
      endsAt: new Date('2026-11-12T12:00:00Z'),
      referralCutoff: new Date('2026-11-02T00:00:00Z'),
      status: 'ENDED',
    },
  });
  return {
    partnershipId: partnership.id,
    housingId: housing.id,
    policeId: police.id,
    officer,
    colleague,
    chair,
    panelId: panel.id,
    caseId: kase.id,
    meetingId: meeting.id,
  };
}

export async function createAction(
  db: Database,
  world: Partnership,
  options: { dueDate: string; status?: ActionStatus; ownerMemberId?: string | null; title?: string; withMeeting?: boolean },
): Promise<string> {
  const action = await db.prisma.action.create({
    data: {
      partnershipId: world.partnershipId,
      caseId: world.caseId,
      meetingId: options.withMeeting === false ? null : world.meetingId,
      title: options.title ?? 'Visit the tenant and review the support plan',
      ownerAgencyId: world.housingId,
      ownerMemberId: options.ownerMemberId === undefined ? world.officer.id : options.ownerMemberId,
      createdById: world.chair.id,
      dueDate: new Date(`${options.dueDate}T00:00:00Z`),
      status: options.status ?? 'ACCEPTED',
    },
  });
  return action.id;
}

/** What Teams sends when someone installs the app or writes to the bot, captured as the bot would. */
export async function teamsActivity(
  db: Database,
  serviceUrl: string,
  options: {
    type?: string;
    action?: string;
    kind?: ConversationKind;
    conversationId: string;
    aad?: string;
    userId?: string;
    at?: Date;
    tenantId?: string;
  },
): Promise<void> {
  const conversationType = { PERSONAL: 'personal', GROUP_CHAT: 'groupChat', CHANNEL: 'channel', MEETING: 'groupChat' }[
    options.kind ?? 'PERSONAL'
  ];
  await captureConversation(
    db,
    {
      type: options.type ?? 'message',
      action: options.action,
      channelId: 'msteams',
      serviceUrl,
      conversation: {
        id: options.conversationId,
        conversationType,
        tenantId: options.tenantId ?? TENANT,
        isGroup: options.kind !== undefined && options.kind !== 'PERSONAL',
        name: '',
      },
      from: { id: options.userId ?? `29:${options.aad ?? 'someone'}`, name: 'Someone', aadObjectId: options.aad },
      recipient: { id: BOT_ID, name: 'ASB Panels' },
      channelData: {
        tenant: { id: options.tenantId ?? TENANT },
        ...(options.kind === 'MEETING' ? { meeting: { id: 'MCMxOTptZWV0aW5n' } } : {}),
      },
    },
    options.at ?? new Date(),
  );
}

/** A clock whose waits return at once and are written down, so retry delays can be checked without waiting. */
export function recordingClock(start = new Date()): { now(): Date; sleep(ms: number): Promise<void>; sleeps: number[] } {
  let offset = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(start.getTime() + offset),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      offset += ms;
    },
  };
}

/**
 * The sender the app gives card clicks and API calls (one quick retry), over the real botbuilder
 * adapter, on the given clock and without jitter, as the bot tests start their app with.
 */
export function interactiveSender(db: Database, clock: ReturnType<typeof recordingClock>): BotConnectorSender {
  return new BotConnectorSender({
    adapter: createBotAdapter({}, { nodeEnv: 'test', log: () => undefined }),
    botAppId: '',
    db,
    clock,
    log: () => undefined,
    random: () => 0,
    retryPolicy: INTERACTIVE_RETRY_POLICY,
  });
}
