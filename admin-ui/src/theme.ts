import { defaultTheme, type RaThemeOptions } from 'react-admin';

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * A calm, dense theme for people who keep the console open all day: neutral background, one
 * insurer blue, compact tables, and a CJK font stack so Chinese text never falls back to a serif.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#1d4f91', light: '#4a78b8', dark: '#123766', contrastText: '#ffffff' },
    secondary: { main: '#0f766e', contrastText: '#ffffff' },
    background: { default: '#f3f5f9', paper: '#ffffff' },
    text: { primary: '#1f2937', secondary: '#5b6675' },
    divider: '#e3e7ee',
    success: { main: '#15803d' },
    warning: { main: '#b45309', light: '#fde7c7', dark: '#92400e', contrastText: '#ffffff' },
    error: { main: '#b91c1c' },
    info: { main: '#0369a1' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: FONT,
    fontSize: 14,
    h5: { fontSize: '1.35rem' },
    h6: { fontSize: '1.1rem' },
    button: { textTransform: 'none', fontWeight: 500 },
  },
  sidebar: { width: 220, closedWidth: 56 },
  components: {
    ...defaultTheme.components,
    MuiAppBar: { styleOverrides: { root: { boxShadow: 'none', borderBottom: '1px solid rgba(255,255,255,0.12)' } } },
    MuiCard: { defaultProps: { elevation: 0 }, styleOverrides: { root: { border: '1px solid #e3e7ee' } } },
    MuiPaper: { styleOverrides: { elevation1: { boxShadow: '0 1px 2px rgba(16,24,40,0.06)' } } },
    MuiTableCell: { styleOverrides: { sizeSmall: { padding: '8px 10px' }, head: { fontWeight: 600, color: '#475467', backgroundColor: '#f8fafc', whiteSpace: 'nowrap' } } },
    MuiTableRow: { styleOverrides: { hover: { '&:hover': { backgroundColor: '#f5f8fd !important' } } } },
    MuiChip: { styleOverrides: { sizeSmall: { height: 22, fontSize: 12 } } },
    MuiTextField: { defaultProps: { variant: 'outlined', size: 'small' } },
    MuiFormControl: { defaultProps: { variant: 'outlined', size: 'small' } },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          borderRadius: 6,
          margin: '2px 8px',
          '&.RaMenuItemLink-active': { backgroundColor: 'rgba(29,79,145,0.10)', color: '#1d4f91', fontWeight: 600, '& .RaMenuItemLink-icon': { color: '#1d4f91' } },
        },
      },
    },
    // minWidth 0 (react-admin's layout is fit-content): a wide table scrolls inside its card instead of pushing the page past the window.
    RaLayout: { styleOverrides: { root: { minWidth: 0, '& .RaLayout-content': { padding: '8px 20px 24px', backgroundColor: '#f3f5f9', minWidth: 0 } } } },
  },
};
