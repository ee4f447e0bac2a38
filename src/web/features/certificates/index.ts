/** OCOP certificates: list with status, detail with PDF and public verification, revocation, the re-rating work list. */
export { CertificateListPage } from './pages/CertificateListPage.js';
export { CertificateDetailPage } from './pages/CertificateDetailPage.js';
