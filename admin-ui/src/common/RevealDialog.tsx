import { Alert, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

const MIN_REASON = 4;
const COMMON_REASONS = ['hotline', 'counter', 'claim', 'correction'] as const;

interface RevealDialogProps {
  open: boolean;
  type: string;
  id: string;
  field: string;
  fieldLabel: string;
  onClose: () => void;
  onRevealed: (value: string | null) => void;
}

/** Asks why the clear value is needed, then calls the audited `reveal`. */
export const RevealDialog = ({ open, type, id, field, fieldLabel, onClose, onRevealed }: RevealDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const tooShort = reason.trim().length < MIN_REASON;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tooShort || busy) return;
    setBusy(true);
    try {
      const value = await dataProvider.reveal({ type, id, field, reason: reason.trim() });
      onRevealed(value);
      setReason('');
      onClose();
    } catch (error) {
      notify((error as Error).message || 'app.reveal.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth aria-labelledby="reveal-title">
      <form onSubmit={submit}>
        <DialogTitle id="reveal-title">{translate('app.reveal.title', { field: fieldLabel })}</DialogTitle>
        <DialogContent>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.reveal.explanation')}
          </Alert>
          <TextField
            name="reason"
            label={translate('app.reveal.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
            fullWidth
            multiline
            minRows={2}
            required
            slotProps={{ htmlInput: { maxLength: 200 } }}
            helperText={translate('app.reveal.reason_help', { min: MIN_REASON })}
          />
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1.5, mb: 0.5 }}>
            {translate('app.reveal.common_reasons')}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
            {COMMON_REASONS.map((key) => (
              <Chip key={key} size="small" variant="outlined" label={translate(`app.reveal.reasons.${key}`)} onClick={() => setReason(translate(`app.reveal.reasons.${key}`))} />
            ))}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={tooShort || busy}>
            {translate('app.reveal.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
