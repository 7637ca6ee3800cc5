// The tab's API types (tab/src/api/schema.d.ts) are generated from the routes' schemas and committed;
// this keeps the committed file from drifting from what the current routes describe.
import { readFile } from 'node:fs/promises';
import { API_TYPES_FILE, apiTypesSource } from '../../scripts/api-types';

test('the committed tab API types are what `npm run api:types` generates from the current routes', async () => {
  const committed = await readFile(API_TYPES_FILE, 'utf8');
  // On a difference, run `npm run api:types` and commit the result with the route change.
  expect(committed === (await apiTypesSource())).toBe(true);
}, 60_000);
