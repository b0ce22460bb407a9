import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useTimezone } from '../common/useStaff';
import { ActionDialog } from '../dataRights/ActionDialog';
import type { ServerError } from '../graphql/serverError';
import { activeKeys, createChannelKey, MAX_ACTIVE, retireChannelKey, SELF_SERVICE, type ChannelKey, type NewChannelKey } from './api';
import { keyField } from './ChannelKeyTable';

export const CreateKeyDialog = ({ keys, onClose, onCreated }: { keys: ChannelKey[]; onClose: () => void; onCreated: (created: NewChannelKey) => void }) => {
  const translate = useTranslate();
  const [channel, setChannel] = useState<string>('website');
  const [label, setLabel] = useState('');
  const full = activeKeys(keys, channel) >= MAX_ACTIVE;
  const describe = (server: ServerError) =>
    server.reason === 'CHANNEL_KEY_LIMIT' ? translate('app.inquiry.keys.limit') : server.fields ? Object.values(server.fields).join('; ') : server.message;
  return (
    <ActionDialog
      title={translate('app.inquiry.keys.create_title')}
      submitLabel={translate('ra.action.create')}
      canSubmit={!!label.trim() && !full}
      onSubmit={async () => onCreated(await createChannelKey(channel, label))}
      onClose={onClose}
      describeError={describe}
      maxWidth="xs"
      submitTestId="channel-key-submit"
    >
      <TextField select size="small" label={translate(keyField('channel'))} value={channel} onChange={(e) => setChannel(e.target.value)} data-testid="channel-key-channel">
        {SELF_SERVICE.map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`app.enums.InquiryChannel.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        name="label"
        label={translate('app.inquiry.keys.label')}
        helperText={translate('app.inquiry.keys.label_help')}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 100 } }}
      />
      {full && <Alert severity="warning">{translate('app.inquiry.keys.limit')}</Alert>}
    </ActionDialog>
  );
};

/** The new key, this once: only its hash is stored, so it must be copied now. */
export const SecretDialog = ({ created, onClose }: { created: NewChannelKey; onClose: () => void }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
    } catch {
      // Without clipboard access (plain http) the key stays selectable in the field.
      setCopied(false);
    }
  };
  return (
    <Dialog open maxWidth="sm" fullWidth data-testid="channel-key-secret-dialog">
      <DialogTitle>{translate('app.inquiry.keys.secret_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.inquiry.keys.secret_help')}
        </Alert>
        <Stack direction="row" spacing={1} alignItems="center">
          <TextField
            fullWidth
            size="small"
            value={created.secret}
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'channel-key-secret', style: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' } } }}
            onFocus={(e) => e.target.select()}
          />
          <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={copy} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} data-testid="channel-key-copy">
            {translate(copied ? 'app.inquiry.keys.copied' : 'app.inquiry.keys.copy')}
          </Button>
        </Stack>
        <DialogContentText variant="caption" sx={{ mt: 1 }}>
          {translate(`app.enums.InquiryChannel.${created.key.channel}`)} · {created.key.label}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} data-testid="channel-key-done">
          {translate('app.inquiry.keys.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const RetireKeyDialog = ({ channelKey, onClose, onRetired }: { channelKey: ChannelKey; onClose: () => void; onRetired: () => void }) => {
  const translate = useTranslate();
  const timeZone = useTimezone();
  return (
    <ActionDialog
      title={translate('app.inquiry.keys.retire_title', { prefix: channelKey.keyPrefix ?? '' })}
      submitLabel={translate('app.inquiry.keys.retire')}
      submitColor="error"
      onSubmit={async () => {
        await retireChannelKey(channelKey.id);
        onRetired();
      }}
      onClose={onClose}
      maxWidth="xs"
      submitTestId="channel-key-retire-confirm"
    >
      <DialogContentText>{translate('app.inquiry.keys.retire_body')}</DialogContentText>
      <Typography variant="body2">
        {translate(keyField('lastUsedAt'))}: {channelKey.lastUsedAt ? formatDateTime(channelKey.lastUsedAt, timeZone) : translate('app.inquiry.keys.never_used')}
      </Typography>
    </ActionDialog>
  );
};
