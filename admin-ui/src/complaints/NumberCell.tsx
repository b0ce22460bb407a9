import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export const MONO = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace';

/** The complaint number (TS + date + sequence) with the channel it came through beneath. */
export const NumberCell = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="body2" sx={{ fontFamily: MONO, fontSize: 13, whiteSpace: 'nowrap' }} data-testid="complaint-number-cell">
        {String(record.number ?? '—')}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {record.channel ? translate(`app.enums.ComplaintChannel.${record.channel}`) : ''}
      </Typography>
    </Box>
  );
};
