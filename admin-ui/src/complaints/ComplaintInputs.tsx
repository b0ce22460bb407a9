import { BooleanInput, maxLength, minLength, minValue, NumberInput, required, SelectInput, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { BranchInput } from '../common/BranchInput';
import { enumChoices } from '../common/choices';
import { FormSection } from '../common/FormSection';
import { InstantInput } from '../common/InstantInput';
import { MoneyInput } from '../common/MoneyInput';
import { ComplainantInputs } from './ComplainantInputs';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from './enums';
import { MajorPreview } from './MajorPreview';

const f = (field: string) => `resources.complaints.fields.${field}`;
const wide = { gridColumn: '1 / -1' } as const;

/**
 * The registration form, shared by registering and correcting. A complaint transferred by the
 * regulator also asks for the regulator's reference and deadline. The server validates again; its
 * per-field answers (contact missing, deadline before receipt …) land on these inputs.
 */
export const ComplaintInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
  const channel = useWatch({ name: 'channel' }) as string | undefined;
  const action = mode === 'create' ? 'create' : 'update';
  return (
    <>
      <FormSection title="app.complaints.sections.source" first>
        <SelectInput source="channel" label={f('channel')} choices={enumChoices('ComplaintChannel', COMPLAINT_CHANNELS)} validate={required()} />
        <InstantInput source="receivedAt" label={f('receivedAt')} helperText="app.complaints.form.received_help" validate={required()} />
        <BranchInput source="branchId" label={f('branchId')} type="Complaint" action={action} validate={required()} />
        {channel === 'regulator' && (
          <>
            <TextInput source="regulatorReference" label={f('regulatorReference')} validate={[required(), maxLength(64)]} />
            <InstantInput source="regulatorDueAt" label={f('regulatorDueAt')} helperText="app.complaints.form.regulator_due_help" validate={required()} />
          </>
        )}
      </FormSection>
      <FormSection title="app.complaints.sections.complainant">
        <ComplainantInputs />
      </FormSection>
      <FormSection title="app.complaints.sections.content">
        <SelectInput source="category" label={f('category')} choices={enumChoices('ComplaintCategory', COMPLAINT_CATEGORIES)} validate={required()} />
        <TextInput source="summary" label={f('summary')} validate={[required(), minLength(2), maxLength(200)]} sx={{ gridColumn: { lg: 'span 2' } }} />
        <TextInput source="details" label={f('details')} validate={maxLength(10000)} multiline minRows={3} sx={wide} />
      </FormSection>
      <FormSection title="app.complaints.sections.severity">
        <MoneyInput source="disputedAmountFen" label={f('disputedAmountFen')} helperText="app.complaints.form.amount_help" />
        <NumberInput source="deathCount" label={f('deathCount')} validate={minValue(0)} min={0} step={1} />
        <BooleanInput source="involvesMedia" label={f('involvesMedia')} />
        <BooleanInput source="involvesLitigation" label={f('involvesLitigation')} />
        <BooleanInput source="groupComplaint" label={f('groupComplaint')} />
        {/* Later, marking major is a step of its own with a reason (markComplaintMajor), never undone by an edit. */}
        {mode === 'create' && <BooleanInput source="majorByHand" label={f('majorByHand')} helperText="app.complaints.form.major_by_hand_help" />}
        <MajorPreview mode={mode} />
      </FormSection>
    </>
  );
};

/**
 * What is sent: the form's own switch is dropped; a complainant given by contact details is not
 * linked to a customer; a complaint not transferred by the regulator carries no regulator fields.
 */
export function complaintTransform(data: Record<string, unknown>): Record<string, unknown> {
  const { complainantMode, ...rest } = data;
  if (complainantMode === 'contact') rest.complainantCustomerId = null;
  if (rest.channel !== 'regulator') {
    rest.regulatorReference = null;
    rest.regulatorDueAt = null;
  }
  return rest;
}
