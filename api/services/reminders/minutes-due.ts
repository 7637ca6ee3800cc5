// The chair's reminder on the day the minutes are due: sent only while they are still unapproved.
import { formatLongDate, londonDateOf } from '../../domain/agenda/calendar-date';
import { MINUTES_DUE_KEY_PREFIX } from '../minutes';
import { calendarDateOfColumn } from '../../store/calendar-dates';
import type { Database } from '../../store/database';
import type { OutgoingMessage } from '../ports/teams-sender';

export async function minutesDueMessage(db: Database, dedupeKey: string): Promise<OutgoingMessage | { skipped: string }> {
  const meetingId = dedupeKey.slice(MINUTES_DUE_KEY_PREFIX.length).split(':')[0] ?? '';
  const minutes = await db.prisma.meetingMinutes.findUnique({
    where: { meetingId },
    select: { status: true, dueBy: true, meeting: { select: { startsAt: true, panel: { select: { name: true } } } } },
  });
  if (!minutes) return { skipped: 'the minutes no longer exist.' };
  if (minutes.status === 'APPROVED') return { skipped: 'the minutes are already approved.' };
  const held = formatLongDate(londonDateOf(minutes.meeting.startsAt));
  return {
    text: `The minutes of the ${minutes.meeting.panel.name} meeting on ${held} are due for approval by ${formatLongDate(calendarDateOfColumn(minutes.dueBy))}. Open ASB Panels to check and approve them.`,
  };
}
