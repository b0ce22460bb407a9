import { useMemo } from 'react';
import { SelectInput, useGetList, type SelectInputProps } from 'react-admin';
import { asSubject } from '../providers/ability';
import { useAbility } from './useAbility';

interface BranchInputProps extends Omit<SelectInputProps, 'choices'> {
  /** The type being created or edited, and the action: only branches the role may use are offered. */
  type: string;
  action: 'create' | 'update';
}

/**
 * Branches the staff member may put this record in: an agent's rules say "own branch", so an agent
 * is offered just that one, a role without the condition sees them all.
 */
export const BranchInput = ({ type, action, ...props }: BranchInputProps) => {
  const ability = useAbility();
  const { data, isPending } = useGetList('branches', { pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' } });
  const choices = useMemo(
    () => (data ?? []).filter((branch) => ability?.can(action, asSubject(type, { branchId: branch.id }), 'branchId')),
    [ability, action, data, type],
  );
  return <SelectInput {...props} choices={choices} optionText="name" isPending={isPending} />;
};
