// The chair's note to an agency's lead about an action the panel found the agency did not do, as the
// chair sent it, with the restricted marking. The draft names the action and the case reference only,
// as an action's own notices do; the chair's edits are theirs, like a progress note on an action card.
import { MINUTES_CLASSIFICATION } from '../../domain/minutes/draft';
import type { Database } from '../../store/database';
import type { OutgoingMessage } from '../ports/teams-sender';

export const NOT_DONE_NOTE_KEY_PREFIX = 'not-done-note:';

/** One note per review of an action at a meeting: it is sent once. */
export function notDoneNoteKey(reviewId: string): string {
  return `${NOT_DONE_NOTE_KEY_PREFIX}${reviewId}`;
}

export async function notDoneNoteMessage(db: Database, dedupeKey: string): Promise<OutgoingMessage | { skipped: string }> {
  const review = await db.prisma.actionReview.findUnique({
    where: { id: dedupeKey.slice(NOT_DONE_NOTE_KEY_PREFIX.length) },
    select: { agencyNoteText: true, meeting: { select: { panel: { select: { name: true } } } } },
  });
  if (!review?.agencyNoteText) return { skipped: 'the note no longer exists.' };
  return {
    text: `${MINUTES_CLASSIFICATION}: a note from the chair of the ${review.meeting.panel.name} panel. ${review.agencyNoteText} Do not forward it outside your agency's work with the panel.`,
  };
}
