import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

interface FigureTileProps {
  label: string;
  value: number | null;
  help?: string;
  /** The list the number stands for; without one the tile is not clickable. */
  to?: string;
  tone: string;
  icon: ReactNode;
  testId: string;
}

/** One figure of a widget, opening the filtered list it counts when there is one. Null means no right to the data. */
export const FigureTile = ({ label, value, help, to, tone, icon, testId }: FigureTileProps) => {
  const translate = useTranslate();
  const content = (
    <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 1.5, '&:last-child': { pb: 1.5 } }}>
      <Box sx={{ width: 40, height: 40, flexShrink: 0, borderRadius: 2, display: 'grid', placeItems: 'center', bgcolor: `${tone}1a`, color: tone }}>{icon}</Box>
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary" sx={{ lineHeight: 1.4 }}>
          {label}
        </Typography>
        <Typography variant="h5" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums', color: value ? tone : 'text.primary' }} data-testid={`${testId}-value`}>
          {value === null ? <Typography component="span" variant="body2" color="text.disabled">{translate('app.widgets.no_right')}</Typography> : value.toLocaleString('zh-CN')}
        </Typography>
        {help && (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ lineHeight: 1.4 }}>
            {help}
          </Typography>
        )}
      </Box>
    </CardContent>
  );
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
      {to && value !== null ? (
        <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
};
