// How the webapps write dates (moment.js formats, French order), named as Camunda's 'camDate'
// filter names them. One table for the four apps: configuration.js gives it to Tasklist, Admin and
// Welcome; Cockpit sets its own formats in its code (ISO timestamps), so paris-time.js also puts
// this table in front of Camunda's.
export default {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'DD/MM/YYYY HH:mm',
  normal: 'DD/MM/YYYY HH:mm',
  long: 'dddd D MMMM YYYY HH:mm',
  short: 'DD/MM/YYYY'
};
