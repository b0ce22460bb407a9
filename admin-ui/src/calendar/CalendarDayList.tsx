import EventIcon from '@mui/icons-material/EventOutlined';
import { CreateButton, DataTable, List, Pagination, SelectInput, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { EmptyList } from '../common/EmptyList';
import { EnumField } from '../common/EnumField';
import { listSx } from '../common/listSx';
import { CalendarYearSummary } from './CalendarYearSummary';
import { WeekdayField } from './WeekdayField';

const THIS_YEAR = new Date().getFullYear();
// The calendar ships with this year and the next; administrators add the years after as the State Council announces them.
const YEARS = [THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1, THIS_YEAR + 2].map((year) => ({ id: year, name: String(year) }));

const KIND_TONES = { holiday: 'error', workday: 'info' } as const;

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/**
 * The holiday calendar by year: public holidays and make-up working days, which every working-day
 * deadline of the complaint register counts on. Administrators add, change and remove days.
 */
export const CalendarDayList = () => {
  const translate = useTranslate();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'calendarDays' });
  return (
    <List
      sx={listSx}
      sort={{ field: 'day', order: 'ASC' }}
      perPage={100}
      // A year has some forty entries: one page shows it whole.
      pagination={<Pagination rowsPerPageOptions={[100, 200]} />}
      filters={[<SelectInput key="year" source="year" label="app.calendar.year" choices={YEARS} alwaysOn emptyText="ra.action.clear_input_value" />]}
      filterDefaultValues={{ year: THIS_YEAR }}
      actions={<ListActions />}
      empty={<EmptyList icon={<EventIcon />} />}
      exporter={false}
      title={translate('resources.calendarDays.name', { smart_count: 2 })}
    >
      <CalendarYearSummary />
      <DataTable rowClick={canEdit ? 'edit' : false} bulkActionButtons={false} data-testid="calendar-table">
        <DataTable.Col source="day" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} />
        <DataTable.Col source="weekday" label="app.calendar.weekday" disableSort field={WeekdayField} />
        <DataTable.Col source="kind" render={() => <EnumField source="kind" enumName="CalendarDayKind" tones={KIND_TONES} />} />
        <DataTable.Col source="name" />
      </DataTable>
    </List>
  );
};
