import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { BooleanInput, Form, SaveButton, SelectInput, TextInput, maxLength, required, useCreatePath, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { enumChoices } from '../common/choices';
import { createRectification, explain, inspectionStep, type Explained, type Finding, type Inspection } from './api';
import { EnumChip, Muted, OverdueBadge, StaffInput } from './common';
import { DIMENSIONS, RECTIFICATION_STATE_TONES, SEVERITIES, SEVERITY_TONES } from './enums';
import { FailureAlert, useRemovePart, useRun } from './inspectionParts';

const FindingDialog = ({ inspection, onDone, onClose }: { inspection: Inspection; onDone: (i: Inspection) => void; onClose: () => void }) => {
  const translate = useTranslate();
  const { failure, run } = useRun(onDone, onClose);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="finding-dialog">
      <Form
        defaultValues={{ severity: 'minor', needsAction: false }}
        onSubmit={(values: Record<string, unknown>) =>
          run(() =>
            inspectionStep('addQualityFinding', inspection, {
              dimension: values.dimension,
              severity: values.severity,
              description: values.description,
              concernedStaffId: values.concernedStaffId ? String(values.concernedStaffId) : null,
              concernedProcess: values.concernedProcess || null,
              needsAction: !!values.needsAction,
            }),
          )
        }
      >
        <DialogTitle>{translate('app.quality.inspection.finding.add')}</DialogTitle>
        <DialogContent>
          <FailureAlert failure={failure} />
          <Stack direction="row" spacing={2}>
            <SelectInput source="dimension" label="app.quality.inspection.finding.dimension" choices={enumChoices('QualityDimension', DIMENSIONS)} validate={required()} />
            <SelectInput source="severity" label="app.quality.inspection.finding.severity" choices={enumChoices('FindingSeverity', SEVERITIES)} validate={required()} />
          </Stack>
          <TextInput source="description" label="app.quality.inspection.finding.description" multiline minRows={3} fullWidth validate={[required(), maxLength(5000)]} />
          <Stack direction="row" spacing={2}>
            <StaffInput source="concernedStaffId" label="app.quality.inspection.finding.staff" />
            <TextInput source="concernedProcess" label="app.quality.inspection.finding.process" validate={maxLength(200)} />
          </Stack>
          <BooleanInput source="needsAction" label="app.quality.inspection.finding.needs_action" />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="app.quality.common.confirm" icon={<AddIcon />} alwaysEnable data-testid="step-confirm" />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

const RaiseRectificationDialog = ({ finding, onDone, onClose }: { finding: Finding; onDone: () => void; onClose: () => void }) => {
  const translate = useTranslate();
  const [failure, setFailure] = useState<Explained | null>(null);
  const submit = async (values: Record<string, unknown>) => {
    setFailure(null);
    try {
      await createRectification({
        findingId: finding.id,
        ownerId: String(values.ownerId),
        requiredAction: String(values.requiredAction ?? ''),
        dueDate: (values.dueDate as string) || null,
        dueWorkingDays: values.dueDate ? null : Number(values.dueWorkingDays) || null,
      });
      onDone();
      onClose();
    } catch (error) {
      setFailure(explain(error, translate));
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="rectification-dialog">
      <Form defaultValues={{ ownerId: finding.concernedStaffId ?? undefined, dueWorkingDays: 10 }} onSubmit={submit}>
        <DialogTitle>{translate('app.quality.rectification.raise_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {finding.description}
          </Typography>
          <FailureAlert failure={failure} />
          <StaffInput source="ownerId" label="app.quality.rectification.owner" required />
          <TextInput source="requiredAction" label="app.quality.rectification.required_action" multiline minRows={2} fullWidth validate={[required(), maxLength(5000)]} />
          <Stack direction="row" spacing={2}>
            <TextInput source="dueWorkingDays" label="app.quality.rectification.due_working_days" type="number" />
            <TextInput source="dueDate" label="app.quality.rectification.due_date" type="date" slotProps={{ inputLabel: { shrink: true } }} />
          </Stack>
          <Typography variant="caption" color="text.secondary">
            {translate('app.quality.rectification.due_hint')}
          </Typography>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="app.quality.common.confirm" alwaysEnable data-testid="step-confirm" />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** The findings: dimension, severity, what, whom or which process; each needing action links to its rectification. */
export const FindingsSection = ({ inspection, editable, canRaise, onChange, reload }: { inspection: Inspection; editable: boolean; canRaise: boolean; onChange: (i: Inspection) => void; reload: () => void }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [adding, setAdding] = useState(false);
  const [raising, setRaising] = useState<Finding | null>(null);
  const findings = inspection.findings ?? [];
  const { failure, remove } = useRemovePart(inspection, onChange);
  return (
    <>
      <FailureAlert failure={failure} />
      {findings.length === 0 ? (
        <Muted>{translate('app.quality.inspection.finding.empty')}</Muted>
      ) : (
        <Table size="small" data-testid="finding-table" sx={{ '& td, & th': { px: 1 } }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.quality.inspection.finding.dimension')}</TableCell>
              <TableCell>{translate('app.quality.inspection.finding.severity')}</TableCell>
              <TableCell>{translate('app.quality.inspection.finding.description')}</TableCell>
              <TableCell>{translate('app.quality.inspection.finding.concerned')}</TableCell>
              <TableCell>{translate('app.quality.inspection.finding.rectification')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {findings.map((f) => (
              <TableRow key={f.id} data-testid="finding-row">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`app.enums.QualityDimension.${f.dimension}`)}</TableCell>
                <TableCell>
                  <EnumChip enumName="FindingSeverity" value={f.severity} tones={SEVERITY_TONES} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{f.description}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{[f.concernedStaff?.displayName, f.concernedProcess].filter(Boolean).join(' / ') || '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {f.rectification ? (
                    <Stack direction="row" spacing={0.5} alignItems="center">
                      <Link to={createPath({ resource: 'qualityRectifications', type: 'show', id: f.rectification.id })}>{f.rectification.number}</Link>
                      <EnumChip enumName="RectificationState" value={f.rectification.state} tones={RECTIFICATION_STATE_TONES} />
                      <OverdueBadge overdue={f.rectification.overdue} />
                    </Stack>
                  ) : f.needsAction ? (
                    canRaise && inspection.state === 'published' ? (
                      <Button size="small" variant="outlined" onClick={() => setRaising(f)} data-testid="raise-rectification">
                        {translate('app.quality.inspection.finding.raise')}
                      </Button>
                    ) : (
                      translate('app.quality.inspection.finding.needs_action')
                    )
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell align="right">
                  {editable && (
                    <Tooltip title={translate('app.quality.inspection.finding.remove')}>
                      <IconButton size="small" onClick={() => remove('removeQualityFinding', { findingId: f.id })} aria-label={translate('app.quality.inspection.finding.remove')}>
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editable && (
        <Button size="small" startIcon={<AddIcon />} onClick={() => setAdding(true)} sx={{ mt: 1 }} data-testid="add-finding">
          {translate('app.quality.inspection.finding.add')}
        </Button>
      )}
      {adding && <FindingDialog inspection={inspection} onDone={onChange} onClose={() => setAdding(false)} />}
      {raising && <RaiseRectificationDialog finding={raising} onDone={reload} onClose={() => setRaising(null)} />}
    </>
  );
};
