// « À traiter » and « Mes tâches » are ordered by due date, the nearest first, then by priority (the
// filters' own order, docs/PROCESSES.md). Tasklist adds the order of its sorting menu after the filter's
// and, when the address names none, shows "Créée" (newest first) in that menu: the list a person sees
// said one order and followed another. Tasklist starts on the filters' order instead, so that the
// menu says what the list does; a person may still choose another order from it.
const DUE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }, { sortBy: 'priority', sortOrder: 'desc' }]);

function dueFirst() {
  const hash = window.location.hash || '#/';
  const question = hash.indexOf('?');
  const path = question < 0 ? hash : hash.substring(0, question);
  const params = new URLSearchParams(question < 0 ? '' : hash.substring(question + 1));
  if (path === '#/' && !params.has('sorting')) {
    params.set('sorting', DUE_FIRST);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + path
      + '?' + params.toString());
  }
}

dueFirst();
window.addEventListener('hashchange', dueFirst);

export default {};
