import EventRepeatIcon from '@mui/icons-material/EventRepeatOutlined';
import CategoryIcon from '@mui/icons-material/CategoryOutlined';
import FlagIcon from '@mui/icons-material/FlagOutlined';
import { Card, CardContent } from '@mui/material';
import { FilterList, FilterListItem, useTranslate } from 'react-admin';
import { POLICY_LINES, POLICY_STATUSES, RENEWAL_WINDOWS } from './enums';

/**
 * Ready-made filters for daily work: renewals falling due (in-force policies expiring within N days,
 * computed by the server in the company's time zone), status and line.
 */
export const PolicyFilterSidebar = () => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ order: -1, mr: 2, mt: 8, width: 190, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', md: 'block' } }}>
      <CardContent sx={{ pt: 1 }}>
        <FilterList label="app.policies.quick.renewals" icon={<EventRepeatIcon />}>
          {RENEWAL_WINDOWS.map((days) => (
            <FilterListItem key={days} label={translate('app.policies.quick.within_days', { days })} value={{ renewalDueWithinDays: days }} data-testid={`renewal-${days}`} />
          ))}
        </FilterList>
        <FilterList label="resources.policies.fields.status" icon={<FlagIcon />}>
          {POLICY_STATUSES.map((status) => (
            <FilterListItem key={status} label={`app.enums.PolicyStatus.${status}`} value={{ status }} />
          ))}
        </FilterList>
        <FilterList label="resources.policies.fields.line" icon={<CategoryIcon />}>
          {POLICY_LINES.map((line) => (
            <FilterListItem key={line} label={`app.enums.PolicyLine.${line}`} value={{ line }} />
          ))}
        </FilterList>
      </CardContent>
    </Card>
  );
};
