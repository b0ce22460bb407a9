import { Create, LinearProgress, SimpleForm, useTranslate } from 'react-admin';
import { useStaff } from '../common/useStaff';
import { ComplaintInputs, complaintTransform } from './ComplaintInputs';

/**
 * Registering a complaint: received now through the hotline in the staff member's own branch
 * unless they say otherwise. Saved, it opens on its own page with its number and clocks.
 */
export const ComplaintCreate = () => {
  const staff = useStaff();
  const translate = useTranslate();
  // The defaults name the staff member's branch, so the form waits for their identity (cached by then).
  const defaults = {
    channel: 'hotline',
    receivedAt: new Date().toISOString(),
    branchId: staff?.branchId ?? undefined,
    complainantMode: 'customer',
    involvesMedia: false,
    involvesLitigation: false,
    groupComplaint: false,
    majorByHand: false,
    deathCount: 0,
  };
  return (
    <Create redirect="show" transform={complaintTransform} title={translate('app.complaints.create_title')}>
      {staff ? (
        <SimpleForm defaultValues={defaults} warnWhenUnsavedChanges>
          <ComplaintInputs mode="create" />
        </SimpleForm>
      ) : (
        <LinearProgress />
      )}
    </Create>
  );
};
