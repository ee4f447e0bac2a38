export { ProductListPage } from './pages/ProductListPage.js';
export { ProductDetailPage } from './pages/ProductDetailPage.js';
export { ProductCreatePage } from './pages/ProductCreatePage.js';
export { ProductEditPage } from './pages/ProductEditPage.js';
