import PrivacyTipIcon from '@mui/icons-material/PrivacyTipOutlined';
import type { RaRecord } from 'react-admin';
import { DataRightsRequestList } from './DataRightsRequestList';
import { DataRightsRequestShow } from './DataRightsRequestShow';

/** The register of data-subject requests (resource dataRightsRequests); requests are made from the customer's page. */
export default {
  list: DataRightsRequestList,
  show: DataRightsRequestShow,
  icon: PrivacyTipIcon,
  recordRepresentation: (record: RaRecord) => `#${record.id}`,
};
