import { Alert } from '@mui/material';
import { DateInput, maxLength, RadioButtonGroupInput, required, TextInput, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import { FormSection } from '../common/FormSection';

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;

const f = (field: string) => `resources.calendarDays.fields.${field}`;

/** A public holiday or a make-up working day (调休上班): the date, which of the two, and its name. */
export const CalendarInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity="info" sx={{ mb: 2, width: '100%', boxSizing: 'border-box' }}>
        {translate('app.calendar.explanation')}
      </Alert>
      <FormSection title="app.calendar.section" first>
        <DateInput source="day" label={f('day')} validate={required()} />
        <TextInput source="name" label={f('name')} validate={[required(), maxLength(64)]} helperText="app.calendar.name_help" />
        <RadioButtonGroupInput
          source="kind"
          label={f('kind')}
          choices={enumChoices('CalendarDayKind', CALENDAR_DAY_KINDS)}
          validate={required()}
          helperText="app.calendar.kind_help"
          sx={{ gridColumn: '1 / -1' }}
        />
      </FormSection>
    </>
  );
};
