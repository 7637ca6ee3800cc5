// Draws the card a use case asked for (api/services/ports/card-views.ts) as an Adaptive Card.
import type { CardView } from '../../api/services/ports/card-views';
import type { AdaptiveCard } from './adaptive-card';
import { buildActionCard } from './action-card';
import { buildAgendaCard } from './agenda-card';
import { buildDigestCard, buildReminderCard } from './reminder-cards';
import { buildTriageCard } from './triage-card';

export function renderCard(card: CardView): AdaptiveCard {
  switch (card.kind) {
    case 'ACTION':
      return buildActionCard(card.view);
    case 'REMINDER':
      return buildReminderCard(card.view);
    case 'DIGEST':
      return buildDigestCard(card.view);
    case 'AGENDA':
      return buildAgendaCard(card.view);
    case 'TRIAGE':
      return buildTriageCard(card.view);
  }
}
