/** Adapters to Dogecoin: addresses from key material, address checks, the node. Stand-ins until the dogecoin library is merged. */
package com.dbay.wallet.adapter.out.chain;
