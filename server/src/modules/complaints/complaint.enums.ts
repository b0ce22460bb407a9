import { registerEnumType } from 'type-graphql';

export enum ComplaintState {
  registered = 'registered',
  awaiting_materials = 'awaiting_materials',
  accepted = 'accepted',
  not_accepted = 'not_accepted',
  investigating = 'investigating',
  resolution_proposed = 'resolution_proposed',
  approved = 'approved',
  communicated = 'communicated',
  closed = 'closed',
  withdrawn = 'withdrawn',
}

/** Where the complaint came in; `regulator` is a complaint transferred by the regulator (监管转办). */
export enum ComplaintChannel {
  hotline = 'hotline',
  fax = 'fax',
  letter = 'letter',
  counter = 'counter',
  email = 'email',
  website = 'website',
  app = 'app',
  wechat = 'wechat',
  regulator = 'regulator',
  media = 'media',
}

export enum ComplaintCategory {
  product = 'product',
  /** Sales and mis-selling (销售误导). */
  sales = 'sales',
  underwriting = 'underwriting',
  /** Policy service: surrender, endorsement, renewal … (保全). */
  policy_service = 'policy_service',
  claims = 'claims',
  service_manner = 'service_manner',
  information_security = 'information_security',
  other = 'other',
}

export enum ComplaintSeverity {
  general = 'general',
  major = 'major',
}

/** Why a complaint is major, besides being set so by hand. */
export enum MajorReason {
  regulator_transferred = 'regulator_transferred',
  media = 'media',
  litigation = 'litigation',
  large_amount = 'large_amount',
  deaths = 'deaths',
  group_complaint = 'group_complaint',
  by_hand = 'by_hand',
}

/** How the complainant was told something. */
export enum ContactMethod {
  phone = 'phone',
  sms = 'sms',
  letter = 'letter',
  email = 'email',
  wechat = 'wechat',
  in_person = 'in_person',
  app = 'app',
}

/** The workflow steps, as the console shows them as buttons. */
export enum ComplaintAction {
  update = 'update',
  acknowledge = 'acknowledge',
  request_materials = 'request_materials',
  accept = 'accept',
  not_accept = 'not_accept',
  assign = 'assign',
  propose_resolution = 'propose_resolution',
  approve_resolution = 'approve_resolution',
  reject_resolution = 'reject_resolution',
  communicate_decision = 'communicate_decision',
  close = 'close',
  appeal = 'appeal',
  withdraw = 'withdraw',
  extend_deadline = 'extend_deadline',
  mark_major = 'mark_major',
  report_head_office = 'report_head_office',
  report_regulator = 'report_regulator',
}

export enum ClockKind {
  first_response = 'first_response',
  materials_notice = 'materials_notice',
  resolution_target = 'resolution_target',
  resolution_regulatory = 'resolution_regulatory',
  head_office_report = 'head_office_report',
  regulator_report = 'regulator_report',
}

export enum ClockStatus {
  met = 'met',
  breached = 'breached',
  running = 'running',
  paused = 'paused',
}

export enum RegulatoryDayKind {
  calendar = 'calendar',
  working = 'working',
}

export enum EscalationLevel {
  warning = 'warning',
  breach = 'breach',
  compliance = 'compliance',
}

export const OPEN_STATES: readonly ComplaintState[] = [
  ComplaintState.registered,
  ComplaintState.awaiting_materials,
  ComplaintState.accepted,
  ComplaintState.investigating,
  ComplaintState.resolution_proposed,
  ComplaintState.approved,
];

registerEnumType(ComplaintState, { name: 'ComplaintState' });
registerEnumType(ComplaintChannel, { name: 'ComplaintChannel', description: 'regulator: transferred by the regulator (监管转办)' });
registerEnumType(ComplaintCategory, { name: 'ComplaintCategory' });
registerEnumType(ComplaintSeverity, { name: 'ComplaintSeverity' });
registerEnumType(MajorReason, { name: 'MajorReason' });
registerEnumType(ContactMethod, { name: 'ContactMethod' });
registerEnumType(ComplaintAction, { name: 'ComplaintAction' });
registerEnumType(ClockKind, { name: 'ClockKind' });
registerEnumType(ClockStatus, { name: 'ClockStatus' });
registerEnumType(RegulatoryDayKind, { name: 'RegulatoryDayKind' });
registerEnumType(EscalationLevel, { name: 'EscalationLevel' });
