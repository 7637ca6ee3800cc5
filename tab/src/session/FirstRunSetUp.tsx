// The first run's set-up, shown to the person named at deployment when no partnership exists yet:
// the partnership, its area, whose bank holidays its deadlines skip, and the admin's own agency.
import { useState, type FormEvent } from 'react';
import { Body1, Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, makeStyles, tokens } from '@fluentui/react-components';
import { asApiError, type ApiError } from '../api/api-error';
import { answerOf, type SetUpClient } from '../api/client';
import type { BankHolidayRegion, PartnershipSetUp } from '../api/types';
import { AgencyTypeDropdown } from '../components/AgencyTypeDropdown';
import type { AgencyType } from '../pages/admin/admin-words';
import { GateFrame } from './GateFrame';

const REGIONS: readonly { region: BankHolidayRegion; label: string }[] = [
  { region: 'ENGLAND_AND_WALES', label: 'England and Wales' },
  { region: 'SCOTLAND', label: 'Scotland' },
  { region: 'NORTHERN_IRELAND', label: 'Northern Ireland' },
];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '28rem' },
});

interface Draft {
  partnershipName: string;
  area: string;
  bankHolidayRegion: BankHolidayRegion;
  agencyName: string;
  agencyType: AgencyType | '';
}

const EMPTY: Draft = { partnershipName: '', area: '', bankHolidayRegion: 'ENGLAND_AND_WALES', agencyName: '', agencyType: '' };

export function FirstRunSetUp({ setUp, onSetUp }: { setUp: SetUpClient; onSetUp: () => void }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // A field's refusal goes once it is changed; the others stay until the next try.
  const change = <Name extends keyof Draft>(field: Name, value: Draft[Name]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setFields(({ [field]: _answered, ...rest }) => rest);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      // An unchosen type goes as missing, so the server names the field like any other.
      await answerOf(
        setUp.POST('/api/setup', {
          body: { ...draft, agencyType: (draft.agencyType || undefined) as AgencyType } satisfies PartnershipSetUp,
        }),
      );
      onSetUp();
    } catch (failure) {
      const refusal = asApiError(failure);
      setError(refusal);
      setFields(refusal.fields);
      setBusy(false);
    }
  };

  const region = REGIONS.find((choice) => choice.region === draft.bankHolidayRegion);
  return (
    <GateFrame title="Set up ASB Panels">
      <Body1>
        You are the administrator named when ASB Panels was deployed here. Name the partnership and your own agency to start; the
        partnership begins with the standard risk assessment templates, which you can review and republish under Admin. You add the other
        agencies, members and panels next.
      </Body1>
      {error && Object.keys(error.fields).length === 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
      <form className={styles.form} onSubmit={(event) => void save(event)} aria-label="Set up the partnership" noValidate>
        <Field label="Partnership name" required validationMessage={fields.partnershipName}>
          <Input value={draft.partnershipName} onChange={(_, data) => change('partnershipName', data.value)} />
        </Field>
        <Field label="Area it covers" required hint="The district or borough, as residents know it." validationMessage={fields.area}>
          <Input value={draft.area} onChange={(_, data) => change('area', data.value)} />
        </Field>
        <Field
          label="Bank holidays"
          required
          hint="Deadlines skip the bank holidays of this part of the UK."
          validationMessage={fields.bankHolidayRegion}
        >
          <Dropdown
            value={region?.label ?? ''}
            selectedOptions={[draft.bankHolidayRegion]}
            onOptionSelect={(_, data) => change('bankHolidayRegion', data.optionValue as BankHolidayRegion)}
          >
            {REGIONS.map((choice) => (
              <Option key={choice.region} value={choice.region}>
                {choice.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label="Your agency"
          required
          hint="The agency you work for, e.g. Riverside Council ASB Team."
          validationMessage={fields.agencyName}
        >
          <Input value={draft.agencyName} onChange={(_, data) => change('agencyName', data.value)} />
        </Field>
        <Field label="Your agency’s type" required validationMessage={fields.agencyType}>
          <AgencyTypeDropdown value={draft.agencyType} onChange={(type) => change('agencyType', type)} />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? 'Setting up…' : 'Set up the partnership'}
          </Button>
        </div>
      </form>
    </GateFrame>
  );
}
