import { Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { ClockBadge } from './ClockBadge';
import type { Clock } from './clockTypes';
import { isCounting } from './clockView';
import { useClockContext } from './useClockContext';

const URGENCY = { breached: 0, warning: 1, running: 2, paused: 3 } as const;

/**
 * The clocks of a complaint still counting (running, nearly due, breached or paused), most urgent
 * first: what a register row needs. Finished clocks are on the complaint's page.
 */
export const ClockBadges = ({ max = 3 }: { max?: number; label?: string; source?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const contextOf = useClockContext();
  const all = (record?.clocks as Clock[] | null | undefined) ?? [];
  const clocks = all.filter(isCounting);
  if (clocks.length === 0) {
    const allMet = all.length > 0 && all.every((clock) => clock.status === 'met');
    return (
      <Typography variant="caption" color={allMet ? 'success.main' : 'text.disabled'}>
        {allMet ? translate('app.complaints.clock.all_met') : '—'}
      </Typography>
    );
  }
  const rank = (clock: Clock) => {
    const now = Date.now();
    if (clock.paused || !clock.dueAt) return URGENCY.paused;
    if (new Date(clock.dueAt).getTime() < now) return URGENCY.breached;
    return clock.warnAt && new Date(clock.warnAt).getTime() <= now ? URGENCY.warning : URGENCY.running;
  };
  const sorted = [...clocks].sort((a, b) => rank(a) - rank(b) || (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" data-testid="clock-badges">
      {sorted.slice(0, max).map((clock) => (
        <ClockBadge key={clock.kind} clock={clock} context={contextOf(clock.kind)} />
      ))}
      {sorted.length > max && (
        <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'center' }}>
          +{sorted.length - max}
        </Typography>
      )}
    </Stack>
  );
};
