import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import EventNoteIcon from '@mui/icons-material/EventNoteOutlined';
import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useAbility } from '../common/useAbility';
import { useLoad } from '../rights/useLoad';
import { fetchPlan } from './api';
import { EnumChip, LoadError, Loading, ScoreText } from './common';
import { INSPECTION_STATE_TONES, halfYearOf, shiftHalfYear } from './enums';

/**
 * The half-year plan (半年度质检计划): every active team, whether a periodic inspection of it has
 * been carried out this half-year, and which are not yet covered; "plan inspection" opens a periodic
 * inspection for that team and half-year.
 */
export const PlanPage = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const ability = useAbility();
  const [period, setPeriod] = useState(halfYearOf());
  const [branchId, setBranchId] = useState('');
  const { data: branches } = useGetList('branches', { pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' } });
  const { data: plan, error, loading, reload } = useLoad(() => fetchPlan(period, branchId || null), [period, branchId]);
  const canCreate = !!ability?.can('create', 'QualityInspection');
  const teams = [...(plan?.teams ?? [])].sort((a, b) => Number(a.covered) - Number(b.covered));
  const uncovered = teams.filter((t) => !t.covered);
  const planLink = (teamId: string) => `${createPath({ resource: 'qualityInspections', type: 'create' })}?source=${encodeURIComponent(JSON.stringify({ kind: 'periodic', teamId, period }))}`;
  return (
    <Box sx={{ mt: 1, mb: 4 }} data-testid="plan-page">
      <Title title={translate('app.quality.plan.title')} />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent sx={{ pb: '16px !important' }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }}>
            <Stack direction="row" spacing={1} alignItems="center">
              <Button size="small" startIcon={<ChevronLeftIcon />} onClick={() => setPeriod((p) => shiftHalfYear(p, -1))}>
                {translate('app.quality.plan.previous')}
              </Button>
              <Typography variant="h6" sx={{ fontVariantNumeric: 'tabular-nums', minWidth: 80, textAlign: 'center' }} data-testid="plan-period">
                {period}
              </Typography>
              <Button size="small" endIcon={<ChevronRightIcon />} onClick={() => setPeriod((p) => shiftHalfYear(p, 1))}>
                {translate('app.quality.plan.next')}
              </Button>
            </Stack>
            <TextField select size="small" label={translate('app.quality.plan.branch')} value={branchId} onChange={(e) => setBranchId(e.target.value)} sx={{ minWidth: 180 }}>
              <MenuItem value="">—</MenuItem>
              {(branches ?? []).map((b) => (
                <MenuItem key={b.id} value={String(b.id)}>
                  {b.name}
                </MenuItem>
              ))}
            </TextField>
            {plan && (
              <Box sx={{ flex: 1, minWidth: 200 }}>
                <Typography variant="body2" data-testid="plan-coverage">
                  {translate('app.quality.plan.covered_of', { covered: plan.covered, total: plan.total })}
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                    {plan.from} ~ {plan.to}
                  </Typography>
                </Typography>
                <LinearProgress variant="determinate" value={plan.total ? (plan.covered / plan.total) * 100 : 0} color={plan.covered === plan.total ? 'success' : 'warning'} sx={{ height: 6, borderRadius: 1, mt: 0.5 }} />
              </Box>
            )}
          </Stack>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
            {translate('app.quality.plan.hint')}
          </Typography>
        </CardContent>
      </Card>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !plan ? (
        <Loading />
      ) : plan && teams.length === 0 ? (
        <Alert severity="info">{translate('app.quality.plan.empty')}</Alert>
      ) : (
        <>
          {uncovered.length === 0 ? (
            <Alert severity="success" sx={{ mb: 2 }}>
              {translate('app.quality.plan.all_covered')}
            </Alert>
          ) : (
            <Alert severity="warning" icon={<EventNoteIcon />} sx={{ mb: 2 }} data-testid="plan-uncovered">
              <strong>{translate('app.quality.plan.uncovered')}：</strong>
              {uncovered.map((t) => `${t.team.branch?.name ?? ''} ${t.team.name ?? ''}`).join('、')}
            </Alert>
          )}
          <Card variant="outlined">
            <Table size="small" data-testid="plan-table">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.quality.plan.branch')}</TableCell>
                  <TableCell>{translate('app.quality.plan.team')}</TableCell>
                  <TableCell>{translate('app.quality.plan.covered')}</TableCell>
                  <TableCell>{translate('app.quality.plan.inspections')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {teams.map((t) => (
                  <TableRow key={t.team.id} data-testid="plan-row" data-covered={t.covered ? 'yes' : 'no'}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t.team.branch?.name ?? '—'}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t.team.name}</TableCell>
                    <TableCell>
                      {t.covered ? (
                        <Chip size="small" color="success" label={translate('app.quality.plan.covered')} />
                      ) : t.inspections.length ? (
                        <Chip size="small" color="info" variant="outlined" label={translate('app.quality.plan.planned')} />
                      ) : (
                        <Chip size="small" color="warning" label={translate('app.quality.plan.uncovered')} />
                      )}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1.5} flexWrap="wrap" useFlexGap>
                        {t.inspections.map((i) => (
                          <Stack key={i.id} direction="row" spacing={0.5} alignItems="center">
                            <Link to={createPath({ resource: 'qualityInspections', type: 'show', id: i.id })}>{i.number}</Link>
                            <EnumChip enumName="InspectionState" value={i.state} tones={INSPECTION_STATE_TONES} />
                            <ScoreText value={i.totalScore} />
                            <Typography variant="caption" color="text.secondary">
                              {i.inspector?.displayName}
                            </Typography>
                          </Stack>
                        ))}
                        {t.inspections.length === 0 && '—'}
                      </Stack>
                    </TableCell>
                    <TableCell align="right">
                      {canCreate && !t.covered && t.inspections.length === 0 && (
                        <Button size="small" variant="outlined" component={Link} to={planLink(t.team.id)} data-testid="plan-inspection">
                          {translate('app.quality.plan.plan_one')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        </>
      )}
    </Box>
  );
};
