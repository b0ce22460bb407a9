import { Link, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink, RecordContextProvider, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { MaskedField } from '../common/MaskedField';
import { SectionCard } from '../common/SectionCard';

/**
 * The holder or the insured of a policy: the nested Customer passes the same read guard and masking
 * as a customer page, and its masked fields can be revealed (with a reason) by those allowed to.
 */
export const PartyCard = ({ source, title, icon }: { source: 'holder' | 'insured'; title: string; icon: ReactNode }) => {
  const policy = useRecordContext();
  const translate = useTranslate();
  const party = policy?.[source] as Record<string, unknown> | null | undefined;
  const { canAccess: canOpen } = useCanAccess({ action: 'show', resource: 'customers', record: party ?? undefined });
  return (
    <SectionCard title={title} icon={icon} testId={`party-${source}`}>
      {!party ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.policies.party_hidden')}
        </Typography>
      ) : (
        <RecordContextProvider value={party}>
          <FieldGrid>
            <FieldItem label="resources.customers.fields.name">
              {canOpen ? (
                <Link component={RouterLink} to={`/customers/${String(party.id)}/show`} underline="hover" sx={{ fontWeight: 500 }}>
                  {String(party.name ?? '—')}
                </Link>
              ) : (
                String(party.name ?? '—')
              )}
            </FieldItem>
            <FieldItem label="resources.customers.fields.idType">
              <EnumField source="idType" enumName="IdType" />
            </FieldItem>
            <FieldItem label="resources.customers.fields.idNumber">
              <MaskedField source="idNumber" />
            </FieldItem>
            <FieldItem label="resources.customers.fields.phone">
              <MaskedField source="phone" />
            </FieldItem>
          </FieldGrid>
        </RecordContextProvider>
      )}
    </SectionCard>
  );
};
