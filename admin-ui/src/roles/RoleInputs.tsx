import { Box, Divider, Typography } from '@mui/material';
import { BooleanInput, required, TextInput, useTranslate } from 'react-admin';
import { RuleEditorInput } from './RuleEditor';

const NAME = /^[a-z][a-z0-9_]{1,63}$/;
const nameFormat = (value: unknown) => (typeof value === 'string' && value && !NAME.test(value) ? 'app.rights.roles.name_help' : undefined);

/** A role's own settings and its rules, shared by create and edit; the key is chosen once. */
export const RoleInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
  const translate = useTranslate();
  return (
  <>
    {mode === 'create' && <TextInput source="name" validate={[required(), nameFormat]} helperText="app.rights.roles.name_help" sx={{ minWidth: 280 }} />}
    <TextInput source="label" validate={required()} sx={{ minWidth: 280 }} />
    <TextInput source="description" multiline fullWidth />
    <BooleanInput source="highRisk" helperText="app.rights.roles.high_risk_hint" />
    <BooleanInput source="requiresMfa" />
    <Box sx={{ width: '100%', mt: 1 }}>
      <Divider sx={{ mb: 2 }} />
      <Typography variant="subtitle2" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('resources.roles.fields.rules')}
      </Typography>
      <RuleEditorInput />
    </Box>
  </>
  );
};
