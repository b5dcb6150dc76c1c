package fr.misp.backoffice.platform;

import fr.misp.backoffice.support.PostgresProdAppTest;

/** The attack suite on a real PostgreSQL, in the prod profile. */
@PostgresProdAppTest
class PostgresAttackSuiteTest extends AttackSuiteTests {}
