import { AutocompleteInput, email, maxLength, RadioButtonGroupInput, ReferenceInput, required, TextInput, type RaRecord } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { SensitiveInput } from '../common/SensitiveInput';
import { CustomerReferenceInput } from '../policies/CustomerReferenceInput';

const f = (field: string) => `resources.complaints.fields.${field}`;
const MODES = [
  { id: 'customer', name: 'app.complaints.form.mode_customer' },
  { id: 'contact', name: 'app.complaints.form.mode_contact' },
];
const policyText = (policy: RaRecord) => (policy?.id ? `${policy.policyNumber ?? ''}  ${policy.productName ?? ''}`.trim() : '');

/**
 * Who complains: a known customer picked from those the staff member may read (name and contact come
 * from the customer record), or a name with free contact details (encrypted and masked by the
 * server like customer data). `complainantMode` is the form's own switch and is never sent.
 */
export const ComplainantInputs = () => {
  const [mode, customerId] = useWatch({ name: ['complainantMode', 'complainantCustomerId'] }) as [string, string | null];
  return (
    <>
      <RadioButtonGroupInput source="complainantMode" label="app.complaints.form.complainant_mode" choices={MODES} sx={{ gridColumn: '1 / -1' }} />
      {mode === 'customer' ? (
        <>
          <CustomerReferenceInput source="complainantCustomerId" label={f('complainantCustomerId')} helperText="app.complaints.form.customer_help" />
          <TextInput source="complainantName" label={f('complainantName')} validate={maxLength(100)} helperText="app.complaints.form.name_override_help" />
        </>
      ) : (
        <>
          <TextInput source="complainantName" label={f('complainantName')} validate={[required(), maxLength(100)]} />
          <SensitiveInput source="complainantPhone" label={f('complainantPhone')} validate={maxLength(20)} helperText="app.complaints.form.contact_help" />
          <SensitiveInput source="complainantEmail" label={f('complainantEmail')} validate={[maxLength(254), email()]} />
          <SensitiveInput source="complainantAddress" label={f('complainantAddress')} validate={maxLength(200)} />
        </>
      )}
      <ReferenceInput source="policyId" reference="policies" filter={customerId ? { customerId } : {}} sort={{ field: 'id', order: 'DESC' }} perPage={20}>
        <AutocompleteInput label={f('policyId')} optionText={policyText} filterToQuery={(q: string) => ({ q })} helperText="app.complaints.form.policy_help" debounce={300} />
      </ReferenceInput>
    </>
  );
};
