import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate, type HttpError, type RaRecord } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import type { StepAction } from '../../providers/complaintSteps';
import type { AppErrorBody } from '../../providers/toHttpError';

export interface StepFailure {
  code: string;
  reason?: string;
  message: string;
  /** Field problems as [field, message]: also listed in the alert, since a step's field may have no input (a server-side rule). */
  fields: [string, string][];
  /** The page was reloaded because the complaint changed under it (CONFLICT). */
  reloaded: boolean;
}

/**
 * Runs a step and says what happened. A refusal stays in the dialog, in words: CONFLICT (someone
 * moved the complaint on, or the page was stale) reloads the complaint so the buttons are right
 * again; FORBIDDEN (own proposal, above authority) explains; bad input goes onto its fields.
 */
export function useStepRunner(complaint: RaRecord, action: StepAction, onDone: () => void) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [failure, setFailure] = useState<StepFailure | null>(null);

  const run = async (values: Record<string, unknown>) => {
    setFailure(null);
    try {
      await dataProvider.complaintStep(action, { ...values, id: String(complaint.id), version: Number(complaint.version) });
      notify('app.complaints.step.done', { type: 'success', messageArgs: { action: translate(`app.complaints.actions.${action}`) } });
      refresh();
      onDone();
      return undefined;
    } catch (error) {
      const body = (error as HttpError).body as AppErrorBody | undefined;
      const code = body?.code ?? 'NETWORK';
      const reloaded = code === 'CONFLICT';
      const fields = Object.entries(body?.errors ?? {}).filter((entry): entry is [string, string] => entry[0] !== 'root' && typeof entry[1] === 'string');
      setFailure({ code, reason: body?.reason, message: (error as Error).message, fields, reloaded });
      if (reloaded) refresh();
      // Field errors are returned to the form, which shows each on its input.
      return body?.errors;
    }
  };

  return { run, failure, clearFailure: () => setFailure(null) };
}
