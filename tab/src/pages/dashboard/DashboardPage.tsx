// Governance figures for the Community Safety Partnership over a period, with a CSV export.
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import { downloaded } from '../../api/client';
import { useApiQuery, type ReadParams } from '../../api/use-api-query';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PeriodPicker } from '../../components/PeriodPicker';
import { QueryView } from '../../components/QueryView';
import { formatDate } from '../../components/words';
import { useApi } from '../../session/session';
import type { PageProps } from '../../router/pages';
import { GovernanceSections } from './GovernanceSections';

type PeriodQuery = NonNullable<ReadParams<'/api/governance/figures'>['query']>;

function periodQuery(query: URLSearchParams): PeriodQuery {
  const period: PeriodQuery = {};
  for (const key of ['from', 'to'] as const) {
    const value = query.get(key);
    if (value) period[key] = value;
  }
  return period;
}

/** Saves the CSV through the API client (a plain link could not carry the sign-in). */
function useCsvExport(period: PeriodQuery) {
  const api = useApi();
  const [state, setState] = useState<{ busy: boolean; error: ApiError | null }>({ busy: false, error: null });
  const exportCsv = async () => {
    setState({ busy: true, error: null });
    try {
      const { blob, filename } = await downloaded(api.GET('/api/governance/figures.csv', { params: { query: period }, parseAs: 'blob' }));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = filename ?? 'governance-figures.csv';
      link.click();
      URL.revokeObjectURL(link.href);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: asApiError(error) });
    }
  };
  return { ...state, exportCsv };
}

export default function DashboardPage({ query }: PageProps) {
  const asked = periodQuery(query);
  const figures = useApiQuery('/api/governance/figures', { params: { query: asked } });
  const csv = useCsvExport(asked);
  const period = figures.status === 'ready' ? figures.data.period : null;
  return (
    <>
      <PageHeader
        title="Governance figures"
        description={
          period ? `From ${formatDate(period.from)} to ${formatDate(period.to)}.` : 'For the Community Safety Partnership board.'
        }
        actions={
          <Button onClick={() => void csv.exportCsv()} disabled={csv.busy || figures.status !== 'ready'}>
            {csv.busy ? 'Exporting…' : 'Export CSV'}
          </Button>
        }
      />
      <PeriodPicker pagePath="dashboard" period={period} />
      {csv.error && <ErrorState title="Could not export the figures" error={csv.error} onRetry={() => void csv.exportCsv()} />}
      <QueryView query={figures} loadingLabel="Loading the figures" errorTitle="Could not load the figures">
        {(data) => (
          <>
            {data.suppressed && (
              <MessageBar intent="info">
                <MessageBarBody>
                  Counts from 1 to 4 are withheld as “fewer than 5”, because your role does not see the cases behind them.
                </MessageBarBody>
              </MessageBar>
            )}
            <GovernanceSections figures={data} />
          </>
        )}
      </QueryView>
    </>
  );
}
