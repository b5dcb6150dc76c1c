// Tasklist configuration of the MISP back office (replaces the webapp's default one).
export default {
  customScripts: [
    // No draft of a task form stays in the browser (personal and medical data): see the script.
    'misp/no-drafts'
  ]
};
