/**
 * The EventBridge-shaped event envelope and EventBridge-like matching rules, shared by services and
 * Lambdas.
 */
package com.dbay.platform.events;
