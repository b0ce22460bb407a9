import { Avatar, Box, ButtonBase, Divider, Menu, Typography } from '@mui/material';
import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import { Logout, UserMenuContextProvider, useTranslate } from 'react-admin';
import { useStaff } from '../common/useStaff';
import { AccountMenuItems } from '../account/AccountMenuItems';

/**
 * Who is signed in, in which role and branch (staff share counters and hand over shifts), and the
 * sign-out. Role names come from the roles the server granted, in the user's language.
 */
export const StaffMenu = () => {
  const staff = useStaff();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const onClose = useCallback(() => setAnchor(null), []);
  const context = useMemo(() => ({ onClose }), [onClose]);
  if (!staff) return null;
  const roles = staff.roles.map((role) => translate(`app.roles.${role}`, { _: role })).join('、') || translate('app.roles.none');
  const initial = String(staff.fullName ?? staff.username).slice(0, 1);

  return (
    <>
      <ButtonBase
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        aria-label={translate('ra.auth.user_menu')}
        aria-haspopup="menu"
        data-testid="staff-badge"
        sx={{ display: 'flex', alignItems: 'center', gap: 1.25, ml: 1, pl: 1.5, pr: 1, py: 0.5, borderRadius: 2, textAlign: 'left', borderLeft: '1px solid rgba(255,255,255,0.2)', '&:hover': { bgcolor: 'rgba(255,255,255,0.08)' } }}
      >
        <Avatar sx={{ width: 32, height: 32, fontSize: 14, bgcolor: 'rgba(255,255,255,0.22)', color: 'inherit' }}>{initial}</Avatar>
        <Box sx={{ display: { xs: 'none', sm: 'block' } }}>
          <Typography variant="body2" sx={{ fontWeight: 600, lineHeight: 1.3 }} data-testid="staff-name">
            {staff.fullName}
          </Typography>
          <Typography variant="caption" sx={{ opacity: 0.85, lineHeight: 1.2, display: 'block', whiteSpace: 'nowrap' }} data-testid="staff-role">
            {roles} · {staff.branchName ?? '—'}
          </Typography>
        </Box>
      </ButtonBase>
      <UserMenuContextProvider value={context}>
        <Menu anchorEl={anchor} open={!!anchor} onClose={onClose} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
          <Box sx={{ px: 2, py: 1, minWidth: 220 }}>
            <Typography variant="subtitle2">{staff.fullName}</Typography>
            <Typography variant="caption" color="text.secondary">
              {staff.username} · {roles} · {staff.branchName ?? '—'}
            </Typography>
          </Box>
          <Divider />
          <AccountMenuItems onClose={onClose} />
          <Logout />
        </Menu>
      </UserMenuContextProvider>
    </>
  );
};
