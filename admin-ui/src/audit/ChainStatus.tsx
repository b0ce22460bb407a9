import LinkIcon from '@mui/icons-material/LinkOutlined';
import LinkOffIcon from '@mui/icons-material/LinkOffOutlined';
import { Alert, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { verifyAuditChain } from './api';
import { ErrorAlert } from '../rights/common';
import { useExplainError } from '../rights/errors';
import { useLoad } from '../rights/useLoad';

/** The hash chain checked by the server, end to end: intact, or broken from a named entry on. */
export const ChainStatus = () => {
  const translate = useTranslate();
  const explain = useExplainError();
  const { data, error, loading, reload } = useLoad(verifyAuditChain, []);
  const again = (
    <Button size="small" color="inherit" onClick={reload} disabled={loading} data-testid="verify-again">
      {translate('app.rights.audit.verify_again')}
    </Button>
  );
  if (error) return <ErrorAlert error={explain(error)} />;
  if (!data || loading)
    return (
      <Alert severity="info" icon={<CircularProgress size={18} />} sx={{ mt: 2 }} data-testid="chain-status" data-state="checking">
        {translate('app.rights.audit.verifying')}
      </Alert>
    );
  return data.ok ? (
    <Alert severity="success" icon={<LinkIcon />} action={again} sx={{ mt: 2 }} data-testid="chain-status" data-state="ok">
      {translate('app.rights.audit.chain_ok', { checked: data.checked })}
    </Alert>
  ) : (
    <Alert severity="error" icon={<LinkOffIcon />} action={again} sx={{ mt: 2 }} data-testid="chain-status" data-state="broken">
      <Stack spacing={0.5}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {translate('app.rights.audit.chain_broken', { checked: data.checked })}
        </Typography>
        {data.firstBrokenId && (
          <Typography variant="body2">
            {translate('app.rights.audit.first_broken')} <Link to={`/auditEntries/${data.firstBrokenId}/show`}>#{data.firstBrokenId}</Link>
          </Typography>
        )}
        {data.problem && <Typography variant="caption">{data.problem}</Typography>}
      </Stack>
    </Alert>
  );
};
