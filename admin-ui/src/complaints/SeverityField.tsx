import { Chip, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** "重大" stands out (a major complaint owes head office a report within 24 hours); why it is major in the tooltip. */
export const SeverityField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.severity) return <Typography component="span" variant="body2" color="text.disabled">—</Typography>;
  if (record.severity !== 'major') {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('app.enums.ComplaintSeverity.general')}
      </Typography>
    );
  }
  const reasons = ((record.majorReasons as string[] | null) ?? []).map((reason) => translate(`app.enums.MajorReason.${reason}`)).join('、');
  return (
    <Tooltip title={reasons}>
      <Chip size="small" color="error" label={translate('app.enums.ComplaintSeverity.major')} data-testid="severity-major" sx={{ fontWeight: 600 }} />
    </Tooltip>
  );
};
