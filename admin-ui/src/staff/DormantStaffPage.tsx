import PauseIcon from '@mui/icons-material/PauseCircleOutline';
import { Alert, Button, Card, Checkbox, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { dormantStaff, suspendDormant } from './api';
import { EmptyRow, ErrorAlert, PageHeading, ReasonDialog, RoleChip, When } from '../rights/common';
import { useExplainError } from '../rights/errors';
import { useLoad } from '../rights/useLoad';
import { AccessPolicyCard } from './AccessPolicyCard';

/**
 * Active accounts nobody has signed in with for N days (the access policy's number by default),
 * suspended together with one reason. The server checks each again and names those it skipped.
 */
export const DormantStaffPage = () => {
  const translate = useTranslate();
  const explain = useExplainError();
  const notify = useNotify();
  const [days, setDays] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const report = useLoad(() => dormantStaff(days), [days]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [skipped, setSkipped] = useState<{ id: string; reason: string }[]>([]);
  useEffect(() => {
    if (report.data && !typed) setTyped(String(report.data.days));
  }, [report.data, typed]);
  const rows = report.data?.staff ?? [];
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  return (
    <>
      <AccessPolicyCard
        onSaved={(policy) => {
          // The list follows the policy's new period unless another number was asked for.
          setTyped(String(policy.dormantAfterDays));
          setDays(null);
          report.reload();
        }}
      />
      <Card variant="outlined" sx={{ mt: 2, p: 2 }} data-testid="dormant-page">
        <Title title={translate('app.rights.dormant.title')} />
        <PageHeading title="app.rights.dormant.title" subtitle="app.rights.dormant.subtitle" />
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
          <TextField size="small" type="number" name="days" label={translate('app.rights.dormant.days')} value={typed} onChange={(e) => setTyped(e.target.value)} sx={{ width: 160 }} />
          <Button variant="outlined" onClick={() => setDays(Number(typed) > 0 ? Number(typed) : null)}>
            {translate('app.rights.dormant.apply')}
          </Button>
          {report.data && (
            <Typography variant="body2" color="text.secondary">
              {translate('app.rights.dormant.cutoff', { days: report.data.days })} <When value={report.data.cutoff} />
            </Typography>
          )}
          <Stack sx={{ flex: 1 }} />
          <Button variant="contained" color="warning" startIcon={<PauseIcon />} disabled={selected.size === 0} onClick={() => setConfirming(true)} data-testid="suspend-selected">
            {translate('app.rights.dormant.suspend_selected', { count: selected.size })}
          </Button>
        </Stack>
        {skipped.length > 0 && (
          <Alert severity="info" sx={{ mb: 2 }} onClose={() => setSkipped([])}>
            {translate('app.rights.dormant.skipped', { count: skipped.length })} {skipped.map((s) => `#${s.id}: ${s.reason}`).join('; ')}
          </Alert>
        )}
        {report.loading && <LinearProgress />}
        {!!report.error && <ErrorAlert error={explain(report.error)} />}
        <Table size="small" data-testid="dormant-table">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox checked={allSelected} indeterminate={selected.size > 0 && !allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
              </TableCell>
              <TableCell>{translate('resources.staff.fields.username')}</TableCell>
              <TableCell>{translate('resources.staff.fields.displayName')}</TableCell>
              <TableCell>{translate('resources.staff.fields.branchId')}</TableCell>
              <TableCell>{translate('resources.staff.fields.roles')}</TableCell>
              <TableCell>{translate('resources.staff.fields.lastLoginAt')}</TableCell>
              <TableCell>{translate('resources.staff.fields.createdAt')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {!report.loading && rows.length === 0 && <EmptyRow colSpan={7} text="app.rights.dormant.none" />}
            {rows.map((row) => (
              <TableRow key={row.id} hover>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={selected.has(row.id)}
                    onChange={() => {
                      const next = new Set(selected);
                      if (next.has(row.id)) next.delete(row.id);
                      else next.add(row.id);
                      setSelected(next);
                    }}
                  />
                </TableCell>
                <TableCell>
                  <Link to={`/staff/${row.id}/show`}>{row.username}</Link>
                </TableCell>
                <TableCell>{row.displayName}</TableCell>
                <TableCell>{row.branch?.name ?? '—'}</TableCell>
                <TableCell>{(row.roles ?? []).map((r) => <RoleChip key={r} role={r} />)}</TableCell>
                <TableCell>{row.lastLoginAt ? <When value={row.lastLoginAt} /> : translate('app.rights.dormant.never')}</TableCell>
                <TableCell>
                  <When value={row.createdAt} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {confirming && report.data && (
          <ReasonDialog
            open
            danger
            title="app.rights.dormant.confirm_title"
            explanation={translate('app.rights.dormant.confirm_explain', { count: selected.size })}
            confirmLabel="app.rights.dormant.suspend"
            onClose={() => setConfirming(false)}
            onConfirm={async (reason) => {
              const result = await suspendDormant([...selected], report.data!.days, reason);
              notify('app.rights.dormant.done', { type: 'success', messageArgs: { count: result.suspended } });
              setSkipped(result.skipped);
              setSelected(new Set());
              report.reload();
            }}
          />
        )}
      </Card>
    </>
  );
};
