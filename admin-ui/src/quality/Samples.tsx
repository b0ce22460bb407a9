import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Table, TableBody, TableCell, TableRow, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, Form, FormDataConsumer, ReferenceInput, SaveButton, SelectInput, required, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import { inspectionStep, type Inspection } from './api';
import { EnumChip, Muted } from './common';
import { SAMPLE_KINDS } from './enums';
import { FailureAlert, useRemovePart, useRun } from './inspectionParts';

/** react-admin resources to pick each kind of sample from, and how an option reads. */
const SAMPLE_SOURCES: Record<string, { reference: string; optionText: (r: Record<string, unknown>) => string }> = {
  complaint: { reference: 'complaints', optionText: (r) => `${r.number ?? r.id} ${r.summary ?? ''}` },
  inquiry: { reference: 'policyInquiries', optionText: (r) => `#${r.id} ${r.policyNumber ?? ''}` },
  staff: { reference: 'staff', optionText: (r) => `${r.displayName ?? ''}（${r.username ?? ''}）` },
  policy: { reference: 'policies', optionText: (r) => `${r.policyNumber ?? r.id} ${r.productName ?? ''}` },
};

const AddSampleDialog = ({ inspection, onDone, onClose }: { inspection: Inspection; onDone: (i: Inspection) => void; onClose: () => void }) => {
  const translate = useTranslate();
  const { failure, run } = useRun(onDone, onClose);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="sample-dialog">
      <Form defaultValues={{ kind: 'staff' }} onSubmit={(values: Record<string, unknown>) => run(() => inspectionStep('addQualitySample', inspection, { kind: values.kind, refId: String(values.refId) }))}>
        <DialogTitle>{translate('app.quality.inspection.sample.add')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.quality.inspection.sample.own_work_hint')}
          </Typography>
          <FailureAlert failure={failure} />
          <SelectInput source="kind" label="app.quality.inspection.sample.kind" choices={enumChoices('QualitySampleKind', SAMPLE_KINDS)} validate={required()} />
          <FormDataConsumer>
            {({ formData }) => {
              const source = SAMPLE_SOURCES[formData.kind as string];
              if (!source) return null;
              return (
                <ReferenceInput key={formData.kind} source="refId" reference={source.reference} perPage={25}>
                  <AutocompleteInput label="app.quality.inspection.sample.ref" optionText={source.optionText} filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
                </ReferenceInput>
              );
            }}
          </FormDataConsumer>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="app.quality.common.confirm" icon={<AddIcon />} alwaysEnable data-testid="step-confirm" />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** The sampled items; the inspector adds and removes them while the report is a draft. */
export const SamplesSection = ({ inspection, editable, onChange }: { inspection: Inspection; editable: boolean; onChange: (i: Inspection) => void }) => {
  const translate = useTranslate();
  const [adding, setAdding] = useState(false);
  const samples = inspection.samples ?? [];
  const { failure, remove } = useRemovePart(inspection, onChange);
  return (
    <>
      <FailureAlert failure={failure} />
      {samples.length === 0 ? (
        <Muted>{translate('app.quality.inspection.sample.empty')}</Muted>
      ) : (
        <Table size="small" data-testid="sample-table">
          <TableBody>
            {samples.map((s) => (
              <TableRow key={s.id}>
                <TableCell sx={{ width: 110 }}>
                  <EnumChip enumName="QualitySampleKind" value={s.kind} />
                </TableCell>
                <TableCell>{s.label}</TableCell>
                <TableCell align="right" sx={{ width: 48 }}>
                  {editable && inspection.kind !== 'return_visit' && (
                    <Tooltip title={translate('app.quality.inspection.sample.remove')}>
                      <IconButton size="small" onClick={() => remove('removeQualitySample', { sampleId: s.id })} aria-label={translate('app.quality.inspection.sample.remove')}>
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
      {editable && inspection.kind !== 'return_visit' && (
        <Button size="small" startIcon={<AddIcon />} onClick={() => setAdding(true)} sx={{ mt: 1 }} data-testid="add-sample">
          {translate('app.quality.inspection.sample.add')}
        </Button>
      )}
      {adding && <AddSampleDialog inspection={inspection} onDone={onChange} onClose={() => setAdding(false)} />}
    </>
  );
};
