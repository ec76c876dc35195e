/**
 * Adapters to Dogecoin through the dbay-dogecoin library: deposit addresses, address checks, the
 * node's JSON-RPC.
 */
package com.dbay.wallet.adapter.out.chain;
