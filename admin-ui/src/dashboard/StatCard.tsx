import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { listLink } from './api';

interface StatCardProps {
  resource: string;
  filter?: Record<string, unknown>;
  label: string;
  icon: ReactNode;
  tone: string;
  testId: string;
}

/** A count from the server (the same row rules as the list) that opens the matching list. */
export const StatCard = ({ resource, filter, label, icon, tone, testId }: StatCardProps) => {
  const translate = useTranslate();
  const { total, meta, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter: filter ?? {} });
  // Past the list's count limit the provider gives no total, only how far it counted.
  const shown = total != null ? total.toLocaleString('zh-CN') : meta?.totalAtLeast != null ? `${Number(meta.totalAtLeast).toLocaleString('zh-CN')}+` : '0';
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
      <CardActionArea component={Link} to={filter ? listLink(resource, filter) : `/${resource}`} sx={{ height: '100%' }}>
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Box sx={{ width: 44, height: 44, borderRadius: 2, display: 'grid', placeItems: 'center', bgcolor: `${tone}1a`, color: tone }}>{icon}</Box>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" color="text.secondary" noWrap>
              {translate(label)}
            </Typography>
            <Typography variant="h5" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
              {isPending ? <Skeleton width={60} /> : error ? '—' : shown}
            </Typography>
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
