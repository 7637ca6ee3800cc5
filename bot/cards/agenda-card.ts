// The agenda card in the meeting chat: items in order with their time and why they are on the
// agenda, the item under discussion highlighted. Only chairs see "Next item": the card is sent
// read-only and refreshes into the chair's view for the chairs named in `refresh.userIds`.
// Case references only, never names: a meeting chat can outlive the meeting's membership.
import { card, execute, facts, heading, refreshFor, text, type AdaptiveCard, type CardElement, type Container } from './adaptive-card';
import { CARD_VERBS } from './verbs';
import type { AgendaCardItem, AgendaCardView, AgendaItemStatus } from '../../api/services/ports/card-views';

const STATUS_NOTES: Record<AgendaItemStatus, string> = {
  PLANNED: '',
  CURRENT: 'Now',
  DISCUSSED: 'Discussed',
  DEFERRED: 'Deferred',
  SPILLED_OVER: 'Carried over',
};

export function buildAgendaCard(view: AgendaCardView): AdaptiveCard {
  const ref = { meetingId: view.meetingId, version: view.version };
  const totalMinutes = view.items.reduce((sum, item) => sum + item.minutes, 0);
  const body: CardElement[] = [
    heading(`Agenda: ${view.panelName}`),
    text(view.whenLabel, { isSubtle: true, spacing: 'none' }),
    text(`${view.items.length} item${view.items.length === 1 ? '' : 's'}, ${totalMinutes} minutes`, { size: 'small', spacing: 'small' }),
  ];
  if (view.items.length === 0) body.push(text('Nothing is on the agenda yet.'));
  for (const item of [...view.items].sort((a, b) => a.position - b.position)) body.push(itemBlock(item, item.id === view.currentItemId));

  const refresh = refreshFor(execute(CARD_VERBS.refreshAgenda, 'Refresh', ref, { associatedInputs: 'none' }), view.chairUserIds);
  const label = nextLabel(view);
  return card(body, {
    actions:
      view.chairView && label ? [execute(CARD_VERBS.nextAgendaItem, label, ref, { style: 'positive', associatedInputs: 'none' })] : [],
    refresh,
    fallbackText: `Agenda for ${view.panelName}, ${view.whenLabel}: ${view.items.length} items.`,
  });
}

function itemBlock(item: AgendaCardItem, isCurrent: boolean): Container {
  const note = isCurrent ? STATUS_NOTES.CURRENT : STATUS_NOTES[item.status];
  const title = `${item.position}. Case ${item.caseReference} (${item.minutes} min)${note ? `: ${note}` : ''}`;
  const container: Container = {
    type: 'Container',
    separator: true,
    items: [
      text(title, { weight: isCurrent ? 'bolder' : 'default', isSubtle: !isCurrent && item.status === 'DISCUSSED' }),
      facts([['Why', item.reasonText]]),
    ],
  };
  if (isCurrent) container.style = 'accent';
  return container;
}

function nextLabel(view: AgendaCardView): string | null {
  const open = [...view.items]
    .sort((a, b) => a.position - b.position)
    .filter((item) => item.status === 'PLANNED' || item.status === 'CURRENT');
  if (open.length === 0) return null;
  if (!view.currentItemId) return 'Start the first item';
  const remainingAfterCurrent = open.filter((item) => item.id !== view.currentItemId).length;
  return remainingAfterCurrent === 0 ? 'Close the last item' : 'Next item';
}
