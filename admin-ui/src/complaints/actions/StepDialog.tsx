import CheckIcon from '@mui/icons-material/Check';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { Form, RecordContextProvider, SaveButton, TextInput, maxLength, useTranslate, type RaRecord } from 'react-admin';
import type { StepAction } from '../../providers/complaintSteps';
import { StepInputs, stepDefaults } from './StepInputs';
import { useStepRunner } from './useStepRunner';

interface StepDialogProps {
  action: StepAction;
  complaint: RaRecord;
  onClose: () => void;
}

/**
 * One workflow step as a small form: what the step does, its inputs, an optional note (kept on the
 * timeline), and the server's refusal in words when it says no.
 */
export const StepDialog = ({ action, complaint, onClose }: StepDialogProps) => {
  const translate = useTranslate();
  const { run, failure } = useStepRunner(complaint, action, onClose);
  const title = translate(`app.complaints.actions.${action}`);
  const noteLabel = action === 'close' ? 'resources.complaints.fields.returnCallNote' : 'app.complaints.step.note';
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="step-title" data-testid={`step-dialog-${action}`}>
      {/* The form starts from the step's defaults, not from the complaint: a new step never inherits an old answer. */}
      <Form record={{ id: complaint.id }} defaultValues={stepDefaults(action, complaint.state)} onSubmit={run}>
        <DialogTitle id="step-title" sx={{ pb: 0.5 }}>
          {title}
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1, fontFamily: 'ui-monospace, Menlo, monospace' }}>
            {String(complaint.number ?? '')}
          </Typography>
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(`app.complaints.dialogs.${action}`)}
          </Typography>
          {failure && (
            <Alert severity={failure.code === 'BAD_USER_INPUT' ? 'warning' : 'error'} sx={{ mb: 2 }} data-testid="step-error" data-code={failure.code}>
              {failure.message}
              {failure.fields.map(([field, message]) => (
                <div key={field}>
                  {translate(`app.complaints.step.${field}`, { _: field })}：{message}
                </div>
              ))}
              {/* A stale version's own message already says the record was reloaded. */}
              {failure.reloaded && failure.reason !== 'STALE_VERSION' ? ` ${translate('app.complaints.step.reloaded')}` : ''}
            </Alert>
          )}
          <RecordContextProvider value={complaint}>
            <StepInputs action={action} />
          </RecordContextProvider>
          <TextInput source="note" label={noteLabel} validate={maxLength(2000)} multiline minRows={2} fullWidth />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="app.complaints.step.confirm" icon={<CheckIcon />} alwaysEnable data-testid="step-confirm" />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
