import ErrorIcon from '@mui/icons-material/ErrorOutline';
import { Alert, Box, Button, Chip, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AutocompleteInput, ReferenceInput, useTranslate } from 'react-admin';
import { explain } from './api';

type Tone = 'default' | 'success' | 'warning' | 'error' | 'info' | 'primary';

/** An enum value as a chip in the user's language (app.enums.<Enum>.<value>). */
export const EnumChip = ({ enumName, value, tones, testId }: { enumName: string; value: string | null | undefined; tones?: Record<string, Tone>; testId?: string }) => {
  const translate = useTranslate();
  if (!value) return <Typography component="span" variant="body2" color="text.disabled">—</Typography>;
  const tone = tones?.[value] ?? 'default';
  return <Chip size="small" label={translate(`app.enums.${enumName}.${value}`, { _: value })} color={tone} variant={tone === 'default' ? 'outlined' : 'filled'} sx={{ fontWeight: 500 }} data-testid={testId} data-value={value} />;
};

export const OverdueBadge = ({ overdue }: { overdue: boolean | null | undefined }) => {
  const translate = useTranslate();
  if (!overdue) return null;
  return <Chip size="small" color="error" icon={<ErrorIcon />} label={translate('app.quality.rectification.overdue')} sx={{ fontWeight: 600 }} data-testid="overdue-badge" />;
};

/** A score 0–100 with two decimals, coloured: red below 60, amber below 80. */
export const ScoreText = ({ value, size = 'body2', testId }: { value: number | null | undefined; size?: 'body2' | 'h4' | 'h6'; testId?: string }) => {
  if (value === null || value === undefined) return <Typography component="span" variant={size} color="text.disabled" data-testid={testId}>—</Typography>;
  const color = value < 60 ? 'error.main' : value < 80 ? 'warning.dark' : 'success.dark';
  return (
    <Typography component="span" variant={size} sx={{ color, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
      {value.toFixed(2)}
    </Typography>
  );
};

export const Loading = () => (
  <Box sx={{ display: 'flex', justifyContent: 'center', py: 8 }}>
    <CircularProgress size={32} />
  </Box>
);

/** A load that failed: what the server said, and a retry. */
export const LoadError = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => {
  const translate = useTranslate();
  const { message } = explain(error, translate);
  return (
    <Alert
      severity="error"
      sx={{ m: 2 }}
      data-testid="load-error"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {translate('app.quality.common.retry')}
        </Button>
      }
    >
      {translate('app.quality.errors.load_failed', { message })}
    </Alert>
  );
};

/** A staff picker over the staff the role may read (search by name or username). */
export const StaffInput = ({ source, label, required, helperText }: { source: string; label: string; required?: boolean; helperText?: ReactNode }) => (
  <ReferenceInput source={source} reference="staff" sort={{ field: 'displayName', order: 'ASC' }} perPage={50}>
    <AutocompleteInput
      label={label}
      optionText={(s: { displayName?: string; username?: string }) => `${s.displayName ?? ''}（${s.username ?? ''}）`}
      filterToQuery={(q: string) => ({ q })}
      isRequired={required}
      helperText={helperText}
      sx={{ minWidth: 220 }}
    />
  </ReferenceInput>
);

export const Muted = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary">
    {children}
  </Typography>
);
