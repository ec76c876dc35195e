/**
 * The services' side of the identity contract: trust identity headers only with a valid gateway
 * proof.
 */
package com.dbay.platform.starter.identity;
