// Tasklist keeps a draft of a form in the browser's localStorage when "Save" is clicked, and keeps
// it after the task is left: on a shared workstation the next person could read a medical note.
// The MISP keeps no draft at all: writes of drafts are dropped, and drafts left by an older version
// are removed when Tasklist loads. A form is submitted in one go.
const DRAFT_PREFIXES = ['camunda-form:', 'camForm:'];

function isDraft(key) {
  return typeof key === 'string' && DRAFT_PREFIXES.some((prefix) => key.indexOf(prefix) === 0);
}

const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (isDraft(key)) {
    return undefined;
  }
  return setItem.call(this, key, value);
};

for (let i = window.localStorage.length - 1; i >= 0; i--) {
  const key = window.localStorage.key(i);
  if (isDraft(key)) {
    window.localStorage.removeItem(key);
  }
}

export default {};
