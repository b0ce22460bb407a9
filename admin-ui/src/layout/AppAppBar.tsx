import ShieldIcon from '@mui/icons-material/ShieldOutlined';
import { Box, Typography } from '@mui/material';
import { AppBar, LoadingIndicator, LocalesMenuButton, TitlePortal, useTranslate } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';
import { StaffMenu } from './StaffMenu';

const Brand = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: { xs: 'none', md: 'flex' }, alignItems: 'center', gap: 1, mr: 2, pr: 2, borderRight: '1px solid rgba(255,255,255,0.2)' }}>
      <ShieldIcon fontSize="small" />
      <Typography variant="subtitle1" sx={{ fontWeight: 700, letterSpacing: '0.02em', whiteSpace: 'nowrap' }}>
        {translate('app.name')}
      </Typography>
    </Box>
  );
};

const Toolbar = () => (
  <>
    <NotificationBell />
    <LocalesMenuButton />
    <LoadingIndicator />
  </>
);

/** Always visible (staff scroll long forms and lists all day). Brand, page title, notifications, language, and the signed-in staff member (name, role, branch) with sign-out. */
export const AppAppBar = () => (
  <AppBar color="primary" alwaysOn toolbar={<Toolbar />} userMenu={<StaffMenu />}>
    <Brand />
    <TitlePortal variant="subtitle1" />
  </AppBar>
);
