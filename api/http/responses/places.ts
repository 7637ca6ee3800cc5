// The answers of the routes in routes/places.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';
import { figureCell } from './wire';

/** GET /api/places */
export const readPlacesAnswer = z.strictObject({
  period: z.strictObject({
    from: z.string(),
    to: z.string(),
  }),
  suppressed: z.boolean(),
  months: z.array(z.string()),
  areas: z.array(
    z.strictObject({
      area: z.string(),
      incidents: z.array(figureCell),
      cases: z.array(figureCell),
      incidentsTotal: figureCell,
      casesTotal: figureCell,
      hotspot: z.boolean(),
    }),
  ),
});
