import PasswordIcon from '@mui/icons-material/PasswordOutlined';
import SecurityIcon from '@mui/icons-material/SecurityOutlined';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

/** The signed-in staff member's own account: two-step sign-in and password, in the user menu. */
export const AccountMenuItems = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const go = (to: string) => {
    onClose();
    navigate(to);
  };
  return (
    <>
      <MenuItem onClick={() => go('/account/mfa')} data-testid="menu-mfa">
        <ListItemIcon>
          <SecurityIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('app.rights.menu.account_security')}</ListItemText>
      </MenuItem>
      <MenuItem onClick={() => go('/change-password')} data-testid="menu-change-password">
        <ListItemIcon>
          <PasswordIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('app.rights.menu.change_password')}</ListItemText>
      </MenuItem>
    </>
  );
};
