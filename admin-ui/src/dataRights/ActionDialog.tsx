import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, type ButtonProps, type DialogProps } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { ServerError } from '../graphql/serverError';
import { serverErrorOf } from '../inquiry/api';

/** What the server said, in one line: the per-field messages of a refused input, or the message. */
export const messageOf = (error: unknown): string => describeServerError(serverErrorOf(error));
const describeServerError = (server: ServerError): string => (server.fields ? Object.values(server.fields).join('; ') : server.message);

interface ActionDialogProps {
  title: ReactNode;
  submitLabel: string;
  /** Runs the action; throws to keep the dialog open with the server's answer shown under the inputs. */
  onSubmit: () => Promise<void>;
  onClose: () => void;
  /** The inputs; a function gets whether the action is running, to disable them meanwhile. */
  children: ReactNode | ((busy: boolean) => ReactNode);
  canSubmit?: boolean;
  submitIcon?: ReactNode;
  submitColor?: ButtonProps['color'];
  maxWidth?: DialogProps['maxWidth'];
  /** An i18n key with %{message}, wrapping the server's answer (default: the answer alone). */
  failedMessage?: string;
  /** Turns a refusal the screen knows into its own words (a domain reason code, say). */
  describeError?: (server: ServerError) => string;
  /** Shown while the action runs, e.g. a progress bar for a long export. */
  progress?: ReactNode;
  testId?: string;
  submitTestId?: string;
}

/**
 * The dialog every one-step action uses (exports, deletion requests, consents, channel keys): it
 * disables itself while the action runs, cannot be dismissed meanwhile, and keeps the server's
 * refusal on screen next to the inputs so the user can correct them and try again.
 */
export const ActionDialog = ({
  title,
  submitLabel,
  onSubmit,
  onClose,
  children,
  canSubmit = true,
  submitIcon,
  submitColor = 'primary',
  maxWidth = 'sm',
  failedMessage,
  describeError = describeServerError,
  progress,
  testId,
  submitTestId,
}: ActionDialogProps) => {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (e) {
      const message = describeError(serverErrorOf(e));
      setError(failedMessage ? translate(failedMessage, { message }) : message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth={maxWidth} fullWidth data-testid={testId}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 0.5 }}>
          {typeof children === 'function' ? children(busy) : children}
          {busy && progress}
          {error && (
            <Alert severity="error" data-testid="action-error">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          variant="contained"
          color={submitColor}
          onClick={submit}
          disabled={busy || !canSubmit}
          startIcon={busy && !progress ? <CircularProgress size={16} color="inherit" /> : submitIcon}
          data-testid={submitTestId}
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
