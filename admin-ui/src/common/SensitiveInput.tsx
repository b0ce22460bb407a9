import { TextInput, useRecordContext, useTranslate, type TextInputProps, type Validator } from 'react-admin';
import { looksMasked } from '../providers/payloads';

/**
 * An input for a value the API sends masked. Left as it is, nothing is sent (the edit payload only
 * carries changed fields); a new value must be typed in full, so mask characters are refused.
 */
export const SensitiveInput = (props: TextInputProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const original = record?.[props.source] as string | null | undefined;
  const shownMasked = looksMasked(original);
  const given: Validator[] = Array.isArray(props.validate) ? props.validate : props.validate ? [props.validate] : [];
  // The untouched mask is not the user's input: format checks apply only to a value they typed.
  const validate: Validator[] = [
    (value) => (value !== original && looksMasked(value) ? 'app.validation.masked_value' : undefined),
    ...given.map((validator): Validator => (value, values, input) => (shownMasked && value === original ? undefined : validator(value, values, input))),
  ];
  return (
    <TextInput
      {...props}
      validate={validate}
      helperText={shownMasked ? translate('app.form.masked_help') : props.helperText}
      onFocus={(event) => {
        // A masked value is never edited piecemeal: selecting it lets the user type the new one over it.
        const input = event.target as HTMLInputElement;
        if (looksMasked(input.value)) input.select();
      }}
    />
  );
};
