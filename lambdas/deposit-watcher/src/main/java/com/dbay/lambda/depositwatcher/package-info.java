/**
 * deposit-watcher: follows the chain each block interval; checks a deposit's confirmations for its
 * workflow.
 */
package com.dbay.lambda.depositwatcher;
