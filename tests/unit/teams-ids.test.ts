// Comparing Teams join links in both of their forms, and reading the meeting chat out of a tab's meeting id.
import { chatThreadIdOfTeamsMeetingId, joinUrlKey } from '../../api/graph/teams-ids';

const THREAD = '19:meeting_NjQ4ZmFrZS1tZWV0aW5n@thread.v2';
const LONG_LINK = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22x%22%7d`;

describe('the join link as compared', () => {
  it.each([
    ['the long link as Graph spells it', LONG_LINK, `teams.microsoft.com/l/meetup-join/${THREAD}/0`],
    [
      'the long link with upper-case escapes, another host case and no query',
      `https://Teams.Microsoft.com/l/meetup-join/19%3Ameeting_NjQ4ZmFrZS1tZWV0aW5n%40thread.v2/0/`,
      `teams.microsoft.com/l/meetup-join/${THREAD}/0`,
    ],
    ['the short link', 'https://teams.microsoft.com/meet/4301857246?p=Xy7ZqAbC', 'teams.microsoft.com/meet/4301857246'],
    [
      'the short link with its passcode in another order',
      'https://teams.microsoft.com/meet/4301857246?x=1&p=Q',
      'teams.microsoft.com/meet/4301857246',
    ],
    ['a link with a malformed escape, kept as it is', 'https://teams.microsoft.com/meet/%E0%A4%A', 'teams.microsoft.com/meet/%E0%A4%A'],
    ['a link that is not https', 'http://teams.microsoft.com/meet/4301857246', null],
    ['not a link', 'meet 4301857246', null],
    ['an empty link', '', null],
    ['no link at all', null, null],
  ])('is made from %s', (_name, joinUrl, expected) => {
    expect(joinUrlKey(joinUrl)).toBe(expected);
  });

  it('tells two short links apart by their meeting id, and ids differing only in case apart too', () => {
    expect(joinUrlKey('https://teams.microsoft.com/meet/4301857246?p=a')).not.toBe(
      joinUrlKey('https://teams.microsoft.com/meet/4301857247?p=a'),
    );
    expect(joinUrlKey('https://teams.microsoft.com/l/meetup-join/19%3ameeting_AbC%40thread.v2/0')).not.toBe(
      joinUrlKey('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0'),
    );
  });
});

describe('the meeting chat of a tab', () => {
  it.each([
    ['the meeting id teams-js gives a tab', Buffer.from(`0#${THREAD}#0`).toString('base64'), THREAD],
    ['an id that is not a meeting chat', Buffer.from('0#19:abc@thread.skype#0').toString('base64'), null],
    ['garbage', 'not base64 at all', null],
  ])('is read from %s', (_name, teamsMeetingId, expected) => {
    expect(chatThreadIdOfTeamsMeetingId(teamsMeetingId)).toBe(expected);
  });
});
