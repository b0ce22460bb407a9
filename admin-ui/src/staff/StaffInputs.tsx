import { required, TextInput } from 'react-admin';
import { BranchInput } from '../common/BranchInput';
import { useFieldAccess } from '../common/useFieldAccess';

const USERNAME = /^[a-z0-9._-]{3,64}$/;
const usernameFormat = (value: unknown) => (typeof value === 'string' && value && !USERNAME.test(value.trim()) ? 'app.rights.staff.username_format' : undefined);

/** The account's own fields, shared by create and edit: the username is chosen once and never changes. */
export const StaffInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
  const canWrite = useFieldAccess(mode === 'create' ? 'create' : 'update', 'Staff');
  return (
    <>
      {mode === 'create' && (
        <TextInput source="username" validate={[required(), usernameFormat]} helperText="app.rights.staff.username_help" sx={{ minWidth: 320 }} autoComplete="off" />
      )}
      <TextInput source="displayName" validate={required()} sx={{ minWidth: 320 }} />
      {canWrite('branchId') && <BranchInput source="branchId" type="Staff" action={mode === 'create' ? 'create' : 'update'} helperText="app.rights.staff.branch_help" emptyText="app.rights.staff.no_branch" sx={{ minWidth: 320 }} />}
    </>
  );
};
