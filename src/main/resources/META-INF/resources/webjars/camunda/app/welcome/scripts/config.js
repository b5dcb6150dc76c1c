// Welcome configuration of the MISP back office (replaces the webapp's default one).
import mispConfiguration from '../../misp/configuration.js';

export default {
  ...mispConfiguration('Accueil'),
  // No link to Camunda's documentation: the back office has its own guides.
  links: []
};
