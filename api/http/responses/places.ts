// The answers of the routes in routes/places.ts as they go on the wire; see route-spec.ts.
import { z } from 'zod';

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
      incidents: z.array(
        z.strictObject({
          value: z.number().nullable(),
          suppressed: z.boolean(),
        }),
      ),
      cases: z.array(
        z.strictObject({
          value: z.number().nullable(),
          suppressed: z.boolean(),
        }),
      ),
      incidentsTotal: z.strictObject({
        value: z.number().nullable(),
        suppressed: z.boolean(),
      }),
      casesTotal: z.strictObject({
        value: z.number().nullable(),
        suppressed: z.boolean(),
      }),
      hotspot: z.boolean(),
    }),
  ),
});
