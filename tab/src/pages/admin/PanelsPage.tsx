// The partnership admin's panels: the list, adding one and changing one: its type, name, cadence,
// referral cut-off, length and minutes per case, its core and flexible agencies, and its chairs; and
// closing a panel the partnership no longer runs (refused while a meeting is to come), or reopening it.
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
import { useApiQuery } from '../../api/use-api-query';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { sentenceCase } from '../../components/words';
import { useApi } from '../../session/session';
import { PANEL_TYPES, type PanelType } from './admin-words';
import {
  changedSettings,
  chairsChanged,
  draftOf,
  EMPTY_DRAFT,
  listFieldMessage,
  seatsChanged,
  seatsOf,
  settingsOf,
  WEEKDAYS,
  WEEKS_OF_MONTH,
  type Panel,
  type PanelDraft,
  type Seat,
  type WeekOfMonth,
  type Weekday,
} from './panel-draft';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', marginTop: tokens.spacingVerticalS },
  number: { width: '10rem' },
  wide: { flexBasis: '100%' },
  choices: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  notice: { marginBottom: tokens.spacingVerticalM },
});

const typeWords = (type: PanelType) => PANEL_TYPES.find((choice) => choice.type === type)?.label ?? sentenceCase(type);
const WEEK_VALUES: Record<string, WeekOfMonth> = { 1: 1, 2: 2, 3: 3, 4: 4, LAST: 'LAST' };

export default function PanelsPage() {
  const styles = useStyles();
  const api = useApi();
  const panels = useApiQuery('/api/panels');
  const agencies = useApiQuery('/api/agencies');
  const members = useApiQuery('/api/members');
  const [draft, setDraft] = useState<PanelDraft>(EMPTY_DRAFT);
  const [saved, setSaved] = useState<Panel | null>(null);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [openingError, setOpeningError] = useState<string | null>(null);
  const change = (changes: Partial<PanelDraft>) => setDraft({ ...draft, ...changes });

  const edit = (panel: Panel | null) => {
    setDraft(panel ? draftOf(panel) : EMPTY_DRAFT);
    setSaved(panel);
    setFormError(null);
    setNotice(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    setNotice(null);
    let current = saved;
    try {
      const isNew = !current;
      if (!current) {
        current = await answerOf(api.POST('/api/panels', { body: { ...settingsOf(draft), type: (draft.type || undefined) as PanelType } }));
      } else {
        const changes = changedSettings(draft, current);
        if (Object.keys(changes).length > 0) {
          current = await answerOf(api.PATCH('/api/panels/{panelId}', { params: { path: { panelId: current.id } }, body: changes }));
        }
      }
      const panelId = current.id;
      if (isNew || seatsChanged(draft, current)) {
        current = await answerOf(
          api.PUT('/api/panels/{panelId}/agencies', { params: { path: { panelId } }, body: { agencies: seatsOf(draft) } }),
        );
      }
      if (isNew || chairsChanged(draft, current)) {
        current = await answerOf(
          api.PUT('/api/panels/{panelId}/chairs', { params: { path: { panelId } }, body: { memberIds: draft.chairIds } }),
        );
      }
      edit(null);
      setNotice(`${current.name} was ${isNew ? 'added' : 'saved'}: ${current.cadenceText}.`);
    } catch (error) {
      // A refused seat or chair leaves the form on the panel as saved so far: a panel just made is
      // edited from here on, never made twice.
      if (current) setSaved(current);
      setFormError(asApiError(error));
    } finally {
      setBusy(false);
      panels.reload();
    }
  };

  const setOpen = async (panel: Panel, open: boolean) => {
    setBusy(true);
    setOpeningError(null);
    setNotice(null);
    try {
      const params = { params: { path: { panelId: panel.id } } };
      const changed = await answerOf(
        open ? api.POST('/api/panels/{panelId}/reactivation', params) : api.POST('/api/panels/{panelId}/deactivation', params),
      );
      setNotice(
        open
          ? `${changed.name} was reopened: it takes referrals and meetings again.`
          : `${changed.name} was closed: it takes no referrals or meetings until it is reopened.`,
      );
    } catch (error) {
      setOpeningError(asApiError(error).message);
    } finally {
      setBusy(false);
      panels.reload();
    }
  };

  const columns: DataColumn<Panel>[] = [
    { id: 'name', header: 'Panel', cell: (row) => (row.isActive ? row.name : `${row.name} (closed)`), sortValue: (row) => row.name },
    { id: 'type', header: 'Type', cell: (row) => typeWords(row.type), sortValue: (row) => row.type },
    { id: 'cadence', header: 'Meets', cell: (row) => row.cadenceText },
    { id: 'cutoff', header: 'Cut-off', cell: (row) => `${row.referralCutoffDays} days before`, sortValue: (row) => row.referralCutoffDays },
    { id: 'length', header: 'Length', cell: (row) => `${row.meetingMinutes} min, ${row.defaultItemMinutes} per case` },
    {
      id: 'agencies',
      header: 'Agencies',
      cell: (row) =>
        row.agencies.map((agency) => `${agency.name}${agency.membership === 'FLEXIBLE' ? ' (flexible)' : ''}`).join(', ') || 'None yet',
    },
    { id: 'chairs', header: 'Chairs', cell: (row) => row.chairs.map((chair) => chair.displayName).join(', ') || 'None yet' },
    {
      id: 'do',
      header: 'Change',
      cell: (row) => (
        <div className={styles.choices}>
          <Button size="small" disabled={busy} aria-label={`Edit ${row.name}`} onClick={() => edit(row)}>
            Edit
          </Button>
          <Button
            size="small"
            disabled={busy}
            aria-label={`${row.isActive ? 'Close' : 'Reopen'} ${row.name}`}
            onClick={() => void setOpen(row, !row.isActive)}
          >
            {row.isActive ? 'Close' : 'Reopen'}
          </Button>
        </div>
      ),
    },
  ];

  const activeAgencies = agencies.status === 'ready' ? agencies.data.filter((agency) => agency.isActive) : [];
  const chairs = members.status === 'ready' ? members.data.filter((member) => member.isActive && member.roles.includes('PANEL_CHAIR')) : [];
  const fields = formError?.fields ?? {};
  const heading = saved ? `Edit ${saved.name}` : 'Add a panel';

  return (
    <>
      <PageHeader title="Panels" description="The partnership's panels: when they meet, when referrals close, who sits and who chairs." />
      {notice && (
        <MessageBar className={styles.notice} intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <QueryView query={panels} loadingLabel="Loading panels" errorTitle="Could not load the panels">
        {(list) => (
          <section className={styles.section} aria-labelledby="panels-heading">
            <Subtitle2 as="h2" id="panels-heading">
              Panels of the partnership
            </Subtitle2>
            {openingError && (
              <MessageBar className={styles.notice} intent="error" role="alert">
                <MessageBarBody>{openingError}</MessageBarBody>
              </MessageBar>
            )}
            <DataTable label="Panels" columns={columns} rows={list} rowKey={(row) => row.id} empty="No panels yet: add the first below." />
          </section>
        )}
      </QueryView>
      <section className={styles.section} aria-labelledby="panel-form-heading">
        <Subtitle2 as="h2" id="panel-form-heading">
          {heading}
        </Subtitle2>
        {formError && (
          <MessageBar className={styles.notice} intent="error" role="alert">
            <MessageBarBody>{formError.message}</MessageBarBody>
          </MessageBar>
        )}
        <form className={styles.form} onSubmit={(event) => void save(event)} aria-labelledby="panel-form-heading">
          <Field
            label="Type"
            required={!saved}
            hint={saved ? 'A panel keeps the type it was made with.' : undefined}
            validationMessage={fields.type}
          >
            <Select value={draft.type} disabled={!!saved} onChange={(_, data) => change({ type: data.value as PanelType })}>
              <option value="">Choose a type</option>
              {PANEL_TYPES.map((choice) => (
                <option key={choice.type} value={choice.type}>
                  {choice.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Name" required validationMessage={fields.name}>
            <Input value={draft.name} onChange={(_, data) => change({ name: data.value })} />
          </Field>
          <Field label="Meets" validationMessage={fields['cadence.kind']}>
            <Select
              value={draft.cadenceKind}
              onChange={(_, data) => change({ cadenceKind: data.value === 'EVERY_N_WEEKS' ? 'EVERY_N_WEEKS' : 'MONTHLY' })}
            >
              <option value="MONTHLY">Monthly, on a set weekday</option>
              <option value="EVERY_N_WEEKS">Every few weeks</option>
            </Select>
          </Field>
          {draft.cadenceKind === 'MONTHLY' ? (
            <>
              <Field label="Week of the month" validationMessage={fields['cadence.week']}>
                <Select value={String(draft.week)} onChange={(_, data) => change({ week: WEEK_VALUES[data.value] ?? 1 })}>
                  {WEEKS_OF_MONTH.map((choice) => (
                    <option key={choice.week} value={String(choice.week)}>
                      {choice.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Day" validationMessage={fields['cadence.weekday']}>
                <Select value={draft.weekday} onChange={(_, data) => change({ weekday: data.value as Weekday })}>
                  {WEEKDAYS.map((weekday) => (
                    <option key={weekday} value={weekday}>
                      {sentenceCase(weekday)}
                    </option>
                  ))}
                </Select>
              </Field>
            </>
          ) : (
            <>
              <Field label="Every how many weeks" validationMessage={fields['cadence.everyWeeks']}>
                <Input
                  className={styles.number}
                  type="number"
                  value={draft.everyWeeks}
                  onChange={(_, data) => change({ everyWeeks: data.value })}
                />
              </Field>
              <Field label="First meeting" validationMessage={fields['cadence.anchor']}>
                <Input type="date" value={draft.anchor} onChange={(_, data) => change({ anchor: data.value })} />
              </Field>
            </>
          )}
          <Field label="Referral cut-off (days before)" validationMessage={fields.referralCutoffDays}>
            <Input
              className={styles.number}
              type="number"
              value={draft.referralCutoffDays}
              onChange={(_, data) => change({ referralCutoffDays: data.value })}
            />
          </Field>
          <Field label="Meeting length (minutes)" validationMessage={fields.meetingMinutes}>
            <Input
              className={styles.number}
              type="number"
              value={draft.meetingMinutes}
              onChange={(_, data) => change({ meetingMinutes: data.value })}
            />
          </Field>
          <Field label="Minutes per case" validationMessage={fields.defaultItemMinutes}>
            <Input
              className={styles.number}
              type="number"
              value={draft.defaultItemMinutes}
              onChange={(_, data) => change({ defaultItemMinutes: data.value })}
            />
          </Field>
          <Field
            className={styles.wide}
            label="Agencies"
            hint="Core agencies sit at every meeting; flexible ones join when a case needs them."
            validationMessage={listFieldMessage(fields, 'agencies')}
          >
            <div className={styles.choices} role="group" aria-label="Agencies">
              {activeAgencies.map((agency) => (
                <Field key={agency.id} label={agency.name}>
                  <Select
                    value={draft.seats[agency.id] ?? ''}
                    onChange={(_, data) => change({ seats: { ...draft.seats, [agency.id]: data.value as Seat } })}
                  >
                    <option value="">Not on this panel</option>
                    <option value="CORE">Core</option>
                    <option value="FLEXIBLE">Flexible</option>
                  </Select>
                </Field>
              ))}
            </div>
          </Field>
          <Field
            className={styles.wide}
            label="Chairs"
            hint="Members with the chair role."
            validationMessage={listFieldMessage(fields, 'memberIds')}
          >
            <div className={styles.choices} role="group" aria-label="Chairs">
              {/* Without this, every checkbox takes the field's one control id, and each label ticks the first box. */}
              <FieldContextProvider value={undefined}>
                {chairs.map((member) => (
                  <Checkbox
                    key={member.id}
                    label={`${member.displayName} (${member.agency.name})`}
                    checked={draft.chairIds.includes(member.id)}
                    onChange={(_, data) =>
                      change({ chairIds: data.checked ? [...draft.chairIds, member.id] : draft.chairIds.filter((id) => id !== member.id) })
                    }
                  />
                ))}
              </FieldContextProvider>
            </div>
          </Field>
          <Button type="submit" appearance="primary" disabled={busy}>
            {saved ? 'Save panel' : 'Add panel'}
          </Button>
          {saved && (
            <Button type="button" onClick={() => edit(null)} disabled={busy}>
              Cancel
            </Button>
          )}
        </form>
      </section>
    </>
  );
}
