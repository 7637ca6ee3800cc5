// Names Teams gives the same meeting. The chat's thread id comes from Graph (the online meeting's
// chatInfo.threadId) or from the meeting details Teams gives the bot, never from the join link's
// shape: Teams' short links (`/meet/<id>?p=…`) carry no thread id. The join link is only compared.
const THREAD_ID = /^19:meeting_[^@#/]+@thread\.v2$/;

/**
 * The join link as compared: the https host in lower case and the path decoded (ids in it are
 * case-sensitive), without the query or a trailing slash. Graph and the Bot Connector can spell the
 * same link differently (`%3a` or `%3A`, a `context` or `p` parameter added or reordered), but the
 * path names the meeting in both link forms.
 */
export function joinUrlKey(joinUrl: string | null | undefined): string | null {
  if (!joinUrl) return null;
  let url: URL;
  try {
    url = new URL(joinUrl.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  path = path.replace(/\/+$/, '');
  return path ? `${url.host.toLowerCase()}${path}` : null;
}

/** The meeting chat named by the base64 meeting id teams-js gives a tab ('0#19:meeting_…@thread.v2#0'). */
export function chatThreadIdOfTeamsMeetingId(teamsMeetingId: string): string | null {
  const decoded = Buffer.from(teamsMeetingId, 'base64').toString('utf8');
  const threadId = decoded.split('#')[1] ?? '';
  return THREAD_ID.test(threadId) ? threadId : null;
}
