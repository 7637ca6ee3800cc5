// The action card: posted where the action was made and sent to its owner. The owner's view has
// the buttons the action lifecycle allows them now; everyone else sees the same facts read-only.
// With Universal Actions refresh, Teams asks the bot again for each user named in `refresh.userIds`,
// so the one card in a meeting chat shows the owner their buttons and the others plain status.
import type { ActionStatus, CannotCompleteReason } from '../../api/domain/actions/lifecycle';
import { formatLongDate } from '../../api/domain/agenda/calendar-date';
import type { ActionCardView, CardCommand } from '../../api/services/ports/card-views';
import {
  card,
  execute,
  facts,
  heading,
  innerCard,
  text,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type TextColor,
  refreshFor,
} from './adaptive-card';
import { CARD_VERBS, INPUT_IDS, type ActionPriority } from './verbs';

export const STATUS_LABELS: Record<ActionStatus, string> = {
  PROPOSED: 'Proposed: waiting for the owner to accept',
  ACCEPTED: 'Accepted',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  BLOCKED: "Can't be completed",
  CANCELLED: 'Cancelled',
};

export const PRIORITY_LABELS: Record<ActionPriority, string> = { LOW: 'Low', NORMAL: 'Normal', HIGH: 'High', URGENT: 'Urgent' };

export const NOT_DONE_LABELS: Record<CannotCompleteReason, string> = {
  CIRCUMSTANCES_CHANGED: 'Circumstances changed',
  AGENCY_DID_NOT_DO_IT: 'Not done',
};

export function buildActionCard(view: ActionCardView): AdaptiveCard {
  const ref = { actionId: view.actionId, version: view.version };
  const body: CardElement[] = [];
  if (view.notice) body.push(text(view.notice.text, { color: view.notice.tone, weight: 'bolder' }));
  body.push(heading(view.title));
  body.push(text(statusLine(view), { color: statusColor(view), weight: 'bolder', spacing: 'small' }));
  body.push(
    facts([
      ['Case', view.caseReference],
      [
        'Owner',
        view.ownerOfficerName ? `${view.ownerOfficerName} (${view.ownerAgencyName})` : `${view.ownerAgencyName} (no named officer)`,
      ],
      ['Due', formatLongDate(view.dueDate)],
      ['Priority', PRIORITY_LABELS[view.priority]],
      ['Reason', view.notDoneReason ? NOT_DONE_LABELS[view.notDoneReason] : null],
      ['Agreed at', view.madeAt],
    ]),
  );
  if (view.latestNote) body.push(text(`Latest note: ${view.latestNote}`, { isSubtle: true, spacing: 'small' }));

  const refresh = refreshFor(execute(CARD_VERBS.refreshAction, 'Refresh', ref, { associatedInputs: 'none' }), view.refreshUserIds);
  return card(body, {
    actions: view.commands.map((command) => buttonFor(command, ref)),
    refresh,
    fallbackText: `Action for case ${view.caseReference}: ${view.title}. ${STATUS_LABELS[view.status]}.`,
  });
}

function statusLine(view: ActionCardView): string {
  return view.overdue ? `${STATUS_LABELS[view.status]}, overdue` : STATUS_LABELS[view.status];
}

function statusColor(view: ActionCardView): TextColor {
  if (view.overdue || view.status === 'BLOCKED') return 'attention';
  if (view.status === 'COMPLETED') return 'good';
  return 'default';
}

function buttonFor(command: CardCommand, ref: { actionId: string; version: number }): CardAction {
  switch (command) {
    case 'ACCEPT':
      return execute(CARD_VERBS.accept, 'Accept', ref, { style: 'positive', associatedInputs: 'none' });
    case 'UPDATE_PROGRESS':
      return {
        type: 'Action.ShowCard',
        title: 'Update progress',
        card: innerCard(
          [
            {
              type: 'Input.Text',
              id: INPUT_IDS.progressNote,
              label: 'What has been done so far?',
              isMultiline: true,
              isRequired: true,
              errorMessage: 'Say what has been done so far.',
              maxLength: 4000,
            },
          ],
          [execute(CARD_VERBS.updateProgress, 'Save progress', ref)],
        ),
      };
    case 'COMPLETE':
      return {
        type: 'Action.ShowCard',
        title: 'Mark complete',
        card: innerCard(
          [
            {
              type: 'Input.Text',
              id: INPUT_IDS.completionNote,
              label: 'What was done? (for the minutes)',
              isMultiline: true,
              isRequired: true,
              errorMessage: 'Say what was done.',
              maxLength: 4000,
            },
          ],
          [execute(CARD_VERBS.complete, 'Mark complete', ref, { style: 'positive' })],
        ),
      };
    case 'CANNOT_COMPLETE':
      return {
        type: 'Action.ShowCard',
        title: "Can't complete",
        card: innerCard(
          [
            {
              type: 'Input.ChoiceSet',
              id: INPUT_IDS.cannotCompleteReason,
              label: 'Why not?',
              style: 'expanded',
              isRequired: true,
              errorMessage: 'Choose a reason.',
              choices: [
                { title: 'Circumstances changed', value: 'CIRCUMSTANCES_CHANGED' },
                { title: 'Not done by our agency', value: 'AGENCY_DID_NOT_DO_IT' },
              ],
            },
            {
              type: 'Input.Text',
              id: INPUT_IDS.cannotCompleteNote,
              label: 'Explain, for the panel',
              isMultiline: true,
              isRequired: true,
              errorMessage: 'Explain why.',
              maxLength: 4000,
            },
          ],
          [execute(CARD_VERBS.cannotComplete, "Record can't complete", ref, { style: 'destructive' })],
        ),
      };
  }
}
