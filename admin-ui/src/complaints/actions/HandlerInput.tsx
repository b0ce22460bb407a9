import { ReferenceInput, required, SelectInput, useRecordContext } from 'react-admin';

/**
 * The handler (承办人): active staff of the complaint's branch, as far as the caller may read staff
 * records (a manager reads their own branch). Whether the person may actually work complaints is the
 * server's check; its answer lands on this field.
 */
export const HandlerInput = () => {
  const complaint = useRecordContext();
  return (
    <ReferenceInput
      source="assigneeId"
      reference="staff"
      filter={{ branchId: complaint?.branchId, status: 'active' }}
      sort={{ field: 'displayName', order: 'ASC' }}
      perPage={200}
    >
      <SelectInput
        label="app.complaints.step.assigneeId"
        optionText={(staff: { displayName?: string; username?: string }) => `${staff.displayName ?? ''}（${staff.username ?? ''}）`}
        validate={required()}
        emptyText="app.complaints.step.no_handlers"
        fullWidth
      />
    </ReferenceInput>
  );
};
