import AlarmIcon from '@mui/icons-material/AlarmOutlined';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../../common/format';
import { SectionCard } from '../../common/SectionCard';
import { ClockBadge } from './ClockBadge';
import type { Clock } from './clockTypes';
import { useClockContext } from './useClockContext';

/** Every clock of the complaint: how it counts, from when, due when, its state and time left, and when it was answered. */
export const ClocksCard = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const contextOf = useClockContext();
  const clocks = (record?.clocks as Clock[] | null | undefined) ?? [];
  const t = (key: string) => translate(`app.complaints.clock.${key}`);
  return (
    <SectionCard title="app.complaints.sections.clocks" icon={<AlarmIcon />} testId="complaint-clocks">
      {clocks.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('none')}
        </Typography>
      ) : (
        <Table size="small" sx={{ '& td, & th': { px: 1 } }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('columns.kind')}</TableCell>
              <TableCell>{t('columns.status')}</TableCell>
              <TableCell>{t('columns.due')}</TableCell>
              <TableCell>{t('columns.done')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {clocks.map((clock) => {
              const context = contextOf(clock.kind);
              return (
                <TableRow key={clock.kind} data-testid={`clock-row-${clock.kind}`}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>
                      {t(`kinds.${clock.kind}`)}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {t(`unit_${context.unit}`)}
                      {clock.startedAt ? ` · ${t('columns.started')} ${formatDateTime(clock.startedAt, context.timeZone)}` : ''}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <ClockBadge clock={clock} context={context} named={false} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{clock.dueAt ? formatDateTime(clock.dueAt, context.timeZone) : '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{clock.completedAt ? formatDateTime(clock.completedAt, context.timeZone) : '—'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
};
