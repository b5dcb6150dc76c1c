// Admin dashboard section "Agences et conseillers": which advisor works for which agency. It calls
// /api/agencies with the administrator's webapp session and its anti-forgery token (the server checks
// both, and that the person is an administrator). An agency without an advisor has its social files
// offered to the gestionnaires: the section says so.
const API = '/api/agencies';

function token(api) {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : (api && api.CSRFToken) || '';
}

async function call(api, method, path) {
  const response = await fetch(API + path, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': token(api) }
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = (body.errors || []).map((e) => e.message).join(' ; ');
    throw new Error(fields || body.message || 'Erreur ' + response.status);
  }
  return body;
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
  children.forEach((child) => node.append(child));
  return node;
}

async function draw(node, api, notice) {
  const [agencies, advisors] = await Promise.all([call(api, 'GET', ''), call(api, 'GET', '/advisors')]);
  const table = element('table', { class: 'table table-condensed misp-agencies' },
      element('thead', {}, element('tr', {}, element('th', {}, 'Agence'), element('th', {}, 'Conseillers'),
          element('th', {}, 'Rattacher'))));
  const rows = element('tbody');
  agencies.forEach((agency) => {
    const people = element('td');
    agency.advisors.forEach((advisor) => {
      const detach = element('button', { type: 'button', class: 'btn btn-link btn-xs misp-unassign',
        title: 'Détacher ' + advisor.name }, '✕');
      detach.addEventListener('click', () => change(node, api, 'DELETE', agency.code, advisor.id,
          advisor.name + ' n’est plus rattaché(e) à ' + agency.code));
      people.append(element('div', { class: 'misp-advisor' }, advisor.name + ' (' + advisor.id + ') ', detach));
    });
    if (agency.filesToManagers) {
      people.append(element('div', { class: 'text-warning misp-no-advisor' },
          'Aucun conseiller : ses dossiers sont proposés aux gestionnaires'));
    }
    const choice = element('select', { class: 'form-control input-sm misp-advisor-choice' },
        element('option', { value: '' }, '— conseiller —'));
    advisors.filter((a) => !a.agencies.includes(agency.code))
        .forEach((a) => choice.append(element('option', { value: a.id }, a.name + ' (' + a.id + ')')));
    const assign = element('button', { type: 'button', class: 'btn btn-default btn-sm misp-assign' }, 'Rattacher');
    assign.addEventListener('click', () => {
      if (choice.value) {
        const chosen = choice.options[choice.selectedIndex].text;
        change(node, api, 'PUT', agency.code, choice.value, chosen + ' est rattaché(e) à ' + agency.code);
      }
    });
    rows.append(element('tr', { 'data-agency': agency.code }, element('td', {}, agency.code), people,
        element('td', {}, choice, assign)));
  });
  table.append(rows);
  node.replaceChildren(element('p', { class: 'misp-notice', role: 'status' }, notice || ''), table);
}

async function change(node, api, method, agency, advisor, done) {
  try {
    await call(api, method, '/' + encodeURIComponent(agency) + '/advisors/' + encodeURIComponent(advisor));
    await draw(node, api, done);
  } catch (error) {
    const notice = node.querySelector('.misp-notice');
    notice.className = 'misp-notice text-danger';
    notice.textContent = error.message;
  }
}

export default [{
  id: 'misp.agencies',
  pluginPoint: 'admin.dashboard.section',
  priority: -10,
  properties: { label: 'Agences et conseillers' },
  render: (node, { api } = {}) => {
    draw(node, api).catch((error) => {
      node.textContent = 'Agences indisponibles : ' + error.message;
    });
  }
}];
