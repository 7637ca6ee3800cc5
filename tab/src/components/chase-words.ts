// What a chase did, in words, for the row it was made from and for the action's page.
import type { ChaseResult } from '../api/actions';

export interface ChaseOutcome {
  intent: 'success' | 'warning' | 'error';
  title: string;
  text: string;
}

export function describeChase(owner: string, title: string, result: ChaseResult): ChaseOutcome {
  const reached = result.deliveries.filter((delivery) => delivery.status === 'SENT').length;
  if (reached === result.deliveries.length)
    return { intent: 'success', title: 'Reminder sent', text: `${owner} got a reminder in Teams about "${title}".` };
  if (result.deliveries.some((delivery) => delivery.status === 'RETRYING')) {
    return {
      intent: 'warning',
      title: 'Reminder on its way',
      text: `Teams did not answer at once; the reminder to ${owner} will be tried again shortly.`,
    };
  }
  return { intent: 'warning', title: 'Reminder not delivered', text: `${owner} cannot be reached in Teams. Phone or email them instead.` };
}
