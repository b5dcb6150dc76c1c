/**
 * The benefit rules of the MISP member guide as plain Java: no Spring, no Camunda (an
 * architecture test keeps it so). Every formula names its rule id of RULES.md; every parameter is
 * effective-dated with its source; every calculation returns its amounts and the ordered steps
 * that explain them, in French, as the guide's worked examples do.
 */
package fr.misp.backoffice.rules;
