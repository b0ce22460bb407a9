import AssignmentIndIcon from '@mui/icons-material/AssignmentIndOutlined';
import { Box, Button, List as MuiList, ListItemButton, Skeleton, Stack, Typography } from '@mui/material';
import { RecordContextProvider, useGetList, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { EnumField } from '../common/EnumField';
import { SectionCard } from '../common/SectionCard';
import { ClockBadges } from '../complaints/clocks/ClockBadges';
import { STATE_TONES } from '../complaints/enums';
import { MONO } from '../complaints/NumberCell';

const FILTER = { mine: true, open: true };
const SHOWN = 8;

/** Soonest deadline first; complaints with no clock counting (awaiting the return call …) after them. */
const byDue = (a: RaRecord, b: RaRecord) => {
  if (!a.nextDueAt) return b.nextDueAt ? 1 : 0;
  if (!b.nextDueAt) return -1;
  return String(a.nextDueAt).localeCompare(String(b.nextDueAt));
};

/**
 * "My queue": the open complaints the staff member handles, by due time, each with its clocks. The
 * API sorts missing deadlines first, so one page of the queue is fetched and ordered here.
 */
export const MyComplaintQueue = () => {
  const translate = useTranslate();
  const { data, total, isPending } = useGetList('complaints', { pagination: { page: 1, perPage: 100 }, sort: { field: 'nextDueAt', order: 'ASC' }, filter: FILTER });
  const queue = [...(data ?? [])].sort(byDue).slice(0, SHOWN);
  return (
    <SectionCard
      title="app.complaints.queue.title"
      icon={<AssignmentIndIcon />}
      testId="my-queue"
      action={
        <Button size="small" component={Link} to={`/complaints?filter=${encodeURIComponent(JSON.stringify(FILTER))}`}>
          {translate('app.complaints.queue.view_all', { count: total ?? 0 })}
        </Button>
      }
    >
      {isPending ? (
        <Stack spacing={1}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={44} />
          ))}
        </Stack>
      ) : queue.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          {translate('app.complaints.queue.empty')}
        </Typography>
      ) : (
        <MuiList dense disablePadding>
          {queue.map((complaint) => (
            <RecordContextProvider key={complaint.id} value={complaint}>
              <ListItemButton component={Link} to={`/complaints/${complaint.id}/show`} divider sx={{ px: 1, gap: 1.5, alignItems: 'flex-start' }} data-testid="queue-item">
                <Box sx={{ minWidth: 0, flex: 1 }}>
                  <Stack direction="row" spacing={1} alignItems="center">
                    <Typography variant="body2" sx={{ fontFamily: MONO, fontSize: 13 }} data-testid="queue-number">
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
                    {complaint.complainantName} · {complaint.summary}
                  </Typography>
                </Box>
                <Box sx={{ flexShrink: 0, maxWidth: 320, pt: 0.25 }}>
                  <ClockBadges max={2} />
                </Box>
              </ListItemButton>
            </RecordContextProvider>
          ))}
        </MuiList>
      )}
    </SectionCard>
  );
};
