import { Create, Edit, ListButton, SimpleForm, TopToolbar, useTranslate } from 'react-admin';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { SharingAgreementInputs } from './SharingAgreementInputs';

/** A new agreement (compliance); the customers it covers are added through the API once it exists. */
export const SharingAgreementCreate = () => {
  const translate = useTranslate();
  const onError = useSaveErrorHandler();
  return (
    <Create redirect="list" mutationOptions={{ onError }} title={translate('app.data_rights.sharing.create_title')}>
      <SimpleForm warnWhenUnsavedChanges>
        <SharingAgreementInputs />
      </SimpleForm>
    </Create>
  );
};

/** Changes are audited field by field; a version saved meanwhile by someone else reloads the form. */
export const SharingAgreementEdit = () => {
  const onError = useSaveErrorHandler();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="list" actions={<TopToolbar><ListButton /></TopToolbar>}>
      <SimpleForm warnWhenUnsavedChanges>
        <SharingAgreementInputs />
      </SimpleForm>
    </Edit>
  );
};
