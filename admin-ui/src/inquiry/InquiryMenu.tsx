import ManageSearchIcon from '@mui/icons-material/ManageSearchOutlined';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalkOutlined';
import PrivacyTipIcon from '@mui/icons-material/PrivacyTipOutlined';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import EventRepeatIcon from '@mui/icons-material/EventRepeatOutlined';
import HandshakeIcon from '@mui/icons-material/HandshakeOutlined';
import TuneIcon from '@mui/icons-material/TuneOutlined';
import HistoryToggleOffIcon from '@mui/icons-material/HistoryToggleOffOutlined';
import { Menu, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';

/**
 * Policy inquiry and data-subject rights in the side menu, each shown to the roles the server's
 * rules allow: the desk to those who may make inquiries (agents, managers), the log to those who
 * read it (managers, compliance), the channel keys to administrators, the request register to compliance.
 * The reminders go to everyone who reads policies; the inquiry settings to those who read all of them
 * (agents read only the lock-out numbers, shown on the desk); the retention period and the sharing
 * agreements to compliance (administrators read the retention period).
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
      {ability.can('read', 'Policy') && <Menu.Item to="/policy-reminders" primaryText={translate('app.inquiry.menu.reminders')} leftIcon={<EventRepeatIcon />} data-testid="menu-reminders" />}
      {ability.can('read', 'SharingAgreement') && <Menu.Item to="/sharingAgreements" primaryText={translate('app.data_rights.menu.sharing')} leftIcon={<HandshakeIcon />} data-testid="menu-sharing" />}
      {ability.can('read', 'InquirySettings', 'minResponseMs') && <Menu.Item to="/inquiry-settings" primaryText={translate('app.inquiry.menu.settings')} leftIcon={<TuneIcon />} data-testid="menu-inquiry-settings" />}
      {ability.can('read', 'RetentionPolicy') && <Menu.Item to="/retention-policy" primaryText={translate('app.data_rights.menu.retention')} leftIcon={<HistoryToggleOffIcon />} data-testid="menu-retention" />}
      {ability.can('read', 'InquiryChannelKey') && <Menu.Item to="/channel-keys" primaryText={translate('app.inquiry.menu.channel_keys')} leftIcon={<KeyIcon />} data-testid="menu-channel-keys" />}
    </>
  );
};
