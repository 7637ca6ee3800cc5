// The audit trail for auditors: who did what to which record, filtered and paged newest first, with
// a check of the hash chain and a CSV download. Each look is itself recorded by the server.
import { useState, type FormEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session';
import type { Answer } from '../../api/answers';

type AuditPage = Answer<'/api/audit'>;
type AuditRow = AuditPage['events'][number];

type ChainCheck = Answer<'/api/audit/verify'>;

const FILTERS = [
  { name: 'event', label: 'Event', hint: 'Such as case.read, or case. for every case event' },
  { name: 'entityType', label: 'Record type', hint: 'Such as Case, Person or Action' },
  { name: 'entityId', label: 'Record id', hint: '' },
  { name: 'from', label: 'From', hint: '', type: 'date' as const },
  { name: 'to', label: 'To', hint: '', type: 'date' as const },
] as const;

type Filter = Partial<Record<(typeof FILTERS)[number]['name'] | 'cursor', string>>;

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    marginBottom: tokens.spacingVerticalL,
  },
  more: { marginTop: tokens.spacingVerticalM },
  check: { marginBottom: tokens.spacingVerticalL },
});

/** The filter as the API's query: the fields left empty are left out. */
const queryOf = (filter: Filter): Filter => Object.fromEntries(Object.entries(filter).filter(([, value]) => value));
const when = (at: string) => new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

const COLUMNS: DataColumn<AuditRow>[] = [
  { id: 'at', header: 'When', cell: (row) => when(row.at), sortValue: (row) => Number(row.seq) },
  {
    id: 'who',
    header: 'Who',
    cell: (row) => row.actor?.displayName ?? (row.actorKind === 'SYSTEM' ? 'The app' : 'Unknown member'),
    sortValue: (row) => row.actor?.displayName ?? '',
  },
  { id: 'event', header: 'Event', cell: (row) => row.event, sortValue: (row) => row.event },
  { id: 'record', header: 'Record', cell: (row) => `${row.entityType}${row.entityId ? ` ${row.entityId}` : ''}` },
];

export default function AuditTrailPage() {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState<Filter>({});
  const [filter, setFilter] = useState<Filter>({});
  const first = useApiQuery('/api/audit', { params: { query: queryOf(filter) } });
  const [older, setOlder] = useState<{ rows: AuditRow[]; nextCursor: string | null } | null>(null);
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const [failure, setFailure] = useState<{ title: string; error: ApiError; retry: () => void } | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setOlder(null);
    setFilter({ ...draft });
  };
  /** Runs a button's work; a failure is shown with a Retry that runs it again. */
  const run = async (title: string, work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure({ title, error: asApiError(error), retry: () => void run(title, work) });
    } finally {
      setBusy(false);
    }
  };
  const showOlder = (cursor: string) =>
    run('Could not load older entries', async () => {
      const page = await answerOf(api.GET('/api/audit', { params: { query: queryOf({ ...filter, cursor }) } }));
      setOlder({ rows: [...(older?.rows ?? []), ...page.events], nextCursor: page.nextCursor });
    });
  const checkChain = () => run('Could not check the trail', async () => setCheck(await answerOf(api.GET('/api/audit/verify'))));
  const download = () =>
    run('Could not download the trail', async () => {
      const csv = await answerOf(api.GET('/api/audit/export', { params: { query: queryOf(filter) }, parseAs: 'text' }));
      const link = window.document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = 'audit-trail.csv';
      link.click();
      URL.revokeObjectURL(link.href);
    });

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every read of personal data, every search and every change, newest first."
        actions={
          <>
            <Button onClick={() => void checkChain()} disabled={busy}>
              Check the trail is intact
            </Button>
            <Button onClick={() => void download()} disabled={busy}>
              Download CSV
            </Button>
          </>
        }
      />
      {failure && <ErrorState title={failure.title} error={failure.error} onRetry={failure.retry} />}
      {check && (
        <MessageBar className={styles.check} intent={check.ok ? 'success' : 'error'} layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{check.ok ? 'The trail is intact' : 'The trail has been tampered with'}</MessageBarTitle>
            {check.ok
              ? `All ${check.checked} entries match their recorded hashes.`
              : `Entry ${check.brokenAt?.seq ?? '?'} does not match what was recorded (${check.brokenAt?.reason === 'LINK_MISMATCH' ? 'its link to the entry before' : 'its content'}). ${check.checked} entries before it are intact.`}
          </MessageBarBody>
        </MessageBar>
      )}
      <form className={styles.filters} onSubmit={apply} aria-label="Filter the audit trail">
        {FILTERS.map((field) => (
          <Field key={field.name} label={field.label} hint={field.hint || undefined}>
            <Input
              type={'type' in field ? field.type : 'text'}
              value={draft[field.name] ?? ''}
              onChange={(_event, data) => setDraft({ ...draft, [field.name]: data.value })}
            />
          </Field>
        ))}
        <Button type="submit" appearance="primary">
          Apply filters
        </Button>
      </form>
      <QueryView query={first} loadingLabel="Loading the audit trail" errorTitle="Could not load the audit trail">
        {(page) => {
          const rows = [...page.events, ...(older?.rows ?? [])];
          const next = older ? older.nextCursor : page.nextCursor;
          return (
            <>
              <DataTable
                label="Audit trail entries"
                columns={COLUMNS}
                rows={rows}
                rowKey={(row) => row.seq}
                empty={
                  <EmptyState
                    title="No entries"
                    whatToDo="Nothing in the trail matches these filters. Clear a filter or widen the dates."
                  />
                }
              />
              {next && (
                <Button className={styles.more} onClick={() => void showOlder(next)} disabled={busy}>
                  Show older entries
                </Button>
              )}
            </>
          );
        }}
      </QueryView>
    </>
  );
}
