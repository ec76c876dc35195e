/** HTTP faces of the runtime: the Step Functions API (JSON 1.0, X-Amz-Target) and Lambda Invoke. */
package com.dbay.lambda.localruntime.api;
