import type { TranslateFunction } from 'react-admin';
import { formatDateTime, formatYuan } from '../common/format';

type Data = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

/**
 * The details of a timeline event in words, from the `data` each step stores (server:
 * complaint-intake.service.ts, complaint-resolution.service.ts, jobs/escalation.ts). Unknown kinds
 * and keys are simply not described: the event still shows who, when and what.
 */
export function timelineDetail(kind: string, data: Data | null, translate: TranslateFunction, timeZone: string): string[] {
  if (!data) return [];
  const t = (key: string, args?: Record<string, unknown>) => translate(`app.complaints.timeline.detail.${key}`, args);
  const enumText = (name: string, value: unknown) => (str(value) ? translate(`app.enums.${name}.${value}`, { _: String(value) }) : '');
  const lines: string[] = [];
  const reason = str(data.reason);
  switch (kind) {
    case 'registered':
      if (str(data.number)) lines.push(t('number', { number: data.number }));
      if (Array.isArray(data.majorReasons) && data.majorReasons.length) {
        lines.push(`${translate('app.enums.ComplaintSeverity.major')}：${data.majorReasons.map((r) => enumText('MajorReason', r)).join('、')}`);
      }
      break;
    case 'materials_requested':
      lines.push(t('materials', { materials: data.materials ?? '', via: enumText('ContactMethod', data.notifiedVia) }));
      break;
    case 'accepted':
      if (str(data.materialsCompleteAt)) lines.push(t('materials_complete', { at: formatDateTime(String(data.materialsCompleteAt), timeZone) }));
      break;
    case 'not_accepted':
      if (str(data.forwardedTo)) lines.push(t('forwarded', { to: data.forwardedTo }));
      break;
    case 'assigned':
      if (str(data.assigneeName)) lines.push(t('assignee', { name: data.assigneeName }));
      break;
    case 'resolution_proposed':
    case 'resolution_approved':
      if (typeof data.compensationFen === 'number') {
        lines.push(t('compensation', { amount: formatYuan(data.compensationFen) }) + (data.approvalRequired ? `（${t('approval_required')}）` : ''));
      }
      break;
    case 'decision_communicated':
      lines.push(t('method', { method: enumText('ContactMethod', data.method) }));
      break;
    case 'closed':
      if (typeof data.satisfaction === 'number') lines.push(t('satisfaction', { score: data.satisfaction }));
      break;
    case 'deadline_extended':
      if (typeof data.fromDays === 'number') lines.push(t('extended', { from: data.fromDays, to: data.toDays }));
      break;
    case 'reported_head_office':
    case 'reported_regulator':
      if (typeof data.length === 'number') lines.push(t('report', { length: data.length }));
      break;
    case 'updated':
      if (Array.isArray(data.fields)) lines.push(t('fields', { fields: data.fields.map((f) => translate(`resources.complaints.fields.${f}`, { _: String(f) })).join('、') }));
      break;
    default:
      if (kind.startsWith('escalation_') && str(data.clock)) {
        lines.push(t('clock', { clock: translate(`app.complaints.clock.kinds.${data.clock}`, { _: String(data.clock) }), due: str(data.dueAt) ? formatDateTime(String(data.dueAt), timeZone) : '—' }));
      }
  }
  if (reason) lines.push(t('reason', { reason }));
  return lines;
}
