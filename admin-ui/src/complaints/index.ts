import FeedbackIcon from '@mui/icons-material/FeedbackOutlined';
import type { RaRecord } from 'react-admin';
import { ComplaintCreate } from './ComplaintCreate';
import { ComplaintEdit } from './ComplaintEdit';
import { ComplaintList } from './ComplaintList';
import { ComplaintShow } from './ComplaintShow';

export default {
  list: ComplaintList,
  show: ComplaintShow,
  edit: ComplaintEdit,
  create: ComplaintCreate,
  icon: FeedbackIcon,
  recordRepresentation: (record: RaRecord) => String(record.number ?? record.id),
};
