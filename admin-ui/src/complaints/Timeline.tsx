import HistoryIcon from '@mui/icons-material/HistoryOutlined';
import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { SectionCard } from '../common/SectionCard';
import { useTimezone } from '../common/useStaff';
import { timelineDetail } from './timelineDetail';

interface ComplaintEvent {
  id: string;
  at: string;
  kind: string;
  note: string | null;
  data: Record<string, unknown> | null;
  fromState: string | null;
  toState: string | null;
  staffName: string | null;
}

/** Escalations are told apart at a glance: they are the job calling for attention, not a person's step. */
const dotColour = (kind: string) => (kind === 'escalation_warning' ? '#b45309' : kind.startsWith('escalation_') ? '#b91c1c' : '#1d4f91');

/** Every step and escalation, newest first: who, when, what (and the state it moved the complaint to), with its note. */
export const Timeline = () => {
  const complaint = useRecordContext();
  const translate = useTranslate();
  const timeZone = useTimezone();
  const events = [...((complaint?.timeline as ComplaintEvent[] | null) ?? [])].reverse();
  const state = (value: string | null) => (value ? translate(`app.enums.ComplaintState.${value}`, { _: value }) : '');
  return (
    <SectionCard title="app.complaints.sections.timeline" icon={<HistoryIcon />} testId="complaint-timeline">
      {events.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.complaints.timeline.empty')}
        </Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {events.map((event, index) => (
            <Box
              component="li"
              key={event.id}
              data-testid="timeline-event"
              data-kind={event.kind}
              sx={{ position: 'relative', pl: 3, pb: index === events.length - 1 ? 0 : 2, '&::before': index === events.length - 1 ? undefined : { content: '""', position: 'absolute', left: 6, top: 14, bottom: 0, width: 2, bgcolor: 'divider' } }}
            >
              <Box sx={{ position: 'absolute', left: 1, top: 5, width: 12, height: 12, borderRadius: '50%', bgcolor: dotColour(event.kind) }} />
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {translate(`app.complaints.timeline.kinds.${event.kind}`, { _: event.kind })}
                {event.toState && event.toState !== event.fromState && (
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1, fontWeight: 400 }}>
                    {event.fromState ? translate('app.complaints.timeline.state_change', { from: state(event.fromState), to: state(event.toState) }) : state(event.toState)}
                  </Typography>
                )}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatDateTime(event.at, timeZone)} · {event.staffName ?? translate(event.kind.startsWith('escalation_') ? 'app.complaints.timeline.system' : 'app.complaints.timeline.unknown_staff')}
              </Typography>
              {timelineDetail(event.kind, event.data, translate, timeZone).map((line) => (
                <Typography key={line} variant="body2" sx={{ mt: 0.25 }}>
                  {line}
                </Typography>
              ))}
              {event.note && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25, whiteSpace: 'pre-wrap', fontStyle: 'italic' }}>
                  “{event.note}”
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      )}
    </SectionCard>
  );
};
