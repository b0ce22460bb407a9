import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { AccountNotices } from '../account/AccountNotices';
import { AppAppBar } from './AppAppBar';
import { AppMenu } from './AppMenu';

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppAppBar} menu={AppMenu}>
    <AccountNotices />
    {children}
  </Layout>
);
