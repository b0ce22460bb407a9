import { Create, LinearProgress, SimpleForm, useTranslate } from 'react-admin';
import { todayIn } from '../common/format';
import { useStaff } from '../common/useStaff';
import { PolicyInputs } from './PolicyInputs';

/** Drops the beneficiaries' empty rows a user added and left blank, rather than failing on them. */
const transform = (data: Record<string, unknown>) => ({
  ...data,
  beneficiaries: ((data.beneficiaries as Record<string, unknown>[] | undefined) ?? []).filter((b) => b && (b.name || b.relationship || b.sharePercent)),
});

export const PolicyCreate = () => {
  const staff = useStaff();
  const translate = useTranslate();
  const defaults = {
    status: 'pending',
    paymentStatus: 'current',
    paymentFrequency: 'annual',
    salesChannel: 'agency',
    effectiveDate: todayIn(staff?.timezone),
    branchId: staff?.branchId ?? undefined,
    beneficiaries: [],
  };
  return (
    <Create redirect="show" transform={transform} title={translate('app.policies.create_title')}>
      {staff ? (
        <SimpleForm defaultValues={defaults} warnWhenUnsavedChanges>
          <PolicyInputs mode="create" />
        </SimpleForm>
      ) : (
        <LinearProgress />
      )}
    </Create>
  );
};
