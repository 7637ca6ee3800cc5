// What a withdrawn referral says: who withdrew it, when and why, and where to start afresh.
import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import type { Referral } from './referral-types';

export function WithdrawnReferral({ referral }: { referral: Referral }) {
  const when = referral.withdrawnAt
    ? new Date(referral.withdrawnAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    : null;
  return (
    <section aria-label="Withdrawn referral">
      <MessageBar intent="info" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>This referral was withdrawn</MessageBarTitle>
          {`${referral.withdrawnBy ? `By ${referral.withdrawnBy.displayName}` : 'Withdrawn'}${when ? ` on ${when}` : ''}: ${referral.withdrawalReason ?? 'no reason recorded'}`}
        </MessageBarBody>
      </MessageBar>
      <Body1 as="p">
        <RouteLink to={pageAddress('refer')}>Start a new referral</RouteLink>
      </Body1>
    </section>
  );
}
