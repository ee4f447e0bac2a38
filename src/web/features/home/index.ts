export { HomePage } from './pages/HomePage.js';
