// Whether an action reached its owner in Teams, in words: a badge on list rows and the fuller note on
// the action's page, with what the chair can do instead.
import { Badge, MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import type { OwnerDelivery } from '../api/actions';
import { formatDateTime } from './words';

const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap' } });

type Delivery = NonNullable<OwnerDelivery>;
type Undelivered = Delivery & { status: 'UNREACHABLE' | 'FAILED' };

/** The owner did not get the card or reminders: Teams refused them, or they were given up on. */
export function isUndelivered(delivery: OwnerDelivery): delivery is Undelivered {
  return delivery?.status === 'UNREACHABLE' || delivery?.status === 'FAILED';
}

/** "Not reached in Teams since 20 Nov 2026, 11:00": text, so it does not rely on colour. */
export function notReachedWords(delivery: Undelivered): string {
  return `Not reached in Teams since ${formatDateTime(delivery.since)}`;
}

/** On a list row, only when the owner is not being reached; a delivered action needs nothing. */
export function OwnerNotReachedBadge({ delivery }: { delivery: OwnerDelivery }) {
  const styles = useStyles();
  if (!isUndelivered(delivery)) return null;
  return (
    <Badge appearance="tint" color="warning" className={styles.badge} title={delivery.reason ?? undefined}>
      {notReachedWords(delivery)}
    </Badge>
  );
}

/** How a delivered, waiting or unsent action stands, in a sentence for the chair. */
function standingWords(delivery: Delivery, owner: string): [string, string] {
  const since = delivery.since ? ` (${formatDateTime(delivery.since)})` : '';
  if (delivery.status === 'DELIVERED') return ['Delivered', `The card or last reminder reached ${owner} in Teams${since}.`];
  if (delivery.status === 'PENDING')
    return ['Waiting for Teams', `Teams has not taken the message for ${owner} yet${since}; it is tried again shortly.`];
  return ['Nothing sent yet', `Nothing has been sent to ${owner} in Teams yet.`];
}

/** On the action's page: how its card and reminders stand, and what to do when they do not arrive. */
export function OwnerDeliveryNote({ delivery, owner }: { delivery: Delivery; owner: string }) {
  if (isUndelivered(delivery)) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {owner} is not getting this action in Teams (since {formatDateTime(delivery.since)})
          </MessageBarTitle>
          {delivery.reason} Phone or email them to chase it, or reassign the action to someone who can be reached. This note clears once a
          card or reminder reaches them.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const [state, sentence] = standingWords(delivery, owner);
  return (
    <p>
      <strong>{state}.</strong> {sentence}
    </p>
  );
}
