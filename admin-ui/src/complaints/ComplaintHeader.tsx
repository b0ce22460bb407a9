import { Box, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { formatDateTime } from '../common/format';
import { useTimezone } from '../common/useStaff';
import { ActionBar } from './actions/ActionBar';
import { STATE_TONES } from './enums';
import { HandlerField } from './HandlerField';
import { MONO } from './NumberCell';

const Meta = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Box sx={{ fontSize: 14 }}>{children}</Box>
    </Box>
  );
};

/**
 * Who and what at a glance: the number, state and severity (with why it is major), where it came
 * from and who holds it, and the steps the staff member may take now.
 */
export const ComplaintHeader = () => {
  const complaint = useRecordContext();
  const translate = useTranslate();
  const timeZone = useTimezone();
  if (!complaint) return null;
  const major = complaint.severity === 'major';
  const reasons = (complaint.majorReasons as string[] | null) ?? [];
  return (
    <Card variant="outlined" sx={{ mb: 2, borderLeft: major ? '4px solid #b91c1c' : undefined }} data-testid="complaint-header">
      <CardContent sx={{ pb: '16px !important' }}>
        <Stack direction="row" spacing={1.5} alignItems="center" useFlexGap flexWrap="wrap">
          <Typography variant="h5" sx={{ fontWeight: 700, fontFamily: MONO }} data-testid="complaint-number">
            {complaint.number}
          </Typography>
          <Box data-testid="complaint-state">
            <EnumField source="state" enumName="ComplaintState" tones={STATE_TONES} />
          </Box>
          <Chip
            size="small"
            color={major ? 'error' : 'default'}
            variant={major ? 'filled' : 'outlined'}
            label={translate(`app.enums.ComplaintSeverity.${complaint.severity ?? 'general'}`)}
            data-testid="complaint-severity"
            sx={{ fontWeight: 600 }}
          />
          {reasons.map((reason) => (
            <Chip key={reason} size="small" variant="outlined" color="error" label={translate(`app.enums.MajorReason.${reason}`)} data-testid={`major-reason-${reason}`} />
          ))}
        </Stack>
        <Typography variant="body1" sx={{ mt: 1, fontWeight: 500 }} data-testid="complaint-summary">
          {complaint.summary}
        </Typography>
        <Stack direction="row" spacing={4} useFlexGap flexWrap="wrap" sx={{ mt: 1.5 }}>
          <Meta label="resources.complaints.fields.category">
            <EnumField source="category" enumName="ComplaintCategory" />
          </Meta>
          <Meta label="resources.complaints.fields.channel">
            <EnumField source="channel" enumName="ComplaintChannel" />
          </Meta>
          <Meta label="resources.complaints.fields.receivedAt">{formatDateTime(complaint.receivedAt as string, timeZone)}</Meta>
          <Meta label="app.complaints.header.branch">{complaint.branch?.name ?? '—'}</Meta>
          <Meta label="app.complaints.header.handler">
            <HandlerField />
          </Meta>
          {complaint.nextDueAt && <Meta label="app.complaints.header.next_due">{formatDateTime(complaint.nextDueAt as string, timeZone)}</Meta>}
        </Stack>
        <Divider sx={{ my: 1.5 }} />
        <ActionBar />
      </CardContent>
    </Card>
  );
};
