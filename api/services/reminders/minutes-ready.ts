// The message that approved minutes are ready: the panel, the day it met, the restricted marking and
// a link to the minutes page. Nothing about a case or a person: the minutes are read in the tab.
import { formatLongDate, londonDateOf } from '../../domain/agenda/calendar-date';
import { MINUTES_CLASSIFICATION } from '../../domain/minutes/draft';
import type { TabLinks } from '../../config';
import type { Database } from '../../store/database';
import type { OutgoingMessage } from '../ports/teams-sender';
import { tabPageLink } from '../tab-links';

export const MINUTES_READY_KEY_PREFIX = 'minutes-ready:';

export function minutesReadyKey(meetingId: string, memberId: string): string {
  return `${MINUTES_READY_KEY_PREFIX}${meetingId}:${memberId}`;
}

export async function minutesReadyMessage(
  db: Database,
  dedupeKey: string,
  links: TabLinks | undefined,
): Promise<OutgoingMessage | { skipped: string }> {
  const meetingId = dedupeKey.slice(MINUTES_READY_KEY_PREFIX.length).split(':')[0] ?? '';
  const minutes = await db.prisma.meetingMinutes.findUnique({
    where: { meetingId },
    select: { status: true, meeting: { select: { startsAt: true, panel: { select: { name: true } } } } },
  });
  if (!minutes) return { skipped: 'the minutes no longer exist.' };
  if (minutes.status !== 'APPROVED') return { skipped: 'the minutes are not approved.' };
  const held = formatLongDate(londonDateOf(minutes.meeting.startsAt));
  const link = links ? tabPageLink(links, `meetings/${meetingId}/minutes`) : null;
  const where = link ? `Read them in ASB Panels: ${link}` : 'Read them in ASB Panels, under Meetings.';
  return {
    text: `${MINUTES_CLASSIFICATION}: the approved minutes of the ${minutes.meeting.panel.name} meeting on ${held} are ready. ${where} Do not forward, print or store them outside ASB Panels.`,
  };
}
