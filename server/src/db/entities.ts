import { AuditChainHead } from '../modules/audit/audit-chain-head.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Session } from '../modules/auth/session.entity';
import { Branch } from '../modules/branches/branch.entity';
import { Customer } from '../modules/customers/customer.entity';
import { Policy } from '../modules/policies/policy.entity';
import { Role } from '../modules/staff/role.entity';
import { RoleGrant } from '../modules/staff/role-grant.entity';
import { Staff } from '../modules/staff/staff.entity';
import { CalendarDay } from '../modules/calendar/calendar-day.entity';
import { Complaint } from '../modules/complaints/complaint.entity';
import { ComplaintEvent } from '../modules/complaints/complaint-event.entity';
import { ComplaintPolicy } from '../modules/complaints/complaint-policy.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { RecoveryCode } from '../modules/auth/recovery-code.entity';
import { DutyConflictRule } from '../modules/duties/duty-conflict-rule.entity';
import { AccessPolicy } from '../modules/staff/access-policy.entity';
import { AccessReviewCampaign } from '../modules/access-reviews/access-review-campaign.entity';
import { AccessReviewItem } from '../modules/access-reviews/access-review-item.entity';
import { INQUIRY_ENTITIES } from '../modules/inquiry';
import { DATA_RIGHTS_ENTITIES } from '../modules/data-rights';
import { QUALITY_ENTITIES } from '../modules/quality/quality.entities';
import { REPORT_ENTITIES } from '../modules/reports';
import { DASHBOARD_ENTITIES } from '../modules/dashboard';

export const ENTITIES = [Branch, Staff, Role, RoleGrant, Session, Customer, Policy, AuditEntry, AuditChainHead, CalendarDay, ComplaintPolicy, Complaint, ComplaintEvent, Notification,
  RecoveryCode, DutyConflictRule, AccessPolicy, AccessReviewCampaign, AccessReviewItem, ...INQUIRY_ENTITIES, ...DATA_RIGHTS_ENTITIES, ...QUALITY_ENTITIES, ...REPORT_ENTITIES, ...DASHBOARD_ENTITIES];
