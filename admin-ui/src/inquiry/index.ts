import ManageSearchIcon from '@mui/icons-material/ManageSearchOutlined';
import type { RaRecord } from 'react-admin';
import { InquiryLogList } from './InquiryLogList';
import { InquiryLogShow } from './InquiryLogShow';

/** The inquiry log (resource policyInquiries); the desk itself is the custom route /inquiry-desk. */
export default {
  list: InquiryLogList,
  show: InquiryLogShow,
  icon: ManageSearchIcon,
  recordRepresentation: (record: RaRecord) => `#${record.id} ${record.policyNumber ?? ''}`,
};
