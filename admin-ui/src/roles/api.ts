import { call } from '../rights/api';

// The rule editor's catalogue of actions, subjects and fields; cloning a role.

export interface AccessCatalog {
  actions: string[];
  placeholders: string[];
  subjects: { name: string; fields: string[]; sensitiveFields: string[] }[];
}

let catalog: Promise<AccessCatalog> | null = null;
export function accessCatalog(): Promise<AccessCatalog> {
  catalog ??= call<{ accessCatalog: AccessCatalog }>('query { accessCatalog { actions placeholders subjects { name fields sensitiveFields } } }').then(
    (data) => data.accessCatalog,
    (error: unknown) => {
      catalog = null;
      throw error;
    },
  );
  return catalog;
}

export async function cloneRole(id: string, name: string, label: string): Promise<string> {
  const data = await call<{ cloneRole: { id: string } }>(`mutation Clone($id: ID!, $name: String!, $label: String!) { cloneRole(id: $id, name: $name, label: $label) { id } }`, { id, name, label });
  return data.cloneRole.id;
}
