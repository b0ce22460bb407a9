import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** Label / value pairs in two columns: denser and easier to scan than one per line. */
export const FieldGrid = ({ children, columns = 2 }: { children: ReactNode; columns?: number }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: `repeat(${columns}, minmax(0, 1fr))` }, columnGap: 3, rowGap: 1.75 }}>{children}</Box>
);

export const FieldItem = ({ label, children, span }: { label: string; children: ReactNode; span?: number }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ gridColumn: span ? `span ${span}` : undefined, minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.25 }}>
        {translate(label)}
      </Typography>
      <Box sx={{ fontSize: 14, minHeight: 22, display: 'flex', alignItems: 'center', wordBreak: 'break-all' }}>{children}</Box>
    </Box>
  );
};
