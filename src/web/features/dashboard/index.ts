export { DashboardPage } from './pages/DashboardPage.js';
export { NationalPage } from './pages/NationalPage.js';
