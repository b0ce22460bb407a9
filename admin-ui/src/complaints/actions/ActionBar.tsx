import EditIcon from '@mui/icons-material/EditOutlined';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { isStepAction, type StepAction } from '../../providers/complaintSteps';
import { StepDialog } from './StepDialog';

/** The steps that move a complaint forward get the solid buttons; the rest (refusals, withdrawals …) stay quiet. */
const FORWARD: ReadonlySet<StepAction> = new Set([
  'acknowledge',
  'accept',
  'assign',
  'propose_resolution',
  'approve_resolution',
  'communicate_decision',
  'close',
  'report_head_office',
  'report_regulator',
]);

/**
 * Exactly the steps the server lists in `availableActions` for this staff member, in this state,
 * now — one button each, opening that step's dialog. `update` is the edit form.
 */
export const ActionBar = () => {
  const complaint = useRecordContext();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [open, setOpen] = useState<StepAction | null>(null);
  if (!complaint) return null;
  const available = (complaint.availableActions as string[] | null) ?? [];
  const steps = available.filter(isStepAction);
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" data-testid="complaint-actions">
      {steps.map((action) => (
        <Button
          key={action}
          size="small"
          variant={FORWARD.has(action) ? 'contained' : 'outlined'}
          onClick={() => setOpen(action)}
          data-testid={`action-${action}`}
        >
          {translate(`app.complaints.actions.${action}`)}
        </Button>
      ))}
      {available.includes('update') && (
        <Button size="small" variant="text" startIcon={<EditIcon />} component={Link} to={createPath({ resource: 'complaints', type: 'edit', id: complaint.id })} data-testid="action-update">
          {translate('app.complaints.actions.edit')}
        </Button>
      )}
      {available.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.complaints.actions.none')}
        </Typography>
      )}
      {open && <StepDialog action={open} complaint={complaint} onClose={() => setOpen(null)} />}
    </Stack>
  );
};
