/** SelectInput choices for an enum; react-admin translates the names in the current language. */
export function enumChoices(enumName: string, values: readonly string[]) {
  return values.map((id) => ({ id, name: `app.enums.${enumName}.${id}` }));
}
