import { Alert } from '@mui/material';
import { ArrayInput, Edit, maxValue, minValue, NumberInput, RadioButtonGroupInput, required, SimpleForm, SimpleFormIterator, TextInput, useNotify, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import { FormSection } from '../common/FormSection';
import { MoneyInput } from '../common/MoneyInput';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';

const f = (field: string) => `app.deadline_policy.fields.${field}`;
const whole = (min: number, max: number) => [required(), minValue(min), maxValue(max)];
const Count = ({ source, min = 1, max = 365 }: { source: string; min?: number; max?: number }) => <NumberInput source={source} label={f(source)} validate={whole(min, max)} step={1} />;

/**
 * The complaint deadline policy (one record): deadlines, what makes a complaint major, who is told
 * when a clock is breached, and how much compensation each role may grant. For compliance and
 * administrators; the server re-checks every value and applies the change to all open complaints.
 */
export const DeadlinePolicyPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const onError = useSaveErrorHandler();
  return (
    <Edit
      resource="complaintPolicy"
      id="current"
      mutationMode="pessimistic"
      mutationOptions={{ onError, onSuccess: () => notify('app.deadline_policy.saved', { type: 'success' }) }}
      redirect={false}
      title={translate('app.deadline_policy.title')}
      actions={false}
    >
      <SimpleForm warnWhenUnsavedChanges>
        <Alert severity="info" sx={{ mb: 2, width: '100%', boxSizing: 'border-box' }}>
          {translate('app.deadline_policy.explanation')}
        </Alert>
        <FormSection title="app.deadline_policy.sections.deadlines" first>
          <Count source="firstResponseHours" max={720} />
          <Count source="materialsNoticeWorkingDays" />
          <Count source="resolutionTargetWorkingDays" />
          <Count source="regulatoryResolutionDays" />
          <Count source="regulatoryExtendedDays" />
          <RadioButtonGroupInput source="regulatoryDayKind" label={f('regulatoryDayKind')} choices={enumChoices('RegulatoryDayKind', ['calendar', 'working'])} validate={required()} />
          <Count source="headOfficeReportHours" max={720} />
          <Count source="warnAtPercent" max={99} />
        </FormSection>
        <FormSection title="app.deadline_policy.sections.major">
          <MoneyInput source="majorAmountFen" label={f('majorAmountFen')} validate={required()} />
          <Count source="majorDeathCount" max={1000} />
        </FormSection>
        <FormSection title="app.deadline_policy.sections.escalation">
          <TextInput source="breachEscalationRole" label={f('breachEscalationRole')} validate={required()} />
          <TextInput source="complianceEscalationRole" label={f('complianceEscalationRole')} validate={required()} />
          <Count source="complianceAfterWorkingDays" min={0} />
        </FormSection>
        <FormSection title="app.deadline_policy.sections.authority">
          <ArrayInput source="approvalLimits" label={false} sx={{ gridColumn: '1 / -1' }}>
            <SimpleFormIterator inline disableReordering>
              <TextInput source="role" label={f('role')} validate={required()} sx={{ width: 200 }} />
              <MoneyInput source="limitFen" label={f('limitFen')} sx={{ width: 260 }} />
            </SimpleFormIterator>
          </ArrayInput>
        </FormSection>
      </SimpleForm>
    </Edit>
  );
};
