import ReportIcon from '@mui/icons-material/FeedbackOutlined';
import { CreateButton, DataTable, FilterButton, List, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { EmptyList } from '../common/EmptyList';
import { EnumField } from '../common/EnumField';
import { listSx } from '../common/listSx';
import { useBranchBound } from '../common/useBranchBound';
import { ClockBadges } from './clocks/ClockBadges';
import { ComplainantCell } from './ComplainantCell';
import { complaintFilters } from './complaintFilters';
import { ComplaintQuickFilters } from './ComplaintQuickFilters';
import { STATE_TONES } from './enums';
import { HandlerField } from './HandlerField';
import { NumberCell } from './NumberCell';
import { SeverityField } from './SeverityField';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="app.complaints.new_complaint" />
  </TopToolbar>
);

/**
 * The complaint register (投诉登记簿): paged, sorted and filtered on the server, newest first. The
 * deadline column shows the clocks still counting as coloured badges and sorts by the next deadline.
 */
export const ComplaintList = () => {
  const translate = useTranslate();
  const branchBound = useBranchBound('Complaint');
  return (
    <List
      sx={listSx}
      sort={{ field: 'receivedAt', order: 'DESC' }}
      perPage={25}
      filters={complaintFilters(translate)}
      actions={<ListActions />}
      empty={<EmptyList icon={<ReportIcon />} />}
      exporter={false}
      title={translate('resources.complaints.name', { smart_count: 2 })}
    >
      <ComplaintQuickFilters />
      <DataTable rowClick="show" bulkActionButtons={false} data-testid="complaint-table">
        <DataTable.Col source="number" field={NumberCell} />
        <DataTable.Col source="receivedAt" render={() => <DateTimeField source="receivedAt" />} />
        <DataTable.Col source="complainantName" disableSort field={ComplainantCell} />
        <DataTable.Col source="category" render={() => <EnumField source="category" enumName="ComplaintCategory" />} sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col source="severity" field={SeverityField} />
        <DataTable.Col source="state" render={() => <EnumField source="state" enumName="ComplaintState" tones={STATE_TONES} />} sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col source="assigneeId" disableSort field={HandlerField} />
        {!branchBound && <DataTable.Col source="branchId" sx={{ whiteSpace: 'nowrap' }} render={(record) => record.branch?.name ?? '—'} />}
        <DataTable.Col source="nextDueAt" label="resources.complaints.fields.clocks" render={() => <ClockBadges max={2} />} sx={{ minWidth: 215, maxWidth: 300 }} />
      </DataTable>
    </List>
  );
};
