import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import BadgeIcon from '@mui/icons-material/BadgeOutlined';
import GavelIcon from '@mui/icons-material/GavelOutlined';
import HistoryIcon from '@mui/icons-material/HistoryEduOutlined';
import HowToRegIcon from '@mui/icons-material/HowToRegOutlined';
import ManageSearchIcon from '@mui/icons-material/ManageSearchOutlined';
import PendingActionsIcon from '@mui/icons-material/PendingActionsOutlined';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import WarningIcon from '@mui/icons-material/WarningAmberOutlined';
import { Divider, ListSubheader } from '@mui/material';
import { Menu, useGetList, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import { useStaff } from '../common/useStaff';
import { useAbility } from '../common/useAbility';

const PENDING = `/roleGrants?filter=${encodeURIComponent(JSON.stringify({ status: 'pending_approval' }))}`;

/**
 * The access-rights group of the side menu, for IT administrators and compliance: accounts, grants
 * (and the four-eyes worklist), roles, who-can, duty conflicts, access reviews and the audit trail.
 * Each entry follows the same CASL rules the server enforces; a reviewer of any role sees their worklist.
 */
export const RightsMenuItems = () => {
  const translate = useTranslate();
  const ability = useAbility();
  const [open] = useSidebarState();
  const resources = useResourceDefinitions();
  const me = useStaff();
  const reviewer = !!ability?.can('review', 'AccessReviewItem');
  const runsReviews = !!ability?.can('read', 'AccessReviewCampaign');
  // Reviewers outside IT and compliance (branch managers) see their worklist while something waits for them.
  const { total: waiting } = useGetList(
    'accessReviewItems',
    { pagination: { page: 1, perPage: 1 }, filter: { reviewerId: me?.id, outcome: 'pending' } },
    { enabled: reviewer && !runsReviews && !!me, staleTime: 60_000 },
  );
  if (!ability) return null;
  const can = (action: string, subject: string) => ability.can(action, subject);
  const has = (name: string) => !!resources[name];
  const adminScreens = can('read', 'RoleGrant');
  const entries = [
    adminScreens && can('read', 'Staff') && <Menu.Item key="staff" to="/staff" primaryText={translate('resources.staff.name', { smart_count: 2 })} leftIcon={<BadgeIcon />} />,
    adminScreens && <Menu.Item key="grants" to="/roleGrants" primaryText={translate('resources.roleGrants.name', { smart_count: 2 })} leftIcon={<KeyIcon />} />,
    can('approve', 'RoleGrant') && <Menu.Item key="pending" to={PENDING} primaryText={translate('app.rights.menu.pending_grants')} leftIcon={<PendingActionsIcon />} />,
    has('roles') && can('read', 'Role') && <Menu.Item key="roles" to="/roles" primaryText={translate('resources.roles.name', { smart_count: 2 })} leftIcon={<HowToRegIcon />} />,
    adminScreens && <Menu.Item key="who" to="/who-can" primaryText={translate('app.rights.menu.who_can')} leftIcon={<ManageSearchIcon />} />,
    has('dutyConflictRules') && can('read', 'DutyConflictRule') && <Menu.Item key="duties" to="/dutyConflictRules" primaryText={translate('resources.dutyConflictRules.name', { smart_count: 2 })} leftIcon={<GavelIcon />} />,
    has('dutyConflictRules') && can('read', 'DutyConflictRule') && adminScreens && <Menu.Item key="violations" to="/duty-violations" primaryText={translate('app.rights.menu.violations')} leftIcon={<WarningIcon />} />,
    has('accessReviewCampaigns') && can('read', 'AccessReviewCampaign') && <Menu.Item key="reviews" to="/accessReviewCampaigns" primaryText={translate('resources.accessReviewCampaigns.name', { smart_count: 2 })} leftIcon={<AssignmentTurnedInIcon />} />,
    has('accessReviewItems') && reviewer && (runsReviews || (waiting ?? 0) > 0) && <Menu.Item key="my-reviews" to="/accessReviewItems" primaryText={translate('app.rights.menu.my_reviews')} leftIcon={<AssignmentTurnedInIcon />} />,
    can('read', 'AuditEntry') && <Menu.Item key="audit" to="/auditEntries" primaryText={translate('app.rights.menu.audit')} leftIcon={<HistoryIcon />} />,
  ].filter(Boolean);
  if (!entries.length) return null;
  return (
    <>
      <Divider sx={{ my: 0.5 }} />
      {open && (
        <ListSubheader disableSticky sx={{ lineHeight: '32px', bgcolor: 'transparent', fontSize: 12 }}>
          {translate('app.rights.menu.access')}
        </ListSubheader>
      )}
      {entries}
    </>
  );
};
