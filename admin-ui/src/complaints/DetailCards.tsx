import AssignmentIcon from '@mui/icons-material/AssignmentOutlined';
import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import { Link, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { formatDateTime, formatYuan } from '../common/format';
import { SectionCard } from '../common/SectionCard';
import { useTimezone } from '../common/useStaff';

const f = (field: string) => `resources.complaints.fields.${field}`;
const filled = (value: unknown) => value !== null && value !== undefined && value !== '' && value !== false;
const Long = ({ children }: { children: ReactNode }) => <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{children}</Typography>;

/** What the complaint is about: details, the policy, amounts and what makes it major; the regulator's reference when transferred. */
export const ContentCard = () => {
  const complaint = useRecordContext();
  const translate = useTranslate();
  const timeZone = useTimezone();
  const policy = complaint?.policy as { id: string; policyNumber?: string; productName?: string } | null | undefined;
  const { canAccess: canOpenPolicy } = useCanAccess({ action: 'show', resource: 'policies', record: policy ?? undefined });
  if (!complaint) return null;
  const yes = translate('ra.boolean.true');
  return (
    <SectionCard title="app.complaints.sections.content" icon={<AssignmentIcon />} testId="complaint-content">
      <FieldGrid>
        <FieldItem label={f('details')} span={2}>
          <Long>{complaint.details || '—'}</Long>
        </FieldItem>
        <FieldItem label={f('policyId')}>
          {policy && canOpenPolicy ? (
            <Link component={RouterLink} to={`/policies/${policy.id}/show`} underline="hover">
              {policy.policyNumber} {policy.productName ? `· ${policy.productName}` : ''}
            </Link>
          ) : complaint.policyId ? (
            `#${complaint.policyId}`
          ) : (
            '—'
          )}
        </FieldItem>
        <FieldItem label={f('disputedAmountFen')}>{filled(complaint.disputedAmountFen) ? formatYuan(complaint.disputedAmountFen as number) : '—'}</FieldItem>
        {filled(complaint.deathCount) && Number(complaint.deathCount) > 0 && <FieldItem label={f('deathCount')}>{String(complaint.deathCount)}</FieldItem>}
        {complaint.involvesMedia && <FieldItem label={f('involvesMedia')}>{yes}</FieldItem>}
        {complaint.involvesLitigation && <FieldItem label={f('involvesLitigation')}>{yes}</FieldItem>}
        {complaint.groupComplaint && <FieldItem label={f('groupComplaint')}>{yes}</FieldItem>}
        {complaint.channel === 'regulator' && (
          <>
            <FieldItem label={f('regulatorReference')}>{String(complaint.regulatorReference ?? '—')}</FieldItem>
            <FieldItem label={f('regulatorDueAt')}>{formatDateTime(complaint.regulatorDueAt as string | null, timeZone)}</FieldItem>
          </>
        )}
      </FieldGrid>
    </SectionCard>
  );
};

/** What has been done so far, field by field; only what has happened is listed. */
export const HandlingCard = () => {
  const complaint = useRecordContext();
  const translate = useTranslate();
  const timeZone = useTimezone();
  if (!complaint) return null;
  const at = (field: string) => formatDateTime(complaint[field] as string | null, timeZone);
  const method = (value: unknown) => (value ? translate(`app.enums.ContactMethod.${value}`) : '');
  const rows: [string, ReactNode, number?][] = [];
  const add = (field: string, node: ReactNode, span?: number) => filled(complaint[field]) && rows.push([field, node, span]);
  add('firstResponseAt', at('firstResponseAt'));
  add('materialsRequested', `${complaint.materialsRequested}（${method(complaint.materialsNotifiedVia)}，${at('materialsRequestedAt')}）`, 2);
  add('materialsCompleteAt', at('materialsCompleteAt'));
  add('acceptedAt', at('acceptedAt'));
  add('notAcceptedReason', <Long>{complaint.notAcceptedReason}</Long>, 2);
  add('forwardedTo', String(complaint.forwardedTo));
  add('resolution', <Long>{complaint.resolution}</Long>, 2);
  if (filled(complaint.resolution)) add('compensationFen', formatYuan(complaint.compensationFen as number));
  add('approvalRequired', translate('ra.boolean.true'));
  add('approvedAt', at('approvedAt'));
  add('communicatedAt', `${at('communicatedAt')} · ${method(complaint.communicationMethod)}`);
  add('closedAt', at('closedAt'));
  add('satisfaction', translate(`app.complaints.satisfaction.${complaint.satisfaction}`, { _: String(complaint.satisfaction) }));
  add('returnCallNote', <Long>{complaint.returnCallNote}</Long>, 2);
  if (Number(complaint.appealCount) > 0) add('appealCount', String(complaint.appealCount));
  add('withdrawalReason', <Long>{complaint.withdrawalReason}</Long>, 2);
  add('deadlineExtendedAt', `${at('deadlineExtendedAt')} · ${complaint.extensionReason ?? ''}`, 2);
  add('headOfficeReportedAt', at('headOfficeReportedAt'));
  add('headOfficeReport', <Long>{complaint.headOfficeReport}</Long>, 2);
  add('regulatorReportedAt', at('regulatorReportedAt'));
  add('regulatorReport', <Long>{complaint.regulatorReport}</Long>, 2);
  return (
    <SectionCard title="app.complaints.sections.handling" icon={<FactCheckIcon />} testId="complaint-handling">
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.complaints.timeline.empty')}
        </Typography>
      ) : (
        <FieldGrid>
          {rows.map(([field, node, span]) => (
            <FieldItem key={field} label={f(field)} span={span}>
              {node}
            </FieldItem>
          ))}
        </FieldGrid>
      )}
    </SectionCard>
  );
};
