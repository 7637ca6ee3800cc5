// The partnership admin's agencies: the list, adding one, renaming or retyping it, the tenant its
// people sign in from, and deactivating it (refused, with the list, while it owns unfinished actions).
import { useState, type FormEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import type { Answer } from '../../api/answers';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { sentenceCase } from '../../components/words';
import { useApi } from '../../session/session';
import { AgencyTypeDropdown } from '../../components/AgencyTypeDropdown';
import type { AgencyType } from './admin-words';

type Agency = Answer<'/api/agencies'>[number];

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', marginTop: tokens.spacingVerticalS },
  notice: { marginBottom: tokens.spacingVerticalM },
  refusal: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

interface Draft {
  id: string | null;
  name: string;
  type: AgencyType | '';
  guestTenantId: string;
}

const EMPTY: Draft = { id: null, name: '', type: '', guestTenantId: '' };

export default function AgenciesPage() {
  const styles = useStyles();
  const api = useApi();
  const agencies = useApiQuery('/api/agencies');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    setNotice(null);
    const body = { name: draft.name, type: (draft.type || undefined) as AgencyType, guestTenantId: draft.guestTenantId.trim() || null };
    try {
      const saved = draft.id
        ? await answerOf(api.PATCH('/api/agencies/{agencyId}', { params: { path: { agencyId: draft.id } }, body }))
        : await answerOf(api.POST('/api/agencies', { body }));
      setNotice(`${saved.name} was ${draft.id ? 'saved' : 'added'}.`);
      setDraft(EMPTY);
      agencies.reload();
    } catch (error) {
      setFormError(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const deactivate = async (agency: Agency) => {
    setBusy(true);
    setRefusal(null);
    setNotice(null);
    try {
      await answerOf(api.POST('/api/agencies/{agencyId}/deactivation', { params: { path: { agencyId: agency.id } } }));
      setNotice(`${agency.name} was deactivated: its members can no longer sign in.`);
      agencies.reload();
    } catch (error) {
      setRefusal(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const columns: DataColumn<Agency>[] = [
    { id: 'name', header: 'Agency', cell: (row) => row.name, sortValue: (row) => row.name },
    { id: 'type', header: 'Type', cell: (row) => sentenceCase(row.type), sortValue: (row) => row.type },
    { id: 'tenant', header: 'Signs in from', cell: (row) => (row.guestTenantId ? `Tenant ${row.guestTenantId}` : 'This organisation') },
    { id: 'members', header: 'Active members', cell: (row) => row.activeMembers, sortValue: (row) => row.activeMembers },
    { id: 'status', header: 'Status', cell: (row) => (row.isActive ? 'Active' : 'Deactivated') },
    {
      id: 'do',
      header: 'Change',
      cell: (row) =>
        row.isActive ? (
          <>
            <Button
              size="small"
              disabled={busy}
              aria-label={`Edit ${row.name}`}
              onClick={() => setDraft({ id: row.id, name: row.name, type: row.type, guestTenantId: row.guestTenantId ?? '' })}
            >
              Edit
            </Button>{' '}
            <Button size="small" disabled={busy} aria-label={`Deactivate ${row.name}`} onClick={() => void deactivate(row)}>
              Deactivate
            </Button>
          </>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title="Agencies" description="The agencies of the partnership, and the organisation their people sign in from." />
      {notice && (
        <MessageBar className={styles.notice} intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {refusal && (
        <MessageBar className={styles.notice} intent="warning" role="alert">
          <MessageBarBody>
            {refusal.message}
            {Object.keys(refusal.fields).length > 0 && (
              <ul className={styles.refusal} aria-label="Unfinished actions">
                {Object.entries(refusal.fields).map(([field, message]) => (
                  <li key={field}>{message}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <QueryView query={agencies} loadingLabel="Loading agencies" errorTitle="Could not load the agencies">
        {(list) => (
          <section className={styles.section} aria-labelledby="agencies-heading">
            <Subtitle2 as="h2" id="agencies-heading">
              Agencies of the partnership
            </Subtitle2>
            <DataTable label="Agencies" columns={columns} rows={list} rowKey={(row) => row.id} />
          </section>
        )}
      </QueryView>
      <section className={styles.section} aria-labelledby="agency-form-heading">
        <Subtitle2 as="h2" id="agency-form-heading">
          {draft.id ? `Edit ${draft.name || 'agency'}` : 'Add an agency'}
        </Subtitle2>
        {formError && !Object.keys(formError.fields).length && (
          <MessageBar className={styles.notice} intent="error" role="alert">
            <MessageBarBody>{formError.message}</MessageBarBody>
          </MessageBar>
        )}
        <form className={styles.form} onSubmit={(event) => void save(event)} aria-labelledby="agency-form-heading">
          <Field label="Name" required validationMessage={formError?.fields.name}>
            <Input value={draft.name} onChange={(_, data) => setDraft({ ...draft, name: data.value })} />
          </Field>
          <Field label="Type" required validationMessage={formError?.fields.type}>
            <AgencyTypeDropdown value={draft.type} onChange={(type) => setDraft({ ...draft, type })} />
          </Field>
          <Field
            label="Partner tenant id"
            hint="For a partner whose people sign in from their own organisation; empty for this one."
            validationMessage={formError?.fields.guestTenantId}
          >
            <Input value={draft.guestTenantId} onChange={(_, data) => setDraft({ ...draft, guestTenantId: data.value })} />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy}>
            {draft.id ? 'Save agency' : 'Add agency'}
          </Button>
          {draft.id && (
            <Button type="button" onClick={() => setDraft(EMPTY)} disabled={busy}>
              Cancel
            </Button>
          )}
        </form>
      </section>
    </>
  );
}
