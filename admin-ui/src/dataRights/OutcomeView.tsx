import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

const REPORT_COUNTS = ['policiesTouched', 'queryPasswordsRemoved', 'complaints', 'complaintEvents', 'inquiryLogLines', 'consentNotes', 'requestNotes', 'auditEntriesRedacted', 'auditEntriesKept'] as const;

/**
 * What a request led to, in words: for a copy the format and how many records each section held; for
 * an anonymisation what was removed; for a withdrawal the reason. Unknown parts are shown as they are.
 */
export const OutcomeView = ({ outcome }: { outcome: Record<string, unknown> | null | undefined }) => {
  const translate = useTranslate();
  if (!outcome) return <>—</>;
  const o = (key: string) => translate(`app.data_rights.outcome.${key}`, { _: key });
  const rows: Array<[string, string]> = [];
  if (typeof outcome.format === 'string') rows.push([o('format'), translate(`app.enums.DataExportFormat.${outcome.format}`, { _: outcome.format })]);
  if (Array.isArray(outcome.customerFields)) rows.push([o('customerFields'), (outcome.customerFields as string[]).map((f) => translate(`resources.customers.fields.${f}`, { _: f })).join('、')]);
  for (const key of REPORT_COUNTS) if (typeof outcome[key] === 'number') rows.push([o(key), String(outcome[key])]);
  if (typeof outcome.withdrawn === 'string') rows.push([o('withdrawn'), outcome.withdrawn]);
  const counts = outcome.counts && typeof outcome.counts === 'object' ? Object.entries(outcome.counts as Record<string, number>) : [];
  return (
    <Stack spacing={1} sx={{ width: '100%' }} data-testid="request-outcome">
      {rows.map(([label, value]) => (
        <Box key={label} sx={{ display: 'flex', gap: 2 }}>
          <Typography variant="body2" color="text.secondary" sx={{ minWidth: 200 }}>
            {label}
          </Typography>
          <Typography variant="body2">{value}</Typography>
        </Box>
      ))}
      {counts.length > 0 && (
        <Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
            {o('counts')}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
            {counts.map(([section, n]) => (
              <Chip key={section} size="small" variant="outlined" label={`${translate(`app.data_rights.sections.${section}`, { _: section })}: ${n}`} />
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
};
