import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatYuan } from './format';

/** An amount in fen, shown in yuan, right-aligned digits so columns of amounts line up. */
export const MoneyField = ({ source }: { source: string; label?: string; textAlign?: 'right' }) => {
  const record = useRecordContext();
  const value = record?.[source] as number | null | undefined;
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatYuan(value)}
    </Typography>
  );
};
