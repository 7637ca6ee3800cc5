// The partnership admin's members: find a person in the organisation's directory (partner agencies'
// guests included), add them with an agency and roles, change a member's roles, deactivate a leaver.
import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  FieldContextProvider,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { asApiError, type ApiError } from '../../api/api-error';
import { answerOf } from '../../api/client';
import type { Answer } from '../../api/answers';
import { useApiQuery } from '../../api/use-api-query';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session';
import { ROLE_CHOICES, type MemberRole } from './admin-words';

type Member = Answer<'/api/members'>[number];
type Person = Answer<'/api/directory/people'>[number];

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', marginTop: tokens.spacingVerticalS },
  roles: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  notice: { marginBottom: tokens.spacingVerticalM },
});

const roleWords = (roles: readonly string[]) =>
  roles.map((role) => ROLE_CHOICES.find((choice) => choice.role === role)?.label ?? role).join(', ');

/** Who the form is for: a person from the directory to add, or a member whose roles change. */
type Target = { kind: 'add'; person: Person } | { kind: 'roles'; member: Member };

export default function MembersPage() {
  const styles = useStyles();
  const api = useApi();
  const members = useApiQuery('/api/members');
  const agencies = useApiQuery('/api/agencies');
  const [text, setText] = useState('');
  const [found, setFound] = useState<Person[] | null>(null);
  const [searchError, setSearchError] = useState<ApiError | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const [roles, setRoles] = useState<MemberRole[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSearchError(null);
    try {
      setFound(await answerOf(api.GET('/api/directory/people', { params: { query: { text } } })));
    } catch (error) {
      setFound(null);
      setSearchError(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const choose = (next: Target) => {
    setTarget(next);
    setFormError(null);
    setNotice(null);
    setAgencyId(next.kind === 'roles' ? next.member.agency.id : '');
    setRoles(next.kind === 'roles' ? next.member.roles : []);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setBusy(true);
    setFormError(null);
    try {
      if (target.kind === 'add') {
        const { person } = target;
        const added = await answerOf(
          api.POST('/api/members', {
            body: { entraObjectId: person.entraObjectId, agencyId, roles },
          }),
        );
        setNotice(`${added.displayName} was added as ${roleWords(added.roles).toLowerCase()} of ${added.agency.name}.`);
        setFound(null);
        setText('');
      } else {
        const changed = await answerOf(
          api.PUT('/api/members/{memberId}/roles', { params: { path: { memberId: target.member.id } }, body: { roles } }),
        );
        setNotice(`${changed.displayName} is now ${roleWords(changed.roles).toLowerCase()}.`);
      }
      setTarget(null);
      members.reload();
    } catch (error) {
      setFormError(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const deactivate = async (member: Member) => {
    setBusy(true);
    setNotice(null);
    setFormError(null);
    try {
      const done = await answerOf(api.POST('/api/members/{memberId}/deactivation', { params: { path: { memberId: member.id } } }));
      setNotice(
        `${done.displayName} was deactivated.${done.unfinishedActions > 0 ? ` Their chairs will see their ${done.unfinishedActions} unfinished actions to reassign.` : ''}`,
      );
      members.reload();
    } catch (error) {
      setFormError(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const personColumns: DataColumn<Person>[] = [
    { id: 'name', header: 'Name', cell: (row) => row.displayName },
    { id: 'email', header: 'E-mail', cell: (row) => row.email ?? row.userPrincipalName },
    { id: 'job', header: 'Job title', cell: (row) => row.jobTitle ?? '—' },
    { id: 'guest', header: 'Account', cell: (row) => (row.isGuest ? 'Guest (partner agency)' : 'This organisation') },
    {
      id: 'do',
      header: 'Add',
      cell: (row) =>
        row.memberId ? (
          'Already a member'
        ) : (
          <Button size="small" disabled={busy} aria-label={`Add ${row.displayName}`} onClick={() => choose({ kind: 'add', person: row })}>
            Add
          </Button>
        ),
    },
  ];

  const memberColumns: DataColumn<Member>[] = [
    { id: 'name', header: 'Name', cell: (row) => row.displayName, sortValue: (row) => row.displayName },
    { id: 'agency', header: 'Agency', cell: (row) => row.agency.name, sortValue: (row) => row.agency.name },
    { id: 'roles', header: 'Roles', cell: (row) => roleWords(row.roles) },
    { id: 'actions', header: 'Unfinished actions', cell: (row) => row.unfinishedActions, sortValue: (row) => row.unfinishedActions },
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
              aria-label={`Change roles of ${row.displayName}`}
              onClick={() => choose({ kind: 'roles', member: row })}
            >
              Roles
            </Button>{' '}
            <Button size="small" disabled={busy} aria-label={`Deactivate ${row.displayName}`} onClick={() => void deactivate(row)}>
              Deactivate
            </Button>
          </>
        ) : null,
    },
  ];

  const activeAgencies = agencies.status === 'ready' ? agencies.data.filter((agency) => agency.isActive) : [];

  return (
    <>
      <PageHeader title="Members" description="The people who use ASB Panels, their agency and what their roles let them do." />
      {notice && (
        <MessageBar className={styles.notice} intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.section} aria-labelledby="directory-heading">
        <Subtitle2 as="h2" id="directory-heading">
          Find someone in the directory
        </Subtitle2>
        <form className={styles.form} onSubmit={(event) => void search(event)} role="search" aria-labelledby="directory-heading">
          <Field label="Name or e-mail address" validationMessage={searchError?.fields.text ?? searchError?.message}>
            <Input value={text} onChange={(_, data) => setText(data.value)} />
          </Field>
          <Button type="submit" disabled={busy}>
            Find
          </Button>
        </form>
        {found && (
          <DataTable
            label="People found"
            columns={personColumns}
            rows={found}
            rowKey={(row) => row.entraObjectId}
            empty="Nobody in the directory starts that way."
          />
        )}
      </section>
      {target && (
        <section className={styles.section} aria-labelledby="member-form-heading">
          <Subtitle2 as="h2" id="member-form-heading">
            {target.kind === 'add' ? `Add ${target.person.displayName}` : `Roles of ${target.member.displayName}`}
          </Subtitle2>
          {formError && (
            <MessageBar className={styles.notice} intent="error" role="alert">
              <MessageBarBody>{formError.message}</MessageBarBody>
            </MessageBar>
          )}
          <form className={styles.form} onSubmit={(event) => void save(event)} aria-labelledby="member-form-heading">
            {target.kind === 'add' && (
              <Field label="Agency" required validationMessage={formError?.fields.agencyId}>
                <Select value={agencyId} onChange={(_, data) => setAgencyId(data.value)}>
                  <option value="">Choose their agency</option>
                  {activeAgencies.map((agency) => (
                    <option key={agency.id} value={agency.id}>
                      {agency.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field label="Roles" validationMessage={formError?.fields.roles}>
              <div className={styles.roles} role="group" aria-label="Roles">
                {/* Without this, every checkbox takes the field's one control id, and each label ticks the first box. */}
                <FieldContextProvider value={undefined}>
                  {ROLE_CHOICES.map((choice) => (
                    <Checkbox
                      key={choice.role}
                      label={choice.label}
                      checked={roles.includes(choice.role)}
                      onChange={(_, data) =>
                        setRoles(data.checked ? [...roles, choice.role] : roles.filter((role) => role !== choice.role))
                      }
                    />
                  ))}
                </FieldContextProvider>
              </div>
            </Field>
            <Button type="submit" appearance="primary" disabled={busy}>
              {target.kind === 'add' ? 'Add member' : 'Save roles'}
            </Button>
            <Button type="button" onClick={() => setTarget(null)} disabled={busy}>
              Cancel
            </Button>
          </form>
        </section>
      )}
      <QueryView query={members} loadingLabel="Loading members" errorTitle="Could not load the members">
        {(list) => (
          <section className={styles.section} aria-labelledby="members-heading">
            <Subtitle2 as="h2" id="members-heading">
              Members of the partnership
            </Subtitle2>
            <DataTable label="Members" columns={memberColumns} rows={list} rowKey={(row) => row.id} />
          </section>
        )}
      </QueryView>
    </>
  );
}
