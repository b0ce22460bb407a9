import { Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { useTimezone } from '../common/useStaff';
import { activeKeys, MAX_ACTIVE, type ChannelKey } from './api';

export const keyField = (field: string) => `resources.inquiryChannelKeys.fields.${field}`;
const COLUMNS = ['keyPrefix', 'label', 'status', 'createdAt', 'lastUsedAt', 'retiredAt'];

/** One channel's keys, active and retired, with "last used" to tell when a rotation is complete. */
export const ChannelKeyCard = ({ channel, keys, onRetire }: { channel: string; keys: ChannelKey[]; onRetire?: (key: ChannelKey) => void }) => {
  const translate = useTranslate();
  const timeZone = useTimezone();
  const rows = keys.filter((k) => k.channel === channel);
  const active = activeKeys(keys, channel);
  return (
    <Card variant="outlined" data-testid={`channel-${channel}`}>
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
                {COLUMNS.map((c) => (
                  <TableCell key={c}>{translate(keyField(c))}</TableCell>
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
                    {onRetire && k.status === 'active' && (
                      <Button size="small" color="error" onClick={() => onRetire(k)} data-testid={`channel-key-retire-${k.id}`}>
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
};
