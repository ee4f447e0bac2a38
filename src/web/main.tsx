import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { setLanguageSource } from './lib/api/client.js';
import { currentLanguage, initI18n } from './lib/i18n/index.js';

// Typed dates (dd/mm/yyyy) are parsed with the display format.
dayjs.extend(customParseFormat);
initI18n();
setLanguageSource(currentLanguage);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
