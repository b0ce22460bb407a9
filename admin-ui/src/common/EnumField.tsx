import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

type Tone = 'default' | 'success' | 'warning' | 'error' | 'info' | 'primary';

/** An enum value in words (app.enums.<Enum>.<value>), as text or as a coloured chip. */
export const EnumField = ({ source, enumName, tones }: { source: string; enumName: string; tones?: Record<string, Tone>; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source] as string | null | undefined;
  if (!value) return <Typography component="span" variant="body2" color="text.disabled">—</Typography>;
  const text = translate(`app.enums.${enumName}.${value}`, { _: value });
  if (!tones) return <Typography component="span" variant="body2">{text}</Typography>;
  return <Chip size="small" label={text} color={tones[value] ?? 'default'} variant={tones[value] ? 'filled' : 'outlined'} sx={{ fontWeight: 500 }} />;
};
