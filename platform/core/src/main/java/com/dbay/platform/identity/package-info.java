/** The identity contract between the gateway (or the Lambda authorizer) and the services. */
package com.dbay.platform.identity;
