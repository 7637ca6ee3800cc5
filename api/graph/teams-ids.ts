// The same Teams meeting chat goes by three names: the thread id ('19:meeting_…@thread.v2', the
// bot's conversation id), the join link that carries it, and the base64 meeting id teams-js gives
// a tab ('0#19:meeting_…@thread.v2#0'). These read the thread id out of the other two.
const THREAD_ID = /^19:meeting_[^@#/]+@thread\.v2$/;

export function chatThreadIdOfJoinUrl(joinUrl: string | null | undefined): string | null {
  const match = /\/l\/meetup-join\/([^/?]+)/.exec(joinUrl ?? '');
  if (!match) return null;
  let threadId: string;
  try {
    threadId = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return THREAD_ID.test(threadId) ? threadId : null;
}

export function chatThreadIdOfTeamsMeetingId(teamsMeetingId: string): string | null {
  const decoded = Buffer.from(teamsMeetingId, 'base64').toString('utf8');
  const threadId = decoded.split('#')[1] ?? '';
  return THREAD_ID.test(threadId) ? threadId : null;
}
