import { AutocompleteInput, ReferenceInput, required, type RaRecord } from 'react-admin';

const optionText = (customer: RaRecord) => (customer?.id ? `${customer.name ?? ''}  ${customer.idNumber ?? ''}`.trim() : '');

/**
 * Picks a customer by name, exact ID number or phone (the list's full-text `q`, searched on the
 * server), among the customers the staff member may read.
 */
export const CustomerReferenceInput = ({ source, label, helperText, optional = false }: { source: string; label?: string; helperText?: string; optional?: boolean }) => (
  <ReferenceInput source={source} reference="customers" sort={{ field: 'name', order: 'ASC' }} perPage={20}>
    <AutocompleteInput
      label={label}
      optionText={optionText}
      filterToQuery={(q: string) => ({ q })}
      validate={optional ? undefined : required()}
      helperText={helperText}
      debounce={300}
      noOptionsText="app.form.no_customer_found"
    />
  </ReferenceInput>
);
