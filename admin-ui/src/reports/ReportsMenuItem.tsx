import AssessmentIcon from '@mui/icons-material/AssessmentOutlined';
import { Menu, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';

/** 报表 in the side menu, for those who may read report snapshots (compliance, managers). */
export const ReportsMenuItem = () => {
  const translate = useTranslate();
  const ability = useAbility();
  if (!ability?.can('read', 'ComplianceReport')) return null;
  return <Menu.Item to="/reports" primaryText={translate('app.reports.menu')} leftIcon={<AssessmentIcon />} data-testid="menu-reports" />;
};
