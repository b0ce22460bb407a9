import CheckIcon from '@mui/icons-material/Check';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { explain, type Explained } from './api';

export interface StepField {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'date';
  /** What the field starts with (the conclusion already written, for instance). */
  initial?: string | null;
}

interface StepDialogProps {
  title: string;
  description?: ReactNode;
  fields: StepField[];
  /** Runs the step with the values typed; a rejection stays in the dialog, in words. */
  onConfirm: (values: Record<string, string>) => Promise<void>;
  onClose: () => void;
  /** Called when the server answers CONFLICT: the record moved on, reload it. */
  onConflict?: () => void;
  testId?: string;
}

/** One step (submit, review, return, publish, correct; start, complete, verify, reopen) as a small dialog. */
export const StepDialog = ({ title, description, fields, onConfirm, onClose, onConflict, testId }: StepDialogProps) => {
  const translate = useTranslate();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.filter((f) => f.initial).map((f) => [f.name, f.initial as string])));
  const [failure, setFailure] = useState<Explained | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = fields.filter((f) => f.required && !values[f.name]?.trim());
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm(values);
      onClose();
    } catch (error) {
      const explained = explain(error, translate);
      setFailure(explained);
      if (explained.code === 'CONFLICT') onConflict?.();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid={testId ?? 'step-dialog'}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {description && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {description}
          </Typography>
        )}
        {failure && (
          <Alert severity={failure.code === 'BAD_USER_INPUT' ? 'warning' : 'error'} sx={{ mb: 2 }} data-testid="step-error" data-code={failure.code}>
            {failure.message}
            {failure.fields.map(([field, message]) => (
              <div key={field}>
                {field}：{message}
              </div>
            ))}
          </Alert>
        )}
        {fields.map((field) => (
          <TextField
            key={field.name}
            name={field.name}
            label={translate(field.label)}
            required={field.required}
            type={field.type === 'date' ? 'date' : 'text'}
            multiline={field.multiline !== false && field.type !== 'date'}
            minRows={field.multiline === false || field.type === 'date' ? undefined : 2}
            fullWidth
            margin="dense"
            value={values[field.name] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
            slotProps={field.type === 'date' ? { inputLabel: { shrink: true } } : undefined}
          />
        ))}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" startIcon={<CheckIcon />} disabled={busy || missing.length > 0} onClick={confirm} data-testid="step-confirm">
          {translate('app.quality.common.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
