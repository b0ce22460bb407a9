import GroupsIcon from '@mui/icons-material/GroupsOutlined';
import { LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { SectionCard } from '../common/SectionCard';

interface Beneficiary {
  name: string;
  relationship: string;
  sharePercent: number;
}

/** Who receives the benefit, and in what share; no named beneficiary means the statutory heirs. */
export const Beneficiaries = () => {
  const policy = useRecordContext();
  const translate = useTranslate();
  const list = (policy?.beneficiaries as Beneficiary[] | null | undefined) ?? [];
  const f = (field: string) => translate(`app.policies.beneficiary.${field}`);
  return (
    <SectionCard title="app.policies.sections.beneficiaries" icon={<GroupsIcon />} testId="section-beneficiaries">
      {list.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.policies.no_beneficiaries')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{f('name')}</TableCell>
              <TableCell>{f('relationship')}</TableCell>
              <TableCell sx={{ width: '40%' }}>{f('sharePercent')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {list.map((b, i) => (
              <TableRow key={`${b.name}-${i}`}>
                <TableCell>{b.name}</TableCell>
                <TableCell>{b.relationship}</TableCell>
                <TableCell>
                  <Typography variant="body2" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {b.sharePercent}%
                  </Typography>
                  <LinearProgress variant="determinate" value={b.sharePercent} sx={{ mt: 0.5, height: 4, borderRadius: 2 }} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
};
