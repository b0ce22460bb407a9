import ContentCopyIcon from '@mui/icons-material/ContentCopyOutlined';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import { Alert, Box, Button, Card, CardContent, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { SimpleForm, Title, useCreatePath, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { createStaff } from './api';
import { ErrorAlert } from '../rights/common';
import { useExplainError, type ExplainedError } from '../rights/errors';
import { StaffInputs } from './StaffInputs';

/** A temporary password, shown once: copy it to give it to the staff member by a safe channel. */
export const TemporaryPassword = ({ password }: { password: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Alert severity="warning" icon={<KeyIcon />} sx={{ mb: 2 }}>
      <Typography variant="body2">{translate('app.rights.staff.temporary_password_once')}</Typography>
      <Stack direction="row" alignItems="center" spacing={1} sx={{ mt: 1 }}>
        <Box component="code" sx={{ fontSize: 18, px: 1.5, py: 0.5, bgcolor: 'background.paper', borderRadius: 1, letterSpacing: '0.05em' }} data-testid="temporary-password">
          {password}
        </Box>
        <Tooltip title={translate(copied ? 'app.rights.copied' : 'app.rights.copy')}>
          <IconButton
            size="small"
            onClick={() => {
              void navigator.clipboard?.writeText(password).then(() => setCopied(true), () => undefined);
            }}
          >
            <ContentCopyIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
    </Alert>
  );
};

/**
 * A new staff account: the server generates a temporary password, shown here once; the staff member
 * must choose their own at the first sign-in. Roles are granted afterwards, each with a reason.
 */
export const StaffCreate = () => {
  const translate = useTranslate();
  const explain = useExplainError();
  const createPath = useCreatePath();
  const [error, setError] = useState<ExplainedError | null>(null);
  const [created, setCreated] = useState<{ id: string; temporaryPassword: string; displayName: string } | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setError(null);
    try {
      const result = await createStaff({ username: String(values.username ?? ''), displayName: String(values.displayName ?? ''), branchId: (values.branchId as string | null) ?? null });
      setCreated({ ...result, displayName: String(values.displayName) });
      return undefined;
    } catch (e) {
      const explained = explain(e);
      setError(explained);
      return Object.keys(explained.fields).length ? explained.fields : undefined;
    }
  };

  return (
    <Box sx={{ maxWidth: 720, mt: 2 }}>
      <Title title={translate('app.rights.staff.create_title')} />
      {created ? (
        <Card variant="outlined" data-testid="staff-created">
          <CardContent>
            <Typography variant="h6" sx={{ mb: 1 }}>
              {translate('app.rights.staff.created', { name: created.displayName })}
            </Typography>
            <TemporaryPassword password={created.temporaryPassword} />
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('app.rights.staff.next_grant')}
            </Typography>
            <Button variant="contained" component={Link} to={createPath({ resource: 'staff', id: created.id, type: 'show' })} data-testid="open-created-staff">
              {translate('app.rights.staff.open_account')}
            </Button>
          </CardContent>
        </Card>
      ) : (
        <Card variant="outlined">
          <ErrorAlert error={error} />
          <SimpleForm onSubmit={submit} record={{}}>
            <StaffInputs mode="create" />
          </SimpleForm>
        </Card>
      )}
    </Box>
  );
};
