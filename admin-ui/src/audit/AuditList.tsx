import HistoryIcon from '@mui/icons-material/HistoryEduOutlined';
import { Typography } from '@mui/material';
import { DataTable, FilterButton, List, ReferenceInput, SelectInput, TextInput, TopToolbar, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import { EmptyList } from '../common/EmptyList';
import { InstantInput } from '../common/InstantInput';
import { listSx } from '../common/listSx';
import { ServerExportButton } from '../common/ServerExportButton';
import { EnumChip, OUTCOME_TONES, When } from '../rights/common';
import { ChainStatus } from './ChainStatus';

export const OUTCOMES = ['success', 'denied', 'failed'] as const;

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ServerExportButton />
  </TopToolbar>
);

const auditFilters = [
  <ReferenceInput key="staffId" source="staffId" reference="staff" perPage={200} sort={{ field: 'username', order: 'ASC' }} alwaysOn>
    <SelectInput optionText={(s: { displayName?: string; username?: string }) => `${s.displayName ?? ''} (${s.username ?? ''})`} label="resources.auditEntries.fields.staffId" sx={{ minWidth: 180 }} />
  </ReferenceInput>,
  <TextInput key="action" source="action" alwaysOn helperText={false} sx={{ minWidth: 160 }} />,
  <TextInput key="subjectType" source="subjectType" alwaysOn helperText={false} sx={{ width: 140 }} />,
  <TextInput key="subjectId" source="subjectId" helperText={false} sx={{ width: 120 }} />,
  <SelectInput key="outcome" source="outcome" choices={enumChoices('AuditOutcome', OUTCOMES)} alwaysOn sx={{ minWidth: 120 }} />,
  <InstantInput key="at_gte" source="at_gte" label="resources.auditEntries.filters.at_gte" helperText={false} />,
  <InstantInput key="at_lte" source="at_lte" label="resources.auditEntries.filters.at_lte" helperText={false} />,
];

/**
 * The audit trail for compliance: every change and every refused attempt, newest first, filtered
 * on the server; the chain's verification on top; export through the server (itself audited).
 */
export const AuditList = () => {
  const translate = useTranslate();
  return (
    <>
      <ChainStatus />
      <List
        sx={listSx}
        sort={{ field: 'seq', order: 'DESC' }}
        perPage={50}
        filters={auditFilters}
        actions={<Actions />}
        empty={<EmptyList icon={<HistoryIcon />} />}
        exporter={false}
        title={translate('resources.auditEntries.name', { smart_count: 2 })}
      >
        <DataTable rowClick="show" bulkActionButtons={false} size="small" data-testid="audit-table">
          <DataTable.Col source="seq" sx={{ fontVariantNumeric: 'tabular-nums' }} />
          <DataTable.Col source="at" render={(record) => <When value={record.at} />} />
          <DataTable.Col source="staffUsername" disableSort render={(record) => record.staffUsername ?? '—'} />
          <DataTable.Col source="action" render={(record) => <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12.5 }}>{record.action}</span>} />
          <DataTable.Col source="subjectType" disableSort render={(record) => (record.subjectType ? `${record.subjectType}${record.subjectId ? ` #${record.subjectId}` : ''}` : '—')} />
          <DataTable.Col source="outcome" disableSort render={(record) => <EnumChip enumName="AuditOutcome" value={record.outcome} tones={OUTCOME_TONES} />} />
          <DataTable.Col
            source="reason"
            disableSort
            render={(record) => (
              <Typography variant="body2" sx={{ maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={record.reason ?? ''}>
                {record.reason ?? '—'}
              </Typography>
            )}
          />
        </DataTable>
      </List>
    </>
  );
};
