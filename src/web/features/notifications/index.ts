/** In-app notifications of dossier steps and questions: the header's bell. */
export { NotificationBell } from './components/NotificationBell.js';
