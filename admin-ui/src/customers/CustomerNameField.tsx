import BusinessIcon from '@mui/icons-material/BusinessOutlined';
import PersonIcon from '@mui/icons-material/PersonOutline';
import BlockIcon from '@mui/icons-material/BlockOutlined';
import { Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** The customer's name with a person or company mark, the way staff tell them apart at a glance. */
export const CustomerNameField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  const Icon = record.kind === 'group' ? BusinessIcon : PersonIcon;
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ minWidth: 0 }}>
      <Icon fontSize="small" sx={{ color: record.kind === 'group' ? 'secondary.main' : 'primary.main', opacity: 0.8 }} />
      <Typography variant="body2" sx={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {record.name ?? '—'}
      </Typography>
      {/* A customer who asked for deletion (restricted) or whose data was removed (anonymised) is marked where they are listed. */}
      {(record.status === 'restricted' || record.status === 'anonymised') && (
        <BlockIcon fontSize="small" color={record.status === 'restricted' ? 'warning' : 'info'} data-testid={`customer-${record.status}-mark`} />
      )}
    </Stack>
  );
};
