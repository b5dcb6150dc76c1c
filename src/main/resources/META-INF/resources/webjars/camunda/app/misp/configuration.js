// What the four webapps share: French only (whatever the browser's language), French dates, the
// MGEN International Santé Prévoyance name, and the script that puts the remaining English texts
// in French. Each app's scripts/config.js builds its configuration from here.
import DATE_FORMATS from './date-formats.js';

export default function mispConfiguration(appName, customScripts = []) {
  return {
    app: {
      // The header shows "vendor name", the sign-in page the name alone.
      vendor: 'MGEN International Santé Prévoyance ·',
      name: appName
    },
    locales: {
      availableLocales: ['fr'],
      fallbackLocale: 'fr'
    },
    dateFormat: { ...DATE_FORMATS },
    customScripts: ['../misp/french', ...customScripts]
  };
}
