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
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { theme } from './theme';

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
    <Resource name="staff" recordRepresentation="displayName" />
    <CustomRoutes>
      <Route path="/complaint-policy" element={<DeadlinePolicyPage />} />
    </CustomRoutes>
  </Admin>
);
