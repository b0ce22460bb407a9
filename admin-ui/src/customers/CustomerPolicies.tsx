import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import { Box, Chip, Typography } from '@mui/material';
import { ArrayField, DataTable, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { SectionCard } from '../common/SectionCard';
import { POLICY_STATUS_TONES } from '../policies/enums';

/** Whether the customer holds the policy, is insured by it, or both. */
const PartyRole = ({ customerId }: { customerId: string }) => {
  const policy = useRecordContext();
  const translate = useTranslate();
  if (!policy) return null;
  const roles = [policy.holderId === customerId && 'holder', policy.insuredId === customerId && 'insured'].filter(Boolean) as string[];
  return (
    <Box sx={{ display: 'flex', gap: 0.5 }}>
      {roles.map((role) => (
        <Chip key={role} size="small" variant="outlined" label={translate(`app.customers.party.${role}`)} />
      ))}
    </Box>
  );
};

/** The customer's policies (held or insured) among those the staff member may read. */
export const CustomerPolicies = () => {
  const customer = useRecordContext();
  const translate = useTranslate();
  if (!customer) return null;
  const count = (customer.policies as unknown[] | null)?.length ?? 0;
  return (
    <SectionCard title="app.customers.sections.policies" icon={<DescriptionIcon />} testId="customer-policies" action={<Chip size="small" label={count} />}>
      {count === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          {translate('app.customers.no_policies')}
        </Typography>
      ) : (
        <ArrayField source="policies">
          <DataTable resource="policies" rowClick={(id) => `/policies/${id}/show`} bulkActionButtons={false}>
            <DataTable.Col source="policyNumber" sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', whiteSpace: 'nowrap' }} />
            <DataTable.Col source="productName" />
            <DataTable.Col source="line" render={() => <EnumField source="line" enumName="PolicyLine" />} />
            <DataTable.Col label="app.customers.party.label" disableSort render={() => <PartyRole customerId={String(customer.id)} />} />
            <DataTable.Col source="status" render={() => <EnumField source="status" enumName="PolicyStatus" tones={POLICY_STATUS_TONES} />} />
            <DataTable.Col source="effectiveDate" sx={{ whiteSpace: 'nowrap' }} />
            <DataTable.Col source="expiryDate" sx={{ whiteSpace: 'nowrap' }} />
            <DataTable.Col source="sumInsuredFen" align="right" render={() => <MoneyField source="sumInsuredFen" />} />
            <DataTable.Col source="premiumFen" align="right" render={() => <MoneyField source="premiumFen" />} />
          </DataTable>
        </ArrayField>
      )}
    </SectionCard>
  );
};
