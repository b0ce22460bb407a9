import CheckIcon from '@mui/icons-material/Check';
import { Chip, Stack } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';

/** The filters a register is worked with all day, one click each; the API computes them (due and overdue by the live clocks). */
export const QUICK_FILTERS = [
  { key: 'mine', value: { mine: true, open: true } },
  { key: 'due_today', value: { dueToday: true } },
  { key: 'overdue', value: { overdue: true } },
  { key: 'major', value: { major: true } },
  { key: 'regulator', value: { regulatorTransferred: true } },
  { key: 'open', value: { open: true } },
] as const;

type FilterValues = Record<string, unknown>;

const isOn = (filters: FilterValues, value: FilterValues) => Object.entries(value).every(([key, v]) => filters[key] === v);

/**
 * Toggle chips above the register: each adds its condition to the filters in force (so "overdue"
 * and "major" combine) and takes it off again. A row of chips rather than a sidebar, so the table
 * keeps the width its clock badges need.
 */
export const ComplaintQuickFilters = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const translate = useTranslate();
  // Only those who work complaints have a queue; for readers (inspectors, compliance) it would always be empty.
  const worksComplaints = !!useAbility()?.can('update', 'Complaint');
  const toggle = (value: FilterValues) => {
    const next: FilterValues = { ...filterValues };
    if (isOn(filterValues, value)) for (const key of Object.keys(value)) delete next[key];
    else Object.assign(next, value);
    setFilters(next, displayedFilters);
  };
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ px: 2, py: 1.25, borderBottom: '1px solid', borderColor: 'divider' }} data-testid="quick-filters">
      {QUICK_FILTERS.filter(({ key }) => key !== 'mine' || worksComplaints).map(({ key, value }) => {
        const on = isOn(filterValues, value);
        return (
          <Chip
            key={key}
            label={translate(`app.complaints.quick.${key}`)}
            icon={on ? <CheckIcon /> : undefined}
            color={on ? 'primary' : 'default'}
            variant={on ? 'filled' : 'outlined'}
            onClick={() => toggle(value)}
            data-testid={`quick-${key}`}
            data-active={on ? 'true' : 'false'}
          />
        );
      })}
    </Stack>
  );
};
