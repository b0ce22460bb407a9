import ManageSearchIcon from '@mui/icons-material/ManageSearchOutlined';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalkOutlined';
import PrivacyTipIcon from '@mui/icons-material/PrivacyTipOutlined';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import { Menu, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';

/**
 * Policy inquiry and data-subject rights in the side menu, each shown to the roles the server's
 * rules allow: the desk to those who may make inquiries (agents, managers), the log to those who
 * read it (managers, compliance), the channel keys to administrators, the request register to compliance.
 */
export const InquiryMenuItems = () => {
  const translate = useTranslate();
  const ability = useAbility();
  if (!ability) return null;
  return (
    <>
      {ability.can('create', 'PolicyInquiry') && <Menu.Item to="/inquiry-desk" primaryText={translate('app.inquiry.menu.desk')} leftIcon={<PhoneInTalkIcon />} data-testid="menu-inquiry-desk" />}
      {ability.can('read', 'PolicyInquiry') && <Menu.Item to="/policyInquiries" primaryText={translate('app.inquiry.menu.log')} leftIcon={<ManageSearchIcon />} data-testid="menu-inquiry-log" />}
      {ability.can('read', 'DataRightsRequest') && <Menu.Item to="/dataRightsRequests" primaryText={translate('app.data_rights.menu.requests')} leftIcon={<PrivacyTipIcon />} data-testid="menu-rights-requests" />}
      {ability.can('read', 'InquiryChannelKey') && <Menu.Item to="/channel-keys" primaryText={translate('app.inquiry.menu.channel_keys')} leftIcon={<KeyIcon />} data-testid="menu-channel-keys" />}
    </>
  );
};
