import { Alert } from '@mui/material';
import { useGetOne, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { formatYuan } from '../common/format';

/**
 * Says, while the form is filled in, whether the complaint will be major and why, by the same rules
 * and thresholds the server applies (the deadline policy): regulator-transferred, media, litigation,
 * amount, deaths, group complaint, or by decision. The server classifies; this only forewarns.
 */
export const MajorPreview = ({ mode }: { mode: 'create' | 'edit' }) => {
  const translate = useTranslate();
  const { data: policy } = useGetOne('complaintPolicy', { id: 'current' }, { staleTime: 10 * 60_000 });
  const [channel, involvesMedia, involvesLitigation, disputedAmountFen, deathCount, groupComplaint, majorByHand] = useWatch({
    name: ['channel', 'involvesMedia', 'involvesLitigation', 'disputedAmountFen', 'deathCount', 'groupComplaint', 'majorByHand'],
  }) as [string, boolean, boolean, number | null, number | null, boolean, boolean];
  const majorAmountFen = (policy?.majorAmountFen as number | undefined) ?? 50_000_000;
  const majorDeathCount = (policy?.majorDeathCount as number | undefined) ?? 2;
  const reasons: string[] = [];
  if (channel === 'regulator') reasons.push('regulator_transferred');
  if (channel === 'media' || involvesMedia) reasons.push('media');
  if (involvesLitigation) reasons.push('litigation');
  if ((disputedAmountFen ?? 0) > majorAmountFen) reasons.push('large_amount');
  if ((deathCount ?? 0) >= majorDeathCount) reasons.push('deaths');
  if (groupComplaint) reasons.push('group_complaint');
  if (majorByHand) reasons.push('by_hand');
  return reasons.length ? (
    <Alert severity="warning" sx={{ gridColumn: '1 / -1' }} data-testid="major-preview">
      {translate(mode === 'create' ? 'app.complaints.form.major_preview' : 'app.complaints.form.major_now', { reasons: reasons.map((r) => translate(`app.enums.MajorReason.${r}`)).join('、') })}
    </Alert>
  ) : (
    <Alert severity="info" sx={{ gridColumn: '1 / -1' }} data-testid="general-preview">
      {translate('app.complaints.form.general_preview', { amount: formatYuan(majorAmountFen), deaths: majorDeathCount })}
    </Alert>
  );
};
