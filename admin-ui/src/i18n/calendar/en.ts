/** The holiday calendar's messages in English; merged into en.ts (app.calendar, app.enums, resources.calendarDays). */
export const calendarEn = {
  messages: {
    create_title: 'Add a day to the calendar',
    edit_title: 'Change a calendar day',
    section: 'Date and kind',
    year: 'Year',
    summary: '%{year}: %{holidays} public holidays, %{workdays} make-up working days',
    block_days: '%{name} %{from}–%{to} (%{count} days)',
    block_day: '%{name} %{from}',
    weekday: 'Weekday',
    kind_help: 'A make-up working day (调休上班) is a Saturday or Sunday worked in exchange for a holiday',
    name_help: 'e.g. 国庆节, 春节调休上班',
    explanation:
      'Complaint deadlines count working days: Monday to Friday, except the public holidays below, plus the make-up working days. Changes apply to every open complaint at once.',
    deleted: 'Removed from the calendar.',
  },
  enums: {
    CalendarDayKind: { holiday: 'Public holiday', workday: 'Make-up working day' },
  },
  resource: {
    name: 'Holiday |||| Holiday calendar',
    empty: 'No holidays or make-up working days for this year.',
    fields: { id: 'No.', day: 'Date', kind: 'Kind', name: 'Name', year: 'Year', q: 'Name begins with' },
  },
};
