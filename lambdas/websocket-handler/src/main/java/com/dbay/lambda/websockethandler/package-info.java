/**
 * websocket-handler: the API Gateway WebSocket routes ($connect, $disconnect, subscribe,
 * unsubscribe).
 */
package com.dbay.lambda.websockethandler;
