// "Refer": the guided referral form, new or resumed from a draft (`referrals/:referralId`), with
// the referrer's other drafts listed so nothing half-done is forgotten.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { useApiQuery } from '../../api/use-api-query';
import { pageAddress } from '../../router/addresses';
import { RouteLink } from '../../router/RouteLink';
import { useSession } from '../../session/session';
import type { PageProps } from '../../router/pages';
import { ReferralForm } from './ReferralForm';
import { WithdrawnReferral } from './WithdrawnReferral';
import { SUBJECT_LABELS, type Referral } from './referral-types';

const useStyles = makeStyles({
  drafts: { marginBottom: tokens.spacingVerticalXL },
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  // Links one above another need 24 px each to be hit reliably by touch (WCAG 2.5.8).
  draft: { minHeight: '24px', lineHeight: '24px', marginBottom: tokens.spacingVerticalXS },
});

const draftLabel = (referral: Pick<Referral, 'subjectType' | 'draft' | 'updatedAt'>) => {
  const subject = referral.draft?.subject ?? {};
  const about = referral.subjectType === 'LOCATION' ? subject.address : [subject.givenName, subject.familyName].filter(Boolean).join(' ');
  const when = new Date(referral.updatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return `${SUBJECT_LABELS[referral.subjectType]}${about ? `: ${about}` : ''} (last saved ${when})`;
};

function YourDrafts({ exceptId }: { exceptId: string | null }) {
  const styles = useStyles();
  const drafts = useApiQuery('/api/referrals', { params: { query: { status: 'DRAFT' } } });
  if (drafts.status !== 'ready') return null;
  const others = drafts.data.referrals.filter((r) => r.id !== exceptId);
  if (others.length === 0) return null;
  return (
    <section className={styles.drafts} aria-labelledby="drafts-heading">
      <Subtitle2 as="h2" id="drafts-heading">
        Your unfinished referrals
      </Subtitle2>
      <ul className={styles.list}>
        {others.map((r) => (
          <li key={r.id} className={styles.draft}>
            <RouteLink to={pageAddress(`referrals/${r.id}`)}>{draftLabel({ ...r, draft: r.draft ?? null })}</RouteLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SubmittedReferral({ referral }: { referral: Referral }) {
  const latest = referral.assessments.at(-1);
  return (
    <section aria-label="Submitted referral">
      <Body1 as="p">{`This referral was ${referral.status.toLowerCase()}${referral.case ? ` as case ${referral.case.reference}` : ''}${latest ? `, scored ${latest.score} (${latest.finalBand.toLowerCase()})` : ''}.`}</Body1>
      {referral.routingExplanation && <Body1 as="p">{referral.routingExplanation}</Body1>}
    </section>
  );
}

export default function ReferPage({ params }: PageProps) {
  const { member } = useSession();
  if (!member.capabilities.includes('referral.create')) {
    return (
      <>
        <PageHeader title="Refer" />
        <EmptyState
          title="Your role does not make referrals"
          whatToDo="Referrals are made by referrers, panel members and chairs. Ask your partnership administrator if you need to refer."
        />
      </>
    );
  }
  return <ReferralPages referralId={params.referralId ?? null} />;
}

function ReferralPages({ referralId }: { referralId: string | null }) {
  const navigate = useNavigate();
  // Each "Refer another" starts a fresh, empty form.
  const [round, setRound] = useState(0);
  const referAnother = () => {
    setRound((current) => current + 1);
    if (referralId !== null) void navigate(pageAddress('refer'));
  };
  const templates = useApiQuery('/api/risk-templates');
  const referral = useApiQuery('/api/referrals/{referralId}', { params: { path: { referralId: referralId ?? '' } }, skip: !referralId });
  return (
    <>
      <PageHeader
        title="Refer"
        description="Refer a victim, a perpetrator or a problem location. One assessment, the same for every agency, decides how serious it is and which panel hears it."
      />
      <YourDrafts exceptId={referralId} />
      <QueryView query={templates} loadingLabel="Loading the risk questions" errorTitle="Could not load the risk questions">
        {({ templates: list }) =>
          referralId === null ? (
            <ReferralForm
              key={`new-${round}`}
              initial={{ id: null, subjectType: null, draft: {} }}
              templates={list}
              onReferAnother={referAnother}
            />
          ) : (
            <QueryView query={referral} loadingLabel="Loading your referral" errorTitle="Could not load this referral">
              {(found) =>
                found.status === 'DRAFT' ? (
                  <ReferralForm
                    key={found.id}
                    initial={{ id: found.id, subjectType: found.subjectType, draft: found.draft ?? {} }}
                    templates={list}
                    onReferAnother={referAnother}
                  />
                ) : found.status === 'WITHDRAWN' ? (
                  <WithdrawnReferral referral={found} />
                ) : (
                  <SubmittedReferral referral={found} />
                )
              }
            </QueryView>
          )
        }
      </QueryView>
    </>
  );
}
