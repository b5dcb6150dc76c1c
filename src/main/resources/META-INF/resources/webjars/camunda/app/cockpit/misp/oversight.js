// The managers' views in Cockpit ("Suivi"): finished files and their history, the agencies' endowments,
// late files, the money. A Cockpit frontend plugin (loaded by scripts/config.js): a menu entry, one route
// per view and a summary on the dashboard. The data comes from the back office's /api (gestionnaires and
// administrators only), called with the webapp's session and its CSRF token.
// Every text is French; amounts "1 234,56 €", dates dd/mm/yyyy in Paris time. Data is written as text,
// never as HTML.

const VIEWS = [
  { path: '/misp/dossiers', label: 'Dossiers terminés', render: finishedFiles },
  { path: '/misp/dotations', label: 'Dotations des agences', render: endowments },
  { path: '/misp/retards', label: 'Dossiers en retard', render: lateFiles },
  { path: '/misp/paiements', label: 'Paiements', render: money },
  { path: '/misp/taux', label: 'Taux de change', render: exchangeRates }
];

// The processes by the names their models give them (Tasklist and Cockpit show the same words).
const PROCESSES = [
  ['priorApproval', "Accord préalable de soins à l'étranger"],
  ['socialAid', "Aide de l'Action Sociale"],
  ['deathCapital', 'Capital décès ou PTIA'],
  ['temporaryAutonomyLoss', "Allocation perte temporaire d'autonomie"],
  ['totalDependency', 'Rente et forfait dépendance totale'],
  ['dailyAllowance', 'Allocations journalières'],
  ['disabilityAllowance', "Allocation d'invalidité"],
  ['loanRepayment', "Remboursement d'un prêt social ou d'une avance"],
  ['paymentException', 'Retour de paiement ou écriture bancaire inconnue']
];

// The project's root: Cockpit lives under <root>/camunda/app/cockpit/.
function apiRoot() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.replace(/\/[^/]*$/, '') + '/api';
}

function csrfToken(api) {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api && api.CSRFToken;
}

/** French half of a "français / English" message. */
function french(message) {
  return typeof message === 'string' ? message.split(' / ')[0] : '';
}

async function call(method, path, api, body) {
  // The back office asks the session's anti-forgery token on every call through the webapp session.
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(apiRoot() + path, { method, headers, body, credentials: 'same-origin' });
  let data = null;
  try {
    data = await response.json();
  } catch (notJson) {
    data = null;
  }
  if (response.ok) {
    return data;
  }
  const error = new Error(refusal(response.status, data));
  error.status = response.status;
  throw error;
}

function refusal(status, data) {
  if (status === 401) {
    return 'Votre session a pris fin : reconnectez-vous.';
  }
  if (status === 403) {
    return data && data.message ? french(data.message) : 'Accès refusé : ces vues sont réservées aux gestionnaires.';
  }
  if (data && Array.isArray(data.errors) && data.errors.length) {
    return data.errors.map((e) => e.message).join(' ');
  }
  return data && data.message ? french(data.message) : 'Le serveur ne répond pas comme prévu ; réessayez.';
}

// ---- formats ----------------------------------------------------------------------------------------

const NBSP = '\u00a0';

/** "1 234,56 €" from an amount in euros (exact to the cent), or with the currency's code. */
function amount(value, currency) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const cents = Math.round(Number(value) * 100);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const decimals = String(abs % 100).padStart(2, '0');
  const unit = !currency || currency === 'EUR' ? '€' : currency;
  return sign + units + ',' + decimals + NBSP + unit;
}

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'
});

/** dd/mm/yyyy for a day, dd/mm/yyyy hh:mm (Paris) for an instant. */
function date(value) {
  if (!value) {
    return '—';
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    return day[3] + '/' + day[2] + '/' + day[1];
  }
  return PARIS_TIME.format(new Date(value)).replace(',', '');
}

/** A day typed dd/mm/yyyy, as ISO; null when empty; undefined when not a date. */
function typedDay(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (!match) {
    return undefined;
  }
  return match[3] + '-' + match[2].padStart(2, '0') + '-' + match[1].padStart(2, '0');
}

/** An amount typed "12 000,50" or "12000.50", as exact decimal text; null when it is not one. */
function typedAmount(text) {
  const normal = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  return /^\d{1,12}(\.\d{1,2})?$/.test(normal) ? normal : null;
}

/** A rate typed "655,957" or "1.0502" (at most 6 decimals), as exact decimal text; null when it is not one. */
function typedRate(text) {
  const normal = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d{1,12}(\.\d{1,6})?$/.test(normal) && Number(normal) > 0 ? normal : null;
}

// ---- DOM helpers ------------------------------------------------------------------------------------

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'onclick' || name === 'onsubmit') {
      node.addEventListener(name.substring(2), value);
    } else if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}

function table(headers, rows, empty, className) {
  if (!rows.length) {
    return el('p', { class: 'misp-empty' }, empty);
  }
  return el('table', { class: 'table table-striped table-condensed ' + (className || '') },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

function message(kind, text) {
  return el('div', { class: 'alert alert-' + kind + ' misp-message', role: 'status' }, text);
}

function page(node, current) {
  node.textContent = '';
  const content = el('div', { class: 'misp-view' });
  node.appendChild(el('div', { class: 'misp-oversight container-fluid' },
    el('h1', {}, 'Suivi des gestionnaires'),
    el('ul', { class: 'nav nav-tabs misp-tabs' }, VIEWS.map((view) =>
      el('li', { class: view.path === current ? 'active' : '' }, el('a', { href: '#' + view.path }, view.label)))),
    content));
  return content;
}

async function show(content, load) {
  content.textContent = '';
  content.appendChild(el('p', { class: 'misp-loading' }, 'Chargement…'));
  try {
    const parts = await load();
    content.textContent = '';
    parts.forEach((part) => content.appendChild(part));
  } catch (error) {
    content.textContent = '';
    content.appendChild(message('danger', error.message));
  }
}

/** The back office's own steps are "system" in the records. */
const who = (id) => (!id ? '—' : id === 'system' ? 'traitement automatique' : id);

// ---- Finished files ---------------------------------------------------------------------------------

function finishedFiles(node, api) {
  const content = page(node, '/misp/dossiers');
  const reference = el('input', { class: 'form-control', id: 'misp-reference', placeholder: 'Référence du dossier' });
  const member = el('input', { class: 'form-control', id: 'misp-member', placeholder: 'Numéro d’adhérent' });
  const process = el('select', { class: 'form-control', id: 'misp-process' }, el('option', { value: '' }, 'Tous les processus'),
    PROCESSES.map(([key, label]) => el('option', { value: key }, label)));
  const from = el('input', { class: 'form-control', id: 'misp-from', placeholder: 'jj/mm/aaaa', size: 10 });
  const to = el('input', { class: 'form-control', id: 'misp-to', placeholder: 'jj/mm/aaaa', size: 10 });
  const results = el('div', { class: 'misp-results' });
  const detail = el('div', { class: 'misp-file' });
  const search = (event) => {
    if (event) {
      event.preventDefault();
    }
    detail.textContent = '';
    const fromDay = typedDay(from.value);
    const toDay = typedDay(to.value);
    if (fromDay === undefined || toDay === undefined) {
      results.textContent = '';
      results.appendChild(message('warning', 'Saisissez les dates au format jj/mm/aaaa.'));
      return;
    }
    const query = new URLSearchParams();
    [['businessKey', reference.value.trim()], ['memberId', member.value.trim()], ['process', process.value],
      ['from', fromDay], ['to', toDay]].forEach(([name, value]) => value && query.append(name, value));
    show(results, async () => {
      const rows = await call('GET', '/oversight/files?' + query, api);
      // The server answers the 200 most recent at most.
      const found = rows.length >= 200 ? 'Les 200 dossiers terminés les plus récents (précisez la recherche pour les autres)'
        : rows.length + (rows.length > 1 ? ' dossiers terminés' : ' dossier terminé');
      return [el('p', {}, found),
        table(['Référence', 'Processus', 'Adhérent', 'Déposé le', 'Terminé le', 'Décision'], rows.map((row) => [
          el('button', { type: 'button', class: 'btn btn-link misp-open-file', onclick: () => openFile(detail, row.businessKey, api) },
            row.businessKey),
          row.processLabel, row.memberId || '—', date(row.filedAt), date(row.endedAt), row.decisionLabel]),
        'Aucun dossier terminé ne répond à ces critères.', 'misp-files')];
    });
  };
  content.appendChild(el('form', { class: 'form-inline misp-search', onsubmit: search },
    el('label', { for: 'misp-reference' }, 'Référence '), reference, ' ',
    el('label', { for: 'misp-member' }, 'Adhérent '), member, ' ',
    el('label', { for: 'misp-process' }, 'Processus '), process, ' ',
    el('label', { for: 'misp-from' }, 'Déposé du '), from, ' ',
    el('label', { for: 'misp-to' }, 'au '), to, ' ',
    el('button', { type: 'submit', class: 'btn btn-primary' }, 'Rechercher')));
  content.appendChild(results);
  content.appendChild(detail);
  search();
}

function openFile(detail, businessKey, api) {
  show(detail, async () => {
    const file = await call('GET', '/oversight/files/' + encodeURIComponent(businessKey), api);
    const f = file.file;
    return [el('h2', {}, 'Dossier ' + f.businessKey),
      el('dl', { class: 'dl-horizontal misp-summary' },
        el('dt', {}, 'Processus'), el('dd', {}, f.processLabel),
        el('dt', {}, 'Adhérent'), el('dd', {}, f.memberId || '—'),
        el('dt', {}, 'Déposé le'), el('dd', {}, date(f.filedAt)),
        el('dt', {}, 'Terminé le'), el('dd', {}, date(f.endedAt)),
        el('dt', {}, 'Décision'), el('dd', { class: 'misp-decision' }, f.decisionLabel)),
      el('h3', {}, 'Montants'),
      table(['Montant', 'Valeur'], file.amounts.map((a) => [a.label, amount(a.amount, a.currency)]), 'Aucun montant.', 'misp-amounts'),
      el('h3', {}, 'Bénéficiaires des paiements'),
      table(['Bénéficiaire', 'Pour le compte de', 'Montant', 'Où en est le paiement'], file.payees.map((p) =>
        [p.beneficiary, p.onBehalfOf || '—', amount(p.amount), p.statusLabel]), 'Aucun paiement.', 'misp-payees'),
      el('h3', {}, 'Étapes'),
      table(['Étape', 'Par', 'Commencée le', 'Faite le', 'Échéance'], file.steps.map((s) =>
        [s.label, who(s.who), date(s.startedAt), s.doneAt ? date(s.doneAt) : 'non faite', date(s.dueAt)]),
      'Aucune étape enregistrée.', 'misp-steps')];
  });
}

// ---- Endowments -------------------------------------------------------------------------------------

function endowments(node, api) {
  const content = page(node, '/misp/dotations');
  const year = el('input', { class: 'form-control', id: 'misp-year', size: 4, value: String(new Date().getFullYear()) });
  const notice = el('div', { class: 'misp-notice' });
  const list = el('div', { class: 'misp-endowments' });
  let setEndowment = null;
  const load = (event) => {
    if (event) {
      event.preventDefault();
      notice.textContent = '';
    }
    if (!/^\d{4}$/.test(year.value.trim())) {
      list.textContent = '';
      list.appendChild(message('warning', 'Saisissez une année sur quatre chiffres.'));
      return;
    }
    const y = year.value.trim();
    setEndowment = async (agencyCode, text) => {
      notice.textContent = '';
      const value = typedAmount(text);
      if (!/^[A-Za-z0-9-]{1,20}$/.test(agencyCode)) {
        notice.appendChild(message('warning', 'Saisissez le code de l’agence, par exemple AG-075.'));
        return;
      }
      if (value === null) {
        notice.appendChild(message('warning', 'Saisissez un montant en euros, par exemple 12 000,00.'));
        return;
      }
      try {
        const result = await call('PUT', '/endowments/' + encodeURIComponent(agencyCode) + '/' + y, api,
          '{"amount": ' + value + '}');
        notice.appendChild(message('success', 'Dotation ' + y + ' de l’agence ' + agencyCode + ' fixée à '
          + amount(result.amount) + ' (restant : ' + amount(result.remaining) + ').'));
        load();
      } catch (error) {
        notice.appendChild(message('danger', error.message));
      }
    };
    const otherCode = el('input', { class: 'form-control input-sm', id: 'misp-other-agency', placeholder: 'AG-000', size: 8 });
    const otherAmount = el('input', { class: 'form-control input-sm', id: 'misp-other-amount', placeholder: '0,00', size: 12 });
    const other = el('form', { class: 'form-inline misp-other-agency', onsubmit: (e) => {
      e.preventDefault();
      setEndowment(otherCode.value.trim(), otherAmount.value);
    } }, el('label', { for: 'misp-other-agency' }, 'Autre agence '), otherCode, ' ',
    el('label', { for: 'misp-other-amount' }, 'dotation '), otherAmount, ' ',
    el('button', { type: 'submit', class: 'btn btn-sm btn-default' }, 'Fixer la dotation ' + y));
    show(list, async () => {
      const lines = await call('GET', '/oversight/endowments?year=' + y, api);
      return [table(['Agence', 'Dotation', 'Réservé', 'Payé', 'Remboursements reçus', 'Restant', 'Nouvelle dotation'],
        lines.map((line) => {
          const input = el('input', { class: 'form-control input-sm misp-amount', 'data-agency': line.agencyCode,
            placeholder: '0,00', size: 12, 'aria-label': 'Nouvelle dotation de ' + line.agencyCode });
          const set = (e) => {
            e.preventDefault();
            setEndowment(line.agencyCode, input.value);
          };
          return [line.agencyCode, line.set ? amount(line.amount) : 'non fixée', amount(line.reserved), amount(line.paid),
            amount(line.repaid), amount(line.remaining),
            el('form', { class: 'form-inline', onsubmit: set }, input, ' ',
              el('button', { type: 'submit', class: 'btn btn-sm btn-primary', 'data-agency': line.agencyCode }, 'Fixer'))];
        }), 'Aucune agence connue.', 'misp-endowment-table'), other];
    });
  };
  content.appendChild(el('form', { class: 'form-inline misp-search', onsubmit: load },
    el('label', { for: 'misp-year' }, 'Année '), year, ' ',
    el('button', { type: 'submit', class: 'btn btn-default' }, 'Afficher')));
  content.appendChild(el('p', { class: 'text-muted' }, 'Restant = dotation + remboursements de prêts reçus − réservé. '
    + 'Une dotation ne descend jamais sous le montant déjà réservé.'));
  content.appendChild(notice);
  content.appendChild(list);
  load();
}

// ---- Exchange rates ---------------------------------------------------------------------------------

function exchangeRates(node, api) {
  const content = page(node, '/misp/taux');
  const notice = el('div', { class: 'misp-notice' });
  const list = el('div', { class: 'misp-rates' });
  const currency = el('input', { class: 'form-control input-sm', id: 'misp-rate-currency', placeholder: 'USD', size: 4,
    maxlength: 3 });
  const from = el('input', { class: 'form-control input-sm', id: 'misp-rate-from', placeholder: 'jj/mm/aaaa', size: 10 });
  const rate = el('input', { class: 'form-control input-sm', id: 'misp-rate-value', placeholder: '1,0502', size: 12 });
  const source = el('input', { class: 'form-control input-sm', id: 'misp-rate-source', size: 40, maxlength: 300,
    placeholder: 'BCE, cours de référence du …' });
  const load = () => show(list, async () => {
    const rates = await call('GET', '/exchange-rates', api);
    return [table(['Devise', 'En vigueur depuis le', 'Taux', 'Source', 'Enregistré par', 'Le'],
      rates.map((r) => [r.currency, date(r.effectiveFrom), r.parity, r.source, who(r.recordedBy), date(r.recordedAt)]),
      'Aucun taux enregistré.', 'misp-rate-table')];
  });
  const record = async (event) => {
    event.preventDefault();
    notice.textContent = '';
    const code = currency.value.trim().toUpperCase();
    const day = typedDay(from.value);
    const value = typedRate(rate.value);
    if (!/^[A-Z]{3}$/.test(code) || code === 'EUR') {
      notice.appendChild(message('warning', 'Saisissez le code ISO de la devise sur trois lettres, par exemple USD.'));
      return;
    }
    if (!day) {
      notice.appendChild(message('warning', 'Saisissez le jour d’entrée en vigueur au format jj/mm/aaaa.'));
      return;
    }
    if (value === null) {
      notice.appendChild(message('warning', 'Saisissez combien d’unités de la devise vaut 1 €, par exemple 1,0502.'));
      return;
    }
    if (!source.value.trim()) {
      notice.appendChild(message('warning', 'Indiquez la source du taux, par exemple le cours de référence de la BCE.'));
      return;
    }
    try {
      const saved = await call('PUT', '/exchange-rates/' + code + '/' + day, api,
        // the rate as typed, exact (checked above: digits and at most six decimals)
        '{"unitsPerEuro": ' + value + ', "source": ' + JSON.stringify(source.value.trim()) + '}');
      notice.appendChild(message('success', 'Taux enregistré : ' + saved.parity + ' à partir du ' + date(saved.effectiveFrom) + '.'));
      load();
    } catch (error) {
      notice.appendChild(message('danger', error.message));
    }
  };
  content.appendChild(el('p', { class: 'text-muted' }, 'Le médecin-conseil voit un devis en devise étrangère aussi en '
    + 'euros, au taux en vigueur le jour de la demande. Un taux enregistré ne change plus : un nouveau taux s’enregistre '
    + 'à une autre date. Les parités fixes (franc CFA, franc CFP, franc comorien) sont connues.'));
  content.appendChild(el('form', { class: 'form-inline misp-rate-form', onsubmit: record },
    el('label', { for: 'misp-rate-currency' }, 'Devise '), currency, ' ',
    el('label', { for: 'misp-rate-from' }, 'à partir du '), from, ' ',
    el('label', { for: 'misp-rate-value' }, '1 € = '), rate, ' ',
    el('label', { for: 'misp-rate-source' }, 'source '), source, ' ',
    el('button', { type: 'submit', class: 'btn btn-sm btn-primary' }, 'Enregistrer le taux')));
  content.appendChild(notice);
  content.appendChild(list);
  load();
}

// ---- Late files -------------------------------------------------------------------------------------

function lateFiles(node, api) {
  const content = page(node, '/misp/retards');
  show(content, async () => {
    const view = await call('GET', '/oversight/late-files', api);
    const days = (n) => n + (n > 1 ? ' jours' : ' jour');
    return [el('p', { class: 'misp-late-total' }, view.total + (view.total > 1 ? ' tâches en retard' : ' tâche en retard')
        + ' au ' + date(view.at)),
      el('h3', {}, 'Par processus et par étape'),
      table(['Processus', 'Étape', 'En retard', 'Échéance la plus ancienne'], view.steps.map((s) =>
        [s.processLabel, s.step, String(s.late), date(s.oldestDue)]), 'Aucune tâche en retard.', 'misp-late-steps'),
      el('h3', {}, 'Les plus en retard'),
      table(['Dossier', 'Processus', 'Étape', 'Attribuée à', 'Échéance', 'Retard'], view.tasks.map((t) =>
        [t.businessKey || '—', t.processLabel, t.step, t.assignee || 'non attribuée', date(t.dueAt), days(t.daysLate)]),
      'Aucune tâche en retard.', 'misp-late-tasks')];
  });
}

// ---- Money ------------------------------------------------------------------------------------------

function money(node, api) {
  const content = page(node, '/misp/paiements');
  const notice = el('div', { class: 'misp-notice' });
  const body = el('div', {});
  content.appendChild(notice);
  content.appendChild(body);
  const load = () => show(body, async () => {
    const view = await call('GET', '/oversight/money', api);
    const approve = (order) => async (e) => {
      e.preventDefault();
      notice.textContent = '';
      try {
        await call('POST', '/payment-orders/' + encodeURIComponent(order.endToEndId) + '/approval', api, '');
        notice.appendChild(message('success', 'Paiement de ' + amount(order.amount) + ' à ' + order.beneficiary
          + ' approuvé.'));
        load();
      } catch (error) {
        notice.appendChild(message('danger', error.message));
      }
    };
    const accountForm = (order) => {
      const iban = el('input', { class: 'form-control input-sm misp-iban', 'data-order': order.endToEndId, size: 30,
        placeholder: 'IBAN', 'aria-label': 'IBAN de ' + order.beneficiary, maxlength: 42 });
      const bic = el('input', { class: 'form-control input-sm', size: 11, placeholder: 'BIC (facultatif)',
        'aria-label': 'BIC de ' + order.beneficiary, maxlength: 11 });
      return el('form', { class: 'form-inline', onsubmit: async (e) => {
        e.preventDefault();
        notice.textContent = '';
        const account = { iban: iban.value.replace(/\s/g, '').toUpperCase() };
        if (bic.value.trim()) {
          account.bic = bic.value.trim().toUpperCase();
        }
        try {
          await call('PUT', '/payment-orders/' + encodeURIComponent(order.endToEndId) + '/bank-details', api,
            JSON.stringify(account));
          notice.appendChild(message('success', 'IBAN enregistré pour ' + order.beneficiary
            + ' : un autre gestionnaire approuvera le paiement.'));
          load();
        } catch (error) {
          notice.appendChild(message('danger', error.message));
        }
      } }, 'IBAN à compléter : ', iban, ' ', bic, ' ',
      el('button', { type: 'submit', class: 'btn btn-sm btn-default', 'data-order': order.endToEndId }, 'Enregistrer l’IBAN'));
    };
    const orders = (list) => list.oldest.map((o) => [o.businessKey, o.beneficiary, o.onBehalfOf || '—', amount(o.amount),
      o.statusReason || '—']);
    const count = (list, one, many) => el('p', { class: 'text-muted' }, list.total + ' ' + (list.total > 1 ? many : one)
      + (list.total > list.oldest.length ? ' ; les ' + list.oldest.length + ' plus anciens sont listés.' : '.'));
    return [
      el('h3', {}, 'Ordres à approuver (quatre yeux)'),
      count(view.toApprove, 'ordre à approuver', 'ordres à approuver'),
      table(['Dossier', 'Bénéficiaire', 'Pour le compte de', 'Montant', 'Décidé par', 'Compte', ''], view.toApprove.oldest.map((o) => [
        o.businessKey, o.beneficiary, o.onBehalfOf || '—', amount(o.amount), who(o.decidedBy),
        o.hasAccount ? 'IBAN renseigné' : accountForm(o),
        // Without an account there is nothing to approve yet: the IBAN first (another gestionnaire approves).
        o.hasAccount ? el('button', { class: 'btn btn-sm btn-primary misp-approve', 'data-order': o.endToEndId,
          onclick: approve(o) }, 'Approuver') : '']),
      'Aucun ordre à approuver.', 'misp-to-approve'),
      el('h3', {}, 'Lots envoyés à la banque'),
      table(['Lot', 'Créé le', 'Par', 'Ordres', 'Montant total'], view.batches.map((b) =>
        [b.id, date(b.createdAt), who(b.createdBy), String(b.numberOfOrders), amount(b.controlSum)]), 'Aucun lot envoyé.', 'misp-batches'),
      el('h3', {}, 'Paiements retournés par la banque'),
      count(view.returned, 'paiement retourné', 'paiements retournés'),
      table(['Dossier', 'Bénéficiaire', 'Pour le compte de', 'Montant', 'Motif'], orders(view.returned),
        'Aucun paiement retourné.', 'misp-returned'),
      el('h3', {}, 'Paiements rejetés'),
      count(view.rejected, 'paiement rejeté', 'paiements rejetés'),
      table(['Dossier', 'Bénéficiaire', 'Pour le compte de', 'Montant', 'Motif'], orders(view.rejected),
        'Aucun paiement rejeté.', 'misp-rejected'),
      el('h3', {}, 'Prêts en impayé'),
      el('p', { class: 'text-muted' }, 'Une mensualité est impayée ' + view.graceDays
        + ' jours après son échéance (délai de grâce, paramètre P-AS-REPAYMENT-GRACE-DAYS).'),
      table(['Dossier', 'Référence', 'Adhérent', 'Agence', 'Mensualités impayées', 'Montant impayé', 'Restant dû',
        'Plus ancienne échéance'], view.loanArrears.map((a) => [a.businessKey, a.reference, a.memberId, a.agencyCode,
        String(a.missed), amount(a.overdue), amount(a.outstanding), date(a.oldestDue)]), 'Aucun prêt en impayé.', 'misp-arrears')];
  });
  load();
}

// ---- Dashboard summary ------------------------------------------------------------------------------

function summary(node, api) {
  const box = el('section', { class: 'misp-oversight misp-summary-box' }, el('h4', {}, 'Suivi des gestionnaires'));
  const lines = el('div', {});
  box.appendChild(lines);
  node.appendChild(box);
  show(lines, async () => {
    const [late, view] = await Promise.all([call('GET', '/oversight/late-files', api), call('GET', '/oversight/money', api)]);
    const link = (path, text) => el('li', {}, el('a', { href: '#' + path }, text));
    return [el('ul', {},
      link('/misp/paiements', view.toApprove.total + ' ordre(s) de paiement à approuver'),
      link('/misp/paiements', view.loanArrears.length + ' prêt(s) en impayé'),
      link('/misp/retards', late.total + ' tâche(s) en retard'),
      link('/misp/dotations', 'Dotations des agences'),
      link('/misp/taux', 'Taux de change'),
      link('/misp/dossiers', 'Dossiers terminés et leur historique'))];
  });
}

export default [
  {
    id: 'misp-oversight-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: {
      label: 'Suivi',
      pagePath: '#/misp/dossiers',
      checkActive: (path) => path.indexOf('#/misp/') > -1
    }
  },
  ...VIEWS.map((view) => ({
    id: 'misp-oversight' + view.path.replace(/\//g, '-'),
    pluginPoint: 'cockpit.route',
    properties: { path: view.path, label: view.label },
    render: (node, { api }) => view.render(node, api)
  })),
  {
    id: 'misp-oversight-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 5,
    render: (node, { api }) => summary(node, api)
  }
];
