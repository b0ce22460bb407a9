import GavelIcon from '@mui/icons-material/GavelOutlined';
import type { RaRecord } from 'react-admin';
import { DutyCreate, DutyEdit, DutyList } from './DutyViews';

export default {
  list: DutyList,
  edit: DutyEdit,
  create: DutyCreate,
  icon: GavelIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};
