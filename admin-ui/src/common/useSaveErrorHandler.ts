import { useNotify, useRefresh, type HttpError } from 'react-admin';
import { isStaleVersion, type AppErrorBody } from '../providers/toHttpError';

/**
 * onError for edit forms (used with mutationMode="pessimistic", so field errors reach the form):
 * a stale version reloads the record and says why; field errors stay on their fields (react-admin
 * shows them, plus one summary); anything else is notified with its message.
 */
export function useSaveErrorHandler() {
  const notify = useNotify();
  const refresh = useRefresh();
  return (error: unknown) => {
    if (isStaleVersion(error)) {
      notify('app.errors.conflict', { type: 'warning', autoHideDuration: 8000 });
      refresh();
      return;
    }
    const body = (error as HttpError | null)?.body as AppErrorBody | undefined;
    if (body?.errors) return;
    notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
  };
}
