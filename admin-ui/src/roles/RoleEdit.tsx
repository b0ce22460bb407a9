import { Create, DeleteButton, Edit, ListButton, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { CloneRoleButton } from './CloneRoleButton';
import { RoleInputs } from './RoleInputs';
import { RoleTitle } from './RoleShow';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <ShowButton />
    <CloneRoleButton />
  </TopToolbar>
);

/** No delete for built-in roles. */
const FormToolbar = () => {
  const record = useRecordContext();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record && !record.builtIn && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};

/** Pessimistic: the server validates the rules (and separation of duties for current holders) before saving. */
export const RoleEdit = () => {
  const onError = useSaveErrorHandler();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show" actions={<Actions />} title={<RoleTitle />}>
      <SimpleForm toolbar={<FormToolbar />} warnWhenUnsavedChanges>
        <RoleInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
};

export const RoleCreate = () => {
  const translate = useTranslate();
  const onError = useSaveErrorHandler();
  return (
    <Create redirect="show" mutationOptions={{ onError }} title={translate('app.rights.roles.create_title')}>
      <SimpleForm defaultValues={{ rules: [], highRisk: false, requiresMfa: false }} warnWhenUnsavedChanges>
        <RoleInputs mode="create" />
      </SimpleForm>
    </Create>
  );
};
