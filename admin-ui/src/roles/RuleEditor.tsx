import AddIcon from '@mui/icons-material/Add';
import BlockIcon from '@mui/icons-material/Block';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Alert, Box, Button, Checkbox, Chip, IconButton, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, TextField, Tooltip, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useInput, useTranslate } from 'react-admin';
import { accessCatalog, type AccessCatalog } from './api';
import { useLoad } from '../rights/useLoad';
import { allow, asList, cellState, disallow, type RawRule } from './ruleModel';

const cellSx = { px: 0.5, py: 0.25, textAlign: 'center', borderLeft: 1, borderColor: 'divider' } as const;

/** Subjects × actions: a tick for "every record and field", a chip where a rule limits it, a red mark where a rule forbids it. */
export const RuleMatrix = ({ rules, catalog, onChange }: { rules: RawRule[]; catalog: AccessCatalog; onChange?: (rules: RawRule[]) => void }) => {
  const translate = useTranslate();
  const subjects = useMemo(() => {
    const named = new Set(rules.flatMap((r) => asList(r.subject)));
    // Subjects the role names come first, then the rest of the catalogue.
    return [...catalog.subjects.map((s) => s.name).filter((s) => named.has(s)), ...catalog.subjects.map((s) => s.name).filter((s) => !named.has(s))];
  }, [catalog, rules]);
  const actions = catalog.actions.filter((a) => a !== 'manage');
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" sx={{ '& td, & th': { fontSize: 12.5 } }} data-testid="rule-matrix">
        <TableHead>
          <TableRow>
            <TableCell sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper' }}>{translate('app.rights.rules.subject')}</TableCell>
            {actions.map((action) => (
              <TableCell key={action} sx={{ ...cellSx, whiteSpace: 'nowrap' }}>
                {translate(`app.rights.actions.${action}`, { _: action })}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {subjects.map((subject) => (
            <TableRow key={subject} hover>
              <TableCell sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', fontWeight: 500 }}>{subject}</TableCell>
              {actions.map((action) => {
                const { state, rules: matching } = cellState(rules, action, subject);
                const details = matching
                  .map((r) => `${r.inverted ? '✗ ' : ''}${asList(r.fields).join(', ') || translate('app.rights.rules.all_fields')}${r.conditions ? ` · ${JSON.stringify(r.conditions)}` : ''}`)
                  .join('\n');
                return (
                  <TableCell key={action} sx={cellSx} data-cell={`${subject}.${action}`} data-state={state}>
                    {state === 'limited' ? (
                      <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{details}</span>}>
                        <Chip size="small" color="info" variant="outlined" label={translate('app.rights.roles.limited')} sx={{ height: 20, fontSize: 11 }} />
                      </Tooltip>
                    ) : state === 'denied' ? (
                      <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{details}</span>}>
                        <BlockIcon color="error" sx={{ fontSize: 18 }} />
                      </Tooltip>
                    ) : (
                      <Checkbox
                        size="small"
                        sx={{ p: 0.25 }}
                        checked={state === 'full'}
                        disabled={!onChange}
                        onChange={() => onChange?.(state === 'full' ? disallow(rules, action, subject) : allow(rules, action, subject))}
                        inputProps={{ 'aria-label': `${subject} ${action}` }}
                      />
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const joinList = (value: string | string[] | null | undefined) => asList(value).join(', ');
const splitList = (text: string) => text.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);

/** One rule in detail: actions, subjects, fields, conditions (JSON), forbid. */
const RuleRow = ({ rule, onChange, onDelete }: { rule: RawRule; onChange: (rule: RawRule) => void; onDelete: () => void }) => {
  const translate = useTranslate();
  const [conditions, setConditions] = useState(rule.conditions ? JSON.stringify(rule.conditions) : '');
  const [conditionsError, setConditionsError] = useState(false);
  useEffect(() => setConditions(rule.conditions ? JSON.stringify(rule.conditions) : ''), [rule.conditions]);
  const set = (patch: Partial<RawRule>) => {
    const next: RawRule = { ...rule, ...patch };
    if (!asList(next.fields).length) delete next.fields;
    if (!next.conditions) delete next.conditions;
    if (!next.inverted) delete next.inverted;
    onChange(next);
  };
  const list = (value: string[]) => (value.length === 1 ? value[0] : value);
  return (
    <TableRow>
      <TableCell sx={{ width: 170 }}>
        <TextField size="small" variant="standard" defaultValue={joinList(rule.action)} onBlur={(e) => set({ action: list(splitList(e.target.value)) })} fullWidth />
      </TableCell>
      <TableCell sx={{ width: 170 }}>
        <TextField size="small" variant="standard" defaultValue={joinList(rule.subject)} onBlur={(e) => set({ subject: list(splitList(e.target.value)) })} fullWidth />
      </TableCell>
      <TableCell>
        <TextField size="small" variant="standard" defaultValue={joinList(rule.fields)} placeholder={translate('app.rights.rules.all_fields')} onBlur={(e) => set({ fields: splitList(e.target.value) })} fullWidth />
      </TableCell>
      <TableCell sx={{ width: 240 }}>
        <TextField
          size="small"
          variant="standard"
          value={conditions}
          placeholder={translate('app.rights.rules.all_records')}
          error={conditionsError}
          helperText={conditionsError ? translate('app.rights.roles.conditions_invalid') : undefined}
          onChange={(e) => setConditions(e.target.value)}
          onBlur={() => {
            if (!conditions.trim()) {
              setConditionsError(false);
              set({ conditions: null });
              return;
            }
            try {
              const parsed = JSON.parse(conditions);
              if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
              setConditionsError(false);
              set({ conditions: parsed });
            } catch {
              setConditionsError(true);
            }
          }}
          fullWidth
          slotProps={{ htmlInput: { style: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 } } }}
        />
      </TableCell>
      <TableCell padding="checkbox">
        <Checkbox size="small" checked={!!rule.inverted} onChange={(e) => set({ inverted: e.target.checked })} />
      </TableCell>
      <TableCell padding="checkbox">
        <IconButton size="small" onClick={onDelete} aria-label={translate('ra.action.delete')}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </TableCell>
    </TableRow>
  );
};

/** The raw rules as JSON, for experts: applied once it parses as a list. */
const JsonView = ({ rules, onChange }: { rules: RawRule[]; onChange?: (rules: RawRule[]) => void }) => {
  const translate = useTranslate();
  const [text, setText] = useState(() => JSON.stringify(rules, null, 2));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((current) => {
      try {
        return JSON.stringify(JSON.parse(current)) === JSON.stringify(rules) ? current : JSON.stringify(rules, null, 2);
      } catch {
        return current;
      }
    });
  }, [rules]);
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {translate('app.rights.roles.json_help')}
      </Typography>
      <TextField
        value={text}
        multiline
        minRows={12}
        maxRows={30}
        fullWidth
        error={!!error}
        helperText={error ? translate('app.rights.roles.json_invalid', { error }) : ' '}
        onChange={(e) => {
          setText(e.target.value);
          if (!onChange) return;
          try {
            const parsed = JSON.parse(e.target.value);
            if (!Array.isArray(parsed)) throw new Error('[…]');
            setError(null);
            onChange(parsed as RawRule[]);
          } catch (problem) {
            setError((problem as Error).message);
          }
        }}
        slotProps={{ htmlInput: { readOnly: !onChange, 'data-testid': 'rules-json', style: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12.5 } } }}
      />
    </Box>
  );
};

/** Matrix, detailed list and raw JSON of one role's rules; read-only without onChange. */
export const RulesView = ({ rules, onChange, error }: { rules: RawRule[]; onChange?: (rules: RawRule[]) => void; error?: string }) => {
  const translate = useTranslate();
  const [tab, setTab] = useState(0);
  const catalog = useLoad(accessCatalog, []);
  const errorRef = useRef<HTMLDivElement>(null);
  // The server's verdict on the rules is where the eye is after pressing save: brought into view.
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'center' });
  }, [error]);
  return (
    <Box data-testid="rules-view">
      <Tabs value={tab} onChange={(_, next) => setTab(next)} sx={{ mb: 1, minHeight: 36, '& .MuiTab-root': { minHeight: 36 } }}>
        <Tab label={translate('app.rights.roles.matrix')} data-testid="tab-matrix" />
        <Tab label={translate('app.rights.roles.raw_json')} data-testid="tab-json" />
      </Tabs>
      {error && (
        <Alert severity="error" sx={{ mb: 1 }} data-testid="rules-error" ref={errorRef}>
          {error}
        </Alert>
      )}
      {tab === 0 && (
        <>
          {onChange && (
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
              {translate('app.rights.roles.matrix_hint')}
              {catalog.data && ` ${translate('app.rights.roles.placeholders', { list: catalog.data.placeholders.join(', ') })}`}
            </Typography>
          )}
          {catalog.data && <RuleMatrix rules={rules} catalog={catalog.data} onChange={onChange} />}
          <Typography variant="subtitle2" sx={{ mt: 2, mb: 0.5 }}>
            {translate('app.rights.roles.rule_list')}
          </Typography>
          {rules.length === 0 && <Alert severity="info">{translate('app.rights.roles.no_rules')}</Alert>}
          {onChange ? (
            <Table size="small" data-testid="rule-list">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.rights.rules.action')}</TableCell>
                  <TableCell>{translate('app.rights.rules.subject')}</TableCell>
                  <TableCell>{translate('app.rights.rules.fields')}</TableCell>
                  <TableCell>{translate('app.rights.rules.conditions')}</TableCell>
                  <TableCell>{translate('app.rights.rules.inverted')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {rules.map((rule, index) => (
                  <RuleRow
                    key={`${index}-${JSON.stringify(rule)}`}
                    rule={rule}
                    onChange={(next) => onChange(rules.map((r, i) => (i === index ? next : r)))}
                    onDelete={() => onChange(rules.filter((_, i) => i !== index))}
                  />
                ))}
              </TableBody>
            </Table>
          ) : (
            <Table size="small" data-testid="rule-list">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.rights.rules.action')}</TableCell>
                  <TableCell>{translate('app.rights.rules.subject')}</TableCell>
                  <TableCell>{translate('app.rights.rules.fields')}</TableCell>
                  <TableCell>{translate('app.rights.rules.conditions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rules.map((rule, index) => (
                  <TableRow key={index}>
                    <TableCell>
                      {rule.inverted && <Chip size="small" color="error" label={translate('app.rights.rules.cannot')} sx={{ mr: 0.5 }} />}
                      {asList(rule.action).map((a) => translate(`app.rights.actions.${a}`, { _: a })).join('、')}
                    </TableCell>
                    <TableCell>{joinList(rule.subject)}</TableCell>
                    <TableCell sx={{ fontSize: 12 }}>{joinList(rule.fields) || translate('app.rights.rules.all_fields')}</TableCell>
                    <TableCell>{rule.conditions ? <code style={{ fontSize: 12 }}>{JSON.stringify(rule.conditions)}</code> : translate('app.rights.rules.all_records')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {onChange && (
            <Stack direction="row" sx={{ mt: 1 }}>
              <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...rules, { action: 'read', subject: catalog.data?.subjects[0]?.name ?? 'Customer' }])}>
                {translate('app.rights.roles.add_rule')}
              </Button>
            </Stack>
          )}
        </>
      )}
      {tab === 1 && <JsonView rules={rules} onChange={onChange} />}
    </Box>
  );
};

/** The rules of a role as a form input: the server validates them on save and its message lands here. */
export const RuleEditorInput = () => {
  const { field, fieldState } = useInput({ source: 'rules', defaultValue: [] });
  const rules = (Array.isArray(field.value) ? field.value : []) as RawRule[];
  return (
    <Box sx={{ width: '100%' }}>
      <RulesView rules={rules} onChange={(next) => field.onChange(next)} error={fieldState.error?.message} />
    </Box>
  );
};
