import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import type { RaRecord } from 'react-admin';
import { CampaignShow } from './CampaignShow';
import { CampaignCreate, CampaignList } from './CampaignViews';
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
