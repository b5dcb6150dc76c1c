// French wherever a person looks, for the texts the locale files cannot reach. Loaded by the
// scripts/config.js of Tasklist, Cockpit, Admin and Welcome ('../misp/french').
//
// 1. Camunda Forms (form-js) reads dates in the browser's own language: a browser set to English
//    shows and expects mm/dd/yyyy. Every date format that asks for "the browser's language" gets
//    French (dd/mm/yyyy) instead; a format that names its language keeps it.
// 2. A few texts are written in English inside the webapps' code (Camunda Forms' validation
//    messages, the application menu, Cockpit's durations and zoom buttons): they are put in French
//    as they appear. A validation message never repeats the field's technical pattern.
// 3. Dates and times are those of Paris, in French order: see paris-time.js.
import './paris-time.js';

const FRENCH = 'fr-FR';

const BrowserDateTimeFormat = Intl.DateTimeFormat;
function FrenchDateTimeFormat(locales, options) {
  const language = locales === undefined || locales === 'default' ? FRENCH : locales;
  return new BrowserDateTimeFormat(language, options);
}
FrenchDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
FrenchDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf.bind(BrowserDateTimeFormat);
Intl.DateTimeFormat = FrenchDateTimeFormat;

const UNITS = {
  day: ['jour', 'jours'], hour: ['heure', 'heures'], minute: ['minute', 'minutes'],
  second: ['seconde', 'secondes'], millisecond: ['milliseconde', 'millisecondes']
};

function duration(text) {
  return text.replace(/(\d+) (day|hour|minute|second|millisecond)s?/g,
    (all, count, unit) => count + ' ' + UNITS[unit][count === '1' ? 0 : 1]);
}

// [English text, as a whole text node (string) or a pattern, French text or function]
const TEXTS = [
  ['Field is required.', 'Ce champ est obligatoire.'],
  [/^Field must match pattern .*\.$/s, 'La valeur saisie n’a pas le format attendu.'],
  [/^Field must have minimum value of (.+)\.$/, (all, min) => 'La valeur doit être au moins ' + min + '.'],
  [/^Field must have maximum value of (.+)\.$/, (all, max) => 'La valeur doit être au plus ' + max + '.'],
  [/^Field must have minimum length of (\d+)\.$/, (all, min) => 'Saisissez au moins ' + min + ' caractères.'],
  [/^Field must have maximum length of (\d+)\.$/, (all, max) => 'Saisissez au plus ' + max + ' caractères.'],
  [/^Field must be a valid +international phone number\..*$/, 'Saisissez un numéro de téléphone international (par exemple +33123456789).'],
  ['Field must be a valid email.', 'Saisissez une adresse électronique valide.'],
  ['Value is not a number.', 'La valeur n’est pas un nombre.'],
  ['Value is expected to be an integer.', 'La valeur doit être un nombre entier.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (all, n) => 'La valeur a au plus ' + n + ' décimale(s).'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (all, low, high) => 'Choisissez une valeur valide : les plus proches sont ' + low + ' et ' + high + '.'],
  ['Search', 'Rechercher'],
  ['Select', 'Choisir'],
  ['No results', 'Aucun résultat'],
  ['Welcome', 'Accueil'],
  ['Tasklist', 'Tâches'],
  ['Cockpit', 'Pilotage'],
  ['Admin', 'Administration'],
  ['zoom in', 'Agrandir'],
  ['zoom out', 'Réduire'],
  ['reset zoom', 'Taille d’origine'],
  [/^(\d+ (day|hour|minute|second|millisecond)s?)(, \d+ (day|hour|minute|second|millisecond)s?)*$/, duration]
];

function french(text) {
  const trimmed = text.trim();
  if (!trimmed || !/[A-Za-z]/.test(trimmed)) {
    return null;
  }
  for (const [english, translation] of TEXTS) {
    if (typeof english === 'string' ? trimmed === english : english.test(trimmed)) {
      const result = typeof english === 'string' ? translation : trimmed.replace(english, translation);
      return text.replace(trimmed, result);
    }
  }
  return null;
}

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

function translate(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const result = french(node.nodeValue);
    if (result !== null && result !== node.nodeValue) {
      node.nodeValue = result;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || node.tagName === 'SCRIPT' || node.tagName === 'STYLE') {
    return;
  }
  for (const name of ATTRIBUTES) {
    const value = node.getAttribute(name);
    const result = value ? french(value) : null;
    if (result !== null && result !== value) {
      node.setAttribute(name, result);
    }
  }
  for (let child = node.firstChild; child; child = child.nextSibling) {
    translate(child);
  }
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData' || mutation.type === 'attributes') {
      translate(mutation.target);
    } else {
      mutation.addedNodes.forEach(translate);
    }
  }
}).observe(document.documentElement, {
  childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
});
translate(document.documentElement);
document.documentElement.setAttribute('lang', 'fr');

export default {};
