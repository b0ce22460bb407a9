import { Alert, Stack } from '@mui/material';
import { AutocompleteInput, Create, DateInput, FormDataConsumer, NumberInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required, useTranslate } from 'react-admin';
import { enumChoices } from '../common/choices';
import { INSPECTION_KINDS, VISIT_SOURCES, halfYearOf } from './enums';

/** Each kind takes its own arguments: the form keeps the other kinds' defaults, which the server would refuse. */
const FIELDS_OF_KIND: Record<string, string[]> = {
  periodic: ['kind', 'title', 'templateId', 'teamId', 'period'],
  ad_hoc: ['kind', 'title', 'templateId', 'complaintId'],
  return_visit: ['kind', 'title', 'branchId', 'visitSource', 'visitFrom', 'visitTo', 'sampleSize', 'sampleSeed'],
};

const onlyForKind = (data: Record<string, unknown>) => {
  const fields = FIELDS_OF_KIND[String(data.kind)] ?? Object.keys(data);
  return Object.fromEntries(Object.entries(data).filter(([key]) => fields.includes(key)));
};

/**
 * Opens a draft inspection: periodic (a team and a half-year, with a checklist), ad hoc (from a
 * complaint, with a checklist) or a return visit (a seeded sample of a period). The server fills in
 * the title when it is left blank and refuses a team, complaint or sample that is the inspector's own work.
 */
export const InspectionCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="show" title={translate('app.quality.inspection.new')} transform={onlyForKind}>
      <SimpleForm defaultValues={{ kind: 'periodic', period: halfYearOf(), visitSource: 'closed_complaints', sampleSize: 10 }} sx={{ maxWidth: 720 }}>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.quality.inspection.create.hint')}
        </Alert>
        <SelectInput source="kind" choices={enumChoices('InspectionKind', INSPECTION_KINDS)} validate={required()} />
        <TextInput source="title" fullWidth />
        <FormDataConsumer>
          {({ formData }) => (
            <Stack spacing={0} sx={{ width: '100%' }}>
              {formData.kind !== 'return_visit' && (
                <ReferenceInput source="templateId" reference="qualityTemplates" filter={{ current: true, active: true }} sort={{ field: 'code', order: 'ASC' }}>
                  <SelectInput optionText={(t: { name?: string; revision?: number }) => `${t.name ?? ''}（v${t.revision ?? ''}）`} label="app.quality.inspection.create.template" validate={required()} />
                </ReferenceInput>
              )}
              {formData.kind === 'periodic' && (
                <Stack direction="row" spacing={2}>
                  <ReferenceInput source="teamId" reference="qualityTeams" filter={{ active: true }} perPage={200} sort={{ field: 'branchId', order: 'ASC' }}>
                    <SelectInput optionText={(t: { name?: string; branch?: { name?: string } }) => `${t.branch?.name ?? ''} ${t.name ?? ''}`} label="app.quality.inspection.create.team" validate={required()} />
                  </ReferenceInput>
                  <TextInput source="period" label="app.quality.inspection.create.period" validate={required()} />
                </Stack>
              )}
              {formData.kind === 'ad_hoc' && (
                <ReferenceInput source="complaintId" reference="complaints" sort={{ field: 'receivedAt', order: 'DESC' }}>
                  <AutocompleteInput
                    label="app.quality.inspection.create.complaint"
                    optionText={(c: { number?: string; summary?: string }) => `${c.number ?? ''} ${c.summary ?? ''}`}
                    filterToQuery={(q: string) => ({ q })}
                    validate={required()}
                    fullWidth
                  />
                </ReferenceInput>
              )}
              {formData.kind === 'return_visit' && (
                <>
                  <Stack direction="row" spacing={2}>
                    <SelectInput source="visitSource" label="app.quality.inspection.create.source" choices={enumChoices('ReturnVisitSource', VISIT_SOURCES)} validate={required()} />
                    <ReferenceInput source="branchId" reference="branches" sort={{ field: 'id', order: 'ASC' }} perPage={200}>
                      <SelectInput optionText="name" label="app.quality.inspection.create.branch" />
                    </ReferenceInput>
                  </Stack>
                  <Stack direction="row" spacing={2}>
                    <DateInput source="visitFrom" label="app.quality.inspection.create.from" validate={required()} />
                    <DateInput source="visitTo" label="app.quality.inspection.create.to" validate={required()} />
                  </Stack>
                  <Stack direction="row" spacing={2}>
                    <NumberInput source="sampleSize" label="app.quality.inspection.create.size" min={1} max={200} validate={required()} />
                    <TextInput source="sampleSeed" label="app.quality.inspection.create.seed" />
                  </Stack>
                </>
              )}
            </Stack>
          )}
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
};
