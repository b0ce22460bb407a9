import { Edit, ListButton, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { StaffInputs } from './StaffInputs';
import { StaffTitle } from './StaffTitle';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <ShowButton />
  </TopToolbar>
);

/** Name and branch; status, password and roles have their own steps on the account's page. */
export const StaffEdit = () => {
  const onError = useSaveErrorHandler();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show" actions={<Actions />} title={<StaffTitle />}>
      <SimpleForm warnWhenUnsavedChanges>
        <StaffInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
};
