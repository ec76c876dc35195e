/**
 * Identity headers: client copies stripped, the token's identity set and signed with the gateway
 * proof.
 */
package com.dbay.gateway.identity;
