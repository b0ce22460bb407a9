import AddIcon from '@mui/icons-material/Add';
import FactCheckIcon from '@mui/icons-material/FactCheckOutlined';
import {
  Alert,
  Button,
  Chip,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { SectionCard } from '../common/SectionCard';
import { useAbility } from '../common/useAbility';
import { useTimezone } from '../common/useStaff';
import { graphqlRequest } from '../graphql/request';
import { serverErrorOf } from '../inquiry/api';
import { ActionDialog } from './ActionDialog';
import { RIGHTS_CHANNELS } from './enums';

interface Consent {
  id: string;
  kind: string;
  granted: boolean;
  channel: string;
  textVersion: string;
  at: string;
  note: string | null;
}

const KINDS = ['marketing', 'third_party_sharing'] as const;

/**
 * The customer's consent history (marketing, third-party sharing): when, through which channel and
 * to which version of the text; the latest is what the customer record shows. Staff record a consent
 * given or withdrawn here; withdrawing third-party sharing ends the customer's sharing agreements.
 */
export const ConsentHistory = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const ability = useAbility();
  const timeZone = useTimezone();
  const [consents, setConsents] = useState<Consent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const customerId = record ? String(record.id) : '';
  const canRead = !!ability?.can('read', 'CustomerConsent');
  const canCreate = !!ability?.can('create', 'CustomerConsent') && record?.status !== 'anonymised';

  const load = useCallback(async () => {
    if (!customerId) return;
    setError(null);
    try {
      const data = await graphqlRequest<{ customerConsents: Consent[] }>('query C($id: ID!) { customerConsents(customerId: $id) { id kind granted channel textVersion at note } }', { id: customerId });
      setConsents(data.customerConsents);
    } catch (e) {
      setError(serverErrorOf(e).message);
    }
  }, [customerId]);
  useEffect(() => {
    if (canRead) void load();
  }, [canRead, load]);
  if (!record || !canRead) return null;

  return (
    <SectionCard
      title="app.data_rights.consents.title"
      icon={<FactCheckIcon />}
      testId="consent-history"
      action={
        canCreate ? (
          <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)} data-testid="record-consent">
            {translate('app.data_rights.consents.record')}
          </Button>
        ) : undefined
      }
    >
      {error && <Alert severity="error">{translate('app.data_rights.consents.load_error', { message: error })}</Alert>}
      {!consents && !error && <LinearProgress />}
      {consents && consents.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.data_rights.consents.empty')}
        </Typography>
      )}
      {consents && consents.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              {['at', 'kind', 'granted', 'channel', 'textVersion', 'note'].map((c) => (
                <TableCell key={c}>{translate(`app.data_rights.consents.fields.${c}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {consents.map((k) => (
              <TableRow key={k.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(k.at, timeZone)}</TableCell>
                <TableCell>{translate(`app.enums.ConsentKind.${k.kind}`)}</TableCell>
                <TableCell>
                  <Chip size="small" color={k.granted ? 'success' : 'default'} label={translate(k.granted ? 'app.data_rights.consents.given' : 'app.data_rights.consents.withdrawn')} />
                </TableCell>
                <TableCell>{translate(`app.enums.RightsChannel.${k.channel}`)}</TableCell>
                <TableCell sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }}>{k.textVersion}</TableCell>
                <TableCell>{k.note ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open && (
        <RecordConsentDialog
          customerId={customerId}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            void load();
          }}
        />
      )}
    </SectionCard>
  );
};

const RecordConsentDialog = ({ customerId, onClose, onDone }: { customerId: string; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [kind, setKind] = useState<string>('marketing');
  const [granted, setGranted] = useState('true');
  const [channel, setChannel] = useState('counter');
  const [textVersion, setTextVersion] = useState('');
  const [note, setNote] = useState('');
  const submit = async () => {
    await graphqlRequest(
      `mutation K($customerId: ID!, $kind: ConsentKind!, $granted: Boolean!, $channel: RightsChannel!, $textVersion: String!, $note: String) {
        recordCustomerConsent(customerId: $customerId, kind: $kind, granted: $granted, channel: $channel, textVersion: $textVersion, note: $note) { id }
      }`,
      { customerId, kind, granted: granted === 'true', channel, textVersion: textVersion.trim(), note: note.trim() || null },
    );
    notify('app.data_rights.consents.recorded', { type: 'success' });
    refresh();
    onDone();
  };
  return (
    <ActionDialog title={translate('app.data_rights.consents.record')} submitLabel={translate('ra.action.save')} canSubmit={!!textVersion.trim()} onSubmit={submit} onClose={onClose} maxWidth="xs">
      <TextField select size="small" label={translate('app.data_rights.consents.fields.kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
        {KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {translate(`app.enums.ConsentKind.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <RadioGroup row value={granted} onChange={(e) => setGranted(e.target.value)}>
        <FormControlLabel value="true" control={<Radio size="small" />} label={translate('app.data_rights.consents.given')} />
        <FormControlLabel value="false" control={<Radio size="small" />} label={translate('app.data_rights.consents.withdrawn')} />
      </RadioGroup>
      <TextField select size="small" label={translate('app.data_rights.consents.fields.channel')} value={channel} onChange={(e) => setChannel(e.target.value)}>
        {RIGHTS_CHANNELS.map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`app.enums.RightsChannel.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        label={translate('app.data_rights.consents.fields.textVersion')}
        helperText={translate('app.data_rights.consents.text_version_help')}
        value={textVersion}
        onChange={(e) => setTextVersion(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 32 } }}
      />
      <TextField size="small" label={translate('app.data_rights.consents.fields.note')} value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
    </ActionDialog>
  );
};
