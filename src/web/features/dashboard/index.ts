export { DashboardPage } from './pages/DashboardPage.js';
