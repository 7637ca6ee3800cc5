// The action card a given person sees, drawn from the stored action (see api/services/action-card-view.ts).
import type { Actor } from '../../api/domain/access/policy';
import { actionCardViewOf } from '../../api/services/action-card-view';
import type { ActionRecord } from '../../api/services/action-records';
import type { CardNotice } from '../../api/services/ports/card-views';
import { buildActionCard } from './action-card';
import type { AdaptiveCard } from './adaptive-card';

export function actionCardFor(record: ActionRecord, viewer: Actor | null, now: Date, notice: CardNotice | null = null): AdaptiveCard {
  return buildActionCard(actionCardViewOf(record, viewer, now, notice));
}
