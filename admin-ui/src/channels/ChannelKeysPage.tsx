import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useAbility } from '../common/useAbility';
import { useTimezone } from '../common/useStaff';
import { graphqlRequest } from '../graphql/request';
import { serverErrorOf } from '../inquiry/api';

interface ChannelKey {
  id: string;
  channel: string;
  label: string | null;
  keyPrefix: string | null;
  status: string | null;
  createdAt: string | null;
  lastUsedAt: string | null;
  retiredAt: string | null;
}

const FIELDS = 'id channel label keyPrefix status createdAt lastUsedAt retiredAt';
const SELF_SERVICE = ['website', 'app'] as const;
const MAX_ACTIVE = 2;

const f = (field: string) => `resources.inquiryChannelKeys.fields.${field}`;

/**
 * The website's and the app's inquiry keys (administrators). A new key is shown once, with a copy
 * button; a channel may hold two active keys, so the new one is deployed while the old one still
 * works, and the old one is retired once its "last used" stops moving.
 */
export const ChannelKeysPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const ability = useAbility();
  const timeZone = useTimezone();
  const [keys, setKeys] = useState<ChannelKey[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ key: ChannelKey; secret: string } | null>(null);
  const [retiring, setRetiring] = useState<ChannelKey | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const data = await graphqlRequest<{ allInquiryChannelKeys: ChannelKey[] }>(`query { allInquiryChannelKeys { ${FIELDS} } }`);
      setKeys(data.allInquiryChannelKeys);
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
          {SELF_SERVICE.map((channel) => {
            const rows = keys.filter((k) => k.channel === channel);
            const active = rows.filter((k) => k.status === 'active').length;
            return (
              <Card variant="outlined" key={channel} data-testid={`channel-${channel}`}>
                <CardContent sx={{ pb: '8px !important' }}>
                  <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
                    <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>
                      {translate(`app.enums.InquiryChannel.${channel}`)}
                    </Typography>
                    <Chip size="small" label={translate('app.inquiry.keys.active_count', { count: active })} color={active ? 'success' : 'default'} variant="outlined" />
                  </Stack>
                  {rows.length === 0 ? (
                    <Typography variant="body2" color="text.secondary" sx={{ py: 2 }} data-testid="channel-keys-empty">
                      {translate('app.inquiry.keys.empty')}
                    </Typography>
                  ) : (
                    <Table size="small">
                      <TableHead>
                        <TableRow>
                          {['keyPrefix', 'label', 'status', 'createdAt', 'lastUsedAt', 'retiredAt'].map((c) => (
                            <TableCell key={c}>{translate(f(c))}</TableCell>
                          ))}
                          <TableCell />
                        </TableRow>
                      </TableHead>
                      <TableBody>
                        {rows.map((k) => (
                          <TableRow key={k.id} data-testid={`channel-key-${k.id}`} sx={{ opacity: k.status === 'retired' ? 0.6 : 1 }}>
                            <TableCell sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{k.keyPrefix}…</TableCell>
                            <TableCell>{k.label ?? '—'}</TableCell>
                            <TableCell>
                              <Chip size="small" label={translate(`app.enums.ChannelKeyStatus.${k.status}`)} color={k.status === 'active' ? 'success' : 'default'} />
                            </TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(k.createdAt, timeZone)}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, timeZone) : translate('app.inquiry.keys.never_used')}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(k.retiredAt, timeZone)}</TableCell>
                            <TableCell align="right">
                              {canRetire && k.status === 'active' && (
                                <Button size="small" color="error" onClick={() => setRetiring(k)} data-testid={`channel-key-retire-${k.id}`}>
                                  {translate('app.inquiry.keys.retire')}
                                </Button>
                              )}
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  )}
                  {active >= MAX_ACTIVE && (
                    <Typography variant="caption" color="text.secondary">
                      {translate('app.inquiry.keys.limit')}
                    </Typography>
                  )}
                </CardContent>
              </Card>
            );
          })}
        </Stack>
      )}
      {creating && (
        <CreateDialog
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
        <RetireDialog
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

const CreateDialog = ({ keys, onClose, onCreated }: { keys: ChannelKey[]; onClose: () => void; onCreated: (created: { key: ChannelKey; secret: string }) => void }) => {
  const translate = useTranslate();
  const [channel, setChannel] = useState<string>('website');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const full = keys.filter((k) => k.channel === channel && k.status === 'active').length >= MAX_ACTIVE;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await graphqlRequest<{ createInquiryChannelKey: { key: ChannelKey; secret: string } }>(
        `mutation C($channel: InquiryChannel!, $label: String!) { createInquiryChannelKey(channel: $channel, label: $label) { secret key { ${FIELDS} } } }`,
        { channel, label: label.trim() },
      );
      onCreated(data.createInquiryChannelKey);
    } catch (e) {
      const server = serverErrorOf(e);
      setError(server.reason === 'CHANNEL_KEY_LIMIT' ? translate('app.inquiry.keys.limit') : server.fields ? Object.values(server.fields).join('; ') : server.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{translate('app.inquiry.keys.create_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select size="small" label={translate(f('channel'))} value={channel} onChange={(e) => setChannel(e.target.value)} data-testid="channel-key-channel">
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
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={busy || !label.trim() || full} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined} data-testid="channel-key-submit">
          {translate('ra.action.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const SecretDialog = ({ created, onClose }: { created: { key: ChannelKey; secret: string }; onClose: () => void }) => {
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

const RetireDialog = ({ channelKey, onClose, onRetired }: { channelKey: ChannelKey; onClose: () => void; onRetired: () => void }) => {
  const translate = useTranslate();
  const timeZone = useTimezone();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    try {
      await graphqlRequest(`mutation R($id: ID!) { retireInquiryChannelKey(id: $id) { id status } }`, { id: channelKey.id });
      onRetired();
    } catch (e) {
      setError(serverErrorOf(e).message);
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{translate('app.inquiry.keys.retire_title', { prefix: channelKey.keyPrefix ?? '' })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('app.inquiry.keys.retire_body')}</DialogContentText>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate(f('lastUsedAt'))}: {channelKey.lastUsedAt ? formatDateTime(channelKey.lastUsedAt, timeZone) : translate('app.inquiry.keys.never_used')}
        </Typography>
        {error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button color="error" variant="contained" onClick={submit} disabled={busy} data-testid="channel-key-retire-confirm">
          {translate('app.inquiry.keys.retire')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
