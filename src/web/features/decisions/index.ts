/**
 * Decisions on council results: the province's 3–4★ recognitions and approvals for the ministry, the
 * ministry's 5★ recognitions; recording a recognition issues the certificates.
 */
export { DecisionListPage } from './pages/DecisionListPage.js';
export { DecisionCreatePage } from './pages/DecisionCreatePage.js';
