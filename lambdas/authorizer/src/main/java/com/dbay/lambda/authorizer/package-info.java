/** The production path's token check: API Gateway REQUEST authorizer over Cognito JWTs. */
package com.dbay.lambda.authorizer;
