// Tasklist configuration of the MISP back office (replaces the webapp's default one).
import mispConfiguration from '../../misp/configuration.js';

export default {
  // No draft of a task form stays in the browser (personal and medical data); a refused completion
  // shows its message next to the field it concerns; the task's file documents show above its form;
  // the list starts in the filters' order, nearest due date first: see the scripts.
  ...mispConfiguration('Tâches', ['misp/no-drafts', 'misp/refusals', 'misp/task-documents', 'misp/due-first',
    'misp/start-if-any']),
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'prend en charge la tâche affichée' },
    focusFilter: { key: 'ctrl+shift+f', description: 'va au premier filtre de la liste' },
    focusList: { key: 'ctrl+alt+l', description: 'va à la première tâche de la liste' },
    focusForm: { key: 'ctrl+alt+f', description: 'va au premier champ du formulaire de la tâche' },
    startProcess: { key: 'ctrl+alt+p', description: 'ouvre la fenêtre de démarrage d’un processus' }
  }
};
