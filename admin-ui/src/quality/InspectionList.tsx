import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import { BooleanInput, CreateButton, DataTable, FilterButton, List, ReferenceInput, SearchInput, SelectInput, TextInput, TopToolbar, useTranslate, type TranslateFunction } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { EmptyList } from '../common/EmptyList';
import { enumChoices } from '../common/choices';
import { listSx } from '../common/listSx';
import { EnumChip, ScoreText, StaffInput } from './common';
import { INSPECTION_KINDS, INSPECTION_STATES, INSPECTION_STATE_TONES } from './enums';

const inspectionFilters = (translate: TranslateFunction) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.quality.inspection.search')} />,
  <SelectInput key="kind" source="kind" choices={enumChoices('InspectionKind', INSPECTION_KINDS)} alwaysOn />,
  <SelectInput key="state" source="state" choices={enumChoices('InspectionState', INSPECTION_STATES)} alwaysOn />,
  <ReferenceInput key="branchId" source="branchId" reference="branches" sort={{ field: 'id', order: 'ASC' }} perPage={200} alwaysOn>
    <SelectInput optionText="name" label="resources.qualityInspections.fields.branchId" />
  </ReferenceInput>,
  <StaffInput key="inspectorId" source="inspectorId" label="resources.qualityInspections.fields.inspectorId" />,
  <TextInput key="period" source="period" label="resources.qualityInspections.fields.period" helperText={false} />,
  <BooleanInput key="mine" source="mine" label="app.quality.inspection.mine" helperText={false} />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="app.quality.inspection.new" data-testid="new-inspection" />
  </TopToolbar>
);

/** The inspection reports (质检报告): paged, sorted and filtered on the server, newest first. */
export const InspectionList = () => {
  const translate = useTranslate();
  return (
    <List
      sx={listSx}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      filters={inspectionFilters(translate)}
      actions={<ListActions />}
      empty={<EmptyList icon={<FactCheckIcon />} />}
      exporter={false}
      title={translate('app.quality.menu.inspections')}
    >
      <DataTable rowClick="show" bulkActionButtons={false} size="small" data-testid="inspection-table">
        <DataTable.Col source="number" disableSort sx={{ whiteSpace: 'nowrap', fontFamily: 'ui-monospace, Menlo, monospace' }} />
        <DataTable.Col source="title" />
        <DataTable.Col source="kind" render={(r) => <EnumChip enumName="InspectionKind" value={r.kind} />} />
        <DataTable.Col source="state" render={(r) => <EnumChip enumName="InspectionState" value={r.state} tones={INSPECTION_STATE_TONES} />} />
        <DataTable.Col source="branchId" render={(r) => r.branch?.name ?? '—'} sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col source="teamId" disableSort render={(r) => r.team?.name ?? '—'} sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col source="period" />
        <DataTable.Col source="inspectorId" disableSort render={(r) => r.inspector?.displayName ?? '—'} sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col source="totalScore" align="right" render={(r) => <ScoreText value={r.totalScore} />} />
        <DataTable.Col source="revision" align="right" />
        <DataTable.Col source="updatedAt" render={() => <DateTimeField source="updatedAt" />} />
      </DataTable>
    </List>
  );
};
