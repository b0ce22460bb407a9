import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import calendarDays from './calendar';
import complaints from './complaints';
import customers from './customers';
import { Dashboard } from './dashboard/Dashboard';
import { DeadlinePolicyPage } from './deadlinePolicy/DeadlinePolicyPage';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import policies from './policies';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import { MfaPage } from './account/MfaPage';
import auditEntries from './audit';
import roleGrants from './grants';
import staff from './staff';
import roles from './roles';
import dutyConflictRules from './duties';
import { DutyViolationsPage } from './duties/DutyViews';
import { accessReviewCampaigns, accessReviewItems } from './accessReviews';
import { WhoCanPage } from './grants/WhoCanPage';
import { DormantStaffPage } from './staff/DormantStaffPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { theme } from './theme';
import policyInquiries from './inquiry';
import { InquiryDeskPage } from './inquiry/InquiryDeskPage';
import { ChannelKeysPage } from './channels/ChannelKeysPage';
import dataRightsRequests from './dataRights';
import sharingAgreements from './sharingAgreements';
import { InquirySettingsPage } from './settings/InquirySettingsPage';
import { RetentionPolicyPage } from './settings/RetentionPolicyPage';
import { PolicyRemindersPage } from './reminders/PolicyRemindersPage';
import { ReportsPage } from './reports';
import { PlanPage, ReturnVisitsPage, qualityInspections, qualityRectifications, qualityTemplates } from './quality';

/**
 * The InsureDesk console. Every screen asks the auth provider's canAccess (built from the server's
 * CASL rules) before it shows a menu entry, button, column or input; the server enforces the same
 * rules on every request regardless.
 */
export const App = () => (
  <Admin
    title="InsureDesk"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    dashboard={Dashboard}
    layout={AppLayout}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="customers" {...customers} />
    <Resource name="policies" {...policies} />
    <Resource name="complaints" {...complaints} />
    <Resource name="calendarDays" {...calendarDays} />
    {/* Read-only lookups for branch and handler pickers and names; no screens of their own yet. */}
    <Resource name="branches" recordRepresentation="name" />
    {/* Staff access rights and the audit trail (issue 6). */}
    <Resource name="staff" {...staff} />
    <Resource name="roleGrants" {...roleGrants} />
    <Resource name="roles" {...roles} />
    <Resource name="dutyConflictRules" {...dutyConflictRules} />
    <Resource name="accessReviewCampaigns" {...accessReviewCampaigns} />
    <Resource name="accessReviewItems" {...accessReviewItems} />
    <Resource name="auditEntries" {...auditEntries} />
    {/* Policy inquiry and the customer's rights over their data (issue 7). */}
    <Resource name="policyInquiries" {...policyInquiries} />
    <Resource name="dataRightsRequests" {...dataRightsRequests} />
    <Resource name="sharingAgreements" {...sharingAgreements} />
    {/* Quality inspection and the rectification ledger (issue 5); teams are a lookup for pickers and the plan. */}
    <Resource name="qualityInspections" {...qualityInspections} />
    <Resource name="qualityRectifications" {...qualityRectifications} />
    <Resource name="qualityTemplates" {...qualityTemplates} />
    <Resource name="qualityTeams" recordRepresentation="name" />
    <CustomRoutes>
      <Route path="/complaint-policy" element={<DeadlinePolicyPage />} />
      <Route path="/inquiry-desk" element={<InquiryDeskPage />} />
      <Route path="/channel-keys" element={<ChannelKeysPage />} />
      <Route path="/inquiry-settings" element={<InquirySettingsPage />} />
      <Route path="/retention-policy" element={<RetentionPolicyPage />} />
      <Route path="/policy-reminders" element={<PolicyRemindersPage />} />
      <Route path="/dormant-staff" element={<DormantStaffPage />} />
      <Route path="/account/mfa" element={<MfaPage />} />
      <Route path="/who-can" element={<WhoCanPage />} />
      <Route path="/duty-violations" element={<DutyViolationsPage />} />
      <Route path="/reports" element={<ReportsPage />} />
      <Route path="/quality-plan" element={<PlanPage />} />
      <Route path="/quality-return-visits" element={<ReturnVisitsPage />} />
    </CustomRoutes>
    {/* A reset password is replaced before anything else: no menus, no other screens. */}
    <CustomRoutes noLayout>
      <Route path="/change-password" element={<ChangePasswordPage />} />
    </CustomRoutes>
  </Admin>
);
