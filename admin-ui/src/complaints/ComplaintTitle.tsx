import { useRecordContext, useTranslate } from 'react-admin';

export const ComplaintTitle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{`${translate('app.complaints.one')}${record?.number ? ` · ${record.number}` : ''}`}</>;
};
