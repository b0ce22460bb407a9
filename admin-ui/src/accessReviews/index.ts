import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import type { RaRecord } from 'react-admin';
import { CampaignCreate, CampaignList, CampaignShow } from './CampaignViews';
import { ReviewWorklist } from './ReviewWorklist';

export const accessReviewCampaigns = {
  list: CampaignList,
  show: CampaignShow,
  create: CampaignCreate,
  icon: AssignmentTurnedInIcon,
  recordRepresentation: (record: RaRecord) => String(record.name ?? record.id),
};

export const accessReviewItems = {
  list: ReviewWorklist,
  icon: AssignmentTurnedInIcon,
  recordRepresentation: (record: RaRecord) => `#${record.id}`,
};
