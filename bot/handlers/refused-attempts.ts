// Audits a card click or command that a member attempted and was refused on policy grounds, as the
// HTTP edge does for the same services.
import { isAuditedRefusal, recordRefusedAttempt, type RefusedAttempt } from '../../api/services/refused-attempts';
import type { BotTurn } from './turn';

export async function auditIfRefused(turn: BotTurn, attempt: RefusedAttempt, error: unknown): Promise<void> {
  if (!turn.service || !isAuditedRefusal(error)) return;
  try {
    await recordRefusedAttempt(turn.service, attempt, error);
  } catch (failure) {
    // The member still sees the refusal card; a lost audit row is logged.
    turn.deps.logger.error(
      { activityId: turn.context.activity.id, failure: failure instanceof Error ? failure.name : typeof failure },
      'refused attempt not audited',
    );
  }
}
