/**
 * The evaluation dossiers (hồ sơ đánh giá): list and detail pages, the product page's dossiers, and
 * what the council and decision pages reuse (state badges, the dossier list, questions on evidence).
 */
export { DossierListPage } from './pages/DossierListPage.js';
export { DossierDetailPage } from './pages/DossierDetailPage.js';
export { ProductDossiers } from './components/ProductDossiers.js';
export { CreateDossierButton } from './components/CreateDossierButton.js';
export { DossierStateBadge } from './components/DossierStateBadge.js';
export { QuestionsPanel } from './components/QuestionsPanel.js';
export { isDossierState } from './components/labels.js';
export { useDossiers, type Dossier } from './api/dossiers.js';
export { SiteVisitList } from './components/SiteVisits.js';
export { useSiteVisits, type SiteVisit } from './api/site-visits.js';
