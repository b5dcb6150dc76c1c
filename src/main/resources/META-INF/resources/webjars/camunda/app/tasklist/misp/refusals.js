// A completion refused by a business rule comes back as a 400 whose body holds the French message
// and, when the rule concerns one, the form field (see BusinessRefusal on the server); the form's own
// contract names a field by its label ("« Montant accordé » : …"). Tasklist shows the message in its
// notification; this script also writes it under the field, as Camunda Forms does for its own checks,
// until the person changes that field or submits again.
// A task's form, and a process's start form (the "Démarrer un processus" dialog).
const SUBMISSION = /\/(task|process-definition(\/key)?)\/[^/]+\/submit-form$/;
const MARK = 'misp-refusal';

function clear() {
  document.querySelectorAll('.' + MARK).forEach((element) => element.remove());
}

function byKey(key) {
  if (typeof key !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) {
    return null;
  }
  const input = document.querySelector('[cam-tasklist-form-camunda] [id$="-' + key + '"]');
  return input && input.closest('.fjs-form-field');
}

function byLabel(message) {
  const quoted = /^« (.+?) » : /.exec(message);
  if (!quoted) {
    return null;
  }
  const labels = document.querySelectorAll('[cam-tasklist-form-camunda] .fjs-form-field-label');
  const label = Array.from(labels).find((element) => element.textContent.replace(/\*\s*$/, '').trim() === quoted[1]);
  return label && label.closest('.fjs-form-field');
}

function showNextToField(body) {
  let refusal;
  try {
    refusal = JSON.parse(body);
  } catch (notJson) {
    return;
  }
  if (!refusal || typeof refusal.message !== 'string') {
    return;
  }
  const field = byKey(refusal.field) || byLabel(refusal.message);
  if (!field) {
    return;
  }
  const error = document.createElement('div');
  error.className = 'fjs-form-field-error ' + MARK;
  error.setAttribute('aria-live', 'polite');
  const list = document.createElement('ul');
  const item = document.createElement('li');
  item.textContent = refusal.message;
  list.appendChild(item);
  error.appendChild(list);
  field.appendChild(error);
  // Any change to the form may answer the refusal (ticking « Dossier complet » answers one about the
  // missing documents): the message goes at the first change, and comes back if the server refuses again.
  const form = field.closest('form') || field;
  form.addEventListener('input', clear, { once: true });
  form.addEventListener('change', clear, { once: true });
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (SUBMISSION.test(String(url).split('?')[0])) {
    clear();
    this.addEventListener('load', () => {
      if (this.status === 400) {
        showNextToField(this.responseText);
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

export default {};
