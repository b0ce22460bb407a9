import { Grid, Stack } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { ClocksCard } from './clocks/ClocksCard';
import { ComplainantCard } from './ComplainantCard';
import { ComplaintHeader } from './ComplaintHeader';
import { ComplaintTitle } from './ComplaintTitle';
import { ContentCard, HandlingCard } from './DetailCards';
import { Timeline } from './Timeline';

const Actions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

const Page = () => {
  const complaint = useRecordContext();
  if (!complaint) return null;
  return (
    <>
      <ComplaintHeader />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Stack spacing={2}>
            <ClocksCard />
            <ContentCard />
            <HandlingCard />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Stack spacing={2}>
            <ComplainantCard />
            <Timeline />
          </Stack>
        </Grid>
      </Grid>
    </>
  );
};

/** One complaint: header with the steps open now, its clocks, what it is about, what has been done, the complainant and the timeline. */
export const ComplaintShow = () => (
  <Show actions={<Actions />} title={<ComplaintTitle />} component="div">
    <Page />
  </Show>
);
