import { Box, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { Cell, Pie, PieChart, ResponsiveContainer } from 'recharts';
import { TONE_STYLES } from '../complaints/clocks/ClockBadge';
import { listLink, type ClockStatusCounts } from './api';

type Status = Exclude<keyof ClockStatusCounts, 'total'>;

/** The clock colours of the register: overdue red, due today amber, on time blue, paused grey. */
const STATUSES: Array<{ key: Status; color: string; filter?: Record<string, unknown> }> = [
  { key: 'overdue', color: TONE_STYLES.breached.fg, filter: { overdue: true } },
  // "Due today" is the register's own pair of filters: due today and not yet overdue.
  { key: 'dueSoon', color: '#d97706', filter: { dueToday: true, overdue: false } },
  { key: 'onTime', color: TONE_STYLES.running.fg },
  { key: 'paused', color: '#94a3b8' },
];

/**
 * Open complaints by the state of their nearest deadline, as a ring and a legend whose numbers open
 * the register on the same filters (`base` narrows it to the widget's rows, e.g. the caller's own).
 */
export const ClockStatusChart = ({ counts, base, testId }: { counts: ClockStatusCounts; base: Record<string, unknown>; testId: string }) => {
  const translate = useTranslate();
  const data = STATUSES.map((s) => ({ ...s, name: translate(`app.widgets.status.${s.key}`), value: counts[s.key] }));
  return (
    <Stack direction="row" spacing={2} alignItems="center" data-testid={testId}>
      <Box sx={{ width: 120, height: 120, flexShrink: 0, position: 'relative' }}>
        <ResponsiveContainer>
          <PieChart>
            <Pie data={counts.total ? data : [{ name: '', value: 1, color: '#e5e7eb' }]} dataKey="value" innerRadius={38} outerRadius={56} startAngle={90} endAngle={-270} stroke="none" isAnimationActive={false}>
              {(counts.total ? data : [{ color: '#e5e7eb' }]).map((d, i) => (
                <Cell key={i} fill={d.color} />
              ))}
            </Pie>
          </PieChart>
        </ResponsiveContainer>
        <Box sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', pointerEvents: 'none' }}>
          <Typography variant="h6" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }} data-testid={`${testId}-total`}>
            {counts.total}
          </Typography>
        </Box>
      </Box>
      <Tooltip title={translate('app.widgets.status_help')} placement="top-start">
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, flex: 1, display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1 }}>
          {data.map((s) => {
            const number = (
              <Typography variant="h6" component="span" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums', color: s.value ? s.color : 'text.disabled' }} data-testid={`${testId}-${s.key}`}>
                {s.value}
              </Typography>
            );
            return (
              <Box component="li" key={s.key} sx={{ borderLeft: `4px solid ${s.color}`, pl: 1, py: 0.25 }}>
                <Typography variant="caption" color="text.secondary" component="div">
                  {s.name}
                </Typography>
                {s.filter && s.value ? (
                  <Box component={Link} to={listLink('complaints', { ...base, ...s.filter })} sx={{ textDecoration: 'none', '&:hover': { textDecoration: 'underline', textDecorationColor: s.color } }}>
                    {number}
                  </Box>
                ) : (
                  number
                )}
              </Box>
            );
          })}
        </Box>
      </Tooltip>
    </Stack>
  );
};
