import { InputAdornment } from '@mui/material';
import { NumberInput, type NumberInputProps } from 'react-admin';

const toYuanText = (fen: unknown): string => (typeof fen === 'number' && Number.isFinite(fen) ? (fen / 100).toFixed(2) : '');

const toFen = (yuan: unknown): number | null => {
  if (yuan === null || yuan === undefined || yuan === '') return null;
  const value = Number(yuan);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
};

/** Amounts are stored as integer fen and typed in yuan with two decimals; rounding to the fen keeps them exact. */
export const MoneyInput = (props: NumberInputProps) => (
  <NumberInput
    {...props}
    step={0.01}
    min={0}
    format={toYuanText}
    parse={toFen}
    slotProps={{ input: { startAdornment: <InputAdornment position="start">¥</InputAdornment> } }}
  />
);
