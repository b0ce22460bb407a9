import { useAbility } from '../common/useAbility';
import { FormSection } from '../common/FormSection';
import { inquirySettingsApi } from './api';
import { NumberSetting, SettingsForm } from './SettingsForm';

const P = 'app.inquiry.settings';

/**
 * The inquiry thresholds (one record): the lock-out, the verification's minimum answer time, the
 * rate limits per source, and the reminders' default look-ahead. Compliance and administrators change
 * them; managers read them. Bounds are the server's (inquiry.inputs.ts).
 */
export const InquirySettingsPage = () => {
  const ability = useAbility();
  const readOnly = !ability?.can('update', 'InquirySettings');
  // A function, not a component made during render: that would remount the inputs on every keystroke.
  const setting = (source: string, min: number, max: number, unit: string) => <NumberSetting source={source} prefix={P} min={min} max={max} unit={`${P}.units.${unit}`} readOnly={readOnly} />;
  return (
    <SettingsForm api={inquirySettingsApi} prefix={P} canEdit={!readOnly} testId="inquiry-settings">
      <FormSection title={`${P}.sections.lockout`} first>
        {setting('maxFailures', 1, 100, 'times')}
        {setting('failureWindowMinutes', 1, 24 * 60, 'minutes')}
        {setting('lockMinutes', 1, 7 * 24 * 60, 'minutes')}
      </FormSection>
      <FormSection title={`${P}.sections.verification`}>
        {setting('minResponseMs', 0, 10_000, 'ms')}
      </FormSection>
      <FormSection title={`${P}.sections.rate_limits`}>
        {setting('channelKeyPerMinute', 1, 100_000, 'per_minute')}
        {setting('ipPerMinute', 1, 10_000, 'per_minute')}
        {setting('staffPerMinute', 1, 10_000, 'per_minute')}
      </FormSection>
      <FormSection title={`${P}.sections.reminders`}>
        {setting('reminderDays', 1, 365, 'days')}
      </FormSection>
    </SettingsForm>
  );
};
