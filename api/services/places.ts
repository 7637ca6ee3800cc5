// Places: incidents and new cases by ward and month for the partnership, with the same small-number
// suppression as the governance figures (a ward and a month narrow a count down to a street).
import { londonDateOf } from '../domain/agenda/calendar-date';
import { mayUse } from '../domain/access/policy';
import { placesHeatTable, type PlacesHeatTable } from '../domain/governance/places';
import { suppressionApplies } from '../domain/governance/suppression';
import { inTransaction, type ServiceContext } from './context';
import { forbidden } from './errors';
import { periodInstants, resolvePeriod } from './governance';

/** Where an incident or case has no address on record: still counted, so totals stay honest. */
export const NO_LOCATION = 'No location recorded';

export async function readPlaces(
  ctx: ServiceContext,
  asked: { from?: string | undefined; to?: string | undefined },
): Promise<PlacesHeatTable> {
  if (!mayUse(ctx.actor, 'governance.read')) throw forbidden('read the figures for places');
  const period = resolvePeriod(ctx, asked);
  const { gte, lt } = periodInstants(period);
  const partnershipId = ctx.actor.partnershipId;
  const [incidents, cases] = await inTransaction(ctx, (tx) =>
    Promise.all([
      tx.incident.findMany({
        where: { partnershipId, occurredAt: { gte, lt } },
        select: { occurredAt: true, location: { select: { ward: true } } },
      }),
      tx.case.findMany({
        where: { partnershipId, openedAt: { gte, lt } },
        select: { openedAt: true, locations: { select: { location: { select: { ward: true } } } } },
      }),
    ]),
  );
  return placesHeatTable(
    incidents.map((incident) => ({ area: incident.location?.ward ?? NO_LOCATION, occurredOn: londonDateOf(incident.occurredAt) })),
    cases.map((kase) => ({
      areas: kase.locations.length > 0 ? kase.locations.map((link) => link.location.ward) : [NO_LOCATION],
      openedOn: londonDateOf(kase.openedAt),
    })),
    period,
    suppressionApplies(ctx.actor),
  );
}
