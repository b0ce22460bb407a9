import { Box, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** The complainant and, beneath, what the complaint is about: the two things a register row is read for. */
export const ComplainantCell = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ minWidth: 150, maxWidth: 220 }}>
      <Typography variant="body2" sx={{ fontWeight: 500 }} noWrap>
        {String(record.complainantName ?? '—')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" noWrap title={String(record.summary ?? '')}>
        {String(record.summary ?? '')}
      </Typography>
    </Box>
  );
};
