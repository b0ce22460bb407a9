import { Alert } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { explain, inspectionStep, type Explained, type Inspection } from './api';

export const FailureAlert = ({ failure }: { failure: Explained | null }) =>
  failure ? (
    <Alert severity={failure.code === 'BAD_USER_INPUT' ? 'warning' : 'error'} sx={{ mb: 2 }} data-testid="step-error" data-code={failure.code}>
      {failure.message}
      {failure.fields.map(([field, message]) => (
        <div key={field}>
          {field}：{message}
        </div>
      ))}
    </Alert>
  ) : null;

/** Runs one inspection mutation from a dialog form: the result replaces the page's inspection; a refusal stays in the dialog. */
export function useRun(onDone: (result: Inspection) => void, onClose: () => void) {
  const translate = useTranslate();
  const [failure, setFailure] = useState<Explained | null>(null);
  const run = async (call: () => Promise<Inspection>) => {
    setFailure(null);
    try {
      onDone(await call());
      onClose();
    } catch (error) {
      setFailure(explain(error, translate));
    }
  };
  return { failure, run };
}

/** Removes one part (a sample, a finding) of a draft inspection; a refusal is shown above the section. */
export function useRemovePart(inspection: Inspection, onChange: (i: Inspection) => void) {
  const translate = useTranslate();
  const [failure, setFailure] = useState<Explained | null>(null);
  const remove = async (step: 'removeQualitySample' | 'removeQualityFinding', args: Record<string, string>) => {
    setFailure(null);
    try {
      onChange(await inspectionStep(step, inspection, args));
    } catch (error) {
      setFailure(explain(error, translate));
    }
  };
  return { failure, remove };
}
