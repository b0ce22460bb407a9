import { Create, LinearProgress, SimpleForm, useTranslate } from 'react-admin';
import { useStaff } from '../common/useStaff';
import { CustomerInputs } from './CustomerInputs';

/** A new customer, in the staff member's own branch unless they choose (and may choose) another. */
export const CustomerCreate = () => {
  const staff = useStaff();
  const translate = useTranslate();
  // The defaults name the staff member's branch, so the form waits for their identity (cached by then).
  const defaults = { kind: 'individual', idType: 'resident_id', source: 'customer', branchId: staff?.branchId ?? undefined, marketingConsent: false, sharingConsent: false };
  return (
    <Create redirect="show" title={translate('app.customers.create_title')}>
      {staff ? (
        <SimpleForm defaultValues={defaults} warnWhenUnsavedChanges>
          <CustomerInputs mode="create" />
        </SimpleForm>
      ) : (
        <LinearProgress />
      )}
    </Create>
  );
};
