import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import type { RaRecord } from 'react-admin';
import { GrantList } from './GrantList';

export default {
  list: GrantList,
  icon: KeyIcon,
  recordRepresentation: (record: RaRecord) => `#${record.id}`,
};
