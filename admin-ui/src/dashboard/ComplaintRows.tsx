import { Box, List as MuiList, ListItemButton, Stack, Typography } from '@mui/material';
import { RecordContextProvider, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { EnumField } from '../common/EnumField';
import { ClockBadges } from '../complaints/clocks/ClockBadges';
import { STATE_TONES } from '../complaints/enums';
import { MONO } from '../complaints/NumberCell';
import type { QueueComplaint } from './api';

/** Complaints as a dashboard list: number, state, who and what, and the clocks in the register's colours. */
export const ComplaintRows = ({ complaints, testId }: { complaints: QueueComplaint[]; testId: string }) => {
  const translate = useTranslate();
  return (
    <MuiList dense disablePadding>
      {complaints.map((complaint) => (
        <RecordContextProvider key={complaint.id} value={complaint}>
          <ListItemButton component={Link} to={`/complaints/${complaint.id}/show`} divider sx={{ px: 1, gap: 1.5, alignItems: 'flex-start' }} data-testid={testId}>
            <Box sx={{ minWidth: 0, flex: 1 }}>
              <Stack direction="row" spacing={1} alignItems="center">
                <Typography variant="body2" sx={{ fontFamily: MONO, fontSize: 13 }} data-testid={`${testId}-number`}>
                  {complaint.number}
                </Typography>
                <EnumField source="state" enumName="ComplaintState" tones={STATE_TONES} />
                {complaint.severity === 'major' && (
                  <Typography variant="caption" sx={{ color: 'error.main', fontWeight: 700 }}>
                    {translate('app.enums.ComplaintSeverity.major')}
                  </Typography>
                )}
              </Stack>
              <Typography variant="caption" color="text.secondary" noWrap component="div">
                {[complaint.complainantName, complaint.summary].filter(Boolean).join(' · ')}
              </Typography>
            </Box>
            <Box sx={{ flexShrink: 0, maxWidth: 300, pt: 0.25 }}>
              <ClockBadges max={2} />
            </Box>
          </ListItemButton>
        </RecordContextProvider>
      ))}
    </MuiList>
  );
};
