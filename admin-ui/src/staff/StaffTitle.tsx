import { useRecordContext, useTranslate } from 'react-admin';

export const StaffTitle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{record ? `${translate('resources.staff.name', { smart_count: 1 })} ${record.displayName ?? ''} (${record.username ?? record.id})` : ''}</>;
};
