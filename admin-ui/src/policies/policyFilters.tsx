import { DateInput, ReferenceInput, SearchInput, SelectInput, useRecordContext, useTranslate, type TranslateFunction } from 'react-admin';
import { enumChoices } from '../common/choices';
import { PAYMENT_STATUSES, POLICY_LINES, POLICY_STATUSES, RENEWAL_WINDOWS } from './enums';

const RenewalOption = () => {
  const choice = useRecordContext();
  const translate = useTranslate();
  return <>{translate('app.policies.quick.within_days', { days: choice?.id })}</>;
};

/** The policy list's filter bar; the sidebar offers the common ones in one click. */
export const policyFilters = (translate: TranslateFunction) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.policies.search_placeholder')} sx={{ minWidth: 300 }} />,
  <SelectInput key="status" source="status" choices={enumChoices('PolicyStatus', POLICY_STATUSES)} />,
  <SelectInput key="line" source="line" choices={enumChoices('PolicyLine', POLICY_LINES)} />,
  <ReferenceInput key="branchId" source="branchId" reference="branches" sort={{ field: 'id', order: 'ASC' }} perPage={200}>
    <SelectInput optionText="name" label="resources.policies.fields.branchId" />
  </ReferenceInput>,
  <DateInput key="expiryDate_gte" source="expiryDate_gte" label="resources.policies.filters.expiryDate_gte" />,
  <DateInput key="expiryDate_lte" source="expiryDate_lte" label="resources.policies.filters.expiryDate_lte" />,
  <SelectInput
    key="renewalDueWithinDays"
    source="renewalDueWithinDays"
    label="app.policies.quick.renewals"
    choices={RENEWAL_WINDOWS.map((days) => ({ id: days }))}
    optionText={<RenewalOption />}
  />,
  <SelectInput key="paymentStatus" source="paymentStatus" choices={enumChoices('PaymentStatus', PAYMENT_STATUSES)} />,
];
