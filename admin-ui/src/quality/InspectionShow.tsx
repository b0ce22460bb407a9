import ArticleIcon from '@mui/icons-material/ArticleOutlined';
import ChecklistIcon from '@mui/icons-material/ChecklistOutlined';
import HistoryIcon from '@mui/icons-material/HistoryOutlined';
import InventoryIcon from '@mui/icons-material/Inventory2Outlined';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdfOutlined';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import ReportProblemIcon from '@mui/icons-material/ReportProblemOutlined';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useCreatePath, useGetRecordId, useNotify, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { FieldGrid, FieldItem } from '../common/FieldGrid';
import { SectionCard } from '../common/SectionCard';
import { formatDateTime } from '../common/format';
import { useAbility } from '../common/useAbility';
import { useTimezone } from '../common/useStaff';
import { useLoad } from '../rights/useLoad';
import { explain, fetchInspection, inspectionStep, type Explained, type Inspection } from './api';
import { EnumChip, LoadError, Loading, Muted, ScoreText } from './common';
import { INSPECTION_STATE_TONES } from './enums';
import { FindingsSection } from './Findings';
import { SamplesSection } from './Samples';
import { LiveScore, SaveScoresBar, ScoreTable, useScoreDrafts } from './Scoring';
import { StepDialog, type StepField } from './StepDialog';
import { VisitsTable } from './ReturnVisits';

const STEPS: Record<string, { mutation: string; fields: StepField[]; forward: boolean }> = {
  // The server keeps a submit note as the report's conclusion: the field starts with the conclusion written so far.
  submit: { mutation: 'submitQualityInspection', fields: [{ name: 'note', label: 'app.quality.inspection.dialogs.conclusion' }], forward: true },
  review: { mutation: 'reviewQualityInspection', fields: [{ name: 'note', label: 'app.quality.inspection.dialogs.note' }], forward: true },
  return: { mutation: 'returnQualityInspection', fields: [{ name: 'reason', label: 'app.quality.inspection.dialogs.reason', required: true }], forward: false },
  publish: { mutation: 'publishQualityInspection', fields: [], forward: true },
  correct: { mutation: 'correctQualityInspection', fields: [{ name: 'reason', label: 'app.quality.inspection.dialogs.reason', required: true }], forward: false },
};

/**
 * One inspection report, and the form it is worked in: the sample, every checklist item scored with
 * its evidence (the weighted score updates as items are typed), the findings, the conclusion; the
 * state steps the server offers this staff member now; the printable page and the PDF.
 */
export const InspectionShow = () => {
  const id = String(useGetRecordId());
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const timeZone = useTimezone();
  const ability = useAbility();
  const { data, error, loading, reload } = useLoad(() => fetchInspection(id), [id]);
  const [inspection, setInspection] = useState<Inspection | undefined>(undefined);
  useEffect(() => setInspection(data), [data]);
  const scoring = useScoreDrafts(inspection);
  const [step, setStep] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveFailure, setSaveFailure] = useState<Explained | null>(null);
  const [summary, setSummary] = useState<string | null>(null);

  if (loading && !inspection) return <Loading />;
  if (error && !inspection) return <LoadError error={error} onRetry={reload} />;
  if (!inspection) return null;

  const actions = inspection.availableActions ?? [];
  const editable = actions.includes('edit');
  const steps = actions.filter((a) => a in STEPS);
  const canRaise = !!ability?.can('create', 'QualityRectification');

  const saveScores = async () => {
    setSaving(true);
    setSaveFailure(null);
    try {
      setInspection(await inspectionStep('scoreQualityInspection', inspection, { scores: scoring.changes }));
      notify('app.quality.common.saved', { type: 'success' });
    } catch (e) {
      const explained = explain(e, translate);
      setSaveFailure(explained);
      if (explained.code === 'CONFLICT') reload();
    } finally {
      setSaving(false);
    }
  };

  const saveSummary = async () => {
    if (summary === null) return;
    try {
      setInspection(await inspectionStep('updateQualityInspection', inspection, { summary: summary.trim() || null }));
      setSummary(null);
      notify('app.quality.common.saved', { type: 'success' });
    } catch (e) {
      notify(explain(e, translate).message, { type: 'error' });
    }
  };

  const runStep = async (action: string, values: Record<string, string>) => {
    const def = STEPS[action];
    const args = Object.fromEntries(def.fields.map((f) => [f.name, values[f.name]?.trim() || (f.required ? '' : null)]));
    const result = await inspectionStep(def.mutation, inspection, args);
    notify('app.quality.common.done', { type: 'success', messageArgs: { action: translate(`app.quality.inspection.actions.${action}`) } });
    if (action === 'correct' && result.id !== inspection.id) navigate(createPath({ resource: 'qualityInspections', type: 'show', id: result.id }));
    else setInspection(result);
  };

  const template = inspection.template;
  return (
    <Box sx={{ mt: 1, mb: 4 }} data-testid="inspection-page" data-state={inspection.state} data-version={inspection.version}>
      <Title title={`${translate('resources.qualityInspections.name', { smart_count: 1 })} ${inspection.number ?? ''}`} />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent sx={{ pb: '16px !important' }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }} justifyContent="space-between">
            <Box sx={{ minWidth: 0 }}>
              <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                <Typography variant="h6" sx={{ fontFamily: 'ui-monospace, Menlo, monospace' }}>
                  {inspection.number}
                </Typography>
                <EnumChip enumName="InspectionKind" value={inspection.kind} />
                <EnumChip enumName="InspectionState" value={inspection.state} tones={INSPECTION_STATE_TONES} testId="inspection-state" />
                {(inspection.revision ?? 1) > 1 && <Typography variant="body2" color="text.secondary">{translate('app.quality.common.revision', { n: inspection.revision })}</Typography>}
              </Stack>
              <Typography variant="body1" sx={{ mt: 0.5 }}>
                {inspection.title}
              </Typography>
            </Box>
            <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" data-testid="inspection-actions">
              {steps.map((action) => (
                <Button key={action} size="small" variant={STEPS[action].forward ? 'contained' : 'outlined'} onClick={() => setStep(action)} disabled={action === 'submit' && scoring.dirty.size > 0} data-testid={`action-${action}`}>
                  {translate(`app.quality.inspection.actions.${action}`)}
                </Button>
              ))}
              {actions.length === 0 && <Muted>{translate('app.quality.inspection.actions.none')}</Muted>}
              {inspection.htmlUrl && (
                <Button size="small" startIcon={<PrintIcon />} href={inspection.htmlUrl} target="_blank" rel="noopener" data-testid="print-link">
                  {translate('app.quality.inspection.print')}
                </Button>
              )}
              {inspection.pdfUrl && (
                <Button size="small" startIcon={<PictureAsPdfIcon />} href={inspection.pdfUrl} target="_blank" rel="noopener" data-testid="pdf-link">
                  {translate('app.quality.inspection.pdf')}
                </Button>
              )}
            </Stack>
          </Stack>
          {inspection.returnedReason && inspection.state === 'draft' && (
            <Alert severity="warning" sx={{ mt: 1.5 }} data-testid="returned-reason">
              {translate('app.quality.inspection.fields.returned_reason')}：{inspection.returnedReason}
            </Alert>
          )}
          <Box sx={{ mt: 2 }}>
            <FieldGrid columns={4}>
              <FieldItem label="resources.qualityInspections.fields.branchId">{inspection.branch?.name ?? '—'}</FieldItem>
              <FieldItem label="resources.qualityInspections.fields.teamId">{inspection.team?.name ?? '—'}</FieldItem>
              <FieldItem label="resources.qualityInspections.fields.period">{inspection.period ?? (inspection.visitFrom ? `${inspection.visitFrom} ~ ${inspection.visitTo}` : '—')}</FieldItem>
              <FieldItem label="resources.qualityInspections.fields.templateId">{template ? `${template.name}（v${template.revision}）` : '—'}</FieldItem>
              <FieldItem label="resources.qualityInspections.fields.inspectorId">{inspection.inspector?.displayName ?? '—'}</FieldItem>
              <FieldItem label="resources.qualityInspections.fields.submittedAt">{formatDateTime(inspection.submittedAt, timeZone)}</FieldItem>
              <FieldItem label="resources.qualityInspections.fields.reviewedAt">
                {inspection.reviewedAt ? `${formatDateTime(inspection.reviewedAt, timeZone)} ${inspection.reviewer?.displayName ?? ''}` : '—'}
              </FieldItem>
              <FieldItem label="resources.qualityInspections.fields.publishedAt">{formatDateTime(inspection.publishedAt, timeZone)}</FieldItem>
              {inspection.complaint && (
                <FieldItem label="resources.qualityInspections.fields.complaintId">
                  <Link to={createPath({ resource: 'complaints', type: 'show', id: inspection.complaint.id })}>{inspection.complaint.number}</Link>
                </FieldItem>
              )}
              {inspection.sampleSeed && <FieldItem label="app.quality.inspection.fields.seed">{inspection.sampleSeed}</FieldItem>}
              {inspection.reviewNote && <FieldItem label="app.quality.inspection.fields.review_note">{inspection.reviewNote}</FieldItem>}
            </FieldGrid>
          </Box>
        </CardContent>
      </Card>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 300px' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          {template ? (
            <SectionCard
              title="app.quality.inspection.sections.scoring"
              icon={<ChecklistIcon />}
              testId="scoring-card"
              action={editable ? <SaveScoresBar dirty={scoring.dirty.size} invalid={scoring.summary.invalid.length > 0} busy={saving} onSave={saveScores} onDiscard={scoring.discard} /> : undefined}
            >
              {saveFailure && (
                <Alert severity="error" sx={{ mb: 1 }} data-testid="score-error">
                  {saveFailure.message}
                  {saveFailure.fields.map(([f, m]) => (
                    <div key={f}>
                      {f}：{m}
                    </div>
                  ))}
                </Alert>
              )}
              <ScoreTable items={template.items} drafts={scoring.drafts} dirty={scoring.dirty} editable={editable} invalid={scoring.summary.invalid} onChange={scoring.change} />
            </SectionCard>
          ) : inspection.kind === 'return_visit' ? (
            <SectionCard title="app.quality.inspection.sections.visits" icon={<ChecklistIcon />} testId="visits-card">
              {inspection.visitSummary && (
                <Muted>
                  {translate('app.quality.visits.reached')} {inspection.visitSummary.reached} / {inspection.visitSummary.visited} / {inspection.visitSummary.sampled} · {translate('app.quality.visits.satisfaction')}{' '}
                  {inspection.visitSummary.averageSatisfaction ?? '—'}
                </Muted>
              )}
              <VisitsTable
                rows={(inspection.samples ?? []).map((s) => ({ ...s, inspection: { id: inspection.id, number: inspection.number, title: inspection.title, version: inspection.version, state: inspection.state, availableActions: inspection.availableActions, inspector: inspection.inspector } }))}
                onRecorded={(i) => (i ? setInspection(i) : reload())}
                showInspection={false}
              />
            </SectionCard>
          ) : (
            <Alert severity="info">{translate('app.quality.inspection.no_template')}</Alert>
          )}
          {inspection.kind !== 'return_visit' && (
            <SectionCard title="app.quality.inspection.sections.samples" icon={<InventoryIcon />} testId="samples-card">
              <SamplesSection inspection={inspection} editable={editable} onChange={setInspection} />
            </SectionCard>
          )}
          <SectionCard title="app.quality.inspection.sections.findings" icon={<ReportProblemIcon />} testId="findings-card">
            <FindingsSection inspection={inspection} editable={editable} canRaise={canRaise} onChange={setInspection} reload={reload} />
          </SectionCard>
          <SectionCard title="app.quality.inspection.sections.summary" icon={<ArticleIcon />} testId="summary-card">
            {editable ? (
              <Stack spacing={1} alignItems="flex-start">
                <TextField multiline minRows={3} fullWidth value={summary ?? inspection.summary ?? ''} onChange={(e) => setSummary(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'summary-input' } }} />
                <Button size="small" variant="outlined" disabled={summary === null} onClick={saveSummary}>
                  {translate('ra.action.save')}
                </Button>
              </Stack>
            ) : (
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {inspection.summary || '—'}
              </Typography>
            )}
          </SectionCard>
        </Stack>
        <Stack spacing={2} sx={{ position: { lg: 'sticky' }, top: { lg: 72 } }}>
          {template && (
            <Card variant="outlined">
              <CardContent>
                <LiveScore summary={scoring.summary} />
                {inspection.totalScore !== null && scoring.dirty.size > 0 && (
                  <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
                    {translate('app.quality.common.saved')}：<ScoreText value={inspection.totalScore} />
                  </Typography>
                )}
              </CardContent>
            </Card>
          )}
          {(inspection.corrects || (inspection.corrections ?? []).length > 0 || inspection.correctionReason) && (
            <SectionCard title="app.quality.inspection.sections.history" icon={<HistoryIcon />} testId="history-card">
              <Stack spacing={0.5}>
                {inspection.corrects && (
                  <Typography variant="body2">
                    {translate('app.quality.inspection.fields.corrects')}：
                    <Link to={createPath({ resource: 'qualityInspections', type: 'show', id: inspection.corrects.id })}>{inspection.corrects.number}</Link>
                  </Typography>
                )}
                {inspection.correctionReason && (
                  <Typography variant="body2">
                    {translate('app.quality.inspection.fields.correction_reason')}：{inspection.correctionReason}
                  </Typography>
                )}
                {(inspection.corrections ?? []).map((c) => (
                  <Stack key={c.id} direction="row" spacing={1} alignItems="center">
                    <Typography variant="body2">{translate('app.quality.inspection.fields.corrections')}：</Typography>
                    <Link to={createPath({ resource: 'qualityInspections', type: 'show', id: c.id })}>{c.number}</Link>
                    <EnumChip enumName="InspectionState" value={c.state} tones={INSPECTION_STATE_TONES} />
                  </Stack>
                ))}
              </Stack>
            </SectionCard>
          )}
        </Stack>
      </Box>

      {step && (
        <StepDialog
          title={translate(`app.quality.inspection.actions.${step}`)}
          description={translate(`app.quality.inspection.dialogs.${step}`)}
          fields={STEPS[step].fields.map((f) => (step === 'submit' && f.name === 'note' ? { ...f, initial: summary ?? inspection.summary } : f))}
          onConfirm={(values) => runStep(step, values)}
          onClose={() => setStep(null)}
          onConflict={reload}
          testId={`step-dialog-${step}`}
        />
      )}
    </Box>
  );
};
