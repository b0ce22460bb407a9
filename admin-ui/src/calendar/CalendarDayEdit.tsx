import { DeleteButton, Edit, ListButton, SaveButton, SimpleForm, Toolbar, TopToolbar, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { CalendarInputs } from './CalendarInputs';

const backToYear = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  `calendarDays?filter=${encodeURIComponent(JSON.stringify({ year: Number(String(data?.day ?? '').slice(0, 4)) || undefined }))}`;

/** The delete button's redirect is told nothing about the record, so the year comes from the form's record. */
const FormToolbar = () => {
  const record = useRecordContext();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      <DeleteButton mutationMode="pessimistic" redirect={() => backToYear(undefined, undefined, record)} />
    </Toolbar>
  );
};

/** Changing or removing a day; pessimistic, so a day already in the calendar is reported on the date field. */
export const CalendarDayEdit = () => {
  const translate = useTranslate();
  const onError = useSaveErrorHandler();
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={{ onError }}
      redirect={backToYear}
      title={translate('app.calendar.edit_title')}
      actions={
        <TopToolbar>
          <ListButton />
        </TopToolbar>
      }
    >
      <SimpleForm toolbar={<FormToolbar />}>
        <CalendarInputs />
      </SimpleForm>
    </Edit>
  );
};
