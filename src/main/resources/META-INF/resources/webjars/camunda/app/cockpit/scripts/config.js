// Cockpit configuration of the MISP back office (replaces the webapp's default one).
import mispConfiguration from '../../misp/configuration.js';

export default mispConfiguration('Pilotage');
