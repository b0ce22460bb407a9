/**
 * Lists never widen the page: the table scrolls inside its card when the window is narrow (the
 * main column of a list with a sidebar must be allowed to shrink for that).
 */
export const listSx = {
  '& .RaList-main': { minWidth: 0 },
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
} as const;
