import { decideChase, nextChaseAt } from '../../api/domain/actions/chasing';

const NOON = new Date('2026-11-20T12:00:00Z');
const hoursAfter = (hours: number) => new Date(NOON.getTime() + hours * 3_600_000);

describe('when a chair may chase an action again', () => {
  it.each([
    ['never chased', null, hoursAfter(0), 24, 'CHASE'],
    ['chased an hour ago, a day to wait', NOON, hoursAfter(1), 24, 'TOO_SOON'],
    ['chased 23 hours 59 ago, a day to wait', NOON, hoursAfter(24 - 1 / 60), 24, 'TOO_SOON'],
    ['chased a day ago, a day to wait', NOON, hoursAfter(24), 24, 'CHASE'],
    ['chased a minute ago, no wait set: still one chase for a double click', NOON, hoursAfter(1 / 60), 0, 'TOO_SOON'],
    ['chased ten minutes ago, no wait set', NOON, hoursAfter(10 / 60), 0, 'CHASE'],
  ] as const)('%s', (_case, lastChasedAt, now, cooldownHours, expected) => {
    expect(decideChase({ lastChasedAt, now, cooldownHours }).kind).toBe(expected);
  });

  it('says when it was chased and when it may be chased next, in London time', () => {
    const summer = new Date('2026-07-01T08:30:00Z');
    expect(decideChase({ lastChasedAt: summer, now: summer, cooldownHours: 48 })).toEqual({
      kind: 'TOO_SOON',
      nextChaseAt: new Date('2026-07-03T08:30:00Z'),
      message: 'This action was chased at 09:30 on 1 July 2026. It can be chased again from 09:30 on 3 July 2026.',
    });
    expect(nextChaseAt({ lastChasedAt: summer, now: new Date('2026-07-04T00:00:00Z'), cooldownHours: 48 })).toBeNull();
  });
});
