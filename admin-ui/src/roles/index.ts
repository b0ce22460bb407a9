import HowToRegIcon from '@mui/icons-material/HowToRegOutlined';
import type { RaRecord } from 'react-admin';
import { RoleCreate, RoleEdit } from './RoleEdit';
import { RoleList } from './RoleList';
import { RoleShow } from './RoleShow';

export default {
  list: RoleList,
  show: RoleShow,
  edit: RoleEdit,
  create: RoleCreate,
  icon: HowToRegIcon,
  recordRepresentation: (record: RaRecord) => String(record.label ?? record.name ?? record.id),
};
