import { BooleanInput, required, TextInput } from 'react-admin';

/** A permission list typed as JSON; kept as text while it does not parse, so the validator can say so. */
const toText = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const fromText = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
const permissionList = (value: unknown) => {
  if (value === '' || value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((p) => !p || typeof p !== 'object' || typeof (p as { action?: unknown }).action !== 'string' || typeof (p as { subject?: unknown }).subject !== 'string'))
    return 'app.rights.duties.permissions_help';
  return undefined;
};

const jsonSx = { '& textarea': { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12.5 } };

/** A separation-of-duties pair: the side withdrawn when both meet, and the other side. Shared by create and edit. */
export const DutyInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <>
    {mode === 'create' && <TextInput source="name" validate={required()} sx={{ minWidth: 320 }} />}
    <TextInput source="description" multiline fullWidth />
    <BooleanInput source="enabled" />
    <TextInput source="withdrawn" multiline minRows={4} fullWidth format={toText} parse={fromText} validate={[required(), permissionList]} helperText="app.rights.duties.permissions_help" sx={jsonSx} />
    <TextInput source="other" multiline minRows={4} fullWidth format={toText} parse={fromText} validate={[required(), permissionList]} helperText="app.rights.duties.permissions_help" sx={jsonSx} />
  </>
);
