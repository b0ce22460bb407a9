import { Edit, ListButton, ShowButton, SimpleForm, TopToolbar, useRecordContext } from 'react-admin';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { ComplaintInputs, complaintTransform } from './ComplaintInputs';
import { ComplaintTitle } from './ComplaintTitle';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <ShowButton />
  </TopToolbar>
);

/** The form opens on the way the complainant was recorded: linked to a customer, or by contact details. */
const Form = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <SimpleForm defaultValues={{ complainantMode: record.complainantCustomerId ? 'customer' : 'contact' }} warnWhenUnsavedChanges>
      <ComplaintInputs mode="edit" />
    </SimpleForm>
  );
};

/**
 * Correcting the registration of an open complaint (the workflow steps are buttons on its page).
 * Pessimistic, so field errors land on their fields and a stale version reloads.
 */
export const ComplaintEdit = () => {
  const onError = useSaveErrorHandler();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show" transform={complaintTransform} actions={<Actions />} title={<ComplaintTitle />}>
      <Form />
    </Edit>
  );
};
