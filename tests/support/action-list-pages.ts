// The action lists answer a page at a time (a keyset cursor); a test looking for one action reads
// page after page until it is found or the list ends, as the tab's "Show more" does.
import type { RunningApp } from './test-app';

interface Page<Row> {
  actions: Row[];
  nextCursor: string | null;
}

/** The action `actionId` as `path` (an action list) lists it for `token`, or undefined when it is not on the list. */
export async function findOnActionList<Row extends { id: string }>(
  app: RunningApp,
  path: string,
  token: string,
  actionId: string,
): Promise<Row | undefined> {
  for (let after: string | null = null; ;) {
    const separator = path.includes('?') ? '&' : '?';
    const answer: { status: number; body: Page<Row> } = await app.call<Page<Row>>(
      'GET',
      after === null ? path : `${path}${separator}after=${encodeURIComponent(after)}`,
      {
        token,
      },
    );
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
    const found = answer.body.actions.find((action: Row) => action.id === actionId);
    if (found || answer.body.nextCursor === null) return found;
    after = answer.body.nextCursor;
  }
}
