import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedInOutlined';
import { LinearProgress, Stack, Typography } from '@mui/material';
import { Create, CreateButton, DataTable, FormDataConsumer, List, NumberInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput, TopToolbar, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import { EmptyList } from '../common/EmptyList';
import { InstantInput } from '../common/InstantInput';
import { listSx } from '../common/listSx';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { EnumChip, roleOptionText, When } from '../rights/common';
import { RunDeadlinesButton } from './RunDeadlinesButton';
import { CAMPAIGN_TONES } from './tones';

const SCOPES = ['everyone', 'branch', 'role'] as const;
const DEADLINE_RULES = ['revoke', 'keep_and_flag'] as const;

const Progress = ({ totals }: { totals?: Record<string, number> | null }) => {
  if (!totals) return <>—</>;
  const done = totals.total - totals.pending;
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ minWidth: 140 }}>
      <LinearProgress variant="determinate" value={totals.total ? (100 * done) / totals.total : 100} sx={{ flex: 1, height: 6, borderRadius: 3 }} />
      <Typography variant="caption" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {done}/{totals.total}
      </Typography>
    </Stack>
  );
};

/** Access review campaigns (权限复核): scope, deadline, the rule for unanswered items, progress. */
export const CampaignList = () => {
  const translate = useTranslate();
  return (
    <List
      sx={listSx}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      filters={[<SelectInput key="status" source="status" choices={enumChoices('ReviewCampaignStatus', ['open', 'completed', 'closed', 'cancelled'])} alwaysOn />]}
      actions={<TopToolbar><RunDeadlinesButton /><CreateButton /></TopToolbar>}
      empty={<EmptyList icon={<AssignmentTurnedInIcon />} />}
      exporter={false}
      title={translate('resources.accessReviewCampaigns.name', { smart_count: 2 })}
    >
      <DataTable rowClick="show" bulkActionButtons={false} size="small" data-testid="campaign-table">
        <DataTable.Col source="name" />
        <DataTable.Col source="scope" disableSort render={(record) => <EnumChip enumName="ReviewScope" value={record.scope} />} />
        <DataTable.Col source="status" render={(record) => <EnumChip enumName="ReviewCampaignStatus" value={record.status} tones={CAMPAIGN_TONES} />} />
        <DataTable.Col source="dueAt" render={(record) => <When value={record.dueAt} />} />
        <DataTable.Col source="deadlineRule" disableSort render={(record) => translate(`app.enums.ReviewDeadlineRule.${record.deadlineRule}`, { _: record.deadlineRule ?? '—' })} />
        <DataTable.Col source="totals" disableSort render={(record) => <Progress totals={record.totals} />} />
        <DataTable.Col source="createdAt" render={(record) => <When value={record.createdAt} />} />
      </DataTable>
    </List>
  );
};

/** A new campaign: everyone, one branch or one role; a named reviewer or each branch's manager. */
export const CampaignCreate = () => {
  const translate = useTranslate();
  const onError = useSaveErrorHandler();
  return (
    <Create redirect="show" mutationOptions={{ onError }} title={translate('app.rights.reviews.create_title')}>
      <SimpleForm defaultValues={{ scope: 'everyone', deadlineRule: 'keep_and_flag' }}>
        <TextInput source="name" validate={required()} sx={{ minWidth: 360 }} />
        <TextInput source="description" multiline fullWidth />
        <SelectInput source="scope" choices={enumChoices('ReviewScope', SCOPES)} validate={required()} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.scope === 'branch' ? (
              <ReferenceInput source="branchId" reference="branches" perPage={200}>
                <SelectInput optionText="name" validate={required()} label="resources.accessReviewCampaigns.fields.branchId" />
              </ReferenceInput>
            ) : formData.scope === 'role' ? (
              <ReferenceInput source="roleId" reference="roles" perPage={100}>
                <SelectInput optionText={roleOptionText(translate)} validate={required()} label="resources.accessReviewCampaigns.fields.roleId" />
              </ReferenceInput>
            ) : null
          }
        </FormDataConsumer>
        <ReferenceInput source="reviewerId" reference="staff" perPage={200} sort={{ field: 'username', order: 'ASC' }} filter={{ status: 'active' }}>
          <SelectInput optionText={(s: { displayName?: string; username?: string }) => `${s.displayName ?? ''} (${s.username ?? ''})`} helperText="app.rights.reviews.reviewer_help" label="resources.accessReviewCampaigns.fields.reviewerId" />
        </ReferenceInput>
        <InstantInput source="dueAt" validate={required()} helperText="app.rights.reviews.due_help" sx={{ minWidth: 280, mt: 1 }} />
        <SelectInput source="deadlineRule" choices={enumChoices('ReviewDeadlineRule', DEADLINE_RULES)} validate={required()} sx={{ minWidth: 280 }} />
        <NumberInput source="remindDaysBefore" min={0} />
      </SimpleForm>
    </Create>
  );
};
