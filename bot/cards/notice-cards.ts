// Cards that answer a click which could not be carried out: a refusal (the person is not entitled)
// and an error (something failed or the input was wrong). Both say what happened and what to do
// next, so no click ever ends in Teams' generic "Something went wrong".
import { card, execute, heading, text, type AdaptiveCard, type CardElement, type ExecuteAction } from './adaptive-card';

export interface RefusalCardView {
  /** What the person tried to do, e.g. "Accept this action". */
  attempted: string;
  /** Why not, in words they can act on, e.g. "Only the officer who owns this action can do this." */
  reason: string;
  /** What the card was about, e.g. "Action for case ASB-2026-0042", so the refusal is not cryptic. */
  about?: string | null;
}

export function buildRefusalCard(view: RefusalCardView): AdaptiveCard {
  const body: CardElement[] = [heading(`You can't do this: ${view.attempted.toLowerCase()}`), text(view.reason)];
  if (view.about) body.push(text(view.about, { isSubtle: true, spacing: 'small' }));
  return card(body, { fallbackText: `You can't do this. ${view.reason}` });
}

export interface ErrorCardView {
  title: string;
  message: string;
  /** A support reference (the request id), never the error's own text, which may hold personal data. */
  reference?: string | null;
  /** A button to try again, e.g. the refresh of the card the error replaced. */
  retry?: { verb: string; title: string; data: Record<string, unknown> } | null;
}

export function buildErrorCard(view: ErrorCardView): AdaptiveCard {
  const body: CardElement[] = [heading(view.title), text(view.message)];
  if (view.reference) body.push(text(`Reference: ${view.reference}`, { isSubtle: true, size: 'small', spacing: 'small' }));
  const actions: ExecuteAction[] = view.retry
    ? [execute(view.retry.verb, view.retry.title, view.retry.data, { associatedInputs: 'none' })]
    : [];
  return card(body, { actions, fallbackText: `${view.title}. ${view.message}` });
}
