import { DeleteButton, Edit, ListButton, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { PolicyInputs } from './PolicyInputs';
import { PolicyTitle } from './PolicyTitle';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <ShowButton />
  </TopToolbar>
);

const FormToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);

/** Pessimistic like the customer edit: field errors on their fields, a stale version reloads. */
export const PolicyEdit = () => {
  const onError = useSaveErrorHandler();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show" actions={<Actions />} title={<PolicyTitle />}>
      <SimpleForm toolbar={<FormToolbar />} warnWhenUnsavedChanges>
        <PolicyInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
};
