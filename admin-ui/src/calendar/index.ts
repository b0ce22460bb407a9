import EventIcon from '@mui/icons-material/EventOutlined';
import type { RaRecord } from 'react-admin';
import { CalendarDayCreate } from './CalendarDayCreate';
import { CalendarDayEdit } from './CalendarDayEdit';
import { CalendarDayList } from './CalendarDayList';

export default {
  list: CalendarDayList,
  edit: CalendarDayEdit,
  create: CalendarDayCreate,
  icon: EventIcon,
  recordRepresentation: (record: RaRecord) => `${record.day ?? ''} ${record.name ?? ''}`.trim(),
};
