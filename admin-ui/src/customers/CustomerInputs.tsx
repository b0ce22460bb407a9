import type { ReactNode } from 'react';
import { BooleanInput, DateInput, email, maxLength, RadioButtonGroupInput, required, SelectInput, TextInput, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { BranchInput } from '../common/BranchInput';
import { enumChoices } from '../common/choices';
import { EnumField } from '../common/EnumField';
import { FormSection, ReadOnlyValue } from '../common/FormSection';
import { SensitiveInput } from '../common/SensitiveInput';
import { useFieldAccess } from '../common/useFieldAccess';
import { CUSTOMER_KINDS, CUSTOMER_STATUSES, DATA_SOURCES, GENDERS, idTypesFor } from './enums';

const f = (field: string) => `resources.customers.fields.${field}`;

/** What the form shows for a field the role may read but not change. */
function readOnly(field: string, value: ReactNode) {
  return <ReadOnlyValue key={field} label={f(field)}>{value ?? '—'}</ReadOnlyValue>;
}

/**
 * The customer form, shared by create and edit. Each input appears only when the role may write that
 * field (for an edit: on this very record); fields it may only read are shown as text. The server
 * checks the same rules and refuses anything else.
 */
export const CustomerInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
  const record = useRecordContext();
  const action = mode === 'create' ? 'create' : 'update';
  const canWrite = useFieldAccess(action, 'Customer', mode === 'edit' ? record : undefined);
  const canRead = useFieldAccess('read', 'Customer', record);
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  const isGroup = kind === 'group';

  const field = (name: string, input: ReactNode, shown: ReactNode) => {
    if (canWrite(name)) return input;
    if (mode === 'edit' && canRead(name)) return readOnly(name, shown);
    return null;
  };

  return (
    <>
      <FormSection title="app.customers.sections.identity" first>
        {field('kind', <RadioButtonGroupInput source="kind" choices={enumChoices('CustomerKind', CUSTOMER_KINDS)} validate={required()} />, <EnumField source="kind" enumName="CustomerKind" />)}
        {field('name', <TextInput source="name" validate={[required(), maxLength(100)]} />, record?.name)}
        {field('idType', <SelectInput source="idType" choices={enumChoices('IdType', idTypesFor(kind))} validate={required()} />, <EnumField source="idType" enumName="IdType" />)}
        {field('idNumber', <SensitiveInput source="idNumber" validate={[required(), maxLength(32)]} />, record?.idNumber)}
        {!isGroup && field('gender', <SelectInput source="gender" choices={enumChoices('Gender', GENDERS)} emptyText="app.form.derive_from_id" />, <EnumField source="gender" enumName="Gender" />)}
        {!isGroup && field('birthDate', <DateInput source="birthDate" helperText="app.form.derive_from_id" />, record?.birthDate)}
      </FormSection>
      <FormSection title="app.customers.sections.contact">
        {field('phone', <SensitiveInput source="phone" validate={maxLength(20)} />, record?.phone)}
        {field('email', <SensitiveInput source="email" validate={[maxLength(254), email()]} />, record?.email)}
        {field('address', <SensitiveInput source="address" validate={maxLength(200)} />, record?.address)}
        {field('occupation', <TextInput source="occupation" validate={maxLength(64)} />, record?.occupation)}
      </FormSection>
      <FormSection title="app.customers.sections.business">
        {field('branchId', <BranchInput source="branchId" type="Customer" action={action} validate={required()} />, record?.branch?.name)}
        {field('source', <SelectInput source="source" choices={enumChoices('DataSource', DATA_SOURCES)} validate={required()} />, <EnumField source="source" enumName="DataSource" />)}
        {mode === 'edit' && field('status', <SelectInput source="status" choices={enumChoices('CustomerStatus', CUSTOMER_STATUSES)} validate={required()} />, <EnumField source="status" enumName="CustomerStatus" />)}
      </FormSection>
      <FormSection title="app.customers.sections.consent">
        {field('marketingConsent', <BooleanInput source="marketingConsent" helperText="app.form.marketing_help" />, null)}
        {field('sharingConsent', <BooleanInput source="sharingConsent" helperText="app.form.sharing_help" />, null)}
      </FormSection>
    </>
  );
};
