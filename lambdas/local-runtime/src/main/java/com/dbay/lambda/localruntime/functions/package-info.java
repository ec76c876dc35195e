/**
 * Hosting Lambda handlers in-process: registry, invocation with the Lambda runtime's own event
 * serialization.
 */
package com.dbay.lambda.localruntime.functions;
