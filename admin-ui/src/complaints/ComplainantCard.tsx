import PersonIcon from '@mui/icons-material/PersonOutline';
import { Link } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { MaskedField } from '../common/MaskedField';
import { SectionCard } from '../common/SectionCard';
import { useFieldAccess } from '../common/useFieldAccess';

/**
 * The complainant: the linked customer (a link for those who may open it), and contact details,
 * masked as customer data is, with the audited reveal for those whose rules allow it.
 */
export const ComplainantCard = () => {
  const complaint = useRecordContext();
  const translate = useTranslate();
  const canRead = useFieldAccess('read', 'Complaint', complaint);
  const customer = complaint?.complainantCustomer as { id: string; name?: string; branchId?: string } | null | undefined;
  const { canAccess: canOpenCustomer } = useCanAccess({ action: 'show', resource: 'customers', record: customer ?? undefined });
  if (!complaint) return null;
  const item = (field: string, node: ReactNode, span?: number) =>
    canRead(field) ? (
      <FieldItem label={`resources.complaints.fields.${field}`} span={span}>
        {node}
      </FieldItem>
    ) : null;
  const masked = (field: string) => <MaskedField source={field} type="Complaint" labelKey={`resources.complaints.fields.${field}`} />;
  return (
    <SectionCard title="app.complaints.sections.complainant" icon={<PersonIcon />} testId="complainant-card">
      <FieldGrid>
        {item('complainantName', <>{complaint.complainantName ?? '—'}</>)}
        <FieldItem label="app.complaints.fields_extra.complainantCustomer">
          {customer && canOpenCustomer ? (
            <Link component={RouterLink} to={`/customers/${customer.id}/show`} underline="hover">
              {customer.name ?? `#${customer.id}`}
            </Link>
          ) : complaint.complainantCustomerId ? (
            `#${complaint.complainantCustomerId}`
          ) : (
            translate('app.complaints.none')
          )}
        </FieldItem>
        {item('complainantPhone', masked('complainantPhone'))}
        {item('complainantEmail', masked('complainantEmail'))}
        {item('complainantAddress', masked('complainantAddress'), 2)}
      </FieldGrid>
    </SectionCard>
  );
};
