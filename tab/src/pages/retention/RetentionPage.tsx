// Retention review for partnership administrators: how long after closure a case comes up for
// review, the closed cases now due, and anonymising one (after a confirmation, as it cannot be undone).
import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session';
import { formatLongDate } from '../../components/words';
import type { Answer } from '../../api/answers';

type DueList = Answer<'/api/retention/due'>;
type DueCase = DueList['cases'][number];

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  period: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', marginBottom: tokens.spacingVerticalM },
  notice: { marginBottom: tokens.spacingVerticalM },
});

export default function RetentionPage() {
  const styles = useStyles();
  const api = useApi();
  const due = useApiQuery('/api/retention/due');
  const [months, setMonths] = useState<string | null>(null);
  const [monthsError, setMonthsError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState<DueCase | null>(null);
  const [busy, setBusy] = useState(false);

  const savePeriod = async (event: FormEvent, current: number) => {
    event.preventDefault();
    setBusy(true);
    setMonthsError(null);
    setNotice(null);
    try {
      const saved = await answerOf(api.PUT('/api/retention/settings', { body: { retentionReviewMonths: Number(months ?? current) } }));
      setNotice(
        `Closed cases now come up for review ${saved.retentionReviewMonths} months after closure. ${saved.casesRedated} closed cases were re-dated.`,
      );
      setMonths(null);
      due.reload();
    } catch (error) {
      const problem = asApiError(error);
      setMonthsError(problem.fields.retentionReviewMonths ?? problem.message);
    } finally {
      setBusy(false);
    }
  };

  const anonymise = async (kase: DueCase) => {
    setBusy(true);
    setFailure(null);
    try {
      const done = await answerOf(api.POST('/api/retention/cases/{caseId}/anonymise', { params: { path: { caseId: kase.id } } }));
      const kept = done.keptPeopleIds.length;
      setNotice(
        `${kase.reference} was anonymised: ${done.anonymisedPeople} people.${kept > 0 ? ` ${kept} still part of another case were kept.` : ''}`,
      );
      due.reload();
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setConfirming(null);
      setBusy(false);
    }
  };

  const columns: DataColumn<DueCase>[] = [
    { id: 'reference', header: 'Case', cell: (row) => row.reference, sortValue: (row) => row.reference },
    { id: 'closed', header: 'Closed', cell: (row) => formatLongDate(row.closedOn), sortValue: (row) => row.closedOn },
    { id: 'review', header: 'Review due', cell: (row) => formatLongDate(row.reviewOn), sortValue: (row) => row.reviewOn },
    { id: 'lead', header: 'Lead agency', cell: (row) => row.leadAgency.name },
    { id: 'people', header: 'People', cell: (row) => row.counts.subjects },
    {
      id: 'do',
      header: 'Decision',
      cell: (row) => (
        <Button onClick={() => setConfirming(row)} disabled={busy} aria-label={`Anonymise ${row.reference}`}>
          Anonymise
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="Retention review" description="Closed cases come up for review after the partnership's retention period." />
      {notice && (
        <MessageBar className={styles.notice} intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {failure && <ErrorState title="Could not anonymise the case" error={failure} onRetry={() => setFailure(null)} />}
      <QueryView query={due} loadingLabel="Loading cases due for review" errorTitle="Could not load the cases due for review">
        {(list) => (
          <>
            <section className={styles.section} aria-labelledby="period-heading">
              <Subtitle2 as="h2" id="period-heading">
                Retention period
              </Subtitle2>
              <form className={styles.period} onSubmit={(event) => void savePeriod(event, list.retentionReviewMonths)}>
                <Field
                  label="Months after closure"
                  validationMessage={monthsError ?? undefined}
                  validationState={monthsError ? 'error' : 'none'}
                >
                  <Input
                    type="number"
                    value={months ?? String(list.retentionReviewMonths)}
                    onChange={(_event, data) => setMonths(data.value)}
                  />
                </Field>
                <Button type="submit" appearance="primary" disabled={busy}>
                  Save period
                </Button>
              </form>
            </section>
            <section aria-labelledby="due-heading">
              <Subtitle2 as="h2" id="due-heading">
                Due for review on {formatLongDate(list.today)}
              </Subtitle2>
              <DataTable
                label="Closed cases due for review"
                columns={columns}
                rows={list.cases}
                rowKey={(row) => row.id}
                empty={
                  <EmptyState
                    headingLevel={3}
                    title="No cases are due"
                    whatToDo="No closed case has reached the end of its retention period."
                  />
                }
              />
            </section>
          </>
        )}
      </QueryView>
      <Dialog open={confirming !== null} onOpenChange={(_event, data) => !data.open && setConfirming(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Anonymise {confirming?.reference}?</DialogTitle>
            <DialogContent>
              Names, dates of birth, addresses and notes about the people in this case will be replaced. Dates, risk bands and agencies
              stay, so the governance figures do not change. This cannot be undone.
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(null)}>
                Keep the case as it is
              </Button>
              <Button appearance="primary" disabled={busy} onClick={() => confirming && void anonymise(confirming)}>
                Anonymise
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
