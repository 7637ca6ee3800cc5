// The choice of an agency's type, as the set-up form and the agencies page both ask it.
import { Dropdown, Option } from '@fluentui/react-components';
import { AGENCY_TYPES, type AgencyType } from '../pages/admin/admin-words';
import { sentenceCase } from './words';

export function AgencyTypeDropdown({
  value,
  onChange,
}: {
  value: AgencyType | '' | null | undefined;
  onChange: (type: AgencyType) => void;
}) {
  return (
    <Dropdown
      placeholder="Choose a type"
      value={value ? sentenceCase(value) : ''}
      selectedOptions={value ? [value] : []}
      onOptionSelect={(_, data) => onChange(data.optionValue as AgencyType)}
    >
      {AGENCY_TYPES.map((type) => (
        <Option key={type} value={type}>
          {sentenceCase(type)}
        </Option>
      ))}
    </Dropdown>
  );
}
