// A Teams deep link to the app's tab carries the page to open as its subEntityId, which teams-js
// hands the tab as context.page.subPageId (bot/cards/tab-links.ts writes them). Only pages the app
// links to are followed, so a crafted link cannot send the tab anywhere else.
const LINKED_PAGES = [/^referrals\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i];

/** The route (such as `referrals/<id>`) a deep link's subPageId names, or null to stay on the tab's own page. */
export function routeOfSubPageId(subPageId: string | null | undefined): string | null {
  if (!subPageId) return null;
  const page = subPageId.trim().replace(/^#?\/+/, '');
  return LINKED_PAGES.some((pattern) => pattern.test(page)) ? page : null;
}
