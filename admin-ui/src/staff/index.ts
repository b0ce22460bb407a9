import BadgeIcon from '@mui/icons-material/BadgeOutlined';
import type { RaRecord } from 'react-admin';
import { StaffCreate } from './StaffCreate';
import { StaffEdit } from './StaffEdit';
import { StaffList } from './StaffList';
import { StaffShow } from './StaffShow';

export default {
  list: StaffList,
  show: StaffShow,
  edit: StaffEdit,
  create: StaffCreate,
  icon: BadgeIcon,
  recordRepresentation: (record: RaRecord) => String(record.displayName ?? record.username ?? record.id),
};
