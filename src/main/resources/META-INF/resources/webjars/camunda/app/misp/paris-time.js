// The back office works on Paris time (issue 13): every date and time Camunda's own views show
// (Tasklist, Cockpit, Admin, Welcome, their plugins) is the time in Europe/Paris, whatever the
// zone of the computer that shows it (an advisor may sit in Nouméa or Papeete).
//
// The webapps format instants with their 'camDate' filter (moment.js, bundled and not reachable
// from outside): the filter is given, instead of the instant, a local date whose clock reads what
// the clock in Paris reads at that instant. The formats have no zone token, so what the filter
// writes is Paris's date and time. AngularJS's own 'date' filter (times in Tasklist's history) is
// given Paris's offset when its caller names no zone. Relative texts ("il y a 3 minutes") do not depend on a zone.
import DATE_FORMATS from './date-formats.js';

const PARIS = 'Europe/Paris';

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS, hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
});

function parisFields(instant) {
  const part = {};
  for (const { type, value } of parisParts.formatToParts(instant)) {
    part[type] = Number(value);
  }
  return part;
}

/** A local Date whose year, month, day, hours, minutes and seconds are those of Paris at `instant`. */
export function parisClock(instant) {
  const p = parisFields(instant);
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, instant.getMilliseconds());
}

/** Paris's offset from UTC at `instant`, as AngularJS's date filter takes it: "+0100" or "+0200". */
export function parisOffset(instant) {
  const p = parisFields(instant);
  const minutes = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
    - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return sign + String(Math.floor(abs / 60)).padStart(2, '0') + String(abs % 60).padStart(2, '0');
}

/**
 * The instant a value of the engine's REST API stands for: a Date, milliseconds, or an ISO text
 * (the engine writes its offset as +0100, which Date.parse does not read: it becomes +01:00).
 */
export function instantOf(value) {
  if (value instanceof Date) {
    return isNaN(value) ? null : value;
  }
  if (typeof value === 'number') {
    return new Date(value);
  }
  if (typeof value === 'string') {
    const instant = new Date(value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return isNaN(instant) ? null : instant;
  }
  return null;
}

const angular = window.angular;
if (angular) {
  try {
    angular.module('cam.commons.filter.date').config(['$provide', ($provide) => {
      $provide.decorator('camDateFormat', ['$delegate', (camDateFormat) => (name) =>
        DATE_FORMATS[name || 'normal'] || camDateFormat(name)]);
      $provide.decorator('camDateFilter', ['$delegate', (camDate) => function parisDate(value, format) {
        const instant = value ? instantOf(value) : null;
        return camDate(instant ? parisClock(instant) : value, format);
      }]);
      $provide.decorator('dateFilter', ['$delegate', (date) => function parisDate(value, format, timezone) {
        const instant = value && !timezone ? instantOf(value) : null;
        return date(value, format, instant ? parisOffset(instant) : timezone);
      }]);
    }]);
  } catch (notThisApp) {
    // an app without Camunda's date filter has no date to show
  }
}

export default {};
