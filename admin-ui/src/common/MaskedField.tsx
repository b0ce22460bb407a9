import VisibilityIcon from '@mui/icons-material/VisibilityOutlined';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOffOutlined';
import { IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { asSubject } from '../providers/ability';
import { looksMasked } from '../providers/payloads';
import { RevealDialog } from './RevealDialog';
import { useAbility } from './useAbility';

interface MaskedFieldProps {
  source: string;
  /** GraphQL type of the record in context (a policy's holder is a Customer). */
  type?: string;
  /** i18n key of the field's name, for the dialog title. */
  labelKey?: string;
  label?: string;
}

/**
 * A sensitive value as the API sent it (masked). Staff whose rules allow `reveal` on this record and
 * field get an eye button; the clear value then shows in this view only and is forgotten when the
 * view goes away or another record is shown.
 */
export const MaskedField = ({ source, type = 'Customer', labelKey }: MaskedFieldProps) => {
  const record = useRecordContext();
  const ability = useAbility();
  const translate = useTranslate();
  const [clear, setClear] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const recordId = record?.id;
  useEffect(() => setClear(null), [recordId]);

  const value = record?.[source] as string | null | undefined;
  if (!record || value === null || value === undefined || value === '') {
    return <Typography component="span" variant="body2" color="text.disabled">—</Typography>;
  }
  const canReveal = looksMasked(value) && !!ability?.can('reveal', asSubject(type, record), source);
  const fieldLabel = translate(labelKey ?? `resources.customers.fields.${source}`);

  return (
    <Stack direction="row" alignItems="center" spacing={0.5} component="span" data-testid={`masked-${source}`}>
      <Typography
        component="span"
        variant="body2"
        data-testid={`value-${source}`}
        data-revealed={clear !== null ? 'true' : 'false'}
        sx={{ fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace', letterSpacing: '0.02em', color: clear !== null ? 'warning.dark' : undefined }}
      >
        {clear ?? value}
      </Typography>
      {canReveal &&
        (clear === null ? (
          <Tooltip title={translate('app.reveal.show', { field: fieldLabel })}>
            <IconButton size="small" aria-label={translate('app.reveal.show', { field: fieldLabel })} data-testid={`reveal-${source}`} onClick={() => setAsking(true)}>
              <VisibilityIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        ) : (
          <Tooltip title={translate('app.reveal.hide')}>
            <IconButton size="small" aria-label={translate('app.reveal.hide')} onClick={() => setClear(null)}>
              <VisibilityOffIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        ))}
      {canReveal && (
        <RevealDialog
          open={asking}
          type={type}
          id={String(record.id)}
          field={source}
          fieldLabel={fieldLabel}
          onClose={() => setAsking(false)}
          onRevealed={(revealed) => setClear(revealed ?? '')}
        />
      )}
    </Stack>
  );
};
