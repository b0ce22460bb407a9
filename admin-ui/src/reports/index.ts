export { ReportsPage } from './ReportsPage';
export { ReportsMenuItem } from './ReportsMenuItem';
