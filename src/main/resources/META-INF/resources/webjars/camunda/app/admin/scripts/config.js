// Admin configuration of the MISP back office (replaces the webapp's default one).
import mispConfiguration from '../../misp/configuration.js';

// The dashboard gets a section where administrators assign advisors to agencies (misp/agencies).
export default mispConfiguration('Administration', ['misp/agencies']);
