import { useRecordContext, useTranslate } from 'react-admin';

export const PolicyTitle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{`${translate('resources.policies.name', { smart_count: 1 })}${record?.policyNumber ? ` · ${record.policyNumber}` : ''}`}</>;
};
