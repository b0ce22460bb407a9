import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import type { RaRecord } from 'react-admin';
import { PolicyCreate } from './PolicyCreate';
import { PolicyEdit } from './PolicyEdit';
import { PolicyList } from './PolicyList';
import { PolicyShow } from './PolicyShow';

export default {
  list: PolicyList,
  show: PolicyShow,
  edit: PolicyEdit,
  create: PolicyCreate,
  icon: DescriptionIcon,
  recordRepresentation: (record: RaRecord) => String(record.policyNumber ?? record.id),
};
