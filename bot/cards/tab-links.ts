// Links from a card into the tab (api/services/tab-links.ts draws them).
import type { TabLinks } from '../../api/config';
import { PERSONAL_TAB_ENTITY_ID, tabPageLink } from '../../api/services/tab-links';

/** The Refer tab's entityId in manifest/manifest.template.json. */
export const REFER_TAB_ENTITY_ID = PERSONAL_TAB_ENTITY_ID;

export function referralLink(links: TabLinks, referralId: string): string | null {
  return tabPageLink(links, `referrals/${encodeURIComponent(referralId)}`);
}
