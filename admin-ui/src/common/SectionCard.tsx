import { Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled block of a show or edit page. */
export const SectionCard = ({ title, icon, action, children, testId }: { title: string; icon?: ReactNode; action?: ReactNode; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
      <CardContent>
        <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1.5, color: 'text.secondary', '& svg': { fontSize: 20 } }}>
          {icon}
          <Typography variant="subtitle2" sx={{ flex: 1, fontWeight: 600, color: 'text.primary', letterSpacing: '0.02em' }}>
            {translate(title)}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};
