// Links from a message into a page of the tab. With the Teams app id, a deep link opens the personal
// tab inside Teams and hands it the page to show as its subEntityId (teams-js reads it back as
// context.page.subPageId; tab/src/teams/deep-link.ts turns it into a route). Without the app id but
// with the public address, a plain link opens the tab in a browser. With neither, no link.
import type { TabLinks } from '../config';

/** The personal tab's entityId in manifest/manifest.template.json. */
export const PERSONAL_TAB_ENTITY_ID = 'refer';

/** `page` is the tab route without its '#/', e.g. 'meetings/<id>/minutes'. */
export function tabPageLink(links: TabLinks, page: string): string | null {
  if (links.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: page }));
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(links.teamsAppId)}/${PERSONAL_TAB_ENTITY_ID}?context=${context}`;
  }
  if (links.publicBaseUrl) return `${links.publicBaseUrl.replace(/\/+$/, '')}/tab/#/${page}`;
  return null;
}
