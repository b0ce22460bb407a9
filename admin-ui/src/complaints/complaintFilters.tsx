import { ReferenceInput, SearchInput, SelectInput, type TranslateFunction } from 'react-admin';
import { DayBoundaryInput } from '../common/DayBoundaryInput';
import { enumChoices } from '../common/choices';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATES } from './enums';

/** The register's filter bar; the sidebar offers the daily ones (my queue, due today, overdue …) in one click. */
export const complaintFilters = (translate: TranslateFunction) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.complaints.search_placeholder')} sx={{ minWidth: 280 }} />,
  <SelectInput key="category" source="category" choices={enumChoices('ComplaintCategory', COMPLAINT_CATEGORIES)} />,
  <SelectInput key="channel" source="channel" choices={enumChoices('ComplaintChannel', COMPLAINT_CHANNELS)} />,
  <ReferenceInput key="branchId" source="branchId" reference="branches" sort={{ field: 'id', order: 'ASC' }} perPage={200}>
    <SelectInput optionText="name" label="resources.complaints.fields.branchId" />
  </ReferenceInput>,
  <SelectInput key="state" source="state" choices={enumChoices('ComplaintState', COMPLAINT_STATES)} />,
  <DayBoundaryInput key="receivedAt_gte" source="receivedAt_gte" boundary="start" label="resources.complaints.filters.receivedAt_gte" />,
  <DayBoundaryInput key="receivedAt_lte" source="receivedAt_lte" boundary="end" label="resources.complaints.filters.receivedAt_lte" />,
];
