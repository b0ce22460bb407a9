import AddIcon from '@mui/icons-material/Add';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';
import { serverErrorOf } from '../inquiry/api';
import { listChannelKeys, SELF_SERVICE, type ChannelKey, type NewChannelKey } from './api';
import { CreateKeyDialog, RetireKeyDialog, SecretDialog } from './ChannelKeyDialogs';
import { ChannelKeyCard } from './ChannelKeyTable';

/**
 * The website's and the app's inquiry keys (administrators). A new key is shown once, with a copy
 * button; a channel may hold two active keys, so the new one is deployed while the old one still
 * works, and the old one is retired once its "last used" stops moving.
 */
export const ChannelKeysPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const ability = useAbility();
  const [keys, setKeys] = useState<ChannelKey[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<NewChannelKey | null>(null);
  const [retiring, setRetiring] = useState<ChannelKey | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setKeys(await listChannelKeys());
    } catch (error) {
      setLoadError(serverErrorOf(error).message);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const canCreate = !!ability?.can('create', 'InquiryChannelKey');
  const canRetire = !!ability?.can('update', 'InquiryChannelKey');

  return (
    <Box sx={{ mt: 2 }} data-testid="channel-keys">
      <Title title={translate('app.inquiry.keys.title')} />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <KeyIcon color="primary" />
            <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
              {translate('app.inquiry.keys.title')}
            </Typography>
            {canCreate && (
              <Button variant="contained" size="small" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="channel-key-create">
                {translate('app.inquiry.keys.create')}
              </Button>
            )}
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate('app.inquiry.keys.intro')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {translate('app.inquiry.keys.rotation')}
          </Typography>
        </CardContent>
      </Card>
      {loadError && (
        <Alert severity="error" action={<Button onClick={load}>{translate('ra.action.refresh')}</Button>}>
          {translate('app.inquiry.keys.load_error', { message: loadError })}
        </Alert>
      )}
      {!keys && !loadError && <LinearProgress />}
      {keys && (
        <Stack spacing={2}>
          {SELF_SERVICE.map((channel) => (
            <ChannelKeyCard key={channel} channel={channel} keys={keys} onRetire={canRetire ? setRetiring : undefined} />
          ))}
        </Stack>
      )}
      {creating && (
        <CreateKeyDialog
          keys={keys ?? []}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret(created);
            void load();
          }}
        />
      )}
      {secret && <SecretDialog created={secret} onClose={() => setSecret(null)} />}
      {retiring && (
        <RetireKeyDialog
          channelKey={retiring}
          onClose={() => setRetiring(null)}
          onRetired={() => {
            setRetiring(null);
            notify('app.inquiry.keys.retired', { type: 'success' });
            void load();
          }}
        />
      )}
    </Box>
  );
};
