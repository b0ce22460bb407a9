import { MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { branchChoices, type ReminderFilter } from './api';

const P = 'app.inquiry.reminders';
export const LOOK_AHEAD = [7, 15, 30, 60, 90] as const;

/** Look-ahead, kind and branch; every change asks the server again from the first page. */
export const ReminderFilters = ({ filter, onChange }: { filter: ReminderFilter; onChange: (filter: ReminderFilter) => void }) => {
  const translate = useTranslate();
  const [branches, setBranches] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    branchChoices().then(setBranches, () => setBranches([]));
  }, []);
  const set = (change: Partial<ReminderFilter>) => onChange(Object.fromEntries(Object.entries({ ...filter, ...change }).filter(([, v]) => v !== undefined && v !== '')) as ReminderFilter);
  return (
    <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" sx={{ mb: 2 }}>
      <TextField
        select
        size="small"
        label={translate(`${P}.filters.withinDays`)}
        value={filter.withinDays ?? ''}
        onChange={(e) => set({ withinDays: e.target.value === '' ? undefined : Number(e.target.value) })}
        sx={{ minWidth: 180 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        data-testid="reminders-within"
      >
        <MenuItem value="">{translate(`${P}.filters.default_days`)}</MenuItem>
        {LOOK_AHEAD.map((days) => (
          <MenuItem key={days} value={days}>
            {translate(`${P}.filters.days`, { days })}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={translate(`${P}.filters.kind`)}
        value={filter.kind ?? ''}
        onChange={(e) => set({ kind: (e.target.value || undefined) as ReminderFilter['kind'] })}
        sx={{ minWidth: 160 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        data-testid="reminders-kind"
      >
        <MenuItem value="">{translate(`${P}.filters.both`)}</MenuItem>
        <MenuItem value="renewal">{translate('app.enums.ReminderKind.renewal')}</MenuItem>
        <MenuItem value="premium">{translate('app.enums.ReminderKind.premium')}</MenuItem>
      </TextField>
      {branches.length > 1 && (
        <TextField
          select
          size="small"
          label={translate(`${P}.filters.branch`)}
          value={filter.branchId ?? ''}
          onChange={(e) => set({ branchId: e.target.value || undefined })}
          sx={{ minWidth: 180 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          data-testid="reminders-branch"
        >
          <MenuItem value="">{translate(`${P}.filters.all_branches`)}</MenuItem>
          {branches.map((b) => (
            <MenuItem key={b.id} value={b.id}>
              {b.name}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Stack>
  );
};
