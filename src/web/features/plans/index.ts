export { PlanEditorPage } from './pages/PlanEditorPage.js';
export { PlanListPage } from './pages/PlanListPage.js';
