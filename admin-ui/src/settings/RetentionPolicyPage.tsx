import { useAbility } from '../common/useAbility';
import { FormSection } from '../common/FormSection';
import { retentionPolicyApi } from './api';
import { NumberSetting, SettingsForm } from './SettingsForm';

const P = 'app.data_rights.retention';

/**
 * The legal retention period (one record): how long a customer's data is kept after their last policy
 * ends before a deletion request is carried out by anonymisation. Compliance changes it; administrators
 * read it. The anonymisation job recomputes every pending request's date with it on its next run.
 * Bounds are the server's.
 */
export const RetentionPolicyPage = () => {
  const ability = useAbility();
  const readOnly = !ability?.can('update', 'RetentionPolicy');
  return (
    <SettingsForm api={retentionPolicyApi} prefix={P} canEdit={!readOnly} testId="retention-policy">
      <FormSection title={`${P}.sections.periods`} first>
        <NumberSetting source="shortTermMaxMonths" prefix={P} min={1} max={120} unit={`${P}.units.months`} readOnly={readOnly} />
        <NumberSetting source="shortTermYears" prefix={P} min={1} max={100} unit={`${P}.units.years`} readOnly={readOnly} />
        <NumberSetting source="longTermYears" prefix={P} min={1} max={100} unit={`${P}.units.years`} readOnly={readOnly} />
      </FormSection>
    </SettingsForm>
  );
};
