import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Box, Button } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { ReasonDialog } from '../rights/common';
import { StaffPicker, type StaffOption } from '../rights/StaffPicker';
import { reassignReviewItem } from './api';

export interface ReassignableItem {
  id: string;
  staffName: string | null;
  staffUsername: string | null;
  roleLabel: string | null;
  reviewer: { displayName: string | null } | null;
}

/**
 * Hands a pending item to another reviewer, with a reason for the evidence. The server refuses the
 * staff member under review (nobody reviews their own access) and anyone who may not review access.
 */
export const ReassignButton = ({ item, onDone }: { item: ReassignableItem; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [reviewer, setReviewer] = useState<StaffOption | null>(null);
  return (
    <>
      <Button size="small" startIcon={<SwapHorizIcon />} onClick={() => setOpen(true)} data-testid="reassign-item">
        {translate('app.rights.reviews.reassign')}
      </Button>
      {open && (
        <ReasonDialog
          open
          title="app.rights.reviews.reassign_title"
          explanation={translate('app.rights.reviews.reassign_explain', {
            staff: `${item.staffName ?? ''} (${item.staffUsername ?? ''})`,
            role: item.roleLabel ?? '',
            reviewer: item.reviewer?.displayName ?? translate('app.rights.reviews.unassigned'),
          })}
          confirmLabel="app.rights.reviews.reassign"
          ready={!!reviewer}
          onClose={() => {
            setOpen(false);
            setReviewer(null);
          }}
          onConfirm={async (reason) => {
            await reassignReviewItem(item.id, reviewer!.id, reason);
            notify('app.rights.reviews.reassigned', { type: 'success', messageArgs: { name: reviewer!.displayName ?? reviewer!.username ?? '' } });
            onDone();
          }}
        >
          <Box sx={{ mb: 2 }}>
            <StaffPicker value={reviewer} onChange={setReviewer} name="reviewerId" label="app.rights.reviews.new_reviewer" />
          </Box>
        </ReasonDialog>
      )}
    </>
  );
};
