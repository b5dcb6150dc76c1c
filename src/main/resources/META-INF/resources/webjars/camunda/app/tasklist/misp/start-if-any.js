// "Démarrer un processus" only for who may start one: IMA, HCS, médecins-conseil and the commission
// open no file from Tasklist (files reach them through the API and the processes), and the dialog told
// them "Aucune définition de processus disponible". Tasklist's own question (the definitions startable
// in Tasklist by this person), asked once after sign-in; the link is hidden when the answer is none.
const HIDDEN = 'misp-nothing-to-start';

async function startableCount() {
  const base = document.querySelector('base');
  const api = base && base.getAttribute('engine-api');
  if (!api) {
    return null;
  }
  const response = await fetch(api + 'engine/default/process-definition/count?latest=true&active=true'
    + '&startableInTasklist=true&startablePermissionCheck=true', { credentials: 'same-origin',
    headers: { Accept: 'application/json' } });
  return response.ok ? (await response.json()).count : null;
}

let asked = false;
function askOnceSignedIn() {
  if (asked || window.location.hash.indexOf('#/login') === 0) {
    return;
  }
  asked = true;
  startableCount().then((count) => {
    if (count === null) {
      asked = false; // not signed in yet (the sign-in page): asked again at the next page
      return;
    }
    document.documentElement.classList.toggle(HIDDEN, count === 0);
  }).catch(() => {
    asked = false;
  });
}

window.addEventListener('hashchange', askOnceSignedIn);
askOnceSignedIn();

export default {};
