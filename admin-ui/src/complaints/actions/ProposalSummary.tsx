import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatYuan } from '../../common/format';

/** What is being approved or sent back: the proposed resolution and its amount. */
export const ProposalSummary = () => {
  const complaint = useRecordContext();
  const translate = useTranslate();
  if (!complaint) return null;
  return (
    <Box sx={{ p: 1.5, mb: 2, bgcolor: '#f8fafc', border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
      <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>
        {translate('app.complaints.step.proposed', { amount: formatYuan(complaint.compensationFen as number | null) })}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
        {String(complaint.resolution ?? '—')}
      </Typography>
    </Box>
  );
};
