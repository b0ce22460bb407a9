import type { ReactNode } from 'react';
import {
  ArrayInput,
  DateInput,
  maxLength,
  maxValue,
  minValue,
  number,
  NumberInput,
  regex,
  required,
  SelectInput,
  AutocompleteInput,
  SimpleFormIterator,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { BranchInput } from '../common/BranchInput';
import { enumChoices } from '../common/choices';
import { EnumField } from '../common/EnumField';
import { formatYuan } from '../common/format';
import { FormSection, ReadOnlyValue } from '../common/FormSection';
import { MoneyInput } from '../common/MoneyInput';
import { useFieldAccess } from '../common/useFieldAccess';
import { CustomerReferenceInput } from './CustomerReferenceInput';
import { PAYMENT_FREQUENCIES, PAYMENT_STATUSES, POLICY_LINES, POLICY_STATUSES, RELATIONSHIPS, SALES_CHANNELS } from './enums';

const f = (field: string) => `resources.policies.fields.${field}`;
const CODE = /^[A-Z0-9-]+$/;

/**
 * The policy form, shared by create and edit; inputs appear only for fields the role may write
 * (on this record, for an edit). The server validates again and its per-field errors land here.
 */
export const PolicyInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
  const record = useRecordContext();
  const action = mode === 'create' ? 'create' : 'update';
  const canWrite = useFieldAccess(action, 'Policy', mode === 'edit' ? record : undefined);

  const field = (name: string, input: ReactNode, shown: ReactNode) => {
    if (canWrite(name)) return input;
    if (mode === 'edit') return <ReadOnlyValue key={name} label={f(name)}>{shown ?? '—'}</ReadOnlyValue>;
    return null;
  };

  return (
    <>
      <FormSection title="app.policies.sections.product" first>
        {field('policyNumber', <TextInput source="policyNumber" validate={[required(), regex(CODE, 'app.form.code_format'), maxLength(32)]} />, record?.policyNumber)}
        {field('productCode', <TextInput source="productCode" validate={[required(), regex(CODE, 'app.form.code_format'), maxLength(32)]} />, record?.productCode)}
        {field('productName', <TextInput source="productName" validate={[required(), maxLength(100)]} />, record?.productName)}
        {field('line', <SelectInput source="line" choices={enumChoices('PolicyLine', POLICY_LINES)} validate={required()} />, <EnumField source="line" enumName="PolicyLine" />)}
        {field('status', <SelectInput source="status" choices={enumChoices('PolicyStatus', POLICY_STATUSES)} validate={required()} />, <EnumField source="status" enumName="PolicyStatus" />)}
        {field('branchId', <BranchInput source="branchId" type="Policy" action={action} validate={required()} />, record?.branch?.name)}
      </FormSection>
      <FormSection title="app.policies.sections.parties">
        {field('holderId', <CustomerReferenceInput source="holderId" label={f('holderId')} />, record?.holder?.name)}
        {field('insuredId', <CustomerReferenceInput source="insuredId" label={f('insuredId')} />, record?.insured?.name)}
      </FormSection>
      <FormSection title="app.policies.sections.amounts">
        {field('sumInsuredFen', <MoneyInput source="sumInsuredFen" validate={[required(), minValue(0)]} />, formatYuan(record?.sumInsuredFen))}
        {field('premiumFen', <MoneyInput source="premiumFen" validate={[required(), minValue(0)]} />, formatYuan(record?.premiumFen))}
        {field('paymentFrequency', <SelectInput source="paymentFrequency" choices={enumChoices('PaymentFrequency', PAYMENT_FREQUENCIES)} validate={required()} />, <EnumField source="paymentFrequency" enumName="PaymentFrequency" />)}
        {field('paymentStatus', <SelectInput source="paymentStatus" choices={enumChoices('PaymentStatus', PAYMENT_STATUSES)} validate={required()} />, <EnumField source="paymentStatus" enumName="PaymentStatus" />)}
      </FormSection>
      <FormSection title="app.policies.sections.term">
        {field('effectiveDate', <DateInput source="effectiveDate" validate={required()} />, record?.effectiveDate)}
        {field('expiryDate', <DateInput source="expiryDate" validate={required()} />, record?.expiryDate)}
        {field('nextPremiumDueDate', <DateInput source="nextPremiumDueDate" />, record?.nextPremiumDueDate)}
      </FormSection>
      <FormSection title="app.policies.sections.sales">
        {field('salesChannel', <SelectInput source="salesChannel" choices={enumChoices('SalesChannel', SALES_CHANNELS)} validate={required()} />, <EnumField source="salesChannel" enumName="SalesChannel" />)}
        {field('salesAgentCode', <TextInput source="salesAgentCode" validate={maxLength(32)} />, record?.salesAgentCode)}
        {field('salesAgentName', <TextInput source="salesAgentName" validate={maxLength(64)} />, record?.salesAgentName)}
      </FormSection>
      {canWrite('beneficiaries') && (
        <FormSection title="app.policies.sections.beneficiaries">
          <ArrayInput source="beneficiaries" label={false} helperText="app.form.beneficiaries_help" sx={{ gridColumn: '1 / -1' }}>
            <SimpleFormIterator inline disableReordering>
              <TextInput source="name" label="app.policies.beneficiary.name" validate={[required(), maxLength(100)]} sx={{ width: 200 }} />
              <AutocompleteInput
                source="relationship"
                label="app.policies.beneficiary.relationship"
                choices={RELATIONSHIPS.map((r) => ({ id: r, name: r }))}
                translateChoice={false}
                validate={required()}
                fullWidth={false}
                sx={{ width: 200 }}
              />
              <NumberInput source="sharePercent" label="app.policies.beneficiary.sharePercent" validate={[required(), number(), minValue(1), maxValue(100)]} step={1} sx={{ width: 160 }} />
            </SimpleFormIterator>
          </ArrayInput>
        </FormSection>
      )}
    </>
  );
};
