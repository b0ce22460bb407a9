import CheckIcon from '@mui/icons-material/CheckCircleOutline';
import RemoveIcon from '@mui/icons-material/RemoveCircleOutline';
import { Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** A yes/no value in words with an icon, for consents where "no" matters as much as "yes". */
export const BooleanText = ({ source }: { source: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (value === null || value === undefined) return <Typography variant="body2" color="text.disabled">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} alignItems="center" sx={{ color: value ? 'success.main' : 'text.secondary' }}>
      {value ? <CheckIcon fontSize="small" /> : <RemoveIcon fontSize="small" />}
      <Typography variant="body2" color="text.primary">
        {translate(value ? 'app.common.consented' : 'app.common.not_consented')}
      </Typography>
    </Stack>
  );
};
