import { Box, Chip, Stack, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { holidayBlocks } from './holidayBlocks';

/**
 * How the shown year adds up, as the State Council's notice is read and checked: the holiday blocks
 * and the make-up working days, then the counts.
 */
export const CalendarYearSummary = () => {
  const { data, filterValues, total } = useListContext();
  const translate = useTranslate();
  if (!data || !filterValues.year || total === undefined || total === 0) return null;
  const holidays = data.filter((day) => day.kind === 'holiday').length;
  const md = (day: string) => day.slice(5);
  return (
    <Box sx={{ px: 2, py: 1.25, borderBottom: '1px solid', borderColor: 'divider' }}>
      <Typography variant="body2" color="text.secondary" data-testid="calendar-summary">
        {translate('app.calendar.summary', { year: filterValues.year, holidays, workdays: data.length - holidays })}
      </Typography>
      <Stack direction="row" spacing={0.75} useFlexGap flexWrap="wrap" sx={{ mt: 1 }} data-testid="calendar-blocks">
        {holidayBlocks(data).map((block) => (
          <Chip
            key={`${block.kind}-${block.from}`}
            size="small"
            variant="outlined"
            color={block.kind === 'holiday' ? 'error' : 'info'}
            label={
              block.days > 1
                ? translate('app.calendar.block_days', { name: block.name, from: md(block.from), to: md(block.to), count: block.days })
                : translate('app.calendar.block_day', { name: block.name, from: md(block.from) })
            }
          />
        ))}
      </Stack>
    </Box>
  );
};
