import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TableCell, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useTimezone } from '../common/useStaff';
import type { ExplainedError } from './errors';
import { useExplainError } from './errors';

type Tone = 'default' | 'success' | 'warning' | 'error' | 'info' | 'primary';

export const STAFF_STATUS_TONES: Record<string, Tone> = { active: 'success', suspended: 'warning', disabled: 'error' };
export const GRANT_STATUS_TONES: Record<string, Tone> = { active: 'success', pending_approval: 'warning', rejected: 'default', revoked: 'default' };
export const OUTCOME_TONES: Record<string, Tone> = { success: 'success', denied: 'error', failed: 'warning' };

/** An enum value as a small chip in the user's language (app.enums.<Enum>.<value>). */
export const EnumChip = ({ enumName, value, tones }: { enumName: string; value: string | null | undefined; tones?: Record<string, Tone> }) => {
  const translate = useTranslate();
  if (!value) return <Typography component="span" variant="body2" color="text.disabled">—</Typography>;
  const tone = tones?.[value] ?? 'default';
  return <Chip size="small" label={translate(`app.enums.${enumName}.${value}`, { _: value })} color={tone} variant={tone === 'default' ? 'outlined' : 'filled'} sx={{ fontWeight: 500 }} />;
};

/** A role by its console label: the built-in ones in the user's language, others as the administrator named them. */
export function useRoleLabel() {
  const translate = useTranslate();
  return (role: { name?: string | null; label?: string | null } | string | null | undefined): string => {
    if (!role) return '—';
    const name = typeof role === 'string' ? role : (role.name ?? '');
    const label = typeof role === 'string' ? null : role.label;
    return translate(`app.roles.${name}`, { _: label || name || '—' });
  };
}

export const RoleChip = ({ role, highRisk }: { role: { name?: string | null; label?: string | null } | string | null | undefined; highRisk?: boolean | null }) => {
  const roleLabel = useRoleLabel();
  const translate = useTranslate();
  const chip = <Chip size="small" variant="outlined" color={highRisk ? 'warning' : 'primary'} label={roleLabel(role)} sx={{ mr: 0.5, mb: 0.25 }} />;
  return highRisk ? <Tooltip title={translate('app.rights.roles.high_risk_hint')}>{chip}</Tooltip> : chip;
};

/** A UTC time as wall time in the staff member's zone. */
export const When = ({ value }: { value: string | null | undefined }) => {
  const timeZone = useTimezone();
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatDateTime(value, timeZone)}
    </Typography>
  );
};

/** A refusal as the server explained it; the particulars (which pair, which rule) under the summary. */
export const ErrorAlert = ({ error, testId = 'rights-error' }: { error: ExplainedError | null; testId?: string }) => {
  if (!error) return null;
  const fields = Object.entries(error.fields);
  return (
    <Alert severity="error" data-testid={testId} sx={{ mb: 2 }}>
      <Box>{error.message}</Box>
      {error.detail && (
        <Box sx={{ mt: 0.5, fontSize: 13 }} data-testid={`${testId}-detail`}>
          {error.detail}
        </Box>
      )}
      {fields.map(([field, text]) => (
        <Box key={field} sx={{ mt: 0.5, fontSize: 13 }}>
          <code>{field}</code>: {text}
        </Box>
      ))}
    </Alert>
  );
};

/**
 * A step that needs a reason on record (suspend, disable, reject, revoke …): the reason is asked
 * for, the call made, and a refusal stays in the dialog.
 */
export const ReasonDialog = ({
  open,
  title,
  explanation,
  confirmLabel,
  reasonRequired = true,
  onClose,
  onConfirm,
  children,
  danger,
  reasonLabel = 'app.rights.reason',
  reasonHelp,
  ready = true,
}: {
  reasonLabel?: string;
  reasonHelp?: string;
  /** False while the dialog's other inputs (children) are incomplete. */
  ready?: boolean;
  open: boolean;
  title: string;
  explanation?: ReactNode;
  confirmLabel: string;
  reasonRequired?: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
  children?: ReactNode;
  danger?: boolean;
}) => {
  const translate = useTranslate();
  const explain = useExplainError();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplainedError | null>(null);
  const close = () => {
    if (busy) return;
    setReason('');
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      setReason('');
      onClose();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <ErrorAlert error={error} testId="dialog-error" />
        {explanation && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {typeof explanation === 'string' ? translate(explanation) : explanation}
          </Typography>
        )}
        {children}
        <TextField
          name="reason"
          label={translate(reasonLabel)}
          helperText={translate(reasonHelp ?? (reasonRequired ? 'app.rights.reason_help' : 'app.rights.reason_optional'))}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          multiline
          minRows={2}
          fullWidth
          autoFocus
          slotProps={{ htmlInput: { 'data-testid': 'reason-input' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color={danger ? 'error' : 'primary'} onClick={confirm} disabled={busy || !ready || (reasonRequired && reason.trim().length < 2)} data-testid="confirm-button">
          {translate(confirmLabel)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** A title and subtitle above a page's content. */
export const PageHeading = ({ title, subtitle, action }: { title: string; subtitle?: string; action?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" alignItems="flex-start" spacing={2} sx={{ mt: 2, mb: 2 }}>
      <Box sx={{ flex: 1 }}>
        <Typography variant="h6" sx={{ fontWeight: 700 }}>
          {translate(title)}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary">
            {translate(subtitle)}
          </Typography>
        )}
      </Box>
      {action}
    </Stack>
  );
};

/** A plain dense table for report screens (not react-admin lists: the data is one server answer). */
export const EmptyRow = ({ colSpan, text }: { colSpan: number; text: string }) => {
  const translate = useTranslate();
  return (
    <TableRow>
      <TableCell colSpan={colSpan} sx={{ py: 4, textAlign: 'center', color: 'text.secondary' }} data-testid="empty-report">
        {translate(text)}
      </TableCell>
    </TableRow>
  );
};

/** Option text of a role picker: built-in roles in the user's language, others by their label. */
export const roleOptionText =
  (translate: (key: string, options?: Record<string, unknown>) => string) =>
  (role: { name?: string | null; label?: string | null }) =>
    translate(`app.roles.${role.name ?? ''}`, { _: role.label || role.name || '' });
