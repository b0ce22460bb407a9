import BlockIcon from '@mui/icons-material/BlockOutlined';
import LockOpenIcon from '@mui/icons-material/LockOpenOutlined';
import PauseIcon from '@mui/icons-material/PauseCircleOutline';
import PasswordIcon from '@mui/icons-material/PasswordOutlined';
import PlayIcon from '@mui/icons-material/PlayCircleOutline';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkEraseOutlined';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { resetStaffPassword, staffStep, unlockStaff, type StaffStep } from './api';
import { ReasonDialog } from '../rights/common';
import { useStaff } from '../common/useStaff';
import { TemporaryPassword } from './StaffCreate';

type Step = StaffStep | 'resetPassword' | 'unlock';

const STEPS: { step: Step; icon: ReactElement; show: (r: Record<string, unknown>) => boolean; danger?: boolean }[] = [
  { step: 'suspendStaff', icon: <PauseIcon />, show: (r) => r.status === 'active', danger: true },
  { step: 'disableStaff', icon: <BlockIcon />, show: (r) => r.status !== 'disabled', danger: true },
  { step: 'reactivateStaff', icon: <PlayIcon />, show: (r) => r.status === 'suspended' || r.status === 'disabled' },
  { step: 'resetPassword', icon: <PasswordIcon />, show: (r) => r.status !== 'disabled' },
  { step: 'unlock', icon: <LockOpenIcon />, show: (r) => r.locked === true },
  { step: 'resetStaffMfa', icon: <PhonelinkEraseIcon />, show: (r) => r.mfaEnrolled === true },
];

/**
 * The account's steps for administrators: suspend, disable (ends every session at once), reactivate,
 * reset password (the staff member chooses a new one at the next sign-in), unlock, reset the second
 * factor. Each asks for a reason, which goes to the audit trail. Not offered on one's own account.
 */
export const StaffActions = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const me = useStaff();
  const { canAccess } = useCanAccess({ action: 'update', resource: 'staff', record });
  const [open, setOpen] = useState<Step | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  if (!record || !canAccess || String(me?.id) === String(record.id)) return null;
  const id = String(record.id);

  const run = async (step: Step, reason: string) => {
    if (step === 'resetPassword') {
      setPassword(await resetStaffPassword(id, reason));
    } else if (step === 'unlock') {
      await unlockStaff(id);
    } else {
      await staffStep(step, id, reason);
    }
    notify(`app.rights.staff.steps.${step}.done`, { type: 'success' });
    refresh();
  };

  return (
    <>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} data-testid="staff-actions">
        {STEPS.filter((s) => s.show(record)).map((s) => (
          <Button key={s.step} size="small" variant="outlined" color={s.danger ? 'error' : 'primary'} startIcon={s.icon} onClick={() => setOpen(s.step)} data-testid={`step-${s.step}`}>
            {translate(`app.rights.staff.steps.${s.step}.label`)}
          </Button>
        ))}
      </Stack>
      {open && (
        <ReasonDialog
          open
          title={`app.rights.staff.steps.${open}.label`}
          explanation={`app.rights.staff.steps.${open}.explain`}
          confirmLabel={`app.rights.staff.steps.${open}.label`}
          reasonRequired={open !== 'unlock'}
          danger={STEPS.find((s) => s.step === open)?.danger}
          onClose={() => setOpen(null)}
          onConfirm={(reason) => run(open, reason)}
        />
      )}
      {password && (
        <ReasonDialogPassword password={password} onClose={() => setPassword(null)} />
      )}
    </>
  );
};

const ReasonDialogPassword = ({ password, onClose }: { password: string; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('app.rights.staff.steps.resetPassword.label')}</DialogTitle>
      <DialogContent>
        <TemporaryPassword password={password} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
