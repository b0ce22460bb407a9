import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import ChecklistIcon from '@mui/icons-material/ChecklistOutlined';
import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import type { RaRecord } from 'react-admin';
import { InspectionCreate } from './InspectionCreate';
import { InspectionList } from './InspectionList';
import { InspectionShow } from './InspectionShow';
import { RectificationList } from './RectificationList';
import { RectificationShow } from './RectificationShow';
import { TemplateCreate, TemplateEdit, TemplateList, TemplateShow } from './Templates';

export { PlanPage } from './PlanPage';
export { QualityMenuItems } from './QualityMenu';
export { ReturnVisitsPage } from './ReturnVisits';

/** Inspection reports: the list, the page they are worked on, and opening a new one. */
export const qualityInspections = {
  list: InspectionList,
  show: InspectionShow,
  create: InspectionCreate,
  icon: FactCheckIcon,
  recordRepresentation: (record: RaRecord) => String(record.number ?? record.title ?? record.id),
};

/** The rectification ledger; items are raised from a published report's findings. */
export const qualityRectifications = {
  list: RectificationList,
  show: RectificationShow,
  icon: AssignmentTurnedInIcon,
  recordRepresentation: (record: RaRecord) => String(record.number ?? record.id),
};

/** Checklist templates; editing one in use makes its next version. */
export const qualityTemplates = {
  list: TemplateList,
  show: TemplateShow,
  edit: TemplateEdit,
  create: TemplateCreate,
  icon: ChecklistIcon,
  recordRepresentation: (record: RaRecord) => `${record.name ?? record.code} v${record.revision ?? ''}`,
};
