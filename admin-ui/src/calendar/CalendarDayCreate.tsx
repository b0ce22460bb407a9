import { Create, SimpleForm, useTranslate } from 'react-admin';
import { CalendarInputs } from './CalendarInputs';

/** A new day; the list opens on its year afterwards (the calendar is read by year). */
export const CalendarDayCreate = () => {
  const translate = useTranslate();
  return (
    <Create
      redirect={(_resource, _id, data) => `calendarDays?filter=${encodeURIComponent(JSON.stringify({ year: Number(String(data?.day ?? '').slice(0, 4)) || undefined }))}`}
      title={translate('app.calendar.create_title')}
    >
      <SimpleForm defaultValues={{ kind: 'holiday' }}>
        <CalendarInputs />
      </SimpleForm>
    </Create>
  );
};
