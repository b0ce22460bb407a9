import InboxIcon from '@mui/icons-material/InboxOutlined';
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { CreateButton, useCanAccess, useResourceContext, useTranslate } from 'react-admin';

/** A list with no records at all: says so, and offers to create one when the role may. */
export const EmptyList = ({ icon }: { icon?: ReactNode }) => {
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource });
  return (
    <Box sx={{ textAlign: 'center', py: 10, px: 2, width: '100%' }} data-testid="empty-list">
      <Box sx={{ color: 'text.disabled', '& svg': { fontSize: 64 } }}>{icon ?? <InboxIcon />}</Box>
      <Typography variant="h6" sx={{ mt: 1 }}>
        {translate(`resources.${resource}.empty`, { _: translate('app.list.empty') })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 3 }}>
        {translate(canCreate ? 'app.list.invite' : 'app.list.no_create')}
      </Typography>
      {canCreate && <CreateButton variant="contained" />}
    </Box>
  );
};
