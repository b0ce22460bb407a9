import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import { Stack } from '@mui/material';
import { BooleanInput, DataTable, FilterButton, List, ReferenceInput, SelectInput, TopToolbar, useTranslate, type TranslateFunction } from 'react-admin';
import { EmptyList } from '../common/EmptyList';
import { enumChoices } from '../common/choices';
import { listSx } from '../common/listSx';
import { EnumChip, OverdueBadge, StaffInput } from './common';
import { RECTIFICATION_STATES, RECTIFICATION_STATE_TONES } from './enums';

const rectificationFilters = (translate: TranslateFunction) => [
  <BooleanInput key="overdue" source="overdue" label="app.quality.rectification.overdue_only" alwaysOn helperText={false} data-testid="filter-overdue" />,
  <SelectInput key="state" source="state" choices={enumChoices('RectificationState', RECTIFICATION_STATES)} alwaysOn />,
  <StaffInput key="ownerId" source="ownerId" label="resources.qualityRectifications.fields.ownerId" />,
  <ReferenceInput key="branchId" source="branchId" reference="branches" sort={{ field: 'id', order: 'ASC' }} perPage={200} alwaysOn>
    <SelectInput optionText="name" label="resources.qualityRectifications.fields.branchId" />
  </ReferenceInput>,
  <BooleanInput key="mine" source="mine" label={translate('app.quality.rectification.mine')} helperText={false} />,
];

/**
 * The rectification ledger (整改台账): every finding's required action with its owner and due date,
 * soonest due first; overdue items carry a red badge. Filters run on the server.
 */
export const RectificationList = () => {
  const translate = useTranslate();
  return (
    <List
      sx={listSx}
      sort={{ field: 'dueAt', order: 'ASC' }}
      perPage={25}
      filters={rectificationFilters(translate)}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
      empty={<EmptyList icon={<AssignmentTurnedInIcon />} />}
      exporter={false}
      title={translate('app.quality.menu.rectifications')}
    >
      <DataTable rowClick="show" bulkActionButtons={false} size="small" data-testid="rectification-table">
        <DataTable.Col source="number" disableSort sx={{ whiteSpace: 'nowrap', fontFamily: 'ui-monospace, Menlo, monospace' }} />
        <DataTable.Col
          source="state"
          render={(r) => (
            <Stack direction="row" spacing={0.5}>
              <EnumChip enumName="RectificationState" value={r.state} tones={RECTIFICATION_STATE_TONES} />
              <OverdueBadge overdue={r.overdue} />
            </Stack>
          )}
        />
        <DataTable.Col source="requiredAction" disableSort sx={{ maxWidth: 420 }} />
        <DataTable.Col source="ownerId" render={(r) => r.owner?.displayName ?? '—'} sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col source="branchId" render={(r) => r.branch?.name ?? '—'} sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col source="dueDate" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} />
        <DataTable.Col source="inspectionId" disableSort render={(r) => r.inspection?.number ?? '—'} sx={{ whiteSpace: 'nowrap' }} />
      </DataTable>
    </List>
  );
};
