import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';

export interface StaffOption {
  id: string;
  username?: string | null;
  displayName?: string | null;
}

/** Active staff found by username or name prefix on the server (a grant's holder, a review item's new reviewer). */
export const StaffPicker = ({ value, onChange, name, label }: { value: StaffOption | null; onChange: (value: StaffOption | null) => void; name: string; label: string }) => {
  const translate = useTranslate();
  const [q, setQ] = useState('');
  const { data, isPending } = useGetList<StaffOption & { id: string }>('staff', { pagination: { page: 1, perPage: 20 }, sort: { field: 'username', order: 'ASC' }, filter: q ? { q, status: 'active' } : { status: 'active' } });
  return (
    <Autocomplete
      options={data ?? []}
      loading={isPending}
      value={value}
      onChange={(_, next) => onChange(next)}
      onInputChange={(_, text) => setQ(text)}
      filterOptions={(options) => options}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(option) => `${option.displayName ?? ''} (${option.username ?? option.id})`}
      renderInput={(params) => <TextField {...params} name={name} label={translate(label)} />}
    />
  );
};
