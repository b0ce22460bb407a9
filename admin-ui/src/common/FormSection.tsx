import { Box, Divider, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled group of inputs laid out on a responsive grid. */
export const FormSection = ({ title, children, first }: { title: string; children: ReactNode; first?: boolean }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', mt: first ? 0 : 2 }}>
      {!first && <Divider sx={{ mb: 2 }} />}
      <Typography variant="subtitle2" sx={{ fontWeight: 600, mb: 1.5, color: 'text.primary' }}>
        {translate(title)}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(3, minmax(0, 1fr))' }, columnGap: 2, rowGap: 1, alignItems: 'start' }}>{children}</Box>
    </Box>
  );
};

/** A value shown in place of an input the role may not change, so the form still tells the whole story. */
export const ReadOnlyValue = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ pt: 1, pb: 2.5 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
        {children}
      </Typography>
    </Box>
  );
};
