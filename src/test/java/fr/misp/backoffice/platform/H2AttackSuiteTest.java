package fr.misp.backoffice.platform;

import fr.misp.backoffice.support.H2AppTest;

/** The attack suite on the embedded H2 database. */
@H2AppTest
class H2AttackSuiteTest extends AttackSuiteTests {}
