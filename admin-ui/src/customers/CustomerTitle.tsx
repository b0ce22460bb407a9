import { useRecordContext, useTranslate } from 'react-admin';

export const CustomerTitle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{`${translate('resources.customers.name', { smart_count: 1 })}${record?.name ? ` · ${record.name}` : ''}`}</>;
};
