import { maxLength, minLength, minValue, RadioButtonGroupInput, required, SelectInput, TextInput, useRecordContext } from 'react-admin';
import { enumChoices } from '../../common/choices';
import { InstantInput } from '../../common/InstantInput';
import { MoneyInput } from '../../common/MoneyInput';
import type { StepAction } from '../../providers/complaintSteps';
import { CONTACT_METHODS } from '../enums';
import { AuthorityHint } from './AuthorityHint';
import { HandlerInput } from './HandlerInput';
import { ProposalSummary } from './ProposalSummary';

const label = (field: string) => `app.complaints.step.${field}`;
const SATISFACTION = [1, 2, 3, 4, 5].map((score) => ({ id: score, name: `app.complaints.satisfaction.${score}` }));

/** A required free text, with the server's length rules (2 characters at least) checked before sending. */
const Text = ({ source, max, rows = 3 }: { source: string; max: number; rows?: number }) => (
  <TextInput source={source} label={label(source)} validate={[required(), minLength(2), maxLength(max)]} multiline minRows={rows} fullWidth />
);

/** The inputs of one workflow step, named as the step's mutation names its arguments. */
export const StepInputs = ({ action }: { action: StepAction }) => {
  const complaint = useRecordContext();
  switch (action) {
    case 'request_materials':
      return (
        <>
          <Text source="materials" max={2000} />
          <SelectInput source="notifiedVia" label={label('notifiedVia')} choices={enumChoices('ContactMethod', CONTACT_METHODS)} validate={required()} fullWidth />
        </>
      );
    case 'accept':
      // Only a complaint that waited for materials says when they became complete; the clocks run from then.
      return complaint?.state === 'awaiting_materials' ? <InstantInput source="materialsReceivedAt" label={label('materialsReceivedAt')} validate={required()} fullWidth /> : null;
    case 'not_accept':
      return (
        <>
          <Text source="reason" max={500} rows={2} />
          <TextInput source="forwardedTo" label={label('forwardedTo')} validate={maxLength(200)} fullWidth />
        </>
      );
    case 'assign':
      return <HandlerInput />;
    case 'propose_resolution':
      return (
        <>
          <Text source="resolution" max={5000} />
          <MoneyInput source="compensationFen" label={label('compensationFen')} validate={[required(), minValue(0)]} fullWidth />
          <AuthorityHint />
        </>
      );
    case 'approve_resolution':
      return <ProposalSummary />;
    case 'reject_resolution':
      return (
        <>
          <ProposalSummary />
          <Text source="reason" max={500} rows={2} />
        </>
      );
    case 'communicate_decision':
      return <SelectInput source="method" label={label('method')} choices={enumChoices('ContactMethod', CONTACT_METHODS)} validate={required()} fullWidth />;
    case 'close':
      return <RadioButtonGroupInput source="satisfaction" label={label('satisfaction')} choices={SATISFACTION} validate={required()} row={false} />;
    case 'appeal':
    case 'withdraw':
    case 'extend_deadline':
    case 'mark_major':
      return <Text source="reason" max={500} rows={2} />;
    case 'report_head_office':
    case 'report_regulator':
      return <Text source="report" max={10000} rows={5} />;
    default:
      return null;
  }
};

/** Starting values: the step's sensible default where there is one (materials complete now, no compensation). */
export function stepDefaults(action: StepAction, state: unknown): Record<string, unknown> {
  if (action === 'accept' && state === 'awaiting_materials') return { materialsReceivedAt: new Date().toISOString() };
  if (action === 'propose_resolution') return { compensationFen: 0 };
  return {};
}
