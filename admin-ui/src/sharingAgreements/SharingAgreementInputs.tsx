import { CheckboxGroupInput, DateInput, maxLength, required, TextInput, useTranslate } from 'react-admin';
import { FormSection } from '../common/FormSection';

/** The customer fields an agreement may name (server: sharing.service.ts SHAREABLE_FIELDS). */
export const SHAREABLE_FIELDS = ['name', 'gender', 'birthDate', 'idType', 'idNumber', 'phone', 'email', 'address', 'occupation'] as const;

const notBeforeStart = (value: unknown, values: Record<string, unknown>) =>
  value && values.validFrom && String(value) < String(values.validFrom) ? 'app.data_rights.sharing.until_before_from' : undefined;

/**
 * What an agreement says — with whom, why, which customer fields, for how long — shared by the
 * create and edit forms. The server checks the same rules and names the field it refuses.
 */
export const SharingAgreementInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <FormSection title="app.data_rights.sharing.sections.party" first>
        <TextInput source="party" validate={[required(), maxLength(200)]} />
        <TextInput source="reference" validate={maxLength(64)} helperText="app.data_rights.sharing.reference_help" />
        <TextInput source="purpose" validate={[required(), maxLength(500)]} multiline minRows={2} sx={{ gridColumn: '1 / -1' }} />
      </FormSection>
      <FormSection title="app.data_rights.sharing.sections.fields">
        <CheckboxGroupInput
          source="fields"
          label={false}
          validate={required('app.data_rights.sharing.fields_required')}
          choices={SHAREABLE_FIELDS.map((id) => ({ id, name: translate(`resources.customers.fields.${id}`) }))}
          sx={{ gridColumn: '1 / -1' }}
        />
      </FormSection>
      <FormSection title="app.data_rights.sharing.sections.period">
        <DateInput source="validFrom" validate={required()} />
        <DateInput source="validUntil" validate={notBeforeStart} helperText="app.data_rights.sharing.until_help" />
      </FormSection>
    </>
  );
};
