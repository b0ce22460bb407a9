import { ReferenceInput, SearchInput, SelectInput, TextInput, type TranslateFunction } from 'react-admin';
import { enumChoices } from '../common/choices';
import { CUSTOMER_KINDS, CUSTOMER_STATUS_FILTERS } from './enums';

/**
 * The customer list's filters. Exact ID number and phone are searched through the server's blind
 * index, so they are offered only to roles that may read those fields (the server refuses the rest).
 */
export function customerFilters(canFilter: (field: string) => boolean, translate: TranslateFunction) {
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.customers.search_placeholder')} sx={{ minWidth: 300 }} />,
    <TextInput key="name" source="name" label="resources.customers.filters.name" />,
    <ReferenceInput key="branchId" source="branchId" reference="branches" sort={{ field: 'id', order: 'ASC' }} perPage={200}>
      <SelectInput optionText="name" label="resources.customers.fields.branchId" />
    </ReferenceInput>,
    canFilter('idNumber') ? <TextInput key="idNumber" source="idNumber" label="resources.customers.filters.idNumber" /> : null,
    canFilter('phone') ? <TextInput key="phone" source="phone" label="resources.customers.filters.phone" /> : null,
    <SelectInput key="kind" source="kind" choices={enumChoices('CustomerKind', CUSTOMER_KINDS)} />,
    <SelectInput key="status" source="status" choices={enumChoices('CustomerStatus', CUSTOMER_STATUS_FILTERS)} />,
  ].filter((input) => input !== null);
}
