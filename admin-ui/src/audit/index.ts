import HistoryIcon from '@mui/icons-material/HistoryEduOutlined';
import type { RaRecord } from 'react-admin';
import { AuditList } from './AuditList';
import { AuditShow } from './AuditShow';

export default {
  list: AuditList,
  show: AuditShow,
  icon: HistoryIcon,
  recordRepresentation: (record: RaRecord) => `#${record.seq ?? record.id}`,
};
