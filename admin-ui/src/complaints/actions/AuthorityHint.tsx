import { Typography } from '@mui/material';
import { useGetOne, useTranslate } from 'react-admin';
import { formatYuan } from '../../common/format';
import { useStaff } from '../../common/useStaff';

interface Limit {
  role: string;
  limitFen: number | null;
}

/**
 * How much compensation the staff member may grant without approval, from the deadline policy's
 * authorities (the highest of their roles'), so the proposer knows before saving whether an
 * approval will be needed. The server decides; this only tells.
 */
export const AuthorityHint = () => {
  const translate = useTranslate();
  const staff = useStaff();
  const { data: policy } = useGetOne('complaintPolicy', { id: 'current' }, { staleTime: 10 * 60_000 });
  const limits = (policy?.approvalLimits as Limit[] | undefined) ?? [];
  const mine = limits.filter((limit) => staff?.roles.includes(limit.role));
  if (!policy || !staff) return null;
  const unlimited = mine.some((limit) => limit.limitFen === null);
  const best = Math.max(0, ...mine.map((limit) => limit.limitFen ?? 0));
  return (
    <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: -0.5, mb: 1.5 }} data-testid="authority-hint">
      {unlimited ? translate('app.complaints.step.authority_unlimited') : translate('app.complaints.step.authority', { amount: formatYuan(best) })}
    </Typography>
  );
};
