import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useListContext, useNotify, useResourceContext } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { downloadText } from './download';

/**
 * Exports the filtered list through the server (`exportCustomers` / `exportPolicies`), so the file
 * carries the same masking, row and field rules as the screen and every export is audited.
 * Shown only to roles with the `export` permission.
 */
export const ServerExportButton = () => {
  const resource = useResourceContext() ?? '';
  const { filterValues, sort, total } = useListContext();
  const { canAccess } = useCanAccess({ action: 'export', resource });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;

  const run = async () => {
    setBusy(true);
    try {
      const result = await dataProvider.exportCsv(resource, { filter: filterValues, sort });
      downloadText(result.filename, result.csv);
      notify('app.export.done', { type: 'success', messageArgs: { rows: result.rows } });
    } catch (error) {
      notify((error as Error).message || 'app.export.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="ra.action.export" onClick={run} disabled={busy || total === 0} data-testid="export-button">
      <DownloadIcon />
    </Button>
  );
};
