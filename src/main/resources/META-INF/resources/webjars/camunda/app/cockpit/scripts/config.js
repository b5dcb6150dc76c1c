// Cockpit configuration of the MISP back office (replaces the webapp's default one).
import mispConfiguration from '../../misp/configuration.js';

// The managers' views ("Suivi": finished files, endowments, late files, money) are a Cockpit plugin.
export default mispConfiguration('Pilotage', ['misp/oversight']);
