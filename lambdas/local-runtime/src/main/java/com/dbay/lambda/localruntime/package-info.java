/**
 * The local serverless runtime: the AWS Lambda / EventBridge / Step Functions stand-in for one
 * machine.
 */
package com.dbay.lambda.localruntime;
