import { Alert, Button } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { loadSession, type Me } from '../providers/session';

/**
 * Above every screen: a reset password must be replaced before anything else (the server allows
 * nothing else until then), and a role that requires multi-factor sign-in asks for its set-up.
 */
export const AccountNotices = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const location = useLocation();
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    loadSession().then((s) => setMe(s.me), () => undefined);
  }, [location.pathname]);
  useEffect(() => {
    if (me?.mustChangePassword) navigate('/change-password', { replace: true });
  }, [me, navigate]);
  if (!me?.mfa?.enrolmentRequired || location.pathname === '/account/mfa') return null;
  return (
    <Alert
      severity="warning"
      sx={{ mt: 1 }}
      data-testid="mfa-required-banner"
      action={
        <Button color="inherit" size="small" component={Link} to="/account/mfa">
          {translate('app.rights.mfa.set_up_now')}
        </Button>
      }
    >
      {translate('app.rights.mfa.required_banner')}
    </Alert>
  );
};
