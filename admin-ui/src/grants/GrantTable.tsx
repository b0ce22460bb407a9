import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';
import { useStaff } from '../common/useStaff';
import type { GrantRow } from '../rights/api';
import { grantStep, type GrantStep } from './api';
import { EmptyRow, EnumChip, GRANT_STATUS_TONES, ReasonDialog, RoleChip, When } from '../rights/common';

/**
 * Grants as a dense table with their steps: approve or reject a pending high-risk grant (a second
 * administrator: neither the granter nor the holder), revoke an active or pending one. Used on an
 * account's page and in the pending-approvals list.
 */
export const GrantTable = ({ grants, onChanged, showStaff = false, testId = 'grant-table' }: { grants: GrantRow[]; onChanged: () => void; showStaff?: boolean; testId?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const ability = useAbility();
  const me = useStaff();
  const [step, setStep] = useState<{ step: GrantStep; grant: GrantRow } | null>(null);
  const canRevoke = !!ability?.can('grant', 'RoleGrant');
  const canApprove = !!ability?.can('approve', 'RoleGrant');
  const columns = showStaff ? 8 : 7;

  return (
    <>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            {showStaff && <TableCell>{translate('resources.roleGrants.fields.staffId')}</TableCell>}
            <TableCell>{translate('resources.roleGrants.fields.roleId')}</TableCell>
            <TableCell>{translate('resources.roleGrants.fields.status')}</TableCell>
            <TableCell>{translate('resources.roleGrants.fields.reason')}</TableCell>
            <TableCell>{translate('app.rights.grants.period')}</TableCell>
            <TableCell>{translate('resources.roleGrants.fields.grantedById')}</TableCell>
            <TableCell>{translate('resources.roleGrants.fields.approvedById')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {grants.length === 0 && <EmptyRow colSpan={columns} text="app.rights.grants.none" />}
          {grants.map((grant) => {
            const open = grant.status === 'active' || grant.status === 'pending_approval';
            const mineToApprove = grant.status === 'pending_approval' && canApprove && String(grant.grantedBy?.id) !== String(me?.id) && String(grant.staff?.id) !== String(me?.id);
            return (
              <TableRow key={grant.id} data-testid={`grant-${grant.id}`} data-status={grant.status} sx={{ opacity: open ? 1 : 0.6 }}>
                {showStaff && (
                  <TableCell>
                    {grant.staff?.displayName ?? '—'}
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {grant.staff?.username}
                    </Typography>
                  </TableCell>
                )}
                <TableCell>
                  <RoleChip role={grant.role} highRisk={grant.role?.highRisk} />
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} alignItems="center">
                    <EnumChip enumName="GrantStatus" value={grant.status} tones={GRANT_STATUS_TONES} />
                    {grant.status === 'active' && grant.inEffect === false && (
                      <Typography variant="caption" color="text.secondary">
                        {translate('app.rights.grants.not_in_effect')}
                      </Typography>
                    )}
                  </Stack>
                  {grant.revokeReason && (
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {grant.revokeReason}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ maxWidth: 260 }}>{grant.reason ?? '—'}</TableCell>
                <TableCell>
                  <When value={grant.validFrom ?? grant.createdAt} /> → {grant.validUntil ? <When value={grant.validUntil} /> : translate('app.rights.grants.open_ended')}
                </TableCell>
                <TableCell>{grant.grantedBy?.displayName ?? '—'}</TableCell>
                <TableCell>{grant.approvedBy?.displayName ?? '—'}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {mineToApprove && (
                    <>
                      <Button size="small" variant="contained" onClick={() => setStep({ step: 'approveRoleGrant', grant })} data-testid="approve-grant">
                        {translate('app.rights.grants.approve')}
                      </Button>{' '}
                      <Button size="small" color="error" onClick={() => setStep({ step: 'rejectRoleGrant', grant })} data-testid="reject-grant">
                        {translate('app.rights.grants.reject')}
                      </Button>
                    </>
                  )}
                  {open && canRevoke && grant.status === 'active' && (
                    <Button size="small" color="error" onClick={() => setStep({ step: 'revokeRoleGrant', grant })} data-testid="revoke-grant">
                      {translate('app.rights.grants.revoke')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {step && (
        <ReasonDialog
          open
          title={`app.rights.grants.steps.${step.step}.title`}
          explanation={`app.rights.grants.steps.${step.step}.explain`}
          confirmLabel={`app.rights.grants.steps.${step.step}.confirm`}
          reasonRequired={step.step !== 'approveRoleGrant'}
          danger={step.step !== 'approveRoleGrant'}
          onClose={() => setStep(null)}
          onConfirm={async (reason) => {
            await grantStep(step.step, step.grant.id, reason || null);
            notify(`app.rights.grants.steps.${step.step}.done`, { type: 'success' });
            onChanged();
          }}
        />
      )}
    </>
  );
};
