import SearchIcon from '@mui/icons-material/Search';
import { Button, InputAdornment, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

/** Find a customer from the dashboard by name, exact ID number or phone (the list's full-text `q`). */
export const QuickSearch = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = q.trim();
    if (text) navigate(`/customers?filter=${encodeURIComponent(JSON.stringify({ q: text }))}`);
  };
  return (
    <form onSubmit={submit}>
      <Stack direction="row" spacing={1}>
        <TextField
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={translate('app.customers.search_placeholder')}
          fullWidth
          size="small"
          name="quick-search"
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
        />
        <Button type="submit" variant="contained" disabled={!q.trim()}>
          {translate('ra.action.search')}
        </Button>
      </Stack>
    </form>
  );
};
