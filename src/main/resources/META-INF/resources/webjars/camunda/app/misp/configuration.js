// What the four webapps share: French only (whatever the browser's language), French dates, the
// MGEN International Santé Prévoyance name, and the script that puts the remaining English texts
// in French. Each app's scripts/config.js builds its configuration from here.
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
    dateFormat: {
      monthName: 'MMMM',
      day: 'DD',
      abbr: 'DD/MM/YYYY HH:mm',
      normal: 'DD/MM/YYYY HH:mm',
      long: 'dddd D MMMM YYYY HH:mm',
      short: 'DD/MM/YYYY'
    },
    customScripts: ['../misp/french', ...customScripts]
  };
}
