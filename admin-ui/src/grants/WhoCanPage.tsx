import SearchIcon from '@mui/icons-material/ManageSearchOutlined';
import { Alert, Button, Card, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { accessCatalog } from '../roles/api';
import { whoCan, type WhoCanEntry } from './api';
import { EmptyRow, ErrorAlert, PageHeading, RoleChip } from '../rights/common';
import { useExplainError, type ExplainedError } from '../rights/errors';
import { useLoad } from '../rights/useLoad';

/**
 * The reverse question: who can do this action on this subject (and field), and through which
 * grants. The server answers with the very check it enforces, so the list matches what the API allows.
 */
export const WhoCanPage = () => {
  const translate = useTranslate();
  const explain = useExplainError();
  const catalog = useLoad(accessCatalog, []);
  const [action, setAction] = useState('reveal');
  const [subject, setSubject] = useState('Customer');
  const [field, setField] = useState('idNumber');
  const [asked, setAsked] = useState<string | null>(null);
  const [results, setResults] = useState<WhoCanEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplainedError | null>(null);
  const fields = catalog.data?.subjects.find((s) => s.name === subject)?.fields ?? [];

  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      setResults(await whoCan(action, subject, field || null));
      setAsked(`${translate(`app.rights.actions.${action}`, { _: action })} ${subject}${field ? `.${field}` : ''}`);
    } catch (e) {
      setError(explain(e));
      setResults(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="outlined" sx={{ mt: 2, p: 2 }} data-testid="who-can-page">
      <Title title={translate('app.rights.who_can.title')} />
      <PageHeading title="app.rights.who_can.title" subtitle="app.rights.who_can.subtitle" />
      {!!catalog.error && <ErrorAlert error={explain(catalog.error)} />}
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2, flexWrap: 'wrap' }}>
        <TextField select size="small" name="action" label={translate('app.rights.rules.action')} value={action} onChange={(e) => setAction(e.target.value)} sx={{ minWidth: 160 }}>
          {(catalog.data?.actions ?? [action]).map((a) => (
            <MenuItem key={a} value={a}>
              {translate(`app.rights.actions.${a}`, { _: a })} ({a})
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          name="subject"
          label={translate('app.rights.rules.subject')}
          value={subject}
          onChange={(e) => {
            setSubject(e.target.value);
            setField('');
          }}
          sx={{ minWidth: 200 }}
        >
          {(catalog.data?.subjects.map((s) => s.name) ?? [subject]).map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" name="field" label={translate('app.rights.rules.fields')} value={field} onChange={(e) => setField(e.target.value)} sx={{ minWidth: 200 }}>
          <MenuItem value="">{translate('app.rights.who_can.field_any')}</MenuItem>
          {(fields.length ? fields : field ? [field] : []).map((f) => (
            <MenuItem key={f} value={f}>
              {f}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" startIcon={<SearchIcon />} onClick={ask} disabled={busy || !action || !subject} data-testid="who-can-ask">
          {translate('app.rights.who_can.ask')}
        </Button>
      </Stack>
      <ErrorAlert error={error} />
      {busy && <LinearProgress />}
      {results && (
        <>
          <Alert severity={results.length ? 'info' : 'success'} sx={{ mb: 1 }} data-testid="who-can-summary">
            {results.length ? `${translate('app.rights.who_can.results', { count: results.length })}: ${asked}` : `${translate('app.rights.who_can.none')} (${asked})`}
          </Alert>
          <Table size="small" data-testid="who-can-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.staff.fields.displayName')}</TableCell>
                <TableCell>{translate('resources.staff.fields.username')}</TableCell>
                <TableCell>{translate('resources.staff.fields.branchId')}</TableCell>
                <TableCell>{translate('app.rights.who_can.through')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {results.length === 0 && <EmptyRow colSpan={4} text="app.rights.who_can.none" />}
              {results.map((entry) => (
                <TableRow key={entry.staff.id} hover>
                  <TableCell>
                    <Link to={`/staff/${entry.staff.id}/show`}>{entry.staff.displayName}</Link>
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }}>{entry.staff.username}</TableCell>
                  <TableCell>{entry.staff.branch?.name ?? '—'}</TableCell>
                  <TableCell>
                    {entry.grants.length
                      ? entry.grants.map((g) => (
                          <Stack key={g.id} direction="row" spacing={1} alignItems="center">
                            <RoleChip role={g.role} highRisk={g.role?.highRisk} />
                            <Typography variant="caption" color="text.secondary">
                              #{g.id} · {g.reason}
                            </Typography>
                          </Stack>
                        ))
                      : entry.roles.map((r) => <RoleChip key={r} role={r} />)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Card>
  );
};
