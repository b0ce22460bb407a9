import PhoneCallbackIcon from '@mui/icons-material/PhoneCallbackOutlined';
import { Alert, Box, Button, Card, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Radio, RadioGroup, Rating, Stack, Switch, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useCreatePath, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../common/format';
import { useTimezone } from '../common/useStaff';
import { useLoad } from '../rights/useLoad';
import { explain, fetchReturnVisits, inspectionStep, type Explained, type Inspection, type ReturnVisit } from './api';
import { EnumChip, LoadError, Loading } from './common';

const RecordDialog = ({ visit, onDone, onClose }: { visit: ReturnVisit; onDone: (i: Inspection) => void; onClose: () => void }) => {
  const translate = useTranslate();
  const [reached, setReached] = useState<boolean>(visit.reached ?? true);
  const [satisfaction, setSatisfaction] = useState<number | null>(visit.satisfaction);
  const [remarks, setRemarks] = useState(visit.remarks ?? '');
  const [failure, setFailure] = useState<Explained | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!visit.inspection) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await inspectionStep('recordReturnVisit', visit.inspection, { sampleId: visit.id, reached, satisfaction: reached ? satisfaction : null, remarks: remarks.trim() || null });
      onDone(result);
      onClose();
    } catch (error) {
      setFailure(explain(error, translate));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth data-testid="visit-dialog">
      <DialogTitle>
        {translate('app.quality.visits.record_title')}
        <Typography variant="body2" color="text.secondary">
          {visit.label}
        </Typography>
      </DialogTitle>
      <DialogContent>
        {failure && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="step-error">
            {failure.message}
            {failure.fields.map(([f, m]) => (
              <div key={f}>
                {f}：{m}
              </div>
            ))}
          </Alert>
        )}
        <RadioGroup row value={reached ? 'yes' : 'no'} onChange={(e) => setReached(e.target.value === 'yes')}>
          <FormControlLabel value="yes" control={<Radio size="small" />} label={translate('app.quality.visits.reached')} />
          <FormControlLabel value="no" control={<Radio size="small" />} label={translate('app.quality.visits.not_reached')} />
        </RadioGroup>
        {reached && (
          <Box sx={{ mt: 1 }}>
            <Typography variant="caption" color="text.secondary" component="div">
              {translate('app.quality.visits.satisfaction_help')}
            </Typography>
            <Rating value={satisfaction} onChange={(_, v) => setSatisfaction(v)} data-testid="satisfaction" />
          </Box>
        )}
        <TextField label={translate('app.quality.visits.remarks')} value={remarks} onChange={(e) => setRemarks(e.target.value)} multiline minRows={2} fullWidth margin="dense" />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={busy || (reached && !satisfaction)} data-testid="step-confirm">
          {translate('app.quality.common.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** Return visits as rows: who, reached or not, satisfaction, remarks; "record" while the inspection is a draft its inspector works. */
export const VisitsTable = ({ rows, onRecorded, showInspection = true }: { rows: ReturnVisit[]; onRecorded: (i: Inspection | null) => void; showInspection?: boolean }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const timeZone = useTimezone();
  const [open, setOpen] = useState<ReturnVisit | null>(null);
  if (!rows.length) return <Typography variant="body2" color="text.secondary" sx={{ py: 3, textAlign: 'center' }} data-testid="visits-empty">{translate('app.quality.visits.empty')}</Typography>;
  return (
    <>
      <Table size="small" data-testid="visit-table" sx={{ '& td, & th': { px: 1 } }}>
        <TableHead>
          <TableRow>
            {showInspection && <TableCell>{translate('resources.qualityInspections.name', { smart_count: 1 })}</TableCell>}
            <TableCell>{translate('app.quality.inspection.sample.ref')}</TableCell>
            <TableCell>{translate('app.quality.visits.reached')}</TableCell>
            <TableCell>{translate('app.quality.visits.satisfaction')}</TableCell>
            <TableCell>{translate('app.quality.visits.remarks')}</TableCell>
            <TableCell>{translate('app.quality.visits.visited_at')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((v) => {
            const canRecord = !!v.inspection?.availableActions?.includes('edit');
            return (
              <TableRow key={v.id} data-testid="visit-row">
                {showInspection && (
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {v.inspection ? <Link to={createPath({ resource: 'qualityInspections', type: 'show', id: v.inspection.id })}>{v.inspection.number}</Link> : '—'}
                  </TableCell>
                )}
                <TableCell>
                  <Stack direction="row" spacing={1} alignItems="center">
                    <EnumChip enumName="QualitySampleKind" value={v.kind} />
                    <span>{v.label}</span>
                  </Stack>
                </TableCell>
                <TableCell>
                  {v.visitedAt ? <Chip size="small" color={v.reached ? 'success' : 'default'} label={translate(v.reached ? 'app.quality.visits.reached' : 'app.quality.visits.not_reached')} /> : '—'}
                </TableCell>
                <TableCell>{v.satisfaction ? <Rating size="small" value={v.satisfaction} readOnly /> : '—'}</TableCell>
                <TableCell sx={{ maxWidth: 280 }}>{v.remarks || '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.visitedAt, timeZone)}</TableCell>
                <TableCell align="right">
                  {canRecord && (
                    <Button size="small" variant={v.visitedAt ? 'text' : 'outlined'} onClick={() => setOpen(v)} data-testid="record-visit">
                      {translate('app.quality.visits.record')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {open && <RecordDialog visit={open} onDone={(i) => onRecorded(i)} onClose={() => setOpen(null)} />}
    </>
  );
};

/** The return-visit worklist (回访工作台): every visit of the return-visit inspections the staff member may read, paged on the server. */
export const ReturnVisitsPage = () => {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const [openOnly, setOpenOnly] = useState(true);
  const [mine, setMine] = useState(false);
  const filter = { ...(openOnly ? { open: true, visited: false } : {}), ...(mine ? { mine: true } : {}) };
  const { data, error, loading, reload } = useLoad(() => fetchReturnVisits(page, perPage, filter), [page, perPage, openOnly, mine]);
  return (
    <Box sx={{ mt: 1 }} data-testid="return-visits-page">
      <Title title={translate('app.quality.visits.title')} />
      <Card variant="outlined">
        <Stack direction="row" spacing={2} alignItems="center" sx={{ px: 2, py: 1 }}>
          <PhoneCallbackIcon color="action" />
          <FormControlLabel control={<Switch size="small" checked={openOnly} onChange={(e) => { setOpenOnly(e.target.checked); setPage(0); }} />} label={translate('app.quality.visits.open_only')} />
          <FormControlLabel control={<Switch size="small" checked={mine} onChange={(e) => { setMine(e.target.checked); setPage(0); }} />} label={translate('app.quality.visits.mine')} />
        </Stack>
        {error ? <LoadError error={error} onRetry={reload} /> : loading && !data ? <Loading /> : <VisitsTable rows={data?.data ?? []} onRecorded={() => reload()} />}
        <TablePagination component="div" count={data?.total ?? 0} page={page} rowsPerPage={perPage} onPageChange={(_, p) => setPage(p)} onRowsPerPageChange={(e) => { setPerPage(Number(e.target.value)); setPage(0); }} rowsPerPageOptions={[25, 50, 100]}
          labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
          labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
        />
      </Card>
    </Box>
  );
};
