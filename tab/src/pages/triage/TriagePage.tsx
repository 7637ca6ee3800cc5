// Referral triage for chairs: the referrals sent to each panel they chair, by status (awaiting a
// decision, accepted, declined, withdrawn); opening one shows what is missing from it and the decision form.
import { useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Answer } from '../../api/answers';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { RiskBadge } from '../../components/RiskBadge';
import { formatDate, sentenceCase } from '../../components/words';
import { TriageDecision } from './TriageDecision';

type Queue = Answer<'/api/referral-triage'>;
type QueueRow = Queue['referrals'][number];
export type TriageStatus = Queue['status'];

export const STATUS_CHOICES: readonly { status: TriageStatus; label: string }[] = [
  { status: 'SUBMITTED', label: 'Awaiting decision' },
  { status: 'ACCEPTED', label: 'Accepted' },
  { status: 'DECLINED', label: 'Declined' },
  { status: 'WITHDRAWN', label: 'Withdrawn' },
];

const useStyles = makeStyles({
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end', marginBottom: tokens.spacingVerticalM },
  notice: { marginBottom: tokens.spacingVerticalM },
});

export default function TriagePage() {
  const styles = useStyles();
  const [panelId, setPanelId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<TriageStatus>('SUBMITTED');
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [staleNotice, setStaleNotice] = useState<string | null>(null);
  const queue = useApiQuery('/api/referral-triage', { params: { query: { ...(panelId ? { panelId } : {}), status } } });

  const columns: DataColumn<QueueRow>[] = [
    { id: 'case', header: 'Case', cell: (row) => row.case?.reference ?? 'No case', sortValue: (row) => row.case?.reference },
    { id: 'subject', header: 'Referring', cell: (row) => sentenceCase(row.subjectType) },
    { id: 'risk', header: 'Risk', cell: (row) => <RiskBadge band={row.finalBand} /> },
    { id: 'from', header: 'From', cell: (row) => row.referrerAgency.name, sortValue: (row) => row.referrerAgency.name },
    { id: 'sent', header: 'Sent', cell: (row) => formatDate(row.submittedAt), sortValue: (row) => row.submittedAt },
    {
      id: 'redirected',
      header: 'Redirected from',
      cell: (row) => row.redirectedFrom?.name ?? '—',
    },
    {
      id: 'open',
      header: 'Triage',
      cell: (row) => (
        <Button
          size="small"
          appearance={row.id === openId ? 'primary' : 'secondary'}
          aria-label={`${row.id === openId ? 'Close' : 'Open'} the referral for case ${row.case?.reference ?? 'with no case'}`}
          aria-expanded={row.id === openId}
          onClick={() => {
            setNotice(null);
            setStaleNotice(null);
            setOpenId(row.id === openId ? null : row.id);
          }}
        >
          {row.id === openId ? 'Close' : 'Open'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="Referral triage" description="Referrals sent to the panels you chair: accept, decline or redirect them." />
      {notice && (
        <MessageBar className={styles.notice} intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <QueryView query={queue} loadingLabel="Loading referrals" errorTitle="Could not load the referrals">
        {(data) =>
          data.panels.length === 0 ? (
            <EmptyState title="You chair no panel" whatToDo="Referrals are triaged by the chairs of the panel they are sent to." />
          ) : (
            <>
              <div className={styles.controls}>
                <Field label="Panel">
                  <Select
                    value={data.panelId ?? ''}
                    onChange={(_event, choice) => {
                      setOpenId(null);
                      setPanelId(choice.value);
                    }}
                  >
                    {data.panels.map((panel) => (
                      <option key={panel.id} value={panel.id}>
                        {panel.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Status">
                  <Select
                    value={status}
                    onChange={(_event, choice) => {
                      setOpenId(null);
                      setStatus(choice.value as TriageStatus);
                    }}
                  >
                    {STATUS_CHOICES.map((choice) => (
                      <option key={choice.status} value={choice.status}>
                        {`${choice.label} (${data.panels.find((panel) => panel.id === data.panelId)?.counts[choice.status] ?? 0})`}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <DataTable
                label={`${STATUS_CHOICES.find((choice) => choice.status === status)?.label ?? ''} referrals`}
                columns={columns}
                rows={data.referrals}
                rowKey={(row) => row.id}
                empty={<EmptyState headingLevel={2} title="No referrals here" whatToDo="Choose another status or panel." />}
              />
              {openId && (
                <TriageDecision
                  key={openId}
                  referralId={openId}
                  onDecided={(message) => {
                    setNotice(message);
                    setOpenId(null);
                    queue.reload();
                  }}
                  staleNotice={staleNotice}
                  onStale={(message) => {
                    setStaleNotice(message);
                    queue.reload();
                  }}
                />
              )}
            </>
          )
        }
      </QueryView>
    </>
  );
}
