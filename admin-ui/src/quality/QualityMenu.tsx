import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import ChecklistIcon from '@mui/icons-material/ChecklistOutlined';
import EventNoteIcon from '@mui/icons-material/EventNoteOutlined';
import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import PhoneCallbackIcon from '@mui/icons-material/PhoneCallbackOutlined';
import { Menu, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';

/**
 * The quality entries of the side menu, each for the roles whose rules allow it: inspectors see them
 * all; managers the reports of their branch, the plan and their branch's ledger; compliance reads
 * everything. Anyone may own a rectification (an agent): the ledger at /qualityRectifications lists their own items.
 */
export const QualityMenuItems = () => {
  const translate = useTranslate();
  const ability = useAbility();
  if (!ability) return null;
  const readInspections = ability.can('read', 'QualityInspection');
  // An owner's own items (every role may own one) do not make a ledger keeper: they open their items from the notification.
  const keepsLedger = ability.rulesFor('read', 'QualityRectification').some((rule) => !rule.inverted && !(rule.conditions && 'ownerId' in rule.conditions));
  return (
    <>
      {readInspections && <Menu.Item to="/qualityInspections" primaryText={translate('app.quality.menu.inspections')} leftIcon={<FactCheckIcon />} data-testid="menu-quality-inspections" />}
      {readInspections && <Menu.Item to="/quality-plan" primaryText={translate('app.quality.menu.plan')} leftIcon={<EventNoteIcon />} data-testid="menu-quality-plan" />}
      {ability.can('update', 'QualityInspection') && <Menu.Item to="/quality-return-visits" primaryText={translate('app.quality.menu.visits')} leftIcon={<PhoneCallbackIcon />} data-testid="menu-quality-visits" />}
      {keepsLedger && <Menu.Item to="/qualityRectifications" primaryText={translate('app.quality.menu.rectifications')} leftIcon={<AssignmentTurnedInIcon />} data-testid="menu-quality-rectifications" />}
      {ability.can('update', 'QualityTemplate') && <Menu.Item to="/qualityTemplates" primaryText={translate('app.quality.menu.templates')} leftIcon={<ChecklistIcon />} data-testid="menu-quality-templates" />}
    </>
  );
};
