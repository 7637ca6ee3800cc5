// The case view: everything the panel knows about one case on one page, section by section.
import type { CaseOverview } from '../../api/cases';
import { useApiQuery } from '../../api/use-api-query';
import { FactList, type Fact } from '../../components/FactList';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { RiskBadge } from '../../components/RiskBadge';
import { Section } from '../../components/Section';
import { formatDate, sentenceCase } from '../../components/words';
import type { PageProps } from '../../router/pages';
import { CaseActions, CaseAgendaHistory, CaseIncidents, CaseInterventions } from './CaseRecords';
import { CaseConsent } from './CaseConsent';
import { CasePeopleAndPlaces } from './CasePeopleAndPlaces';
import { CaseViewersSection } from './CaseViewersSection';
import { RiskHistory } from './RiskHistory';

function CaseFacts({ overview }: { overview: CaseOverview }) {
  const { case: kase } = overview;
  const facts: Fact[] = [
    ['Risk', <RiskBadge key="risk" band={kase.currentRiskBand} />],
    ['Status', sentenceCase(kase.status)],
    ['Lead agency', kase.leadAgency.name],
    ['Opened', formatDate(kase.openedAt)],
    ['Last heard', formatDate(kase.lastHeardAt)],
    ['Next review', formatDate(kase.nextReviewDue)],
  ];
  if (kase.closedAt) facts.push(['Closed', `${formatDate(kase.closedAt)}${kase.closureReason ? `: ${kase.closureReason}` : ''}`]);
  return <FactList facts={facts} />;
}

export default function CasePage({ params }: PageProps) {
  const caseId = params.caseId ?? '';
  const overview = useApiQuery('/api/cases/{caseId}/overview', { params: { path: { caseId } } });
  const title = overview.status === 'ready' ? `Case ${overview.data.case.reference}` : 'Case';
  return (
    <>
      <PageHeader
        title={title}
        description={
          overview.status === 'ready' ? (overview.data.case.summary ?? `${sentenceCase(overview.data.case.kind)} case`) : undefined
        }
      />
      <QueryView query={overview} loadingLabel="Loading the case" errorTitle="Could not load the case">
        {(data) => (
          <>
            <CaseFacts overview={data} />
            <CasePeopleAndPlaces overview={data} />
            <CaseConsent overview={data} onChanged={overview.reload} />
            <Section id="risk" title="Risk history">
              <RiskHistory assessments={data.riskHistory} />
            </Section>
            <Section id="incidents" title="Incidents">
              <CaseIncidents incidents={data.incidents} />
            </Section>
            <Section id="agenda" title="Agenda history">
              <CaseAgendaHistory items={data.agendaHistory} />
            </Section>
            <Section id="actions" title="Actions">
              <CaseActions actions={data.actions} />
            </Section>
            <Section id="interventions" title="Interventions">
              <CaseInterventions interventions={data.interventions} />
            </Section>
            {data.access.mayListViewers && <CaseViewersSection caseId={data.case.id} />}
          </>
        )}
      </QueryView>
    </>
  );
}
