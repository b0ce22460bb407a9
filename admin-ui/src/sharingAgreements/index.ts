import HandshakeIcon from '@mui/icons-material/HandshakeOutlined';
import type { RaRecord } from 'react-admin';
import { SharingAgreementCreate, SharingAgreementEdit } from './SharingAgreementForms';
import { SharingAgreementList } from './SharingAgreementList';

/** Third-party sharing agreements (resource sharingAgreements), kept by compliance. */
export default {
  list: SharingAgreementList,
  create: SharingAgreementCreate,
  edit: SharingAgreementEdit,
  icon: HandshakeIcon,
  recordRepresentation: (record: RaRecord) => `${record.party ?? ''}${record.reference ? ` (${record.reference})` : ''}`,
};
