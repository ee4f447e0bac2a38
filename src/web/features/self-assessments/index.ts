/** The self-assessment feature's public face: the sheet page, and the product page's list of sheets. */
export { SelfAssessmentPage } from './pages/SelfAssessmentPage.js';
export { ProductSelfAssessments } from './components/ProductSelfAssessments.js';
