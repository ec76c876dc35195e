/** Token validation: which issuers, algorithms, audiences and token uses the gateway accepts. */
package com.dbay.gateway.security;
