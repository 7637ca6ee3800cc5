// Reading the meeting chat's thread id out of a Teams join link and out of a tab's meeting id.
import { chatThreadIdOfJoinUrl, chatThreadIdOfTeamsMeetingId } from '../../api/graph/teams-ids';

const THREAD = '19:meeting_NjQ4ZmFrZS1tZWV0aW5n@thread.v2';

describe('the meeting chat thread id', () => {
  it.each([
    [
      'a Graph join link',
      `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22x%22%7d`,
      THREAD,
    ],
    ['a link to something else', 'https://teams.microsoft.com/l/chat/0/0?users=someone', null],
    ['a link with a malformed escape', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_%E0%A4%A@thread.v2/0', null],
    ['no link at all', null, null],
  ])('is read from %s', (_name, joinUrl, expected) => {
    expect(chatThreadIdOfJoinUrl(joinUrl)).toBe(expected);
  });

  it.each([
    ['the meeting id teams-js gives a tab', Buffer.from(`0#${THREAD}#0`).toString('base64'), THREAD],
    ['an id that is not a meeting chat', Buffer.from('0#19:abc@thread.skype#0').toString('base64'), null],
    ['garbage', 'not base64 at all', null],
  ])('is read from %s', (_name, teamsMeetingId, expected) => {
    expect(chatThreadIdOfTeamsMeetingId(teamsMeetingId)).toBe(expected);
  });
});
