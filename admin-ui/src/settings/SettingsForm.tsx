import SettingsIcon from '@mui/icons-material/TuneOutlined';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Form, maxValue, minValue, NumberInput, number, required, SaveButton, Title, Toolbar, useNotify, useTranslate } from 'react-admin';
import { isStaleVersion, toHttpError, type AppErrorBody } from '../providers/toHttpError';
import type { SingleRecordApi } from './api';

interface SettingsFormProps<T extends { version: number }> {
  api: SingleRecordApi<T>;
  /** i18n prefix: `${prefix}.title`, `.intro`, `.saved`, `.read_only`, `.load_error`. */
  prefix: string;
  canEdit: boolean;
  testId: string;
  children: ReactNode;
}

/**
 * One settings record as a form: loaded from the server, saved with the version it started from and
 * only the changed fields. The server's refusal of a value appears under that field; a record saved
 * by someone else meanwhile is reloaded with a warning. Roles that may only read see the values
 * without a save button.
 */
export function SettingsForm<T extends { version: number }>({ api, prefix, canEdit, testId, children }: SettingsFormProps<T>) {
  const translate = useTranslate();
  const notify = useNotify();
  const [record, setRecord] = useState<T | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setRecord(await api.load());
    } catch (error) {
      setLoadError(toHttpError(error).message);
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const submit = async (values: Record<string, unknown>) => {
    if (!record) return undefined;
    const current = record as unknown as Record<string, unknown>;
    const changes = Object.fromEntries(Object.entries(values).filter(([field, value]) => field !== 'id' && field !== 'version' && value !== current[field])) as Partial<T>;
    if (!Object.keys(changes).length) return undefined;
    try {
      setRecord(await api.save(record.version, changes));
      notify(`${prefix}.saved`, { type: 'success' });
      return undefined;
    } catch (error) {
      const http = toHttpError(error);
      if (isStaleVersion(http)) {
        notify('app.errors.conflict', { type: 'warning', autoHideDuration: 8000 });
        await load();
        return undefined;
      }
      const body = http.body as AppErrorBody | undefined;
      if (body?.errors) return body.errors;
      notify(http.message, { type: 'error' });
      return undefined;
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 1100 }} data-testid={testId}>
      <Title title={translate(`${prefix}.title`)} />
      <Card variant="outlined">
        <CardContent sx={{ pb: 0 }}>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <SettingsIcon color="primary" />
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {translate(`${prefix}.title`)}
            </Typography>
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(`${prefix}.intro`)}
          </Typography>
          {!canEdit && record && (
            <Alert severity="info" sx={{ mb: 2 }} data-testid="settings-read-only">
              {translate(`${prefix}.read_only`)}
            </Alert>
          )}
        </CardContent>
        {loadError && (
          <Alert severity="error" sx={{ m: 2 }} action={<Button onClick={load}>{translate('ra.action.refresh')}</Button>} data-testid="settings-load-error">
            {translate(`${prefix}.load_error`, { message: loadError })}
          </Alert>
        )}
        {!record && !loadError && <LinearProgress sx={{ m: 2 }} />}
        {record && (
          // A new version is a new form: its values are the saved ones, nothing left dirty.
          <Form key={record.version} record={record as never} onSubmit={submit} warnWhenUnsavedChanges={canEdit}>
            <CardContent sx={{ pt: 0 }}>{children}</CardContent>
            {canEdit && (
              <Toolbar>
                <SaveButton data-testid="settings-save" />
              </Toolbar>
            )}
          </Form>
        )}
      </Card>
    </Box>
  );
}

/** A whole number within the bounds the server accepts, with its unit beside it. */
export const NumberSetting = ({ source, prefix, min, max, unit, readOnly }: { source: string; prefix: string; min: number; max: number; unit: string; readOnly: boolean }) => {
  const translate = useTranslate();
  return (
    <NumberInput
      source={source}
      label={`${prefix}.fields.${source}`}
      helperText={translate(`${prefix}.help.${source}`, { min, max })}
      validate={[required(), number(), minValue(min), maxValue(max), whole]}
      step={1}
      // No min/max attributes: the browser would block the submit with its own bubble, and the error belongs under the field.
      readOnly={readOnly}
      slotProps={{ input: { endAdornment: <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap', ml: 1 }}>{translate(unit)}</Typography> } }}
    />
  );
};

const whole = (value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? 'app.inquiry.settings.whole_number' : undefined);
