// Who has read the case: for chairs and auditors only (the API refuses everyone else).
import { useApiQuery } from '../../api/use-api-query';
import { DataTable } from '../../components/DataTable';
import { QueryView } from '../../components/QueryView';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../components/words';

export function CaseViewersSection({ caseId }: { caseId: string }) {
  const viewers = useApiQuery('/api/cases/{caseId}/viewers', { params: { path: { caseId } } });
  return (
    <Section id="viewers" title="Who viewed this case">
      <QueryView query={viewers} loadingLabel="Loading who viewed the case" errorTitle="Could not load who viewed the case">
        {(data) => (
          <DataTable
            label="Members who viewed this case"
            rows={data.viewers}
            rowKey={(viewer) => viewer.member.id}
            initialSort={{ columnId: 'last', direction: 'descending' }}
            columns={[
              {
                id: 'who',
                header: 'Member',
                cell: (viewer) => viewer.member.displayName,
                sortValue: (viewer) => viewer.member.displayName,
              },
              { id: 'agency', header: 'Agency', cell: (viewer) => viewer.agency.name, sortValue: (viewer) => viewer.agency.name },
              { id: 'views', header: 'Views', cell: (viewer) => viewer.views, sortValue: (viewer) => viewer.views },
              {
                id: 'last',
                header: 'Last viewed',
                cell: (viewer) => formatDateTime(viewer.lastViewedAt),
                sortValue: (viewer) => viewer.lastViewedAt,
              },
            ]}
          />
        )}
      </QueryView>
    </Section>
  );
}
