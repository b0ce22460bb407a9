import SaveIcon from '@mui/icons-material/SaveOutlined';
import { Box, Button, Checkbox, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Inspection, TemplateItem } from './api';
import { ScoreText } from './common';
import { DIMENSIONS, type Dimension } from './enums';

export interface Draft {
  score: string;
  notApplicable: boolean;
  evidence: string;
}

const draftsOf = (inspection: Inspection): Record<string, Draft> =>
  Object.fromEntries(
    (inspection.template?.items ?? []).map((item) => {
      const saved = inspection.scores?.find((s) => s.itemKey === item.key);
      return [item.key, { score: saved?.score === null || saved?.score === undefined ? '' : String(saved.score), notApplicable: !!saved?.notApplicable, evidence: saved?.evidence ?? '' }];
    }),
  );

/** A typed score: a whole number 0–100, or null when blank; NaN when it is not one. */
export function parseScore(text: string): number | null {
  if (!text.trim()) return null;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 && value <= 100 ? value : Number.NaN;
}

export interface LiveSummary {
  total: number | null;
  dimensions: Array<{ dimension: Dimension; score: number | null; weight: number; scored: number; applicable: number }>;
  scored: number;
  done: number;
  items: number;
  invalid: string[];
}

const round2 = (points: number, weight: number) => Math.round((points / weight) * 100) / 100;

/** The weighted score of the typed drafts, as the server computes it (quality.rules.ts computeScores). */
export function liveSummary(items: TemplateItem[], drafts: Record<string, Draft>): LiveSummary {
  const dims = new Map<Dimension, { points: number; weight: number; scoredWeight: number; scored: number; applicable: number }>();
  let points = 0;
  let weight = 0;
  let scored = 0;
  let done = 0;
  const invalid: string[] = [];
  for (const item of items) {
    const draft = drafts[item.key];
    const dim = dims.get(item.dimension) ?? { points: 0, weight: 0, scoredWeight: 0, scored: 0, applicable: 0 };
    dims.set(item.dimension, dim);
    if (draft?.notApplicable) {
      done++;
      continue;
    }
    dim.applicable++;
    dim.weight += item.weight;
    const value = parseScore(draft?.score ?? '');
    if (Number.isNaN(value)) invalid.push(item.key);
    if (value === null || Number.isNaN(value)) continue;
    done++;
    scored++;
    dim.scored++;
    dim.points += item.weight * value;
    dim.scoredWeight += item.weight;
    points += item.weight * value;
    weight += item.weight;
  }
  const dimensions = DIMENSIONS.filter((d) => dims.has(d)).map((dimension) => {
    const d = dims.get(dimension)!;
    return { dimension, score: d.scoredWeight ? round2(d.points, d.scoredWeight) : null, weight: d.weight, scored: d.scored, applicable: d.applicable };
  });
  return { total: weight ? round2(points, weight) : null, dimensions, scored, done, items: items.length, invalid };
}

/** The score drafts of an inspection: typed locally, the live score computed from them, saved in one call. */
export function useScoreDrafts(inspection: Inspection | undefined) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const key = inspection ? `${inspection.id}:${inspection.version}` : '';
  useEffect(() => {
    if (!inspection) return;
    setDrafts(draftsOf(inspection));
    setDirty(new Set());
    // Reset from the server's answer whenever the inspection changes (loaded, saved, moved on).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const change = useCallback((itemKey: string, patch: Partial<Draft>) => {
    setDrafts((d) => ({ ...d, [itemKey]: { ...d[itemKey], ...patch } }));
    setDirty((s) => new Set(s).add(itemKey));
  }, []);
  const discard = useCallback(() => {
    if (inspection) setDrafts(draftsOf(inspection));
    setDirty(new Set());
  }, [inspection]);
  const items = useMemo(() => inspection?.template?.items ?? [], [inspection]);
  const summary = useMemo(() => liveSummary(items, drafts), [items, drafts]);
  /** The changed items as the mutation's `scores` input. */
  const changes = useMemo(
    () =>
      [...dirty].map((itemKey) => {
        const d = drafts[itemKey];
        const score = parseScore(d.score);
        return { itemKey, score: d.notApplicable || score === null || Number.isNaN(score) ? null : score, notApplicable: d.notApplicable, evidence: d.evidence.trim() || null };
      }),
    [dirty, drafts],
  );
  return { drafts, dirty, change, discard, summary, changes };
}

/** The live score: the total in large type, then each dimension with its bar. */
export const LiveScore = ({ summary }: { summary: LiveSummary }) => {
  const translate = useTranslate();
  return (
    <Box data-testid="live-score-card">
      <Typography variant="caption" color="text.secondary">
        {translate('app.quality.inspection.live_score')}
      </Typography>
      <Box sx={{ my: 0.5 }}>
        <ScoreText value={summary.total} size="h4" testId="live-score" />
      </Box>
      <Typography variant="caption" color="text.secondary" component="div" data-testid="scored-of">
        {translate('app.quality.inspection.scored_of', { scored: summary.done, items: summary.items })}
      </Typography>
      <Stack spacing={1} sx={{ mt: 2 }}>
        {summary.dimensions.map((d) => (
          <Box key={d.dimension} data-testid={`dimension-${d.dimension}`}>
            <Stack direction="row" justifyContent="space-between" alignItems="baseline">
              <Typography variant="body2">{translate(`app.enums.QualityDimension.${d.dimension}`)}</Typography>
              <Stack direction="row" spacing={1} alignItems="baseline">
                {d.applicable ? (
                  <>
                    <Typography variant="caption" color="text.secondary">
                      {translate('app.quality.inspection.fields.weight')} {d.weight}
                    </Typography>
                    <ScoreText value={d.score} />
                  </>
                ) : (
                  <Typography variant="caption" color="text.secondary">
                    {translate('app.quality.inspection.fields.not_applicable')}
                  </Typography>
                )}
              </Stack>
            </Stack>
            <LinearProgress variant="determinate" value={d.score ?? 0} color={d.score === null ? 'inherit' : d.score < 60 ? 'error' : d.score < 80 ? 'warning' : 'success'} sx={{ height: 5, borderRadius: 1 }} />
          </Box>
        ))}
      </Stack>
      <Typography variant="caption" color="text.disabled" component="div" sx={{ mt: 1.5 }}>
        {translate('app.quality.inspection.live_hint')}
      </Typography>
    </Box>
  );
};

interface ScoreTableProps {
  items: TemplateItem[];
  drafts: Record<string, Draft>;
  dirty: Set<string>;
  editable: boolean;
  invalid: string[];
  onChange: (itemKey: string, patch: Partial<Draft>) => void;
}

/** Every checklist item, grouped by dimension: weight, guidance, score 0–100 or not applicable, evidence. */
export const ScoreTable = ({ items, drafts, dirty, editable, invalid, onChange }: ScoreTableProps) => {
  const translate = useTranslate();
  const groups = DIMENSIONS.map((dimension) => ({ dimension, items: items.filter((i) => i.dimension === dimension) })).filter((g) => g.items.length);
  return (
    <Table size="small" data-testid="score-table" sx={{ '& td, & th': { px: 1, py: 0.75 } }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.quality.inspection.fields.item')}</TableCell>
          <TableCell align="right" sx={{ width: 56 }}>{translate('app.quality.inspection.fields.weight')}</TableCell>
          <TableCell sx={{ width: 120 }}>{translate('app.quality.inspection.fields.score')}</TableCell>
          <TableCell sx={{ width: 64 }}>{translate('app.quality.inspection.fields.not_applicable')}</TableCell>
          <TableCell>{translate('app.quality.inspection.fields.evidence')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {groups.map((group) => (
          <Fragment key={group.dimension}>
            <TableRow sx={{ bgcolor: 'action.hover' }}>
              <TableCell colSpan={5} sx={{ fontWeight: 600 }}>
                {translate(`app.enums.QualityDimension.${group.dimension}`)}
              </TableCell>
            </TableRow>
            {group.items.map((item) => {
              const draft = drafts[item.key] ?? { score: '', notApplicable: false, evidence: '' };
              const bad = invalid.includes(item.key);
              return (
                <TableRow key={item.key} data-testid={`score-row-${item.key}`} sx={dirty.has(item.key) ? { bgcolor: 'rgba(255, 193, 7, 0.08)' } : undefined}>
                  <TableCell>
                    <Typography variant="body2">{item.title}</Typography>
                    {item.guidance && (
                      <Typography variant="caption" color="text.secondary">
                        {translate('app.quality.inspection.fields.guidance')}：{item.guidance}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {item.weight}
                  </TableCell>
                  <TableCell>
                    {editable ? (
                      <TextField
                        size="small"
                        value={draft.notApplicable ? '' : draft.score}
                        disabled={draft.notApplicable}
                        onChange={(e) => onChange(item.key, { score: e.target.value })}
                        error={bad}
                        helperText={bad ? '0–100' : undefined}
                        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `score-${item.key}`, 'aria-label': `${item.title} ${translate('app.quality.inspection.fields.score')}` } }}
                        sx={{ width: 100 }}
                      />
                    ) : draft.notApplicable ? (
                      <Chip size="small" label={translate('app.quality.inspection.fields.not_applicable')} />
                    ) : (
                      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>{draft.score || '—'}</Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {editable ? (
                      <Checkbox size="small" checked={draft.notApplicable} onChange={(e) => onChange(item.key, { notApplicable: e.target.checked })} slotProps={{ input: { 'aria-label': translate('app.quality.inspection.fields.not_applicable') } }} data-testid={`na-${item.key}`} />
                    ) : null}
                  </TableCell>
                  <TableCell>
                    {editable ? (
                      <TextField size="small" fullWidth multiline maxRows={4} value={draft.evidence} onChange={(e) => onChange(item.key, { evidence: e.target.value })} slotProps={{ htmlInput: { 'data-testid': `evidence-${item.key}` } }} />
                    ) : (
                      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{draft.evidence || '—'}</Typography>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
};

export const SaveScoresBar = ({ dirty, invalid, busy, onSave, onDiscard }: { dirty: number; invalid: boolean; busy: boolean; onSave: () => void; onDiscard: () => void }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      {dirty > 0 && (
        <Tooltip title={translate('app.quality.inspection.unsaved')}>
          <Chip size="small" color="warning" label={`${translate('app.quality.inspection.unsaved')} (${dirty})`} data-testid="unsaved" />
        </Tooltip>
      )}
      {dirty > 0 && (
        <Button size="small" onClick={onDiscard}>
          {translate('app.quality.inspection.discard')}
        </Button>
      )}
      <Button size="small" variant="contained" startIcon={<SaveIcon />} disabled={!dirty || invalid || busy} onClick={onSave} data-testid="save-scores">
        {translate('app.quality.inspection.save_scores')}
      </Button>
    </Stack>
  );
};
