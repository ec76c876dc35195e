/** What every Lambda function module shares. */
package com.dbay.lambda.support;
