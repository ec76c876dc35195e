/**
 * Ports out: what the use cases need from stores, the Dogecoin node and key material. Adapters
 * implement them.
 */
package com.dbay.wallet.application.port.out;
