/**
 * The local event bus (Redis Streams, one stream, EventBridge envelope) and its EventBridge-style
 * rules.
 */
package com.dbay.lambda.localruntime.events;
