/** A Dogecoin Core JSON-RPC 1.0 client over HTTP with basic auth, timeouts and typed errors. */
package com.dbay.dogecoin.rpc;
