import EventRepeatIcon from '@mui/icons-material/EventRepeatOutlined';
import { Button, List as MuiList, ListItemButton, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import { RecordContextProvider, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatYuan } from '../common/format';
import { SectionCard } from '../common/SectionCard';
import { ExpiryField } from '../policies/ExpiryField';

const FILTER = { renewalDueWithinDays: 30 };

/** The next policies to renew, soonest first: the hotline's first call list of the day. */
export const UpcomingRenewals = () => {
  const translate = useTranslate();
  const { data, isPending, total } = useGetList('policies', { pagination: { page: 1, perPage: 6 }, sort: { field: 'expiryDate', order: 'ASC' }, filter: FILTER });
  return (
    <SectionCard
      title="app.dashboard.upcoming_renewals"
      icon={<EventRepeatIcon />}
      testId="upcoming-renewals"
      action={
        <Button size="small" component={Link} to={`/policies?filter=${encodeURIComponent(JSON.stringify(FILTER))}`}>
          {translate('app.dashboard.view_all', { count: total ?? 0 })}
        </Button>
      }
    >
      {isPending ? (
        <Stack spacing={1}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={40} />
          ))}
        </Stack>
      ) : !data?.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          {translate('app.dashboard.no_renewals')}
        </Typography>
      ) : (
        <MuiList dense disablePadding>
          {data.map((policy) => (
            <ListItemButton key={policy.id} component={Link} to={`/policies/${policy.id}/show`} divider sx={{ px: 1 }}>
              <ListItemText
                primary={`${policy.holder?.name ?? '—'} · ${policy.productName ?? ''}`}
                secondary={`${policy.policyNumber} · ${formatYuan(policy.premiumFen)}`}
                slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true, sx: { fontFamily: 'ui-monospace, Menlo, monospace', fontSize: 12 } } }}
              />
              <RecordContextProvider value={policy}>
                <ExpiryField />
              </RecordContextProvider>
            </ListItemButton>
          ))}
        </MuiList>
      )}
    </SectionCard>
  );
};
