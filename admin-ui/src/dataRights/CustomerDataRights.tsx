import BlockIcon from '@mui/icons-material/BlockOutlined';
import DataObjectIcon from '@mui/icons-material/DataObjectOutlined';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdfOutlined';
import UndoIcon from '@mui/icons-material/UndoOutlined';
import { Alert, AlertTitle, Box, Button, Checkbox, FormControlLabel, LinearProgress, MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useAbility } from '../common/useAbility';
import { ActionDialog } from './ActionDialog';
import { exportCustomerData, openDeletionOf, requestDeletion, saveExport, withdrawDeletion } from './api';
import { RIGHTS_CHANNELS } from './enums';

const FAILED = 'app.data_rights.actions.failed';

const ChannelAndNote = ({ channel, setChannel, note, setNote, disabled }: { channel: string; setChannel: (v: string) => void; note: string; setNote: (v: string) => void; disabled: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      <TextField select size="small" label={translate('app.data_rights.actions.channel')} value={channel} onChange={(e) => setChannel(e.target.value)} disabled={disabled} data-testid="rights-channel">
        {RIGHTS_CHANNELS.map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`app.enums.RightsChannel.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        multiline
        minRows={2}
        label={translate('app.data_rights.actions.note')}
        helperText={translate('app.data_rights.actions.note_help')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        disabled={disabled}
        slotProps={{ htmlInput: { maxLength: 1000 } }}
      />
    </>
  );
};

const ExportDialog = ({ customerId, format, onClose }: { customerId: string; format: 'json' | 'pdf'; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [channel, setChannel] = useState('counter');
  const [note, setNote] = useState('');
  const run = async () => {
    const file = await exportCustomerData({ customerId, channel, note: note.trim() || null, format });
    saveExport(file);
    notify('app.data_rights.actions.exported', { type: 'success', messageArgs: { filename: file.filename } });
    onClose();
  };
  return (
    <ActionDialog
      title={translate('app.data_rights.actions.export_title', { format: translate(`app.enums.DataExportFormat.${format}`) })}
      submitLabel={translate('app.data_rights.actions.start_export')}
      submitIcon={format === 'pdf' ? <PictureAsPdfIcon /> : <DataObjectIcon />}
      onSubmit={run}
      onClose={onClose}
      failedMessage={FAILED}
      progress={
        <Box data-testid="export-progress">
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {translate('app.data_rights.actions.exporting')}
          </Typography>
          <LinearProgress />
        </Box>
      }
      testId="export-dialog"
      submitTestId="export-submit"
    >
      {(busy) => (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('app.data_rights.actions.export_intro')}
          </Typography>
          <ChannelAndNote channel={channel} setChannel={setChannel} note={note} setNote={setNote} disabled={busy} />
        </>
      )}
    </ActionDialog>
  );
};

const RestrictDialog = ({ customerId, name, onClose }: { customerId: string; name: string; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [channel, setChannel] = useState('counter');
  const [note, setNote] = useState('');
  const [told, setTold] = useState(false);
  const run = async () => {
    const request = await requestDeletion({ customerId, channel, note: note.trim() || null });
    notify('app.data_rights.actions.restricted_done', { type: 'success', messageArgs: { date: request.retentionUntil ?? '—' } });
    onClose();
    refresh();
  };
  return (
    <ActionDialog
      title={translate('app.data_rights.actions.restrict_title', { name })}
      submitLabel={translate('app.data_rights.actions.restrict_submit')}
      submitIcon={<BlockIcon />}
      submitColor="error"
      canSubmit={told}
      onSubmit={run}
      onClose={onClose}
      failedMessage={FAILED}
      progress={<LinearProgress />}
      testId="restrict-dialog"
      submitTestId="restrict-submit"
    >
      {(busy) => (
        <>
          <Alert severity="warning" variant="outlined">
            <AlertTitle>{translate('app.data_rights.actions.restrict_consequences')}</AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2.5, '& li': { mb: 0.75 } }}>
              <li>{translate('app.data_rights.actions.restrict_now')}</li>
              <li>{translate('app.data_rights.actions.restrict_later')}</li>
              <li>{translate('app.data_rights.actions.restrict_withdraw')}</li>
            </Box>
          </Alert>
          <ChannelAndNote channel={channel} setChannel={setChannel} note={note} setNote={setNote} disabled={busy} />
          <FormControlLabel control={<Checkbox checked={told} onChange={(e) => setTold(e.target.checked)} data-testid="restrict-told" />} label={translate('app.data_rights.actions.restrict_confirm_label')} />
        </>
      )}
    </ActionDialog>
  );
};

export const WithdrawDialog = ({ requestId, onClose, onDone }: { requestId: string; onClose: () => void; onDone?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const run = async () => {
    await withdrawDeletion({ id: requestId, reason: reason.trim() });
    notify('app.data_rights.actions.withdrawn_done', { type: 'success' });
    onClose();
    onDone?.();
    refresh();
  };
  return (
    <ActionDialog
      title={translate('app.data_rights.actions.withdraw_title')}
      submitLabel={translate('app.data_rights.actions.withdraw')}
      submitIcon={<UndoIcon />}
      canSubmit={reason.trim().length >= 4}
      onSubmit={run}
      onClose={onClose}
      failedMessage={FAILED}
      maxWidth="xs"
    >
      <Typography variant="body2">{translate('app.data_rights.actions.withdraw_body')}</Typography>
      <TextField
        size="small"
        label={translate('app.data_rights.actions.withdraw_reason')}
        helperText={translate('app.data_rights.actions.withdraw_reason_help')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </ActionDialog>
  );
};

/**
 * The customer's rights on their page, for those the server lets create data-rights requests
 * (compliance): a copy as JSON or PDF, a deletion request (restricts at once, anonymised when the
 * retention period ends) and its withdrawal while still restricted.
 */
export const CustomerDataRightsButtons = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const ability = useAbility();
  const [open, setOpen] = useState<'json' | 'pdf' | 'restrict' | 'withdraw' | null>(null);
  const [pending, setPending] = useState<{ id: string } | null>(null);
  const status = record?.status as string | undefined;
  const customerId = record ? String(record.id) : '';
  const canCreate = !!ability?.can('create', 'DataRightsRequest');
  const canUpdate = !!ability?.can('update', 'DataRightsRequest');
  useEffect(() => {
    if (!customerId || status !== 'restricted' || !canUpdate) {
      setPending(null);
      return;
    }
    let live = true;
    openDeletionOf(customerId).then((r) => live && setPending(r), () => live && setPending(null));
    return () => {
      live = false;
    };
  }, [customerId, status, canUpdate]);
  if (!record || !canCreate) return null;
  const anonymised = status === 'anonymised';
  return (
    <>
      <Button size="small" startIcon={<DataObjectIcon />} onClick={() => setOpen('json')} disabled={anonymised} data-testid="export-json">
        {translate('app.data_rights.actions.export_json')}
      </Button>
      <Button size="small" startIcon={<PictureAsPdfIcon />} onClick={() => setOpen('pdf')} disabled={anonymised} data-testid="export-pdf">
        {translate('app.data_rights.actions.export_pdf')}
      </Button>
      {status !== 'restricted' && !anonymised && (
        <Button size="small" color="error" startIcon={<BlockIcon />} onClick={() => setOpen('restrict')} data-testid="restrict-customer">
          {translate('app.data_rights.actions.restrict')}
        </Button>
      )}
      {status === 'restricted' && pending && canUpdate && (
        <Button size="small" startIcon={<UndoIcon />} onClick={() => setOpen('withdraw')} data-testid="withdraw-deletion">
          {translate('app.data_rights.actions.withdraw')}
        </Button>
      )}
      {(open === 'json' || open === 'pdf') && <ExportDialog customerId={customerId} format={open} onClose={() => setOpen(null)} />}
      {open === 'restrict' && <RestrictDialog customerId={customerId} name={String(record.name ?? customerId)} onClose={() => setOpen(null)} />}
      {open === 'withdraw' && pending && <WithdrawDialog requestId={pending.id} onClose={() => setOpen(null)} />}
    </>
  );
};

/** A restricted or anonymised customer says so at the top of their page. */
export const CustomerRightsBanner = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const status = record?.status as string | undefined;
  if (status !== 'restricted' && status !== 'anonymised') return null;
  return (
    <Alert severity={status === 'restricted' ? 'warning' : 'info'} variant="filled" icon={<BlockIcon />} sx={{ mb: 2 }} data-testid={`customer-${status}-banner`}>
      {translate(`app.data_rights.banner.${status}`)}
    </Alert>
  );
};
