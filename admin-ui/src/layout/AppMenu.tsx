import EventRepeatIcon from '@mui/icons-material/EventRepeatOutlined';
import RuleIcon from '@mui/icons-material/RuleOutlined';
import { Menu, useCanAccess, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';
import { RightsMenuItems } from '../rights/RightsMenu';
import { InquiryMenuItems } from '../inquiry/InquiryMenu';
import { ReportsMenuItem } from '../reports';
import { QualityMenuItems } from '../quality';

const RENEWALS = `/policies?filter=${encodeURIComponent(JSON.stringify({ renewalDueWithinDays: 30 }))}`;

/**
 * The side menu. Resource entries hide themselves when canAccess says no (an administrator sees
 * no customers, policies or complaints); the renewals shortcut follows the policy read right. The
 * holiday calendar and the deadline policy are settings: listed for those who may change them
 * (complaint workers read both, but through the register's clocks, not as screens of their own).
 */
export const AppMenu = () => {
  const translate = useTranslate();
  const ability = useAbility();
  const { canAccess: canReadPolicies } = useCanAccess({ action: 'list', resource: 'policies' });
  const canEditCalendar = !!ability?.can('update', 'CalendarDay');
  const canEditDeadlinePolicy = !!ability?.can('update', 'ComplaintPolicy');
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItem name="customers" />
      <Menu.ResourceItem name="policies" />
      {canReadPolicies && <Menu.Item to={RENEWALS} primaryText={translate('app.menu.renewals')} leftIcon={<EventRepeatIcon />} />}
      <Menu.ResourceItem name="complaints" />
      <InquiryMenuItems />
      <ReportsMenuItem />
      <QualityMenuItems />
      {canEditCalendar && <Menu.ResourceItem name="calendarDays" />}
      {canEditDeadlinePolicy && <Menu.Item to="/complaint-policy" primaryText={translate('app.menu.complaint_policy')} leftIcon={<RuleIcon />} />}
      <RightsMenuItems />
    </Menu>
  );
};
