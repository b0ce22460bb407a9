import { Alert, Box, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { EffectivePermissions as Effective, EffectiveRule } from './api';
import { EmptyRow, ErrorAlert, RoleChip } from '../rights/common';
import { useExplainError } from '../rights/errors';

const list = (values: string[] | null | undefined) => (values && values.length ? values.join(', ') : null);

const RuleRows = ({ rules, withdrawn }: { rules: EffectiveRule[]; withdrawn?: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      {rules.map((rule, index) => (
        <TableRow key={`${rule.grantId}-${index}`} sx={withdrawn ? { '& td': { color: 'text.disabled', textDecoration: 'line-through' } } : undefined}>
          <TableCell sx={{ fontWeight: 500 }}>{rule.subject.join(', ')}</TableCell>
          <TableCell>
            {rule.inverted && <Chip size="small" color="error" label={translate('app.rights.rules.cannot')} sx={{ mr: 0.5 }} />}
            {rule.action.map((a) => translate(`app.rights.actions.${a}`, { _: a })).join('、')}
          </TableCell>
          <TableCell sx={{ maxWidth: 260, fontSize: 12 }}>{list(rule.fields) ?? translate('app.rights.rules.all_fields')}</TableCell>
          <TableCell sx={{ maxWidth: 220 }}>
            {rule.conditions ? <code style={{ fontSize: 12 }}>{JSON.stringify(rule.conditions)}</code> : translate('app.rights.rules.all_records')}
          </TableCell>
          <TableCell>
            <RoleChip role={{ name: rule.roleName, label: rule.roleLabel }} />
            <Typography variant="caption" color="text.secondary">
              #{rule.grantId ?? '—'}
            </Typography>
          </TableCell>
        </TableRow>
      ))}
    </>
  );
};

/** What a staff member can do right now: the merged rules, each with the grant that gives it, and what separation of duties withdraws. */
export const EffectivePermissionsTable = ({ data, error, loading }: { data?: Effective; error: unknown; loading: boolean }) => {
  const translate = useTranslate();
  const explain = useExplainError();
  if (loading && !data) return <LinearProgress />;
  if (error) return <ErrorAlert error={explain(error)} />;
  if (!data) return null;
  return (
    <Box data-testid="effective-permissions">
      {data.passwordChangeRequired && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('app.rights.staff.password_change_pending')}
        </Alert>
      )}
      {data.conflicts.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="duty-conflicts">
          {translate('app.rights.staff.conflicts', { pairs: data.conflicts.join('、') })}
        </Alert>
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.rights.rules.subject')}</TableCell>
            <TableCell>{translate('app.rights.rules.action')}</TableCell>
            <TableCell>{translate('app.rights.rules.fields')}</TableCell>
            <TableCell>{translate('app.rights.rules.conditions')}</TableCell>
            <TableCell>{translate('app.rights.rules.through')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.rules.length === 0 && data.withdrawn.length === 0 && <EmptyRow colSpan={5} text="app.rights.staff.no_rules" />}
          <RuleRows rules={data.rules} />
          <RuleRows rules={data.withdrawn} withdrawn />
        </TableBody>
      </Table>
      {data.withdrawn.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          {translate('app.rights.staff.withdrawn_hint')}
        </Typography>
      )}
    </Box>
  );
};
