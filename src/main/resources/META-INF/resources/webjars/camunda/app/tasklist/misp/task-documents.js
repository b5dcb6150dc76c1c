// "Pièces du dossier" above each task's form: the back office's page for the task's file (its
// documents for this reader, what the step requires and lacks, an upload form, the file's letters),
// served with Tasklist's own session. Camunda Forms in Tasklist 7.24 have no file picker.
const PANEL = 'misp-task-documents';

function currentTask() {
  const query = window.location.hash.split('?')[1] || '';
  const task = new URLSearchParams(query).get('task');
  return task && /^[A-Za-z0-9-]{1,64}$/.test(task) ? task : null;
}

function fit(frame) {
  try {
    frame.style.height = frame.contentDocument.documentElement.scrollHeight + 8 + 'px';
  } catch (elsewhere) {
    frame.style.height = '420px';
  }
}

function place() {
  const form = document.querySelector('[cam-tasklist-form][tasklist-form="taskForm"]');
  const task = currentTask();
  const existing = document.getElementById(PANEL);
  if (!form || !task) {
    if (existing) {
      existing.remove();
    }
    return;
  }
  if (existing && existing.dataset.task === task && existing.nextElementSibling === form) {
    return;
  }
  if (existing) {
    existing.remove();
  }
  const panel = document.createElement('section');
  panel.id = PANEL;
  panel.dataset.task = task;
  panel.setAttribute('aria-label', 'Pièces du dossier');
  const frame = document.createElement('iframe');
  frame.title = 'Pièces du dossier';
  frame.name = 'misp-pieces';
  frame.src = '/pieces/taches/' + encodeURIComponent(task);
  frame.style.cssText = 'width:100%;border:0;border-bottom:1px solid #d9dee3;min-height:160px;';
  frame.addEventListener('load', () => fit(frame));
  panel.appendChild(frame);
  form.parentNode.insertBefore(panel, form);
}

new MutationObserver(place).observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener('hashchange', place);

export default {};
