// The link a card carries into the tab, and the page the tab opens from it: the bot writes the link
// (bot/cards/tab-links.ts), Teams hands its subEntityId to the tab as subPageId, and the tab reads
// it back (tab/src/teams/deep-link.ts). Both ends are exercised together here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REFER_TAB_ENTITY_ID, referralLink } from '../../bot/cards/tab-links';
import { routeOfSubPageId } from '../../tab/src/teams/deep-link';

const APP_ID = '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f';
const REFERRAL_ID = '5b0c9a4e-1f2d-4c3b-8a7e-6d5c4b3a2f10';

describe('a link from a card to a referral in the tab', () => {
  it('is a Teams deep link to the Refer personal tab, with the referral as the subEntityId, when the Teams app id is configured', () => {
    const link = referralLink({ teamsAppId: APP_ID, publicBaseUrl: 'https://panels.example.gov.uk' }, REFERRAL_ID)!;
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/refer`);
    expect(link).toContain(`?context=${encodeURIComponent(`{"subEntityId":"referrals/${REFERRAL_ID}"}`)}`);
    const context = JSON.parse(url.searchParams.get('context')!) as { subEntityId: string };
    expect(routeOfSubPageId(context.subEntityId)).toBe(`referrals/${REFERRAL_ID}`);
  });

  it('names a personal tab the manifest declares, whose page is Refer', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../manifest/manifest.template.json'), 'utf8')) as {
      staticTabs: Array<{ entityId: string; contentUrl?: string; scopes: string[] }>;
    };
    const tab = manifest.staticTabs.find((t) => t.entityId === REFER_TAB_ENTITY_ID);
    expect(tab).toEqual({ entityId: 'refer', name: 'Refer', contentUrl: 'https://{{HOST_NAME}}/tab/#/refer', scopes: ['personal'] });
  });

  it.each([
    ['https://panels.example.gov.uk', `https://panels.example.gov.uk/tab/#/referrals/${REFERRAL_ID}`],
    ['https://panels.example.gov.uk/', `https://panels.example.gov.uk/tab/#/referrals/${REFERRAL_ID}`],
  ])('is a plain link to the tab when only the public address %s is configured', (publicBaseUrl, expected) => {
    const link = referralLink({ teamsAppId: null, publicBaseUrl }, REFERRAL_ID);
    expect(link).toBe(expected);
    expect(new URL(link!).hash).toBe(`#/referrals/${REFERRAL_ID}`);
  });

  it('is left out when neither address is configured', () => {
    expect(referralLink({ teamsAppId: null, publicBaseUrl: null }, REFERRAL_ID)).toBeNull();
  });
});

describe("the page the tab opens from a deep link's subPageId", () => {
  it.each([
    [`referrals/${REFERRAL_ID}`, `referrals/${REFERRAL_ID}`],
    [`#/referrals/${REFERRAL_ID.toUpperCase()}`, `referrals/${REFERRAL_ID.toUpperCase()}`],
    [undefined, null],
    ['', null],
    ['referrals/not-an-id', null],
    [`referrals/${REFERRAL_ID}/../../governance`, null],
    [`cases/${REFERRAL_ID}`, null],
    ['https://elsewhere.example.com/', null],
  ])('for %p is %p', (subPageId, expected) => {
    expect(routeOfSubPageId(subPageId)).toBe(expected);
  });
});
