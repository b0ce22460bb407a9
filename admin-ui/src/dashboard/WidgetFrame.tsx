import { Alert, Skeleton, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { SectionCard } from '../common/SectionCard';

interface WidgetFrameProps<T> {
  title: string;
  titleArgs?: Record<string, unknown>;
  icon: ReactNode;
  testId: string;
  action?: ReactNode;
  data: T | undefined;
  isPending: boolean;
  error: unknown;
  children: (data: T) => ReactNode;
}

/** A dashboard widget's card: its title, then a placeholder while loading, a clear message on error, or its content. */
export function WidgetFrame<T>({ title, titleArgs, icon, testId, action, data, isPending, error, children }: WidgetFrameProps<T>) {
  const translate = useTranslate();
  return (
    <SectionCard title={translate(title, titleArgs)} icon={icon} testId={testId} action={action}>
      {isPending ? (
        <Stack spacing={1}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={36} />
          ))}
        </Stack>
      ) : error || data === undefined ? (
        <Alert severity="warning" variant="outlined">
          {translate('app.widgets.loading_error')}
        </Alert>
      ) : (
        children(data)
      )}
    </SectionCard>
  );
}
