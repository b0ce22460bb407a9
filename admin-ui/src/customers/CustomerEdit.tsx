import { DeleteButton, Edit, ListButton, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { CustomerInputs } from './CustomerInputs';
import { CustomerTitle } from './CustomerTitle';

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

/**
 * Pessimistic: the server decides (validation, permissions, version), and its per-field errors land
 * on the fields. A version conflict reloads the record and says someone else changed it.
 */
export const CustomerEdit = () => {
  const onError = useSaveErrorHandler();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show" actions={<Actions />} title={<CustomerTitle />}>
      <SimpleForm toolbar={<FormToolbar />} warnWhenUnsavedChanges>
        <CustomerInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
};
