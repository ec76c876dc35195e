/** Amazon States Language: load-time validation, input/output processing and a step interpreter. */
package com.dbay.lambda.asl;
