import TimerIcon from '@mui/icons-material/TimerOutlined';
import PauseIcon from '@mui/icons-material/PauseCircleOutline';
import CheckIcon from '@mui/icons-material/CheckCircleOutline';
import WarningIcon from '@mui/icons-material/WarningAmberOutlined';
import ErrorIcon from '@mui/icons-material/ErrorOutline';
import { Box, Tooltip } from '@mui/material';
import type { ReactElement } from 'react';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../../common/format';
import type { Clock, ClockTone } from './clockTypes';
import { clockView, type ClockContext } from './clockView';

/** Colours by state, the same everywhere a clock is shown (list, page, dashboard). */
export const TONE_STYLES: Record<ClockTone, { bg: string; fg: string; border: string; icon: ReactElement }> = {
  running: { bg: '#eaf1fb', fg: '#1d4f91', border: '#c9daf2', icon: <TimerIcon /> },
  warning: { bg: '#fff3e0', fg: '#92400e', border: '#f5c98f', icon: <WarningIcon /> },
  breached: { bg: '#fde8e8', fg: '#b91c1c', border: '#f3b4b4', icon: <ErrorIcon /> },
  paused: { bg: '#f1f3f6', fg: '#5b6675', border: '#dde2e9', icon: <PauseIcon /> },
  met: { bg: '#e8f5ec', fg: '#15803d', border: '#bfe3cb', icon: <CheckIcon /> },
  late: { bg: '#fff', fg: '#b91c1c', border: '#f3b4b4', icon: <CheckIcon /> },
};

interface ClockBadgeProps {
  clock: Clock;
  context: ClockContext;
  /** Short clock name in front ("监管时限 · 剩 9 天"), for lists where several clocks share a cell. */
  named?: boolean;
}

/** One clock as a coloured badge: time left (or over), paused or met; due time in the tooltip. */
export const ClockBadge = ({ clock, context, named = true }: ClockBadgeProps) => {
  const translate = useTranslate();
  const view = clockView(clock, context);
  const style = TONE_STYLES[view.tone];
  const text = translate(`app.complaints.clock.${view.text.key}`, { count: view.text.count });
  const label = named ? `${translate(`app.complaints.clock.short.${clock.kind}`)} · ${text}` : text;
  const due = clock.dueAt ? formatDateTime(clock.dueAt, context.timeZone) : translate('app.complaints.clock.paused_help');
  return (
    <Tooltip title={`${translate(`app.complaints.clock.kinds.${clock.kind}`)} · ${due}`}>
      <Box
        component="span"
        data-testid={`clock-${clock.kind}`}
        data-tone={view.tone}
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          px: 0.75,
          py: '1px',
          borderRadius: 1,
          fontSize: 12,
          lineHeight: '18px',
          whiteSpace: 'nowrap',
          fontWeight: view.tone === 'breached' ? 600 : 500,
          bgcolor: style.bg,
          color: style.fg,
          border: `1px solid ${style.border}`,
          fontVariantNumeric: 'tabular-nums',
          '& svg': { fontSize: 14 },
        }}
      >
        {style.icon}
        {label}
      </Box>
    </Tooltip>
  );
};
